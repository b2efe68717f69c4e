//! `baseline-missing`: metrics snapshots, none of them the baseline.

use super::Context;
use crate::finding::Finding;

declare_rule! {
    /// Flags a portfolio that has metrics snapshots but none marked `baseline: true`.
    ///
    /// ## Why
    ///
    /// Benefits are measured against the baseline: without one, revenue growth, cost reduction
    /// and duplicate-effort reduction cannot be computed, and the exit gates cannot pass.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # metrics/2026-09.yaml
    /// period: 2026-09
    /// revenue_monthly: 400000
    /// resource_cost_monthly: 180000
    /// duplicate_effort_hours_monthly: 600
    /// ```
    ///
    /// ## Fix
    ///
    /// Mark the snapshot taken before coordination began with `baseline: true`.
    pub static BASELINE_MISSING = {
        name: "baseline-missing",
        severity: Warning,
        family: Process,
        summary: "no metrics snapshot is the baseline",
        help: "mark the snapshot taken before coordination began with `baseline: true`",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let metrics = &context.model.metrics;
    if metrics.iter().any(|snapshot| snapshot.baseline) {
        return;
    }
    // Reported once, at the earliest snapshot: the likeliest baseline.
    if let Some(earliest) = metrics.iter().min_by(|a, b| a.period.cmp(&b.period)) {
        findings.push(context.at(
            &BASELINE_MISSING,
            earliest,
            "/period",
            format!(
                "none of the {} metrics snapshots is the baseline; expected one with baseline: true (perhaps this one, the earliest, {})",
                metrics.len(),
                earliest.period
            ),
        ));
    }
}
