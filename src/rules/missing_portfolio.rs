//! `missing-portfolio`: the root has no portfolio.yaml.

use super::Context;
use crate::finding::Finding;
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
    findings.extend(context.missing_root_file(Kind::Portfolio, &MISSING_PORTFOLIO));
}
