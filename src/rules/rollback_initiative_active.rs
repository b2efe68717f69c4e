//! `rollback-initiative-active`: an initiative still running under an open rollback.

use super::Context;
use crate::finding::Finding;

declare_rule! {
    /// Checks that while a rollback is open (it has no `closed` date), every initiative it
    /// covers is stopped: no initiative it lists (or, with `initiatives: all`, no initiative
    /// at all) may still be `launched` or `in-progress`; `paused` or `terminated` it must be.
    /// Planned and completed initiatives are not running, so they do not count.
    ///
    /// ## Why
    ///
    /// A rollback returns the ventures to independent operation; an initiative that keeps
    /// running means the rollback was declared but not carried out.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # initiatives/AUTH.yaml
    /// initiative_id: AUTH
    /// name: Shared auth
    /// ventures: [solar]
    /// value_proposition: One login for every venture
    /// implementation: [{milestone: Design, deadline: 2026-10-20}]
    /// success_metrics: [{metric: Auth hours, target: 16}]
    /// owner: Ada
    /// status: in-progress
    /// ```
    ///
    /// ```yaml
    /// # rollbacks/RB-1.yaml
    /// id: RB-1
    /// declared: 2026-11-01
    /// trigger: performance-degraded
    /// initiatives: [AUTH]
    /// ```
    ///
    /// ## Fix
    ///
    /// Pause or terminate the initiative, or close the rollback (`closed:`) once it is over.
    pub static ROLLBACK_INITIATIVE_ACTIVE = {
        name: "rollback-initiative-active",
        severity: Error,
        family: Process,
        summary: "an open rollback covers an initiative that is still running",
        help: "pause or terminate the initiative, or close the rollback",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let model = context.model;
    for rollback in model.rollbacks.iter().filter(|rollback| rollback.is_open()) {
        let (file, position) = context.position_of(rollback, "/initiatives");
        for initiative in &model.initiatives {
            if initiative.status.is_active() && rollback.covers(&initiative.initiative_id) {
                findings.push(context.at(
                    &ROLLBACK_INITIATIVE_ACTIVE,
                    initiative,
                    "/status",
                    format!(
                        "initiative {:?} is {} although rollback {:?} ({file}:{}) covers it and is open; expected paused or terminated",
                        initiative.initiative_id,
                        initiative.status.as_str(),
                        rollback.id,
                        position.line
                    ),
                ));
            }
        }
    }
}
