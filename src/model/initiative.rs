//! An Initiative: the SOP's coordination plan plus its execution status (steps 4 and 7).

use serde::Deserialize;

use super::date::Date;

#[derive(Debug, Clone, Deserialize)]
pub struct Initiative {
    pub initiative_id: String,
    pub name: String,
    pub ventures: Vec<String>,
    pub value_proposition: String,
    pub implementation: Vec<Milestone>,
    pub success_metrics: Vec<SuccessMetric>,
    pub synergy: Option<String>,
    pub owner: Option<String>,
    pub budget: Option<f64>,
    #[serde(default)]
    pub status: InitiativeStatus,
    pub progress: Option<f64>,
    pub approved_by: Option<String>,
    pub launched_on: Option<Date>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Milestone {
    pub milestone: String,
    pub owner: Option<String>,
    pub deadline: Date,
    #[serde(default)]
    pub done: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SuccessMetric {
    pub metric: String,
    pub baseline: Option<Quantity>,
    pub target: Quantity,
    pub current: Option<Quantity>,
}

/// A number, or a number with its unit as text ("40 hours").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Quantity {
    Number(f64),
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InitiativeStatus {
    #[default]
    Planned,
    Launched,
    InProgress,
    Completed,
    Paused,
    Terminated,
}

impl InitiativeStatus {
    /// Launched, in progress or completed: the initiative has been launched.
    pub fn is_launched(self) -> bool {
        matches!(
            self,
            InitiativeStatus::Launched | InitiativeStatus::InProgress | InitiativeStatus::Completed
        )
    }

    /// Still running: neither paused, terminated nor merely planned or done.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            InitiativeStatus::Launched | InitiativeStatus::InProgress
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InitiativeStatus::Planned => "planned",
            InitiativeStatus::Launched => "launched",
            InitiativeStatus::InProgress => "in-progress",
            InitiativeStatus::Completed => "completed",
            InitiativeStatus::Paused => "paused",
            InitiativeStatus::Terminated => "terminated",
        }
    }
}

impl Initiative {
    /// The milestones past their deadline as of `as_of` and not done, with their index; none
    /// for a terminated initiative, whose plan is over.
    pub fn overdue_milestones(&self, as_of: Date) -> impl Iterator<Item = (usize, &Milestone)> {
        let running = self.status != InitiativeStatus::Terminated;
        self.implementation
            .iter()
            .enumerate()
            .filter(move |(_, milestone)| running && !milestone.done && milestone.deadline < as_of)
    }

    /// A plan: a non-empty implementation and success metrics.
    pub fn is_plan(&self) -> bool {
        !self.implementation.is_empty() && !self.success_metrics.is_empty()
    }
}
