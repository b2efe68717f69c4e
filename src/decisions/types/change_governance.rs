//! `change-governance`: governance changes — any document or file of the kind, a second
//! governance.yml included — or a file under the governance's `protected_paths` (by default
//! `.github/**`, the workflows that judge pull requests) changes.

use super::{DecisionType, Definition};
use crate::decisions::facts::Facts;
use crate::decisions::{Decision, Location};

pub static DEFINITION: Definition = Definition {
    name: "change-governance",
    made_when: "governance changes (any document or file of the kind), or a file under `protected_paths` changes",
    facts: &[],
};

/// The decision for a change to the governance files (`files`: those the change touches, with
/// whether each is still there in head).
pub fn governance_files(files: &[(String, bool)]) -> Option<Decision> {
    let (file, in_head) = files.first()?;
    let names: Vec<&str> = files.iter().map(|(file, _)| file.as_str()).collect();
    Some(Decision::new(
        DecisionType::ChangeGovernance,
        "governance",
        file,
        if *in_head {
            Location::Head
        } else {
            Location::Base
        },
        Facts::default(),
        format!("changes the governance ({})", names.join(", ")),
    ))
}

/// The decision for a change to a protected path (relative to the repository's top folder).
pub fn protected_path(path: &str, pattern: &str) -> Decision {
    Decision::new(
        DecisionType::ChangeGovernance,
        path,
        path,
        Location::Repository,
        Facts::default(),
        format!("changes {path}, which governance protects ({pattern})"),
    )
}
