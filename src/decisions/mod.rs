//! Pure: a change between two revisions (the merge base → the head), read as the decisions it
//! makes, and the approvals each one needs under the target branch's governance.
//!
//! Default deny: every change to a governed field is some decision (`amend-record` when no
//! other type takes it), and whatever folio cannot classify, read, price or evaluate requires
//! an approval instead of waiving one. `folio diff` and `folio log` both decide through
//! [`decide`].

pub mod approvals;
pub mod condition;
pub mod facts;
mod judge;
pub mod records;
pub mod types;

use std::collections::BTreeSet;

use globset::{GlobBuilder, GlobSetBuilder};
use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::kind::Kind;
use crate::load::Loaded;
use crate::model::governance::DEFAULT_PROTECTED_PATHS;
use crate::model::{Governance, Model};
use crate::rules::Family;
use approvals::Approvers;
use facts::Facts;
use records::{Detected, Transition};
use types::{DecisionType, RECORD_DETECTORS};

/// One revision of the portfolio, read and checked.
#[derive(Clone, Copy)]
pub struct Revision<'a> {
    pub loaded: &'a Loaded,
    pub model: &'a Model,
    /// Its findings: for the head, every rule's; the base needs none.
    pub findings: &'a [Finding],
}

/// A change to judge.
pub struct Change<'a> {
    /// The merge base: where the branch left its target.
    pub base: Revision<'a>,
    pub head: Revision<'a>,
    /// Every path the change touches, relative to the repository's top folder.
    pub paths: &'a [String],
    /// The portfolio root relative to the repository's top folder ("" at the top).
    pub prefix: &'a str,
}

/// Where a decision's file is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Location {
    /// The head revision, relative to the portfolio root.
    #[default]
    Head,
    /// The base revision (a removed record), relative to the portfolio root.
    Base,
    /// A path relative to the repository's top folder (a protected path).
    Repository,
}

/// A decision the change makes.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    #[serde(rename = "type")]
    pub kind: DecisionType,
    /// What the decision is about: an id, `portfolio`, `governance`, a path.
    pub subject: String,
    /// The file that makes it (see `location`).
    pub file: String,
    /// One sentence naming the decision and its facts.
    pub summary: String,
    /// The facts its `when` conditions read.
    pub facts: Facts,
    pub requires: Vec<Requirement>,
    /// Why folio cannot classify the change, when it cannot: the chairman decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
    /// The node that changed, in `file` (for annotations).
    #[serde(skip)]
    pub pointer: String,
    #[serde(skip)]
    pub location: Location,
}

impl Decision {
    pub fn new(
        kind: DecisionType,
        subject: &str,
        file: &str,
        location: Location,
        facts: Facts,
        summary: String,
    ) -> Decision {
        Decision {
            kind,
            subject: subject.to_string(),
            file: file.to_string(),
            summary,
            facts,
            requires: Vec::new(),
            unreadable: None,
            pointer: String::new(),
            location,
        }
    }
}

/// An approval a decision needs: `quorum` distinct members of `role`.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    pub role: String,
    pub quorum: u64,
    /// The members of the role whose approval counts (GitHub logins; a name for a member
    /// recognised in history without one).
    pub approved_by: Vec<String>,
    pub satisfied: bool,
    /// Why it is required: the condition that held, the approval the file claims, or why
    /// folio could not tell.
    pub because: String,
    /// The members who could still approve (GitHub logins).
    pub still_needed: Vec<String>,
    /// Members without a GitHub login, by name: they cannot approve a pull request.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub without_login: Vec<String>,
    /// Members whose approval was given on an older commit, and no longer counts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stale: Vec<String>,
}

/// The rules a change is judged by: the target branch's governance.
pub enum Target<'a> {
    /// The target has no governance file (a repository's first governance): nothing can be
    /// required.
    Bootstrap,
    /// The target's governance cannot be read: nothing can be approved.
    Unreadable(String),
    Governed(&'a Governance),
}

