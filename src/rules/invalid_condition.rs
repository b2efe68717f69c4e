//! `invalid-condition`: a governance `when` that does not parse or reads unknown facts.

use super::Context;
use crate::condition;
use crate::finding::{Finding, Position};
use crate::model::governance::facts_of;

declare_rule! {
    /// Checks that every `when` condition of governance.yaml parses as a minijinja expression
    /// and reads only the facts of its decision type (for example `budget`, `ventures` and
    /// `initiative` for launch-initiative; `shift_pct`, `moved`, `amount` and `resource` for
    /// reallocate-resources).
    ///
    /// ## Why
    ///
    /// A condition that cannot be evaluated cannot say whether an approval is needed; one that
    /// reads a fact the decision does not have is never true, so the approval is never asked.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # governance.yaml
    /// roles:
    ///   chairman:
    ///     members: [{name: Elena, github: emarsh}]
    ///   board:
    ///     members: [{name: Tomas, github: taguilar}]
    /// decision_rights:
    ///   - decision: launch-initiative
    ///     approvals: [{role: chairman, when: "budget >> 10000"}]
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct the expression; the message names the facts the decision type offers.
    pub static INVALID_CONDITION = {
        name: "invalid-condition",
        severity: Error,
        family: Process,
        summary: "a governance `when` condition does not parse or reads unknown facts",
        help: "write a minijinja expression over the decision's facts, e.g. `budget > 10000`",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let Some(governance) = &context.model.governance else {
        return;
    };
    let document = context.document(governance);
    for (index, right) in governance.decision_rights.iter().enumerate() {
        for (position, approval) in right.approvals.iter().enumerate() {
            let Some(when) = &approval.when else {
                continue;
            };
            let pointer = format!("/decision_rights/{index}/approvals/{position}/when");
            match condition::parse(when) {
                Err(error) => {
                    let at = inside(document, &pointer, when, error.offset);
                    findings.push(Finding::new(
                        &INVALID_CONDITION,
                        &document.file,
                        &pointer,
                        at,
                        format!("condition {when:?} does not parse: {}", error.message),
                    ));
                }
                Ok(variables) => {
                    // An unknown decision type has its own rule; its facts are unknown here.
                    let Some(facts) = facts_of(&right.decision) else {
                        continue;
                    };
                    let unknown: Vec<&String> = variables
                        .iter()
                        .filter(|variable| !facts.contains(&variable.as_str()))
                        .collect();
                    if let Some(first) = unknown.first() {
                        let offered = if facts.is_empty() {
                            "it has no facts, so no condition applies".to_string()
                        } else {
                            format!("expected one of {}", facts.join(", "))
                        };
                        findings.push(context.at(
                            &INVALID_CONDITION,
                            governance,
                            &pointer,
                            format!(
                                "condition {when:?} reads {first:?}, which a {} decision does not have; {offered}",
                                right.decision
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// The position of a byte offset inside a one-line scalar: its start, plus the opening quote
/// when it is quoted, plus the characters before the offset. Where the scalar spans lines or
/// holds escapes, its start.
fn inside(
    document: &crate::load::Document,
    pointer: &str,
    text: &str,
    offset: Option<usize>,
) -> Position {
    let start = document.position(pointer);
    let (Some(offset), Some(node)) = (offset, document.root.resolve(pointer)) else {
        return start;
    };
    let node = node.node;
    if node.start.line != node.end.line {
        return start;
    }
    let width = node.end.column - node.start.column;
    let chars = text.chars().count();
    let quote = if width == chars + 2 {
        1
    } else if width == chars {
        0
    } else {
        return start;
    };
    let before = text
        .get(..offset)
        .map_or(0, |prefix| prefix.chars().count());
    Position {
        line: start.line,
        column: start.column + quote + before,
        width: 1,
    }
}
