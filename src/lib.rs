//! folio: portfolio-as-code for a venture studio's multi-venture coordination.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cli; // the command line, clap derive only
pub mod commands; // one file per subcommand, wiring the stages
pub mod decisions; // pure: a change → decisions (default deny) → approvals under the target's governance
pub mod finding; // a finding: rule, severity, file, pointer, position, message, help
pub mod gates; // pure: model + date → entry gates, steps, exit gates, rollback triggers, schedule
pub mod history; // the git walks of `folio log` and `folio history` (git2 only here and in source.rs)
pub mod kind; // the eleven artifact kinds, their folders and embedded schemas
pub mod load; // raw files → spanned YAML documents; the reading rules
pub mod markdown; // escaping what users wrote for Markdown tables and PR comments
pub mod model; // typed artifacts, one file per kind, built from schema-valid documents
pub mod numbers; // numbers as people read them, in messages and reports
pub mod output; // findings as human, json, github or sarif; gate results; decisions
pub mod pdf; // the report's PDF, printed by a headless Chromium (the one program folio starts)
pub mod portfolio; // the pipeline: files → documents → schema → model → rules, cached per blob
pub mod report; // typed context + minijinja templates → the SOP's deliverables
pub mod rules; // the rule registry; one file per rule, whose doc is `folio explain`
pub mod schema; // schemas compiled once; schema errors → findings at spans
pub mod source; // the work tree, a git revision or stdin → raw files; the root (the only file-system and git reads)
pub mod suggest; // "did you mean": the nearest known name
pub mod timeline; // pure: gate evaluations commit by commit → first passes, regressions, trends

use std::io::{Read, Write};

use cli::{Cli, Command};
use commands::{Context, Outcome};

/// Runs one command line; `input` is standard input (read by `folio check -` only), output goes
/// to `out`. An `Err` means folio could not run (exit 2).
pub fn run(
    cli: &Cli,
    context: &Context,
    input: &mut dyn Read,
    out: &mut dyn Write,
) -> miette::Result<Outcome> {
    match &cli.command {
        Command::Check(args) => commands::check::run(args, context, input, out),
        Command::Gates(args) => commands::gates::run(args, context, out),
        Command::Diff(args) => commands::diff::run(args, context, out),
        Command::Report(args) => commands::report::run(args, context, out),
        Command::Schema { kind } => commands::schema::run(kind.as_deref(), out),
        Command::Init { dir } => commands::init::run(dir, context.quiet, out),
        Command::Log(args) => commands::log::run(args, context, out),
        Command::History(args) => commands::history::run(args, context, out),
        Command::Explain { rule } => commands::explain::run(rule.as_deref(), out),
        Command::Completions { shell } => commands::completions::run(*shell, out),
        Command::Man { dir } => commands::man::run(dir.as_deref(), context.quiet, out),
    }
}
