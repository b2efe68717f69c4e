//! `stale-total`: an assessment's stored total disagrees with its scores.

use super::{Context, figure};
use crate::finding::Finding;
use crate::model::assessment::same2;

declare_rule! {
    /// Checks that an assessment's optional `total` equals Σ weight × score, rounded to 2
    /// decimals, with the weights in force (`thresholds.assessment_weights`, by default
    /// strategic fit 0.30, financial health 0.30, growth potential 0.25, resource efficiency
    /// 0.15).
    ///
    /// ## Why
    ///
    /// A total typed by hand goes stale when a score or a weight changes, and the assessment
    /// matrix would rank ventures on a number nobody computed.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # assessments/solar-2026-10-19.yaml
    /// venture: solar
    /// date: 2026-10-19
    /// scores: {strategic_fit: 4, financial_health: 3, growth_potential: 5, resource_efficiency: 2}
    /// recommendation: continue
    /// total: 3.5
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the computed total (the message gives it), or remove `total:` and let folio
    /// compute it.
    pub static STALE_TOTAL = {
        name: "stale-total",
        severity: Error,
        family: Arithmetic,
        summary: "an assessment's total disagrees with its weighted scores",
        help: "write the computed total, or remove `total:`",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let weights = context.model.thresholds().assessment_weights;
    for assessment in &context.model.assessments {
        let Some(stored) = assessment.total else {
            continue;
        };
        let computed = assessment.scores.total(&weights);
        if !same2(stored, computed) {
            let scores = &assessment.scores;
            findings.push(context.at(
                &STALE_TOTAL,
                assessment,
                "/total",
                format!(
                    "total {} disagrees with the scores: {}×{} + {}×{} + {}×{} + {}×{} = {}; expected {}",
                    figure(stored),
                    figure(weights.strategic_fit),
                    scores.strategic_fit,
                    figure(weights.financial_health),
                    scores.financial_health,
                    figure(weights.growth_potential),
                    scores.growth_potential,
                    figure(weights.resource_efficiency),
                    scores.resource_efficiency,
                    figure(computed),
                    figure(computed)
                ),
            ));
        }
    }
}
