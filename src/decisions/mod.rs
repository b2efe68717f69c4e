//! Pure: a change between two revisions of the portfolio (base → head), read as the decisions
//! it makes, and the approvals each one needs under the **base** governance.

pub mod approvals;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::condition;
use crate::kind::Kind;
use crate::load::Loaded;
use crate::model::conflict::ConflictStatus;
use crate::model::resource::Resource;
use crate::model::venture::VentureStatus;
use crate::model::{Governance, Item, Model};
use approvals::Approvers;

/// One revision of the portfolio: its documents (for positions and raw comparisons) and model.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub loaded: &'a Loaded,
    pub model: &'a Model,
}

/// A decision the change makes.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The id of what the decision is about (a venture, an initiative, `portfolio.yaml`…).
    pub subject: String,
    /// The file that makes it: in head, or in base when the file was removed.
    pub file: String,
    /// The node that changed, in `file` (for annotations).
    #[serde(skip)]
    pub pointer: String,
    /// Whether `file` is read from the base revision (a removed file).
    #[serde(skip)]
    pub in_base: bool,
    /// The facts its `when` conditions read.
    pub facts: Map<String, Value>,
    pub requires: Vec<Requirement>,
}

/// An approval a decision needs: `quorum` distinct members of `role`.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    pub role: String,
    pub quorum: u64,
    /// The members of the role who approved the head commit.
    pub approved_by: Vec<String>,
    pub satisfied: bool,
    /// Why it is required: the condition that held, or the approval the file claims.
    pub because: String,
    /// The members who could still approve (GitHub handles).
    pub still_needed: Vec<String>,
}

/// Every decision of base → head, in a stable order, without their requirements yet.
pub fn classify(base: Side<'_>, head: Side<'_>) -> Vec<Decision> {
    let mut decisions = Vec::new();
    ventures(base.model, head.model, &mut decisions);
    initiatives(base.model, head.model, &mut decisions);
    resources(base.model, head.model, &mut decisions);
    conflicts(base.model, head.model, &mut decisions);
    rollbacks(base.model, head.model, &mut decisions);
    thresholds(base.model, head.model, &mut decisions);
    governance(base.loaded, head.loaded, &mut decisions);
    decisions.sort_by(|a, b| {
        (a.file.as_str(), a.kind, a.subject.as_str()).cmp(&(
            b.file.as_str(),
            b.kind,
            b.subject.as_str(),
        ))
    });
    decisions
}

fn decision<T>(
    kind: &'static str,
    subject: &str,
    item: &Item<T>,
    pointer: &str,
    facts: Value,
) -> Decision {
    Decision {
        kind,
        subject: subject.to_string(),
        file: item.file.clone(),
        pointer: pointer.to_string(),
        in_base: false,
        facts: match facts {
            Value::Object(map) => map,
            _ => Map::new(),
        },
        requires: Vec::new(),
    }
}

fn ventures(base: &Model, head: &Model, out: &mut Vec<Decision>) {
    for venture in &head.ventures {
        let id = venture.id.as_str();
        match base.venture(id) {
            None => out.push(decision(
                "add-venture",
                id,
                venture,
                "/id",
                json!({ "venture": id, "status": venture.status.as_str() }),
            )),
            Some(before) if before.status != venture.status => {
                if venture.status == VentureStatus::Sunset {
                    out.push(decision(
                        "sunset-venture",
                        id,
                        venture,
                        "/status",
                        json!({ "venture": id }),
                    ));
                } else {
                    out.push(decision(
                        "change-venture-status",
                        id,
                        venture,
                        "/status",
                        json!({ "venture": id, "from": before.status.as_str(), "to": venture.status.as_str() }),
                    ));
                }
            }
            Some(_) => {}
        }
    }
    // A venture whose file is gone is sunset; a file renamed with the same id is neither.
    for venture in &base.ventures {
        if head.venture(&venture.id).is_none() {
            let mut removed = decision(
                "sunset-venture",
                &venture.id,
                venture,
                "",
                json!({ "venture": venture.id }),
            );
            removed.in_base = true;
            out.push(removed);
        }
    }
}

