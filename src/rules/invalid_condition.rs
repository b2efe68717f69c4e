//! `invalid-condition`: a governance `when` that cannot be judged: it does not parse, reads a
//! fact its decision type lacks, compares values of different types or yields no true/false.

use super::Context;
use crate::decisions::condition;
use crate::decisions::types::DecisionType;
use crate::finding::{Finding, Position};

declare_rule! {
    /// Checks that every `when` condition of governance.yaml can be judged: it parses as a
    /// minijinja expression, reads only the facts of its decision type (for example `budget`,
    /// `ventures` and `initiative` for launch-initiative; `kind`, `id`, `change` and `fields`
    /// for amend-record), compares a number with a number and a text with a text, and yields
    /// true or false. Conditions may use facts, numbers, texts, true/false, lists, `not`, `and`,
    /// `or`, comparisons, `in`, arithmetic, `x if c else y` and the filters `length`, `lower`,
    /// `upper` and `abs`.
    ///
    /// ## Why
    ///
    /// A condition that cannot be judged cannot say whether an approval is needed, so
    /// `folio diff` requires the approval it guards (it fails closed): a misspelt fact such as
    /// `budgett > 10000` or a comparison with a text such as `budget > "10000"` would otherwise
    /// never be true, and the approval never asked. This rule says so before a pull request
    /// finds out.
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
        summary: "a governance `when` condition cannot be judged (syntax, unknown fact, mixed types, not true/false)",
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
        // An unknown decision type has its own rule; its facts are unknown here.
        let Some(kind) = DecisionType::parse(&right.decision) else {
            continue;
        };
        for (position, approval) in right.approvals.iter().enumerate() {
            let Some(when) = &approval.when else {
                continue;
            };
            let pointer = format!("/decision_rights/{index}/approvals/{position}/when");
            if let Err(error) = condition::check(when, kind.facts()) {
                let at = inside(document, &pointer, when, error.offset);
                findings.push(Finding::new(
                    &INVALID_CONDITION,
                    &*document.file,
                    &pointer,
                    at,
                    format!(
                        "condition {when:?} of {kind} cannot be judged: {}",
                        error.message
                    ),
                ));
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
    let (Some(offset), Some(node)) = (offset, document.resolve(pointer)) else {
        return start;
    };
    let node = node.node;
    if node.start.line != node.end.line {
        return start;
    }
    let width = node.end.column().saturating_sub(node.start.column());
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
