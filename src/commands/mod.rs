//! One file per subcommand: each wires the stages together and owns no domain logic.

pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod gates;
pub mod history;
pub mod init;
pub mod log;
pub mod man;
pub mod report;
pub mod schema;

use std::path::{Path, PathBuf};

use crate::source::{self, SourceError};

/// What a command may know of the world it runs in, gathered once by the binary so that the
/// commands themselves read no environment.
#[derive(Debug, Clone)]
pub struct Context {
    /// `GITHUB_ACTIONS=true`: default to the `github` format.
    pub github_actions: bool,
    /// The current directory, absolute: GitHub annotation paths are relative to it.
    pub cwd: PathBuf,
    /// Whether the human format may use colour (`--color`, and for `auto` whether stdout is a
    /// terminal and NO_COLOR is unset).
    pub color: bool,
    /// `--quiet`: only the problems, no summary line, nothing when all is well.
    pub quiet: bool,
    /// Today, read from the clock by the binary: the evaluation date of last resort.
    pub today: crate::model::date::Date,
    /// `$GITHUB_STEP_SUMMARY` under GitHub Actions: where the report's summary is appended.
    pub step_summary: Option<PathBuf>,
}

/// How a command ended, as an exit code: 0 clean, 1 findings or failed checks, 2 could not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Failed,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Failed => 1,
        }
    }
}

/// The portfolio root: ROOT as given, else the nearest folder from the current one upward
/// that holds portfolio.yaml (not past the git repository's top).
pub fn portfolio_root(given: Option<&Path>, context: &Context) -> Result<PathBuf, SourceError> {
    match given {
        Some(root) => Ok(root.to_path_buf()),
        None => source::find_root(&context.cwd),
    }
}

/// Reads `--as-of`: a date written YYYY-MM-DD, when given.
pub fn parse_as_of(given: Option<&str>) -> miette::Result<Option<crate::model::date::Date>> {
    let Some(text) = given else {
        return Ok(None);
    };
    crate::model::date::Date::parse(text)
        .map(Some)
        .ok_or_else(|| {
            miette::miette!(
                help = "write the date as YYYY-MM-DD, e.g. --as-of 2026-11-15",
                "--as-of {text:?} is not a date"
            )
        })
}
