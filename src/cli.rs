//! The command line, as clap derive types: the `///` on each item is its `--help` text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Portfolio-as-code for a venture studio: validate the portfolio, compute its gates, judge
/// pull requests as decisions and render its reports.
#[derive(Debug, Parser)]
#[command(name = "folio", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every file against its schema and the portfolio's rules.
    ///
    /// Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 folio could not run.
    Check(CheckArgs),
    /// Print the JSON Schema of a kind, or list the kinds.
    Schema {
        /// The kind: Portfolio, Governance, Venture, Assessment, Synergy, Conflict,
        /// Initiative, Resource, ValueEvent, Metrics or Rollback (any case; value-event works).
        kind: Option<String>,
    },
    /// Print what a rule checks, why, a failing example and how to fix it; without a rule, list
    /// every rule.
    Explain {
        /// The rule's name, as findings give it (e.g. duplicate-key).
        rule: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The portfolio root: the folder that holds portfolio.yaml.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Output format. Defaults to `github` when GITHUB_ACTIONS=true, else `human`.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// How findings are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics with the source snippet and a label under the node.
    Human,
    /// One JSON object, in the shape DESIGN.md documents.
    Json,
    /// GitHub workflow-command annotations.
    Github,
}
