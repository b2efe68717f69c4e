//! `unknown-initiative`: a reference to an initiative that no file defines.

use super::{Context, Reference};
use crate::finding::Finding;
use crate::kind::Kind;
use crate::model::rollback::RollbackScope;

declare_rule! {
    /// Checks that every initiative an artifact names is defined under `initiatives/`: a value
    /// event's `initiative` and a rollback's listed `initiatives`.
    ///
    /// ## Why
    ///
    /// Value logged against an unknown initiative counts for no initiative, and a rollback of
    /// an unknown initiative stops nothing.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # value/VE-1.yaml
    /// id: VE-1
    /// initiative: AUTH-SHARED-01
    /// type: cost-saved
    /// amount: 1200
    /// unit: usd
    /// date: 2026-11-02
    /// evidence: "Invoice 2026-11"
    /// ```
    ///
    /// ## Fix
    ///
    /// Use the `initiative_id` of an initiative under initiatives/.
    pub static UNKNOWN_INITIATIVE = {
        name: "unknown-initiative",
        severity: Error,
        family: References,
        summary: "an artifact names an initiative that is not defined",
        help: "use the initiative_id of an initiative under initiatives/",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let known = context.ids(Kind::Initiative);
    for event in &context.model.value_events {
        if !known.contains(event.initiative.as_str()) {
            findings.push(context.unknown_reference(
                &UNKNOWN_INITIATIVE,
                Reference {
                    item: event,
                    pointer: "/initiative",
                    what: "initiative",
                    id: &event.initiative,
                    at_key: false,
                },
                &known,
            ));
        }
    }
    for rollback in &context.model.rollbacks {
        let RollbackScope::Listed(ids) = &rollback.initiatives else {
            continue;
        };
        for (index, id) in ids.iter().enumerate() {
            if !known.contains(id.as_str()) {
                findings.push(context.unknown_reference(
                    &UNKNOWN_INITIATIVE,
                    Reference {
                        item: rollback,
                        pointer: &format!("/initiatives/{index}"),
                        what: "initiative",
                        id,
                        at_key: false,
                    },
                    &known,
                ));
            }
        }
    }
}
