//! `folio check`: read the portfolio (work tree or revision), check it, write the findings.

use std::io::Write;

use miette::{IntoDiagnostic, Result};

use super::{Context, Outcome, parse_as_of};
use crate::cli::{CheckArgs, Format};
use crate::output::{self, human::Style};
use crate::portfolio::{AsOf, Checked, read_and_check};

pub fn run(args: &CheckArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let as_of = AsOf {
        given: parse_as_of(args.as_of.as_deref())?,
        today: context.today,
    };
    let Checked {
        loaded, findings, ..
    } = read_and_check(&args.root, args.rev.as_deref(), as_of)?;
    let format = args.format.unwrap_or(if context.github_actions {
        Format::Github
    } else {
        Format::Human
    });
    match format {
        Format::Human => output::human::write(
            &findings,
            &loaded.texts,
            loaded.documents.len(),
            Style {
                color: context.color,
                width: 100,
            },
            out,
        ),
        Format::Json => output::json::write(&findings, out),
        Format::Github => {
            let root = std::path::absolute(&args.root).into_diagnostic()?;
            output::github::write(&findings, &root, &context.cwd, out)
        }
        Format::Sarif => {
            let root = std::path::absolute(&args.root).into_diagnostic()?;
            output::sarif::write(&findings, &root, &context.cwd, out)
        }
    }
    .into_diagnostic()?;
    Ok(if findings.has_errors() {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}
