//! `folio diff`: the change a branch makes to its target (merge base → head), read from git,
//! classified into decisions and judged by the target's governance and the pull request's
//! reviews.

use std::io::Write;

use miette::{IntoDiagnostic, Result};

use super::{Context, Outcome, portfolio_root};
use crate::cli::{DiffArgs, DiffFormat};
use crate::decisions::approvals::{Approvers, parse_reviews};
use crate::decisions::{self, Change, Decision, Location, Target};
use crate::finding::Position;
use crate::output::{self, decisions::Report};
use crate::portfolio::{self, AsOf, Cache, ChangeRead};
use crate::source::{self, GitRepository};

pub fn run(args: &DiffArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let root = portfolio_root(args.root.as_deref(), context)?;
    let repository = GitRepository::open(&root)?;
    let target_commit = repository.resolve(&args.base)?;
    let head_commit = repository.resolve(&args.head)?;
    let merge_base = repository.merge_base(&target_commit, &head_commit)?;
    // What judging needs: the files the change touches and the root files of the merge base
    // and the head, and the target's root files (its governance judges).
    // Nothing read here is read again: the cache keeps nothing.
    let cache = Cache::passing();
    let ChangeRead { base, head, paths } = portfolio::read_change(
        &repository,
        merge_base.as_ref(),
        &head_commit,
        &cache,
        AsOf::today(context.today),
        None,
    )?;
    let prefix = repository.prefix();
    let target_read;
    let target = if merge_base.as_ref().map(|commit| &commit.id) == Some(&target_commit.id) {
        &base
    } else {
        target_read = portfolio::read_root_files(&repository, &target_commit, &cache)?;
        &target_read
    };

    let reviews = match &args.approvals {
        Some(path) => parse_reviews(&source::read_text(path)?)?,
        None => Vec::new(),
    };
    let approvers = Approvers::from_reviews(&reviews, &head_commit.id, args.author.as_deref());
    let change = Change {
        base: base.revision(),
        head: head.revision(),
        paths: &paths,
        prefix: &prefix,
    };
    let mut verdict = decisions::decide(
        &change,
        &Target::of(&target.loaded, &target.model),
        &approvers,
    );
    if merge_base.is_none() {
        let unrelated =
            "the head shares no history with the target, so everything it holds counts as added";
        verdict.note = Some(match verdict.note.take() {
            Some(note) => format!("{unrelated}; {note}"),
            None => unrelated.to_string(),
        });
    }
    let report = Report {
        base: merge_base.as_ref().map_or("", |commit| commit.id.as_str()),
        target: &target_commit.id,
        head: &head_commit.id,
        verdict: &verdict,
    };
    let format = args.format.unwrap_or(if context.github_actions {
        DiffFormat::Github
    } else {
        DiffFormat::Human
    });
    match format {
        DiffFormat::Human => output::decisions::write_human(&report, context.quiet, out),
        DiffFormat::Json => output::decisions::write_json(&report, out),
        DiffFormat::Markdown => output::decisions::write_markdown(&report, out),
        DiffFormat::Github => {
            let root = std::path::absolute(&root).into_diagnostic()?;
            let place = |decision: &Decision| {
                let side = match decision.location {
                    Location::Head => &head,
                    Location::Base => &base,
                    Location::Repository => {
                        let path = repository.top().join(&decision.file);
                        return (output::relative_to(&path, &context.cwd), Position::START);
                    }
                };
                let position = side
                    .loaded
                    .documents
                    .iter()
                    .find(|document| *document.file == *decision.file)
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
    Ok(if verdict.approved {
        Outcome::Clean
    } else {
        Outcome::Failed
    })
}
