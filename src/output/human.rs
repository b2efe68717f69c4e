//! `--format human`: miette diagnostics with the source snippet and a label under the node.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use crate::finding::{Finding, Findings, Severity};

/// Findings shown with their source snippet; the rest get one line each, so that a file with
/// thousands of problems is still reported in moments.
pub const SNIPPETS: usize = 50;

/// How the human report is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
    /// No summary line: the findings alone, nothing when there are none.
    pub quiet: bool,
}

/// Writes every finding, then a summary line. `texts` holds the files' text for the snippets;
/// `documents` and `files` count what was checked, for the summary.
pub fn write(
    findings: &Findings,
    texts: &BTreeMap<Arc<str>, Arc<str>>,
    (documents, files): (usize, usize),
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    for (index, finding) in findings.items.iter().enumerate() {
        if index == SNIPPETS {
            writeln!(
                out,
                "{} more finding(s), one line each:\n",
                findings.items.len() - SNIPPETS
            )?;
        }
        let shown =
            (index < SNIPPETS).then(|| Shown::new(finding, texts.get(finding.file.as_str())));
        let mut text = String::new();
        let rendered = shown.is_some_and(|shown| handler.render_report(&mut text, &shown).is_ok());
        if rendered {
            writeln!(out, "{text}")?;
        } else {
            writeln!(
                out,
                "{}:{}:{}: {} [{}]",
                finding.file,
                finding.position.line,
                finding.position.column,
                finding.message,
                finding.rule.name
            )?;
        }
    }
    if style.quiet {
        return Ok(());
    }
    if findings.items.len() > SNIPPETS {
        writeln!(out)?;
    }
    let errors = findings.count(Severity::Error);
    let warnings = findings.count(Severity::Warning);
    let advisories = findings.count(Severity::Advisory);
    if findings.items.is_empty() {
        writeln!(
            out,
            "folio: {documents} document(s) in {files} file(s), no problems"
        )
    } else {
        writeln!(
            out,
            "folio: {errors} error(s), {warnings} warning(s), {advisories} advisory finding(s) in {documents} document(s)"
        )
    }
}

/// A finding dressed as a miette diagnostic.
struct Shown<'a> {
    finding: &'a Finding,
    source: Option<NamedSource<Arc<str>>>,
    span: Option<LabeledSpan>,
    heading: String,
}

impl<'a> Shown<'a> {
    fn new(finding: &'a Finding, text: Option<&Arc<str>>) -> Shown<'a> {
        let position = finding.position;
        let heading = format!(
            "{}:{}:{}: {}",
            finding.file, position.line, position.column, finding.message
        );
        let Some(text) = text else {
            return Shown {
                finding,
                source: None,
                span: None,
                heading,
            };
        };
        let offset = byte_offset(text, position.line, position.column);
        let width = byte_width(&text[offset..], position.width);
        let label = match finding.pointer.as_str() {
            "" => finding.rule.name.to_string(),
            pointer => pointer.to_string(),
        };
        Shown {
            finding,
            source: Some(NamedSource::new(&finding.file, Arc::clone(text))),
            span: Some(LabeledSpan::new(Some(label), offset, width)),
            heading,
        }
    }
}

/// The byte offset of a line and column (both from 1, the column in characters).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(index, _)| index + 1)
    };
    text[line_start..]
        .char_indices()
        .take_while(|(_, c)| *c != '\n')
        .nth(column.saturating_sub(1))
        .map_or_else(
            || {
                let rest = &text[line_start..];
                line_start + rest.find('\n').unwrap_or(rest.len())
            },
            |(index, _)| line_start + index,
        )
}

/// The bytes taken by the first `chars` characters of `text`, not past its line.
fn byte_width(text: &str, chars: usize) -> usize {
    text.char_indices()
        .take_while(|(_, c)| *c != '\n')
        .take(chars)
        .map(|(_, c)| c.len_utf8())
        .sum()
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.heading)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.heading)
    }
}

impl std::error::Error for Shown<'_> {}

impl Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.rule.name))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advisory => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|source| source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.span
            .clone()
            .map(|span| Box::new(std::iter::once(span)) as Box<dyn Iterator<Item = LabeledSpan>>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_within_the_line() {
        let text = "a: 1\nnamé: x\n";
        assert_eq!(byte_offset(text, 2, 1), 5);
        assert_eq!(byte_offset(text, 2, 7), 12);
        assert_eq!(byte_width(&text[5..], 4), 5);
    }
}
