//! Gate results: a table for people, the documented JSON shape for machines.

use std::io::{self, Write};

use crate::gates::Evaluation;

/// A table of every gate, step and trigger: status and a one-line reason. `errors` is the
/// number of error findings in the portfolio, whose documents the gates could not count.
pub fn write_human(evaluation: &Evaluation, errors: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "gates as of {}", evaluation.as_of)?;
    writeln!(out)?;
    writeln!(out, "{:<9} {:<27} {:<9} reason", "kind", "gate", "status")?;
    for result in &evaluation.results {
        writeln!(
            out,
            "{:<9} {:<27} {:<9} {}",
            result.kind.as_str(),
            result.id,
            result.status.as_str(),
            result.summary
        )?;
    }
    if errors > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "note: the portfolio has {errors} error(s); documents that break their schema are not counted (run `folio check`)"
        )?;
    }
    Ok(())
}

/// `{"as_of", "results": [{"id", "kind", "status", "summary", "evidence"}], "metrics",
/// "errors"}`: `errors` counts the portfolio's error findings, whose documents the gates could
/// not count.
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
