//! `unknown-synergy`: an initiative built on a synergy that no file defines.

use super::Context;
use super::references::INITIATIVE_SYNERGY;
use crate::finding::Finding;
use crate::kind::Kind;

declare_rule! {
    /// Checks that an initiative's `synergy` names a synergy defined under `synergies/`.
    ///
    /// Every document is checked, one that breaks its schema too, wherever the field is
    /// well-formed (an id, or a list of ids); a malformed field is left to its `schema` finding.
    /// A file that cannot be read (a syntax error, bad UTF-8, …) defines the id its name gives
    /// (`ventures/solar.yaml`: `solar`) until it can be read, so one broken file gives one
    /// finding, not one in every file that names it.
    ///
    /// ## Why
    ///
    /// The link from initiative to synergy is how the register shows which synergies are
    /// being executed; a broken link hides it.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # initiatives/AUTH.yaml
    /// initiative_id: AUTH
    /// name: Shared auth
    /// ventures: [solar]
    /// value_proposition: One login for every venture
    /// implementation: [{milestone: Design, deadline: 2026-10-20}]
    /// success_metrics: [{metric: Auth hours, target: 16}]
    /// synergy: SYN-AUTHH
    /// ```
    ///
    /// ## Fix
    ///
    /// Use the id of a synergy under synergies/, or remove `synergy:`.
    pub static UNKNOWN_SYNERGY = {
        name: "unknown-synergy",
        severity: Error,
        family: References,
        summary: "an initiative names a synergy that is not defined",
        help: "use the id of a synergy under synergies/",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let fields = [INITIATIVE_SYNERGY];
    context.check_references(&UNKNOWN_SYNERGY, Kind::Synergy, &fields, findings);
}
