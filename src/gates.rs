//! The stage's gates: entry gates, the nine steps, exit gates and rollback triggers, each with
//! its evidence. Pure: the model, the thresholds and the evaluation date are the inputs; it
//! reads neither the clock nor the disk.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Value, json};

use crate::decisions::types::DecisionType;
use crate::model::conflict::ConflictStatus;
use crate::model::date::Date;
use crate::model::initiative::InitiativeStatus;
use crate::model::venture::VentureStatus;
use crate::model::{Item, Metrics, Model, Thresholds};
use crate::numbers::{figure, grouped};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GateKind {
    Entry,
    Step,
    Exit,
    Rollback,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    /// A rollback trigger that fired: the SOP's action is advised.
    Advisory,
}

impl GateKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GateKind::Entry => "entry",
            GateKind::Step => "step",
            GateKind::Exit => "exit",
            GateKind::Rollback => "rollback",
        }
    }
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
}

/// One gate, step or trigger: its status, a one-line reason and the evidence behind it.
#[derive(Debug, Clone, Serialize)]
pub struct GateResult {
    pub id: &'static str,
    pub kind: GateKind,
    pub status: Status,
    pub summary: String,
    /// The figures compared, the threshold, the files behind them and, for a trigger, the
    /// SOP's action.
    pub evidence: Value,
}

/// The figures the gates compare, also shown in reports. A figure that cannot be computed
/// (no baseline, a baseline of 0) is `None`, never NaN.
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

/// Every gate result in DESIGN.md's order, and the figures.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub as_of: Date,
    pub results: Vec<GateResult>,
    pub metrics: Figures,
}

impl Evaluation {
    pub fn result(&self, id: &str) -> Option<&GateResult> {
        self.results.iter().find(|result| result.id == id)
    }

    /// Whether every gate of these kinds passes.
    pub fn all_pass(&self, kinds: &[GateKind]) -> bool {
        self.results
            .iter()
            .filter(|result| kinds.contains(&result.kind))
            .all(|result| result.status == Status::Pass)
    }
}

/// The SOP's action for each rollback trigger.
pub const ROLLBACK_TO_INDEPENDENT: &str = "roll back to independent operations";
pub const TERMINATE_INITIATIVE: &str = "terminate the initiative and restore its allocation";
pub const SUSPEND_AND_INVESTIGATE: &str = "suspend coordination and investigate";

/// Evaluates every gate of the stage as of `as_of`.
pub fn evaluate(model: &Model, as_of: Date) -> Evaluation {
    let thresholds = model.thresholds();
    let gates = Gates {
        model,
        thresholds: &thresholds,
        as_of,
    };
    let figures = gates.figures();
    let mut results = vec![
        gates.multiple_ventures_active(&figures),
        gates.data_integrated(),
        gates.ventures_assessed(),
        gates.synergies_identified(),
        gates.conflicts_resolved(),
        gates.plans_created(&figures),
        gates.resources_shared(),
        gates.governance_established(),
        gates.initiatives_launched(&figures),
        gates.value_captured(&figures),
        gates.benefits_measured(&figures),
    ];
    let passed = |results: &[GateResult], id: &str| {
        results
            .iter()
            .any(|result| result.id == id && result.status == Status::Pass)
    };
    let coordination = gates.coordination_established(passed(&results, "governance-established"));
    let steps: Vec<&GateResult> = [
        "initiatives-launched",
        "value-captured",
        "benefits-measured",
    ]
    .iter()
    .filter_map(|id| results.iter().find(|result| result.id == *id))
    .collect();
    let captured = synergies_captured(&steps);
    results.push(coordination);
    results.push(captured);
    results.push(gates.portfolio_optimized(&figures));
    results.push(gates.conflicts_escalated());
    results.push(gates.negative_synergy_value(&figures));
    results.push(gates.performance_degraded());
    Evaluation {
        as_of,
        results,
        metrics: figures,
    }
}

struct Gates<'a> {
    model: &'a Model,
    thresholds: &'a Thresholds,
    as_of: Date,
}

