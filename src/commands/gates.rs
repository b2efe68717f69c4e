//! `folio gates`: read and check the portfolio, pick the evaluation date, evaluate the gates.

use std::io::Write;

use miette::{IntoDiagnostic, Result, miette};

use super::{Context, Outcome};
use crate::cli::{GatesArgs, GatesFormat, Require};
use crate::finding::Severity;
use crate::gates::{self, GateKind};
use crate::model::date::Date;
use crate::output;
use crate::portfolio::{Checked, read_and_check};

pub fn run(args: &GatesArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let checked = read_and_check(&args.root, args.rev.as_deref())?;
    let as_of = evaluation_date(args.as_of.as_deref(), &checked, context)?;
    let evaluation = gates::evaluate(&checked.model, as_of);
    let errors = checked.findings.count(Severity::Error);
    match args.format {
        GatesFormat::Human => output::gates::write_human(&evaluation, errors, out),
        GatesFormat::Json => output::gates::write_json(&evaluation, errors, out),
    }
    .into_diagnostic()?;
    let required: &[GateKind] = match args.require {
        None => return Ok(Outcome::Clean),
        Some(Require::Entry) => &[GateKind::Entry],
        Some(Require::Exit) => &[GateKind::Entry, GateKind::Exit],
    };
    Ok(if evaluation.all_pass(required) {
        Outcome::Clean
    } else {
        Outcome::Failed
    })
}

/// The evaluation date: `--as-of`, else `as_of` in portfolio.yaml, else the commit's day when
/// read from a revision, else today.
pub fn evaluation_date(given: Option<&str>, checked: &Checked, context: &Context) -> Result<Date> {
    if let Some(text) = given {
        return Date::parse(text).ok_or_else(|| {
            miette!(
                help = "write the date as YYYY-MM-DD, e.g. --as-of 2026-11-15",
                "--as-of {text:?} is not a date"
            )
        });
    }
    Ok(checked
        .model
        .portfolio
        .as_ref()
        .and_then(|portfolio| portfolio.as_of)
        .or_else(|| {
            let commit = checked.commit.as_ref()?;
            Some(Date::from_days_since_epoch(commit.time.div_euclid(86_400)))
        })
        .unwrap_or(context.today))
}