fn initiatives(base: &Model, head: &Model, out: &mut Vec<Decision>) {
    for initiative in &head.initiatives {
        let id = initiative.initiative_id.as_str();
        let before = base.initiative(id);
        let budget = initiative.budget.unwrap_or(0.0);
        if initiative.status.is_active() && before.is_none_or(|before| !before.status.is_active()) {
            out.push(decision(
                "launch-initiative",
                id,
                initiative,
                "/status",
                json!({ "initiative": id, "budget": budget, "ventures": initiative.ventures }),
            ));
        }
        if let Some(before) = before {
            let previous = before.budget.unwrap_or(0.0);
            if budget > previous {
                out.push(decision(
                    "change-initiative-budget",
                    id,
                    initiative,
                    "/budget",
                    json!({ "initiative": id, "budget": budget, "increase": budget - previous }),
                ));
            }
        }
        record_approval(
            "initiative",
            id,
            initiative,
            initiative.approved_by.as_deref(),
            before.and_then(|before| before.approved_by.as_deref()),
            out,
        );
    }
}

/// A `record-approval` when `approved_by` is added or changed.
fn record_approval<T>(
    kind: &str,
    id: &str,
    item: &Item<T>,
    now: Option<&str>,
    before: Option<&str>,
    out: &mut Vec<Decision>,
) {
    if let Some(role) = now.filter(|role| Some(*role) != before) {
        out.push(decision(
            "record-approval",
            id,
            item,
            "/approved_by",
            json!({ "role": role, "artifact": id, "kind": kind }),
        ));
    }
}

/// Σ|Δ allocation| / 2, over every venture either revision allocates to.
pub fn moved(before: &Resource, after: &Resource) -> f64 {
    let ventures: BTreeSet<&String> = before
        .allocations
        .keys()
        .chain(after.allocations.keys())
        .collect();
    ventures
        .into_iter()
        .map(|venture| {
            let was = before.allocations.get(venture).copied().unwrap_or(0.0);
            let is = after.allocations.get(venture).copied().unwrap_or(0.0);
            (is - was).abs()
        })
        .sum::<f64>()
        / 2.0
}

fn resources(base: &Model, head: &Model, out: &mut Vec<Decision>) {
    let before_of: BTreeMap<&str, &Item<Resource>> = base
        .resources
        .iter()
        .map(|resource| (resource.id.as_str(), resource))
        .collect();
    for resource in &head.resources {
        let id = resource.id.as_str();
        let before = before_of.get(id).copied();
        if let Some(before) = before.filter(|before| before.allocations != resource.allocations) {
            let moved = moved(before, resource);
            let shift_pct = if before.capacity > 0.0 {
                moved / before.capacity * 100.0
            } else if moved > 0.0 {
                100.0
            } else {
                0.0
            };
            let amount = match resource.unit.as_str() {
                "usd" => moved,
                "usd-per-month" => moved * 12.0,
                _ => moved * resource.unit_cost.unwrap_or(0.0) * 12.0,
            };
            out.push(decision(
                "reallocate-resources",
                id,
                resource,
                "/allocations",
                json!({ "resource": id, "shift_pct": shift_pct, "moved": moved, "amount": amount }),
            ));
        }
        record_approval(
            "resource",
            id,
            resource,
            resource.approved_by.as_deref(),
            before.and_then(|before| before.approved_by.as_deref()),
            out,
        );
    }
}

fn conflicts(base: &Model, head: &Model, out: &mut Vec<Decision>) {
    let before_of: BTreeMap<&str, _> = base
        .conflicts
        .iter()
        .map(|conflict| (conflict.id.as_str(), conflict))
        .collect();
    for conflict in &head.conflicts {
        let id = conflict.id.as_str();
        let before = before_of.get(id).copied();
        let was = before.map(|before| before.status);
        if conflict.status != ConflictStatus::Open && was != Some(conflict.status) {
            if conflict.status == ConflictStatus::Escalated {
                out.push(decision(
                    "escalate-conflict",
                    id,
                    conflict,
                    "/status",
                    json!({ "conflict": id }),
                ));
            } else {
                out.push(decision(
                    "resolve-conflict",
                    id,
                    conflict,
                    "/status",
                    json!({ "conflict": id, "escalated": was == Some(ConflictStatus::Escalated) }),
                ));
            }
        }
        record_approval(
            "conflict",
            id,
            conflict,
            conflict.approved_by.as_deref(),
            before.and_then(|before| before.approved_by.as_deref()),
            out,
        );
    }
}

fn rollbacks(base: &Model, head: &Model, out: &mut Vec<Decision>) {
    let known: BTreeSet<&str> = base
        .rollbacks
        .iter()
        .map(|rollback| rollback.id.as_str())
        .collect();
    for rollback in &head.rollbacks {
        if !known.contains(rollback.id.as_str()) {
            out.push(decision(
                "declare-rollback",
                &rollback.id,
                rollback,
                "/id",
                json!({ "rollback": rollback.id, "trigger": rollback.trigger }),
            ));
        }
    }
}

