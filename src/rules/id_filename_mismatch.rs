//! `id-filename-mismatch`: a single-document file not named after its id.

use super::Context;
use crate::finding::Finding;

declare_rule! {
    /// Checks that a file holding a single document is named after its id
    /// (`ventures/solar.yaml` holds `id: solar`).
    ///
    /// ## Why
    ///
    /// People find artifacts by file name; a file named after something else hides what it
    /// holds, and often means an id was changed by mistake.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: wind
    /// name: Wind
    /// status: active
    /// ```
    ///
    /// ## Fix
    ///
    /// Rename the file, or correct the id.
    pub static ID_FILENAME_MISMATCH = {
        name: "id-filename-mismatch",
        severity: Warning,
        family: Identity,
        summary: "a file's name differs from its document's id",
        help: "rename the file after the id, so that people find it",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    for document in &context.loaded.documents {
        if context.loaded.parsed.get(&*document.file) != Some(&1) {
            continue;
        }
        let (Some(id), Some(field)) = (document.id(), document.kind.id_field()) else {
            continue;
        };
        let name = document.file.rsplit('/').next().unwrap_or(&document.file);
        let (stem, extension) = name
            .strip_suffix(".yaml")
            .map(|stem| (stem, "yaml"))
            .or_else(|| name.strip_suffix(".yml").map(|stem| (stem, "yml")))
            .unwrap_or((name, "yaml"));
        if stem == id {
            continue;
        }
        let pointer = format!("/{field}");
        findings.push(Finding::new(
            &ID_FILENAME_MISMATCH,
            &*document.file,
            &pointer,
            document.position(&pointer),
            format!(
                "the file is named {stem:?} but holds {field} {id:?}; expected the file to be named {id}.{extension}"
            ),
        ));
    }
}
