//! `resolved-conflict-incomplete`: a conflict marked resolved without saying how.

use super::Context;
use crate::finding::Finding;
use crate::model::conflict::ConflictStatus;

declare_rule! {
    /// Checks that a conflict with `status: resolved` gives its `strategy`, its `resolution`
    /// and the date it was resolved (`resolved_on`).
    ///
    /// ## Why
    ///
    /// The conflict resolution log is a deliverable the chairman approves; a resolution
    /// without its strategy, text or date cannot be reviewed or learnt from.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # conflicts/CON-1.yaml
    /// id: CON-1
    /// title: Both want the data team
    /// type: talent
    /// ventures: [solar, wind]
    /// status: resolved
    /// ```
    ///
    /// ## Fix
    ///
    /// Add the missing fields, or set the status back to `open`.
    pub static RESOLVED_CONFLICT_INCOMPLETE = {
        name: "resolved-conflict-incomplete",
        severity: Error,
        family: Process,
        summary: "a resolved conflict lacks its strategy, resolution or date",
        help: "add strategy, resolution and resolved_on, or set the status back to open",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    for conflict in &context.model.conflicts {
        if conflict.status != ConflictStatus::Resolved {
            continue;
        }
        let missing: Vec<&str> = [
            ("strategy", conflict.strategy.is_none()),
            (
                "resolution",
                conflict
                    .resolution
                    .as_deref()
                    .is_none_or(|text| text.trim().is_empty()),
            ),
            ("resolved_on", conflict.resolved_on.is_none()),
        ]
        .into_iter()
        .filter(|(_, absent)| *absent)
        .map(|(field, _)| field)
        .collect();
        if !missing.is_empty() {
            findings.push(context.at(
                &RESOLVED_CONFLICT_INCOMPLETE,
                conflict,
                "/status",
                format!(
                    "conflict {:?} is resolved but has no {}; expected strategy, resolution and resolved_on",
                    conflict.id,
                    missing.join(", ")
                ),
            ));
        }
    }
}
