//! `change-initiative-budget`: an initiative's budget rises (a budget given where there was none
//! rises from nothing). A budget that falls or is removed is an `amend-record`.

use super::{DecisionType, Definition, money};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};

pub static DEFINITION: Definition = Definition {
    name: "change-initiative-budget",
    made_when: "an initiative's budget rises (from none counts as from 0)",
    facts: &[
        ("initiative", FactType::Text),
        ("budget", FactType::Number),
        ("increase", FactType::Number),
    ],
};

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let (Some(before), Some(after)) = change.typed(|typed| match typed {
        Typed::Initiative(initiative) => Some(initiative),
        _ => None,
    }) else {
        return;
    };
    let Some(budget) = after.budget else { return };
    let previous = before.budget.unwrap_or(0.0);
    if budget <= previous {
        return;
    }
    out.claim("/budget");
    let increase = budget - previous;
    let summary = match before.budget {
        Some(_) => format!(
            "raises the budget of initiative {} from {} to {} (+{})",
            change.id,
            money(previous, out.currency),
            money(budget, out.currency),
            money(increase, out.currency)
        ),
        None => format!(
            "gives initiative {} a budget of {} (it had none)",
            change.id,
            money(budget, out.currency)
        ),
    };
    let facts = Facts::new(vec![
        ("initiative", Fact::text(change.id)),
        ("budget", Fact::Number(budget)),
        ("increase", Fact::Number(increase)),
    ]);
    out.decide(
        change,
        DecisionType::ChangeInitiativeBudget,
        "/budget",
        facts,
        summary,
    );
}
