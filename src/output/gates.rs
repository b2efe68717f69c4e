//! Gate results: a table for people, the documented JSON shape for machines.

use std::io::{self, Write};

use crate::gates::{Evaluation, GateResult, STAGE_DAYS, Schedule, Status};

/// A table of every gate, step and trigger: status and a one-line reason; then the schedule of
/// the steps. `errors` is the number of error findings in the portfolio, whose documents the
/// gates could not count. `quiet` writes only the gates and steps that fail and the triggers
/// that fired, a line each, and nothing when every one passes.
pub fn write_human(
    evaluation: &Evaluation,
    errors: usize,
    quiet: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if quiet {
        for result in &evaluation.results {
            if result.status != Status::Pass {
                write_row(result, out)?;
            }
        }
        return Ok(());
    }
    writeln!(out, "gates as of {}", evaluation.as_of)?;
    writeln!(out)?;
    writeln!(out, "{:<9} {:<27} {:<9} reason", "kind", "gate", "status")?;
    for result in &evaluation.results {
        write_row(result, out)?;
    }
    writeln!(out)?;
    write_schedule(&evaluation.schedule, out)?;
    if errors > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "note: the portfolio has {errors} error(s); documents that break their schema are not counted (run `folio check`)"
        )?;
    }
    Ok(())
}

/// A gate's line: kind, id, status and reason.
fn write_row(result: &GateResult, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<9} {:<27} {:<9} {}",
        result.kind.as_str(),
        result.id,
        result.status.as_str(),
        result.summary
    )
}

/// The schedule's heading and a line per step: its window and whether it is done, due or late.
fn write_schedule(schedule: &Schedule, out: &mut dyn Write) -> io::Result<()> {
    let (Some(started), Some(day), Some(steps)) =
        (schedule.stage_started, schedule.day, &schedule.steps)
    else {
        let note = schedule.note.as_deref().unwrap_or("no schedule");
        return writeln!(out, "schedule: {note}");
    };
    let when = if day < 1 {
        format!("{} day(s) before the stage starts", 1 - day)
    } else if day > i64::from(STAGE_DAYS) {
        format!("day {day}, after the stage's {STAGE_DAYS} days")
    } else {
        format!("day {day} of {STAGE_DAYS}")
    };
    writeln!(out, "schedule from {started} ({when})")?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<5} {:<27} {:<24} status",
        "step", "done when", "window"
    )?;
    for step in steps {
        writeln!(
            out,
            "{:<5} {:<27} {:<24} {}",
            step.step,
            step.id,
            format!("{} to {}", step.from, step.to),
            step.status.as_str()
        )?;
    }
    Ok(())
}

/// `{"as_of", "results": [{"id", "kind", "status", "summary", "evidence"}], "metrics",
/// "schedule", "errors"}`: `errors` counts the portfolio's error findings, whose documents the
/// gates could not count.
pub fn write_json(evaluation: &Evaluation, errors: usize, out: &mut dyn Write) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct WithErrors<'a> {
        #[serde(flatten)]
        evaluation: &'a Evaluation,
        errors: usize,
    }
    serde_json::to_writer_pretty(&mut *out, &WithErrors { evaluation, errors })?;
    writeln!(out)
}
