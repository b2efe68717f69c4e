//! `duplicate-venture-in-list`: a list of ventures that names one venture twice.

use std::collections::HashMap;

use super::references::VENTURE_LISTS;
use super::{Context, in_document};
use crate::finding::Finding;

declare_rule! {
    /// Checks that the `ventures` of a synergy, a conflict or an initiative name each venture
    /// once: in every document, one that breaks its schema too, when `ventures` is a list of
    /// ids (any other `ventures` is left to its `schema` finding).
    ///
    /// ## Why
    ///
    /// A synergy needs at least two *distinct* ventures; a venture listed twice makes a
    /// one-venture synergy look like a shared one, and counts twice in the dashboards.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # synergies/SYN-1.yaml
    /// id: SYN-1
    /// title: Shared auth
    /// category: technology
    /// ventures: [solar, solar]
    /// value_potential: 4
    /// implementation_effort: 2
    /// strategic_importance: 3
    /// ```
    ///
    /// ## Fix
    ///
    /// Remove the repeated venture (or name the other venture meant).
    pub static DUPLICATE_VENTURE_IN_LIST = {
        name: "duplicate-venture-in-list",
        severity: Error,
        family: References,
        summary: "a list of ventures names one venture twice",
        help: "list each venture once",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    for field in VENTURE_LISTS {
        for list in context.references(field) {
            let mut first: HashMap<&str, usize> = HashMap::new();
            for (index, reference) in list.iter().enumerate() {
                let id = reference.id;
                match first.get(id) {
                    None => {
                        first.insert(id, index);
                    }
                    Some(earlier) => findings.push(in_document(
                        &DUPLICATE_VENTURE_IN_LIST,
                        reference.document,
                        &reference.pointer,
                        format!(
                            "venture {id:?} is listed again (first as item {}); expected each venture once",
                            earlier + 1
                        ),
                    )),
                }
            }
        }
    }
}
