//! A pull request's decisions: for people (human), machines (json), the sticky pull-request
//! comment (markdown) and annotations on the changed files (github).

use std::io::{self, Write};

use serde::Serialize;

use crate::decisions::{Decision, Requirement, Verdict};
use crate::finding::Position;
use crate::markdown;

/// The first line of the pull-request comment, by which a workflow finds and updates it.
pub const MARKER: &str = "<!-- folio:decisions -->";

/// What `folio diff` reports.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The merge base: where the change starts ("" when the head shares no history with the
    /// target).
    pub base: &'a str,
    /// The tip of the branch the change merges into, whose governance judges it.
    pub target: &'a str,
    pub head: &'a str,
    #[serde(flatten)]
    pub verdict: &'a Verdict,
}

fn short(commit: &str) -> &str {
    commit.get(..7).unwrap_or(commit)
}

/// "abc1234 → def5678, judged by the governance of 0123abc".
fn span(report: &Report<'_>) -> String {
    format!(
        "{} → {}, judged by the governance of {}",
        if report.base.is_empty() {
            "(no common history)"
        } else {
            short(report.base)
        },
        short(report.head),
        short(report.target)
    )
}

fn missing(decisions: &[Decision]) -> usize {
    decisions
        .iter()
        .flat_map(|decision| &decision.requires)
        .filter(|requirement| !requirement.satisfied)
        .count()
}

fn tally(requirement: &Requirement) -> String {
    format!(
        "{} of {}",
        requirement
            .approved_by
            .len()
            .min(requirement.quorum as usize),
        requirement.quorum
    )
}

/// Each decision with what it requires and who approved, then the verdict. `quiet` writes only
/// why the head cannot be approved and the decisions still missing an approval (their missing
/// requirements), and nothing when every approval is given.
pub fn write_human(report: &Report<'_>, quiet: bool, out: &mut dyn Write) -> io::Result<()> {
    let verdict = report.verdict;
    if quiet {
        return write_missing(verdict, out);
    }
    writeln!(out, "decisions of {}", span(report))?;
    if let Some(note) = &verdict.note {
        writeln!(out, "note: {note}")?;
    }
    for reason in &verdict.blocked {
        writeln!(out, "blocked: {reason}")?;
    }
    if verdict.decisions.is_empty() {
        writeln!(out, "\nno decisions: nothing to approve")?;
    }
    for decision in &verdict.decisions {
        writeln!(
            out,
            "\n{} {} ({})\n  {}",
            decision.kind, decision.subject, decision.file, decision.summary
        )?;
        if decision.requires.is_empty() {
            writeln!(out, "  no approval needed")?;
        }
        for requirement in &decision.requires {
            writeln!(out, "{}", requirement_line(requirement))?;
        }
    }
    if verdict.approved {
        writeln!(out, "\napproved: every required approval is given")
    } else if !verdict.blocked.is_empty() {
        writeln!(
            out,
            "\nnot approved: the head's governance.yaml or portfolio.yaml has errors"
        )
    } else {
        writeln!(
            out,
            "\nnot approved: {} required approval(s) missing",
            missing(&verdict.decisions)
        )
    }
}

/// The blocked reasons and the decisions missing an approval, with only their missing
/// requirements: what `--quiet` shows.
fn write_missing(verdict: &Verdict, out: &mut dyn Write) -> io::Result<()> {
    for reason in &verdict.blocked {
        writeln!(out, "blocked: {reason}")?;
    }
    for decision in &verdict.decisions {
        let mut unmet = decision
            .requires
            .iter()
            .filter(|requirement| !requirement.satisfied)
            .peekable();
        if unmet.peek().is_none() {
            continue;
        }
        writeln!(
            out,
            "{} {} ({})\n  {}",
            decision.kind, decision.subject, decision.file, decision.summary
        )?;
        for requirement in unmet {
            writeln!(out, "{}", requirement_line(requirement))?;
        }
    }
    Ok(())
}

/// A requirement on one line: whether it is met, the role, the tally, why, who approved and
/// who could still.
fn requirement_line(requirement: &Requirement) -> String {
    let mark = if requirement.satisfied {
        "ok"
    } else {
        "missing"
    };
    let mut line = format!(
        "  {mark}: {} {} ({})",
        requirement.role,
        tally(requirement),
        requirement.because
    );
    if !requirement.approved_by.is_empty() {
        line.push_str(&format!(
            "; approved by {}",
            requirement.approved_by.join(", ")
        ));
    }
    if !requirement.satisfied {
        if !requirement.still_needed.is_empty() {
            line.push_str(&format!(
                "; still needed from {}",
                requirement.still_needed.join(", ")
            ));
        }
        if !requirement.stale.is_empty() {
            line.push_str(&format!(
                "; approved an older commit: {}",
                requirement.stale.join(", ")
            ));
        }
        if !requirement.without_login.is_empty() {
            line.push_str(&format!(
                "; no GitHub login, cannot approve: {}",
                requirement.without_login.join(", ")
            ));
        }
    }
    line
}

