//! `unknown-synergy`: an initiative built on a synergy that no file defines.

use super::{Context, Reference};
use crate::finding::Finding;
use crate::kind::Kind;

declare_rule! {
    /// Checks that an initiative's `synergy` names a synergy defined under `synergies/`.
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
    let known = context.ids(Kind::Synergy);
    for initiative in &context.model.initiatives {
        let Some(id) = &initiative.synergy else {
            continue;
        };
        if !known.contains(id.as_str()) {
            findings.push(context.unknown_reference(
                &UNKNOWN_SYNERGY,
                Reference {
                    item: initiative,
                    pointer: "/synergy",
                    what: "synergy",
                    id,
                    at_key: false,
                },
                &known,
            ));
        }
    }
}
