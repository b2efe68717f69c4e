//! `folio log`: the decisions of each main-line commit, judged by the same code as `folio
//! diff` — each commit against its first parent, by the parent's governance — with the
//! approvals history shows. The evidence is *verified* when the reviews recorded on the commit
//! (a `refs/notes/folio` note, written by the decisions workflow on merge) approve it, judged as
//! `folio diff` judges reviews; else *claimed*: who merged and `Approved-by:` trailers, which
//! anyone can write.

use std::io::Write;

use miette::{IntoDiagnostic, Result};
use serde::Serialize;

use super::{Context, Outcome, portfolio_root};
use crate::cli::{LogArgs, LogFormat};
use crate::decisions::approvals::Approvers;
use crate::decisions::records::Identities;
use crate::decisions::{self, Change, Target, Verdict};
use crate::history;
use crate::markdown;
use crate::model::date::Date;
use crate::output;
use crate::portfolio::{self, AsOf, Cache, ChangeRead};
use crate::source::GitRepository;

#[derive(Serialize)]
struct Entry {
    commit: String,
    date: String,
    /// Where the approvals come from: `verified` (the reviews recorded on the commit approve
    /// it) or `claimed` (commit metadata, which anyone can write).
    evidence: &'static str,
    #[serde(flatten)]
    verdict: Verdict,
}

#[derive(Serialize)]
struct Log {
    commits: Vec<Entry>,
}

pub fn run(args: &LogArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let repository = GitRepository::open(&portfolio_root(args.root.as_deref(), context)?)?;
    let range = args.range.as_deref().unwrap_or("HEAD");
    let main_line = history::main_line(&repository, range)?;
    let prefix = repository.prefix();
    // Each commit is read as far as judging it needs (the files it touches, the root files,
    // and the files sharing an identity with a touched record), so the cost follows the
    // history's changes, not the portfolio's size. The identities are carried from commit to
    // commit, oldest first, from one whole reading of the range's starting point. Each commit is
    // judged as of its own day (or its portfolio's `as_of`).
    let cache = Cache::default();
    let as_of = AsOf::today(context.today);
    let mut identities = match main_line.last().and_then(|oldest| oldest.parent.as_ref()) {
        Some(start) => {
            let whole = portfolio::read(
                repository.read(start, &|path, blob| cache.has(path, blob))?,
                Some(start.clone()),
                &cache,
            )?;
            Identities::of(&whole.loaded, &whole.model)
        }
        None => Identities::default(),
    };
    let mut entries = Vec::new();
    for logged in main_line.iter().rev() {
        let ChangeRead { base, head, paths } = portfolio::read_change(
            &repository,
            logged.parent.as_ref(),
            &logged.commit,
            &cache,
            as_of,
            Some(&identities),
        )?;
        let changed = decisions::portfolio_files(&paths, &prefix);
        if decisions::base_needs_every_file(&changed) {
            identities = Identities::of(&head.loaded, &head.model);
        } else {
            identities.update(&changed, &head.loaded, &head.model);
        }
        let change = Change {
            base: base.revision(),
            head: head.revision(),
            paths: &paths,
            prefix: &prefix,
        };
        let target = Target::of(&base.loaded, &base.model);
        let verified = history::review_note(&repository, &logged.commit)?
            .map(|note| {
                let approvers =
                    Approvers::from_reviews(&note.reviews, &note.head, note.author.as_deref());
                decisions::decide(&change, &target, &approvers)
            })
            .filter(|verdict| verdict.approved);
        let (evidence, verdict) = match verified {
            Some(verdict) => ("verified", verdict),
            None => {
                let approvers = Approvers::from_history(logged.people.clone());
                ("claimed", decisions::decide(&change, &target, &approvers))
            }
        };
        if !verdict.decisions.is_empty() || !verdict.blocked.is_empty() {
            entries.push(Entry {
                commit: logged.commit.id.clone(),
                date: Date::from_days_since_epoch(logged.commit.time.div_euclid(86_400))
                    .to_string(),
                evidence,
                verdict,
            });
        }
    }
    // Newest first, as git log shows them.
    entries.reverse();
    let approved = entries.iter().all(|entry| entry.verdict.approved);
    match args.format {
        LogFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &Log { commits: entries }).into_diagnostic()?;
            writeln!(out).into_diagnostic()?;
        }
        LogFormat::Markdown => write_markdown(&entries, out).into_diagnostic()?,
    }
    Ok(if approved {
        Outcome::Clean
    } else {
        Outcome::Failed
    })
}

fn write_markdown(entries: &[Entry], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# Decisions in history\n")?;
    if entries.is_empty() {
        return writeln!(out, "No commit in this range made a decision.");
    }
    writeln!(
        out,
        "Approvals are *verified* where the pull request's reviews recorded on the commit (`refs/notes/folio`) approve it, else *claimed*: who merged each commit and its `Approved-by:` trailers, which anyone can write."
    )?;
    for entry in entries {
        let verdict = &entry.verdict;
        writeln!(
            out,
            "\n## {} `{}`: {} ({})\n",
            entry.date,
            entry.commit.get(..7).unwrap_or(&entry.commit),
            if verdict.approved {
                "approved"
            } else {
                "not approved"
            },
            entry.evidence
        )?;
        if let Some(note) = &verdict.note {
            writeln!(out, "> {}\n", markdown::cell(note))?;
        }
        for reason in &verdict.blocked {
            writeln!(out, "- cannot be approved: {}", markdown::cell(reason))?;
        }
        output::decisions::write_table(&verdict.decisions, out)?;
    }
    Ok(())
}
