//! `folio report`: read the portfolio (its model: the cross-file rules are `folio check`'s),
//! evaluate the gates, read the gate timeline when the portfolio is in a
//! git repository, render every deliverable (Markdown and CSV, and with --html the web pages,
//! with --pdf the PDF printed from them), write them atomically.

use std::io::Write;
use std::path::Path;

use miette::{IntoDiagnostic, Result};

use super::{Context, Outcome, parse_as_of, portfolio_root};
use crate::cli::ReportArgs;
use crate::load::FileRead;
use crate::model::date::Date;
use crate::portfolio::{AsOf, Reading, read_model};
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
    // The report needs the model, not the cross-file rules' findings (`folio check` reports
    // them). With the history, the files read here serve its first commit too: in a clean
    // checkout of a one-commit repository, none is read twice.
    let reading = read_model(&root, args.rev.as_deref(), !args.no_history)?;
    let as_of = reading.evaluation_date(date_choice);
    let evaluation = gates::evaluate(&reading.model, as_of);
    let Reading { files, model, .. } = reading;
    // The history is read before the report's context is built, and takes over the files read
    // here: they are freed with it, before the context takes their place. (Read beside the
    // context instead, it is about a tenth of a check quicker at 62,000 files, for a sixth
    // more memory.)
    let history = if args.no_history {
        crate::portfolio::discard(files);
        None
    } else {
        timeline(&root, args.rev.as_deref(), context.today, files)?
    };
    let mut report_context = report::build(&model, &evaluation);
    crate::portfolio::discard(model);
    report_context.history = history.as_ref().and_then(report::history::view);
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
    let renderer = report::Renderer::new(report_context, &overrides)?;
    let summary = match &args.out {
        Some(folder) => write_report(&renderer, folder, args, chromium.as_deref())?,
        None => {
            let report = renderer.markdown_file("report.md").transpose()?;
            out.write_all(report.unwrap_or_default().as_bytes())
                .into_diagnostic()?;
            match context.github_actions {
                true => renderer.markdown_file("summary.md").transpose()?,
                false => None,
            }
        }
    };
    if context.github_actions {
        if let (Some(path), Some(summary)) = (&context.step_summary, summary) {
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
/// `read` holds (the work tree's, or `rev`'s) are taken over, not read again.
fn timeline(
    root: &Path,
    rev: Option<&str>,
    today: Date,
    read: Vec<FileRead>,
) -> Result<Option<Timeline>> {
    let no_history = |read: Vec<FileRead>| {
        crate::portfolio::discard(read);
        Ok(None)
    };
    let repository = match GitRepository::open(root) {
        Ok(repository) => repository,
        Err(SourceError::NotARepository { .. }) => return no_history(read),
        Err(error) => return Err(error.into()),
    };
    let range = match rev {
        Some(rev) => rev,
        None if repository.resolve("HEAD").is_err() => return no_history(read),
        None => "HEAD",
    };
    Ok(Some(history::timeline(&repository, range, today, read)?))
}

/// Renders every file into `folder` (with `--html` the pages, with `--pdf` the PDF printed
/// by `chromium`) through a [`Staging`] folder; returns summary.md's text.
fn write_report(
    renderer: &report::Renderer,
    folder: &Path,
    args: &ReportArgs,
    chromium: Option<&Path>,
) -> Result<Option<String>> {
    let staging = Staging::new(folder).into_diagnostic()?;
    let summary = std::sync::Mutex::new(None);
    let sink = |name: &str, text: String| -> Result<()> {
        staging.write(name, text.as_bytes()).into_diagnostic()?;
        if name == "summary.md" {
            if let Ok(mut summary) = summary.lock() {
                *summary = Some(text);
            }
        }
        Ok(())
    };
    renderer.each_markdown(&sink)?;
    if args.html || args.pdf {
        renderer.each_html(&sink)?;
    }
    if let Some(chromium) = chromium {
        let printed = pdf::print(chromium, &renderer.print_page()?)?;
        staging.write("report.pdf", &printed).into_diagnostic()?;
    }
    staging.publish().into_diagnostic()?;
    Ok(summary.into_inner().ok().flatten())
}

/// A hidden temporary folder inside the report's folder that the files are written into, then
/// moved into place when all are written: a run that fails leaves the previous reports as they
/// were (the folder is removed when the staging is dropped unpublished), and no file is ever
/// half-written. Other files in the report's folder are left alone.
struct Staging {
    folder: std::path::PathBuf,
    staging: std::path::PathBuf,
    written: std::sync::Mutex<Vec<String>>,
}

impl Staging {
    fn new(folder: &Path) -> std::io::Result<Staging> {
        std::fs::create_dir_all(folder)?;
        let staging = folder.join(format!(".folio-report-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir(&staging)?;
        Ok(Staging {
            folder: folder.to_path_buf(),
            staging,
            written: Default::default(),
        })
    }

    fn write(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        std::fs::write(self.staging.join(name), bytes)?;
        let mut written = self
            .written
            .lock()
            .map_err(|_| std::io::Error::other("a report file failed while being written"))?;
        written.push(name.to_string());
        Ok(())
    }

    /// Moves every file written into the report's folder.
    fn publish(self) -> std::io::Result<()> {
        let written = std::mem::take(
            &mut *self
                .written
                .lock()
                .map_err(|_| std::io::Error::other("a report file failed while being written"))?,
        );
        written
            .iter()
            .try_for_each(|name| std::fs::rename(self.staging.join(name), self.folder.join(name)))
        // Dropping the staging removes its (now empty) folder.
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}
