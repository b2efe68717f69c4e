//! `unknown-venture`: a reference to a venture that no file defines.

use super::Context;
use super::references::{ASSESSMENT_VENTURE, RESOURCE_ALLOCATIONS, VENTURE_LISTS};
use crate::finding::Finding;
use crate::kind::Kind;

declare_rule! {
    /// Checks that every venture an artifact names is defined under `ventures/`: an
    /// assessment's `venture`, the `ventures` of synergies, conflicts and initiatives, and the
    /// keys of a resource's `allocations`.
    ///
    /// Every document is checked, one that breaks its schema too, wherever the field is
    /// well-formed (an id, a list of ids, a mapping keyed by ids); a malformed field is left to
    /// its `schema` finding.
    /// A file that cannot be read (a syntax error, bad UTF-8, …) defines the id its name gives
    /// (`ventures/solar.yaml`: `solar`) until it can be read, so one broken file gives one
    /// finding, not one in every file that names it.
    ///
    /// ## Why
    ///
    /// A misspelt venture id silently drops out of every sum and gate: its synergies count for
    /// no one and its allocations go nowhere.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: solar
    /// name: Solar
    /// status: active
    /// ```
    ///
    /// ```yaml
    /// # assessments/solr-2026-10-19.yaml
    /// venture: solr
    /// date: 2026-10-19
    /// scores: {strategic_fit: 4, financial_health: 3, growth_potential: 4, resource_efficiency: 3}
    /// recommendation: continue
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct the id, or add the venture's file.
    pub static UNKNOWN_VENTURE = {
        name: "unknown-venture",
        severity: Error,
        family: References,
        summary: "an artifact names a venture that is not defined",
        help: "use the id of a venture under ventures/",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let [synergies, conflicts, initiatives] = VENTURE_LISTS;
    let fields = [
        ASSESSMENT_VENTURE,
        synergies,
        conflicts,
        initiatives,
        RESOURCE_ALLOCATIONS,
    ];
    context.check_references(&UNKNOWN_VENTURE, Kind::Venture, &fields, findings);
}
