//! `folio diff`: read base and head from git, classify the decisions, judge them by the base
//! governance and the pull request's reviews.

use std::io::Write;

use miette::{IntoDiagnostic, Result};

use super::{Context, Outcome};
use crate::cli::{DiffArgs, DiffFormat};
use crate::decisions::approvals::{Approvers, parse_reviews};
use crate::decisions::{self, Decision};
use crate::finding::Position;
use crate::output::{self, decisions::Report};
use crate::portfolio::{self, Cache};
use crate::source::GitRepository;

pub fn run(args: &DiffArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let repository = GitRepository::open(&args.root)?;
    let base_commit = repository.resolve(&args.base)?;
    let head_commit = repository.resolve(&args.head)?;
    // Files the change leaves alone are read and checked once.
    let cache = Cache::default();
    let base_files = repository.read(&base_commit, &|_, _| false)?;
    let base = portfolio::read(base_files, Some(base_commit.clone()), &cache)?;
    let head_files = repository.read(&head_commit, &|path, blob| cache.has(path, blob))?;
    let head = portfolio::read(head_files, Some(head_commit.clone()), &cache)?;

    let reviews = match &args.approvals {
        Some(path) => {
            let text = std::fs::read_to_string(path).into_diagnostic()?;
            parse_reviews(&text)?
        }
        None => Vec::new(),
    };
    let approvers = Approvers::from_reviews(&reviews, &head_commit.id, args.author.as_deref());
    let mut decisions = decisions::classify(base.side(), head.side());
    let governance = base.model.governance.as_ref().map(|item| &item.value);
    decisions::judge(&mut decisions, governance, &approvers);
    let note = governance.is_none().then(|| {
        "the base revision has no valid governance.yaml, so no approval can be required".to_string()
    });
    let report = Report {
        base: &base_commit.id,
        head: &head_commit.id,
        approved: decisions::approved(&decisions),
        decisions: &decisions,
        note,
    };
    let format = args.format.unwrap_or(if context.github_actions {
        DiffFormat::Github
    } else {
        DiffFormat::Human
    });
    match format {
        DiffFormat::Human => output::decisions::write_human(&report, out),
        DiffFormat::Json => output::decisions::write_json(&report, out),
        DiffFormat::Markdown => output::decisions::write_markdown(&report, out),
        DiffFormat::Github => {
            let root = std::path::absolute(&args.root).into_diagnostic()?;
            let place = |decision: &Decision| {
                let side = if decision.in_base { &base } else { &head };
                let position = side
                    .loaded
                    .documents
                    .iter()
                    .find(|document| document.file == decision.file)
                    .map_or(Position::START, |document| {
                        document.position(&decision.pointer)
                    });
                (
                    output::relative_to(&root.join(&decision.file), &context.cwd),
                    position,
                )
            };
            output::decisions::write_github(&report, &place, out)
        }
    }
    .into_diagnostic()?;
    Ok(if report.approved {
        Outcome::Clean
    } else {
        Outcome::Failed
    })
}
