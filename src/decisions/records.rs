//! The records of a revision (every typed document, by kind and identity) and what changed
//! between two revisions: each record added, removed or changed, with the governed fields that
//! differ. Records are matched by identity, never by file, so that splitting, merging or
//! renaming files is no change and a changed id is a removal and an addition.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::Value;

use super::facts::Facts;
use super::types::DecisionType;
use super::{Decision, Location};
use crate::kind::Kind;
use crate::load::{Document, Loaded};
use crate::model::{Conflict, Initiative, Item, Model, Portfolio, Resource, Rollback, Venture};
use crate::schema;

/// One typed document of a revision.
#[derive(Clone)]
pub struct Record<'a> {
    pub kind: Kind,
    /// Its identity among its kind: the id, `venture@date` for an assessment, the period for
    /// metrics, `portfolio` for portfolio.yaml.
    pub id: Cow<'a, str>,
    pub file: &'a str,
    /// The document it was read from: its JSON is made when a change compares it.
    pub document: &'a Document,
    pub typed: Typed<'a>,
}

impl Record<'_> {
    /// The record as JSON, as its schema saw it.
    pub fn json(&self) -> Value {
        self.document.root().to_json()
    }
}

/// The typed value of a record, for the kinds whose decisions read more than their JSON.
#[derive(Clone, Copy)]
pub enum Typed<'a> {
    Portfolio(&'a Portfolio),
    Venture(&'a Venture),
    Conflict(&'a Conflict),
    Initiative(&'a Initiative),
    Resource(&'a Resource),
    Rollback(&'a Rollback),
    Plain,
}

/// Every record of a revision except governance, whose every change is `change-governance`.
pub fn records<'a>(loaded: &'a Loaded, model: &'a Model) -> Vec<Record<'a>> {
    let mut records = Vec::new();
    let mut add = |item_document: usize, file: &'a str, kind, id: Cow<'a, str>, typed| {
        if let Some(document) = loaded.documents.get(item_document) {
            records.push(Record {
                kind,
                id,
                file,
                document,
                typed,
            });
        }
    };
    fn place<T>(item: &Item<T>) -> (usize, &str) {
        (item.document, &*item.file)
    }
    if let Some(portfolio) = &model.portfolio {
        let (document, file) = place(portfolio);
        add(
            document,
            file,
            Kind::Portfolio,
            Cow::Borrowed("portfolio"),
            Typed::Portfolio(portfolio),
        );
    }
    for venture in &model.ventures {
        let (document, file) = place(venture);
        add(
            document,
            file,
            Kind::Venture,
            Cow::Borrowed(venture.id.as_str()),
            Typed::Venture(venture),
        );
    }
    for assessment in &model.assessments {
        let (document, file) = place(assessment);
        let id = format!("{}@{}", assessment.venture, assessment.date);
        add(
            document,
            file,
            Kind::Assessment,
            Cow::Owned(id),
            Typed::Plain,
        );
    }
    for synergy in &model.synergies {
        let (document, file) = place(synergy);
        add(
            document,
            file,
            Kind::Synergy,
            Cow::Borrowed(synergy.id.as_str()),
            Typed::Plain,
        );
    }
    for conflict in &model.conflicts {
        let (document, file) = place(conflict);
        add(
            document,
            file,
            Kind::Conflict,
            Cow::Borrowed(conflict.id.as_str()),
            Typed::Conflict(conflict),
        );
    }
    for initiative in &model.initiatives {
        let (document, file) = place(initiative);
        let id = Cow::Borrowed(initiative.initiative_id.as_str());
        add(
            document,
            file,
            Kind::Initiative,
            id,
            Typed::Initiative(initiative),
        );
    }
    for resource in &model.resources {
        let (document, file) = place(resource);
        add(
            document,
            file,
            Kind::Resource,
            Cow::Borrowed(resource.id.as_str()),
            Typed::Resource(resource),
        );
    }
    for event in &model.value_events {
        let (document, file) = place(event);
        add(
            document,
            file,
            Kind::ValueEvent,
            Cow::Borrowed(event.id.as_str()),
            Typed::Plain,
        );
    }
    for metrics in &model.metrics {
        let (document, file) = place(metrics);
        add(
            document,
            file,
            Kind::Metrics,
            Cow::Borrowed(metrics.period.as_str()),
            Typed::Plain,
        );
    }
    for rollback in &model.rollbacks {
        let (document, file) = place(rollback);
        add(
            document,
            file,
            Kind::Rollback,
            Cow::Borrowed(rollback.id.as_str()),
            Typed::Rollback(rollback),
        );
    }
    records
}

/// Which files hold each record identity of a revision. A change is read as far as judging it
/// needs (the files it touches), but a record in a touched file may share its identity with a
/// record in a file the change leaves alone (a duplicate id): that file must be read too, on
/// both sides, or the change would be judged on half the records of that identity.
#[derive(Debug, Clone, Default)]
pub struct Identities {
    files: std::collections::HashMap<(Kind, String), std::collections::BTreeSet<String>>,
}

impl Identities {
    /// The identities of every record of a revision read whole.
    pub fn of(loaded: &Loaded, model: &Model) -> Identities {
        let mut identities = Identities::default();
        identities.add(loaded, model, |_| true);
        identities
    }

    fn add(&mut self, loaded: &Loaded, model: &Model, keep: impl Fn(&str) -> bool) {
        for record in records(loaded, model) {
            if keep(record.file) {
                self.files
                    .entry((record.kind, record.id.into_owned()))
                    .or_default()
                    .insert(record.file.to_string());
            }
        }
    }

    /// The identities of the next revision: these files changed, and `head` holds what they
    /// hold now (it may hold other files too, which did not change).
    pub fn update(
        &mut self,
        changed: &std::collections::BTreeSet<String>,
        head: &Loaded,
        model: &Model,
    ) {
        for files in self.files.values_mut() {
            files.retain(|file| !changed.contains(file));
        }
        self.files.retain(|_, files| !files.is_empty());
        self.add(head, model, |file| changed.contains(file));
    }

    /// The files outside `changed` that hold a record of one of these identities.
    pub fn sharing<'a>(
        &self,
        identities: impl Iterator<Item = (Kind, &'a str)>,
        changed: &std::collections::BTreeSet<String>,
    ) -> std::collections::BTreeSet<String> {
        let mut files = std::collections::BTreeSet::new();
        for (kind, id) in identities {
            if let Some(holding) = self.files.get(&(kind, id.to_string())) {
                files.extend(
                    holding
                        .iter()
                        .filter(|file| !changed.contains(*file))
                        .cloned(),
                );
            }
        }
        files
    }
}

/// Whether a file's text may hold a record of one of these identities (of its kind), read
/// without parsing it: a schema-valid identity is made of letters, digits, `.`, `_` and `-`
/// (an assessment's venture and date joined by `@`), which YAML can write only as they are
/// (folding a line adds a space) or through a double-quoted escape (a `\`). So a text holds
/// one only if it has every part of it, or a backslash. An identity of any other character
/// may be held anywhere.
pub fn may_hold(bytes: &[u8], identities: &[&str]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        // Not UTF-8: the file cannot be read, and holds no record.
        return false;
    };
    text.contains('\\')
        || identities.iter().any(|identity| {
            identity.split('@').all(|part| {
                let plain = part
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || b"._-".contains(&byte));
                !plain || part.is_empty() || text.contains(part)
            })
        })
}

/// How a record fared between the two revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Added,
    Removed,
    Changed,
}

impl Transition {
    pub fn as_str(self) -> &'static str {
        match self {
            Transition::Added => "added",
            Transition::Removed => "removed",
            Transition::Changed => "changed",
        }
    }
}

/// One record's change: the record in base and in head (one may be missing), and for a changed
/// record the JSON pointers of the governed fields that differ.
pub struct RecordChange<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub before: Option<&'a Record<'a>>,
    pub after: Option<&'a Record<'a>>,
    pub governed: Vec<String>,
}

