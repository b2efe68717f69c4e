//! The gate timeline of `folio history`: the documented JSON shape, and Markdown for people
//! (each gate's first pass and regressions, then a row per commit).

use std::io::{self, Write};

use crate::markdown::code;
use crate::numbers::grouped;
use crate::timeline::{Moment, Timeline};

/// `{"currency", "shallow", "commits": [{"commit", "date", "as_of", "changed", "gates",
/// "gates_passed", "gates_total", "triggers_fired", "metrics"}], "gates": [{"id", "kind",
/// "status", "first_passed", "regressed", "regressions"}]}`, commits oldest first.
pub fn write_json(timeline: &Timeline, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, timeline)?;
    writeln!(out)
}

/// A Markdown page: the gates' first passes and regressions, then every commit's statuses and
/// figures, oldest first.
pub fn write_markdown(timeline: &Timeline, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Gate timeline\n")?;
    let (Some(first), Some(last)) = (timeline.commits.first(), timeline.commits.last()) else {
        return writeln!(out, "No commit in this range holds the portfolio.");
    };
    writeln!(
        out,
        "{} commit(s) of the main line, {} to {}, oldest first; each is evaluated as of its own day (portfolio.yaml's `as_of` when set, else the commit's date).{}\n",
        timeline.commits.len(),
        first.date,
        last.date,
        if timeline.shallow {
            " The clone is shallow: the timeline starts where its history does."
        } else {
            ""
        }
    )?;
    writeln!(out, "## Gates\n")?;
    writeln!(
        out,
        "For a rollback trigger, passing means it has not fired: a regression is a commit at which it fired.\n"
    )?;
    writeln!(
        out,
        "| gate | kind | first passed | regressions | last regressed | now |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    let moment = |moment: Option<&Moment>| match moment {
        Some(moment) => format!(
            "{} {}",
            moment.date,
            code(moment.commit.get(..7).unwrap_or(&moment.commit), true)
        ),
        None => "—".to_string(),
    };
    for gate in &timeline.gates {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            code(gate.id.as_str(), true),
            gate.kind.as_str(),
            moment(gate.first_passed.as_ref()),
            gate.regressions.len(),
            moment(gate.regressions.last()),
            gate.status.as_str()
        )?;
    }
    writeln!(out, "\n## Commits\n")?;
    writeln!(
        out,
        "| date | commit | as of | gates passed | triggers fired | changes | value captured | hours | revenue growth | cost reduction | duplicate-effort reduction | conflict resolution rate | active ventures | launched initiatives |"
    )?;
    writeln!(
        out,
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    )?;
    let percent = |value: Option<f64>| {
        value.map_or_else(|| "n/a".to_string(), |v| format!("{}%", grouped(v)))
    };
    for (index, point) in timeline.commits.iter().enumerate() {
        let changes: Vec<String> = timeline
            .transitions(index)
            .iter()
            .map(|change| {
                format!(
                    "{} → {}",
                    code(change.id.as_str(), true),
                    change.to.as_str()
                )
            })
            .collect();
        let changes = if changes.is_empty() {
            "—".to_string()
        } else {
            changes.join(", ")
        };
        let figures = &point.metrics;
        writeln!(
            out,
            "| {} | {} | {} | {} of {} | {} | {} | {} {} | {} | {} | {} | {} | {} | {} | {} |",
            point.date,
            code(point.short(), true),
            point.as_of,
            point.gates_passed,
            point.gates_total,
            point.triggers_fired,
            changes,
            grouped(figures.value_usd),
            crate::markdown::cell(&timeline.currency),
            grouped(figures.value_hours),
            percent(figures.revenue_growth_pct),
            percent(figures.cost_reduction_pct),
            percent(figures.duplicate_effort_reduction_pct),
            percent(Some(figures.conflict_resolution_rate_pct)),
            figures.active_ventures,
            figures.launched_initiatives
        )?;
    }
    Ok(())
}
