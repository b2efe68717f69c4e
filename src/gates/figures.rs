//! The figures the gates compare (counts, value captured, improvement against the baseline,
//! conflict resolution rate), computed once from the model and the date; and which metrics
//! snapshots are the baseline and the current one.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::conflict::ConflictStatus;
use crate::model::date::Date;
use crate::model::venture::VentureStatus;
use crate::model::{Item, Metrics, Model};

/// The figures the gates compare, also shown in reports. A percentage that cannot be computed
/// (no baseline, a baseline of 0, a result too large for a number) is `None`, never NaN. A sum
/// of value can overflow: it is then not finite (`null` in JSON), and the gates that read it
/// say so instead of passing.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    pub active_ventures: usize,
    pub plans: usize,
    pub launched_initiatives: usize,
    pub value_usd: f64,
    pub value_hours: f64,
    /// Money captured per initiative, by initiative id.
    pub value_usd_by_initiative: BTreeMap<String, f64>,
    pub revenue_growth_pct: Option<f64>,
    pub cost_reduction_pct: Option<f64>,
    pub duplicate_effort_reduction_pct: Option<f64>,
    pub conflict_resolution_rate_pct: f64,
    /// The periods of the baseline and current snapshots, when they exist.
    pub baseline_period: Option<String>,
    pub current_period: Option<String>,
}

impl Figures {
    /// Every figure of the model as of `as_of` (which decides only the value captured).
    pub fn of(model: &Model, as_of: Date) -> Figures {
        let mut figures = Figures {
            active_ventures: model
                .ventures
                .iter()
                .filter(|venture| venture.status == VentureStatus::Active)
                .count(),
            plans: model.initiatives.iter().filter(|i| i.is_plan()).count(),
            launched_initiatives: model
                .initiatives
                .iter()
                .filter(|i| i.status.is_launched())
                .count(),
            ..Figures::default()
        };
        for event in &model.value_events {
            let Some(unit) = event.unit else { continue };
            let captured = event.captured(as_of);
            if unit.is_money() {
                figures.value_usd += captured;
                *figures
                    .value_usd_by_initiative
                    .entry(event.initiative.clone())
                    .or_default() += captured;
            } else {
                figures.value_hours += captured;
            }
        }
        let baseline = baseline(model);
        let current = current(model);
        if let (Some(baseline), Some(current)) = (baseline, current) {
            figures.revenue_growth_pct =
                change_pct(baseline.revenue_monthly, current.revenue_monthly);
            figures.cost_reduction_pct = change_pct(
                baseline.resource_cost_monthly,
                current.resource_cost_monthly,
            )
            .map(|change| -change);
            figures.duplicate_effort_reduction_pct = change_pct(
                baseline.duplicate_effort_hours_monthly,
                current.duplicate_effort_hours_monthly,
            )
            .map(|change| -change);
        }
        figures.baseline_period = baseline.map(|snapshot| snapshot.period.clone());
        figures.current_period = current.map(|snapshot| snapshot.period.clone());
        let conflicts = &model.conflicts;
        let resolved = conflicts
            .iter()
            .filter(|conflict| conflict.status == ConflictStatus::Resolved)
            .count();
        figures.conflict_resolution_rate_pct = if conflicts.is_empty() {
            100.0
        } else {
            resolved as f64 / conflicts.len() as f64 * 100.0
        };
        figures
    }
}

/// The baseline snapshot (the earliest, should there be several).
pub(super) fn baseline(model: &Model) -> Option<&Item<Metrics>> {
    model
        .metrics
        .iter()
        .filter(|snapshot| snapshot.baseline)
        .min_by(|a, b| a.period.cmp(&b.period))
}

/// The latest snapshot that is not the baseline.
pub(super) fn current(model: &Model) -> Option<&Item<Metrics>> {
    model
        .metrics
        .iter()
        .filter(|snapshot| !snapshot.baseline)
        .max_by(|a, b| a.period.cmp(&b.period))
}

/// `(current − baseline) / baseline × 100`, or `None` when the baseline is 0 or the result is
/// too large for a number.
pub(super) fn change_pct(baseline: f64, current: f64) -> Option<f64> {
    (baseline != 0.0)
        .then(|| (current - baseline) / baseline * 100.0)
        .filter(|change| change.is_finite())
}
