//! The nine steps of the stage, each the SOP's "done when": ventures assessed, synergies
//! identified, conflicts resolved, plans created, resources shared, governance established,
//! initiatives launched, value captured, benefits measured.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

use serde::Serialize;

use super::figures::{baseline, current};
use super::{Evidence, GateResult, Input, Status, files, listed, names};
use crate::decisions::types::DecisionType;
use crate::model::conflict::ConflictStatus;
use crate::model::venture::VentureStatus;
use crate::model::{Initiative, Item, Model};
use crate::numbers::grouped;

/// The evidence of `ventures-assessed`.
#[derive(Debug, Clone, Serialize)]
pub struct VenturesAssessed {
    pub active_ventures: usize,
    pub assessed: usize,
    /// Active ventures without an assessment, by id.
    pub not_assessed: Vec<String>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `synergies-identified`.
#[derive(Debug, Clone, Serialize)]
pub struct SynergiesIdentified {
    pub synergies: usize,
    pub threshold: usize,
    pub ids: Vec<String>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `conflicts-resolved`.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictsResolved {
    pub conflicts: usize,
    /// Each open or escalated conflict as "ID (status)".
    pub unresolved: Vec<String>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `plans-created`.
#[derive(Debug, Clone, Serialize)]
pub struct PlansCreated {
    pub plans: usize,
    pub threshold: u64,
    /// The initiatives with a plan, by id.
    pub initiatives: Vec<String>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `resources-shared`.
#[derive(Debug, Clone, Serialize)]
pub struct ResourcesShared {
    /// Resources allocated to two or more ventures, by id.
    pub shared: Vec<String>,
    pub over_capacity: Vec<String>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `governance-established`. Without a valid governance.yaml no role has
/// members, nothing is written and no decision type has a right.
#[derive(Debug, Clone, Serialize)]
pub struct GovernanceEstablished {
    /// Of `chairman` and `board`, those without members.
    pub roles_without_members: Vec<&'static str>,
    pub escalation: Vec<String>,
    /// How many meetings the cadence names.
    pub meetings: usize,
    /// Of the SOP's four decision rights, those governance does not give.
    pub missing_rights: Vec<&'static str>,
    /// Every decision type without a right of its own: the chairman decides it.
    pub defaults_to_chairman: Vec<&'static str>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `initiatives-launched`.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativesLaunched {
    pub launched: usize,
    pub threshold: u64,
    /// Launched, in-progress and completed initiatives, by id.
    pub initiatives: Vec<String>,
    pub without_owner: Vec<String>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `value-captured`. A sum that is not finite is `null` in JSON and named in
/// `not_finite`.
#[derive(Debug, Clone, Serialize)]
pub struct ValueCaptured {
    pub value_usd: f64,
    pub value_hours: f64,
    pub threshold_usd: f64,
    pub threshold_hours: f64,
    pub by_initiative_usd: BTreeMap<String, f64>,
    /// `value_usd` and/or `value_hours` when that sum overflowed: the step cannot pass.
    pub not_finite: Vec<&'static str>,
    pub files: Vec<Arc<str>>,
}

/// The evidence of `benefits-measured`: the periods of the baseline and the current snapshot.
#[derive(Debug, Clone, Serialize)]
pub struct BenefitsMeasured {
    pub baseline: Option<String>,
    pub current: Option<String>,
    pub files: Vec<Arc<str>>,
}

/// A margin for comparing sums of decimals with a threshold: 0.1 + 0.2 reaches 0.3.
const EPSILON: f64 = 1e-9;

pub(super) fn ventures_assessed(input: &Input<'_>) -> GateResult {
    let model = input.model;
    // Sets asked only whether they hold an id: hashed, for portfolios of thousands.
    let assessed: HashSet<&str> = model
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
    let active_set: HashSet<&str> = active.iter().copied().collect();
    let missing: Vec<String> = active
        .iter()
        .filter(|id| !assessed.contains(*id))
        .map(|id| id.to_string())
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
    GateResult::new(
        Status::of(missing.is_empty() && !active.is_empty()),
        summary,
        Evidence::VenturesAssessed(VenturesAssessed {
            active_ventures: active.len(),
            assessed: active.len() - missing.len(),
            files: files(
                model
                    .assessments
                    .iter()
                    .filter(|assessment| active_set.contains(assessment.venture.as_str())),
            ),
            not_assessed: missing,
        }),
    )
}

pub(super) fn synergies_identified(input: &Input<'_>) -> GateResult {
    let synergies = &input.model.synergies;
    let ids: Vec<String> = synergies.iter().map(|s| s.id.clone()).collect();
    let summary = if synergies.is_empty() {
        "no synergy identified, at least 1 needed".into()
    } else {
        format!(
            "{} synerg{} identified: {}",
            ids.len(),
            if ids.len() == 1 { "y" } else { "ies" },
            names(&ids)
        )
    };
    GateResult::new(
        Status::of(!synergies.is_empty()),
        summary,
        Evidence::SynergiesIdentified(SynergiesIdentified {
            synergies: ids.len(),
            threshold: 1,
            ids,
            files: files(synergies),
        }),
    )
}

pub(super) fn conflicts_resolved(input: &Input<'_>) -> GateResult {
    let conflicts = &input.model.conflicts;
    let unresolved: Vec<&Item<_>> = conflicts
        .iter()
        .filter(|conflict| conflict.status != ConflictStatus::Resolved)
        .collect();
    let labels: Vec<String> = unresolved
        .iter()
        .map(|conflict| format!("{} ({})", conflict.id, conflict.status.as_str()))
        .collect();
    let summary = if unresolved.is_empty() {
        format!("all {} conflict(s) resolved", conflicts.len())
    } else {
        format!(
            "{} conflict(s) open or escalated: {}",
            labels.len(),
            names(&labels)
        )
    };
    GateResult::new(
        Status::of(unresolved.is_empty()),
        summary,
        Evidence::ConflictsResolved(ConflictsResolved {
            conflicts: conflicts.len(),
            unresolved: labels,
            files: files(unresolved),
        }),
    )
}

pub(super) fn plans_created(input: &Input<'_>) -> GateResult {
    let threshold = input.thresholds.min_plans;
    let plans: Vec<&Item<_>> = input
        .model
        .initiatives
        .iter()
        .filter(|i| i.is_plan())
        .collect();
    let ids: Vec<String> = plans.iter().map(|i| i.initiative_id.clone()).collect();
    let count = input.figures.plans;
    GateResult::new(
        Status::of(count as u64 >= threshold),
        format!(
            "{count} coordination plan(s), at least {threshold} needed{}",
            listed(&ids)
        ),
        Evidence::PlansCreated(PlansCreated {
            plans: count,
            threshold,
            initiatives: ids,
            files: files(plans),
        }),
    )
}

pub(super) fn resources_shared(input: &Input<'_>) -> GateResult {
    let resources = &input.model.resources;
    let shared: Vec<String> = resources
        .iter()
        .filter(|resource| {
            resource
                .allocations
                .values()
                .filter(|amount| **amount > 0.0)
                .count()
                >= 2
        })
        .map(|resource| resource.id.clone())
        .collect();
    let over: Vec<String> = resources
        .iter()
        .filter(|resource| resource.allocated() > resource.capacity + EPSILON)
        .map(|resource| resource.id.clone())
        .collect();
    let summary = if shared.is_empty() {
        "no resource is shared by two or more ventures".to_string()
    } else if !over.is_empty() {
        format!("over capacity: {}", names(&over))
    } else {
        format!(
            "{} shared resource(s), none over capacity: {}",
            shared.len(),
            names(&shared)
        )
    };
    GateResult::new(
        Status::of(!shared.is_empty() && over.is_empty()),
        summary,
        Evidence::ResourcesShared(ResourcesShared {
            shared,
            over_capacity: over,
            files: files(resources),
        }),
    )
}

/// The SOP's playbook: the chairman and the board have members, an escalation path and a
/// cadence are written, and decision rights cover the SOP's four decisions. Every other
/// decision type falls back to the chairman; the evidence lists which do.
pub(super) fn governance_established(input: &Input<'_>) -> GateResult {
    let playbook: Vec<&'static str> = DecisionType::SOP_PLAYBOOK
        .iter()
        .map(|kind| kind.name())
        .collect();
    let Some(governance) = &input.model.governance else {
        return GateResult::new(
            Status::Fail,
            "no valid governance.yaml".into(),
            Evidence::GovernanceEstablished(GovernanceEstablished {
                roles_without_members: vec!["chairman", "board"],
                escalation: Vec::new(),
                meetings: 0,
                missing_rights: playbook,
                defaults_to_chairman: DecisionType::ALL.iter().map(|kind| kind.name()).collect(),
                files: Vec::new(),
            }),
        );
    };
    let covered: BTreeSet<&str> = governance
        .decision_rights
        .iter()
        .map(|right| right.decision.as_str())
        .collect();
    let missing: Vec<&'static str> = playbook
        .iter()
        .copied()
        .filter(|name| !covered.contains(name))
        .collect();
    let to_chairman: Vec<&'static str> = DecisionType::ALL
        .iter()
        .map(|kind| kind.name())
        .filter(|name| !covered.contains(name))
        .collect();
    let unstaffed: Vec<&'static str> = ["chairman", "board"]
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
    let summary = if gaps.is_empty() {
        format!(
            "chairman and board staffed, escalation path and cadence written, decision rights for {}",
            names(&playbook)
        )
    } else {
        gaps.join("; ")
    };
    GateResult::new(
        Status::of(gaps.is_empty()),
        summary,
        Evidence::GovernanceEstablished(GovernanceEstablished {
            roles_without_members: unstaffed,
            escalation: governance.escalation.clone(),
            meetings: governance.cadence.len(),
            missing_rights: missing,
            defaults_to_chairman: to_chairman,
            files: vec![Arc::clone(&governance.file)],
        }),
    )
}

/// Launched initiatives without an owner.
pub(super) fn launched_without_owner(model: &Model) -> Vec<&Item<Initiative>> {
    model
        .initiatives
        .iter()
        .filter(|i| {
            i.status.is_launched() && i.owner.as_deref().is_none_or(|o| o.trim().is_empty())
        })
        .collect()
}

pub(super) fn initiatives_launched(input: &Input<'_>) -> GateResult {
    let threshold = input.thresholds.min_launched_initiatives;
    let launched: Vec<&Item<_>> = input
        .model
        .initiatives
        .iter()
        .filter(|i| i.status.is_launched())
        .collect();
    let ids: Vec<String> = launched.iter().map(|i| i.initiative_id.clone()).collect();
    let ownerless: Vec<String> = launched_without_owner(input.model)
        .iter()
        .map(|i| i.initiative_id.clone())
        .collect();
    let count = input.figures.launched_initiatives;
    let enough = count as u64 >= threshold;
    let mut summary = format!(
        "{count} launched initiative(s), at least {threshold} needed{}",
        listed(&ids)
    );
    if !ownerless.is_empty() {
        summary.push_str(&format!("; without an owner: {}", names(&ownerless)));
    }
    GateResult::new(
        Status::of(enough && ownerless.is_empty()),
        summary,
        Evidence::InitiativesLaunched(InitiativesLaunched {
            launched: count,
            threshold,
            initiatives: ids,
            without_owner: ownerless,
            files: files(launched),
        }),
    )
}

/// Money ≥ min_value_usd or hours ≥ min_value_hours; a sum that is not finite (the amounts
/// overflow) fails the step, whatever the other sum: it is not a figure anyone can trust.
pub(super) fn value_captured(input: &Input<'_>) -> GateResult {
    let thresholds = input.thresholds;
    let figures = input.figures;
    let not_finite: Vec<&'static str> = [
        ("value_usd", figures.value_usd),
        ("value_hours", figures.value_hours),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_finite())
    .map(|(name, _)| name)
    .collect();
    let money = figures.value_usd >= thresholds.min_value_usd - EPSILON;
    let hours = figures.value_hours >= thresholds.min_value_hours - EPSILON;
    let summary = if not_finite.is_empty() {
        format!(
            "{} USD (at least {} needed) and {} hours (or at least {}) captured as of {}",
            grouped(figures.value_usd),
            grouped(thresholds.min_value_usd),
            grouped(figures.value_hours),
            grouped(thresholds.min_value_hours),
            input.as_of
        )
    } else {
        let (what, verb) = match (
            figures.value_usd.is_finite(),
            figures.value_hours.is_finite(),
        ) {
            (false, false) => ("the money and the hours", "do"),
            (false, true) => ("the money", "does"),
            _ => ("the hours", "do"),
        };
        format!(
            "{what} captured as of {} {verb} not sum to a finite figure (the amounts overflow); expected amounts in value/ whose sum a number can hold",
            input.as_of
        )
    };
    GateResult::new(
        Status::of(not_finite.is_empty() && (money || hours)),
        summary,
        Evidence::ValueCaptured(ValueCaptured {
            value_usd: figures.value_usd,
            value_hours: figures.value_hours,
            threshold_usd: thresholds.min_value_usd,
            threshold_hours: thresholds.min_value_hours,
            by_initiative_usd: figures.value_usd_by_initiative.clone(),
            not_finite,
            files: files(&input.model.value_events),
        }),
    )
}

pub(super) fn benefits_measured(input: &Input<'_>) -> GateResult {
    let figures = input.figures;
    let baseline = baseline(input.model);
    let current = current(input.model);
    let summary = match (&figures.baseline_period, &figures.current_period) {
        (Some(b), Some(c)) => format!("baseline {b} and current snapshot {c}"),
        (None, Some(_)) => "no baseline metrics snapshot (baseline: true)".into(),
        (Some(b), None) => format!("baseline {b} but no later snapshot to compare"),
        (None, None) => "no metrics snapshot".into(),
    };
    GateResult::new(
        Status::of(baseline.is_some() && current.is_some()),
        summary,
        Evidence::BenefitsMeasured(BenefitsMeasured {
            baseline: figures.baseline_period.clone(),
            current: figures.current_period.clone(),
            files: files(baseline.into_iter().chain(current)),
        }),
    )
}
