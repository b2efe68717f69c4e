//! `unknown-venture`: a reference to a venture that no file defines.

use super::{Context, Reference};
use crate::finding::Finding;
use crate::kind::Kind;
use crate::load::node::escape_pointer_token;

declare_rule! {
    /// Checks that every venture an artifact names is defined under `ventures/`: an
    /// assessment's `venture`, the `ventures` of synergies, conflicts and initiatives, and the
    /// keys of a resource's `allocations`.
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
    let known = context.ids(Kind::Venture);
    let model = context.model;
    let mut report = |finding: Finding| findings.push(finding);
    for assessment in &model.assessments {
        if !known.contains(assessment.venture.as_str()) {
            report(context.unknown_reference(
                &UNKNOWN_VENTURE,
                Reference {
                    item: assessment,
                    pointer: "/venture",
                    what: "venture",
                    id: &assessment.venture,
                    at_key: false,
                },
                &known,
            ));
        }
    }
    for (item, ventures) in model.venture_lists() {
        for (index, id) in ventures.iter().enumerate() {
            if !known.contains(id.as_str()) {
                report(context.unknown_reference(
                    &UNKNOWN_VENTURE,
                    Reference {
                        item: &item,
                        pointer: &format!("/ventures/{index}"),
                        what: "venture",
                        id,
                        at_key: false,
                    },
                    &known,
                ));
            }
        }
    }
    for resource in &model.resources {
        for id in resource.allocations.keys() {
            if !known.contains(id.as_str()) {
                report(context.unknown_reference(
                    &UNKNOWN_VENTURE,
                    Reference {
                        item: resource,
                        pointer: &format!("/allocations/{}", escape_pointer_token(id)),
                        what: "venture",
                        id,
                        at_key: true,
                    },
                    &known,
                ));
            }
        }
    }
}
