//! The `folio` binary: parse the command line, run it, print the one fatal error, exit.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use folio::cli::Cli;
use folio::commands::Context;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let context = Context {
        github_actions: std::env::var("GITHUB_ACTIONS").is_ok_and(|value| value == "true"),
        cwd: std::env::current_dir().unwrap_or_default(),
        color: stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match folio::run(&cli, &context, &mut stdout.lock()) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(report) => {
            #[allow(
                clippy::print_stderr,
                reason = "the binary reports its one fatal error"
            )]
            {
                eprintln!("{report:?}");
            }
            ExitCode::from(2)
        }
    }
}
