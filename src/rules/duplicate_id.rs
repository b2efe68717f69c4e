//! `duplicate-id`: two documents of one kind share an id.

use std::collections::HashMap;

use super::Context;
use crate::finding::Finding;
use crate::kind::Kind;
use crate::load::Document;

declare_rule! {
    /// Checks that ids are unique within their kind (`id`, an initiative's `initiative_id`, a
    /// metrics snapshot's `period`), and that portfolio.yaml and governance.yaml hold one
    /// document each.
    ///
    /// ## Why
    ///
    /// Every reference between files is by id; with two documents behind one id, references
    /// and sums are ambiguous.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: solar
    /// name: Solar
    /// status: active
    /// ```
    ///
    /// ```yaml
    /// # ventures/energy/solar.yaml
    /// id: solar
    /// name: Solar (copy)
    /// status: active
    /// ```
    ///
    /// ## Fix
    ///
    /// Rename one of them, or remove the copy.
    pub static DUPLICATE_ID = {
        name: "duplicate-id",
        severity: Error,
        family: Identity,
        summary: "two documents of one kind share an id",
        help: "give each document its own id",
        check: Some(check),
    };
}

fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    // The first document of each identity; a position is computed only for a duplicate.
    let mut first_seen: HashMap<(Kind, &str), &Document> = HashMap::new();
    for document in &context.loaded.documents {
        let (key, pointer) = if document.kind.is_singleton() {
            ((document.kind, ""), String::new())
        } else {
            let (Some(id), Some(field)) = (document.id(), document.kind.id_field()) else {
                continue;
            };
            ((document.kind, id), format!("/{field}"))
        };
        let Some(first) = first_seen.get(&key) else {
            first_seen.insert(key, document);
            continue;
        };
        let (file, first) = (&first.file, first.position(&pointer));
        let position = document.position(&pointer);
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
            &*document.file,
            pointer,
            position,
            message,
        ));
    }
}
