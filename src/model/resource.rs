//! A Resource: something the ventures share, its capacity and who gets how much (step 5).

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Resource {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ResourceType,
    pub unit: String,
    pub capacity: f64,
    pub allocations: BTreeMap<String, f64>,
    #[serde(default)]
    pub holders: Vec<String>,
    pub unit_cost: Option<f64>,
    pub approved_by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResourceType {
    Talent,
    Budget,
    Infrastructure,
}

impl ResourceType {
    pub fn as_str(self) -> &'static str {
        match self {
            ResourceType::Talent => "talent",
            ResourceType::Budget => "budget",
            ResourceType::Infrastructure => "infrastructure",
        }
    }
}

impl Resource {
    pub fn allocated(&self) -> f64 {
        self.allocations.values().sum()
    }
}
