//! A Metrics snapshot: the portfolio's figures for one period; one of them is the baseline.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Metrics {
    /// `YYYY-MM`; sorts as text in time order.
    pub period: String,
    #[serde(default)]
    pub baseline: bool,
    pub revenue_monthly: f64,
    pub resource_cost_monthly: f64,
    pub duplicate_effort_hours_monthly: f64,
    pub users: Option<u64>,
}
