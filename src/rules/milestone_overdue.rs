//! `milestone-overdue`: an initiative's milestone whose deadline has passed and that is not done.

use super::Context;
use crate::finding::Finding;

declare_rule! {
    /// Checks that every milestone of an initiative's `implementation` whose `deadline` is
    /// before the evaluation date is `done`. The evaluation date is the same as for `folio
    /// gates`: `--as-of`, else `as_of` in portfolio.yaml, else the commit's day with `--rev`,
    /// else today. A milestone is overdue the day after its deadline, never on it. The
    /// milestones of a `terminated` initiative are left alone: its work was stopped on purpose.
    ///
    /// ## Why
    ///
    /// The coordination plan is the SOP's schedule of each initiative; a deadline that passed
    /// without the milestone done means the plan no longer says what is happening, and the
    /// initiative dashboard marks it overdue.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # portfolio.yaml
    /// name: Halyard Studio
    /// as_of: 2026-11-15
    /// ```
    ///
    /// ```yaml
    /// # initiatives/AUTH.yaml
    /// initiative_id: AUTH
    /// name: Shared auth
    /// ventures: [solar]
    /// value_proposition: One login for every venture
    /// implementation:
    ///   - milestone: Design
    ///     deadline: 2026-11-14
    /// success_metrics: [{metric: Auth hours, target: 16}]
    /// ```
    ///
    /// ## Fix
    ///
    /// Mark the milestone done (`done: true`) once it is, or move its `deadline` to when it
    /// will be (a change the pull request's approvals cover, as any plan change).
    pub static MILESTONE_OVERDUE = {
        name: "milestone-overdue",
        severity: Warning,
        family: Process,
        summary: "an initiative's milestone is past its deadline and not done",
        help: "mark the milestone done (`done: true`) or move its deadline",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let as_of = context.as_of;
    for initiative in &context.model.initiatives {
        for (index, milestone) in initiative.overdue_milestones(as_of) {
            let days = as_of.days_after(milestone.deadline);
            findings.push(context.at(
                &MILESTONE_OVERDUE,
                initiative,
                &format!("/implementation/{index}/deadline"),
                format!(
                    "milestone {:?} of initiative {:?} was due on {} and is not done as of {as_of} ({days} day{} late); expected `done: true` or a later deadline",
                    milestone.milestone,
                    initiative.initiative_id,
                    milestone.deadline,
                    if days == 1 { "" } else { "s" },
                ),
            ));
        }
    }
}
