//! The rule registry: every rule's name, severity, family and documentation, in one static list.
//!
//! A rule's name is a user-facing contract (people filter on it): never rename one.

pub mod identity;
mod reading;

pub use identity::{DUPLICATE_ID, ID_FILENAME_MISMATCH, MISSING_GOVERNANCE, MISSING_PORTFOLIO};
pub use reading::{
    ALIAS_LIMIT, DUPLICATE_KEY, FILE_TOO_LARGE, INVALID_GLOB, KIND_MISMATCH, NESTING_TOO_DEEP,
    NON_STRING_KEY, NOT_UTF8, SCHEMA, SYMLINK, UNKNOWN_LOCATION, YAML_SYNTAX, YAML_TAG,
};

use crate::finding::Severity;

/// The family a rule belongs to, as DESIGN.md groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Reading,
    Schema,
    Identity,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Reading => "reading",
            Family::Schema => "schema",
            Family::Identity => "identity",
        }
    }
}

/// A rule: what `folio explain NAME` prints and what every finding of it carries.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable kebab-case name that reads as "allow ⟨name⟩".
    pub name: &'static str,
    pub severity: Severity,
    pub family: Family,
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// The help line a finding carries unless it has a more specific one.
    pub help: &'static str,
    /// What it checks, why it matters, a failing example and how to fix it.
    pub doc: &'static str,
}

/// Every rule, in the order DESIGN.md lists them.
pub static RULES: &[&Rule] = &[
    &YAML_SYNTAX,
    &DUPLICATE_KEY,
    &YAML_TAG,
    &NON_STRING_KEY,
    &NOT_UTF8,
    &FILE_TOO_LARGE,
    &NESTING_TOO_DEEP,
    &ALIAS_LIMIT,
    &UNKNOWN_LOCATION,
    &KIND_MISMATCH,
    &SYMLINK,
    &INVALID_GLOB,
    &SCHEMA,
    &DUPLICATE_ID,
    &ID_FILENAME_MISMATCH,
    &MISSING_PORTFOLIO,
    &MISSING_GOVERNANCE,
];

/// Finds a rule by its name.
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.name == name)
}

/// The README's rule table, generated from the registry so that it cannot drift.
pub fn markdown_table() -> String {
    let mut table =
        String::from("| rule | family | severity | what it flags |\n|---|---|---|---|\n");
    for rule in RULES {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.name,
            rule.family.as_str(),
            rule.severity.as_str(),
            rule.summary.replace('|', "\\|")
        ));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_names_are_unique_kebab_case() {
        let mut seen = HashSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.name), "{} is listed twice", rule.name);
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                rule.name
            );
            assert!(!rule.summary.is_empty() && !rule.help.is_empty() && !rule.doc.is_empty());
        }
    }
}
