//! `resolve-conflict`: a conflict becomes resolved (or is added resolved), or leaves `escalated`
//! by any other route: back to open, or removed (a renamed conflict is a removal and an
//! addition). The fact `escalated` says whether it was escalated, so that a governance that
//! reserves escalated conflicts for the chairman cannot be walked around.

use super::{DecisionType, Definition};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};
use crate::model::conflict::ConflictStatus;

pub static DEFINITION: Definition = Definition {
    name: "resolve-conflict",
    made_when: "a conflict becomes resolved (or is added resolved), or leaves escalated by any route (back to open, removed, renamed)",
    facts: &[("conflict", FactType::Text), ("escalated", FactType::Flag)],
};

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let (before, after) = change.typed(|typed| match typed {
        Typed::Conflict(conflict) => Some(conflict),
        _ => None,
    });
    let was = before.map(|before| before.status);
    let escalated = was == Some(ConflictStatus::Escalated);
    let summary = match after.map(|after| after.status) {
        Some(ConflictStatus::Resolved) if was != Some(ConflictStatus::Resolved) => {
            if before.is_none() {
                out.own_record();
            }
            for resolution in ["/status", "/strategy", "/resolution", "/resolved_on"] {
                out.claim(resolution);
            }
            match was {
                Some(was) => format!("resolves conflict {} (was {})", change.id, was.as_str()),
                None => format!("adds conflict {} as resolved", change.id),
            }
        }
        Some(ConflictStatus::Open) if escalated => {
            out.claim("/status");
            format!(
                "takes conflict {} out of escalation (escalated → open)",
                change.id
            )
        }
        None if escalated => {
            out.own_record();
            format!("removes conflict {}, which was escalated", change.id)
        }
        _ => return,
    };
    let facts = Facts::new(vec![
        ("conflict", Fact::text(change.id)),
        ("escalated", Fact::Flag(escalated)),
    ]);
    out.decide(
        change,
        DecisionType::ResolveConflict,
        "/status",
        facts,
        summary,
    );
}
