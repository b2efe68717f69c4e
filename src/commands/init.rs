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

pub fn run(dir: &Path, out: &mut dyn Write) -> Result<Outcome> {
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
    writeln!(
        out,
        "created a portfolio in {}: replace the placeholder members in governance.yaml, then add ventures/",
        dir.display()
    )
    .into_diagnostic()?;
    Ok(Outcome::Clean)
}
