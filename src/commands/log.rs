//! `folio log`: the decisions of each main-line commit, and the approvals history shows for
//! them (who merged, `Approved-by:` trailers), judged by each commit's parent's governance.

use std::io::Write;

use miette::{IntoDiagnostic, Result};
use serde::Serialize;

use super::{Context, Outcome};
use crate::cli::{LogArgs, LogFormat};
use crate::decisions::approvals::Approvers;
use crate::decisions::{self, Decision};
use crate::history;
use crate::markdown;
use crate::model::date::Date;
use crate::portfolio::{self, Cache, Checked};
use crate::source::{Commit, GitRepository};

#[derive(Serialize)]
struct Entry {
    commit: String,
    date: String,
    decisions: Vec<Decision>,
}

#[derive(Serialize)]
struct Log {
    commits: Vec<Entry>,
}

pub fn run(args: &LogArgs, _context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let repository = GitRepository::open(&args.root)?;
    let range = args.range.as_deref().unwrap_or("HEAD");
    let main_line = history::main_line(&repository, range)?;
    // Each file is read and checked once, however many commits hold it.
    let cache = Cache::default();
    let read = |commit: &Commit| -> Result<Checked> {
        let files = repository.read(commit, &|path, blob| cache.has(path, blob))?;
        Ok(portfolio::read(files, Some(commit.clone()), &cache)?)
    };
    let mut entries = Vec::new();
    for logged in &main_line {
        let head = read(&logged.commit)?;
        let base = match &logged.parent {
            Some(parent) => read(parent)?,
            None => portfolio::read(Vec::new(), None, &cache)?,
        };
        let mut decisions = decisions::classify(base.side(), head.side());
        if decisions.is_empty() {
            continue;
        }
        let governance = base.model.governance.as_ref().map(|item| &item.value);
        let approvers = governance
            .map(|governance| Approvers::from_history(&logged.people, governance))
            .unwrap_or_default();
        decisions::judge(&mut decisions, governance, &approvers);
        entries.push(Entry {
            commit: logged.commit.id.clone(),
            date: Date::from_days_since_epoch(logged.commit.time.div_euclid(86_400)).to_string(),
            decisions,
        });
    }
    let approved = entries
        .iter()
        .all(|entry| decisions::approved(&entry.decisions));
    match args.format {
        LogFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &Log { commits: entries }).into_diagnostic()?;
            writeln!(out).into_diagnostic()?;
        }
        LogFormat::Md => write_markdown(&entries, out).into_diagnostic()?,
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
        "| date | commit | decision | subject | requires | approved by |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for entry in entries {
        for decision in &entry.decisions {
            let requires = if decision.requires.is_empty() {
                "no approval needed".to_string()
            } else {
                decision
                    .requires
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {} {} of {}",
                            if r.satisfied { "✅" } else { "❌" },
                            markdown::cell(&r.role),
                            r.approved_by.len().min(r.quorum as usize),
                            r.quorum
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let approved_by: Vec<String> = decision
                .requires
                .iter()
                .flat_map(|r| r.approved_by.iter().map(|login| markdown::handle(login)))
                .collect();
            writeln!(
                out,
                "| {} | `{}` | `{}` | {} | {} | {} |",
                entry.date,
                entry.commit.get(..7).unwrap_or(&entry.commit),
                decision.kind,
                markdown::cell(&decision.subject),
                requires,
                if approved_by.is_empty() {
                    "—".to_string()
                } else {
                    approved_by.join(", ")
                }
            )?;
        }
    }
    Ok(())
}
