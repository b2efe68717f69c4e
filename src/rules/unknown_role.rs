//! `unknown-role`: a role name that governance does not define.

use std::collections::BTreeSet;

use super::{Context, Reference};
use crate::finding::Finding;
use crate::model::Item;
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
    let mut check_role = |item: &Item<()>, pointer: String, role: &str, approves: bool| {
        if known.contains(role) {
            return;
        }
        match Group::parse(role) {
            Some(_) if !approves => {}
            Some(group) => findings.push(
                context
                    .at(
                        &UNKNOWN_ROLE,
                        item,
                        &pointer,
                        format!(
                            "{role:?} is a group ({}), which cannot approve; expected a role defined under `roles:`",
                            group.describe()
                        ),
                    )
                    .with_help("approvals need a role whose members have GitHub logins"),
            ),
            None => findings.push(context.unknown_reference(
                &UNKNOWN_ROLE,
                Reference {
                    item,
                    pointer: &pointer,
                    what: "role",
                    id: role,
                    at_key: false,
                },
                &known,
            )),
        }
    };
    let approvals = model
        .conflicts
        .iter()
        .map(|c| (c.place(), c.approved_by.as_deref()))
        .chain(
            model
                .initiatives
                .iter()
                .map(|i| (i.place(), i.approved_by.as_deref())),
        )
        .chain(
            model
                .resources
                .iter()
                .map(|r| (r.place(), r.approved_by.as_deref())),
        );
    for (item, approved_by) in approvals {
        if let Some(role) = approved_by {
            check_role(&item, "/approved_by".into(), role, true);
        }
    }

    let here = governance.place();
    for (index, right) in governance.decision_rights.iter().enumerate() {
        if let Some(authority) = right.authority.as_deref() {
            let pointer = format!("/decision_rights/{index}/authority");
            check_role(&here, pointer, authority, false);
        }
        for (position, approval) in right.approvals.iter().enumerate() {
            let pointer = format!("/decision_rights/{index}/approvals/{position}/role");
            check_role(&here, pointer, &approval.role, true);
        }
    }
    for (index, role) in governance.escalation.iter().enumerate() {
        check_role(&here, format!("/escalation/{index}"), role, false);
    }
    for (index, meeting) in governance.cadence.iter().enumerate() {
        for (position, role) in meeting.attendees.iter().enumerate() {
            let pointer = format!("/cadence/{index}/attendees/{position}");
            check_role(&here, pointer, role, false);
        }
    }
}
