//! The rollback triggers: conflicts escalated, negative synergy value, performance degraded.
//! Each is `advisory` when it fires, and names the SOP's action.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::figures::{baseline, change_pct, current};
use super::{Evidence, GateResult, Input, Status, files, names};
use crate::model::conflict::ConflictStatus;
use crate::model::initiative::InitiativeStatus;
use crate::numbers::{figure, grouped};

/// The SOP's action when a trigger fires; serialised as the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Action {
    #[serde(rename = "roll back to independent operations")]
    RollBackToIndependentOperations,
    #[serde(rename = "terminate the initiative and restore its allocation")]
    TerminateInitiative,
    #[serde(rename = "suspend coordination and investigate")]
    SuspendAndInvestigate,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::RollBackToIndependentOperations => "roll back to independent operations",
            Action::TerminateInitiative => "terminate the initiative and restore its allocation",
            Action::SuspendAndInvestigate => "suspend coordination and investigate",
        }
    }
}

/// The evidence of `conflicts-escalated`.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictsEscalated {
    /// Escalated conflicts, by id.
    pub escalated: Vec<String>,
    pub threshold: u64,
    pub action: Action,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `negative-synergy-value`: the initiatives it fires for and their money
/// total (`null` in JSON when it is not finite; those are also listed in `not_finite`).
#[derive(Debug, Clone, Serialize)]
pub struct NegativeSynergyValue {
    pub initiatives: Vec<String>,
    pub value_usd: BTreeMap<String, f64>,
    pub not_finite: Vec<String>,
    pub action: Action,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `performance-degraded`: the two periods compared, when there are two.
#[derive(Debug, Clone, Serialize)]
pub struct PerformanceDegraded {
    pub current: Option<PeriodRevenue>,
    pub previous: Option<PeriodRevenue>,
    pub drop_pct: Option<f64>,
    pub threshold_pct: f64,
    pub action: Action,
    pub files: Vec<Arc<str>>,
}

/// A metrics period and its monthly revenue.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodRevenue {
    pub period: String,
    pub revenue_monthly: f64,
}

/// Escalated conflicts ≥ urgent_conflict_threshold: roll back to independent operations.
pub(super) fn conflicts_escalated(input: &Input<'_>) -> GateResult {
    let threshold = input.thresholds.urgent_conflict_threshold;
    let escalated: Vec<_> = input
        .model
        .conflicts
        .iter()
        .filter(|conflict| conflict.status == ConflictStatus::Escalated)
        .collect();
    let ids: Vec<String> = escalated.iter().map(|c| c.id.clone()).collect();
    let action = Action::RollBackToIndependentOperations;
    let fired = ids.len() as u64 >= threshold;
    let summary = if fired {
        format!(
            "{} escalated conflict(s), threshold {threshold}: {} ({})",
            ids.len(),
            action.as_str(),
            names(&ids)
        )
    } else {
        format!(
            "{} escalated conflict(s), below the threshold {threshold}",
            ids.len()
        )
    };
    GateResult::new(
        Status::fired(fired),
        summary,
        Evidence::ConflictsEscalated(ConflictsEscalated {
            escalated: ids,
            threshold,
            action,
            files: files(escalated),
        }),
    )
}

