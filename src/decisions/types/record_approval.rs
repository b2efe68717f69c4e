//! `record-approval`: an `approved_by` is added or changed on an initiative, a resource or a
//! conflict. The file claims that a role approved; the decision needs that role's approval
//! itself, whatever the decision rights say.

use super::{DecisionType, Definition};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};

pub static DEFINITION: Definition = Definition {
    name: "record-approval",
    made_when: "an `approved_by` is added or changed (it also needs the role it names)",
    facts: &[
        ("role", FactType::Text),
        ("artifact", FactType::Text),
        ("kind", FactType::Text),
    ],
};

fn approved_by(typed: crate::decisions::records::Typed<'_>) -> Option<Option<&str>> {
    match typed {
        Typed::Initiative(initiative) => Some(initiative.approved_by.as_deref()),
        Typed::Resource(resource) => Some(resource.approved_by.as_deref()),
        Typed::Conflict(conflict) => Some(conflict.approved_by.as_deref()),
        _ => None,
    }
}

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let Some(after) = change.after.and_then(|record| approved_by(record.typed)) else {
        return;
    };
    let before = change
        .before
        .and_then(|record| approved_by(record.typed))
        .flatten();
    let Some(role) = after.filter(|role| Some(*role) != before) else {
        return;
    };
    out.claim("/approved_by");
    let kind = change.kind.slug();
    let summary = format!("records that the {role} approved {kind} {}", change.id);
    let facts = Facts::new(vec![
        ("role", Fact::text(role)),
        ("artifact", Fact::text(change.id)),
        ("kind", Fact::text(kind)),
    ]);
    out.decide(
        change,
        DecisionType::RecordApproval,
        "/approved_by",
        facts,
        summary,
    );
}
