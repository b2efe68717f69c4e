//! `folio check`: read the work tree, validate, and write the findings.

use std::io::Write;

use miette::{IntoDiagnostic, Result};

use super::{Context, Outcome};
use crate::cli::{CheckArgs, Format};
use crate::finding::Findings;
use crate::load::{self, Loaded};
use crate::model::Model;
use crate::output::{self, human::Style};
use crate::source::{Commit, GitRepository, RawFile};
use crate::{rules, schema, source};

/// A portfolio read and checked: the documents, the typed model and every finding.
pub struct Checked {
    pub loaded: Loaded,
    pub model: Model,
    pub findings: Findings,
    /// The commit it was read from, when read from a git revision.
    pub commit: Option<Commit>,
}

/// Reads and validates a portfolio from the work tree, or from a git revision: every finding
/// of every rule, and the model of the documents that passed their schema.
pub fn read_and_check(root: &std::path::Path, revision: Option<&str>) -> Result<Checked> {
    let (files, commit) = match revision {
        None => (source::read_work_tree(root)?, None),
        Some(revision) => {
            let repository = GitRepository::open(root)?;
            let commit = repository.resolve(revision)?;
            (repository.read(&commit)?, Some(commit))
        }
    };
    check_files(files, commit)
}

/// Validates files already read (from a work tree or a revision).
pub fn check_files(files: Vec<RawFile>, commit: Option<Commit>) -> Result<Checked> {
    let mut loaded = load::load(files);
    let mut findings = std::mem::take(&mut loaded.findings);
    let validated = schema::validate(&loaded)?;
    findings.extend(validated.findings);
    let model = Model::build(&loaded.documents, &validated.valid);
    findings.extend(rules::check(&loaded, &model));
    Ok(Checked {
        loaded,
        model,
        findings: Findings::new(findings),
        commit,
    })
}

pub fn run(args: &CheckArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let Checked {
        loaded, findings, ..
    } = read_and_check(&args.root, args.rev.as_deref())?;
    let format = args.format.unwrap_or(if context.github_actions {
        Format::Github
    } else {
        Format::Human
    });
    match format {
        Format::Human => output::human::write(
            &findings,
            &loaded.texts,
            loaded.documents.len(),
            Style {
                color: context.color,
                width: 100,
            },
            out,
        ),
        Format::Json => output::json::write(&findings, out),
        Format::Github => {
            let root = std::path::absolute(&args.root).into_diagnostic()?;
            output::github::write(&findings, &root, &context.cwd, out)
        }
        Format::Sarif => {
            let root = std::path::absolute(&args.root).into_diagnostic()?;
            output::sarif::write(&findings, &root, &context.cwd, out)
        }
    }
    .into_diagnostic()?;
    Ok(if findings.has_errors() {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}
