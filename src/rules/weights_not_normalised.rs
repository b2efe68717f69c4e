//! `weights-not-normalised`: assessment weights that do not sum to 1.

use super::{Context, figure};
use crate::finding::Finding;

declare_rule! {
    /// Checks that `thresholds.assessment_weights` in portfolio.yaml sum to 1.
    ///
    /// ## Why
    ///
    /// Totals are weighted averages on the 0–5 scale of the scores; weights that sum to more
    /// or less than 1 inflate or deflate every total, and the viable-score bar with them.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # portfolio.yaml
    /// name: Studio
    /// thresholds:
    ///   assessment_weights:
    ///     strategic_fit: 0.4
    ///     financial_health: 0.3
    ///     growth_potential: 0.25
    ///     resource_efficiency: 0.15
    /// ```
    ///
    /// ## Fix
    ///
    /// Adjust the weights so that they sum to 1.
    pub static WEIGHTS_NOT_NORMALISED = {
        name: "weights-not-normalised",
        severity: Error,
        family: Arithmetic,
        summary: "the assessment weights do not sum to 1",
        help: "adjust the four weights so that they sum to 1",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let Some(portfolio) = &context.model.portfolio else {
        return;
    };
    let weights = &portfolio.thresholds.assessment_weights;
    let sum = weights.sum();
    if (sum - 1.0).abs() > 1e-9 {
        findings.push(context.at_key(
            &WEIGHTS_NOT_NORMALISED,
            portfolio,
            "/thresholds/assessment_weights",
            format!(
                "the weights sum to {} ({} + {} + {} + {}); expected 1",
                figure(sum),
                figure(weights.strategic_fit),
                figure(weights.financial_health),
                figure(weights.growth_potential),
                figure(weights.resource_efficiency)
            ),
        ));
    }
}
