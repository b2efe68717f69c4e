//! The command line, as clap derive types: the `///` on each item is its `--help` text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Portfolio-as-code for a venture studio: validate the portfolio, compute its gates, judge
/// pull requests as decisions and render its reports.
#[derive(Debug, Parser)]
#[command(name = "folio", version, propagate_version = true)]
pub struct Cli {
    /// When to colour the output: `auto` colours a terminal unless NO_COLOR is set.
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value = "auto",
        global = true
    )]
    pub color: ColorChoice,
    /// Print only the problems (findings, failing gates, missing approvals, errors): no summary
    /// line, and nothing when all is well.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// When the output may be coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every file against its schema and the portfolio's rules.
    ///
    /// Given files, folio checks their whole portfolio (the cross-file rules need it) and
    /// reports only the findings in those files: `folio check ventures/solar.yaml`, as
    /// pre-commit runs it. Given `-` and --stdin-path, it checks standard input in place of
    /// that file.
    ///
    /// Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 folio could not run.
    Check(CheckArgs),
    /// Compute the stage's entry gates, nine steps, exit gates and rollback triggers.
    ///
    /// Exit codes: 0 computed (and, with --require, the required gates pass), 1 a required gate
    /// fails, 2 folio could not run.
    Gates(GatesArgs),
    /// Render the SOP's deliverables as Markdown and CSV.
    ///
    /// Without --out, report.md goes to stdout. Under GitHub Actions, summary.md is appended
    /// to $GITHUB_STEP_SUMMARY.
    Report(ReportArgs),
    /// Read a change (merge base → head) as the decisions it makes, and check their approvals
    /// under the target's governance.
    ///
    /// Exit codes: 0 every required approval is given, 1 an approval is missing, 2 folio could
    /// not run (not a git repository, an unknown revision, a shallow clone without the base).
    Diff(DiffArgs),
    /// List the decisions of the main line's commits, with the approvals history shows.
    ///
    /// An approval in history is the merge commit's author, when a member of the role, or an
    /// `Approved-by:` trailer. Exit codes: 0 every decision approved, 1 one is not, 2 folio
    /// could not run.
    Log(LogArgs),
    /// The gate timeline: each main-line commit's gate statuses and headline figures, when
    /// each gate first passed and when it regressed.
    ///
    /// Each commit is evaluated as of its own day (portfolio.yaml's `as_of` when set, else the
    /// commit's date), reading only the files it changed. Exit codes: 0 the timeline was
    /// written, 2 folio could not run (not a git repository, an unknown revision).
    History(HistoryArgs),
    /// Create a new portfolio in DIR with the SOP's governance and thresholds.
    Init {
        /// A new or empty folder.
        dir: PathBuf,
    },
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
    /// Print a completion script for a shell.
    ///
    /// For example: `folio completions bash > ~/.local/share/bash-completion/completions/folio`,
    /// `folio completions zsh > ~/.zfunc/_folio`, `folio completions fish >
    /// ~/.config/fish/completions/folio.fish`.
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Print folio's man page (roff), or write a page per subcommand into DIR.
    ///
    /// `folio man | man -l -` reads it; `folio man DIR` writes folio.1, folio-check.1, … into
    /// DIR (created if needed), for a folder on the MANPATH.
    Man {
        /// Write folio.1 and a page per subcommand here instead of printing folio.1.
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The portfolio root (a folder), or YAML files inside one portfolio, or `-` for standard
    /// input. Without any, the nearest folder from the current one upward (not past the git
    /// repository's top) that holds portfolio.yaml. Files outside every portfolio are skipped.
    #[arg(value_name = "ROOT|FILE|-")]
    pub paths: Vec<PathBuf>,
    /// With `-`: the file that standard input stands for (e.g. ventures/solar.yaml), which
    /// gives its kind and its portfolio; folio checks that portfolio with the input in place of
    /// the file, and reports the input's findings only.
    #[arg(long, value_name = "PATH")]
    pub stdin_path: Option<PathBuf>,
    /// Read the portfolio at this git revision instead of the work tree.
    #[arg(long)]
    pub rev: Option<String>,
    /// The evaluation date (YYYY-MM-DD) for the rules about time (milestone-overdue), as for
    /// `folio gates`. Defaults to `as_of` in portfolio.yaml, else the commit's date with
    /// --rev, else today.
    #[arg(long)]
    pub as_of: Option<String>,
    /// Output format. Defaults to `github` when GITHUB_ACTIONS=true, else `human`.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Debug, clap::Args)]
pub struct GatesArgs {
    /// The portfolio root: the folder that holds portfolio.yaml. Defaults to the nearest one
    /// from the current folder upward (not past the git repository's top).
    pub root: Option<PathBuf>,
    /// Read the portfolio at this git revision instead of the work tree.
    #[arg(long)]
    pub rev: Option<String>,
    /// The evaluation date (YYYY-MM-DD). Defaults to `as_of` in portfolio.yaml, else the
    /// commit's date with --rev, else today.
    #[arg(long)]
    pub as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: GatesFormat,
    /// Exit 1 unless these gates pass: `entry`, or `exit` (the exit gates and the entry gates).
    #[arg(long, value_enum)]
    pub require: Option<Require>,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The portfolio root: the folder that holds portfolio.yaml. Defaults to the nearest one
    /// from the current folder upward (not past the git repository's top).
    pub root: Option<PathBuf>,
    /// Read the portfolio at this git revision instead of the work tree.
    #[arg(long)]
    pub rev: Option<String>,
    /// The folder to write every report and CSV into (created if needed).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// A folder of templates (named as the embedded ones, e.g. report.md.j2 or index.html.j2)
    /// that replace them.
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// The evaluation date (YYYY-MM-DD). Defaults to `as_of` in portfolio.yaml, else the
    /// commit's date with --rev, else today. The history section evaluates each commit as of
    /// its own day.
    #[arg(long)]
    pub as_of: Option<String>,
    /// Leave out the history section (report.md's "History" and history.md), which is written
    /// when the portfolio is in a git repository: the main line up to --rev, or HEAD.
    #[arg(long)]
    pub no_history: bool,
    /// Also write the report as a static web site beside the Markdown: index.html and a page per
    /// deliverable, with SVG charts, no script and no request outside the page.
    #[arg(long, requires = "out")]
    pub html: bool,
    /// Also print index.html to report.pdf with a headless Chromium (implies --html).
    #[arg(long, requires = "out")]
    pub pdf: bool,
    /// The Chromium or Chrome executable to print with. Defaults to the first of chromium,
    /// chromium-browser, google-chrome, google-chrome-stable and chrome on PATH.
    #[arg(long, value_name = "PATH", requires = "pdf")]
    pub chromium: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The portfolio root, inside a git repository (it may be a sub-folder). Defaults to the
    /// nearest folder from the current one upward that holds portfolio.yaml.
    pub root: Option<PathBuf>,
    /// The branch the change merges into (its tip, e.g. the pull request's base branch): folio
    /// judges the change from the merge base to the head by this revision's governance.
    #[arg(long)]
    pub base: String,
    /// The revision the change ends at (the pull request's head).
    #[arg(long, default_value = "HEAD")]
    pub head: String,
    /// The pull request's reviews: the JSON list GitHub's REST API returns.
    #[arg(long)]
    pub approvals: Option<PathBuf>,
    /// The pull request's author, whose own approval never counts.
    #[arg(long)]
    pub author: Option<String>,
    /// Output format. Defaults to `github` when GITHUB_ACTIONS=true, else `human`.
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
}

#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// The portfolio root, inside a git repository (it may be a sub-folder). Defaults to the
    /// nearest folder from the current one upward that holds portfolio.yaml.
    pub root: Option<PathBuf>,
    /// `A..B`: the first-parent chain from B back to A (not included); `B` alone: back to the
    /// first commit. Defaults to HEAD.
    #[arg(long)]
    pub range: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: LogFormat,
}

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// The portfolio root, inside a git repository (it may be a sub-folder). Defaults to the
    /// nearest folder from the current one upward that holds portfolio.yaml.
    pub root: Option<PathBuf>,
    /// `A..B`: the first-parent chain from B back to A (not included); `B` alone: back to the
    /// first commit. Defaults to HEAD.
    #[arg(long)]
    pub range: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: HistoryFormat,
}

/// How the gate timeline is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// Each gate's first pass and regressions, then a row per commit.
    #[value(alias = "md")]
    Markdown,
    /// `{"currency", "shallow", "commits": [{"commit", "date", "as_of", "changed", "gates",
    /// "gates_passed", "gates_total", "triggers_fired", "metrics"}], "gates": [{"id", "kind",
    /// "status", "first_passed", "regressed", "regressions"}]}`.
    Json,
}

/// How the log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// A Markdown table, a row per decision.
    #[value(alias = "md")]
    Markdown,
    /// `{"commits": [{"commit", "date", "decisions"}]}`.
    Json,
}

/// How decisions are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Each decision with what it requires and who has approved.
    Human,
    /// One JSON object, in the shape the README documents.
    Json,
    /// The pull-request comment, starting with a stable marker for a sticky comment.
    #[value(alias = "md")]
    Markdown,
    /// GitHub annotations on the changed files.
    Github,
}

/// How gate results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GatesFormat {
    /// A table of every gate, step and trigger with its status and reason.
    Human,
    /// One JSON object, in the shape the README documents.
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
    /// One JSON object, in the shape the README documents.
    Json,
    /// GitHub workflow-command annotations.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
}
