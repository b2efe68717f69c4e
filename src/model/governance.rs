//! The Governance document: roles and their members, decision rights, escalation and cadence.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Governance {
    pub roles: BTreeMap<String, Role>,
    pub decision_rights: Vec<DecisionRight>,
    #[serde(default)]
    pub escalation: Vec<String>,
    #[serde(default)]
    pub cadence: Vec<Meeting>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Role {
    pub members: Vec<Member>,
    #[serde(default = "one")]
    pub quorum: u64,
}

fn one() -> u64 {
    1
}

#[derive(Debug, Clone, Deserialize)]
pub struct Member {
    pub name: String,
    pub github: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DecisionRight {
    pub decision: String,
    pub authority: Option<String>,
    pub approvals: Vec<Approval>,
}

/// A role whose approval a decision needs, when its condition holds (always, without one).
#[derive(Debug, Clone, Deserialize)]
pub struct Approval {
    pub role: String,
    pub when: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Meeting {
    pub meeting: String,
    pub every: String,
    #[serde(default)]
    pub attendees: Vec<String>,
}

/// The authority that names no role: whoever owns the initiative.
pub const INITIATIVE_OWNER: &str = "initiative-owner";

/// The decision types of DESIGN.md "Decisions and approvals", each with the facts its `when`
/// conditions may use.
pub const DECISION_TYPES: [(&str, &[&str]); 12] = [
    ("launch-initiative", &["initiative", "budget", "ventures"]),
    (
        "change-initiative-budget",
        &["initiative", "budget", "increase"],
    ),
    (
        "reallocate-resources",
        &["resource", "shift_pct", "moved", "amount"],
    ),
    ("add-venture", &["venture", "status"]),
    ("sunset-venture", &["venture"]),
    ("change-venture-status", &["venture", "from", "to"]),
    ("escalate-conflict", &["conflict"]),
    ("resolve-conflict", &["conflict", "escalated"]),
    ("record-approval", &["role", "artifact"]),
    ("change-thresholds", &["changed"]),
    ("change-governance", &[]),
    ("declare-rollback", &["rollback", "trigger"]),
];

/// The facts of a decision type, or `None` for a type DESIGN.md does not define.
pub fn facts_of(decision: &str) -> Option<&'static [&'static str]> {
    DECISION_TYPES
        .iter()
        .find(|(name, _)| *name == decision)
        .map(|(_, facts)| *facts)
}
