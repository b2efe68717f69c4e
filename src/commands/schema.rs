//! `folio schema [KIND]`: print an embedded schema, or list the kinds.

use std::io::Write;

use miette::{IntoDiagnostic, Result, miette};

use super::Outcome;
use crate::kind::Kind;

pub fn run(kind: Option<&str>, out: &mut dyn Write) -> Result<Outcome> {
    let Some(wanted) = kind else {
        for kind in Kind::ALL {
            let place = match kind.folder() {
                Some(folder) => format!("{folder}/"),
                None => format!("{}.yaml", kind.slug()),
            };
            writeln!(out, "{:<12} {place}", kind.name()).into_diagnostic()?;
        }
        return Ok(Outcome::Clean);
    };
    let kind = Kind::parse(wanted).ok_or_else(|| {
        miette!(
            help = format!("the kinds are {}", Kind::ALL.map(Kind::name).join(", ")),
            "unknown kind {wanted:?}"
        )
    })?;
    write!(out, "{}", kind.schema_text()).into_diagnostic()?;
    Ok(Outcome::Clean)
}
