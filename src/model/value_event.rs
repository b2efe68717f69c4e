//! A ValueEvent: an entry of the value capture log (step 8).

use serde::Deserialize;

use super::date::Date;

#[derive(Debug, Clone, Deserialize)]
pub struct ValueEvent {
    pub id: String,
    pub initiative: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub amount: Option<f64>,
    pub unit: Option<ValueUnit>,
    pub date: Date,
    pub evidence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueUnit {
    Usd,
    UsdPerMonth,
    Hours,
    HoursPerMonth,
}

impl ValueUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueUnit::Usd => "usd",
            ValueUnit::UsdPerMonth => "usd-per-month",
            ValueUnit::Hours => "hours",
            ValueUnit::HoursPerMonth => "hours-per-month",
        }
    }

    pub fn is_money(self) -> bool {
        matches!(self, ValueUnit::Usd | ValueUnit::UsdPerMonth)
    }

    pub fn is_monthly(self) -> bool {
        matches!(self, ValueUnit::UsdPerMonth | ValueUnit::HoursPerMonth)
    }
}

impl ValueEvent {
    /// The value this event has captured by `as_of`: a one-off amount once its date has come, a
    /// monthly amount once for every month started since its date.
    pub fn captured(&self, as_of: Date) -> f64 {
        let (Some(amount), Some(unit)) = (self.amount, self.unit) else {
            return 0.0;
        };
        if unit.is_monthly() {
            amount * f64::from(self.date.months_started_until(as_of))
        } else if self.date <= as_of {
            amount
        } else {
            0.0
        }
    }
}
