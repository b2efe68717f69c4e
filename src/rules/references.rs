//! The fields in which artifacts name other records, read from each document's spanned tree
//! rather than from the typed model. The model holds only schema-valid documents; reading the
//! tree lets the reference rules check a document that broke its schema in the same run,
//! wherever the field itself is well-formed, through the one code path that valid documents take.

use crate::kind::Kind;
use crate::load::Document;
use crate::load::node::{NodeValue, escape_pointer_token};

/// How a field names records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One id: `venture: solar`.
    One,
    /// A list of ids: `ventures: [solar, wind]`.
    List,
    /// A mapping keyed by id: `allocations: {solar: 50}`, marked at the key.
    Keys,
}

/// A field, in the documents of one kind, that names records by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub kind: Kind,
    /// The field's JSON pointer in its document.
    pub pointer: &'static str,
    pub shape: Shape,
}

impl Field {
    pub const fn one(kind: Kind, pointer: &'static str) -> Field {
        Field {
            kind,
            pointer,
            shape: Shape::One,
        }
    }

    pub const fn list(kind: Kind, pointer: &'static str) -> Field {
        Field {
            kind,
            pointer,
            shape: Shape::List,
        }
    }

    pub const fn keys(kind: Kind, pointer: &'static str) -> Field {
        Field {
            kind,
            pointer,
            shape: Shape::Keys,
        }
    }

    /// The ids this field names in `document`, in order. None when the field is absent or not
    /// well-formed (not an identifier, a list holding anything but identifiers, not a mapping):
    /// the schema's finding says what is wrong there, and a guess at a reference would only
    /// repeat it.
    pub fn read<'a>(&self, document: &'a Document) -> Vec<Reference<'a>> {
        let Some(resolved) = document.resolve(self.pointer) else {
            return Vec::new();
        };
        let reference = |pointer: String, id: &'a str, at_key: bool| Reference {
            document,
            pointer,
            id,
            at_key,
        };
        match (self.shape, &resolved.node.value) {
            (Shape::One, NodeValue::String(id)) if is_identifier(id) => {
                vec![reference(self.pointer.to_string(), id, false)]
            }
            (Shape::List, NodeValue::Sequence(items)) => {
                let ids: Option<Vec<&str>> = items
                    .iter()
                    .map(|item| item.as_str().filter(|id| is_identifier(id)))
                    .collect();
                ids.unwrap_or_default()
                    .into_iter()
                    .enumerate()
                    .map(|(index, id)| reference(format!("{}/{index}", self.pointer), id, false))
                    .collect()
            }
            (Shape::Keys, NodeValue::Mapping(entries))
                if entries.iter().all(|entry| is_identifier(&entry.key)) =>
            {
                entries
                    .iter()
                    .map(|entry| {
                        let pointer =
                            format!("{}/{}", self.pointer, escape_pointer_token(&entry.key));
                        reference(pointer, &entry.key, true)
                    })
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}

pub const ASSESSMENT_VENTURE: Field = Field::one(Kind::Assessment, "/venture");
pub const SYNERGY_VENTURES: Field = Field::list(Kind::Synergy, "/ventures");
pub const CONFLICT_VENTURES: Field = Field::list(Kind::Conflict, "/ventures");
pub const CONFLICT_RESOURCE: Field = Field::one(Kind::Conflict, "/resource");
pub const CONFLICT_APPROVED_BY: Field = Field::one(Kind::Conflict, "/approved_by");
pub const INITIATIVE_VENTURES: Field = Field::list(Kind::Initiative, "/ventures");
pub const INITIATIVE_SYNERGY: Field = Field::one(Kind::Initiative, "/synergy");
pub const INITIATIVE_APPROVED_BY: Field = Field::one(Kind::Initiative, "/approved_by");
pub const RESOURCE_ALLOCATIONS: Field = Field::keys(Kind::Resource, "/allocations");
pub const RESOURCE_APPROVED_BY: Field = Field::one(Kind::Resource, "/approved_by");
pub const VALUE_EVENT_INITIATIVE: Field = Field::one(Kind::ValueEvent, "/initiative");
/// `initiatives: all` names no initiative in particular.
pub const ROLLBACK_INITIATIVES: Field = Field::list(Kind::Rollback, "/initiatives");

/// Every field in which a document names other records: the rules read these, and nothing
/// else, of every document's tree.
pub const FIELDS: [Field; 12] = [
    ASSESSMENT_VENTURE,
    SYNERGY_VENTURES,
    CONFLICT_VENTURES,
    CONFLICT_RESOURCE,
    CONFLICT_APPROVED_BY,
    INITIATIVE_VENTURES,
    INITIATIVE_SYNERGY,
    INITIATIVE_APPROVED_BY,
    RESOURCE_ALLOCATIONS,
    RESOURCE_APPROVED_BY,
    VALUE_EVENT_INITIATIVE,
    ROLLBACK_INITIATIVES,
];

/// The lists of ventures that synergies, conflicts and initiatives hold.
pub const VENTURE_LISTS: [Field; 3] = [SYNERGY_VENTURES, CONFLICT_VENTURES, INITIATIVE_VENTURES];

/// What a typed document of `kind` keeps of its tree (see [`Document::prune`]): its id field
/// and the fields of [`FIELDS`], which the rules read of every document. Anything else is
/// parsed again from the text when asked for.
pub fn kept_keys(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Venture => &["id"],
        Kind::Assessment => &["venture"],
        Kind::Synergy => &["id", "ventures"],
        Kind::Conflict => &["id", "ventures", "resource", "approved_by"],
        Kind::Initiative => &["initiative_id", "ventures", "synergy", "approved_by"],
        Kind::Resource => &["id", "allocations", "approved_by"],
        Kind::ValueEvent => &["id", "initiative"],
        Kind::Metrics => &["period"],
        Kind::Rollback => &["id", "initiatives"],
        // The root files keep their whole trees.
        Kind::Portfolio | Kind::Governance => &[],
    }
}

