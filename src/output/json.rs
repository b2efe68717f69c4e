//! `--format json` for `folio check`: the stable shape of DESIGN.md "Machine-readable output".

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Findings, Severity};

#[derive(Serialize)]
struct Report<'a> {
    findings: Vec<Item<'a>>,
    errors: usize,
    warnings: usize,
    advisories: usize,
}

#[derive(Serialize)]
struct Item<'a> {
    rule: &'a str,
    severity: Severity,
    file: &'a str,
    line: usize,
    column: usize,
    pointer: &'a str,
    message: &'a str,
    help: &'a str,
}

pub fn write(findings: &Findings, out: &mut dyn Write) -> io::Result<()> {
    let report = Report {
        findings: findings
            .items
            .iter()
            .map(|finding| Item {
                rule: finding.rule.name,
                severity: finding.severity,
                file: &finding.file,
                line: finding.position.line,
                column: finding.position.column,
                pointer: &finding.pointer,
                message: &finding.message,
                help: &finding.help,
            })
            .collect(),
        errors: findings.count(Severity::Error),
        warnings: findings.count(Severity::Warning),
        advisories: findings.count(Severity::Advisory),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
