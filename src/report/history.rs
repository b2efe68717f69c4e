//! The report's history section: the gate timeline as report.md and history.md show it —
//! each gate's first pass and regressions, the headline figures by commit (at most
//! [`CHART_POINTS`], evenly spread) and by month (the last commit of each), and the last
//! [`RECENT_COMMITS`] commits. Bounded whatever the history's length: a row per month and a
//! fixed number of commits. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::gates::Status;
use crate::timeline::{GateHistory, Moment, Point, Timeline, Transition};

/// The most points a chart of the history draws (and report.md's tables beside them hold).
pub const CHART_POINTS: usize = 30;

/// How many of the newest commits history.md lists one by one.
pub const RECENT_COMMITS: usize = 50;

#[derive(Debug, Clone, Serialize)]
pub struct HistoryView {
    /// How many main-line commits hold the portfolio, and the first and last one's day.
    pub commits: usize,
    pub first_date: String,
    pub last_date: String,
    /// The newest commit, short.
    pub last_commit: String,
    /// A shallow clone: the history starts where the clone's does.
    pub shallow: bool,
    pub gates: Vec<GateHistoryRow>,
    /// At most [`CHART_POINTS`] commits, evenly spread, the first and the last included.
    pub by_commit: Vec<TrendRow>,
    /// The last commit of each month, oldest first.
    pub by_month: Vec<TrendRow>,
    /// The last [`CHART_POINTS`] of `by_month`: report.md's chart and table.
    pub recent_months: Vec<TrendRow>,
    /// The last [`RECENT_COMMITS`] commits, oldest first.
    pub recent: Vec<TrendRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GateHistoryRow {
    pub id: &'static str,
    pub kind: &'static str,
    /// At the newest commit.
    pub status: &'static str,
    pub first_passed: Option<MomentRow>,
    pub regressions: usize,
    pub last_regressed: Option<MomentRow>,
    /// How many commits it did not pass at, and the last of them: for a rollback trigger, the
    /// commits at which it fired.
    pub not_passing: usize,
    pub last_not_passing: Option<MomentRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MomentRow {
    pub date: String,
    /// The commit, short.
    pub commit: String,
}

/// One commit's gates and headline figures.
#[derive(Debug, Clone, Serialize)]
pub struct TrendRow {
    /// Short.
    pub commit: String,
    pub date: String,
    /// `YYYY-MM` of `date`.
    pub month: String,
    pub as_of: String,
    pub gates_passed: usize,
    pub gates_total: usize,
    pub triggers_fired: usize,
    /// The gates whose status differs from the row before's in its table (for the first row of
    /// `recent`, from the commit before it).
    pub changes: Vec<ChangeRow>,
    pub value_usd: f64,
    pub value_hours: f64,
    pub revenue_growth_pct: Option<f64>,
    pub cost_reduction_pct: Option<f64>,
    pub duplicate_effort_reduction_pct: Option<f64>,
    pub conflict_resolution_rate_pct: f64,
    pub active_ventures: usize,
    pub launched_initiatives: usize,
    /// The money captured for a chart: rounded to cents, and 0 when the sum is not finite (the
    /// table beside the chart says so).
    pub chart_value_usd: f64,
    pub chart_rate_pct: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    pub id: &'static str,
    pub status: &'static str,
}

fn moment(moment: &Moment) -> MomentRow {
    MomentRow {
        date: moment.date.to_string(),
        commit: moment.commit.get(..7).unwrap_or(&moment.commit).to_string(),
    }
}

fn gate_row(gate: &GateHistory, commits: &[Point]) -> GateHistoryRow {
    let not_passing: Vec<&Point> = commits
        .iter()
        .filter(|point| {
            point
                .gates
                .get(gate.id)
                .is_some_and(|status| status != Status::Pass)
        })
        .collect();
    GateHistoryRow {
        not_passing: not_passing.len(),
        last_not_passing: not_passing.last().map(|point| MomentRow {
            date: point.date.to_string(),
            commit: point.short().to_string(),
        }),
        id: gate.id.as_str(),
        kind: gate.kind.as_str(),
        status: gate.status.as_str(),
        first_passed: gate.first_passed.as_ref().map(moment),
        regressions: gate.regressions.len(),
        last_regressed: gate.regressions.last().map(moment),
    }
}

fn chart(value: f64) -> f64 {
    if value.is_finite() {
        (value * 100.0).round() / 100.0
    } else {
        0.0
    }
}

fn trend_row(point: &Point, before: Option<&Point>) -> TrendRow {
    let figures = &point.metrics;
    let changes = before.map_or_else(Vec::new, |before| point.changes_since(before));
    TrendRow {
        commit: point.short().to_string(),
        date: point.date.to_string(),
        month: format!("{:04}-{:02}", point.date.year, point.date.month),
        as_of: point.as_of.to_string(),
        gates_passed: point.gates_passed,
        gates_total: point.gates_total,
        triggers_fired: point.triggers_fired,
        changes: changes
            .iter()
            .map(|Transition { id, to, .. }| ChangeRow {
                id: id.as_str(),
                status: to.as_str(),
            })
            .collect(),
        value_usd: figures.value_usd,
        value_hours: figures.value_hours,
        revenue_growth_pct: figures.revenue_growth_pct,
        cost_reduction_pct: figures.cost_reduction_pct,
        duplicate_effort_reduction_pct: figures.duplicate_effort_reduction_pct,
        conflict_resolution_rate_pct: figures.conflict_resolution_rate_pct,
        active_ventures: figures.active_ventures,
        launched_initiatives: figures.launched_initiatives,
        chart_value_usd: chart(figures.value_usd),
        chart_rate_pct: chart(figures.conflict_resolution_rate_pct),
    }
}

/// At most `most` indices of `0..count`, evenly spread, the first and the last included.
pub fn sample(count: usize, most: usize) -> Vec<usize> {
    if count <= most {
        return (0..count).collect();
    }
    if most < 2 {
        return vec![count - 1];
    }
    let mut indices: Vec<usize> = (0..most)
        .map(|step| step * (count - 1) / (most - 1))
        .collect();
    indices.dedup();
    indices
}

/// Rows of these points, in order, each compared with the one before in the list.
fn rows(points: &[&Point]) -> Vec<TrendRow> {
    points
        .iter()
        .enumerate()
        .map(|(index, point)| {
            let before = index.checked_sub(1).and_then(|at| points.get(at)).copied();
            trend_row(point, before)
        })
        .collect()
}

/// The history section of a timeline; `None` when no commit holds the portfolio.
pub fn view(timeline: &Timeline) -> Option<HistoryView> {
    let commits = &timeline.commits;
    let (first, last) = (commits.first()?, commits.last()?);
    let by_commit: Vec<&Point> = sample(commits.len(), CHART_POINTS)
        .into_iter()
        .filter_map(|index| commits.get(index))
        .collect();
    // The last commit of each month, by the commit's day; in the main line's order a later
    // commit of the same month replaces an earlier one.
    let mut months: BTreeMap<(i32, u32), &Point> = BTreeMap::new();
    for point in commits {
        months.insert((point.date.year, point.date.month), point);
    }
    let by_month: Vec<&Point> = months.into_values().collect();
    let by_month = rows(&by_month);
    let recent_months = by_month[by_month.len().saturating_sub(CHART_POINTS)..].to_vec();
    let start = commits.len().saturating_sub(RECENT_COMMITS);
    let recent: Vec<TrendRow> = (start..commits.len())
        .filter_map(|index| {
            let point = commits.get(index)?;
            let before = index.checked_sub(1).and_then(|at| commits.get(at));
            Some(trend_row(point, before))
        })
        .collect();
    Some(HistoryView {
        commits: commits.len(),
        first_date: first.date.to_string(),
        last_date: last.date.to_string(),
        last_commit: last.short().to_string(),
        shallow: timeline.shallow,
        gates: timeline
            .gates
            .iter()
            .map(|gate| gate_row(gate, commits))
            .collect(),
        by_commit: rows(&by_commit),
        by_month,
        recent_months,
        recent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_even_and_keep_both_ends() {
        assert_eq!(sample(3, 30), [0, 1, 2]);
        assert_eq!(sample(0, 30), Vec::<usize>::new());
        let many = sample(1000, 30);
        assert_eq!(many.len(), 30);
        assert_eq!(many.first(), Some(&0));
        assert_eq!(many.last(), Some(&999));
        let gaps: Vec<usize> = many.windows(2).map(|pair| pair[1] - pair[0]).collect();
        assert!(gaps.iter().all(|gap| (34..=35).contains(gap)), "{gaps:?}");
        assert_eq!(sample(31, 30).len(), 30);
        assert_eq!(sample(5, 1), [4]);
    }
}
