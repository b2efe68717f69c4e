//! A pull request's decisions: for people (human), machines (json), the sticky pull-request
//! comment (markdown) and annotations on the changed files (github).

use std::io::{self, Write};

use serde::Serialize;

use crate::decisions::{Decision, Requirement};
use crate::finding::Position;
use crate::markdown;

/// The first line of the pull-request comment, by which a workflow finds and updates it.
pub const MARKER: &str = "<!-- folio:decisions -->";

/// What `folio diff` reports.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub base: &'a str,
    pub head: &'a str,
    pub decisions: &'a [Decision],
    pub approved: bool,
    /// Set when the base revision has no valid governance, so no approval can be required.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn short(commit: &str) -> &str {
    commit.get(..7).unwrap_or(commit)
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

pub fn write_human(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "decisions from {} to {}",
        short(report.base),
        short(report.head)
    )?;
    if let Some(note) = &report.note {
        writeln!(out, "note: {note}")?;
    }
    if report.decisions.is_empty() {
        writeln!(out, "\nno decisions: nothing to approve")?;
        return Ok(());
    }
    for decision in report.decisions {
        writeln!(
            out,
            "\n{} {} ({})",
            decision.kind, decision.subject, decision.file
        )?;
        if decision.requires.is_empty() {
            writeln!(out, "  no approval needed")?;
        }
        for requirement in &decision.requires {
            let mark = if requirement.satisfied {
                "ok"
            } else {
                "missing"
            };
            writeln!(
                out,
                "  {mark}: {} {} ({}){}{}",
                requirement.role,
                tally(requirement),
                requirement.because,
                if requirement.approved_by.is_empty() {
                    String::new()
                } else {
                    format!("; approved by {}", requirement.approved_by.join(", "))
                },
                if requirement.satisfied || requirement.still_needed.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; still needed from {}",
                        requirement.still_needed.join(", ")
                    )
                }
            )?;
        }
    }
    let missing = missing(report.decisions);
    if report.approved {
        writeln!(out, "\napproved: every required approval is given")
    } else {
        writeln!(
            out,
            "\nnot approved: {missing} required approval(s) missing"
        )
    }
}

pub fn write_json(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// The sticky pull-request comment: a stable marker, a verdict and a table of decisions.
pub fn write_markdown(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{MARKER}")?;
    writeln!(out, "### folio: the decisions in this pull request\n")?;
    let count = report.decisions.len();
    let missing = missing(report.decisions);
    if count == 0 {
        writeln!(out, "This change makes no decision: nothing to approve.")?;
    } else if report.approved {
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
    if let Some(note) = &report.note {
        writeln!(out, "\n> {}", markdown::cell(note))?;
    }
    if count > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "| decision | subject | file | requires | approved by | still needed |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")?;
    }
    for decision in report.decisions {
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
        let requires = cells(&|r| {
            format!(
                "{} {} {} ({})",
                if r.satisfied { "✅" } else { "⏳" },
                markdown::cell(&r.role),
                tally(r),
                markdown::cell(&r.because)
            )
        });
        let approved_by = cells(&|r| handles(&r.approved_by));
        let still_needed = cells(&|r| {
            if r.satisfied {
                "—".to_string()
            } else {
                handles(&r.still_needed)
            }
        });
        writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} |",
            decision.kind,
            markdown::cell(&decision.subject),
            markdown::cell(&decision.file),
            if decision.requires.is_empty() {
                "no approval needed".to_string()
            } else {
                requires
            },
            approved_by,
            still_needed
        )?;
    }
    writeln!(
        out,
        "\n<sub>Base {} → head {}. Rules are read from the base revision.</sub>",
        short(report.base),
        short(report.head)
    )
}

fn handles(logins: &[String]) -> String {
    if logins.is_empty() {
        "—".into()
    } else {
        logins
            .iter()
            .map(|login| markdown::handle(login))
            .collect::<Vec<_>>()
            .join(", ")
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
    for decision in report.decisions {
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
                    "{} {}: no approval missing",
                    decision.kind, decision.subject
                ),
            )
        } else {
            (
                "error",
                format!(
                    "{} {}: waiting for {}",
                    decision.kind,
                    decision.subject,
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
            super::github::escape_property(decision.kind),
            super::github::escape_data(&message)
        )?;
    }
    let missing = missing(report.decisions);
    writeln!(
        out,
        "folio: {} decision(s), {missing} required approval(s) missing",
        report.decisions.len()
    )
}
