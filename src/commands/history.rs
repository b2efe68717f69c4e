//! `folio history`: the gate timeline of the main line, each commit evaluated as of its own
//! day, the portfolio carried from commit to commit.

use std::io::Write;

use miette::{IntoDiagnostic, Result};

use super::{Context, Outcome, portfolio_root};
use crate::cli::{HistoryArgs, HistoryFormat};
use crate::history;
use crate::output;
use crate::source::GitRepository;

pub fn run(args: &HistoryArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let repository = GitRepository::open(&portfolio_root(args.root.as_deref(), context)?)?;
    let range = args.range.as_deref().unwrap_or("HEAD");
    let timeline = history::timeline(&repository, range, context.today, Vec::new())?;
    match args.format {
        HistoryFormat::Json => output::timeline::write_json(&timeline, out),
        HistoryFormat::Markdown => output::timeline::write_markdown(&timeline, out),
    }
    .into_diagnostic()?;
    Ok(Outcome::Clean)
}
