//! The Portfolio document: settings, thresholds with their SOP defaults, entry evidence, lessons.

use serde::{Deserialize, Serialize};

use super::date::Date;

#[derive(Debug, Clone, Deserialize)]
pub struct Portfolio {
    pub name: String,
    #[serde(default = "usd")]
    pub currency: String,
    pub as_of: Option<Date>,
    pub stage_started: Option<Date>,
    #[serde(default)]
    pub entry: Entry,
    #[serde(default)]
    pub thresholds: Thresholds,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub lessons: Lessons,
}

fn usd() -> String {
    "USD".into()
}

/// Evidence for the entry gate "data integrated".
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Entry {
    pub dashboard: Option<String>,
    #[serde(default)]
    pub metrics_consolidated: bool,
    #[serde(default)]
    pub synergies_documented: bool,
    #[serde(default)]
    pub chairman_access: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Lessons {
    #[serde(default)]
    pub worked: Vec<String>,
    #[serde(default)]
    pub didnt_work: Vec<String>,
    #[serde(default)]
    pub recommendations: Vec<String>,
}

/// Every threshold of DESIGN.md, each defaulting to the SOP's proposal.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Thresholds {
    pub min_active_ventures: u64,
    pub min_plans: u64,
    pub min_launched_initiatives: u64,
    pub min_value_usd: f64,
    pub min_value_hours: f64,
    pub min_revenue_growth_pct: f64,
    pub min_cost_reduction_pct: f64,
    pub min_duplicate_effort_reduction_pct: f64,
    pub min_conflict_resolution_rate_pct: f64,
    pub min_viable_score: f64,
    pub urgent_conflict_threshold: u64,
    pub performance_drop_pct: f64,
    pub assessment_weights: Weights,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            min_active_ventures: 2,
            min_plans: 5,
            min_launched_initiatives: 3,
            min_value_usd: 10_000.0,
            min_value_hours: 100.0,
            min_revenue_growth_pct: 10.0,
            min_cost_reduction_pct: 10.0,
            min_duplicate_effort_reduction_pct: 20.0,
            min_conflict_resolution_rate_pct: 80.0,
            min_viable_score: 2.5,
            urgent_conflict_threshold: 3,
            performance_drop_pct: 10.0,
            assessment_weights: Weights::default(),
        }
    }
}

/// The weights of the four assessment scores; they must sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct Weights {
    pub strategic_fit: f64,
    pub financial_health: f64,
    pub growth_potential: f64,
    pub resource_efficiency: f64,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            strategic_fit: 0.30,
            financial_health: 0.30,
            growth_potential: 0.25,
            resource_efficiency: 0.15,
        }
    }
}

impl Weights {
    pub fn sum(&self) -> f64 {
        self.strategic_fit
            + self.financial_health
            + self.growth_potential
            + self.resource_efficiency
    }
}
