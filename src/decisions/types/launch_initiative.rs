//! `launch-initiative`: an initiative enters one of the states the gates count as launched
//! (launched, in-progress, completed), or is added in one. Skipping `launched` (planned →
//! completed) is still a launch, and a launch with no `budget` has an absent budget, never 0.

use super::{DecisionType, Definition, money};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};

pub static DEFINITION: Definition = Definition {
    name: "launch-initiative",
    made_when: "an initiative enters launched, in-progress or completed (the states the gates count as launched), or is added in one",
    facts: &[
        ("initiative", FactType::Text),
        ("budget", FactType::Number),
        ("ventures", FactType::List),
    ],
};

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let (before, after) = change.typed(|typed| match typed {
        Typed::Initiative(initiative) => Some(initiative),
        _ => None,
    });
    let Some(after) = after else { return };
    if !after.status.is_launched() || before.is_some_and(|before| before.status.is_launched()) {
        return;
    }
    if before.is_none() {
        out.own_record();
    }
    out.claim("/status");
    out.claim("/launched_on");
    let budget = match after.budget {
        Some(budget) => format!("a budget of {}", money(budget, out.currency)),
        None => "no budget stated".to_string(),
    };
    let summary = format!(
        "launches initiative {} ({}) with {budget}, across {}",
        change.id,
        after.status.as_str(),
        after.ventures.join(", ")
    );
    let facts = Facts::new(vec![
        ("initiative", Fact::text(change.id)),
        ("budget", Fact::number(after.budget)),
        ("ventures", Fact::List(after.ventures.clone())),
    ]);
    out.decide(
        change,
        DecisionType::LaunchInitiative,
        "/status",
        facts,
        summary,
    );
}
