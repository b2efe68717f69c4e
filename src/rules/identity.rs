//! The identity rules: ids unique within their kind and matching their file, and the two files a
//! portfolio cannot do without.

use std::collections::HashMap;

use super::{Family, Rule};
use crate::finding::{Finding, Position, Severity};
use crate::kind::Kind;
use crate::load::{Loaded, node_position};

pub static DUPLICATE_ID: Rule = Rule {
    name: "duplicate-id",
    severity: Severity::Error,
    family: Family::Identity,
    summary: "two documents of one kind share an id",
    help: "give each document its own id",
    doc: "Checks that ids are unique within their kind (`id`, an initiative's `initiative_id`, a \
metrics snapshot's `period`), and that portfolio.yaml and governance.yaml hold one document \
each.\n\n\
Why: every reference between files is by id; with two documents behind one id, references and \
sums are ambiguous.\n\n\
Example: `ventures/solar.yaml` and `ventures/energy/solar.yaml` both with `id: solar`.\n\n\
Fix: rename one of them, or remove the copy.",
};

pub static ID_FILENAME_MISMATCH: Rule = Rule {
    name: "id-filename-mismatch",
    severity: Severity::Warning,
    family: Family::Identity,
    summary: "a file's name differs from its document's id",
    help: "rename the file after the id, so that people find it",
    doc: "Checks that a file holding a single document is named after its id (`ventures/solar.yaml` \
holds `id: solar`).\n\n\
Why: people find artifacts by file name; a file named after something else hides what it \
holds, and often means an id was changed by mistake.\n\n\
Example: `ventures/solar.yaml` with `id: wind`.\n\n\
Fix: rename the file, or correct the id.",
};

pub static MISSING_PORTFOLIO: Rule = Rule {
    name: "missing-portfolio",
    severity: Severity::Error,
    family: Family::Identity,
    summary: "the portfolio root has no portfolio.yaml",
    help: "create portfolio.yaml with at least `name:` (`folio init` writes one)",
    doc: "Checks that the portfolio root holds `portfolio.yaml`.\n\n\
Why: it names the portfolio and holds its thresholds and entry-gate evidence; without it the \
folder is not a portfolio (or ROOT points at the wrong folder).\n\n\
Example: a root with `ventures/` but no portfolio.yaml.\n\n\
Fix: create portfolio.yaml, or point folio at the right folder.",
};

pub static MISSING_GOVERNANCE: Rule = Rule {
    name: "missing-governance",
    severity: Severity::Error,
    family: Family::Identity,
    summary: "the portfolio root has no governance.yaml",
    help: "create governance.yaml with the chairman, the board and the decision rights",
    doc: "Checks that the portfolio root holds `governance.yaml`.\n\n\
Why: governance says who approves which decision; without it no change can be judged.\n\n\
Example: a root with portfolio.yaml but no governance.yaml.\n\n\
Fix: create governance.yaml (`folio init` writes the SOP's decision rights).",
};

/// The identity findings of a loaded portfolio.
pub fn check(loaded: &Loaded) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_required_files(loaded, &mut findings);
    check_unique_ids(loaded, &mut findings);
    check_file_names(loaded, &mut findings);
    findings
}

fn check_required_files(loaded: &Loaded, findings: &mut Vec<Finding>) {
    for (kind, rule, file) in [
        (Kind::Portfolio, &MISSING_PORTFOLIO, "portfolio.yaml"),
        (Kind::Governance, &MISSING_GOVERNANCE, "governance.yaml"),
    ] {
        if loaded.of_kind(kind).next().is_some() {
            continue;
        }
        let existing = loaded
            .files
            .iter()
            .find(|path| Kind::of_path(path) == Some(kind));
        match existing {
            // A file that could not be read already has its finding; one that reads as
            // nothing gets this one.
            Some(path) if loaded.texts.contains_key(path) => findings.push(Finding::new(
                rule,
                path,
                "",
                Position::START,
                format!("{path} holds no document; expected a {kind} document"),
            )),
            Some(_) => {}
            None => findings.push(Finding::new(
                rule,
                file,
                "",
                Position::START,
                format!("the portfolio root has no {file}; expected a {kind} document there"),
            )),
        }
    }
}

fn check_unique_ids(loaded: &Loaded, findings: &mut Vec<Finding>) {
    let mut first_seen: HashMap<(Kind, &str), (&str, Position)> = HashMap::new();
    for document in &loaded.documents {
        let (key, pointer) = if document.kind.is_singleton() {
            ((document.kind, ""), String::new())
        } else {
            let (Some(id), Some(field)) = (document.id(), document.kind.id_field()) else {
                continue;
            };
            ((document.kind, id), format!("/{field}"))
        };
        let position = document.position(&pointer);
        match first_seen.get(&key) {
            None => {
                first_seen.insert(key, (&document.file, position));
            }
            Some((file, first)) => {
                let message = if document.kind.is_singleton() {
                    format!(
                        "a second {} document; expected exactly one, already given in {file} at line {}",
                        document.kind, first.line
                    )
                } else {
                    format!(
                        "{} {:?} is already defined in {file} at line {}; expected ids unique among {}",
                        document.kind.name().to_lowercase(),
                        key.1,
                        first.line,
                        document.kind.folder().unwrap_or_default()
                    )
                };
                findings.push(Finding::new(
                    &DUPLICATE_ID,
                    &document.file,
                    pointer,
                    position,
                    message,
                ));
            }
        }
    }
}

fn check_file_names(loaded: &Loaded, findings: &mut Vec<Finding>) {
    let mut per_file: HashMap<&str, usize> = HashMap::new();
    for document in &loaded.documents {
        *per_file.entry(&document.file).or_default() += 1;
    }
    for document in &loaded.documents {
        if per_file.get(document.file.as_str()) != Some(&1) {
            continue;
        }
        let (Some(id), Some(field)) = (document.id(), document.kind.id_field()) else {
            continue;
        };
        let name = document.file.rsplit('/').next().unwrap_or(&document.file);
        let stem = name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
            .unwrap_or(name);
        if stem != id {
            let node = document.root.get(field).unwrap_or(&document.root);
            findings.push(Finding::new(
                &ID_FILENAME_MISMATCH,
                &document.file,
                format!("/{field}"),
                node_position(node),
                format!("the file is named {stem:?} but holds {field} {id:?}; expected the file to be named {id}.yaml"),
            ));
        }
    }
}