/// An id that a document names, and where.
#[derive(Debug, Clone)]
pub struct Reference<'a> {
    pub document: &'a Document,
    /// Where the id stands in the document: the field, a list item or a mapping key.
    pub pointer: String,
    pub id: &'a str,
    /// Whether the id is a mapping key (an allocation), to be marked at the key.
    pub at_key: bool,
}

/// The identifier grammar of the schemas (`^[A-Za-z0-9][A-Za-z0-9._-]*$`), which every id and
/// role name follows.
fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::load::yaml;

    fn document(kind: Kind, text: &str) -> Document {
        let root = yaml::parse(text)
            .documents
            .into_iter()
            .next()
            .flatten()
            .expect("a document");
        Document::new("x.yaml".into(), 0, kind, root)
    }

    fn ids(field: Field, text: &str) -> Vec<(String, String)> {
        let document = document(field.kind, text);
        field
            .read(&document)
            .into_iter()
            .map(|reference| (reference.pointer, reference.id.to_string()))
            .collect()
    }

    #[test]
    fn a_pruned_document_keeps_every_field_the_rules_read() {
        for field in FIELDS {
            let first = field.pointer.trim_start_matches('/');
            assert!(kept_keys(field.kind).contains(&first), "{field:?}");
        }
        for kind in Kind::ALL {
            if let (Some(id), Some(_)) = (kind.id_field(), kind.folder()) {
                assert!(kept_keys(kind).contains(&id), "{kind:?}");
            }
        }
    }

    /// A pruned document answers as the whole one: the fields it keeps from what it kept, any
    /// other pointer (and its whole tree) from its text parsed again, positions included.
    #[test]
    fn a_pruned_document_resolves_what_the_whole_one_does() {
        let text = "# a conflict\n---\nid: C1\ntitle: T\nventures: [solar, wind]\n\
                    notes:\n  - first\n  - {deep: [1, 2]}\nstatus: open\n";
        let parsed: Vec<_> = yaml::parse(text).documents.into_iter().collect();
        let index = parsed.iter().position(Option::is_some).expect("a document");
        let root = parsed[index].clone().expect("a document");
        let whole = Document::new("c.yaml".into(), index, Kind::Conflict, root.clone());
        let mut pruned = whole.clone();
        pruned.prune(&Arc::from(text));
        assert!(!pruned.same_reading(&whole));
        assert_eq!(pruned.id(), Some("C1"));
        assert_eq!(
            CONFLICT_VENTURES.read(&pruned).len(),
            CONFLICT_VENTURES.read(&whole).len()
        );
        for pointer in [
            "",
            "/id",
            "/ventures/1",
            "/notes",
            "/notes/1/deep/1",
            "/status",
            "/missing",
        ] {
            assert_eq!(
                pruned.position(pointer),
                whole.position(pointer),
                "{pointer}"
            );
            assert_eq!(
                pruned.key_position(pointer),
                whole.key_position(pointer),
                "{pointer}"
            );
        }
        assert_eq!(pruned.root(), &root);
    }

    #[test]
    fn well_formed_fields_are_read_whatever_else_the_document_holds() {
        let list = Field::list(Kind::Conflict, "/ventures");
        assert_eq!(
            ids(list, "status: opne\nventures: [solar, wind]\n"),
            [
                ("/ventures/0".to_string(), "solar".to_string()),
                ("/ventures/1".to_string(), "wind".to_string())
            ]
        );
        let one = Field::one(Kind::Assessment, "/venture");
        assert_eq!(
            ids(one, "venture: solar\nscores: 3\n"),
            [("/venture".to_string(), "solar".to_string())]
        );
        let keys = Field::keys(Kind::Resource, "/allocations");
        assert_eq!(
            ids(keys, "allocations: {solar: -5, a/b.c: 1}\n"),
            Vec::<(String, String)>::new(),
            "a key that is no identifier leaves the mapping to the schema"
        );
        assert_eq!(
            ids(keys, "allocations: {solar: -5}\n"),
            [("/allocations/solar".to_string(), "solar".to_string())]
        );
    }

    #[test]
    fn malformed_fields_are_left_to_the_schema() {
        let list = Field::list(Kind::Conflict, "/ventures");
        for text in [
            "ventures: solar\n",
            "ventures: [solar, 3]\n",
            "ventures: [solar, {id: wind}]\n",
            "ventures: [solar, wind farm]\n",
            "ventures: {solar: 1}\n",
        ] {
            assert_eq!(ids(list, text), [], "{text}");
        }
        let one = Field::one(Kind::Assessment, "/venture");
        for text in [
            "venture: [solar]\n",
            "venture: 12\n",
            "venture: Solar Energy\n",
        ] {
            assert_eq!(ids(one, text), [], "{text}");
        }
        assert_eq!(ids(one, "other: solar\n"), []);
    }

    #[test]
    fn identifiers_follow_the_schema_grammar() {
        for good in ["solar", "AUTH-SHARED-001", "v1.2_x", "0"] {
            assert!(is_identifier(good), "{good}");
        }
        for bad in ["", "-solar", ".x", "wind farm", "a/b", "café"] {
            assert!(!is_identifier(bad), "{bad}");
        }
    }
}
