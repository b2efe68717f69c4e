//! `duplicate-venture-in-list`: a list of ventures that names one venture twice.

use std::collections::HashMap;

use super::Context;
use crate::finding::Finding;

declare_rule! {
    /// Checks that the `ventures` of a synergy, a conflict or an initiative name each venture
    /// once.
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
    let model = context.model;
    for (item, ventures) in model.venture_lists() {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (index, id) in ventures.iter().enumerate() {
            match first.get(id.as_str()) {
                None => {
                    first.insert(id, index);
                }
                Some(earlier) => findings.push(context.at(
                    &DUPLICATE_VENTURE_IN_LIST,
                    &item,
                    &format!("/ventures/{index}"),
                    format!(
                        "venture {id:?} is listed again (first as item {}); expected each venture once",
                        earlier + 1
                    ),
                )),
            }
        }
    }
}
