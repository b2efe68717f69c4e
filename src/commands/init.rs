//! `folio init DIR`: a new portfolio with the SOP's governance, ready for `folio check`.

use std::io::Write;
use std::path::Path;

use miette::{IntoDiagnostic, Result, miette};

use super::Outcome;
use crate::kind::Kind;

/// The SOP's decision rights and the roles they name; the members are placeholders to replace.
pub const GOVERNANCE: &str = include_str!("../../templates/init/governance.yaml");
/// A portfolio with every threshold at the SOP's default, written out so that people see the bar.
pub const PORTFOLIO: &str = include_str!("../../templates/init/portfolio.yaml");

/// The GitHub workflows of a portfolio repository, as `folio init` writes them into
/// `.github/workflows/` (the portfolio at the repository's top folder: `PORTFOLIO: "."`). The
/// same files are the tested examples in templates/init/workflows/.
pub const WORKFLOWS: [(&str, &str); 5] = [
    (
        "folio-check.yml",
        include_str!("../../templates/init/workflows/folio-check.yml"),
    ),
    (
        "folio-report.yml",
        include_str!("../../templates/init/workflows/folio-report.yml"),
    ),
    (
        "folio-decisions.yml",
        include_str!("../../templates/init/workflows/folio-decisions.yml"),
    ),
    (
        "folio-review.yml",
        include_str!("../../templates/init/workflows/folio-review.yml"),
    ),
    (
        "folio-record.yml",
        include_str!("../../templates/init/workflows/folio-record.yml"),
    ),
];

/// Where `folio init` puts the schemas, so that YAML editors complete and validate offline (a
/// hidden folder: folio never reads it as portfolio data).
pub const SCHEMA_FOLDER: &str = ".folio/schemas";

/// The schemas, and a mapping from each kind's files to its schema that the YAML language
/// server (VS Code's YAML extension, and every editor that uses the server) reads from
/// `.vscode/settings.json`.
fn write_editor_files(dir: &Path) -> Result<()> {
    let schemas = dir.join(SCHEMA_FOLDER);
    std::fs::create_dir_all(&schemas).into_diagnostic()?;
    let mut mapping = serde_json::Map::new();
    for kind in Kind::ALL {
        let file = format!("{}.schema.json", kind.slug());
        std::fs::write(schemas.join(&file), kind.schema_text()).into_diagnostic()?;
        let globs: Vec<String> = match kind.folder() {
            Some(folder) => vec![format!("{folder}/**/*.yaml"), format!("{folder}/**/*.yml")],
            None => vec![
                format!("{}.yaml", kind.slug()),
                format!("{}.yml", kind.slug()),
            ],
        };
        mapping.insert(format!("./{SCHEMA_FOLDER}/{file}"), globs.into());
    }
    let settings = serde_json::json!({ "yaml.schemas": mapping });
    let vscode = dir.join(".vscode");
    std::fs::create_dir_all(&vscode).into_diagnostic()?;
    let text = serde_json::to_string_pretty(&settings).into_diagnostic()?;
    std::fs::write(vscode.join("settings.json"), text + "\n").into_diagnostic()?;
    Ok(())
}

pub fn run(dir: &Path, quiet: bool, out: &mut dyn Write) -> Result<Outcome> {
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        return Err(miette!(
            help = "choose a new or empty folder",
            "{} is not empty: folio init never overwrites files",
            dir.display()
        ));
    }
    let name = dir
        .canonicalize()
        .ok()
        .or_else(|| Some(dir.to_path_buf()))
        .and_then(|path| {
            path.file_name()
                .map(|name| name.to_string_lossy().to_string())
        })
        .unwrap_or_else(|| "Portfolio".into());
    std::fs::create_dir_all(dir).into_diagnostic()?;
    let name = name.replace('"', "'");
    std::fs::write(
        dir.join("portfolio.yaml"),
        PORTFOLIO.replace("{{name}}", &name),
    )
    .into_diagnostic()?;
    std::fs::write(dir.join("governance.yaml"), GOVERNANCE).into_diagnostic()?;
    for folder in Kind::ALL.iter().filter_map(|kind| kind.folder()) {
        let path = dir.join(folder);
        std::fs::create_dir_all(&path).into_diagnostic()?;
        std::fs::write(path.join(".gitkeep"), "").into_diagnostic()?;
    }
    write_editor_files(dir)?;
    let workflows = dir.join(".github/workflows");
    std::fs::create_dir_all(&workflows).into_diagnostic()?;
    for (file, text) in WORKFLOWS {
        std::fs::write(workflows.join(file), text).into_diagnostic()?;
    }
    if quiet {
        return Ok(Outcome::Clean);
    }
    writeln!(
        out,
        "created a portfolio in {}: replace the placeholder members in governance.yaml, then add ventures/; \
         .github/workflows/ holds folio's check, report and decisions workflows",
        dir.display()
    )
    .into_diagnostic()?;
    Ok(Outcome::Clean)
}