impl<'a> RecordChange<'a> {
    pub fn transition(&self) -> Transition {
        match (self.before, self.after) {
            (None, _) => Transition::Added,
            (_, None) => Transition::Removed,
            _ => Transition::Changed,
        }
    }

    /// The typed record on each side, when this change is of the kind `pick` accepts.
    pub fn typed<T: ?Sized>(
        &self,
        pick: impl Fn(Typed<'a>) -> Option<&'a T>,
    ) -> (Option<&'a T>, Option<&'a T>) {
        (
            self.before.and_then(|record| pick(record.typed)),
            self.after.and_then(|record| pick(record.typed)),
        )
    }

    /// Whether a governed field at or under `pointer` differs.
    pub fn touches(&self, pointer: &str) -> bool {
        self.governed.iter().any(|changed| under(changed, pointer))
    }

    /// The file and side a decision about this record is shown at: head, unless removed.
    fn place(&self) -> (&'a str, Location) {
        match (self.after, self.before) {
            (Some(after), _) => (after.file, Location::Head),
            (None, Some(before)) => (before.file, Location::Base),
            (None, None) => ("", Location::Head),
        }
    }
}

/// Whether `pointer` is `prefix` or lies under it.
fn under(pointer: &str, prefix: &str) -> bool {
    pointer == prefix
        || (pointer.starts_with(prefix) && pointer.as_bytes().get(prefix.len()) == Some(&b'/'))
        || prefix.is_empty()
}

/// Every record that differs between `base` and `head`, by kind and identity.
pub fn changes<'a>(base: &'a [Record<'a>], head: &'a [Record<'a>]) -> Vec<RecordChange<'a>> {
    type Sides<'a> = (Vec<&'a Record<'a>>, Vec<&'a Record<'a>>);
    let mut groups: BTreeMap<(Kind, &str), Sides<'a>> = BTreeMap::new();
    for record in base {
        groups
            .entry((record.kind, record.id.as_ref()))
            .or_default()
            .0
            .push(record);
    }
    for record in head {
        groups
            .entry((record.kind, record.id.as_ref()))
            .or_default()
            .1
            .push(record);
    }
    let mut changes = Vec::new();
    for ((kind, id), (before, after)) in groups {
        let pair = |before: Option<&'a Record<'a>>, after: Option<&'a Record<'a>>| {
            let governed = match (before, after) {
                // A document read once serves both revisions: the same tree is no change.
                (Some(before), Some(after)) if before.document.same_reading(after.document) => {
                    Vec::new()
                }
                (Some(before), Some(after)) => {
                    governed_changes(kind, &before.json(), &after.json())
                }
                _ => Vec::new(),
            };
            let unchanged = before.is_some() && after.is_some() && governed.is_empty();
            (!unchanged).then_some(RecordChange {
                kind,
                id,
                before,
                after,
                governed,
            })
        };
        if before.len() <= 1 && after.len() <= 1 {
            changes.extend(pair(before.first().copied(), after.first().copied()));
            continue;
        }
        // Several records share this identity (a `duplicate-id`): folio cannot tell which one
        // the change decides, so it reads every pairing, and each decision any of them makes
        // is required.
        let text = |records: &[&Record<'_>]| {
            let mut texts: Vec<String> = records.iter().map(|r| r.json().to_string()).collect();
            texts.sort();
            texts
        };
        if text(&before) == text(&after) {
            continue;
        }
        if after.is_empty() {
            changes.extend(before.iter().filter_map(|b| pair(Some(b), None)));
        }
        for a in &after {
            if before.is_empty() {
                changes.extend(pair(None, Some(a)));
            }
            for b in &before {
                changes.extend(pair(Some(b), Some(a)));
            }
        }
    }
    changes
}

/// The JSON pointers of the governed fields that differ between two versions of a record:
/// every differing field except those the kind's schema marks narrative.
pub fn governed_changes(kind: Kind, before: &Value, after: &Value) -> Vec<String> {
    let mut changed = Vec::new();
    differences(before, after, &mut String::new(), &mut changed);
    let Ok(compiled) = schema::compiled(kind) else {
        // A schema that does not compile (a bug) marks nothing narrative.
        return changed;
    };
    changed.retain(|pointer| !compiled.is_narrative(pointer));
    changed
}

/// Collects the pointers where two JSON values differ: the deepest differing field, or the
/// whole list when a list's length changes. Numbers compare by value (`2` is `2.0`).
fn differences(before: &Value, after: &Value, pointer: &mut String, out: &mut Vec<String>) {
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let length = pointer.len();
                pointer.push('/');
                pointer.push_str(&crate::load::node::escape_pointer_token(key));
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => differences(x, y, pointer, out),
                    _ => out.push(pointer.clone()),
                }
                pointer.truncate(length);
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                let length = pointer.len();
                pointer.push('/');
                pointer.push_str(&index.to_string());
                differences(x, y, pointer, out);
                pointer.truncate(length);
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            let same = match (a.as_i64(), b.as_i64()) {
                (Some(x), Some(y)) => x == y,
                _ => a.as_f64() == b.as_f64(),
            };
            if !same {
                out.push(pointer.clone());
            }
        }
        (a, b) => {
            if a != b {
                out.push(pointer.clone());
            }
        }
    }
}

