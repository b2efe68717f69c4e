//! `--format github`: workflow-command annotations, budgeted to what GitHub shows in a step
//! (10 errors and 10 warnings), with one line that counts the rest.

use std::io::{self, Write};
use std::path::Path;

use super::relative_to;
use crate::finding::{Findings, Severity};

/// GitHub shows at most this many annotations of each level per step.
pub const BUDGET: usize = 10;

/// Writes the annotations. `root` is the portfolio root and `cwd` the current directory, both
/// absolute: annotation paths are relative to the current directory, where GitHub resolves them.
/// `quiet` leaves out the summary line.
pub fn write(
    findings: &Findings,
    root: &Path,
    cwd: &Path,
    quiet: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut shown = [0usize; 3];
    let mut hidden = [0usize; 3];
    for finding in &findings.items {
        let slot = finding.severity as usize;
        if shown[slot] == BUDGET {
            hidden[slot] += 1;
            continue;
        }
        shown[slot] += 1;
        let level = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advisory => "notice",
        };
        let file = relative_to(&root.join(&finding.file), cwd);
        writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            escape_property(&file),
            finding.position.line,
            finding.position.column,
            escape_property(finding.rule.name),
            escape_data(&format!("{} ({})", finding.message, finding.help)),
        )?;
    }
    if hidden.iter().any(|count| *count > 0) {
        writeln!(
            out,
            "::notice title=folio::{}",
            escape_data(&format!(
                "{} more error(s), {} more warning(s) and {} more advisory finding(s) not shown; run `folio check` for the full list",
                hidden[0], hidden[1], hidden[2]
            ))
        )?;
    }
    if quiet {
        return Ok(());
    }
    writeln!(
        out,
        "folio: {} error(s), {} warning(s), {} advisory finding(s)",
        findings.count(Severity::Error),
        findings.count(Severity::Warning),
        findings.count(Severity::Advisory)
    )
}

/// Escapes the message of a workflow command.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command, where `:` and `,` are separators.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_escaped() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
