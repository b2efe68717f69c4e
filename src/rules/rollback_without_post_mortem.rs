//! `rollback-without-post-mortem`: a closed rollback that records no post-mortem.

use super::Context;
use crate::finding::Finding;

declare_rule! {
    /// Checks that a rollback with a `closed` date has a `post_mortem`: a text that is not
    /// empty (nor only spaces).
    ///
    /// ## Why
    ///
    /// A rollback is the SOP's emergency brake. Closing one without writing down what went
    /// wrong, and what changes because of it, loses the lesson the portfolio report's "what
    /// didn't work" is built from, and invites the same rollback again.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # rollbacks/RB-1.yaml
    /// id: RB-1
    /// declared: 2026-11-01
    /// trigger: performance-degraded
    /// initiatives: all
    /// closed: 2026-11-10
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the post-mortem (`post_mortem:`): what triggered the rollback, what was learnt,
    /// what changes. A rollback that is not over yet has no `closed` date.
    pub static ROLLBACK_WITHOUT_POST_MORTEM = {
        name: "rollback-without-post-mortem",
        severity: Error,
        family: Process,
        summary: "a closed rollback has no post-mortem",
        help: "write the rollback's post_mortem before closing it",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    for rollback in &context.model.rollbacks {
        let Some(closed) = rollback.closed else {
            continue;
        };
        let written = rollback
            .post_mortem
            .as_deref()
            .is_some_and(|text| !text.trim().is_empty());
        if !written {
            findings.push(context.at(
                &ROLLBACK_WITHOUT_POST_MORTEM,
                rollback,
                "/closed",
                format!(
                    "rollback {:?} was closed on {closed} without a post-mortem; expected a `post_mortem` that says what was learnt",
                    rollback.id
                ),
            ));
        }
    }
}
