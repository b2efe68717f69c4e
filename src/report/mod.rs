//! The SOP's deliverables: Markdown reports from minijinja templates (embedded, overridable by
//! name), CSVs beside the tables, a summary that always fits a job summary or a comment, and the
//! same content as a static HTML site with SVG charts (auto-escaped templates beside the
//! Markdown ones). Pure: rendering reads and writes nothing; it hands each file, rendered in
//! parallel, to the caller as soon as it is done; `commands/report.rs` writes the files and
//! prints the PDF.

mod charts;
pub mod context;
mod csv;
mod filters;
pub mod history;
pub mod rows;
mod svg;

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value};
use rayon::prelude::*;

pub use context::{ReportContext, build};

/// The summary must fit a pull-request comment and a job summary.
pub const SUMMARY_LIMIT: usize = 64 * 1024;

/// Templates may do this much work (minijinja fuel): ample for 10,000 artifacts, a bound for a
/// template that loops forever.
const FUEL: u64 = 500_000_000;

/// Every embedded template, by name; `--templates DIR` replaces any of them by file name.
pub const TEMPLATES: [(&str, &str); 31] = [
    ("report.md.j2", include_str!("../../templates/report.md.j2")),
    (
        "ventures.md.j2",
        include_str!("../../templates/ventures.md.j2"),
    ),
    (
        "schedule.md.j2",
        include_str!("../../templates/schedule.md.j2"),
    ),
    (
        "assessment-matrix.md.j2",
        include_str!("../../templates/assessment-matrix.md.j2"),
    ),
    (
        "synergy-register.md.j2",
        include_str!("../../templates/synergy-register.md.j2"),
    ),
    (
        "conflict-log.md.j2",
        include_str!("../../templates/conflict-log.md.j2"),
    ),
    (
        "coordination-plans.md.j2",
        include_str!("../../templates/coordination-plans.md.j2"),
    ),
    (
        "resource-allocation.md.j2",
        include_str!("../../templates/resource-allocation.md.j2"),
    ),
    (
        "governance-playbook.md.j2",
        include_str!("../../templates/governance-playbook.md.j2"),
    ),
    (
        "initiative-dashboard.md.j2",
        include_str!("../../templates/initiative-dashboard.md.j2"),
    ),
    (
        "value-capture-log.md.j2",
        include_str!("../../templates/value-capture-log.md.j2"),
    ),
    (
        "benefits.md.j2",
        include_str!("../../templates/benefits.md.j2"),
    ),
    ("gates.md.j2", include_str!("../../templates/gates.md.j2")),
    (
        "history.md.j2",
        include_str!("../../templates/history.md.j2"),
    ),
    (
        "summary.md.j2",
        include_str!("../../templates/summary.md.j2"),
    ),
    (
        "summary-compact.md.j2",
        include_str!("../../templates/summary-compact.md.j2"),
    ),
    // The HTML site: a layout and macros every page shares, then one template per page.
    (
        "_layout.html.j2",
        include_str!("../../templates/_layout.html.j2"),
    ),
    (
        "_macros.html.j2",
        include_str!("../../templates/_macros.html.j2"),
    ),
    (
        "index.html.j2",
        include_str!("../../templates/index.html.j2"),
    ),
    (
        "schedule.html.j2",
        include_str!("../../templates/schedule.html.j2"),
    ),
    (
        "ventures.html.j2",
        include_str!("../../templates/ventures.html.j2"),
    ),
    (
        "assessment-matrix.html.j2",
        include_str!("../../templates/assessment-matrix.html.j2"),
    ),
    (
        "synergy-register.html.j2",
        include_str!("../../templates/synergy-register.html.j2"),
    ),
    (
        "conflict-log.html.j2",
        include_str!("../../templates/conflict-log.html.j2"),
    ),
    (
        "coordination-plans.html.j2",
        include_str!("../../templates/coordination-plans.html.j2"),
    ),
    (
        "resource-allocation.html.j2",
        include_str!("../../templates/resource-allocation.html.j2"),
    ),
    (
        "governance-playbook.html.j2",
        include_str!("../../templates/governance-playbook.html.j2"),
    ),
    (
        "initiative-dashboard.html.j2",
        include_str!("../../templates/initiative-dashboard.html.j2"),
    ),
    (
        "value-capture-log.html.j2",
        include_str!("../../templates/value-capture-log.html.j2"),
    ),
    (
        "benefits.html.j2",
        include_str!("../../templates/benefits.html.j2"),
    ),
    (
        "gates.html.j2",
        include_str!("../../templates/gates.html.j2"),
    ),
];

