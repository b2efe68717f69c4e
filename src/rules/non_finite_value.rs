//! `non-finite-value`: a sum that folio computes from the files is not a finite number.

use std::collections::BTreeMap;

use super::{Context, figure};
use crate::finding::Finding;

declare_rule! {
    /// Checks that every sum folio computes from the files is a finite number: the money and
    /// the hours captured by each initiative and by the whole portfolio (every event counted
    /// once; the gates count recurring value as of their date and fail on a sum that is not
    /// finite), and the allocations of each resource. Each amount is finite on its own, but
    /// two amounts of 1e308 add up to infinity, and infinities of opposite signs to no number
    /// at all.
    ///
    /// ## Why
    ///
    /// A sum that is not a number cannot pass or fail a threshold honestly: infinity makes
    /// every "at least" pass, and NaN makes every comparison false, so a negative total would
    /// never fire the negative-synergy-value trigger.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # value/E1.yaml
    /// id: E1
    /// initiative: AUTH
    /// type: cost-saved
    /// amount: 1e308
    /// unit: usd
    /// date: 2026-10-01
    /// evidence: Invoice 1
    /// ---
    /// id: E2
    /// initiative: AUTH
    /// type: cost-saved
    /// amount: 1e308
    /// unit: usd
    /// date: 2026-10-02
    /// evidence: Invoice 2
    /// ```
    ///
    /// ```yaml
    /// # initiatives/AUTH.yaml
    /// initiative_id: AUTH
    /// name: Shared auth
    /// ventures: [solar, wind]
    /// value_proposition: One login
    /// implementation: [{milestone: Design, deadline: 2026-10-20}]
    /// success_metrics: [{metric: Hours, target: 16}]
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct the amount that is out of all proportion; amounts are in the portfolio's
    /// currency or in hours, not in a scale of their own.
    pub static NON_FINITE_VALUE = {
        name: "non-finite-value",
        severity: Error,
        family: Process,
        summary: "a sum folio computes (value captured, allocations) is not a finite number",
        help: "correct the amount that is out of all proportion",
        check: Some(check),
    };
}

/// A sum added up in file order, so that the finding lands on the amount after which it
/// stops being a number: where the problem becomes visible.
struct RunningSum {
    what: String,
    sum: f64,
    reported: bool,
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let model = context.model;
    let mut sums: BTreeMap<(String, bool), RunningSum> = BTreeMap::new();
    for event in &model.value_events {
        let (Some(amount), Some(unit)) = (event.amount, event.unit) else {
            continue;
        };
        let kind = if unit.is_money() { "money" } else { "hours" };
        let keys = [
            (
                (event.initiative.clone(), unit.is_money()),
                format!("the {kind} captured by initiative {:?}", event.initiative),
            ),
            (
                (String::new(), unit.is_money()),
                format!("the {kind} captured by the portfolio"),
            ),
        ];
        for (key, what) in keys {
            let running = sums.entry(key).or_insert(RunningSum {
                what,
                sum: 0.0,
                reported: false,
            });
            running.sum += amount;
            if !running.sum.is_finite() && !running.reported {
                running.reported = true;
                findings.push(context.at(
                    &NON_FINITE_VALUE,
                    event,
                    "/amount",
                    format!(
                        "{} is {} once this amount of {} is added; expected a finite total",
                        running.what,
                        describe(running.sum),
                        figure(amount)
                    ),
                ));
            }
        }
    }
    for resource in &model.resources {
        let mut sum = 0.0;
        for (venture, amount) in &resource.allocations {
            sum += amount;
            if !sum.is_finite() {
                findings.push(context.at_key(
                    &NON_FINITE_VALUE,
                    resource,
                    &format!(
                        "/allocations/{}",
                        crate::load::node::escape_pointer_token(venture)
                    ),
                    format!(
                        "the allocations of resource {:?} sum to {} once {venture:?} is added; expected a finite total",
                        resource.id,
                        describe(sum)
                    ),
                ));
                break;
            }
        }
    }
}

fn describe(sum: f64) -> &'static str {
    if sum.is_nan() {
        "not a number"
    } else if sum > 0.0 {
        "infinite"
    } else {
        "minus infinity"
    }
}
