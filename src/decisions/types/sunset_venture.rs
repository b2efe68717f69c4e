//! `sunset-venture`: a venture becomes sunset, or its record is removed (whatever its status:
//! a venture that leaves the portfolio is sunset).

use super::{DecisionType, Definition};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};
use crate::model::venture::VentureStatus;

pub static DEFINITION: Definition = Definition {
    name: "sunset-venture",
    made_when: "a venture becomes sunset, or its record is removed",
    facts: &[("venture", FactType::Text)],
};

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let summary = match change.typed(|typed| match typed {
        Typed::Venture(venture) => Some(venture),
        _ => None,
    }) {
        (Some(before), Some(after))
            if after.status == VentureStatus::Sunset && before.status != VentureStatus::Sunset =>
        {
            out.claim("/status");
            format!(
                "sunsets venture {} (was {})",
                change.id,
                before.status.as_str()
            )
        }
        (Some(before), None) => {
            out.own_record();
            format!(
                "removes venture {} (was {}): it leaves the portfolio",
                change.id,
                before.status.as_str()
            )
        }
        _ => return,
    };
    let facts = Facts::new(vec![("venture", Fact::text(change.id))]);
    out.decide(
        change,
        DecisionType::SunsetVenture,
        "/status",
        facts,
        summary,
    );
}
