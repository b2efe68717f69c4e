//! `stale-net-score`: a synergy's stored net score disagrees with its ratings.

use super::{Context, figure};
use crate::finding::Finding;
use crate::model::assessment::same2;

declare_rule! {
    /// Checks that a synergy's optional `net_score` equals value potential × strategic
    /// importance / implementation effort, rounded to 2 decimals.
    ///
    /// ## Why
    ///
    /// The register is prioritised by net score; a stale one puts the wrong synergy first.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # synergies/SYN-1.yaml
    /// id: SYN-1
    /// title: Shared auth
    /// category: technology
    /// ventures: [solar, wind]
    /// value_potential: 5
    /// implementation_effort: 2
    /// strategic_importance: 4
    /// net_score: 8
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the computed score (the message gives it), or remove `net_score:`.
    pub static STALE_NET_SCORE = {
        name: "stale-net-score",
        severity: Error,
        family: Arithmetic,
        summary: "a synergy's net score disagrees with its ratings",
        help: "write the computed net score, or remove `net_score:`",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    for synergy in &context.model.synergies {
        let Some(stored) = synergy.net_score else {
            continue;
        };
        let computed = synergy.computed_net_score();
        if !same2(stored, computed) {
            findings.push(context.at(
                &STALE_NET_SCORE,
                synergy,
                "/net_score",
                format!(
                    "net score {} disagrees with the ratings: {} × {} / {} = {}; expected {}",
                    figure(stored),
                    synergy.value_potential,
                    synergy.strategic_importance,
                    synergy.implementation_effort,
                    figure(computed),
                    figure(computed)
                ),
            ));
        }
    }
}
