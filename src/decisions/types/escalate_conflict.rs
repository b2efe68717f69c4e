//! `escalate-conflict`: a conflict becomes escalated, or is added escalated.

use super::{DecisionType, Definition};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};
use crate::model::conflict::ConflictStatus;

pub static DEFINITION: Definition = Definition {
    name: "escalate-conflict",
    made_when: "a conflict becomes escalated, or is added escalated",
    facts: &[("conflict", FactType::Text)],
};

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let (before, after) = change.typed(|typed| match typed {
        Typed::Conflict(conflict) => Some(conflict),
        _ => None,
    });
    let Some(after) = after else { return };
    let was = before.map(|before| before.status);
    if after.status != ConflictStatus::Escalated || was == Some(ConflictStatus::Escalated) {
        return;
    }
    if before.is_none() {
        out.own_record();
    }
    out.claim("/status");
    let summary = match was {
        Some(was) => format!("escalates conflict {} (was {})", change.id, was.as_str()),
        None => format!("adds conflict {} as escalated", change.id),
    };
    let facts = Facts::new(vec![("conflict", Fact::text(change.id))]);
    out.decide(
        change,
        DecisionType::EscalateConflict,
        "/status",
        facts,
        summary,
    );
}
