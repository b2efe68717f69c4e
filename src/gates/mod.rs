//! The stage's gates: entry gates, the nine steps, exit gates and rollback triggers, each with
//! its typed evidence, and the 30-day schedule of the steps. Pure: the model, the thresholds and
//! the evaluation date are the inputs; it reads neither the clock nor the disk.
//!
//! One file per family: `entry`, `steps`, `exit`, `triggers`; `figures` computes the numbers
//! they compare and `schedule` the step windows. This file holds what they share: a result,
//! its evidence and the evaluation that runs them in DESIGN.md's order.

mod entry;
mod exit;
mod figures;
mod id;
mod schedule;
mod steps;
#[cfg(test)]
mod tests;
mod triggers;

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::Serialize;

use crate::model::date::Date;
use crate::model::{Item, Model, Thresholds};
use crate::numbers::figure;

pub use entry::{DataIntegrated, MultipleVenturesActive};
pub use exit::{
    CoordinationEstablished, OptimizationThresholds, PortfolioOptimized, SynergiesCaptured,
};
pub use figures::Figures;
pub use id::{GateId, GateKind};
pub use schedule::{STAGE_DAYS, STEP_DAYS, Schedule, StepStatus, StepWindow};
pub use steps::{
    BenefitsMeasured, ConflictsResolved, GovernanceEstablished, InitiativesLaunched, PlansCreated,
    ResourcesShared, SynergiesIdentified, ValueCaptured, VenturesAssessed,
};
pub use triggers::{
    Action, ConflictsEscalated, NegativeSynergyValue, PerformanceDegraded, PeriodRevenue,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    /// A rollback trigger that fired: the SOP's action is advised.
    Advisory,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Advisory => "advisory",
        }
    }

    fn of(passed: bool) -> Status {
        if passed { Status::Pass } else { Status::Fail }
    }

    /// A trigger's status: `advisory` when it fired.
    fn fired(fired: bool) -> Status {
        if fired {
            Status::Advisory
        } else {
            Status::Pass
        }
    }
}

/// One gate, step or trigger: its status, a one-line reason and the evidence behind it.
#[derive(Debug, Clone, Serialize)]
pub struct GateResult {
    pub id: GateId,
    pub kind: GateKind,
    pub status: Status,
    pub summary: String,
    /// The figures compared, the threshold, the files behind them and, for a trigger, the
    /// SOP's action.
    pub evidence: Evidence,
}

impl GateResult {
    /// A result whose id and kind are those of its evidence, so that they cannot disagree.
    fn new(status: Status, summary: String, evidence: Evidence) -> GateResult {
        let id = evidence.id();
        GateResult {
            id,
            kind: id.kind(),
            status,
            summary,
            evidence,
        }
    }

    pub fn passed(&self) -> bool {
        self.status == Status::Pass
    }
}

/// Declares [`Evidence`]: one variant per gate, named as its [`GateId`], holding the gate's
/// evidence type; serialised as that type alone (the documented JSON shape).
macro_rules! evidence {
    ($($gate:ident($evidence:ty)),* $(,)?) => {
        /// The evidence of one gate: a typed struct per gate, each with the files behind it.
        #[derive(Debug, Clone, Serialize)]
        #[serde(untagged)]
        pub enum Evidence {
            $($gate($evidence),)*
        }

        impl Evidence {
            /// The gate this is the evidence of.
            pub fn id(&self) -> GateId {
                match self {
                    $(Evidence::$gate(_) => GateId::$gate,)*
                }
            }

            /// The files behind the result, relative to the portfolio root, sorted.
            pub fn files(&self) -> &[Arc<str>] {
                match self {
                    $(Evidence::$gate(evidence) => &evidence.files,)*
                }
            }
        }
    };
}

evidence! {
    MultipleVenturesActive(MultipleVenturesActive),
    DataIntegrated(DataIntegrated),
    VenturesAssessed(VenturesAssessed),
    SynergiesIdentified(SynergiesIdentified),
    ConflictsResolved(ConflictsResolved),
    PlansCreated(PlansCreated),
    ResourcesShared(ResourcesShared),
    GovernanceEstablished(GovernanceEstablished),
    InitiativesLaunched(InitiativesLaunched),
    ValueCaptured(ValueCaptured),
    BenefitsMeasured(BenefitsMeasured),
    CoordinationEstablished(CoordinationEstablished),
    SynergiesCaptured(SynergiesCaptured),
    PortfolioOptimized(PortfolioOptimized),
    ConflictsEscalated(ConflictsEscalated),
    NegativeSynergyValue(NegativeSynergyValue),
    PerformanceDegraded(PerformanceDegraded),
}

