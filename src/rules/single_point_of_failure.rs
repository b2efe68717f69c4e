//! `single-point-of-failure`: one person shared between several ventures.

use super::Context;
use crate::finding::Finding;
use crate::model::resource::ResourceType;

declare_rule! {
    /// Flags a talent resource with exactly one holder that is allocated to two or more
    /// ventures.
    ///
    /// ## Why
    ///
    /// When that one person is ill, leaves or is overloaded, every venture that depends on
    /// them stalls at once.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # resources/security-lead.yaml
    /// id: security-lead
    /// name: Security lead
    /// type: talent
    /// unit: percent
    /// capacity: 100
    /// allocations: {solar: 50, wind: 50}
    /// holders: [Ada]
    /// ```
    ///
    /// ## Fix
    ///
    /// Name a second holder (a deputy), or let one venture own the role.
    pub static SINGLE_POINT_OF_FAILURE = {
        name: "single-point-of-failure",
        severity: Warning,
        family: Allocation,
        summary: "one person is shared between two or more ventures",
        help: "name a second holder, or let one venture own the role",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    for resource in &context.model.resources {
        if resource.kind != ResourceType::Talent || resource.holders.len() != 1 {
            continue;
        }
        let ventures: Vec<&str> = resource
            .allocations
            .iter()
            .filter(|(_, amount)| **amount > 0.0)
            .map(|(venture, _)| venture.as_str())
            .collect();
        if ventures.len() >= 2 {
            findings.push(context.at(
                &SINGLE_POINT_OF_FAILURE,
                resource,
                "/holders/0",
                format!(
                    "{:?} is the only holder of {:?}, shared by {} ventures ({}); expected a second holder",
                    resource.holders[0],
                    resource.id,
                    ventures.len(),
                    ventures.join(", ")
                ),
            ));
        }
    }
}
