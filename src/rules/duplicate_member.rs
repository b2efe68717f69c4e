//! `duplicate-member`: a GitHub login or e-mail listed twice in one role.

use std::collections::BTreeMap;

use super::Context;
use crate::finding::Finding;
use crate::load::node::escape_pointer_token;

declare_rule! {
    /// Checks that a GitHub login, or an e-mail, appears at most once among a role's members,
    /// compared case-insensitively as GitHub and mail do (`ann-board` and `ANN-Board` are one
    /// login).
    ///
    /// ## Why
    ///
    /// A quorum counts distinct people. Listing one person twice makes the role look larger
    /// than it is: folio counts that person once, so a quorum the list seems to meet may not
    /// be reachable, and a reader of governance.yaml is misled about who decides.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # governance.yaml
    /// roles:
    ///   chairman:
    ///     members: [{name: Elena, github: emarsh}]
    ///   board:
    ///     members:
    ///       - {name: Ann, github: ann-board}
    ///       - {name: Ann B., github: ANN-Board}
    ///     quorum: 2
    /// decision_rights: []
    /// ```
    ///
    /// ## Fix
    ///
    /// List each person once; add the real second member the quorum needs.
    pub static DUPLICATE_MEMBER = {
        name: "duplicate-member",
        severity: Error,
        family: References,
        summary: "a GitHub login or e-mail is listed twice in one role",
        help: "list each person once; a quorum counts distinct people",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let Some(governance) = &context.model.governance else {
        return;
    };
    for (role, definition) in &governance.roles {
        let mut first: BTreeMap<String, usize> = BTreeMap::new();
        for (index, member) in definition.members.iter().enumerate() {
            let keys = [("github", &member.github), ("email", &member.email)];
            for (field, value) in keys {
                let Some(value) = value else { continue };
                match first.get(&format!("{field}:{}", value.to_lowercase())) {
                    Some(earlier) => findings.push(context.at(
                        &DUPLICATE_MEMBER,
                        governance,
                        &format!(
                            "/roles/{}/members/{index}/{field}",
                            escape_pointer_token(role)
                        ),
                        format!(
                            "{field} {value:?} is already listed for role {role:?} (member {}); expected each person once",
                            earlier + 1
                        ),
                    )),
                    None => {
                        first.insert(format!("{field}:{}", value.to_lowercase()), index);
                    }
                }
            }
        }
    }
}
