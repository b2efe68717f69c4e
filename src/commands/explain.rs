//! `folio explain [RULE]`: a rule's documentation, or the list of every rule.

use std::io::Write;

use miette::{IntoDiagnostic, Result, miette};

use super::Outcome;
use crate::rules::{self, RULES};

pub fn run(rule: Option<&str>, out: &mut dyn Write) -> Result<Outcome> {
    let Some(name) = rule else {
        for rule in RULES {
            writeln!(
                out,
                "{:<24} {:<9} {:<9} {}",
                rule.name,
                rule.family.as_str(),
                rule.severity.as_str(),
                rule.summary
            )
            .into_diagnostic()?;
        }
        return Ok(Outcome::Clean);
    };
    let rule = rules::find(name).ok_or_else(|| {
        miette!(
            help = "`folio explain` lists every rule",
            "unknown rule {name:?}"
        )
    })?;
    writeln!(
        out,
        "{} ({}, {}): {}\n\n{}",
        rule.name,
        rule.family.as_str(),
        rule.severity.as_str(),
        rule.summary,
        rule.documentation()
    )
    .into_diagnostic()?;
    Ok(Outcome::Clean)
}
