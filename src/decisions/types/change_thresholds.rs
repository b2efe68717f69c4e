//! `change-thresholds`: portfolio.yaml's `thresholds` change (a key added, removed or changed).

use std::collections::BTreeSet;

use crate::load::node::{Node, NodeValue};

use super::{DecisionType, Definition};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange};
use crate::kind::Kind;

pub static DEFINITION: Definition = Definition {
    name: "change-thresholds",
    made_when: "portfolio.yaml's `thresholds` change",
    facts: &[("changed", FactType::List)],
};

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    if change.kind != Kind::Portfolio {
        return;
    }
    let keys_of = |record: Option<&crate::decisions::records::Record<'_>>| -> BTreeSet<String> {
        match record.and_then(|record| record.document.root().get("thresholds")) {
            Some(Node {
                value: NodeValue::Mapping(entries),
                ..
            }) => entries.iter().map(|entry| entry.key.to_string()).collect(),
            _ => BTreeSet::new(),
        }
    };
    let changed: BTreeSet<String> = match (change.before, change.after) {
        (Some(_), Some(_)) => change
            .governed
            .iter()
            .filter_map(|pointer| pointer.strip_prefix("/thresholds"))
            .flat_map(|rest| match rest.split('/').nth(1) {
                Some(key) => BTreeSet::from([key.to_string()]),
                // the whole `thresholds:` was added or removed
                None => keys_of(change.before)
                    .union(&keys_of(change.after))
                    .cloned()
                    .collect(),
            })
            .collect(),
        (before, after) => keys_of(before.or(after)),
    };
    if changed.is_empty() {
        return;
    }
    out.claim("/thresholds");
    let changed: Vec<String> = changed.into_iter().collect();
    let summary = format!("changes the thresholds {}", changed.join(", "));
    let facts = Facts::new(vec![("changed", Fact::List(changed))]);
    out.decide(
        change,
        DecisionType::ChangeThresholds,
        "/thresholds",
        facts,
        summary,
    );
}
