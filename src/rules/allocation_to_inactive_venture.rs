//! `allocation-to-inactive-venture`: a resource allocated to a venture that no longer runs.

use super::Context;
use crate::finding::Finding;
use crate::load::node::escape_pointer_token;

declare_rule! {
    /// Checks that a resource allocates a non-zero amount only to ventures that are still
    /// running: `active` or `paused`, not `sunset`, `completed` or `archived`.
    ///
    /// ## Why
    ///
    /// Capacity held by a venture that has ended is capacity the running ventures cannot use;
    /// a sunset should release its allocations.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: solar
    /// name: Solar
    /// status: sunset
    /// ```
    ///
    /// ```yaml
    /// # resources/platform-team.yaml
    /// id: platform-team
    /// name: Platform team
    /// type: talent
    /// unit: percent
    /// capacity: 100
    /// allocations: {solar: 30}
    /// ```
    ///
    /// ## Fix
    ///
    /// Remove the allocation (or set it to 0), and give the capacity to a running venture.
    pub static ALLOCATION_TO_INACTIVE_VENTURE = {
        name: "allocation-to-inactive-venture",
        severity: Error,
        family: Allocation,
        summary: "a resource is allocated to a venture that is no longer running",
        help: "release the allocation of a venture that has ended",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    for resource in &context.model.resources {
        for (id, amount) in &resource.allocations {
            let Some(venture) = context.model.venture(id) else {
                continue;
            };
            if *amount > 0.0 && !venture.status.is_running() {
                let (file, _) = context.position_of(venture, "/status");
                findings.push(context.at_key(
                    &ALLOCATION_TO_INACTIVE_VENTURE,
                    resource,
                    &format!("/allocations/{}", escape_pointer_token(id)),
                    format!(
                        "venture {id:?} is {} (in {file}) but still holds {} {}; expected allocations only to active or paused ventures",
                        venture.status.as_str(),
                        super::figure(*amount),
                        resource.unit
                    ),
                ));
            }
        }
    }
}
