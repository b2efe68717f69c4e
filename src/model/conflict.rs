//! A Conflict: an entry of the conflict resolution log (step 3).

use serde::Deserialize;

use super::date::Date;

#[derive(Debug, Clone, Deserialize)]
pub struct Conflict {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub ventures: Vec<String>,
    pub resource: Option<String>,
    pub strategy: Option<String>,
    pub resolution: Option<String>,
    pub owner: Option<String>,
    pub status: ConflictStatus,
    pub identified: Option<Date>,
    pub resolved_on: Option<Date>,
    pub approved_by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictStatus {
    Open,
    Escalated,
    Resolved,
}

impl ConflictStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictStatus::Open => "open",
            ConflictStatus::Escalated => "escalated",
            ConflictStatus::Resolved => "resolved",
        }
    }
}
