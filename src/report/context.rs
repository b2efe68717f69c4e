//! The report context: one typed, serialisable struct, the whole contract between the code and
//! the templates. Built from the model and the gate evaluation; pure.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::rows::Rows;

use crate::gates::{Evaluation, Figures, GateKind, Status};
use crate::model::assessment::Recommendation;
use crate::model::initiative::Quantity;
use crate::model::{Item, Model, Thresholds};

#[derive(Debug, Clone, Serialize)]
pub struct ReportContext {
    pub portfolio: PortfolioInfo,
    pub thresholds: Thresholds,
    pub gates: Vec<GateRow>,
    pub schedule: ScheduleView,
    pub metrics: Figures,
    pub ventures: Rows<VentureRow>,
    /// The ventures report.md shows: at most [`OVERVIEW_VENTURES`], by revenue, then id.
    pub overview: Vec<VentureRow>,
    pub venture_totals: VentureTotals,
    pub assessments: Rows<AssessmentRow>,
    pub synergies: Rows<SynergyRow>,
    /// The points of the value-against-effort chart: synergies at the same place share one
    /// point, so that no two labels are drawn over each other.
    pub synergy_points: Vec<ChartPoint>,
    pub conflicts: Rows<ConflictRow>,
    pub initiatives: Rows<InitiativeRow>,
    pub resources: ResourceMatrix,
    pub governance: GovernanceInfo,
    pub value: ValueLog,
    pub benefits: Benefits,
    pub lessons: Lessons,
    /// Counts for the executive summary.
    pub counts: Counts,
    /// Where the full report is, for a summary that had to leave things out.
    pub full_report: Option<String>,
    /// The portfolio root as seen from the report's folder (`..` for `ROOT/reports`), so that
    /// the reports link to the files behind the gates.
    pub root_link: String,
    /// The gates and headline figures along the main line, when the portfolio is read in a git
    /// repository (and `--no-history` is not given): report.md's "History" and history.md.
    pub history: Option<super::history::HistoryView>,
    /// The data of the HTML report's charts, each also shown as the table beside its chart.
    pub charts: super::charts::Charts,
}

#[derive(Debug, Clone, Serialize)]
pub struct PortfolioInfo {
    pub name: String,
    pub currency: String,
    pub as_of: String,
    pub stage_started: Option<String>,
}

