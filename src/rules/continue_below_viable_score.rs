//! `continue-below-viable-score`: "continue" recommended on a total below the viable score.

use super::{Context, figure};
use crate::finding::Finding;
use crate::model::assessment::Recommendation;

declare_rule! {
    /// Flags an assessment that recommends `continue` although its total (computed from the
    /// scores and weights) is below `min_viable_score` (2.5 by default).
    ///
    /// ## Why
    ///
    /// The SOP treats a total below the viable score as a signal to pivot or sunset; continuing
    /// anyway may be right, but it is a choice the chairman should see, with its rationale.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # assessments/solar-2026-10-19.yaml
    /// venture: solar
    /// date: 2026-10-19
    /// scores: {strategic_fit: 2, financial_health: 1, growth_potential: 3, resource_efficiency: 2}
    /// recommendation: continue
    /// ```
    ///
    /// ## Fix
    ///
    /// Recommend `pivot` or `sunset`. If continuing is the considered choice, keep it and say why
    /// in `rationale:`: the advisory stays, so that the chairman sees the choice each time the
    /// matrix is reviewed.
    pub static CONTINUE_BELOW_VIABLE_SCORE = {
        name: "continue-below-viable-score",
        severity: Advisory,
        family: Arithmetic,
        summary: "`continue` is recommended on a total below the viable score",
        help: "recommend pivot or sunset; if continuing is the choice, the advisory stays for the chairman to see",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let thresholds = context.model.thresholds();
    for assessment in &context.model.assessments {
        if assessment.recommendation != Recommendation::Continue {
            continue;
        }
        let total = assessment.scores.total(&thresholds.assessment_weights);
        if total < thresholds.min_viable_score {
            findings.push(context.at(
                &CONTINUE_BELOW_VIABLE_SCORE,
                assessment,
                "/recommendation",
                format!(
                    "\"continue\" on a total of {}; expected pivot or sunset below the viable score {}",
                    figure(total),
                    figure(thresholds.min_viable_score)
                ),
            ));
        }
    }
}