/// An initiative whose money total is negative, or not finite (the amounts overflow, so
/// nobody can tell that it is not negative): terminate it and restore its allocation. An
/// initiative already terminated has had the SOP's action.
pub(super) fn negative_synergy_value(input: &Input<'_>) -> GateResult {
    let model = input.model;
    let terminated = |id: &str| {
        model
            .initiative(id)
            .is_some_and(|initiative| initiative.status == InitiativeStatus::Terminated)
    };
    let flagged: Vec<(&String, f64)> = input
        .figures
        .value_usd_by_initiative
        .iter()
        .filter(|(id, value)| (!value.is_finite() || **value < 0.0) && !terminated(id))
        .map(|(id, value)| (id, *value))
        .collect();
    let labels: Vec<String> = flagged
        .iter()
        .map(|(id, value)| {
            if value.is_finite() {
                format!("{id} ({} USD)", grouped(*value))
            } else {
                format!("{id} (money total not finite: its amounts overflow)")
            }
        })
        .collect();
    let behind = files(
        model
            .value_events
            .iter()
            .filter(|event| flagged.iter().any(|(id, _)| **id == event.initiative)),
    );
    let action = Action::TerminateInitiative;
    let fired = !flagged.is_empty();
    let summary = if fired {
        format!(
            "negative synergy value: {}: {}",
            names(&labels),
            action.as_str()
        )
    } else {
        "no initiative has lost money overall".into()
    };
    GateResult::new(
        Status::fired(fired),
        summary,
        Evidence::NegativeSynergyValue(NegativeSynergyValue {
            initiatives: flagged.iter().map(|(id, _)| (*id).clone()).collect(),
            value_usd: flagged
                .iter()
                .map(|(id, value)| ((*id).clone(), *value))
                .collect(),
            not_finite: flagged
                .iter()
                .filter(|(_, value)| !value.is_finite())
                .map(|(id, _)| (*id).clone())
                .collect(),
            action,
            files: behind,
        }),
    )
}

/// Revenue in the current snapshot below the previous period's (or the baseline's) by more than
/// performance_drop_pct: suspend coordination and investigate.
pub(super) fn performance_degraded(input: &Input<'_>) -> GateResult {
    let threshold = input.thresholds.performance_drop_pct;
    let action = Action::SuspendAndInvestigate;
    let evidence = |current, previous, drop_pct, files| {
        Evidence::PerformanceDegraded(PerformanceDegraded {
            current,
            previous,
            drop_pct,
            threshold_pct: threshold,
            action,
            files,
        })
    };
    let Some(current) = current(input.model) else {
        return GateResult::new(
            Status::Pass,
            "no current metrics snapshot to compare".into(),
            evidence(None, None, None, Vec::new()),
        );
    };
    let revenue = |snapshot: &crate::model::Metrics| PeriodRevenue {
        period: snapshot.period.clone(),
        revenue_monthly: snapshot.revenue_monthly,
    };
    // The snapshot just before the current one (the baseline included).
    let previous = input
        .model
        .metrics
        .iter()
        .filter(|snapshot| snapshot.period < current.period)
        .max_by(|a, b| a.period.cmp(&b.period))
        .or_else(|| baseline(input.model));
    let Some(previous) = previous else {
        return GateResult::new(
            Status::Pass,
            format!("no period before {} to compare", current.period),
            evidence(
                Some(revenue(current)),
                None,
                None,
                vec![Arc::clone(&current.file)],
            ),
        );
    };
    let drop = change_pct(previous.revenue_monthly, current.revenue_monthly).map(|change| -change);
    let fired = drop.is_some_and(|drop| drop > threshold + 1e-9);
    let summary = format!(
        "revenue {} in {} against {} in {}: {} {}",
        grouped(current.revenue_monthly),
        current.period,
        grouped(previous.revenue_monthly),
        previous.period,
        match drop {
            Some(drop) if drop > 0.0 => format!("a drop of {}%", figure(drop)),
            Some(_) => "no drop".into(),
            None if previous.revenue_monthly == 0.0 => {
                "no drop computable from a revenue of 0".into()
            }
            None => "no drop computable (the change is too large for a number)".into(),
        },
        if fired {
            format!("(more than {}%): {}", figure(threshold), action.as_str())
        } else {
            format!("(at most {}% allowed)", figure(threshold))
        }
    );
    GateResult::new(
        Status::fired(fired),
        summary,
        evidence(
            Some(revenue(current)),
            Some(revenue(previous)),
            drop,
            files([previous, current]),
        ),
    )
}