/// The pages of the HTML site, each rendered from the template of its name plus `.j2`, in the
/// order of the site's navigation: the file and its title.
pub const PAGES: [(&str, &str); 13] = [
    ("index.html", "Coordination report"),
    ("schedule.html", "Schedule"),
    ("ventures.html", "Ventures"),
    ("assessment-matrix.html", "Assessment matrix"),
    ("synergy-register.html", "Synergy register"),
    ("conflict-log.html", "Conflict log"),
    ("coordination-plans.html", "Coordination plans"),
    ("resource-allocation.html", "Resource allocation"),
    ("governance-playbook.html", "Governance playbook"),
    ("initiative-dashboard.html", "Initiative dashboard"),
    ("value-capture-log.html", "Value capture log"),
    ("benefits.html", "Benefits"),
    ("gates.html", "Gates"),
];

/// A template that does not compile or render: a broken override, or a bug.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("template {template} failed: {reason}")]
#[diagnostic(
    code(folio::template),
    help("templates see one typed context with strict undefined: a misspelt field is an error")
)]
pub struct ReportError {
    pub template: String,
    pub reason: String,
}

fn environment(overrides: &BTreeMap<String, String>) -> Result<Environment<'static>, ReportError> {
    let mut environment = Environment::new();
    environment.set_undefined_behavior(UndefinedBehavior::Strict);
    environment.set_fuel(Some(FUEL));
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|error| ReportError {
            template: "(syntax)".into(),
            reason: error.to_string(),
        })?;
    environment.set_syntax(syntax);
    environment.add_filter("money", filters::money);
    environment.add_filter("number", filters::number);
    environment.add_filter("percent", filters::percent);
    environment.add_filter("date", filters::date);
    environment.add_filter("cell", filters::cell);
    environment.add_filter("code", filters::code);
    environment.add_filter("mermaid", filters::mermaid);
    environment.add_filter("short", filters::short);
    environment.add_filter("url", filters::url);
    environment.add_filter("page", filters::page);
    environment.add_filter("css_string", filters::css_string);
    // Whatever a template prints is escaped unless a filter marked it safe: for HTML in the
    // `.html.j2` templates (minijinja's auto-escaping), for Markdown in the others.
    environment.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), minijinja::AutoEscape::Html) {
            if value.is_none() {
                return out.write_str("—").map_err(minijinja::Error::from);
            }
            return minijinja::escape_formatter(out, state, value);
        }
        if value.is_safe() || value.as_str().is_none() {
            if value.is_none() {
                return out.write_str("—").map_err(minijinja::Error::from);
            }
            return minijinja::escape_formatter(out, state, value);
        }
        out.write_str(&crate::markdown::cell(value.as_str().unwrap_or_default()))
            .map_err(minijinja::Error::from)
    });
    for (name, text) in TEMPLATES {
        let source = overrides
            .get(name)
            .cloned()
            .unwrap_or_else(|| text.to_string());
        environment
            .add_template_owned(name, source)
            .map_err(|error| ReportError {
                template: name.to_string(),
                reason: error.to_string(),
            })?;
    }
    Ok(environment)
}

fn render_one(
    environment: &Environment<'_>,
    name: &str,
    context: &Value,
) -> Result<String, ReportError> {
    let failed = |error: minijinja::Error| ReportError {
        template: name.to_string(),
        reason: error.to_string(),
    };
    environment
        .get_template(name)
        .map_err(failed)?
        .render(context)
        .map_err(failed)
}

/// A file of the report and what it is made from.
#[derive(Clone, Copy)]
enum Part {
    /// A Markdown report: its file name and its template.
    Markdown(&'static str, &'static str),
    /// summary.md, within [`SUMMARY_LIMIT`].
    Summary,
    /// A CSV: its file name and the function that writes it.
    Table(&'static str, csv::Table),
}

/// Takes each rendered file, by file name, as soon as it is rendered (from any thread).
pub type Sink<'a, E> = dyn Fn(&str, String) -> Result<(), E> + Sync + 'a;

/// The templates compiled once and the context turned into a template value once, for every
/// file a run renders. The files are rendered in parallel and each handed over as soon as it
/// is rendered, so that a run never holds the whole report at once.
pub struct Renderer {
    context: ReportContext,
    environment: Environment<'static>,
    value: Value,
}

impl Renderer {
    /// `overrides` replaces embedded templates by name.
    pub fn new(
        context: ReportContext,
        overrides: &BTreeMap<String, String>,
    ) -> Result<Renderer, ReportError> {
        Ok(Renderer {
            environment: environment(overrides)?,
            value: Value::from(Serde(&context)),
            context,
        })
    }