/// What the detectors found in one record's change: the decisions, and which governed fields
/// (or the whole addition or removal) those decisions account for.
pub struct Detected<'a> {
    /// The portfolio's currency, for the sentences that name money.
    pub currency: &'a str,
    pub decisions: Vec<Decision>,
    claimed: Vec<String>,
    owns_record: bool,
}

impl<'a> Detected<'a> {
    pub fn new(currency: &'a str) -> Detected<'a> {
        Detected {
            currency,
            decisions: Vec::new(),
            claimed: Vec::new(),
            owns_record: false,
        }
    }

    /// A decision about this record, shown at `pointer` of its file.
    pub fn decide(
        &mut self,
        change: &RecordChange<'_>,
        kind: DecisionType,
        pointer: &str,
        facts: Facts,
        summary: String,
    ) {
        let (file, location) = change.place();
        self.decisions.push(Decision {
            kind,
            subject: change.id.to_string(),
            file: file.to_string(),
            summary,
            facts,
            requires: Vec::new(),
            unreadable: None,
            pointer: if location == Location::Base {
                String::new()
            } else {
                pointer.to_string()
            },
            location,
        });
    }

    /// The governed fields at or under `pointer` are accounted for by a decision.
    pub fn claim(&mut self, pointer: &str) {
        self.claimed.push(pointer.to_string());
    }

    /// The record's addition or removal is accounted for by a decision (a venture added is an
    /// `add-venture`, not also an `amend-record`).
    pub fn own_record(&mut self) {
        self.owns_record = true;
    }

    pub fn owns_record(&self) -> bool {
        self.owns_record
    }

    /// The governed fields that no decision accounts for.
    pub fn unclaimed(&self, change: &RecordChange<'_>) -> Vec<String> {
        change
            .governed
            .iter()
            .filter(|pointer| !self.claimed.iter().any(|claim| under(pointer, claim)))
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_text_may_hold_an_identity_written_as_it_is_or_escaped() {
        let text = b"id: venture-a\ndate: 2026-10-01\n";
        assert!(may_hold(text, &["venture-a"]));
        assert!(may_hold(text, &["venture-a@2026-10-01"]));
        assert!(!may_hold(text, &["venture-a@2026-10-02"]), "both parts");
        assert!(!may_hold(text, &["venture-b"]));
        assert!(
            may_hold(b"id: \"\\x76enture-b\"\n", &["venture-b"]),
            "an escape"
        );
        assert!(may_hold(b"id: x\n", &["not plain"]), "any other character");
        assert!(
            !may_hold(b"id: venture-b\xff\n", &["venture-b"]),
            "not UTF-8"
        );
    }

    #[test]
    fn differences_are_the_deepest_fields_and_numbers_compare_by_value() {
        let before = json!({"a": 2, "b": {"c": "x", "d": [1, 2]}, "e": [1], "g": "same"});
        let after =
            json!({"a": 2.0, "b": {"c": "y", "d": [1, 3]}, "e": [1, 2], "f": true, "g": "same"});
        let mut out = Vec::new();
        differences(&before, &after, &mut String::new(), &mut out);
        assert_eq!(out, ["/b/c", "/b/d/1", "/e", "/f"]);
    }

    #[test]
    fn narrative_fields_are_free_and_every_other_field_is_governed() {
        let before = json!({"id": "v", "name": "Old", "status": "active", "kind": "Venture"});
        let after = json!({"id": "v", "name": "New", "status": "paused"});
        assert_eq!(
            governed_changes(Kind::Venture, &before, &after),
            ["/status"]
        );
        let plan = json!({"implementation": [{"milestone": "A", "deadline": "2026-01-01"}]});
        let renamed = json!({"implementation": [{"milestone": "B", "deadline": "2026-01-01"}]});
        let moved = json!({"implementation": [{"milestone": "A", "deadline": "2026-02-01"}]});
        assert!(governed_changes(Kind::Initiative, &plan, &renamed).is_empty());
        assert_eq!(
            governed_changes(Kind::Initiative, &plan, &moved),
            ["/implementation/0/deadline"]
        );
    }
}