/// The stage's 30-day plan as of the report's date: each step's window and status, and the
/// milestones past their deadline.
#[derive(Debug, Clone, Serialize)]
pub struct ScheduleView {
    pub stage_started: Option<String>,
    /// The report date's day of the stage (1 on `stage_started`).
    pub day: Option<i64>,
    /// Why there is no plan, when there is none.
    pub note: Option<String>,
    pub steps: Vec<ScheduleRow>,
    pub done: usize,
    pub due: usize,
    pub late: usize,
    pub overdue_milestones: Rows<OverdueMilestone>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScheduleRow {
    pub step: u8,
    pub id: &'static str,
    pub substage: &'static str,
    pub title: &'static str,
    pub deliverable: &'static str,
    /// The deliverable's report file.
    pub file: &'static str,
    pub from: String,
    pub to: String,
    pub status: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverdueMilestone {
    pub initiative: String,
    pub milestone: String,
    pub deadline: String,
    pub days_late: i64,
}

/// Each step of the SOP: its substage, what it does, and the deliverable it produces.
const STEPS: [(&str, &str, &str, &str); 9] = [
    (
        "39.1 Portfolio analysis",
        "venture assessment",
        "assessment matrix",
        "assessment-matrix.md",
    ),
    (
        "39.1 Portfolio analysis",
        "synergy identification",
        "synergy register",
        "synergy-register.md",
    ),
    (
        "39.1 Portfolio analysis",
        "conflict resolution",
        "conflict resolution log",
        "conflict-log.md",
    ),
    (
        "39.2 Coordination planning",
        "coordination plans",
        "coordination plan per initiative",
        "coordination-plans.md",
    ),
    (
        "39.2 Coordination planning",
        "resource sharing",
        "resource allocation matrix",
        "resource-allocation.md",
    ),
    (
        "39.2 Coordination planning",
        "governance",
        "governance playbook",
        "governance-playbook.md",
    ),
    (
        "39.3 Synergy execution",
        "launch initiatives",
        "initiative dashboard",
        "initiative-dashboard.md",
    ),
    (
        "39.3 Synergy execution",
        "capture value",
        "value capture log",
        "value-capture-log.md",
    ),
    (
        "39.3 Synergy execution",
        "measure benefits",
        "portfolio coordination report",
        "report.md",
    ),
];

/// The schedule of the evaluation, with each step's place in the SOP, and the overdue
/// milestones (past their deadline as of `as_of`, not done), latest deadline last.
fn schedule(
    evaluation: &Evaluation,
    initiatives: &[InitiativeRow],
    as_of: crate::model::date::Date,
) -> ScheduleView {
    let plan = &evaluation.schedule;
    let steps: Vec<ScheduleRow> = plan
        .steps
        .iter()
        .flatten()
        .filter_map(|window| {
            let (substage, title, deliverable, file) =
                *STEPS.get(usize::from(window.step).checked_sub(1)?)?;
            Some(ScheduleRow {
                step: window.step,
                id: window.id.as_str(),
                substage,
                title,
                deliverable,
                file,
                from: window.from.to_string(),
                to: window.to.to_string(),
                status: window.status.as_str(),
            })
        })
        .collect();
    let count = |status: &str| steps.iter().filter(|row| row.status == status).count();
    let mut overdue: Vec<OverdueMilestone> = initiatives
        .iter()
        .flat_map(|initiative| {
            initiative
                .milestones
                .iter()
                .filter(|milestone| milestone.overdue)
                .map(|milestone| OverdueMilestone {
                    initiative: initiative.id.clone(),
                    milestone: milestone.milestone.clone(),
                    deadline: milestone.deadline.clone(),
                    days_late: crate::model::date::Date::parse(&milestone.deadline)
                        .map_or(0, |deadline| as_of.days_after(deadline)),
                })
        })
        .collect();
    overdue.sort_by(|a, b| (&a.deadline, &a.initiative).cmp(&(&b.deadline, &b.initiative)));
    ScheduleView {
        stage_started: plan.stage_started.map(|date| date.to_string()),
        day: plan.day,
        note: plan.note.clone(),
        done: count("done"),
        due: count("due"),
        late: count("late"),
        steps,
        overdue_milestones: overdue.into(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct GateRow {
    pub id: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub summary: String,
    pub action: Option<String>,
    pub files: Vec<std::sync::Arc<str>>,
}

/// One venture as the portfolio overview shows it: its figures, its latest assessment, and
/// what it takes part in.
#[derive(Debug, Clone, Serialize)]
pub struct VentureRow {
    pub id: String,
    pub name: String,
    pub status: &'static str,
    pub lead: Option<String>,
    pub critical: bool,
    pub industry: Option<String>,
    pub stage: Option<u32>,
    pub revenue_monthly: Option<f64>,
    pub burn_monthly: Option<f64>,
    /// Burn less revenue, when burn exceeds revenue: what the venture consumes each month.
    /// (Runway needs cash on hand, which a venture file does not hold.)
    pub net_burn_monthly: Option<f64>,
    pub users: Option<u64>,
    pub growth_pct: Option<f64>,
    pub market_fit: Option<u8>,
    /// Its latest assessment: total, recommendation, date.
    pub assessment_total: Option<f64>,
    pub recommendation: Option<&'static str>,
    pub assessed_on: Option<String>,
    pub synergies: Vec<String>,
    pub initiatives: Vec<String>,
    /// Its allocation of each shared resource (one allocated to two or more ventures).
    pub shares: Vec<ShareRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShareRow {
    pub resource: String,
    pub amount: f64,
    pub unit: String,
    /// The allocation as a share of the resource's capacity, when it has one.
    pub pct_of_capacity: Option<f64>,
}

/// The ventures' own figures summed, beside the current metrics snapshot: where the two
/// disagree, the difference says by how much.
#[derive(Debug, Clone, Serialize)]
pub struct VentureTotals {
    pub revenue_monthly: f64,
    pub burn_monthly: f64,
    pub users: u64,
    /// How many ventures state each figure.
    pub with_revenue: usize,
    pub with_users: usize,
    pub snapshot_period: Option<String>,
    pub snapshot_revenue_monthly: Option<f64>,
    pub snapshot_users: Option<u64>,
    /// The ventures' sum less the snapshot's, when they differ.
    pub revenue_difference: Option<f64>,
    pub users_difference: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssessmentRow {
    pub venture: String,
    pub venture_name: String,
    pub date: String,
    pub assessor: Option<String>,
    pub strategic_fit: u8,
    pub financial_health: u8,
    pub growth_potential: u8,
    pub resource_efficiency: u8,
    pub total: f64,
    pub recommendation: &'static str,
    pub rationale: Option<String>,
    /// A `continue` below the viable score.
    pub below_viable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SynergyRow {
    pub id: String,
    pub title: String,
    pub category: String,
    pub ventures: Vec<String>,
    pub value_potential: u8,
    pub implementation_effort: u8,
    pub strategic_importance: u8,
    pub net_score: f64,
    pub status: String,
    pub estimated_value: Option<f64>,
    pub estimated_unit: Option<String>,
    /// Where it sits in the value-vs-effort chart, each from 0 to 1.
    pub x: f64,
    pub y: f64,
    pub quadrant: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartPoint {
    pub label: String,
    pub x: f64,
    pub y: f64,
}

/// One chart point per place, labelled with every synergy there (at most three named).
fn synergy_points(synergies: &[SynergyRow]) -> Vec<ChartPoint> {
    let mut places: Vec<((u8, u8), Vec<&SynergyRow>)> = Vec::new();
    for row in synergies {
        let place = (row.implementation_effort, row.value_potential);
        match places.iter_mut().find(|(at, _)| *at == place) {
            Some((_, rows)) => rows.push(row),
            None => places.push((place, vec![row])),
        }
    }
    places
        .into_iter()
        .filter_map(|(_, rows)| {
            let first = rows.first()?;
            let mut names: Vec<&str> = rows.iter().take(3).map(|row| row.id.as_str()).collect();
            let more = rows.len().saturating_sub(3);
            let more = (more > 0).then(|| format!("+{more}"));
            names.extend(more.as_deref());
            Some(ChartPoint {
                label: names.join(" "),
                x: first.x,
                y: first.y,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct ConflictRow {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub ventures: Vec<String>,
    pub resource: Option<String>,
    pub strategy: Option<String>,
    pub resolution: Option<String>,
    pub owner: Option<String>,
    pub status: &'static str,
    pub identified: Option<String>,
    pub resolved_on: Option<String>,
    pub approved_by: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InitiativeRow {
    pub id: String,
    pub name: String,
    pub ventures: Vec<String>,
    pub value_proposition: String,
    pub synergy: Option<String>,
    pub owner: Option<String>,
    pub budget: Option<f64>,
    pub status: &'static str,
    pub progress: Option<f64>,
    pub approved_by: Option<String>,
    pub launched_on: Option<String>,
    pub milestones: Vec<MilestoneRow>,
    pub success_metrics: Vec<SuccessMetricRow>,
    /// The first milestone not done, by deadline.
    pub next_milestone: Option<MilestoneRow>,
    /// Money captured so far (in the portfolio's currency) and hours, as of the report's date.
    pub value_usd: f64,
    pub value_hours: f64,
    /// Milestones past their deadline and not done.
    pub overdue_milestones: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct MilestoneRow {
    pub milestone: String,
    pub owner: Option<String>,
    pub deadline: String,
    pub done: bool,
    /// Past its deadline as of the report's date, and not done.
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SuccessMetricRow {
    pub metric: String,
    pub baseline: Option<String>,
    pub target: String,
    pub current: Option<String>,
}

/// Resources × ventures.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceMatrix {
    /// The column headings: every venture some resource is allocated to, by id — when there are
    /// at most [`MATRIX_COLUMNS`] of them; past that the allocations are listed, not gridded,
    /// so that the report grows with the allocations, not with resources × ventures.
    pub ventures: Vec<String>,
    pub rows: Rows<ResourceRow>,
    /// Every allocation that exists, resource by resource.
    pub allocations: Rows<AllocationRow>,
}

/// The most ventures the allocation matrix shows as columns.
pub const MATRIX_COLUMNS: usize = 20;

#[derive(Debug, Clone, Serialize)]
pub struct AllocationRow {
    pub resource: String,
    pub venture: String,
    pub amount: f64,
    pub unit: String,
    /// The allocation as a share of the resource's capacity, when it has one.
    pub pct_of_capacity: Option<f64>,
}

/// The resources with their totals; as a grid of ventures when there are few, and always as
/// the list of the allocations that exist.
fn resource_matrix(model: &Model) -> ResourceMatrix {
    let mut columns: Vec<String> = model
        .resources
        .iter()
        .flat_map(|resource| resource.allocations.keys().cloned())
        .collect();
    columns.sort();
    columns.dedup();
    if columns.len() > MATRIX_COLUMNS {
        columns.clear();
    }
    let mut rows: Vec<ResourceRow> = model
        .resources
        .iter()
        .map(|resource| ResourceRow {
            id: resource.id.clone(),
            name: resource.name.clone(),
            kind: resource.kind.as_str(),
            unit: resource.unit.clone(),
            capacity: resource.capacity,
            allocated: resource.allocated(),
            ventures: resource.allocations.len(),
            cells: columns
                .iter()
                .map(|venture| resource.allocations.get(venture).copied())
                .collect(),
            over_capacity: resource.allocated() > resource.capacity + 1e-9,
            approved_by: resource.approved_by.clone(),
        })
        .collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    let mut allocations: Vec<AllocationRow> = model
        .resources
        .iter()
        .flat_map(|resource| {
            resource
                .allocations
                .iter()
                .map(move |(venture, amount)| AllocationRow {
                    resource: resource.id.clone(),
                    venture: venture.clone(),
                    amount: *amount,
                    unit: resource.unit.clone(),
                    pct_of_capacity: (resource.capacity > 0.0)
                        .then(|| amount / resource.capacity * 100.0),
                })
        })
        .collect();
    allocations.sort_by(|a, b| (&a.resource, &a.venture).cmp(&(&b.resource, &b.venture)));
    ResourceMatrix {
        ventures: columns,
        rows: rows.into(),
        allocations: allocations.into(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceRow {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub unit: String,
    pub capacity: f64,
    pub allocated: f64,
    /// How many ventures it is allocated to.
    pub ventures: usize,
    /// One cell per column venture: the amount, or none (no cells past [`MATRIX_COLUMNS`]).
    pub cells: Vec<Option<f64>>,
    pub over_capacity: bool,
    pub approved_by: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GovernanceInfo {
    pub present: bool,
    pub roles: Vec<RoleRow>,
    pub rights: Vec<RightRow>,
    pub escalation: Vec<String>,
    pub cadence: Vec<MeetingRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleRow {
    pub name: String,
    pub members: Vec<String>,
    pub quorum: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RightRow {
    pub decision: String,
    pub authority: Option<String>,
    pub approvals: Vec<ApprovalRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApprovalRow {
    pub role: String,
    pub when: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingRow {
    pub meeting: String,
    pub every: String,
    pub attendees: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueLog {
    pub events: Rows<ValueRow>,
    pub total_usd: f64,
    pub total_hours: f64,
    /// Money and hours captured by value type, for the chart and its table.
    pub by_type: Vec<ValueByType>,
    /// What had been captured by the end of each month, from the first event's month to the
    /// report's (the last point is the report's date): at most [`VALUE_MONTHS`] months.
    pub over_time: Vec<ValuePoint>,
}

/// The most months the value captured over time covers: the latest ones.
pub const VALUE_MONTHS: usize = 60;

#[derive(Debug, Clone, Serialize)]
pub struct ValuePoint {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The date the figures are counted at: the month's last day, or the report's date.
    pub date: String,
    pub usd: f64,
    pub hours: f64,
}

/// Money and hours captured by the end of each month up to `as_of`, counted as the gates count
/// them.
fn value_over_time(model: &Model, as_of: crate::model::date::Date) -> Vec<ValuePoint> {
    use crate::model::date::Date;
    let Some(first) = model
        .value_events
        .iter()
        .map(|event| event.date)
        .filter(|date| *date <= as_of)
        .min()
    else {
        return Vec::new();
    };
    let next_month = |date: Date| {
        if date.month == 12 {
            Date {
                year: date.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                month: date.month + 1,
                day: 1,
                ..date
            }
        }
    };
    let mut months = Vec::new();
    let mut month = first.month_start();
    while month <= as_of {
        months.push(month);
        month = next_month(month);
    }
    let skip = months.len().saturating_sub(VALUE_MONTHS);
    months
        .into_iter()
        .skip(skip)
        .map(|month| {
            let at = next_month(month).plus_days(-1).min(as_of);
            let (mut usd, mut hours) = (0.0, 0.0);
            for event in &model.value_events {
                match event.unit {
                    Some(unit) if unit.is_money() => usd += event.captured(at),
                    Some(_) => hours += event.captured(at),
                    None => {}
                }
            }
            ValuePoint {
                month: format!("{:04}-{:02}", month.year, month.month),
                date: at.to_string(),
                usd,
                hours,
            }
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueRow {
    pub id: String,
    pub initiative: String,
    pub kind: String,
    pub amount: Option<f64>,
    pub unit: Option<&'static str>,
    pub date: String,
    pub evidence: String,
    /// What it has captured as of the report's date.
    pub captured: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueByType {
    pub kind: String,
    pub usd: f64,
    pub hours: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Benefits {
    pub baseline: Option<MetricsRow>,
    pub current: Option<MetricsRow>,
    /// (current − baseline) / baseline × 100 of the snapshots' `users`, when both state them
    /// and the baseline is not 0.
    pub user_growth_pct: Option<f64>,
    /// Every snapshot, by period.
    pub trend: Vec<MetricsRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MetricsRow {
    pub period: String,
    pub baseline: bool,
    pub revenue_monthly: f64,
    pub resource_cost_monthly: f64,
    pub duplicate_effort_hours_monthly: f64,
    pub users: Option<u64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Lessons {
    pub worked: Vec<String>,
    pub didnt_work: Vec<String>,
    pub recommendations: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub ventures: usize,
    pub active_ventures: usize,
    pub synergies: usize,
    pub conflicts: usize,
    pub open_conflicts: usize,
    pub initiatives: usize,
    pub launched_initiatives: usize,
    pub resources: usize,
    pub gates_passed: usize,
    pub gates_total: usize,
    pub triggers_fired: usize,
}

fn quantity(quantity: &Quantity) -> String {
    match quantity {
        Quantity::Number(number) => crate::numbers::figure(*number),
        Quantity::Text(text) => text.clone(),
    }
}

fn quadrant(value: u8, effort: u8) -> &'static str {
    match (value >= 3, effort <= 3) {
        (true, true) => "quick win",
        (true, false) => "major project",
        (false, true) => "fill-in",
        (false, false) => "thankless task",
    }
}

/// The most ventures report.md lists; ventures.md lists them all.
pub const OVERVIEW_VENTURES: usize = 25;

/// The ventures report.md lists: those with the largest revenue, then by id.
fn overview(ventures: &[VentureRow]) -> Vec<VentureRow> {
    let mut overview: Vec<&VentureRow> = ventures.iter().collect();
    overview.sort_by(|a, b| {
        b.revenue_monthly
            .unwrap_or(0.0)
            .total_cmp(&a.revenue_monthly.unwrap_or(0.0))
            .then_with(|| a.id.cmp(&b.id))
    });
    overview.truncate(OVERVIEW_VENTURES);
    overview.into_iter().cloned().collect()
}

/// Who names each venture (a synergy, an initiative), gathered in one pass over the lists.
fn named_by<'a>(
    lists: impl Iterator<Item = (&'a String, &'a Vec<String>)>,
) -> HashMap<&'a str, Vec<String>> {
    let mut named: HashMap<&str, Vec<String>> = HashMap::new();
    for (owner, ventures) in lists {
        for venture in ventures {
            named
                .entry(venture.as_str())
                .or_default()
                .push(owner.clone());
        }
    }
    for owners in named.values_mut() {
        owners.sort();
        owners.dedup();
    }
    named
}

/// Each venture with its figures, latest assessment, synergies, initiatives and shares of the
/// shared resources, by id.
fn ventures(
    model: &Model,
    latest: &HashMap<&str, &Item<crate::model::Assessment>>,
    thresholds: &Thresholds,
) -> Vec<VentureRow> {
    let mut synergies_of = named_by(model.synergies.iter().map(|s| (&s.id, &s.ventures)));
    let mut initiatives_of = named_by(
        model
            .initiatives
            .iter()
            .map(|i| (&i.initiative_id, &i.ventures)),
    );
    // Each venture's shares, gathered in one pass over the shared resources.
    let mut shares_of: HashMap<&str, Vec<ShareRow>> = HashMap::new();
    for resource in model
        .resources
        .iter()
        .filter(|resource| resource.allocations.len() >= 2)
    {
        for (venture, amount) in &resource.allocations {
            shares_of
                .entry(venture.as_str())
                .or_default()
                .push(ShareRow {
                    resource: resource.id.clone(),
                    amount: *amount,
                    unit: resource.unit.clone(),
                    pct_of_capacity: (resource.capacity > 0.0)
                        .then(|| amount / resource.capacity * 100.0),
                });
        }
    }
    let mut rows: Vec<VentureRow> = model
        .ventures
        .iter()
        .map(|venture| {
            let metrics = venture.metrics.as_ref();
            let revenue = metrics.and_then(|m| m.revenue_monthly);
            let burn = metrics.and_then(|m| m.burn_monthly);
            let assessment = latest.get(venture.id.as_str());
            let synergies = synergies_of.remove(venture.id.as_str()).unwrap_or_default();
            let initiatives = initiatives_of
                .remove(venture.id.as_str())
                .unwrap_or_default();
            VentureRow {
                id: venture.id.clone(),
                name: venture.name.clone(),
                status: venture.status.as_str(),
                lead: venture.lead.clone(),
                critical: venture.critical,
                industry: venture.industry.clone(),
                stage: venture.stage,
                revenue_monthly: revenue,
                burn_monthly: burn,
                net_burn_monthly: match (revenue, burn) {
                    (revenue, Some(burn)) if burn > revenue.unwrap_or(0.0) => {
                        Some(burn - revenue.unwrap_or(0.0))
                    }
                    _ => None,
                },
                users: metrics.and_then(|m| m.users),
                growth_pct: metrics.and_then(|m| m.growth_pct),
                market_fit: metrics.and_then(|m| m.market_fit),
                assessment_total: assessment
                    .map(|a| a.scores.total(&thresholds.assessment_weights)),
                recommendation: assessment.map(|a| a.recommendation.as_str()),
                assessed_on: assessment.map(|a| a.date.to_string()),
                synergies,
                initiatives,
                shares: shares_of.remove(venture.id.as_str()).unwrap_or_default(),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows
}

/// The ventures' figures summed, against the current metrics snapshot.
fn venture_totals(ventures: &[VentureRow], current: Option<&MetricsRow>) -> VentureTotals {
    let revenue: f64 = ventures.iter().filter_map(|v| v.revenue_monthly).sum();
    let users: u64 = ventures
        .iter()
        .filter_map(|v| v.users)
        .fold(0, u64::saturating_add);
    let differs = |sum: f64, snapshot: Option<f64>| {
        snapshot
            .map(|snapshot| sum - snapshot)
            .filter(|difference| difference.abs() > 1e-9)
    };
    let snapshot_users = current.and_then(|row| row.users);
    VentureTotals {
        revenue_monthly: revenue,
        burn_monthly: ventures.iter().filter_map(|v| v.burn_monthly).sum(),
        users,
        with_revenue: ventures
            .iter()
            .filter(|v| v.revenue_monthly.is_some())
            .count(),
        with_users: ventures.iter().filter(|v| v.users.is_some()).count(),
        snapshot_period: current.map(|row| row.period.clone()),
        snapshot_revenue_monthly: current.map(|row| row.revenue_monthly),
        snapshot_users,
        revenue_difference: differs(revenue, current.map(|row| row.revenue_monthly)),
        users_difference: differs(users as f64, snapshot_users.map(|users| users as f64)),
    }
}

/// Money and hours captured by each initiative as of `as_of`, counted as the gates count them
/// (a monthly amount once for every month started since its date).
fn captured_by_initiative(
    model: &Model,
    as_of: crate::model::date::Date,
) -> BTreeMap<&str, (f64, f64)> {
    let mut captured: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for event in &model.value_events {
        let Some(unit) = event.unit else { continue };
        let entry = captured.entry(event.initiative.as_str()).or_default();
        if unit.is_money() {
            entry.0 += event.captured(as_of);
        } else {
            entry.1 += event.captured(as_of);
        }
    }
    captured
}

/// Builds the context from the model and the evaluation of its gates.
pub fn build(model: &Model, evaluation: &Evaluation) -> ReportContext {
    let portfolio = model.portfolio.as_ref();
    let as_of = evaluation.as_of;
    let figures = &evaluation.metrics;
    let venture_name = |id: &str| {
        model
            .venture(id)
            .map_or_else(|| id.to_string(), |venture| venture.name.clone())
    };

    let gates: Vec<GateRow> = evaluation
        .results
        .iter()
        .map(|result| GateRow {
            id: result.id.to_string(),
            kind: result.kind.as_str(),
            status: result.status.as_str(),
            summary: result.summary.clone(),
            action: result
                .evidence
                .action()
                .map(|action| action.as_str().to_string()),
            files: result.evidence.files().to_vec(),
        })
        .collect();

    // The current assessment of each venture: its latest. (The maps only looked up by venture
    // are hashed: a portfolio may hold ten thousand.)
    let mut latest: HashMap<&str, &Item<crate::model::Assessment>> = HashMap::new();
    for assessment in &model.assessments {
        let entry = latest
            .entry(assessment.venture.as_str())
            .or_insert(assessment);
        if assessment.date > entry.date {
            *entry = assessment;
        }
    }
    let thresholds = model.thresholds();
    let mut assessments: Vec<AssessmentRow> = latest
        .values()
        .map(|assessment| {
            let total = assessment.scores.total(&thresholds.assessment_weights);
            AssessmentRow {
                venture: assessment.venture.clone(),
                venture_name: venture_name(&assessment.venture),
                date: assessment.date.to_string(),
                assessor: assessment.assessor.clone(),
                strategic_fit: assessment.scores.strategic_fit,
                financial_health: assessment.scores.financial_health,
                growth_potential: assessment.scores.growth_potential,
                resource_efficiency: assessment.scores.resource_efficiency,
                total,
                recommendation: assessment.recommendation.as_str(),
                rationale: assessment.rationale.clone(),
                below_viable: assessment.recommendation == Recommendation::Continue
                    && total < thresholds.min_viable_score,
            }
        })
        .collect();
    assessments.sort_by(|a, b| {
        b.total
            .total_cmp(&a.total)
            .then_with(|| a.venture.cmp(&b.venture))
    });

    let mut synergies: Vec<SynergyRow> = model
        .synergies
        .iter()
        .map(|synergy| SynergyRow {
            id: synergy.id.clone(),
            title: synergy.title.clone(),
            category: synergy.category.clone(),
            ventures: synergy.ventures.clone(),
            value_potential: synergy.value_potential,
            implementation_effort: synergy.implementation_effort,
            strategic_importance: synergy.strategic_importance,
            net_score: synergy.computed_net_score(),
            status: synergy.status.clone(),
            estimated_value: synergy.estimated_value.as_ref().map(|value| value.amount),
            estimated_unit: synergy
                .estimated_value
                .as_ref()
                .map(|value| value.unit.clone()),
            // Mermaid writes each quadrant's name at its top: points stay below 0.85.
            x: (f64::from(synergy.implementation_effort) - 1.0) / 4.0 * 0.9 + 0.05,
            y: (f64::from(synergy.value_potential) - 1.0) / 4.0 * 0.8 + 0.05,
            quadrant: quadrant(synergy.value_potential, synergy.implementation_effort),
        })
        .collect();
    synergies.sort_by(|a, b| {
        b.net_score
            .total_cmp(&a.net_score)
            .then_with(|| a.id.cmp(&b.id))
    });

    let mut conflicts: Vec<ConflictRow> = model
        .conflicts
        .iter()
        .map(|conflict| ConflictRow {
            id: conflict.id.clone(),
            title: conflict.title.clone(),
            kind: conflict.kind.clone(),
            ventures: conflict.ventures.clone(),
            resource: conflict.resource.clone(),
            strategy: conflict.strategy.clone(),
            resolution: conflict.resolution.clone(),
            owner: conflict.owner.clone(),
            status: conflict.status.as_str(),
            identified: conflict.identified.map(|date| date.to_string()),
            resolved_on: conflict.resolved_on.map(|date| date.to_string()),
            approved_by: conflict.approved_by.clone(),
        })
        .collect();
    conflicts.sort_by(|a, b| a.id.cmp(&b.id));

    let captured = captured_by_initiative(model, as_of);
    let mut initiatives: Vec<InitiativeRow> = model
        .initiatives
        .iter()
        .map(|initiative| {
            let overdue: Vec<usize> = initiative
                .overdue_milestones(as_of)
                .map(|(index, _)| index)
                .collect();
            let mut milestones: Vec<MilestoneRow> = initiative
                .implementation
                .iter()
                .enumerate()
                .map(|(index, milestone)| MilestoneRow {
                    milestone: milestone.milestone.clone(),
                    owner: milestone.owner.clone(),
                    deadline: milestone.deadline.to_string(),
                    done: milestone.done,
                    overdue: overdue.contains(&index),
                })
                .collect();
            milestones.sort_by(|a, b| a.deadline.cmp(&b.deadline));
            let overdue_milestones = milestones.iter().filter(|m| m.overdue).count();
            InitiativeRow {
                id: initiative.initiative_id.clone(),
                name: initiative.name.clone(),
                ventures: initiative.ventures.clone(),
                value_proposition: initiative.value_proposition.clone(),
                synergy: initiative.synergy.clone(),
                owner: initiative.owner.clone(),
                budget: initiative.budget,
                status: initiative.status.as_str(),
                progress: initiative.progress,
                approved_by: initiative.approved_by.clone(),
                launched_on: initiative.launched_on.map(|date| date.to_string()),
                next_milestone: milestones.iter().find(|milestone| !milestone.done).cloned(),
                milestones,
                success_metrics: initiative
                    .success_metrics
                    .iter()
                    .map(|metric| SuccessMetricRow {
                        metric: metric.metric.clone(),
                        baseline: metric.baseline.as_ref().map(quantity),
                        target: quantity(&metric.target),
                        current: metric.current.as_ref().map(quantity),
                    })
                    .collect(),
                value_usd: captured
                    .get(initiative.initiative_id.as_str())
                    .map_or(0.0, |(usd, _)| *usd),
                value_hours: captured
                    .get(initiative.initiative_id.as_str())
                    .map_or(0.0, |(_, hours)| *hours),
                overdue_milestones,
            }
        })
        .collect();
    initiatives.sort_by(|a, b| a.id.cmp(&b.id));

    let resources = resource_matrix(model);

    let governance = match &model.governance {
        Some(governance) => GovernanceInfo {
            present: true,
            roles: governance
                .roles
                .iter()
                .map(|(name, role)| RoleRow {
                    name: name.clone(),
                    members: role
                        .members
                        .iter()
                        .map(|member| match &member.github {
                            Some(github) => format!("{} ({github})", member.name),
                            None => member.name.clone(),
                        })
                        .collect(),
                    quorum: role.quorum,
                })
                .collect(),
            rights: governance
                .decision_rights
                .iter()
                .map(|right| RightRow {
                    decision: right.decision.clone(),
                    authority: right.authority.clone(),
                    approvals: right
                        .approvals
                        .iter()
                        .map(|approval| ApprovalRow {
                            role: approval.role.clone(),
                            when: approval.when.clone(),
                        })
                        .collect(),
                })
                .collect(),
            escalation: governance.escalation.clone(),
            cadence: governance
                .cadence
                .iter()
                .map(|meeting| MeetingRow {
                    meeting: meeting.meeting.clone(),
                    every: meeting.every.clone(),
                    attendees: meeting.attendees.clone(),
                })
                .collect(),
        },
        None => GovernanceInfo {
            present: false,
            roles: Vec::new(),
            rights: Vec::new(),
            escalation: Vec::new(),
            cadence: Vec::new(),
        },
    };

    let mut events: Vec<ValueRow> = model
        .value_events
        .iter()
        .map(|event| ValueRow {
            id: event.id.clone(),
            initiative: event.initiative.clone(),
            kind: event.kind.clone(),
            amount: event.amount,
            unit: event.unit.map(|unit| unit.as_str()),
            date: event.date.to_string(),
            evidence: event.evidence.clone(),
            captured: event.captured(as_of),
        })
        .collect();
    events.sort_by(|a, b| (a.date.as_str(), a.id.as_str()).cmp(&(b.date.as_str(), b.id.as_str())));
    let mut by_type: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for event in &events {
        let entry = by_type.entry(event.kind.clone()).or_default();
        match event.unit {
            Some("usd" | "usd-per-month") => entry.0 += event.captured,
            Some(_) => entry.1 += event.captured,
            None => {}
        }
    }

    let metrics_row = |snapshot: &Item<crate::model::Metrics>| MetricsRow {
        period: snapshot.period.clone(),
        baseline: snapshot.baseline,
        revenue_monthly: snapshot.revenue_monthly,
        resource_cost_monthly: snapshot.resource_cost_monthly,
        duplicate_effort_hours_monthly: snapshot.duplicate_effort_hours_monthly,
        users: snapshot.users,
    };
    let mut trend: Vec<MetricsRow> = model.metrics.iter().map(metrics_row).collect();
    trend.sort_by(|a, b| a.period.cmp(&b.period));
    let find_period = |period: &Option<String>| {
        period
            .as_ref()
            .and_then(|period| trend.iter().find(|row| &row.period == period).cloned())
    };
    let baseline = find_period(&figures.baseline_period);
    let current = find_period(&figures.current_period);
    let user_growth_pct = match (
        baseline.as_ref().and_then(|row| row.users),
        current.as_ref().and_then(|row| row.users),
    ) {
        (Some(before), Some(now)) if before > 0 => {
            Some((now as f64 - before as f64) / before as f64 * 100.0)
        }
        _ => None,
    };
    let benefits = Benefits {
        baseline,
        current,
        user_growth_pct,
        trend: trend.clone(),
    };

    let counts = Counts {
        ventures: model.ventures.len(),
        active_ventures: figures.active_ventures,
        synergies: model.synergies.len(),
        conflicts: model.conflicts.len(),
        open_conflicts: conflicts
            .iter()
            .filter(|conflict| conflict.status != "resolved")
            .count(),
        initiatives: model.initiatives.len(),
        launched_initiatives: figures.launched_initiatives,
        resources: model.resources.len(),
        gates_passed: evaluation
            .results
            .iter()
            .filter(|result| result.kind != GateKind::Rollback && result.status == Status::Pass)
            .count(),
        gates_total: evaluation
            .results
            .iter()
            .filter(|result| result.kind != GateKind::Rollback)
            .count(),
        triggers_fired: evaluation
            .results
            .iter()
            .filter(|result| result.kind == GateKind::Rollback && result.status == Status::Advisory)
            .count(),
    };

    let ventures = ventures(model, &latest, &thresholds);
    let venture_totals = venture_totals(&ventures, benefits.current.as_ref());

    let schedule = schedule(evaluation, &initiatives, as_of);

    let mut context = ReportContext {
        portfolio: PortfolioInfo {
            name: portfolio.map_or_else(
                || "Portfolio".to_string(),
                |portfolio| portfolio.name.clone(),
            ),
            currency: portfolio
                .map_or_else(|| "USD".to_string(), |portfolio| portfolio.currency.clone()),
            as_of: as_of.to_string(),
            stage_started: portfolio
                .and_then(|portfolio| portfolio.stage_started)
                .map(|date| date.to_string()),
        },
        thresholds,
        gates,
        schedule,
        metrics: figures.clone(),
        overview: overview(&ventures),
        ventures: ventures.into(),
        venture_totals,
        assessments: assessments.into(),
        synergy_points: synergy_points(&synergies),
        synergies: synergies.into(),
        conflicts: conflicts.into(),
        initiatives: initiatives.into(),
        resources,
        governance,
        value: ValueLog {
            total_usd: figures.value_usd,
            total_hours: figures.value_hours,
            by_type: by_type
                .into_iter()
                .map(|(kind, (usd, hours))| ValueByType { kind, usd, hours })
                .collect(),
            events: events.into(),
            over_time: value_over_time(model, as_of),
        },
        benefits,
        lessons: portfolio.map_or_else(Lessons::default, |portfolio| Lessons {
            worked: portfolio.lessons.worked.clone(),
            didnt_work: portfolio.lessons.didnt_work.clone(),
            recommendations: portfolio.lessons.recommendations.clone(),
        }),
        counts,
        full_report: None,
        root_link: "..".into(),
        history: None,
        charts: super::charts::Charts::default(),
    };
    context.charts = super::charts::Charts::of(&context);
    context
}
