//! `unknown-resource`: a conflict over a resource that no file defines.

use super::Context;
use super::references::CONFLICT_RESOURCE;
use crate::finding::Finding;
use crate::kind::Kind;

declare_rule! {
    /// Checks that a conflict's `resource` names a resource defined under `resources/`.
    ///
    /// Every document is checked, one that breaks its schema too, wherever the field is
    /// well-formed (an id, or a list of ids); a malformed field is left to its `schema` finding.
    /// A file that cannot be read (a syntax error, bad UTF-8, …) defines the id its name gives
    /// (`ventures/solar.yaml`: `solar`) until it can be read, so one broken file gives one
    /// finding, not one in every file that names it.
    ///
    /// ## Why
    ///
    /// A conflict over a resource is resolved by changing its allocations; an unknown
    /// resource leaves nothing to change.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # conflicts/CON-1.yaml
    /// id: CON-1
    /// title: Both want the data team
    /// type: talent
    /// ventures: [solar, wind]
    /// resource: data-teem
    /// status: open
    /// ```
    ///
    /// ## Fix
    ///
    /// Use the id of a resource under resources/.
    pub static UNKNOWN_RESOURCE = {
        name: "unknown-resource",
        severity: Error,
        family: References,
        summary: "a conflict names a resource that is not defined",
        help: "use the id of a resource under resources/",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let fields = [CONFLICT_RESOURCE];
    context.check_references(&UNKNOWN_RESOURCE, Kind::Resource, &fields, findings);
}
