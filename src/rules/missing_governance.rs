//! `missing-governance`: the root has no governance.yaml.

use super::Context;
use crate::finding::Finding;
use crate::kind::Kind;

declare_rule! {
    /// Checks that the portfolio root holds `governance.yaml`, with a document in it.
    ///
    /// ## Why
    ///
    /// Governance says who approves which decision; without it no change can be judged.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # governance.yaml
    /// # to be written
    /// ```
    ///
    /// ## Fix
    ///
    /// Create governance.yaml with the chairman, the board and the decision rights.
    pub static MISSING_GOVERNANCE = {
        name: "missing-governance",
        severity: Error,
        family: Identity,
        summary: "the portfolio root has no governance.yaml",
        help: "create governance.yaml with the chairman, the board and the decision rights",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    findings.extend(context.missing_root_file(Kind::Governance, &MISSING_GOVERNANCE));
}
