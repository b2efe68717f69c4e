//! Calendar dates as the portfolio writes them (`YYYY-MM-DD`), and the month arithmetic that
//! recurring value needs.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A calendar date. The schema has already checked the form, so parsing only fails on input
/// that bypassed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists in its month.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        if text.len() != 10 || !(1..=12).contains(&month) {
            return None;
        }
        (1..=days_in_month(year, month))
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// How many months of a monthly amount dated `self` have started by `until`: the first
    /// starts on `self`, the next one month later on the same day (or the month's last day, when
    /// it is shorter), and so on. Zero when `until` is before `self`.
    pub fn months_started_until(self, until: Date) -> u32 {
        if until < self {
            return 0;
        }
        let mut months = (until.year - self.year) * 12 + until.month as i32 - self.month as i32;
        let anniversary = self.day.min(days_in_month(until.year, until.month));
        if until.day < anniversary {
            months -= 1;
        }
        u32::try_from(months).map_or(0, |months| months + 1)
    }

    /// The first day of the month `self` is in.
    pub fn month_start(self) -> Date {
        Date { day: 1, ..self }
    }
}

impl Date {
    /// The date `days` days after 1970-01-01 (the civil calendar, as in Howard Hinnant's
    /// `civil_from_days`). The caller reads the clock; this only converts.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }
}

impl Date {
    /// The days from 1970-01-01 to `self` (negative before it): the inverse of
    /// [`Date::from_days_since_epoch`] (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month = i64::from(self.month);
        let shifted_month = if month > 2 { month - 3 } else { month + 9 };
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days later (earlier, when negative).
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// How many days `self` is after `earlier` (negative when it is before).
    pub fn days_after(self, earlier: Date) -> i64 {
        self.days_since_epoch() - earlier.days_since_epoch()
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl TryFrom<String> for Date {
    type Error = String;

    fn try_from(text: String) -> Result<Date, String> {
        Date::parse(&text).ok_or_else(|| format!("{text:?} is not a date written YYYY-MM-DD"))
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert_eq!(date("2026-11-05").to_string(), "2026-11-05");
    }

    #[test]
    fn days_since_the_epoch_become_dates() {
        assert_eq!(Date::from_days_since_epoch(0), date("1970-01-01"));
        assert_eq!(Date::from_days_since_epoch(20_780), date("2026-11-23"));
        assert_eq!(Date::from_days_since_epoch(11_016), date("2000-02-29"));
    }

    #[test]
    fn dates_count_days_across_months_years_and_leap_days() {
        for (text, days) in [
            ("1970-01-01", 0),
            ("2026-11-23", 20_780),
            ("2000-02-29", 11_016),
            ("1969-12-31", -1),
        ] {
            assert_eq!(date(text).days_since_epoch(), days, "{text}");
        }
        // Every day of four years, leap day included, goes there and back.
        for days in 20_000..21_461 {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(date("2026-10-16").plus_days(29), date("2026-11-14"));
        assert_eq!(date("2028-02-28").plus_days(1), date("2028-02-29"));
        assert_eq!(date("2026-12-31").plus_days(1), date("2027-01-01"));
        assert_eq!(date("2026-03-01").plus_days(-1), date("2026-02-28"));
        assert_eq!(date("2026-11-15").days_after(date("2026-10-16")), 30);
        assert_eq!(date("2026-10-15").days_after(date("2026-10-16")), -1);
    }

    #[test]
    fn a_month_starts_on_each_monthly_anniversary() {
        let start = date("2026-09-15");
        assert_eq!(start.months_started_until(date("2026-09-14")), 0);
        assert_eq!(start.months_started_until(date("2026-09-15")), 1);
        assert_eq!(start.months_started_until(date("2026-10-14")), 1);
        assert_eq!(start.months_started_until(date("2026-10-15")), 2);
        assert_eq!(start.months_started_until(date("2027-01-01")), 4);
        // A month that is too short for the day starts on its last day.
        let end_of_month = date("2026-01-31");
        assert_eq!(end_of_month.months_started_until(date("2026-02-27")), 1);
        assert_eq!(end_of_month.months_started_until(date("2026-02-28")), 2);
        assert_eq!(end_of_month.months_started_until(date("2026-03-30")), 2);
        assert_eq!(end_of_month.months_started_until(date("2026-03-31")), 3);
    }
}
