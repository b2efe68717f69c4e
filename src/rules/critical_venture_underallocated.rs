//! `critical-venture-underallocated`: a critical venture gets less than a non-critical one.

use super::{Context, figure};
use crate::finding::Finding;
use crate::load::node::escape_pointer_token;

declare_rule! {
    /// Flags a critical venture that is allocated less of a resource than a non-critical
    /// venture on the same resource. Only ventures that hold some of the resource are compared:
    /// an allocation of 0 is the same as none (the venture does not use the resource).
    ///
    /// ## Why
    ///
    /// The SOP gives critical ventures priority when ventures compete for a shared resource.
    /// Giving one less may be deliberate (it needs less), but the chairman should see it.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: solar
    /// name: Solar
    /// status: active
    /// critical: true
    /// ```
    ///
    /// ```yaml
    /// # ventures/wind.yaml
    /// id: wind
    /// name: Wind
    /// status: active
    /// ```
    ///
    /// ```yaml
    /// # resources/platform-team.yaml
    /// id: platform-team
    /// name: Platform team
    /// type: talent
    /// unit: percent
    /// capacity: 100
    /// allocations: {solar: 20, wind: 60}
    /// holders: [Ada, Grace]
    /// ```
    ///
    /// ## Fix
    ///
    /// Give the critical venture at least as much, or record why it needs less.
    pub static CRITICAL_VENTURE_UNDERALLOCATED = {
        name: "critical-venture-underallocated",
        severity: Advisory,
        family: Allocation,
        summary: "a critical venture is allocated less than a non-critical one",
        help: "give the critical venture priority, or record why it needs less",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let model = context.model;
    for resource in &model.resources {
        let critical = |id: &str| model.venture(id).is_some_and(|venture| venture.critical);
        // The non-critical venture that gets the most, to compare each critical one with.
        let Some((top, top_amount)) = resource
            .allocations
            .iter()
            .filter(|(id, _)| model.venture(id).is_some() && !critical(id))
            .max_by(|a, b| a.1.total_cmp(b.1))
        else {
            continue;
        };
        for (id, amount) in &resource.allocations {
            if critical(id) && *amount > 0.0 && amount < top_amount {
                findings.push(context.at_key(
                    &CRITICAL_VENTURE_UNDERALLOCATED,
                    resource,
                    &format!("/allocations/{}", escape_pointer_token(id)),
                    format!(
                        "critical venture {id:?} gets {} {} of {:?} while non-critical {top:?} gets {}; expected critical ventures to get at least as much",
                        figure(*amount),
                        resource.unit,
                        resource.id,
                        figure(*top_amount)
                    ),
                ));
            }
        }
    }
}
