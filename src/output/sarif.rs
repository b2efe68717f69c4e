//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning, with a descriptor for every rule and
//! a region for every result; paths relative to the current directory.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Value, json};

use super::relative_to;
use crate::finding::{Findings, Severity};
use crate::rules::{RULES, Rule};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advisory => "note",
    }
}

fn descriptor(rule: &Rule) -> Value {
    let documentation = rule.documentation();
    json!({
        "id": rule.name,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": first_paragraph(&documentation) },
        "help": {
            "text": format!("{}\n\n{documentation}", rule.help),
            "markdown": documentation,
        },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "tags": [rule.family.as_str()] },
    })
}

/// The opening paragraph of a rule's documentation (what it checks), on one line.
fn first_paragraph(documentation: &str) -> String {
    documentation
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes one SARIF log. `root` is the portfolio root and `cwd` the current directory, both
/// absolute.
pub fn write(findings: &Findings, root: &Path, cwd: &Path, out: &mut dyn Write) -> io::Result<()> {
    let results: Vec<Value> = findings
        .items
        .iter()
        .map(|finding| {
            let index = RULES
                .iter()
                .position(|rule| rule.name == finding.rule.name)
                .unwrap_or(0);
            let position = finding.position;
            let mut region = json!({
                "startLine": position.line,
                "startColumn": position.column,
            });
            if position.width > 0 {
                region["endColumn"] = json!(position.column + position.width);
            }
            json!({
                "ruleId": finding.rule.name,
                "ruleIndex": index,
                "level": level(finding.severity),
                "message": { "text": format!("{} ({})", finding.message, finding.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": relative_to(&root.join(&finding.file), cwd) },
                        "region": region,
                    }
                }],
                "properties": { "pointer": finding.pointer },
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "folio",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": RULES.iter().map(|rule| descriptor(rule)).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
