//! The entry gates: multiple ventures active, data integrated.

use serde::Serialize;
use std::sync::Arc;

use super::{Evidence, GateResult, Input, Status, files, listed};
use crate::model::venture::VentureStatus;

/// The evidence of `multiple-ventures-active`.
#[derive(Debug, Clone, Serialize)]
pub struct MultipleVenturesActive {
    pub active_ventures: usize,
    pub threshold: u64,
    /// The active ventures, by id.
    pub ventures: Vec<String>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `data-integrated`: portfolio.yaml's `entry`, and what it lacks. Without a
/// valid portfolio.yaml everything is missing.
#[derive(Debug, Clone, Serialize)]
pub struct DataIntegrated {
    pub dashboard: Option<String>,
    pub metrics_consolidated: bool,
    pub synergies_documented: bool,
    pub chairman_access: bool,
    /// The names of the entry fields not set (or false).
    pub missing: Vec<&'static str>,
    pub files: Vec<Arc<str>>,
}

pub(super) fn multiple_ventures_active(input: &Input<'_>) -> GateResult {
    let threshold = input.thresholds.min_active_ventures;
    let active: Vec<_> = input
        .model
        .ventures
        .iter()
        .filter(|venture| venture.status == VentureStatus::Active)
        .collect();
    let ids: Vec<String> = active.iter().map(|venture| venture.id.clone()).collect();
    let count = input.figures.active_ventures;
    GateResult::new(
        Status::of(count as u64 >= threshold),
        format!(
            "{count} active venture(s), at least {threshold} needed{}",
            listed(&ids)
        ),
        Evidence::MultipleVenturesActive(MultipleVenturesActive {
            active_ventures: count,
            threshold,
            ventures: ids,
            files: files(active),
        }),
    )
}

pub(super) fn data_integrated(input: &Input<'_>) -> GateResult {
    const FIELDS: [&str; 4] = [
        "dashboard",
        "metrics_consolidated",
        "synergies_documented",
        "chairman_access",
    ];
    let Some(portfolio) = &input.model.portfolio else {
        return GateResult::new(
            Status::Fail,
            "no valid portfolio.yaml, so no entry evidence".into(),
            Evidence::DataIntegrated(DataIntegrated {
                dashboard: None,
                metrics_consolidated: false,
                synergies_documented: false,
                chairman_access: false,
                missing: FIELDS.to_vec(),
                files: Vec::new(),
            }),
        );
    };
    let entry = &portfolio.entry;
    let set = [
        entry
            .dashboard
            .as_deref()
            .is_some_and(|dashboard| !dashboard.trim().is_empty()),
        entry.metrics_consolidated,
        entry.synergies_documented,
        entry.chairman_access,
    ];
    let missing: Vec<&'static str> = FIELDS
        .into_iter()
        .zip(set)
        .filter(|(_, set)| !set)
        .map(|(name, _)| name)
        .collect();
    let summary = if missing.is_empty() {
        "dashboard set, metrics consolidated, synergies documented, chairman has access".into()
    } else {
        format!("entry evidence missing: {}", missing.join(", "))
    };
    GateResult::new(
        Status::of(missing.is_empty()),
        summary,
        Evidence::DataIntegrated(DataIntegrated {
            dashboard: entry.dashboard.clone(),
            metrics_consolidated: entry.metrics_consolidated,
            synergies_documented: entry.synergies_documented,
            chairman_access: entry.chairman_access,
            missing,
            files: vec![Arc::clone(&portfolio.file)],
        }),
    )
}
