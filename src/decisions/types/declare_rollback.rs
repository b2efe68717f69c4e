//! `declare-rollback`: a rollback is added. Removing or changing one (closing it) is an
//! `amend-record`.

use super::{DecisionType, Definition};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};

pub static DEFINITION: Definition = Definition {
    name: "declare-rollback",
    made_when: "a rollback is added",
    facts: &[("rollback", FactType::Text), ("trigger", FactType::Text)],
};

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let (None, Some(after)) = change.typed(|typed| match typed {
        Typed::Rollback(rollback) => Some(rollback),
        _ => None,
    }) else {
        return;
    };
    out.own_record();
    let summary = format!(
        "declares rollback {} (trigger {})",
        change.id, after.trigger
    );
    let facts = Facts::new(vec![
        ("rollback", Fact::text(change.id)),
        ("trigger", Fact::text(after.trigger.clone())),
    ]);
    out.decide(change, DecisionType::DeclareRollback, "/id", facts, summary);
}
