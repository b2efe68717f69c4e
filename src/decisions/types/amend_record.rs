//! `amend-record`: every other change to a governed field, and every record added or removed
//! that makes no decision above (a new synergy, assessment, value event, metrics period, open
//! conflict or planned initiative; a removed rollback). Also a changed file that folio cannot
//! read, whose change it cannot classify: that one needs the chairman whatever the rights say.

use super::{DecisionType, Definition};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Transition};
use crate::decisions::{Decision, Location};
use crate::kind::Kind;

pub static DEFINITION: Definition = Definition {
    name: "amend-record",
    made_when: "any other change to a governed field, and any record added or removed that makes no decision above; a changed file folio cannot read",
    facts: &[
        ("kind", FactType::Text),
        ("id", FactType::Text),
        ("change", FactType::Text),
        ("fields", FactType::List),
    ],
};

/// The `amend-record` for what the other decisions left unaccounted for in this change.
pub fn leftover(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let transition = change.transition();
    let fields = match transition {
        Transition::Changed => out.unclaimed(change),
        Transition::Added | Transition::Removed => Vec::new(),
    };
    let needed = match transition {
        Transition::Changed => !fields.is_empty(),
        Transition::Added | Transition::Removed => !out.owns_record(),
    };
    if !needed {
        return;
    }
    let noun = change.kind.noun();
    let summary = match transition {
        Transition::Added => format!("adds {noun} {}", change.id),
        Transition::Removed => format!("removes {noun} {}", change.id),
        Transition::Changed => format!("changes {noun} {}: {}", change.id, fields.join(", ")),
    };
    let pointer = fields.first().cloned().unwrap_or_default();
    let facts = Facts::new(vec![
        ("kind", Fact::text(change.kind.slug())),
        ("id", Fact::text(change.id)),
        ("change", Fact::text(transition.as_str())),
        ("fields", Fact::List(fields)),
    ]);
    out.decide(change, DecisionType::AmendRecord, &pointer, facts, summary);
}

/// The `amend-record` for a changed file that folio cannot read (a syntax or schema error): its
/// change cannot be classified, so the chairman decides.
pub fn unreadable(file: &str, kind: Kind, transition: Transition, reason: &str) -> Decision {
    let facts = Facts::new(vec![
        ("kind", Fact::text(kind.slug())),
        ("id", Fact::Absent),
        ("change", Fact::text(transition.as_str())),
        ("fields", Fact::List(Vec::new())),
    ]);
    let mut decision = Decision::new(
        DecisionType::AmendRecord,
        file,
        file,
        Location::Head,
        facts,
        format!(
            "{} {file}, which folio cannot read: {reason}",
            match transition {
                Transition::Added => "adds",
                _ => "changes",
            }
        ),
    );
    decision.unreadable = Some(format!(
        "folio cannot read {file} ({reason}), so it cannot tell what the change decides"
    ));
    decision
}
