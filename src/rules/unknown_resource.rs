//! `unknown-resource`: a conflict over a resource that no file defines.

use super::{Context, Reference};
use crate::finding::Finding;
use crate::kind::Kind;

declare_rule! {
    /// Checks that a conflict's `resource` names a resource defined under `resources/`.
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
    let known = context.ids(Kind::Resource);
    for conflict in &context.model.conflicts {
        let Some(id) = &conflict.resource else {
            continue;
        };
        if !known.contains(id.as_str()) {
            findings.push(context.unknown_reference(
                &UNKNOWN_RESOURCE,
                Reference {
                    item: conflict,
                    pointer: "/resource",
                    what: "resource",
                    id,
                    at_key: false,
                },
                &known,
            ));
        }
    }
}