impl<'a> Target<'a> {
    /// The governance a revision holds, as the judge of changes merging into it.
    pub fn of(loaded: &'a Loaded, model: &'a Model) -> Target<'a> {
        let files: Vec<&str> = loaded
            .files
            .iter()
            .filter(|file| Kind::of_path(file) == Some(Kind::Governance))
            .map(|file| &**file)
            .collect();
        if files.is_empty() {
            return Target::Bootstrap;
        }
        let documents = loaded.of_kind(Kind::Governance).count();
        match &model.governance {
            Some(governance) if files.len() == 1 && documents == 1 => {
                Target::Governed(&governance.value)
            }
            Some(_) => Target::Unreadable(format!(
                "the target holds more than one governance document ({}): folio cannot tell which one rules, so nothing can be approved until there is one",
                files.join(", ")
            )),
            None => Target::Unreadable(format!(
                "the target's {} cannot be read (a syntax or schema error): nothing can be approved until it is repaired",
                files.join(", ")
            )),
        }
    }

    fn protected_paths(&self) -> Vec<&str> {
        match self {
            Target::Governed(governance) => governance.protected_paths(),
            _ => DEFAULT_PROTECTED_PATHS.to_vec(),
        }
    }
}

/// The judgement of a change.
#[derive(Debug, Serialize)]
pub struct Verdict {
    pub decisions: Vec<Decision>,
    pub approved: bool,
    /// Why the change cannot be approved whatever the reviews say (an error in the head's
    /// governance.yaml or portfolio.yaml).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocked: Vec<String>,
    /// What the reader should know about how the change was judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Reads the change as decisions and judges them by the target's governance.
pub fn decide(change: &Change<'_>, target: &Target<'_>, approvers: &Approvers) -> Verdict {
    let mut decisions = classify(change, &target.protected_paths());
    judge::judge(&mut decisions, target, approvers);
    let blocked = blocked(&change.head);
    let approved = blocked.is_empty()
        && decisions
            .iter()
            .flat_map(|decision| &decision.requires)
            .all(|requirement| requirement.satisfied);
    let note = match target {
        Target::Bootstrap => Some(
            "the target has no governance.yaml (a first governance), so no approval can be required"
                .to_string(),
        ),
        Target::Unreadable(reason) => Some(reason.clone()),
        Target::Governed(_) => None,
    };
    Verdict {
        decisions,
        approved,
        blocked,
        note,
    }
}

/// Every decision of the change, in a stable order, without requirements yet.
pub fn classify(change: &Change<'_>, protected_paths: &[&str]) -> Vec<Decision> {
    let currency = change
        .head
        .model
        .portfolio
        .as_ref()
        .or(change.base.model.portfolio.as_ref())
        .map_or("USD", |portfolio| portfolio.currency.as_str());
    let mut decisions = Vec::new();

    let changed_files = portfolio_files(change.paths, change.prefix);
    let head_records = records::records(change.head.loaded, change.head.model);
    let mut base_records = records::records(change.base.loaded, change.base.model);
    if !base_needs_every_file(&changed_files) {
        base_records.retain(|record| changed_files.contains(record.file));
        base_records.extend(
            head_records
                .iter()
                .filter(|record| !changed_files.contains(record.file))
                .cloned(),
        );
    }
    for record_change in records::changes(&base_records, &head_records) {
        let mut detected = Detected::new(currency);
        for detect in RECORD_DETECTORS {
            detect(&record_change, &mut detected);
        }
        types::amend_leftover(&record_change, &mut detected);
        decisions.extend(detected.decisions);
    }

    let governance_files: Vec<(String, bool)> = changed_files
        .iter()
        .filter(|file| Kind::of_path(file) == Some(Kind::Governance))
        .map(|file| (file.clone(), change.head.loaded.has_file(file)))
        .collect();
    decisions.extend(types::governance_change(&governance_files));
    decisions.extend(unreadable_files(change, &changed_files));
    decisions.extend(protected(change, protected_paths, &governance_files));

    decisions.sort_by(|a, b| {
        (a.file.as_str(), a.kind, a.subject.as_str()).cmp(&(
            b.file.as_str(),
            b.kind,
            b.subject.as_str(),
        ))
    });
    decisions
}

/// Whether judging a change needs the base's every file. A file the change leaves alone holds
/// the same records in both revisions, so [`classify`] takes them from the head and the base
/// need only hold the files the change touches — unless portfolio.yaml changes, whose `ignore:`
/// decides which files are read at all.
pub fn base_needs_every_file(changed_files: &BTreeSet<String>) -> bool {
    changed_files
        .iter()
        .any(|file| Kind::of_path(file) == Some(Kind::Portfolio))
}

/// The changed paths (relative to the repository's top folder) that lie in the portfolio
/// rooted at `prefix`, relative to that root.
pub fn portfolio_files(paths: &[String], prefix: &str) -> BTreeSet<String> {
    paths
        .iter()
        .filter_map(|path| {
            if prefix.is_empty() {
                Some(path.as_str())
            } else {
                path.strip_prefix(prefix)?.strip_prefix('/')
            }
        })
        .map(str::to_string)
        .collect()
}

/// An `amend-record` that needs the chairman for each changed record file that the head cannot
/// read (a reading or schema error): folio cannot tell what its change decides.
fn unreadable_files(change: &Change<'_>, changed: &BTreeSet<String>) -> Vec<Decision> {
    let mut decisions = Vec::new();
    for file in changed {
        let Some(kind) = Kind::of_path(file) else {
            continue;
        };
        if kind.is_singleton() || !change.head.loaded.has_file(file) {
            continue;
        }
        let unreadable = change.head.findings.iter().find(|finding| {
            finding.file == *file
                && finding.severity == Severity::Error
                && matches!(finding.rule.family, Family::Reading | Family::Schema)
        });
        if let Some(finding) = unreadable {
            let transition = if change.base.loaded.has_file(file) {
                Transition::Changed
            } else {
                Transition::Added
            };
            let reason = format!(
                "{} [{}] at line {}",
                finding.message, finding.rule.name, finding.position.line
            );
            decisions.push(types::amend_unreadable(file, kind, transition, &reason));
        }
    }
    decisions
}

/// A `change-governance` for each changed path that the target's `protected_paths` protect.
fn protected(
    change: &Change<'_>,
    patterns: &[&str],
    governance_files: &[(String, bool)],
) -> Vec<Decision> {
    let mut decisions = Vec::new();
    let mut builder = GlobSetBuilder::new();
    let mut kept = Vec::new();
    for pattern in patterns {
        match GlobBuilder::new(pattern).literal_separator(true).build() {
            Ok(glob) => {
                builder.add(glob);
                kept.push(*pattern);
            }
            Err(error) => {
                if !change.paths.is_empty() {
                    let mut decision = types::protected_path("protected_paths", pattern);
                    decision.summary = format!(
                        "changes files that the protected path {pattern:?} may cover ({})",
                        error.kind()
                    );
                    decision.unreadable = Some(format!(
                        "the protected path {pattern:?} is not a valid glob, so folio cannot tell which files it protects"
                    ));
                    decisions.push(decision);
                }
            }
        }
    }
    let Ok(set) = builder.build() else {
        return decisions;
    };
    let governance_paths: Vec<String> = governance_files
        .iter()
        .map(|(file, _)| repository_path(change.prefix, file))
        .collect();
    for path in change.paths {
        if governance_paths.contains(path) {
            continue;
        }
        if let Some(index) = set.matches(path).first() {
            decisions.push(types::protected_path(path, kept[*index]));
        }
    }
    decisions
}

/// A portfolio file's path relative to the repository's top folder.
pub fn repository_path(prefix: &str, file: &str) -> String {
    if prefix.is_empty() {
        file.to_string()
    } else {
        format!("{prefix}/{file}")
    }
}

/// Why the head cannot be approved: every error in its governance.yaml or portfolio.yaml (a
/// second document or file, a schema error, a missing file…), since its rules are what a merge
/// would put in force.
fn blocked(head: &Revision<'_>) -> Vec<String> {
    let mut reasons: Vec<String> = head
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .filter(|finding| Kind::of_path(&finding.file).is_some_and(Kind::is_singleton))
        .map(|finding| {
            format!(
                "{}:{}: {} [{}]",
                finding.file, finding.position.line, finding.message, finding.rule.name
            )
        })
        .collect();
    reasons.dedup();
    reasons
}
