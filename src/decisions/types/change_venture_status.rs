//! `change-venture-status`: a venture's status changes to anything but sunset.

use super::{DecisionType, Definition};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};
use crate::model::venture::VentureStatus;

pub static DEFINITION: Definition = Definition {
    name: "change-venture-status",
    made_when: "any other status change of a venture",
    facts: &[
        ("venture", FactType::Text),
        ("from", FactType::Text),
        ("to", FactType::Text),
    ],
};

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let (Some(before), Some(after)) = change.typed(|typed| match typed {
        Typed::Venture(venture) => Some(venture),
        _ => None,
    }) else {
        return;
    };
    if before.status == after.status || after.status == VentureStatus::Sunset {
        return;
    }
    out.claim("/status");
    let (from, to) = (before.status.as_str(), after.status.as_str());
    let summary = format!("changes venture {} from {from} to {to}", change.id);
    let facts = Facts::new(vec![
        ("venture", Fact::text(change.id)),
        ("from", Fact::text(from)),
        ("to", Fact::text(to)),
    ]);
    out.decide(
        change,
        DecisionType::ChangeVentureStatus,
        "/status",
        facts,
        summary,
    );
}
