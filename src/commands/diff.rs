//! `folio diff`: read base and head from git, classify the decisions, judge them by the base
//! governance and the pull request's reviews.

use std::io::Write;

use miette::{IntoDiagnostic, Result};

use super::{Context, Outcome};
use crate::cli::{DiffArgs, DiffFormat};
use crate::decisions::approvals::{Approvers, parse_reviews};
use crate::decisions::{self, Decision};
use crate::finding::Position;
use crate::kind::Kind;
use crate::output::{self, decisions::Report};
use crate::portfolio::{self, Cache};
use crate::source::{self, GitRepository};

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
        Some(path) => parse_reviews(&source::read_text(path)?)?,
        None => Vec::new(),
    };
    let approvers = Approvers::from_reviews(&reviews, &head_commit.id, args.author.as_deref());
    let mut decisions = decisions::classify(base.side(), head.side());
    let governance = base.model.governance.as_ref().map(|item| &item.value);
    let has_governance_file = base
        .loaded
        .files
        .iter()
        .any(|file| Kind::of_path(file) == Some(Kind::Governance));
    let note = match (governance, has_governance_file) {
        (Some(governance), _) => {
            decisions::judge(&mut decisions, Some(governance), &approvers);
            None
        }
        (None, true) => {
            decisions::judge_unreadable_governance(&mut decisions);
            Some("the base revision's governance.yaml breaks its schema: nothing can be approved until it is repaired".to_string())
        }
        (None, false) => Some(
            "the base revision has no governance.yaml (a first governance), so no approval can be required"
                .to_string(),
        ),
    };
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
