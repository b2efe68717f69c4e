//! `folio report`: check, evaluate the gates, read the gate timeline when the portfolio is in a
//! git repository, render every deliverable (Markdown and CSV, and with --html the web pages,
//! with --pdf the PDF printed from them), write them atomically.

use std::io::Write;
use std::path::Path;

use miette::{IntoDiagnostic, Result};

use super::{Context, Outcome, parse_as_of, portfolio_root};
use crate::cli::ReportArgs;
use crate::model::date::Date;
use crate::portfolio::{AsOf, Cache, read_and_check, read_and_check_keeping};
use crate::report::{self, TEMPLATES};
use crate::source::{GitRepository, SourceError};
use crate::timeline::Timeline;
use crate::{gates, history, output, pdf, source};

pub fn run(args: &ReportArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let date_choice = AsOf {
        given: parse_as_of(args.as_of.as_deref())?,
        today: context.today,
    };
    let root = portfolio_root(args.root.as_deref(), context)?;
    // With the history, the files read here serve its first commit too: in a clean checkout
    // of a one-commit repository, none is read twice.
    let (checked, read) = if args.no_history {
        (
            read_and_check(&root, args.rev.as_deref(), date_choice)?,
            None,
        )
    } else {
        let (checked, cache) = read_and_check_keeping(&root, args.rev.as_deref(), date_choice)?;
        (checked, Some(cache))
    };
    let as_of = checked.evaluation_date(date_choice);
    let evaluation = gates::evaluate(&checked.model, as_of);
    let mut report_context = report::build(&checked.model, &evaluation);
    crate::portfolio::discard(checked);
    if let Some(read) = read {
        report_context.history = timeline(&root, args.rev.as_deref(), context.today, read)?
            .as_ref()
            .and_then(report::history::view);
    }
    report_context.full_report = args
        .out
        .as_ref()
        .map(|folder| folder.join("report.md").display().to_string());
    let report_folder = args.out.clone().unwrap_or_else(|| context.cwd.clone());
    let absolute = |path: &std::path::Path| std::path::absolute(path).into_diagnostic();
    report_context.root_link =
        match output::relative_to(&absolute(&root)?, &absolute(&report_folder)?) {
            link if link.is_empty() => ".".to_string(),
            link => link,
        };
    let overrides = match &args.templates {
        Some(folder) => {
            let names: Vec<&str> = TEMPLATES.iter().map(|(name, _)| *name).collect();
            source::read_templates(folder, &names)?
        }
        None => Default::default(),
    };
    // The browser is looked for before anything is rendered: a missing one fails at once.
    let chromium = if args.pdf {
        Some(pdf::find_chromium(args.chromium.as_deref())?)
    } else {
        None
    };
    let renderer = report::Renderer::new(&report_context, &overrides)?;
    let mut files = renderer.markdown()?;
    if args.html || args.pdf {
        files.extend(renderer.html()?);
    }
    let printed = match &chromium {
        Some(chromium) => Some(pdf::print(chromium, &renderer.print_page()?)?),
        None => None,
    };
    match &args.out {
        Some(folder) => {
            let mut all: Vec<(&str, &[u8])> = files
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_bytes()))
                .collect();
            if let Some(bytes) = &printed {
                all.push(("report.pdf", bytes));
            }
            write_atomically(folder, &all).into_diagnostic()?;
        }
        None => {
            let report = files.get("report.md").map_or("", String::as_str);
            out.write_all(report.as_bytes()).into_diagnostic()?;
        }
    }
    if context.github_actions {
        if let (Some(path), Some(summary)) = (&context.step_summary, files.get("summary.md")) {
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .into_diagnostic()?;
            file.write_all(summary.as_bytes()).into_diagnostic()?;
        }
    }
    Ok(Outcome::Clean)
}

/// The gate timeline of the main line up to `rev` (or HEAD) for the history section; `None`
/// when the portfolio is not in a git repository, or its HEAD has no commit yet. The files
/// `read` holds are not read again.
fn timeline(root: &Path, rev: Option<&str>, today: Date, read: Cache) -> Result<Option<Timeline>> {
    let repository = match GitRepository::open(root) {
        Ok(repository) => repository,
        Err(SourceError::NotARepository { .. }) => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    let range = match rev {
        Some(rev) => rev,
        None if repository.resolve("HEAD").is_err() => return Ok(None),
        None => "HEAD",
    };
    Ok(Some(history::timeline(&repository, range, today, read)?))
}

/// Writes every file into a hidden temporary folder inside `folder`, then moves each into
/// place: a run that fails leaves the previous reports as they were, and no file is ever
/// half-written. Other files in `folder` are left alone.
fn write_atomically(folder: &Path, files: &[(&str, &[u8])]) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    let staging = folder.join(format!(".folio-report-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    std::fs::create_dir(&staging)?;
    let written = files
        .iter()
        .try_for_each(|(name, bytes)| std::fs::write(staging.join(name), bytes));
    let moved = written.and_then(|()| {
        files
            .iter()
            .try_for_each(|(name, _)| std::fs::rename(staging.join(name), folder.join(name)))
    });
    let cleaned = std::fs::remove_dir_all(&staging);
    moved.and(cleaned)
}
