//! A Synergy: an entry of the synergy register (step 2).

use serde::Deserialize;

use super::assessment::round2;

#[derive(Debug, Clone, Deserialize)]
pub struct Synergy {
    pub id: String,
    pub title: String,
    pub category: String,
    pub ventures: Vec<String>,
    pub value_potential: u8,
    pub implementation_effort: u8,
    pub strategic_importance: u8,
    #[serde(default = "identified")]
    pub status: String,
    pub estimated_value: Option<EstimatedValue>,
    pub net_score: Option<f64>,
    pub notes: Option<String>,
}

fn identified() -> String {
    "identified".into()
}

#[derive(Debug, Clone, Deserialize)]
pub struct EstimatedValue {
    pub amount: f64,
    pub unit: String,
}

impl Synergy {
    /// value potential × strategic importance / implementation effort, rounded to 2 decimals.
    pub fn computed_net_score(&self) -> f64 {
        let effort = f64::from(self.implementation_effort.max(1));
        round2(f64::from(self.value_potential) * f64::from(self.strategic_importance) / effort)
    }
}