fn thresholds(base: &Model, head: &Model, out: &mut Vec<Decision>) {
    let as_map = |model: &Model| match serde_json::to_value(model.thresholds()) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let (before, after) = (as_map(base), as_map(head));
    let changed: Vec<&String> = after
        .iter()
        .filter(|(key, value)| before.get(*key) != Some(value))
        .map(|(key, _)| key)
        .collect();
    if changed.is_empty() {
        return;
    }
    if let Some(portfolio) = &head.portfolio {
        out.push(decision(
            "change-thresholds",
            "thresholds",
            portfolio,
            "/thresholds",
            json!({ "changed": changed }),
        ));
    }
}

fn governance(base: &Loaded, head: &Loaded, out: &mut Vec<Decision>) {
    let document = |loaded: &Loaded| {
        loaded
            .of_kind(Kind::Governance)
            .next()
            .map(|document| (document.file.clone(), document.root.to_json()))
    };
    let (before, after) = (document(base), document(head));
    if before.as_ref().map(|(_, json)| json) == after.as_ref().map(|(_, json)| json) {
        return;
    }
    let (file, in_base) = match (&after, &before) {
        (Some((file, _)), _) => (file.clone(), false),
        (None, Some((file, _))) => (file.clone(), true),
        (None, None) => return,
    };
    out.push(Decision {
        kind: "change-governance",
        subject: "governance".into(),
        file,
        pointer: String::new(),
        in_base,
        facts: Map::new(),
        requires: Vec::new(),
    });
}

/// Works out what each decision requires under the base governance, and who has approved.
pub fn judge(decisions: &mut [Decision], governance: Option<&Governance>, approvers: &Approvers) {
    let Some(governance) = governance else {
        return;
    };
    for decision in decisions.iter_mut() {
        let facts = Value::Object(decision.facts.clone());
        let mut required: Vec<(String, String)> = Vec::new();
        for right in governance
            .decision_rights
            .iter()
            .filter(|right| right.decision == decision.kind)
        {
            for approval in &right.approvals {
                let because = match &approval.when {
                    None => Some("always".to_string()),
                    Some(when) => match condition::evaluate(when, &facts) {
                        Ok(true) => Some(format!("when {when}")),
                        Ok(false) => None,
                        // A condition that cannot be evaluated cannot waive an approval.
                        Err(error) => Some(format!(
                            "condition {when:?} could not be evaluated ({})",
                            error.message
                        )),
                    },
                };
                if let Some(because) = because {
                    required.push((approval.role.clone(), because));
                }
            }
        }
        if decision.kind == "record-approval" {
            if let Some(role) = decision.facts.get("role").and_then(Value::as_str) {
                required.push((
                    role.to_string(),
                    format!("the file claims approved_by: {role}"),
                ));
            }
        }
        let mut seen = BTreeSet::new();
        decision.requires = required
            .into_iter()
            .filter(|(role, _)| seen.insert(role.clone()))
            .map(|(role, because)| requirement(governance, &role, because, approvers))
            .collect();
    }
}

fn requirement(
    governance: &Governance,
    role: &str,
    because: String,
    approvers: &Approvers,
) -> Requirement {
    let (members, quorum) = match governance.roles.get(role) {
        Some(definition) => (
            definition
                .members
                .iter()
                .filter_map(|member| member.github.clone().or_else(|| member.email.clone()))
                .collect::<Vec<_>>(),
            definition.quorum,
        ),
        // A role the base does not define: nobody can approve for it.
        None => (Vec::new(), 1),
    };
    let (approved_by, still_needed): (Vec<String>, Vec<String>) = members
        .into_iter()
        .partition(|member| approvers.approved(member));
    Requirement {
        role: role.to_string(),
        quorum,
        satisfied: approved_by.len() as u64 >= quorum,
        approved_by,
        because,
        still_needed,
    }
}

/// When the base holds a governance.yaml that folio cannot read (it breaks its schema), nobody
/// can be checked as an approver: every decision then needs the chairman, and cannot get it,
/// until governance is repaired. Failing closed keeps a broken file from waving changes through.
pub fn judge_unreadable_governance(decisions: &mut [Decision]) {
    for decision in decisions.iter_mut() {
        decision.requires = vec![Requirement {
            role: "chairman".into(),
            quorum: 1,
            approved_by: Vec::new(),
            satisfied: false,
            because: "the base governance.yaml breaks its schema, so no approval can be checked"
                .into(),
            still_needed: Vec::new(),
        }];
    }
}

/// Whether every requirement of every decision is met.
pub fn approved(decisions: &[Decision]) -> bool {
    decisions.iter().all(|decision| {
        decision
            .requires
            .iter()
            .all(|requirement| requirement.satisfied)
    })
}
