//! `folio completions SHELL`: a completion script, generated from the command line's own
//! definition (clap_complete), so that it never drifts from `--help`.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;
use miette::{IntoDiagnostic, Result};

use super::Outcome;
use crate::cli::Cli;

pub fn run(shell: Shell, out: &mut dyn Write) -> Result<Outcome> {
    // Rendered in memory first: clap_complete panics when its writer fails (a closed pipe),
    // where folio reports the error instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "folio", &mut script);
    out.write_all(&script).into_diagnostic()?;
    Ok(Outcome::Clean)
}
