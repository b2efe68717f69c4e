//! `missing-portfolio`: the root has no portfolio.yaml.

use super::Context;
use crate::finding::{Finding, Position};
use crate::kind::Kind;

declare_rule! {
    /// Checks that the portfolio root holds `portfolio.yaml`, with a document in it.
    ///
    /// ## Why
    ///
    /// It names the portfolio and holds its thresholds and entry-gate evidence; without it the
    /// folder is not a portfolio (or ROOT points at the wrong folder).
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # portfolio.yaml
    /// # (a file of comments only: no document)
    /// ```
    ///
    /// ## Fix
    ///
    /// Create portfolio.yaml with at least `name:`, or point folio at the right folder.
    pub static MISSING_PORTFOLIO = {
        name: "missing-portfolio",
        severity: Error,
        family: Identity,
        summary: "the portfolio root has no portfolio.yaml",
        help: "create portfolio.yaml with at least `name:`",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    findings.extend(missing(context, Kind::Portfolio, &MISSING_PORTFOLIO));
}

/// The finding for a root file (portfolio.yaml or governance.yaml) that is missing or holds no
/// document. A file that could not be read to the end already has its own finding, and one
/// whose document breaks its schema has its schema findings.
pub fn missing(context: &Context<'_>, kind: Kind, rule: &'static super::Rule) -> Option<Finding> {
    let loaded = context.loaded;
    if loaded.of_kind(kind).next().is_some() {
        return None;
    }
    let file = format!("{}.yaml", kind.slug());
    match loaded
        .files
        .iter()
        .find(|path| Kind::of_path(path) == Some(kind))
    {
        Some(path) if loaded.parsed.get(path) == Some(&0) => Some(Finding::new(
            rule,
            path,
            "",
            Position::START,
            format!("{path} holds no document; expected a {kind} document"),
        )),
        Some(_) => None,
        None => Some(Finding::new(
            rule,
            &file,
            "",
            Position::START,
            format!("the portfolio root has no {file}; expected a {kind} document there"),
        )),
    }
}
