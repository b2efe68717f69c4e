//! `multiple-baselines`: more than one metrics snapshot claims to be the baseline.

use super::Context;
use crate::finding::Finding;

declare_rule! {
    /// Checks that at most one metrics snapshot has `baseline: true`.
    ///
    /// ## Why
    ///
    /// Improvement is measured against one baseline; with two, the figures depend on which
    /// one a reader picks.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # metrics/2026-08.yaml
    /// period: 2026-08
    /// baseline: true
    /// revenue_monthly: 400000
    /// resource_cost_monthly: 180000
    /// duplicate_effort_hours_monthly: 600
    /// ```
    ///
    /// ```yaml
    /// # metrics/2026-09.yaml
    /// period: 2026-09
    /// baseline: true
    /// revenue_monthly: 410000
    /// resource_cost_monthly: 175000
    /// duplicate_effort_hours_monthly: 550
    /// ```
    ///
    /// ## Fix
    ///
    /// Keep `baseline: true` on the snapshot taken before coordination began only.
    pub static MULTIPLE_BASELINES = {
        name: "multiple-baselines",
        severity: Error,
        family: Process,
        summary: "more than one metrics snapshot is the baseline",
        help: "keep `baseline: true` on one snapshot only",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let mut baselines: Vec<_> = context
        .model
        .metrics
        .iter()
        .filter(|snapshot| snapshot.baseline)
        .collect();
    baselines.sort_by(|a, b| a.period.cmp(&b.period));
    let Some((first, rest)) = baselines.split_first() else {
        return;
    };
    let (file, _) = context.position_of(first, "/baseline");
    for snapshot in rest {
        findings.push(context.at(
            &MULTIPLE_BASELINES,
            snapshot,
            "/baseline",
            format!(
                "period {} is marked as the baseline, but {} ({file}) already is; expected one baseline",
                snapshot.period, first.period
            ),
        ));
    }
}
