//! `unknown-role`: a role name that governance does not define.

use std::collections::BTreeSet;

use super::references::{CONFLICT_APPROVED_BY, INITIATIVE_APPROVED_BY, RESOURCE_APPROVED_BY};
use super::{Context, Reference, in_document};
use crate::finding::Finding;
use crate::load::Document;
use crate::model::governance::Group;

declare_rule! {
    /// Checks that every role name is defined under `roles:` in governance.yaml: the
    /// `approved_by` of conflicts, initiatives and resources, and in governance itself each
    /// decision right's `authority` and approval `role`, the `escalation` path and the
    /// cadence's `attendees`. Where a role is named for who decides, escalates or meets (an
    /// authority, the escalation path, attendees), the groups `initiative-owner(s)` (each
    /// initiative's owner) and `venture-lead(s)` (each venture's lead) are valid too; where it
    /// approves (an approval's role, `approved_by`), only a role is: a group has no GitHub
    /// logins to approve with.
    ///
    /// The `approved_by` of a conflict, an initiative or a resource is checked even when its
    /// document breaks its schema elsewhere, as long as it is a role name; the governance
    /// itself must pass its schema for any role to be checked.
    ///
    /// ## Why
    ///
    /// Approvals are checked against the members of a role; a role that does not exist can
    /// never approve, and an `approved_by` naming it claims an approval nobody can give.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # resources/pool.yaml
    /// id: pool
    /// name: Data team
    /// type: talent
    /// unit: percent
    /// capacity: 100
    /// allocations: {}
    /// approved_by: chairmen
    /// ```
    ///
    /// ## Fix
    ///
    /// Use a role defined in governance.yaml, or define the role there.
    pub static UNKNOWN_ROLE = {
        name: "unknown-role",
        severity: Error,
        family: References,
        summary: "a role name is not defined in governance",
        help: "use a role defined under `roles:` in governance.yaml",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let model = context.model;
    let Some(governance) = &model.governance else {
        return;
    };
    let known: BTreeSet<&str> = governance.roles.keys().map(String::as_str).collect();
    // `approves`: the name must be a role whose members can approve, never a group.
    let mut check_role = |reference: Reference<'_>, approves: bool| {
        let role = reference.id;
        if known.contains(role) {
            return;
        }
        match Group::parse(role) {
            Some(_) if !approves => {}
            Some(group) => findings.push(
                in_document(
                    &UNKNOWN_ROLE,
                    reference.document,
                    &reference.pointer,
                    format!(
                        "{role:?} is a group ({}), which cannot approve; expected a role defined under `roles:`",
                        group.describe()
                    ),
                )
                .with_help("approvals need a role whose members have GitHub logins"),
            ),
            None => findings.push(context.unknown_reference(
                &UNKNOWN_ROLE,
                "role",
                &reference,
                &known,
            )),
        }
    };
    // Read from every document, valid or not, like the other references.
    let approvals = [
        CONFLICT_APPROVED_BY,
        INITIATIVE_APPROVED_BY,
        RESOURCE_APPROVED_BY,
    ];
    for field in approvals {
        for reference in context.references(field).flatten() {
            check_role(reference, true);
        }
    }

    let here = context.document(governance);
    for (index, right) in governance.decision_rights.iter().enumerate() {
        if let Some(authority) = right.authority.as_deref() {
            let pointer = format!("/decision_rights/{index}/authority");
            check_role(role_at(here, pointer, authority), false);
        }
        for (position, approval) in right.approvals.iter().enumerate() {
            let pointer = format!("/decision_rights/{index}/approvals/{position}/role");
            check_role(role_at(here, pointer, &approval.role), true);
        }
    }
    for (index, role) in governance.escalation.iter().enumerate() {
        check_role(role_at(here, format!("/escalation/{index}"), role), false);
    }
    for (index, meeting) in governance.cadence.iter().enumerate() {
        for (position, role) in meeting.attendees.iter().enumerate() {
            let pointer = format!("/cadence/{index}/attendees/{position}");
            check_role(role_at(here, pointer, role), false);
        }
    }
}

/// A role named in governance, which the typed model reads (governance must pass its schema
/// for any role to be known).
fn role_at<'a>(document: &'a Document, pointer: String, role: &'a str) -> Reference<'a> {
    Reference {
        document,
        pointer,
        id: role,
        at_key: false,
    }
}
