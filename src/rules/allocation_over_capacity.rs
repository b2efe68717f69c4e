//! `allocation-over-capacity`: a resource gives out more than it has.

use super::{Context, figure};
use crate::finding::Finding;

declare_rule! {
    /// Checks that the allocations of a resource sum to at most its `capacity`.
    ///
    /// ## Why
    ///
    /// An over-allocated team or budget is a conflict waiting to happen: some venture will not
    /// get what the matrix promises it.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # resources/platform-team.yaml
    /// id: platform-team
    /// name: Platform team
    /// type: talent
    /// unit: percent
    /// capacity: 100
    /// allocations: {solar: 70, wind: 50}
    /// ```
    ///
    /// ## Fix
    ///
    /// Lower the allocations, or raise the capacity (a resource expansion).
    pub static ALLOCATION_OVER_CAPACITY = {
        name: "allocation-over-capacity",
        severity: Error,
        family: Allocation,
        summary: "a resource's allocations exceed its capacity",
        help: "lower the allocations or raise the capacity",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    for resource in &context.model.resources {
        let allocated = resource.allocated();
        if allocated > resource.capacity + 1e-9 {
            let parts: Vec<String> = resource
                .allocations
                .iter()
                .map(|(venture, amount)| format!("{venture} {}", figure(*amount)))
                .collect();
            findings.push(context.at(
                &ALLOCATION_OVER_CAPACITY,
                resource,
                "/capacity",
                format!(
                    "allocations sum to {} {} ({}); expected at most the capacity {}",
                    figure(allocated),
                    resource.unit,
                    parts.join(", "),
                    figure(resource.capacity)
                ),
            ));
        }
    }
}
