//! The SOP's deliverables: Markdown reports from minijinja templates (embedded, overridable by
//! name), CSVs beside the tables, and a summary that always fits a job summary or a comment.
//! Pure: rendering reads and writes nothing; `commands/report.rs` writes the files.

pub mod context;
mod csv;
mod filters;
pub mod history;

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value};

pub use context::{ReportContext, build};

/// The summary must fit a pull-request comment and a job summary.
pub const SUMMARY_LIMIT: usize = 64 * 1024;

/// Templates may do this much work (minijinja fuel): ample for 10,000 artifacts, a bound for a
/// template that loops forever.
const FUEL: u64 = 500_000_000;

/// Every embedded template, by name; `--templates DIR` replaces any of them by file name.
pub const TEMPLATES: [(&str, &str); 16] = [
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

/// The rendered files, by name, in a stable order.
pub type Files = BTreeMap<String, String>;

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
    // Whatever a template prints is escaped for Markdown unless a filter marked it safe.
    environment.set_formatter(|out, state, value| {
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

/// Renders every report and CSV. `overrides` replaces embedded templates by name.
pub fn render(
    context: &ReportContext,
    overrides: &BTreeMap<String, String>,
) -> Result<Files, ReportError> {
    let environment = environment(overrides)?;
    let value = Value::from(Serde(context));
    let mut files = Files::new();
    for (template, _) in TEMPLATES {
        let Some(name) = template.strip_suffix(".j2") else {
            continue;
        };
        // The summary is written within its limit below; history.md only with a history.
        if name.starts_with("summary") || (name == "history.md" && context.history.is_none()) {
            continue;
        }
        files.insert(
            name.to_string(),
            render_one(&environment, template, &value)?,
        );
    }
    files.insert("summary.md".into(), summary(&environment, context)?);
    for (name, text) in csv::tables(context) {
        files.insert(name, text);
    }
    Ok(files)
}

/// The summary, within [`SUMMARY_LIMIT`]: in full when it fits, else a compact summary that
/// says where the full report is, and as a last resort cut at the limit with a note.
fn summary(environment: &Environment<'_>, context: &ReportContext) -> Result<String, ReportError> {
    let full = render_one(environment, "summary.md.j2", &Value::from(Serde(context)))?;
    if full.len() <= SUMMARY_LIMIT {
        return Ok(full);
    }
    let compact = render_one(
        environment,
        "summary-compact.md.j2",
        &Value::from(Serde(context)),
    )?;
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
