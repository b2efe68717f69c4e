//! A Rollback declared by the chairman, and the initiatives it stops.

use serde::Deserialize;

use super::date::Date;

#[derive(Debug, Clone, Deserialize)]
pub struct Rollback {
    pub id: String,
    pub declared: Date,
    pub trigger: String,
    pub initiatives: RollbackScope,
    pub post_mortem: Option<String>,
    pub closed: Option<Date>,
}

/// The initiatives a rollback covers: every one, or those listed.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RollbackScope {
    All(AllInitiatives),
    Listed(Vec<String>),
}

/// The word `all`.
#[derive(Debug, Clone, Copy, Deserialize)]
pub enum AllInitiatives {
    #[serde(rename = "all")]
    All,
}

impl Rollback {
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    /// Whether the rollback covers this initiative.
    pub fn covers(&self, initiative: &str) -> bool {
        match &self.initiatives {
            RollbackScope::All(_) => true,
            RollbackScope::Listed(ids) => ids.iter().any(|id| id == initiative),
        }
    }
}