impl Evidence {
    /// The SOP's action, for a rollback trigger.
    pub fn action(&self) -> Option<Action> {
        match self {
            Evidence::ConflictsEscalated(evidence) => Some(evidence.action),
            Evidence::NegativeSynergyValue(evidence) => Some(evidence.action),
            Evidence::PerformanceDegraded(evidence) => Some(evidence.action),
            _ => None,
        }
    }
}

/// Every gate result in DESIGN.md's order, the figures and the schedule of the steps.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub as_of: Date,
    pub results: Vec<GateResult>,
    pub metrics: Figures,
    pub schedule: Schedule,
}

impl Evaluation {
    pub fn result(&self, id: GateId) -> Option<&GateResult> {
        self.results.iter().find(|result| result.id == id)
    }

    /// Whether the gate with this id passes.
    pub fn passes(&self, id: GateId) -> bool {
        self.result(id).is_some_and(GateResult::passed)
    }

    /// Whether every gate of these kinds passes.
    pub fn all_pass(&self, kinds: &[GateKind]) -> bool {
        self.results
            .iter()
            .filter(|result| kinds.contains(&result.kind))
            .all(GateResult::passed)
    }
}

/// Evaluates every gate of the stage as of `as_of`, and the schedule of its steps.
pub fn evaluate(model: &Model, as_of: Date) -> Evaluation {
    let thresholds = model.thresholds();
    let figures = Figures::of(model, as_of);
    let input = Input {
        model,
        thresholds: &thresholds,
        as_of,
        figures: &figures,
    };
    let mut results = vec![
        entry::multiple_ventures_active(&input),
        entry::data_integrated(&input),
        steps::ventures_assessed(&input),
        steps::synergies_identified(&input),
        steps::conflicts_resolved(&input),
        steps::plans_created(&input),
        steps::resources_shared(&input),
        steps::governance_established(&input),
        steps::initiatives_launched(&input),
        steps::value_captured(&input),
        steps::benefits_measured(&input),
    ];
    let passed = |results: &[GateResult], id: GateId| {
        results
            .iter()
            .any(|result| result.id == id && result.passed())
    };
    let coordination =
        exit::coordination_established(&input, passed(&results, GateId::GovernanceEstablished));
    let captured = exit::synergies_captured(
        &[
            GateId::InitiativesLaunched,
            GateId::ValueCaptured,
            GateId::BenefitsMeasured,
        ]
        .iter()
        .filter_map(|id| results.iter().find(|result| result.id == *id))
        .collect::<Vec<_>>(),
    );
    results.push(coordination);
    results.push(captured);
    results.push(exit::portfolio_optimized(&input));
    results.push(triggers::conflicts_escalated(&input));
    results.push(triggers::negative_synergy_value(&input));
    results.push(triggers::performance_degraded(&input));
    let stage_started = model
        .portfolio
        .as_ref()
        .and_then(|portfolio| portfolio.stage_started);
    let schedule = Schedule::of(stage_started, as_of, |id| passed(&results, id));
    Evaluation {
        as_of,
        results,
        metrics: figures,
        schedule,
    }
}

/// What every gate reads: the model, the thresholds in force, the date and the figures.
struct Input<'a> {
    model: &'a Model,
    thresholds: &'a Thresholds,
    as_of: Date,
    figures: &'a Figures,
}

/// The files of these items, sorted and without repeats.
fn files<'a, T: 'a>(items: impl IntoIterator<Item = &'a Item<T>>) -> Vec<Arc<str>> {
    let files: BTreeSet<Arc<str>> = items
        .into_iter()
        .map(|item| Arc::clone(&item.file))
        .collect();
    files.into_iter().collect()
}

/// "a, b, c" for a summary, at most five names.
fn names<S: AsRef<str>>(names: &[S]) -> String {
    let mut shown: Vec<&str> = names.iter().take(5).map(AsRef::as_ref).collect();
    if names.len() > 5 {
        shown.push("…");
    }
    shown.join(", ")
}

/// ": a, b, c" after a count, or nothing when there is nothing to list.
fn listed<S: AsRef<str>>(ids: &[S]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(": {}", names(ids))
    }
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(
        || "not computable".into(),
        |value| format!("{}%", figure(value)),
    )
}
