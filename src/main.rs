//! The `folio` binary: parse the command line, run it, print the one fatal error, exit.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use folio::cli::{Cli, ColorChoice};
use folio::commands::Context;
use folio::model::date::Date;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `auto` colours a terminal unless NO_COLOR is set (to anything but ""); `always` and
    // `never` are the user's word over both.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    let color = |terminal: bool| match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !no_color,
    };
    let stderr_color = color(std::io::stderr().is_terminal());
    // Fatal errors go to CI logs, which do not wrap: keep each message on one line.
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .width(160)
                .color(stderr_color)
                .build(),
        )
    }));
    let stdout = std::io::stdout();
    let context = Context {
        github_actions: std::env::var("GITHUB_ACTIONS").is_ok_and(|value| value == "true"),
        cwd: std::env::current_dir().unwrap_or_default(),
        color: color(stdout.is_terminal()),
        quiet: cli.quiet,
        today: today(),
        step_summary: std::env::var_os("GITHUB_STEP_SUMMARY").map(Into::into),
    };
    // Stdout is line-buffered; a large report is written in far fewer system calls.
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = folio::run(&cli, &context, &mut std::io::stdin().lock(), &mut out);
    let flushed = std::io::Write::flush(&mut out);
    match result {
        Ok(_) if flushed.is_err() => ExitCode::from(2),
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

/// Today's date (UTC), from the system clock.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    Date::from_days_since_epoch(i64::try_from(seconds / 86_400).unwrap_or(0))
}
