//! `add-venture`: a venture is added to the portfolio.

use super::{DecisionType, Definition};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};

pub static DEFINITION: Definition = Definition {
    name: "add-venture",
    made_when: "a venture is added",
    facts: &[("venture", FactType::Text), ("status", FactType::Text)],
};

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let (None, Some(after)) = change.typed(|typed| match typed {
        Typed::Venture(venture) => Some(venture),
        _ => None,
    }) else {
        return;
    };
    out.own_record();
    let summary = format!("adds venture {} ({})", change.id, after.status.as_str());
    let facts = Facts::new(vec![
        ("venture", Fact::text(change.id)),
        ("status", Fact::text(after.status.as_str())),
    ]);
    out.decide(change, DecisionType::AddVenture, "/id", facts, summary);
}
