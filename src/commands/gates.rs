//! `folio gates`: read and check the portfolio, pick the evaluation date, evaluate the gates.

use std::io::Write;

use miette::{IntoDiagnostic, Result};

use super::{Context, Outcome, parse_as_of, portfolio_root};
use crate::cli::{GatesArgs, GatesFormat, Require};
use crate::finding::Severity;
use crate::gates::{self, GateKind};
use crate::output;
use crate::portfolio::{AsOf, read_and_check};

pub fn run(args: &GatesArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let date_choice = AsOf {
        given: parse_as_of(args.as_of.as_deref())?,
        today: context.today,
    };
    let root = portfolio_root(args.root.as_deref(), context)?;
    let checked = read_and_check(&root, args.rev.as_deref(), date_choice)?;
    let as_of = checked.evaluation_date(date_choice);
    let evaluation = gates::evaluate(&checked.model, as_of);
    let errors = checked.findings.count(Severity::Error);
    match args.format {
        GatesFormat::Human => output::gates::write_human(&evaluation, errors, context.quiet, out),
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
