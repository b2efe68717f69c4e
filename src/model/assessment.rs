//! An Assessment: a venture's four scores and the recommendation (step 1).

use serde::Deserialize;

use super::date::Date;
use super::portfolio::Weights;

#[derive(Debug, Clone, Deserialize)]
pub struct Assessment {
    pub venture: String,
    pub date: Date,
    pub assessor: Option<String>,
    pub scores: Scores,
    pub recommendation: Recommendation,
    pub rationale: Option<String>,
    pub total: Option<f64>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Scores {
    pub strategic_fit: u8,
    pub financial_health: u8,
    pub growth_potential: u8,
    pub resource_efficiency: u8,
}

impl Scores {
    /// Σ weight × score, rounded to 2 decimals.
    pub fn total(&self, weights: &Weights) -> f64 {
        round2(
            weights.strategic_fit * f64::from(self.strategic_fit)
                + weights.financial_health * f64::from(self.financial_health)
                + weights.growth_potential * f64::from(self.growth_potential)
                + weights.resource_efficiency * f64::from(self.resource_efficiency),
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    Continue,
    Pivot,
    Sunset,
}

impl Recommendation {
    pub fn as_str(self) -> &'static str {
        match self {
            Recommendation::Continue => "continue",
            Recommendation::Pivot => "pivot",
            Recommendation::Sunset => "sunset",
        }
    }
}

/// Rounds half away from zero to 2 decimals, as a chairman rounds by hand.
pub fn round2(value: f64) -> f64 {
    // The small nudge keeps 2.675 (stored as 2.67499…) from rounding down.
    let scaled = value * 100.0;
    (scaled + scaled.signum() * 1e-9).round() / 100.0
}

/// Whether a stored figure equals a computed one (already rounded to 2 decimals); only the
/// noise of binary floating point is forgiven, so 3.645 is not 3.65.
pub fn same2(stored: f64, computed: f64) -> bool {
    (stored - computed).abs() < 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_use_the_weights_and_round_to_two_decimals() {
        let scores = Scores {
            strategic_fit: 4,
            financial_health: 3,
            growth_potential: 5,
            resource_efficiency: 2,
        };
        assert_eq!(scores.total(&Weights::default()), 3.65);
        assert_eq!(round2(2.675), 2.68);
        assert_eq!(round2(-1.005), -1.01);
    }
}
