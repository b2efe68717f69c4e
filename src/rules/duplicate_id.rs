//! `duplicate-id`: two documents of one kind share an id.

use super::Context;
use crate::finding::Finding;
use crate::kind::Kind;

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
    // Every document's identity, sorted so that the documents sharing one stand together, in
    // the order they were read (a sorted list costs a third of a map of every id).
    let mut identities: Vec<(Kind, &str, usize)> = context
        .loaded
        .documents
        .iter()
        .enumerate()
        .filter_map(|(index, document)| {
            if document.kind.is_singleton() {
                return Some((document.kind, "", index));
            }
            document.kind.id_field()?;
            Some((document.kind, document.id()?, index))
        })
        .collect();
    identities.sort_unstable();
    for group in identities.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let Some(((kind, id, first), rest)) = group.split_first() else {
            continue;
        };
        let pointer = match kind.id_field() {
            Some(field) if !kind.is_singleton() => format!("/{field}"),
            _ => String::new(),
        };
        let first = &context.loaded.documents[*first];
        let (file, line) = (&first.file, first.position(&pointer).line);
        for (_, _, index) in rest {
            let document = &context.loaded.documents[*index];
            let message = if kind.is_singleton() {
                format!(
                    "a second {kind} document; expected exactly one, already given in {file} at line {line}"
                )
            } else {
                format!(
                    "{} {id:?} is already defined in {file} at line {line}; expected ids unique among {}",
                    kind.name().to_lowercase(),
                    kind.folder().unwrap_or_default()
                )
            };
            findings.push(Finding::new(
                &DUPLICATE_ID,
                &*document.file,
                pointer.clone(),
                document.position(&pointer),
                message,
            ));
        }
    }
}
