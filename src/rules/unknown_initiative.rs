//! `unknown-initiative`: a reference to an initiative that no file defines.

use super::Context;
use super::references::{ROLLBACK_INITIATIVES, VALUE_EVENT_INITIATIVE};
use crate::finding::Finding;
use crate::kind::Kind;

declare_rule! {
    /// Checks that every initiative an artifact names is defined under `initiatives/`: a value
    /// event's `initiative` and a rollback's listed `initiatives`.
    ///
    /// Every document is checked, one that breaks its schema too, wherever the field is
    /// well-formed (an id, or a list of ids); a malformed field is left to its `schema` finding.
    /// A file that cannot be read (a syntax error, bad UTF-8, …) defines the id its name gives
    /// (`ventures/solar.yaml`: `solar`) until it can be read, so one broken file gives one
    /// finding, not one in every file that names it.
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
    let fields = [VALUE_EVENT_INITIATIVE, ROLLBACK_INITIATIVES];
    context.check_references(&UNKNOWN_INITIATIVE, Kind::Initiative, &fields, findings);
}
