//! The Governance document: roles and their members, decision rights, escalation, cadence and
//! the paths whose change is a governance decision; and the groups (initiative owners, venture
//! leads) that the portfolio's data names.

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
    /// Globs relative to the repository's top folder; `None` means the default.
    pub protected_paths: Option<Vec<String>>,
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

impl Member {
    /// Who this member is, for counting distinct people: the GitHub login, else the e-mail
    /// (both compared case-insensitively, as GitHub and mail do), else the name.
    pub fn identity(&self) -> String {
        match (&self.github, &self.email) {
            (Some(login), _) => format!("github:{}", login.to_lowercase()),
            (None, Some(email)) => format!("email:{}", email.to_lowercase()),
            (None, None) => format!("name:{}", self.name),
        }
    }
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

/// The paths protected when governance does not say: the workflows that judge pull requests.
pub const DEFAULT_PROTECTED_PATHS: [&str; 1] = [".github/**"];

impl Governance {
    /// The protected path globs in force.
    pub fn protected_paths(&self) -> Vec<&str> {
        match &self.protected_paths {
            Some(paths) => paths.iter().map(String::as_str).collect(),
            None => DEFAULT_PROTECTED_PATHS.to_vec(),
        }
    }
}

/// People named by the portfolio's data rather than listed in governance: valid wherever a role
/// is (authority, escalation, cadence), except in approvals, which need GitHub logins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Each initiative's `owner`.
    InitiativeOwners,
    /// Each venture's `lead`.
    VentureLeads,
}

impl Group {
    /// The group a name stands for, singular or plural.
    pub fn parse(name: &str) -> Option<Group> {
        match name {
            "initiative-owner" | "initiative-owners" => Some(Group::InitiativeOwners),
            "venture-lead" | "venture-leads" => Some(Group::VentureLeads),
            _ => None,
        }
    }

    /// What the group stands for, in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Group::InitiativeOwners => "the owners of the initiatives (each initiative's `owner`)",
            Group::VentureLeads => "the leads of the ventures (each venture's `lead`)",
        }
    }
}
