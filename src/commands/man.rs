//! `folio man [DIR]`: the man pages, generated from the command line's own definition
//! (clap_mangen), so that they never drift from `--help`: one page, folio(1), on stdout, with
//! a section for each subcommand; or folio.1 and a page per subcommand written into DIR.

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;
use clap_mangen::Man;
use miette::{IntoDiagnostic, Result, WrapErr};

use super::Outcome;
use crate::cli::Cli;

pub fn run(dir: Option<&Path>, quiet: bool, out: &mut dyn Write) -> Result<Outcome> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let Some(dir) = dir else {
        let page = one_page(&command).into_diagnostic()?;
        out.write_all(&page).into_diagnostic()?;
        return Ok(Outcome::Clean);
    };
    let written = || format!("could not write the man pages into {}", dir.display());
    std::fs::create_dir_all(dir)
        .into_diagnostic()
        .wrap_err_with(written)?;
    let pages = 1 + command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .count();
    clap_mangen::generate_to(command, dir)
        .into_diagnostic()
        .wrap_err_with(written)?;
    if !quiet {
        writeln!(out, "wrote {pages} man pages into {}", dir.display()).into_diagnostic()?;
    }
    Ok(Outcome::Clean)
}

/// folio(1) with every subcommand in it: the page's own sections, then a section per
/// subcommand (`FOLIO CHECK`) whose synopsis, description and options are subsections. The
/// global options (and --help, --version) are described once, in the page's own OPTIONS.
fn one_page(command: &clap::Command) -> std::io::Result<Vec<u8>> {
    let man = Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    let mut part = Vec::new();
    man.render_name_section(&mut part)?;
    man.render_synopsis_section(&mut part)?;
    man.render_description_section(&mut part)?;
    man.render_options_section(&mut part)?;
    append(&mut page, &part, false)?;
    let described: Vec<&str> = command
        .get_arguments()
        .map(|arg| arg.get_id().as_str())
        .chain(["help", "version"])
        .collect();
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let sub = sub.clone().mut_args(|arg| {
            let global = described.contains(&arg.get_id().as_str());
            arg.hide(global)
        });
        writeln!(page, ".SH \"FOLIO {}\"", sub.get_name().to_uppercase())?;
        let man = Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        if sub.get_arguments().any(|arg| !arg.is_hide_set()) {
            man.render_options_section(&mut part)?;
        }
        append(&mut page, &part, true)?;
    }
    let mut part = Vec::new();
    man.render_version_section(&mut part)?;
    append(&mut page, &part, false)?;
    Ok(page)
}

/// Appends a rendered part to the page, without the definition of the apostrophe string that
/// each part repeats (the title has it); `demote` turns its section headings into
/// subsections. Text lines never start with a control character (roff escapes a leading dot
/// or quote), so only control lines are changed.
fn append(page: &mut Vec<u8>, part: &[u8], demote: bool) -> std::io::Result<()> {
    for line in String::from_utf8_lossy(part).lines() {
        if line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq") {
            continue;
        }
        match line.strip_prefix(".SH ") {
            Some(title) if demote => writeln!(page, ".SS {title}")?,
            _ => writeln!(page, "{line}")?,
        }
    }
    Ok(())
}
