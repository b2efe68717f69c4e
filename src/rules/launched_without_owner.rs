//! `launched-without-owner`: a launched initiative that nobody owns.

use super::Context;
use crate::finding::Finding;

declare_rule! {
    /// Checks that an initiative that is `launched`, `in-progress` or `completed` has an
    /// `owner`.
    ///
    /// ## Why
    ///
    /// The SOP's step "initiatives launched" is done only when each launched initiative has an
    /// owner; without one, nobody answers for its milestones or its value.
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
    /// status: launched
    /// ```
    ///
    /// ## Fix
    ///
    /// Name the owner (`owner:`).
    pub static LAUNCHED_WITHOUT_OWNER = {
        name: "launched-without-owner",
        severity: Error,
        family: Process,
        summary: "a launched initiative has no owner",
        help: "name the initiative's owner",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    for initiative in &context.model.initiatives {
        let owned = initiative
            .owner
            .as_deref()
            .is_some_and(|owner| !owner.trim().is_empty());
        if initiative.status.is_launched() && !owned {
            findings.push(context.at(
                &LAUNCHED_WITHOUT_OWNER,
                initiative,
                "/status",
                format!(
                    "initiative {:?} is {} but has no owner; expected an owner for every launched initiative",
                    initiative.initiative_id,
                    initiative.status.as_str()
                ),
            ));
        }
    }
}
