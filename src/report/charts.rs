//! The data of the HTML report's charts, chosen once from the report context: each chart and the
//! table printed beside it read the same rows, so that they cannot show different numbers. At
//! any size of portfolio a chart keeps to a readable number of marks (the top N, and a count of
//! the rest). Pure; `svg.rs` draws them.

use serde::Serialize;

use super::context::{InitiativeRow, MilestoneRow, ReportContext};

/// The most initiatives the timeline draws.
pub const TIMELINE_ROWS: usize = 20;
/// The most milestones the timeline draws on one initiative's row.
pub const TIMELINE_MARKS: usize = 12;
/// The most bars of a bar chart: the rest are summed into one bar.
pub const BARS: usize = 12;
/// The most resources the allocation chart draws.
pub const RESOURCE_BARS: usize = 20;
/// The most periods the benefits chart draws: the latest.
pub const PERIODS: usize = 36;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Charts {
    /// The value-against-effort quadrant: one place per (value, effort) pair that holds a
    /// synergy, by best net score (at most 25 places: both scores run from 1 to 5).
    pub quadrant: Vec<QuadrantPlace>,
    pub timeline: Timeline,
    /// Money captured by value type, largest first; past [`BARS`] types the rest are one bar.
    pub value_by_type: Vec<Bar>,
    /// Hours captured by value type, likewise.
    pub hours_by_type: Vec<Bar>,
    /// Revenue, resource cost and duplicate effort of each period as a percentage of the
    /// baseline's (100 = the baseline).
    pub benefits: Benefits,
    pub resources: ResourceUse,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuadrantPlace {
    pub value: u8,
    pub effort: u8,
    pub quadrant: &'static str,
    /// How many synergies sit here.
    pub count: usize,
    /// The first three, by net score.
    pub synergies: Vec<String>,
    /// How many more.
    pub more: usize,
    pub best_net_score: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Timeline {
    pub rows: Vec<TimelineRow>,
    /// Initiatives with milestones that the chart leaves out.
    pub more: usize,
    /// The first and last day drawn (the report's date always within).
    pub from: String,
    pub to: String,
    pub as_of: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineRow {
    pub id: String,
    pub name: String,
    /// Its milestones by deadline: at most [`TIMELINE_MARKS`], the rest counted in `more`.
    pub milestones: Vec<MilestoneRow>,
    pub more: usize,
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
    pub next: Option<MilestoneRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// How many items a summed bar stands for (1 for a single one).
    pub items: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Benefits {
    pub baseline: Option<String>,
    pub periods: Vec<BenefitPeriod>,
    /// Earlier periods the chart leaves out.
    pub more: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct BenefitPeriod {
    pub period: String,
    pub baseline: bool,
    pub revenue_monthly: f64,
    pub resource_cost_monthly: f64,
    pub duplicate_effort_hours_monthly: f64,
    /// Each as a percentage of the baseline's, when the baseline's is not 0.
    pub revenue_pct: Option<f64>,
    pub cost_pct: Option<f64>,
    pub effort_pct: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ResourceUse {
    /// The resources of the highest use of their capacity, over capacity first.
    pub rows: Vec<ResourceBar>,
    /// Resources left out, and how many of those are over capacity.
    pub more: usize,
    pub more_over_capacity: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceBar {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub allocated: f64,
    pub capacity: f64,
    /// Allocated as a percentage of capacity, when there is a capacity.
    pub pct: Option<f64>,
    pub ventures: usize,
    pub over_capacity: bool,
}

impl Charts {
    pub fn of(context: &ReportContext) -> Charts {
        Charts {
            quadrant: quadrant(context),
            timeline: timeline(context),
            value_by_type: bars(
                context
                    .value
                    .by_type
                    .iter()
                    .map(|row| (row.kind.as_str(), row.usd)),
            ),
            hours_by_type: bars(
                context
                    .value
                    .by_type
                    .iter()
                    .map(|row| (row.kind.as_str(), row.hours)),
            ),
            benefits: benefits(context),
            resources: resources(context),
        }
    }
}

fn quadrant(context: &ReportContext) -> Vec<QuadrantPlace> {
    // The synergies come by net score: the first at a place is its best.
    let mut places: Vec<QuadrantPlace> = Vec::new();
    for row in &context.synergies {
        let at = places.iter_mut().find(|place| {
            place.value == row.value_potential && place.effort == row.implementation_effort
        });
        match at {
            Some(place) => {
                place.count += 1;
                if place.synergies.len() < 3 {
                    place.synergies.push(row.id.clone());
                } else {
                    place.more += 1;
                }
            }
            None => places.push(QuadrantPlace {
                value: row.value_potential,
                effort: row.implementation_effort,
                quadrant: row.quadrant,
                count: 1,
                synergies: vec![row.id.clone()],
                more: 0,
                best_net_score: row.net_score,
            }),
        }
    }
    places
}

/// Initiatives that need attention first: the most overdue milestones, then the nearest next
/// milestone, then by id.
fn timeline(context: &ReportContext) -> Timeline {
    let mut planned: Vec<&InitiativeRow> = context
        .initiatives
        .iter()
        .filter(|row| !row.milestones.is_empty())
        .collect();
    planned.sort_by(|a, b| {
        b.overdue_milestones
            .cmp(&a.overdue_milestones)
            .then_with(|| {
                let next = |row: &InitiativeRow| {
                    row.next_milestone
                        .as_ref()
                        .map_or_else(|| "9999-99-99".to_string(), |m| m.deadline.clone())
                };
                next(a).cmp(&next(b))
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    let more = planned.len().saturating_sub(TIMELINE_ROWS);
    let rows: Vec<TimelineRow> = planned
        .into_iter()
        .take(TIMELINE_ROWS)
        .map(|row| TimelineRow {
            id: row.id.clone(),
            name: row.name.clone(),
            milestones: row
                .milestones
                .iter()
                .take(TIMELINE_MARKS)
                .cloned()
                .collect(),
            more: row.milestones.len().saturating_sub(TIMELINE_MARKS),
            done: row.milestones.iter().filter(|m| m.done).count(),
            total: row.milestones.len(),
            overdue: row.overdue_milestones,
            next: row.next_milestone.clone(),
        })
        .collect();
    let as_of = context.portfolio.as_of.clone();
    let dates = rows
        .iter()
        .flat_map(|row| row.milestones.iter().map(|m| m.deadline.as_str()))
        .chain(std::iter::once(as_of.as_str()));
    let from = dates.clone().min().unwrap_or_default().to_string();
    let to = dates.max().unwrap_or_default().to_string();
    Timeline {
        rows,
        more,
        from,
        to,
        as_of,
    }
}

/// The positive amounts, largest first (then by label); past [`BARS`] the rest summed as one.
fn bars<'a>(amounts: impl Iterator<Item = (&'a str, f64)>) -> Vec<Bar> {
    let mut bars: Vec<Bar> = amounts
        .filter(|(_, value)| *value > 0.0)
        .map(|(label, value)| Bar {
            label: label.to_string(),
            value,
            items: 1,
        })
        .collect();
    bars.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.label.cmp(&b.label))
    });
    if bars.len() > BARS {
        let rest = bars.split_off(BARS - 1);
        bars.push(Bar {
            label: format!("{} other types", rest.len()),
            value: rest.iter().map(|bar| bar.value).sum(),
            items: rest.len(),
        });
    }
    bars
}

fn benefits(context: &ReportContext) -> Benefits {
    let trend = &context.benefits.trend;
    let baseline = context.benefits.baseline.as_ref();
    let pct = |value: f64, base: Option<f64>| {
        base.filter(|base| *base != 0.0 && base.is_finite())
            .map(|base| value / base * 100.0)
    };
    let more = trend.len().saturating_sub(PERIODS);
    Benefits {
        baseline: baseline.map(|row| row.period.clone()),
        periods: trend
            .iter()
            .skip(more)
            .map(|row| BenefitPeriod {
                period: row.period.clone(),
                baseline: baseline.is_some_and(|base| base.period == row.period),
                revenue_monthly: row.revenue_monthly,
                resource_cost_monthly: row.resource_cost_monthly,
                duplicate_effort_hours_monthly: row.duplicate_effort_hours_monthly,
                revenue_pct: pct(row.revenue_monthly, baseline.map(|b| b.revenue_monthly)),
                cost_pct: pct(
                    row.resource_cost_monthly,
                    baseline.map(|b| b.resource_cost_monthly),
                ),
                effort_pct: pct(
                    row.duplicate_effort_hours_monthly,
                    baseline.map(|b| b.duplicate_effort_hours_monthly),
                ),
            })
            .collect(),
        more,
    }
}

fn resources(context: &ReportContext) -> ResourceUse {
    let mut rows: Vec<ResourceBar> = context
        .resources
        .rows
        .iter()
        .map(|row| ResourceBar {
            id: row.id.clone(),
            name: row.name.clone(),
            unit: row.unit.clone(),
            allocated: row.allocated,
            capacity: row.capacity,
            pct: (row.capacity > 0.0).then(|| row.allocated / row.capacity * 100.0),
            ventures: row.ventures,
            over_capacity: row.over_capacity,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.over_capacity
            .cmp(&a.over_capacity)
            .then_with(|| b.pct.unwrap_or(0.0).total_cmp(&a.pct.unwrap_or(0.0)))
            .then_with(|| a.id.cmp(&b.id))
    });
    let rest = rows.split_off(rows.len().min(RESOURCE_BARS));
    ResourceUse {
        rows,
        more: rest.len(),
        more_over_capacity: rest.iter().filter(|row| row.over_capacity).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_keep_the_largest_and_sum_the_rest() {
        let amounts: Vec<(String, f64)> = (0..20)
            .map(|i| (format!("t{i:02}"), f64::from(i)))
            .collect();
        let bars = bars(
            amounts
                .iter()
                .map(|(label, value)| (label.as_str(), *value)),
        );
        assert_eq!(bars.len(), BARS);
        assert_eq!(bars[0].label, "t19");
        let rest = bars.last().expect("a last bar");
        // 0 is not drawn; 1 to 8 are summed.
        assert_eq!(rest.label, "8 other types");
        assert_eq!(rest.items, 8);
        assert!((rest.value - 36.0).abs() < 1e-9);
    }
}
