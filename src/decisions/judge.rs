//! What each decision requires under the target's governance, and whether it is given. Fails
//! closed: a type without a decision right needs the chairman; a condition that cannot be
//! judged requires its approval; a role that is not defined, or cannot reach its quorum, can
//! never be satisfied.

use std::collections::BTreeSet;

use super::approvals::Approvers;
use super::condition;
use super::types::DecisionType;
use super::{Decision, Requirement, Target};
use crate::model::Governance;
use crate::model::governance::Group;

/// The role that decides what governance does not assign: the SOP's default authority.
const DEFAULT_AUTHORITY: &str = "chairman";

pub fn judge(decisions: &mut [Decision], target: &Target<'_>, approvers: &Approvers) {
    for decision in decisions.iter_mut() {
        decision.requires = match target {
            Target::Bootstrap => Vec::new(),
            Target::Unreadable(reason) => {
                vec![Requirement::unmet(DEFAULT_AUTHORITY, 1, reason.clone())]
            }
            Target::Governed(governance) => {
                let needs = needs(decision, governance);
                needs
                    .into_iter()
                    .map(|(role, because)| requirement(governance, &role, because, approvers))
                    .collect()
            }
        };
    }
}

/// The roles a decision needs, each with why, in the order the governance names them.
fn needs(decision: &Decision, governance: &Governance) -> Vec<(String, String)> {
    let mut needs: Vec<(String, String)> = Vec::new();
    let mut need = |role: &str, because: String| match needs.iter_mut().find(|(r, _)| r == role) {
        Some((_, reasons)) => {
            reasons.push_str("; ");
            reasons.push_str(&because);
        }
        None => needs.push((role.to_string(), because)),
    };
    let rights: Vec<_> = governance
        .decision_rights
        .iter()
        .filter(|right| DecisionType::parse(&right.decision) == Some(decision.kind))
        .collect();
    if rights.is_empty() {
        need(
            DEFAULT_AUTHORITY,
            format!(
                "governance gives {} no decision right, so the chairman decides",
                decision.kind
            ),
        );
    }
    let vocabulary = decision.kind.facts();
    let facts = |name: &str| decision.facts.get(name).cloned();
    for right in rights {
        for approval in &right.approvals {
            let because = match &approval.when {
                None => Some("always".to_string()),
                Some(when) => match condition::evaluate(when, vocabulary, &facts) {
                    Ok(true) => Some(format!("when {when}")),
                    Ok(false) => None,
                    Err(error) => Some(format!(
                        "the condition {when:?} cannot be judged ({}), so the approval is required",
                        error.message
                    )),
                },
            };
            if let Some(because) = because {
                need(&approval.role, because);
            }
        }
    }
    if decision.kind == DecisionType::RecordApproval {
        if let Some(role) = decision.facts.get("role").and_then(|fact| fact.as_text()) {
            need(role, format!("the file claims approved_by: {role}"));
        }
    }
    if let Some(reason) = &decision.unreadable {
        need(DEFAULT_AUTHORITY, reason.clone());
    }
    needs
}

fn requirement(
    governance: &Governance,
    role: &str,
    mut because: String,
    approvers: &Approvers,
) -> Requirement {
    let Some(definition) = governance.roles.get(role) else {
        because.push_str(&match Group::parse(role) {
            Some(group) => format!(
                "; {role:?} is a group ({}), which cannot approve: no approval can satisfy this",
                group.describe()
            ),
            None => format!(
                "; the target's governance defines no role {role:?}: no approval can satisfy this"
            ),
        });
        return Requirement::unmet(role, 1, because);
    };
    // A person listed twice (`ann`, `ANN`) is one person: the quorum counts people.
    let mut seen = BTreeSet::new();
    let members: Vec<_> = definition
        .members
        .iter()
        .filter(|member| seen.insert(member.identity()))
        .collect();
    let mut requirement = Requirement::unmet(role, definition.quorum, because);
    for member in &members {
        let shown = member.github.clone().unwrap_or_else(|| member.name.clone());
        if approvers.approved(member) {
            requirement.approved_by.push(shown);
        } else if let Some(login) = &member.github {
            requirement.still_needed.push(login.clone());
            if approvers.stale(member) {
                requirement.stale.push(login.clone());
            }
        } else if !approvers.knows_people_without_login() {
            requirement.without_login.push(member.name.clone());
        }
    }
    let count = requirement.approved_by.len() as u64;
    requirement.satisfied = count >= requirement.quorum;
    let reachable = members
        .iter()
        .filter(|member| member.github.is_some() || approvers.knows_people_without_login())
        .count() as u64;
    if !requirement.satisfied && reachable < requirement.quorum {
        requirement.because.push_str(&format!(
            "; the quorum of {} cannot be met: only {reachable} member(s) can approve",
            requirement.quorum
        ));
    }
    requirement
}

impl Requirement {
    /// A requirement nobody has met yet.
    fn unmet(role: &str, quorum: u64, because: String) -> Requirement {
        Requirement {
            role: role.to_string(),
            quorum,
            approved_by: Vec::new(),
            satisfied: false,
            because,
            still_needed: Vec::new(),
            without_login: Vec::new(),
            stale: Vec::new(),
        }
    }
}
