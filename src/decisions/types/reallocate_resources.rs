//! `reallocate-resources`: a resource's allocations or capacity change, or a resource with
//! allocations is added or removed (a changed id is a removal and an addition).
//!
//! `moved` is the larger of what was given and what was taken, so new money counts in full;
//! `shift_pct` is `moved` against the larger of the two capacities (100 for a resource added or
//! removed, or whose unit changes); `amount` is the money value of the shift per year, priced
//! at the higher of the base's and the head's pricing, and absent when either side cannot be
//! priced (a talent resource without `unit_cost`).
//!
//! The decision is made when the capacity changes, but does not account for the new capacity
//! itself: like `unit` and `unit_cost`, a capacity change is also an `amend-record`, so that a
//! capacity inflated beside a shift (to make the shift look small against it) still needs
//! whoever governs amendments.

use super::{DecisionType, Definition, money};
use crate::decisions::facts::{Fact, FactType, Facts};
use crate::decisions::records::{Detected, RecordChange, Typed};
use crate::model::Resource;
use crate::numbers::figure;

pub static DEFINITION: Definition = Definition {
    name: "reallocate-resources",
    made_when: "a resource's allocations or capacity change, or a resource with allocations is added or removed (a changed id is a removal and an addition)",
    facts: &[
        ("resource", FactType::Text),
        ("shift_pct", FactType::Number),
        ("moved", FactType::Number),
        ("amount", FactType::Number),
    ],
};

/// What a shift of `moved` units of `resource` is worth per year, if it can be priced.
fn yearly_value(resource: &Resource, moved: f64) -> Option<f64> {
    match resource.unit.as_str() {
        "usd" => Some(moved),
        "usd-per-month" => Some(moved * 12.0),
        _ => resource.unit_cost.map(|cost| moved * cost * 12.0),
    }
}

/// max(Σ increases, Σ decreases) over every venture either side allocates to.
pub fn moved(before: &Resource, after: &Resource) -> f64 {
    let mut increases = 0.0;
    let mut decreases = 0.0;
    let ventures = before.allocations.keys().chain(after.allocations.keys());
    let mut seen = std::collections::BTreeSet::new();
    for venture in ventures.filter(|venture| seen.insert(*venture)) {
        let was = before.allocations.get(venture).copied().unwrap_or(0.0);
        let is = after.allocations.get(venture).copied().unwrap_or(0.0);
        if is > was {
            increases += is - was;
        } else {
            decreases += was - is;
        }
    }
    f64::max(increases, decreases)
}

pub fn detect(change: &RecordChange<'_>, out: &mut Detected<'_>) {
    let (before, after) = change.typed(|typed| match typed {
        Typed::Resource(resource) => Some(resource),
        _ => None,
    });
    let (moved, shift_pct, amount, how) = match (before, after) {
        (None, Some(after)) if !after.allocations.is_empty() => {
            out.own_record();
            let moved = after.allocated();
            (moved, 100.0, yearly_value(after, moved), "adds")
        }
        (Some(before), None) if !before.allocations.is_empty() => {
            out.own_record();
            let moved = before.allocated();
            (moved, 100.0, yearly_value(before, moved), "removes")
        }
        (Some(before), Some(after))
            if change.touches("/allocations") || change.touches("/capacity") =>
        {
            out.claim("/allocations");
            let (moved, shift_pct) = if before.unit != after.unit {
                // Re-denominated: the numbers of the two sides do not compare, so everything
                // may have moved.
                let moved = moved(before, after)
                    .max(before.allocated())
                    .max(after.allocated());
                (moved, 100.0)
            } else {
                let moved = moved(before, after);
                let capacity = before.capacity.max(after.capacity);
                let shift_pct = if capacity > 0.0 {
                    moved / capacity * 100.0
                } else if moved > 0.0 {
                    100.0
                } else {
                    0.0
                };
                (moved, shift_pct)
            };
            let amount = match (yearly_value(before, moved), yearly_value(after, moved)) {
                (Some(base), Some(head)) => Some(base.max(head)),
                _ => None,
            };
            (moved, shift_pct, amount, "shifts")
        }
        _ => return,
    };
    let Some(resource) = after.or(before) else {
        return;
    };
    let value = match amount {
        Some(amount) => format!("{} a year", money(amount, out.currency)),
        None => "its value a year unknown (no `unit_cost` to price it)".to_string(),
    };
    let summary = match how {
        "shifts" => format!(
            "shifts {}% of {} ({} {} moved), {value}",
            figure(shift_pct),
            resource.name,
            figure(moved),
            resource.unit
        ),
        _ => format!(
            "{how} resource {} ({}) with {} {} allocated, {value}",
            change.id,
            resource.name,
            figure(moved),
            resource.unit
        ),
    };
    let facts = Facts::new(vec![
        ("resource", Fact::text(change.id)),
        ("shift_pct", Fact::Number(shift_pct)),
        ("moved", Fact::Number(moved)),
        ("amount", Fact::number(amount)),
    ]);
    out.decide(
        change,
        DecisionType::ReallocateResources,
        "/allocations",
        facts,
        summary,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn resource(
        unit: &str,
        capacity: f64,
        allocations: &[(&str, f64)],
        cost: Option<f64>,
    ) -> Resource {
        Resource {
            id: "r".into(),
            name: "R".into(),
            kind: crate::model::resource::ResourceType::Talent,
            unit: unit.into(),
            capacity,
            allocations: allocations
                .iter()
                .map(|(venture, amount)| (venture.to_string(), *amount))
                .collect::<BTreeMap<_, _>>(),
            holders: Vec::new(),
            unit_cost: cost,
            approved_by: None,
        }
    }

    #[test]
    fn new_money_counts_in_full() {
        let before = resource("usd", 100.0, &[("a", 50.0), ("b", 50.0)], None);
        let raised = resource("usd", 200.0, &[("a", 150.0), ("b", 50.0)], None);
        assert_eq!(moved(&before, &raised), 100.0);
        let swapped = resource("usd", 100.0, &[("a", 30.0), ("b", 70.0)], None);
        assert_eq!(moved(&before, &swapped), 20.0);
    }

    #[test]
    fn a_shift_is_priced_at_the_higher_pricing() {
        let cheap = resource("percent", 100.0, &[], Some(100.0));
        let dear = resource("percent", 100.0, &[], Some(1000.0));
        assert_eq!(yearly_value(&cheap, 10.0), Some(12_000.0));
        assert_eq!(yearly_value(&dear, 10.0), Some(120_000.0));
        assert_eq!(
            yearly_value(&resource("percent", 1.0, &[], None), 10.0),
            None
        );
        assert!(
            yearly_value(&resource("percent", 1.0, &[], Some(1e308)), 10.0)
                .is_some_and(|value| !value.is_finite())
        );
    }
}
