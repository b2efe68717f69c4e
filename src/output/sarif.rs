//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning, with a descriptor for every rule and
//! a region for every result; paths relative to the current directory.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;
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
        "name": rule.title(),
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": first_paragraph(&documentation) },
        "helpUri": rule.help_uri(),
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

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Value,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
}

#[derive(Serialize)]
struct Properties<'a> {
    pointer: &'a str,
}

/// Writes one SARIF log. `root` is the portfolio root and `cwd` the current directory, both
/// absolute.
pub fn write(findings: &Findings, root: &Path, cwd: &Path, out: &mut dyn Write) -> io::Result<()> {
    let mut uris: HashMap<&str, String> = HashMap::new();
    let results = findings
        .items
        .iter()
        .map(|finding| {
            let position = finding.position;
            let uri = uris
                .entry(finding.file.as_str())
                .or_insert_with(|| relative_to(&root.join(&finding.file), cwd))
                .clone();
            SarifResult {
                rule_id: finding.rule.name,
                rule_index: RULES
                    .iter()
                    .position(|rule| rule.name == finding.rule.name)
                    .unwrap_or(0),
                level: level(finding.severity),
                message: Text {
                    text: format!("{} ({})", finding.message, finding.help),
                },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri },
                        region: Region {
                            start_line: position.line,
                            start_column: position.column,
                            end_column: (position.width > 0)
                                .then(|| position.column + position.width),
                        },
                    },
                }],
                properties: Properties {
                    pointer: &finding.pointer,
                },
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: json!({
                "driver": {
                    "name": "folio",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": RULES.iter().map(|rule| descriptor(rule)).collect::<Vec<_>>(),
                }
            }),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
