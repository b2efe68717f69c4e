//! `unknown-decision-type`: a decision right for a decision folio does not know.

use super::{Context, expected_one_of};
use crate::decisions::types::DecisionType;
use crate::finding::Finding;
use crate::suggest::closest;

declare_rule! {
    /// Checks that every `decision` in governance.yaml's `decision_rights` is one of the
    /// thirteen decision types folio reads a pull request as: launch-initiative,
    /// change-initiative-budget, reallocate-resources, add-venture, sunset-venture,
    /// change-venture-status, escalate-conflict, resolve-conflict, record-approval,
    /// change-thresholds, change-governance, declare-rollback, and amend-record (every other
    /// change to a governed field, and records added or removed without another decision).
    ///
    /// ## Why
    ///
    /// A right for a decision type that never occurs protects nothing, and the decision it was
    /// meant for (spelt differently) has no right of its own, so it falls back to the chairman:
    /// the rule the governance meant to write is not the one in force.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # governance.yaml
    /// roles:
    ///   chairman:
    ///     members: [{name: Elena, github: emarsh}]
    ///   board:
    ///     members: [{name: Tomas, github: taguilar}]
    /// decision_rights:
    ///   - decision: launch-initiatives
    ///     approvals: [{role: chairman}]
    /// ```
    ///
    /// ## Fix
    ///
    /// Use one of the thirteen decision types.
    pub static UNKNOWN_DECISION_TYPE = {
        name: "unknown-decision-type",
        severity: Error,
        family: Process,
        summary: "a decision right names a decision type that does not exist",
        help: "use one of the thirteen decision types (`folio explain unknown-decision-type`)",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let Some(governance) = &context.model.governance else {
        return;
    };
    let types = || DecisionType::ALL.iter().map(|kind| kind.name());
    for (index, right) in governance.decision_rights.iter().enumerate() {
        if DecisionType::parse(&right.decision).is_some() {
            continue;
        }
        let finding = context.at(
            &UNKNOWN_DECISION_TYPE,
            governance,
            &format!("/decision_rights/{index}/decision"),
            format!(
                "decision type {:?} does not exist; {}",
                right.decision,
                expected_one_of(types(), "decision type")
            ),
        );
        findings.push(match closest(&right.decision, types()) {
            Some(near) => finding.with_help(format!("did you mean {near:?}?")),
            None => finding,
        });
    }
}