pub fn write_json(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// The sticky pull-request comment: a stable marker, a verdict and a table of decisions.
pub fn write_markdown(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let verdict = report.verdict;
    writeln!(out, "{MARKER}")?;
    writeln!(out, "### folio: the decisions in this pull request\n")?;
    let count = verdict.decisions.len();
    let missing = missing(&verdict.decisions);
    if !verdict.blocked.is_empty() {
        writeln!(
            out,
            "**Cannot be approved.** The head's governance.yaml or portfolio.yaml has errors; fix them first:\n"
        )?;
        for reason in &verdict.blocked {
            writeln!(out, "- {}", markdown::cell(reason))?;
        }
        writeln!(out)?;
    } else if count == 0 {
        writeln!(out, "This change makes no decision: nothing to approve.")?;
    } else if verdict.approved {
        writeln!(
            out,
            "**Approved.** Every approval that the {count} decision(s) need is given."
        )?;
    } else {
        writeln!(
            out,
            "**Waiting for approval.** {missing} required approval(s) missing for {count} decision(s). Approve the pull request (on its latest commit) to decide."
        )?;
    }
    if let Some(note) = &verdict.note {
        writeln!(out, "\n> {}", markdown::cell(note))?;
    }
    write_table(&verdict.decisions, out)?;
    writeln!(out, "\n<sub>The change {}.</sub>", span(report))
}

/// The decisions as a Markdown table: what each decides, what it requires, who approved and
/// who is still needed.
pub fn write_table(decisions: &[Decision], out: &mut dyn Write) -> io::Result<()> {
    if decisions.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "| decision | what it decides | requires | approved by | still needed |"
    )?;
    writeln!(out, "|---|---|---|---|---|")?;
    for decision in decisions {
        let cells = |pick: &dyn Fn(&Requirement) -> String| {
            if decision.requires.is_empty() {
                "—".to_string()
            } else {
                decision
                    .requires
                    .iter()
                    .map(pick)
                    .collect::<Vec<_>>()
                    .join("<br>")
            }
        };
        let requires = if decision.requires.is_empty() {
            "no approval needed".to_string()
        } else {
            cells(&|r| {
                format!(
                    "{} {} {} ({})",
                    if r.satisfied { "✅" } else { "⏳" },
                    markdown::cell(&r.role),
                    tally(r),
                    markdown::cell(&r.because)
                )
            })
        };
        let approved_by = cells(&|r| people(&r.approved_by, &[], &[]));
        let still_needed = cells(&|r| {
            if r.satisfied {
                "—".to_string()
            } else {
                people(&r.still_needed, &r.stale, &r.without_login)
            }
        });
        writeln!(
            out,
            "| `{}` | {} ({}) | {} | {} | {} |",
            decision.kind,
            markdown::cell(&decision.summary),
            markdown::cell(&decision.file),
            requires,
            approved_by,
            still_needed
        )?;
    }
    Ok(())
}

/// People in a cell: GitHub logins as handles that ping nobody, those whose approval is on an
/// older commit marked, and members without a login by name.
fn people(logins: &[String], stale: &[String], without_login: &[String]) -> String {
    let mut shown: Vec<String> = logins
        .iter()
        .map(|login| {
            if stale.contains(login) {
                format!("{} (approved an older commit)", markdown::handle(login))
            } else {
                markdown::handle(login)
            }
        })
        .collect();
    shown.extend(
        without_login
            .iter()
            .map(|name| format!("{} (no GitHub login, cannot approve)", markdown::cell(name))),
    );
    if shown.is_empty() {
        "—".into()
    } else {
        shown.join(", ")
    }
}

/// Annotations on the changed files: an error where an approval is missing, a notice where
/// every approval is given. `place` gives each decision's path (relative to the current
/// directory) and position.
pub fn write_github(
    report: &Report<'_>,
    place: &dyn Fn(&Decision) -> (String, Position),
    out: &mut dyn Write,
) -> io::Result<()> {
    let verdict = report.verdict;
    for reason in &verdict.blocked {
        writeln!(
            out,
            "::error title=folio::{}",
            super::github::escape_data(&format!("cannot be approved: {reason}"))
        )?;
    }
    for decision in &verdict.decisions {
        let (path, position) = place(decision);
        let waiting: Vec<String> = decision
            .requires
            .iter()
            .filter(|requirement| !requirement.satisfied)
            .map(|requirement| format!("{} ({})", requirement.role, tally(requirement)))
            .collect();
        let (level, message) = if waiting.is_empty() {
            (
                "notice",
                format!(
                    "{}: {}: no approval missing",
                    decision.kind, decision.summary
                ),
            )
        } else {
            (
                "error",
                format!(
                    "{}: {}: waiting for {}",
                    decision.kind,
                    decision.summary,
                    waiting.join(", ")
                ),
            )
        };
        writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            super::github::escape_property(&path),
            position.line,
            position.column,
            super::github::escape_property(decision.kind.name()),
            super::github::escape_data(&message)
        )?;
    }
    writeln!(
        out,
        "folio: {} decision(s), {} required approval(s) missing{}",
        verdict.decisions.len(),
        missing(&verdict.decisions),
        if verdict.blocked.is_empty() {
            ""
        } else {
            "; the head cannot be approved until its errors are fixed"
        }
    )
}
