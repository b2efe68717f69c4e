//! A finding: one problem in the user's files, with its rule, severity and exact position.

use serde::Serialize;
use std::fmt;

use crate::rules::Rule;

/// How much a finding matters: errors fail the check, warnings and advisories do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Advisory,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advisory => "advisory",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a finding points: a line and column (both from 1) and how many characters of that
/// line the offending node covers, for the label under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub width: usize,
}

impl Position {
    /// The start of a file, for problems that concern a file as a whole.
    pub const START: Position = Position {
        line: 1,
        column: 1,
        width: 0,
    };
}

/// One problem in a portfolio, at one node of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    /// The file, relative to the portfolio root, with `/` separators.
    pub file: String,
    /// The JSON pointer of the node inside its document (`""` for the whole document or file).
    pub pointer: String,
    pub position: Position,
    pub message: String,
    pub help: String,
}

impl Finding {
    /// A finding of `rule` at its default severity; the help line defaults to the rule's.
    pub fn new(
        rule: &'static Rule,
        file: impl Into<String>,
        pointer: impl Into<String>,
        position: Position,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule,
            severity: rule.severity,
            file: file.into(),
            pointer: pointer.into(),
            position,
            message: message.into(),
            help: rule.help.to_string(),
        }
    }

    /// Replaces the rule's generic help with one written for this finding.
    pub fn with_help(mut self, help: impl Into<String>) -> Finding {
        self.help = help.into();
        self
    }

    /// The order findings are reported in: by file, line, rule, then column and message.
    pub fn sort_key(&self) -> (&str, usize, &str, usize, &str) {
        (
            &self.file,
            self.position.line,
            self.rule.name,
            self.position.column,
            &self.message,
        )
    }
}

/// Every finding of a run, sorted, with the counts the exit code and summaries need.
#[derive(Debug, Default, Clone)]
pub struct Findings {
    pub items: Vec<Finding>,
}

impl Findings {
    pub fn new(mut items: Vec<Finding>) -> Findings {
        items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        items.dedup();
        Findings { items }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    }

    /// The findings in these files only (paths relative to the root, as findings give them).
    pub fn only_in(&self, files: &std::collections::BTreeSet<String>) -> Findings {
        Findings {
            items: self
                .items
                .iter()
                .filter(|finding| files.contains(&finding.file))
                .cloned()
                .collect(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items
            .iter()
            .any(|finding| finding.severity == Severity::Error)
    }
}