fn files<'a, T: 'a>(items: impl IntoIterator<Item = &'a Item<T>>) -> Vec<String> {
    let files: BTreeSet<String> = items.into_iter().map(|item| item.file.clone()).collect();
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

fn result(
    id: &'static str,
    kind: GateKind,
    status: Status,
    summary: String,
    evidence: Value,
) -> GateResult {
    GateResult {
        id,
        kind,
        status,
        summary,
        evidence,
    }
}

/// `(current − baseline) / baseline × 100`, or `None` when the baseline is 0.
fn change_pct(baseline: f64, current: f64) -> Option<f64> {
    (baseline != 0.0).then(|| (current - baseline) / baseline * 100.0)
}

impl Gates<'_> {
    fn baseline(&self) -> Option<&Item<Metrics>> {
        self.model
            .metrics
            .iter()
            .filter(|snapshot| snapshot.baseline)
            .min_by(|a, b| a.period.cmp(&b.period))
    }

    /// The latest snapshot that is not the baseline.
    fn current(&self) -> Option<&Item<Metrics>> {
        self.model
            .metrics
            .iter()
            .filter(|snapshot| !snapshot.baseline)
            .max_by(|a, b| a.period.cmp(&b.period))
    }

    fn figures(&self) -> Figures {
        let model = self.model;
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
            let captured = event.captured(self.as_of);
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
        if let (Some(baseline), Some(current)) = (self.baseline(), self.current()) {
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
        figures.baseline_period = self.baseline().map(|snapshot| snapshot.period.clone());
        figures.current_period = self.current().map(|snapshot| snapshot.period.clone());
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

    fn multiple_ventures_active(&self, figures: &Figures) -> GateResult {
        let threshold = self.thresholds.min_active_ventures;
        let active: Vec<&Item<_>> = self
            .model
            .ventures
            .iter()
            .filter(|venture| venture.status == VentureStatus::Active)
            .collect();
        let ids: Vec<&str> = active.iter().map(|venture| venture.id.as_str()).collect();
        let passed = figures.active_ventures as u64 >= threshold;
        result(
            "multiple-ventures-active",
            GateKind::Entry,
            Status::of(passed),
            format!(
                "{} active venture(s), at least {threshold} needed{}",
                figures.active_ventures,
                listed(&ids)
            ),
            json!({
                "active_ventures": figures.active_ventures,
                "threshold": threshold,
                "ventures": ids,
                "files": files(active),
            }),
        )
    }

    fn data_integrated(&self) -> GateResult {
        let Some(portfolio) = &self.model.portfolio else {
            return result(
                "data-integrated",
                GateKind::Entry,
                Status::Fail,
                "no valid portfolio.yaml, so no entry evidence".into(),
                json!({ "files": [] }),
            );
        };
        let entry = &portfolio.entry;
        let checks = [
            (
                "dashboard",
                entry
                    .dashboard
                    .as_deref()
                    .is_some_and(|d| !d.trim().is_empty()),
            ),
            ("metrics_consolidated", entry.metrics_consolidated),
            ("synergies_documented", entry.synergies_documented),
            ("chairman_access", entry.chairman_access),
        ];
        let missing: Vec<&str> = checks
            .iter()
            .filter(|(_, done)| !done)
            .map(|(name, _)| *name)
            .collect();
        let summary = if missing.is_empty() {
            "dashboard set, metrics consolidated, synergies documented, chairman has access".into()
        } else {
            format!("entry evidence missing: {}", missing.join(", "))
        };
        result(
            "data-integrated",
            GateKind::Entry,
            Status::of(missing.is_empty()),
            summary,
            json!({
                "dashboard": entry.dashboard,
                "metrics_consolidated": entry.metrics_consolidated,
                "synergies_documented": entry.synergies_documented,
                "chairman_access": entry.chairman_access,
                "missing": missing,
                "files": [portfolio.file],
            }),
        )
    }

    fn ventures_assessed(&self) -> GateResult {
        let model = self.model;
        let assessed: BTreeSet<&str> = model
            .assessments
            .iter()
            .map(|assessment| assessment.venture.as_str())
            .collect();
        let active: Vec<&str> = model
            .ventures
            .iter()
            .filter(|venture| venture.status == VentureStatus::Active)
            .map(|venture| venture.id.as_str())
            .collect();
        let missing: Vec<&str> = active
            .iter()
            .copied()
            .filter(|id| !assessed.contains(id))
            .collect();
        let summary = if active.is_empty() {
            "no active venture to assess".to_string()
        } else if missing.is_empty() {
            format!("all {} active venture(s) assessed", active.len())
        } else {
            format!(
                "{} of {} active venture(s) assessed; not assessed: {}",
                active.len() - missing.len(),
                active.len(),
                names(&missing)
            )
        };
        result(
            "ventures-assessed",
            GateKind::Step,
            Status::of(missing.is_empty() && !active.is_empty()),
            summary,
            json!({
                "active_ventures": active.len(),
                "assessed": active.len() - missing.len(),
                "not_assessed": missing,
                "files": files(
                    model
                        .assessments
                        .iter()
                        .filter(|assessment| active.contains(&assessment.venture.as_str()))
                ),
            }),
        )
    }

    fn synergies_identified(&self) -> GateResult {
        let synergies = &self.model.synergies;
        let ids: Vec<&str> = synergies.iter().map(|s| s.id.as_str()).collect();
        result(
            "synergies-identified",
            GateKind::Step,
            Status::of(!synergies.is_empty()),
            if synergies.is_empty() {
                "no synergy identified, at least 1 needed".into()
            } else {
                format!(
                    "{} synerg{} identified: {}",
                    ids.len(),
                    if ids.len() == 1 { "y" } else { "ies" },
                    names(&ids)
                )
            },
            json!({ "synergies": ids.len(), "threshold": 1, "ids": ids, "files": files(synergies) }),
        )
    }

    fn conflicts_resolved(&self) -> GateResult {
        let conflicts = &self.model.conflicts;
        let unresolved: Vec<&Item<_>> = conflicts
            .iter()
            .filter(|conflict| conflict.status != ConflictStatus::Resolved)
            .collect();
        let ids: Vec<String> = unresolved
            .iter()
            .map(|conflict| format!("{} ({})", conflict.id, conflict.status.as_str()))
            .collect();
        result(
            "conflicts-resolved",
            GateKind::Step,
            Status::of(unresolved.is_empty()),
            if unresolved.is_empty() {
                format!("all {} conflict(s) resolved", conflicts.len())
            } else {
                format!(
                    "{} conflict(s) open or escalated: {}",
                    ids.len(),
                    names(&ids)
                )
            },
            json!({
                "conflicts": conflicts.len(),
                "unresolved": ids,
                "files": files(unresolved),
            }),
        )
    }

    fn plans_created(&self, figures: &Figures) -> GateResult {
        let threshold = self.thresholds.min_plans;
        let plans: Vec<&Item<_>> = self
            .model
            .initiatives
            .iter()
            .filter(|i| i.is_plan())
            .collect();
        let ids: Vec<&str> = plans.iter().map(|i| i.initiative_id.as_str()).collect();
        result(
            "plans-created",
            GateKind::Step,
            Status::of(figures.plans as u64 >= threshold),
            format!(
                "{} coordination plan(s), at least {threshold} needed{}",
                figures.plans,
                listed(&ids)
            ),
            json!({ "plans": figures.plans, "threshold": threshold, "initiatives": ids, "files": files(plans) }),
        )
    }

    fn resources_shared(&self) -> GateResult {
        let resources = &self.model.resources;
        let shared: Vec<&Item<_>> = resources
            .iter()
            .filter(|resource| {
                resource
                    .allocations
                    .values()
                    .filter(|amount| **amount > 0.0)
                    .count()
                    >= 2
            })
            .collect();
        let over: Vec<&Item<_>> = resources
            .iter()
            .filter(|resource| resource.allocated() > resource.capacity + 1e-9)
            .collect();
        let shared_ids: Vec<&str> = shared.iter().map(|r| r.id.as_str()).collect();
        let over_ids: Vec<&str> = over.iter().map(|r| r.id.as_str()).collect();
        let summary = if shared.is_empty() {
            "no resource is shared by two or more ventures".to_string()
        } else if !over.is_empty() {
            format!("over capacity: {}", names(&over_ids))
        } else {
            format!(
                "{} shared resource(s), none over capacity: {}",
                shared.len(),
                names(&shared_ids)
            )
        };
        result(
            "resources-shared",
            GateKind::Step,
            Status::of(!shared.is_empty() && over.is_empty()),
            summary,
            json!({
                "shared": shared_ids,
                "over_capacity": over_ids,
                "files": files(resources),
            }),
        )
    }

    /// The SOP's playbook: the chairman and the board have members, an escalation path and a
    /// cadence are written, and decision rights cover the SOP's four decisions. Every other
    /// decision type falls back to the chairman; the evidence lists which do.
    fn governance_established(&self) -> GateResult {
        let playbook: Vec<&str> = DecisionType::SOP_PLAYBOOK
            .iter()
            .map(|kind| kind.name())
            .collect();
        let Some(governance) = &self.model.governance else {
            return result(
                "governance-established",
                GateKind::Step,
                Status::Fail,
                "no valid governance.yaml".into(),
                json!({ "missing_rights": playbook, "files": [] }),
            );
        };
        let covered: BTreeSet<&str> = governance
            .decision_rights
            .iter()
            .map(|right| right.decision.as_str())
            .collect();
        let missing: Vec<&str> = playbook
            .iter()
            .copied()
            .filter(|name| !covered.contains(name))
            .collect();
        let to_chairman: Vec<&str> = DecisionType::ALL
            .iter()
            .map(|kind| kind.name())
            .filter(|name| !covered.contains(name))
            .collect();
        let unstaffed: Vec<&str> = ["chairman", "board"]
            .into_iter()
            .filter(|role| {
                governance
                    .roles
                    .get(*role)
                    .is_none_or(|role| role.members.is_empty())
            })
            .collect();
        let mut gaps = Vec::new();
        if !unstaffed.is_empty() {
            gaps.push(format!("no members for {}", names(&unstaffed)));
        }
        if governance.escalation.is_empty() {
            gaps.push("no escalation path".to_string());
        }
        if governance.cadence.is_empty() {
            gaps.push("no meeting cadence".to_string());
        }
        if !missing.is_empty() {
            gaps.push(format!("no decision right for {}", names(&missing)));
        }
        result(
            "governance-established",
            GateKind::Step,
            Status::of(gaps.is_empty()),
            if gaps.is_empty() {
                format!(
                    "chairman and board staffed, escalation path and cadence written, decision rights for {}",
                    names(&playbook)
                )
            } else {
                gaps.join("; ")
            },
            json!({
                "roles_without_members": unstaffed,
                "escalation": governance.escalation,
                "meetings": governance.cadence.len(),
                "missing_rights": missing,
                "defaults_to_chairman": to_chairman,
                "files": [governance.file],
            }),
        )
    }

    /// Launched initiatives without an owner, by id.
    fn launched_without_owner(&self) -> Vec<&Item<crate::model::Initiative>> {
        self.model
            .initiatives
            .iter()
            .filter(|i| {
                i.status.is_launched() && i.owner.as_deref().is_none_or(|o| o.trim().is_empty())
            })
            .collect()
    }

    fn initiatives_launched(&self, figures: &Figures) -> GateResult {
        let threshold = self.thresholds.min_launched_initiatives;
        let launched: Vec<&Item<_>> = self
            .model
            .initiatives
            .iter()
            .filter(|i| i.status.is_launched())
            .collect();
        let ids: Vec<&str> = launched.iter().map(|i| i.initiative_id.as_str()).collect();
        let ownerless: Vec<&str> = self
            .launched_without_owner()
            .iter()
            .map(|i| i.initiative_id.as_str())
            .collect();
        let enough = figures.launched_initiatives as u64 >= threshold;
        let mut summary = format!(
            "{} launched initiative(s), at least {threshold} needed{}",
            figures.launched_initiatives,
            listed(&ids)
        );
        if !ownerless.is_empty() {
            summary.push_str(&format!("; without an owner: {}", names(&ownerless)));
        }
        result(
            "initiatives-launched",
            GateKind::Step,
            Status::of(enough && ownerless.is_empty()),
            summary,
            json!({
                "launched": figures.launched_initiatives,
                "threshold": threshold,
                "initiatives": ids,
                "without_owner": ownerless,
                "files": files(launched),
            }),
        )
    }

    fn value_captured(&self, figures: &Figures) -> GateResult {
        let thresholds = self.thresholds;
        let money = figures.value_usd >= thresholds.min_value_usd - 1e-9;
        let hours = figures.value_hours >= thresholds.min_value_hours - 1e-9;
        result(
            "value-captured",
            GateKind::Step,
            Status::of(money || hours),
            format!(
                "{} USD (at least {} needed) and {} hours (or at least {}) captured as of {}",
                grouped(figures.value_usd),
                grouped(thresholds.min_value_usd),
                grouped(figures.value_hours),
                grouped(thresholds.min_value_hours),
                self.as_of
            ),
            json!({
                "value_usd": figures.value_usd,
                "value_hours": figures.value_hours,
                "threshold_usd": thresholds.min_value_usd,
                "threshold_hours": thresholds.min_value_hours,
                "by_initiative_usd": figures.value_usd_by_initiative,
                "files": files(&self.model.value_events),
            }),
        )
    }

    fn benefits_measured(&self, figures: &Figures) -> GateResult {
        let baseline = self.baseline();
        let current = self.current();
        let summary = match (&figures.baseline_period, &figures.current_period) {
            (Some(b), Some(c)) => format!("baseline {b} and current snapshot {c}"),
            (None, Some(_)) => "no baseline metrics snapshot (baseline: true)".into(),
            (Some(b), None) => format!("baseline {b} but no later snapshot to compare"),
            (None, None) => "no metrics snapshot".into(),
        };
        result(
            "benefits-measured",
            GateKind::Step,
            Status::of(baseline.is_some() && current.is_some()),
            summary,
            json!({
                "baseline": figures.baseline_period,
                "current": figures.current_period,
                "files": files(baseline.into_iter().chain(current)),
            }),
        )
    }

    fn coordination_established(&self, governance_established: bool) -> GateResult {
        let model = self.model;
        let unapproved_initiatives: Vec<&Item<_>> = model
            .initiatives
            .iter()
            .filter(|i| i.approved_by.is_none())
            .collect();
        let unapproved_resources: Vec<&Item<_>> = model
            .resources
            .iter()
            .filter(|r| r.approved_by.is_none())
            .collect();
        let ownerless = self.launched_without_owner();
        let mut gaps = Vec::new();
        if !unapproved_initiatives.is_empty() {
            let ids: Vec<&str> = unapproved_initiatives
                .iter()
                .map(|i| i.initiative_id.as_str())
                .collect();
            gaps.push(format!("initiatives without approved_by: {}", names(&ids)));
        }
        if !unapproved_resources.is_empty() {
            let ids: Vec<&str> = unapproved_resources.iter().map(|r| r.id.as_str()).collect();
            gaps.push(format!("resources without approved_by: {}", names(&ids)));
        }
        if !governance_established {
            gaps.push("governance is not established".into());
        }
        if !ownerless.is_empty() {
            let ids: Vec<&str> = ownerless.iter().map(|i| i.initiative_id.as_str()).collect();
            gaps.push(format!(
                "launched initiatives without an owner: {}",
                names(&ids)
            ));
        }
        let mut behind = files(unapproved_initiatives.iter().copied());
        behind.extend(files(unapproved_resources.iter().copied()));
        behind.extend(files(ownerless.iter().copied()));
        if !governance_established {
            behind.extend(files(self.model.governance.iter()));
        }
        behind.sort();
        behind.dedup();
        result(
            "coordination-established",
            GateKind::Exit,
            Status::of(gaps.is_empty()),
            if gaps.is_empty() {
                "every initiative and resource approved, governance established, every launched initiative owned".into()
            } else {
                gaps.join("; ")
            },
            json!({
                "initiatives_without_approval": unapproved_initiatives.iter().map(|i| &i.initiative_id).collect::<Vec<_>>(),
                "resources_without_approval": unapproved_resources.iter().map(|r| &r.id).collect::<Vec<_>>(),
                "governance_established": governance_established,
                "launched_without_owner": ownerless.iter().map(|i| &i.initiative_id).collect::<Vec<_>>(),
                "files": behind,
            }),
        )
    }

    fn portfolio_optimized(&self, figures: &Figures) -> GateResult {
        let t = self.thresholds;
        let at_least =
            |value: Option<f64>, min: f64| value.is_some_and(|value| value >= min - 1e-9);
        let revenue = at_least(figures.revenue_growth_pct, t.min_revenue_growth_pct);
        let cost = at_least(figures.cost_reduction_pct, t.min_cost_reduction_pct);
        let effort = at_least(
            figures.duplicate_effort_reduction_pct,
            t.min_duplicate_effort_reduction_pct,
        );
        let resolution =
            figures.conflict_resolution_rate_pct >= t.min_conflict_resolution_rate_pct - 1e-9;
        let passed = (revenue || cost) && effort && resolution;
        let baseline = self.baseline();
        let current = self.current();
        result(
            "portfolio-optimized",
            GateKind::Exit,
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
            json!({
                "revenue_growth_pct": figures.revenue_growth_pct,
                "cost_reduction_pct": figures.cost_reduction_pct,
                "duplicate_effort_reduction_pct": figures.duplicate_effort_reduction_pct,
                "conflict_resolution_rate_pct": figures.conflict_resolution_rate_pct,
                "thresholds": {
                    "min_revenue_growth_pct": t.min_revenue_growth_pct,
                    "min_cost_reduction_pct": t.min_cost_reduction_pct,
                    "min_duplicate_effort_reduction_pct": t.min_duplicate_effort_reduction_pct,
                    "min_conflict_resolution_rate_pct": t.min_conflict_resolution_rate_pct,
                },
                "files": files(baseline.into_iter().chain(current)),
            }),
        )
    }

    fn conflicts_escalated(&self) -> GateResult {
        let threshold = self.thresholds.urgent_conflict_threshold;
        let escalated: Vec<&Item<_>> = self
            .model
            .conflicts
            .iter()
            .filter(|conflict| conflict.status == ConflictStatus::Escalated)
            .collect();
        let ids: Vec<&str> = escalated.iter().map(|c| c.id.as_str()).collect();
        let fired = escalated.len() as u64 >= threshold;
        result(
            "conflicts-escalated",
            GateKind::Rollback,
            if fired {
                Status::Advisory
            } else {
                Status::Pass
            },
            if fired {
                format!(
                    "{} escalated conflict(s), threshold {threshold}: {ROLLBACK_TO_INDEPENDENT} ({})",
                    ids.len(),
                    names(&ids)
                )
            } else {
                format!(
                    "{} escalated conflict(s), below the threshold {threshold}",
                    ids.len()
                )
            },
            json!({
                "escalated": ids,
                "threshold": threshold,
                "action": ROLLBACK_TO_INDEPENDENT,
                "files": files(escalated),
            }),
        )
    }

    fn negative_synergy_value(&self, figures: &Figures) -> GateResult {
        // A terminated initiative has had the SOP's action already.
        let terminated = |id: &str| {
            self.model
                .initiative(id)
                .is_some_and(|initiative| initiative.status == InitiativeStatus::Terminated)
        };
        let negative: Vec<(&String, &f64)> = figures
            .value_usd_by_initiative
            .iter()
            .filter(|(id, value)| **value < 0.0 && !terminated(id))
            .collect();
        let ids: Vec<String> = negative
            .iter()
            .map(|(id, value)| format!("{id} ({} USD)", grouped(**value)))
            .collect();
        let behind: Vec<String> = files(
            self.model
                .value_events
                .iter()
                .filter(|event| negative.iter().any(|(id, _)| **id == event.initiative)),
        );
        let fired = !negative.is_empty();
        result(
            "negative-synergy-value",
            GateKind::Rollback,
            if fired {
                Status::Advisory
            } else {
                Status::Pass
            },
            if fired {
                format!(
                    "negative synergy value: {}: {TERMINATE_INITIATIVE}",
                    names(&ids)
                )
            } else {
                "no initiative has lost money overall".into()
            },
            json!({
                "initiatives": negative.iter().map(|(id, _)| id).collect::<Vec<_>>(),
                "value_usd": negative.iter().map(|(id, value)| ((*id).clone(), **value)).collect::<BTreeMap<_, _>>(),
                "action": TERMINATE_INITIATIVE,
                "files": behind,
            }),
        )
    }

    fn performance_degraded(&self) -> GateResult {
        let threshold = self.thresholds.performance_drop_pct;
        let Some(current) = self.current() else {
            return result(
                "performance-degraded",
                GateKind::Rollback,
                Status::Pass,
                "no current metrics snapshot to compare".into(),
                json!({ "threshold_pct": threshold, "action": SUSPEND_AND_INVESTIGATE, "files": [] }),
            );
        };
        // The snapshot just before the current one (the baseline included).
        let previous = self
            .model
            .metrics
            .iter()
            .filter(|snapshot| snapshot.period < current.period)
            .max_by(|a, b| a.period.cmp(&b.period))
            .or_else(|| self.baseline());
        let Some(previous) = previous else {
            return result(
                "performance-degraded",
                GateKind::Rollback,
                Status::Pass,
                format!("no period before {} to compare", current.period),
                json!({ "threshold_pct": threshold, "action": SUSPEND_AND_INVESTIGATE, "files": [current.file] }),
            );
        };
        let drop =
            change_pct(previous.revenue_monthly, current.revenue_monthly).map(|change| -change);
        let fired = drop.is_some_and(|drop| drop > threshold + 1e-9);
        result(
            "performance-degraded",
            GateKind::Rollback,
            if fired {
                Status::Advisory
            } else {
                Status::Pass
            },
            format!(
                "revenue {} in {} against {} in {}: {} {}",
                grouped(current.revenue_monthly),
                current.period,
                grouped(previous.revenue_monthly),
                previous.period,
                match drop {
                    Some(drop) if drop > 0.0 => format!("a drop of {}%", figure(drop)),
                    Some(_) => "no drop".into(),
                    None => "no drop computable from a revenue of 0".into(),
                },
                if fired {
                    format!(
                        "(more than {}%): {SUSPEND_AND_INVESTIGATE}",
                        figure(threshold)
                    )
                } else {
                    format!("(at most {}% allowed)", figure(threshold))
                }
            ),
            json!({
                "current": { "period": current.period, "revenue_monthly": current.revenue_monthly },
                "previous": { "period": previous.period, "revenue_monthly": previous.revenue_monthly },
                "drop_pct": drop,
                "threshold_pct": threshold,
                "action": SUSPEND_AND_INVESTIGATE,
                "files": files([previous, current]),
            }),
        )
    }
}

/// Initiatives launched, value captured and benefits measured: passes when the three steps do,
/// and names the files behind them.
fn synergies_captured(steps: &[&GateResult]) -> GateResult {
    let missing: Vec<&str> = steps
        .iter()
        .filter(|step| step.status != Status::Pass)
        .map(|step| step.id)
        .collect();
    let mut behind: Vec<String> = steps
        .iter()
        .flat_map(|step| {
            step.evidence["files"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|file| file.as_str().map(str::to_string))
        .collect();
    behind.sort();
    behind.dedup();
    let done = |id: &str| {
        steps
            .iter()
            .any(|step| step.id == id && step.status == Status::Pass)
    };
    result(
        "synergies-captured",
        GateKind::Exit,
        Status::of(missing.is_empty() && steps.len() == 3),
        if missing.is_empty() {
            "initiatives launched, value captured and benefits measured".into()
        } else {
            format!("steps not done: {}", missing.join(", "))
        },
        json!({
            "initiatives_launched": done("initiatives-launched"),
            "value_captured": done("value-captured"),
            "benefits_measured": done("benefits-measured"),
            "files": behind,
        }),
    )
}