    /// The Markdown files: the reports, the summary and the CSVs. history.md only with a
    /// history.
    fn parts(&self) -> Vec<Part> {
        // The summary is written within its limit from its two templates.
        let reports = TEMPLATES.iter().filter_map(|&(template, _)| {
            let file = template.strip_suffix(".j2")?;
            let wanted = file.ends_with(".md")
                && !file.starts_with("summary")
                && (file != "history.md" || self.context.history.is_some());
            wanted.then_some(Part::Markdown(file, template))
        });
        reports
            .chain([Part::Summary])
            .chain(
                csv::TABLES
                    .iter()
                    .map(|&(file, table)| Part::Table(file, table)),
            )
            .collect()
    }

    fn render_part(&self, part: Part) -> Result<(&'static str, String), ReportError> {
        Ok(match part {
            Part::Markdown(file, template) => {
                (file, render_one(&self.environment, template, &self.value)?)
            }
            Part::Summary => ("summary.md", summary(&self.environment, &self.value)?),
            Part::Table(file, table) => (file, table(&self.context)),
        })
    }

    /// Every Markdown report, the summary and the CSVs, each handed to `sink` with its file
    /// name as soon as it is rendered, in no set order.
    pub fn each_markdown<E>(&self, sink: &Sink<'_, E>) -> Result<(), E>
    where
        E: From<ReportError> + Send,
    {
        self.parts().into_par_iter().try_for_each(|part| {
            let (file, text) = self.render_part(part)?;
            sink(file, text)
        })
    }

    /// One Markdown file of [`Renderer::each_markdown`] alone, by file name (`report.md`,
    /// `summary.md`, `ventures.csv`…); `None` for a name that is not one of them.
    pub fn markdown_file(&self, file: &str) -> Option<Result<String, ReportError>> {
        let part = self.parts().into_iter().find(|&part| match part {
            Part::Markdown(name, _) | Part::Table(name, _) => name == file,
            Part::Summary => file == "summary.md",
        })?;
        Some(self.render_part(part).map(|(_, text)| text))
    }

    /// The pages of the HTML site, each handed to `sink` with its file name as soon as it is
    /// rendered, in no set order.
    pub fn each_html<E>(&self, sink: &Sink<'_, E>) -> Result<(), E>
    where
        E: From<ReportError> + Send,
    {
        let svgs = self.charts()?;
        PAGES.into_par_iter().try_for_each(|(page, _)| {
            let text = self.page(page, &svgs, false)?;
            sink(page, text)
        })
    }

    /// `index.html` as printed to PDF: the links to the other pages, which a PDF cannot follow,
    /// written as their titles.
    pub fn print_page(&self) -> Result<String, ReportError> {
        self.page("index.html", &self.charts()?, true)
    }

    fn charts(&self) -> Result<Value, ReportError> {
        let svgs = svg::all(&self.context).map_err(|error| ReportError {
            template: "(charts)".into(),
            reason: error.to_string(),
        })?;
        let svgs: BTreeMap<&str, Value> = svgs
            .into_iter()
            .map(|(name, svg)| (name, Value::from_safe_string(svg)))
            .collect();
        Ok(Value::from(svgs))
    }

    fn page(&self, page: &str, svgs: &Value, print: bool) -> Result<String, ReportError> {
        let pages: Vec<Value> = PAGES
            .iter()
            .map(|&(file, title)| minijinja::context! { file => file, title => title })
            .collect();
        let value = minijinja::context! {
            svg => svgs.clone(),
            pages => pages,
            page => page,
            print => print,
            ..self.value.clone()
        };
        render_one(&self.environment, &format!("{page}.j2"), &value)
    }
}

/// The summary, within [`SUMMARY_LIMIT`]: in full when it fits, else a compact summary that
/// says where the full report is, and as a last resort cut at the limit with a note.
fn summary(environment: &Environment<'_>, value: &Value) -> Result<String, ReportError> {
    let full = render_one(environment, "summary.md.j2", value)?;
    if full.len() <= SUMMARY_LIMIT {
        return Ok(full);
    }
    let compact = render_one(environment, "summary-compact.md.j2", value)?;
    if compact.len() <= SUMMARY_LIMIT {
        return Ok(compact);
    }
    let note = "\n\n_The summary was cut at 64 KB: the full report has everything._\n";
    let mut end = SUMMARY_LIMIT - note.len();
    while !compact.is_char_boundary(end) {
        end -= 1;
    }
    Ok(format!("{}{note}", &compact[..end]))
}
