//! A Venture: one company of the studio.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Venture {
    pub id: String,
    pub name: String,
    pub status: VentureStatus,
    pub lead: Option<String>,
    #[serde(default)]
    pub critical: bool,
    pub industry: Option<String>,
    pub stage: Option<u32>,
    pub metrics: Option<VentureMetrics>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VentureStatus {
    Active,
    Paused,
    Sunset,
    Completed,
    Archived,
}

impl VentureStatus {
    /// Active and paused ventures are still running: they may hold allocations.
    pub fn is_running(self) -> bool {
        matches!(self, VentureStatus::Active | VentureStatus::Paused)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            VentureStatus::Active => "active",
            VentureStatus::Paused => "paused",
            VentureStatus::Sunset => "sunset",
            VentureStatus::Completed => "completed",
            VentureStatus::Archived => "archived",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct VentureMetrics {
    pub revenue_monthly: Option<f64>,
    pub burn_monthly: Option<f64>,
    pub users: Option<u64>,
    pub growth_pct: Option<f64>,
    pub market_fit: Option<u8>,
}
