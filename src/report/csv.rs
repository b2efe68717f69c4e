//! The CSV beside each table a chairman may want in a spreadsheet, written with a real CSV
//! writer. A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets
//! a leading `'`; numbers are written as numbers.

use super::context::ReportContext;
use crate::numbers::figure;

/// A text cell, defused if a spreadsheet would read it as a formula.
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

fn optional(value: Option<&String>) -> String {
    value.map_or_else(String::new, |value| text(value))
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only lose the table, never panic.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// How a CSV is written from the report's context.
pub type Table = fn(&ReportContext) -> String;

/// Every CSV: its file name and how it is written.
pub const TABLES: [(&str, Table); 7] = [
    ("ventures.csv", ventures),
    ("assessment-matrix.csv", assessments),
    ("synergy-register.csv", synergies),
    ("conflict-log.csv", conflicts),
    ("resource-allocation.csv", resources),
    ("initiative-dashboard.csv", initiatives),
    ("value-capture-log.csv", value),
];

/// assessment-matrix.csv: one row per assessment.
fn assessments(context: &ReportContext) -> String {
    table(
        &[
            "venture",
            "name",
            "date",
            "strategic_fit",
            "financial_health",
            "growth_potential",
            "resource_efficiency",
            "total",
            "recommendation",
        ],
        context
            .assessments
            .iter()
            .map(|row| {
                vec![
                    text(&row.venture),
                    text(&row.venture_name),
                    row.date.clone(),
                    row.strategic_fit.to_string(),
                    row.financial_health.to_string(),
                    row.growth_potential.to_string(),
                    row.resource_efficiency.to_string(),
                    figure(row.total),
                    row.recommendation.to_string(),
                ]
            })
            .collect(),
    )
}

/// synergy-register.csv: one row per synergy.
fn synergies(context: &ReportContext) -> String {
    table(
        &[
            "id",
            "title",
            "category",
            "ventures",
            "value_potential",
            "implementation_effort",
            "strategic_importance",
            "net_score",
            "status",
        ],
        context
            .synergies
            .iter()
            .map(|row| {
                vec![
                    text(&row.id),
                    text(&row.title),
                    text(&row.category),
                    text(&row.ventures.join(" ")),
                    row.value_potential.to_string(),
                    row.implementation_effort.to_string(),
                    row.strategic_importance.to_string(),
                    figure(row.net_score),
                    text(&row.status),
                ]
            })
            .collect(),
    )
}

/// conflict-log.csv: one row per conflict.
fn conflicts(context: &ReportContext) -> String {
    table(
        &[
            "id",
            "title",
            "type",
            "ventures",
            "strategy",
            "resolution",
            "owner",
            "status",
            "resolved_on",
        ],
        context
            .conflicts
            .iter()
            .map(|row| {
                vec![
                    text(&row.id),
                    text(&row.title),
                    text(&row.kind),
                    text(&row.ventures.join(" ")),
                    optional(row.strategy.as_ref()),
                    optional(row.resolution.as_ref()),
                    optional(row.owner.as_ref()),
                    row.status.to_string(),
                    row.resolved_on.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )
}

/// resource-allocation.csv: one row per allocation that exists, which grows with the
/// allocations and reads straight into a spreadsheet's pivot table.
fn resources(context: &ReportContext) -> String {
    table(
        &[
            "resource",
            "venture",
            "amount",
            "unit",
            "share_of_capacity_pct",
        ],
        context
            .resources
            .allocations
            .iter()
            .map(|row| {
                vec![
                    text(&row.resource),
                    text(&row.venture),
                    figure(row.amount),
                    text(&row.unit),
                    row.pct_of_capacity.map(figure).unwrap_or_default(),
                ]
            })
            .collect(),
    )
}

/// initiative-dashboard.csv: one row per initiative.
fn initiatives(context: &ReportContext) -> String {
    table(
        &[
            "initiative",
            "name",
            "status",
            "owner",
            "next_milestone",
            "next_deadline",
            "overdue_milestones",
            "progress",
            "value_money",
            "value_hours",
        ],
        context
            .initiatives
            .iter()
            .map(|row| {
                vec![
                    text(&row.id),
                    text(&row.name),
                    row.status.to_string(),
                    optional(row.owner.as_ref()),
                    optional(row.next_milestone.as_ref().map(|m| &m.milestone)),
                    row.next_milestone
                        .as_ref()
                        .map(|m| m.deadline.clone())
                        .unwrap_or_default(),
                    row.overdue_milestones.to_string(),
                    row.progress.map(figure).unwrap_or_default(),
                    figure(row.value_usd),
                    figure(row.value_hours),
                ]
            })
            .collect(),
    )
}

/// value-capture-log.csv: one row per value event.
fn value(context: &ReportContext) -> String {
    table(
        &[
            "id",
            "initiative",
            "type",
            "amount",
            "unit",
            "date",
            "evidence",
            "captured",
        ],
        context
            .value
            .events
            .iter()
            .map(|row| {
                vec![
                    text(&row.id),
                    text(&row.initiative),
                    text(&row.kind),
                    row.amount.map(figure).unwrap_or_default(),
                    row.unit.unwrap_or_default().to_string(),
                    row.date.clone(),
                    text(&row.evidence),
                    figure(row.captured),
                ]
            })
            .collect(),
    )
}

/// ventures.csv: one row per venture, with its figures, latest assessment, the synergies and
/// initiatives it is in, and its shares of the shared resources (`resource=amount unit`).
fn ventures(context: &ReportContext) -> String {
    let number = |value: Option<f64>| value.map(figure).unwrap_or_default();
    table(
        &[
            "venture",
            "name",
            "status",
            "lead",
            "critical",
            "industry",
            "stage",
            "revenue_monthly",
            "burn_monthly",
            "net_burn_monthly",
            "users",
            "growth_pct",
            "market_fit",
            "assessment_total",
            "recommendation",
            "assessed_on",
            "synergies",
            "initiatives",
            "shares",
        ],
        context
            .ventures
            .iter()
            .map(|row| {
                vec![
                    text(&row.id),
                    text(&row.name),
                    row.status.to_string(),
                    optional(row.lead.as_ref()),
                    row.critical.to_string(),
                    optional(row.industry.as_ref()),
                    row.stage.map(|stage| stage.to_string()).unwrap_or_default(),
                    number(row.revenue_monthly),
                    number(row.burn_monthly),
                    number(row.net_burn_monthly),
                    row.users.map(|users| users.to_string()).unwrap_or_default(),
                    number(row.growth_pct),
                    row.market_fit
                        .map(|fit| fit.to_string())
                        .unwrap_or_default(),
                    number(row.assessment_total),
                    row.recommendation.unwrap_or_default().to_string(),
                    row.assessed_on.clone().unwrap_or_default(),
                    text(&row.synergies.join(" ")),
                    text(&row.initiatives.join(" ")),
                    text(
                        &row.shares
                            .iter()
                            .map(|share| {
                                format!(
                                    "{}={} {}",
                                    share.resource,
                                    figure(share.amount),
                                    share.unit
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                ]
            })
            .collect(),
    )
}
