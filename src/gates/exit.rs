//! The exit gates: coordination established, synergies captured, portfolio optimized.

use serde::Serialize;
use std::sync::Arc;

use super::figures::{baseline, current};
use super::steps::launched_without_owner;
use super::{Evidence, GateId, GateResult, Input, Status, files, names, percent};
use crate::numbers::figure;

/// The evidence of `coordination-established`.
#[derive(Debug, Clone, Serialize)]
pub struct CoordinationEstablished {
    /// How many initiatives and resources exist: at least one of each is needed.
    pub initiatives: usize,
    pub resources: usize,
    pub initiatives_without_approval: Vec<String>,
    pub resources_without_approval: Vec<String>,
    pub governance_established: bool,
    pub launched_without_owner: Vec<String>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `synergies-captured`: whether each of the three steps it needs is done.
#[derive(Debug, Clone, Serialize)]
pub struct SynergiesCaptured {
    pub initiatives_launched: bool,
    pub value_captured: bool,
    pub benefits_measured: bool,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `portfolio-optimized`.
#[derive(Debug, Clone, Serialize)]
pub struct PortfolioOptimized {
    pub revenue_growth_pct: Option<f64>,
    pub cost_reduction_pct: Option<f64>,
    pub duplicate_effort_reduction_pct: Option<f64>,
    pub conflict_resolution_rate_pct: f64,
    pub thresholds: OptimizationThresholds,
    pub files: Vec<Arc<str>>,
}

/// The thresholds `portfolio-optimized` compares with.
#[derive(Debug, Clone, Serialize)]
pub struct OptimizationThresholds {
    pub min_revenue_growth_pct: f64,
    pub min_cost_reduction_pct: f64,
    pub min_duplicate_effort_reduction_pct: f64,
    pub min_conflict_resolution_rate_pct: f64,
}

/// At least one initiative and one (shared) resource exist, every initiative and resource has
/// `approved_by`, governance is established and every launched initiative has an owner.
/// Nothing is established in an empty portfolio.
pub(super) fn coordination_established(
    input: &Input<'_>,
    governance_established: bool,
) -> GateResult {
    let model = input.model;
    let unapproved_initiatives: Vec<_> = model
        .initiatives
        .iter()
        .filter(|i| i.approved_by.is_none())
        .collect();
    let unapproved_resources: Vec<_> = model
        .resources
        .iter()
        .filter(|r| r.approved_by.is_none())
        .collect();
    let ownerless = launched_without_owner(model);
    let initiative_ids: Vec<String> = unapproved_initiatives
        .iter()
        .map(|i| i.initiative_id.clone())
        .collect();
    let resource_ids: Vec<String> = unapproved_resources.iter().map(|r| r.id.clone()).collect();
    let ownerless_ids: Vec<String> = ownerless.iter().map(|i| i.initiative_id.clone()).collect();
    let mut gaps = Vec::new();
    match (model.initiatives.is_empty(), model.resources.is_empty()) {
        (true, true) => gaps.push("no initiative and no shared resource exist".to_string()),
        (true, false) => gaps.push("no initiative exists".to_string()),
        (false, true) => gaps.push("no shared resource exists".to_string()),
        (false, false) => {}
    }
    if !initiative_ids.is_empty() {
        gaps.push(format!(
            "initiatives without approved_by: {}",
            names(&initiative_ids)
        ));
    }
    if !resource_ids.is_empty() {
        gaps.push(format!(
            "resources without approved_by: {}",
            names(&resource_ids)
        ));
    }
    if !governance_established {
        gaps.push("governance is not established".into());
    }
    if !ownerless_ids.is_empty() {
        gaps.push(format!(
            "launched initiatives without an owner: {}",
            names(&ownerless_ids)
        ));
    }
    let mut behind = files(unapproved_initiatives.iter().copied());
    behind.extend(files(unapproved_resources.iter().copied()));
    behind.extend(files(ownerless.iter().copied()));
    if !governance_established {
        behind.extend(files(model.governance.iter()));
    }
    behind.sort();
    behind.dedup();
    let summary = if gaps.is_empty() {
        "every initiative and resource approved, governance established, every launched initiative owned".into()
    } else {
        gaps.join("; ")
    };
    GateResult::new(
        Status::of(gaps.is_empty()),
        summary,
        Evidence::CoordinationEstablished(CoordinationEstablished {
            initiatives: model.initiatives.len(),
            resources: model.resources.len(),
            initiatives_without_approval: initiative_ids,
            resources_without_approval: resource_ids,
            governance_established,
            launched_without_owner: ownerless_ids,
            files: behind,
        }),
    )
}

/// Initiatives launched, value captured and benefits measured: passes when the three steps do,
/// and names the files behind them.
pub(super) fn synergies_captured(steps: &[&GateResult]) -> GateResult {
    let missing: Vec<&str> = steps
        .iter()
        .filter(|step| !step.passed())
        .map(|step| step.id.as_str())
        .collect();
    let mut behind: Vec<Arc<str>> = steps
        .iter()
        .flat_map(|step| step.evidence.files().iter().cloned())
        .collect();
    behind.sort();
    behind.dedup();
    let done = |id: GateId| steps.iter().any(|step| step.id == id && step.passed());
    let summary = if missing.is_empty() {
        "initiatives launched, value captured and benefits measured".into()
    } else {
        format!("steps not done: {}", missing.join(", "))
    };
    GateResult::new(
        Status::of(missing.is_empty() && steps.len() == 3),
        summary,
        Evidence::SynergiesCaptured(SynergiesCaptured {
            initiatives_launched: done(GateId::InitiativesLaunched),
            value_captured: done(GateId::ValueCaptured),
            benefits_measured: done(GateId::BenefitsMeasured),
            files: behind,
        }),
    )
}

/// (Revenue growth ≥ min or cost reduction ≥ min) and duplicate-effort reduction ≥ min and
/// conflict resolution rate ≥ min; a figure that cannot be computed fails its part.
pub(super) fn portfolio_optimized(input: &Input<'_>) -> GateResult {
    let t = input.thresholds;
    let figures = input.figures;
    let at_least = |value: Option<f64>, min: f64| value.is_some_and(|value| value >= min - 1e-9);
    let revenue = at_least(figures.revenue_growth_pct, t.min_revenue_growth_pct);
    let cost = at_least(figures.cost_reduction_pct, t.min_cost_reduction_pct);
    let effort = at_least(
        figures.duplicate_effort_reduction_pct,
        t.min_duplicate_effort_reduction_pct,
    );
    let resolution =
        figures.conflict_resolution_rate_pct >= t.min_conflict_resolution_rate_pct - 1e-9;
    let passed = (revenue || cost) && effort && resolution;
    let baseline = baseline(input.model);
    let current = current(input.model);
    GateResult::new(
        Status::of(passed),
        format!(
            "revenue growth {} (≥ {}%) or cost reduction {} (≥ {}%); duplicate-effort reduction {} (≥ {}%); conflict resolution rate {} (≥ {}%)",
            percent(figures.revenue_growth_pct),
            figure(t.min_revenue_growth_pct),
            percent(figures.cost_reduction_pct),
            figure(t.min_cost_reduction_pct),
            percent(figures.duplicate_effort_reduction_pct),
            figure(t.min_duplicate_effort_reduction_pct),
            percent(Some(figures.conflict_resolution_rate_pct)),
            figure(t.min_conflict_resolution_rate_pct)
        ),
        Evidence::PortfolioOptimized(PortfolioOptimized {
            revenue_growth_pct: figures.revenue_growth_pct,
            cost_reduction_pct: figures.cost_reduction_pct,
            duplicate_effort_reduction_pct: figures.duplicate_effort_reduction_pct,
            conflict_resolution_rate_pct: figures.conflict_resolution_rate_pct,
            thresholds: OptimizationThresholds {
                min_revenue_growth_pct: t.min_revenue_growth_pct,
                min_cost_reduction_pct: t.min_cost_reduction_pct,
                min_duplicate_effort_reduction_pct: t.min_duplicate_effort_reduction_pct,
                min_conflict_resolution_rate_pct: t.min_conflict_resolution_rate_pct,
            },
            files: files(baseline.into_iter().chain(current)),
        }),
    )
}
