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
    /// Compute the stage's entry gates, nine steps, exit gates and rollback triggers.
    ///
    /// Exit codes: 0 computed (and, with --require, the required gates pass), 1 a required gate
    /// fails, 2 folio could not run.
    Gates(GatesArgs),
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

#[derive(Debug, clap::Args)]
pub struct GatesArgs {
    /// The portfolio root: the folder that holds portfolio.yaml.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// The evaluation date (YYYY-MM-DD). Defaults to `as_of` in portfolio.yaml, else today.
    #[arg(long)]
    pub as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: GatesFormat,
    /// Exit 1 unless these gates pass: `entry`, or `exit` (the exit gates and the entry gates).
    #[arg(long, value_enum)]
    pub require: Option<Require>,
}

/// How gate results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GatesFormat {
    /// A table of every gate, step and trigger with its status and reason.
    Human,
    /// One JSON object, in the shape DESIGN.md documents.
    Json,
}

/// Which gates `--require` demands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Require {
    Entry,
    Exit,
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
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
}
