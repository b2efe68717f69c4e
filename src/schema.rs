//! The embedded JSON Schemas, compiled once per run, and the translation of their errors into
//! findings at the exact node (or, for an unexpected property, its key).

use std::sync::OnceLock;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use crate::finding::Finding;
use crate::kind::Kind;
use crate::load::node::escape_pointer_token;
use crate::load::{Document, FileRead};
use crate::model::TypedDocument;
use crate::rules;
use crate::suggest::closest;

/// An embedded schema that does not compile: a bug in folio, never in the user's files.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("the embedded schema of {kind} is broken: {reason}")]
#[diagnostic(code(folio::schema), help("this is a bug in folio; please report it"))]
pub struct SchemaError {
    pub kind: Kind,
    pub reason: String,
}

/// A kind's schema, parsed and compiled.
pub struct CompiledSchema {
    pub kind: Kind,
    pub schema: Value,
    validator: Validator,
}

static COMPILED: [OnceLock<Result<CompiledSchema, SchemaError>>; 11] =
    [const { OnceLock::new() }; 11];

/// The compiled schema of `kind`, compiled on first use and shared by every thread after.
pub fn compiled(kind: Kind) -> Result<&'static CompiledSchema, &'static SchemaError> {
    let slot = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    COMPILED[slot].get_or_init(|| compile(kind)).as_ref()
}

fn compile(kind: Kind) -> Result<CompiledSchema, SchemaError> {
    let broken = |reason: String| SchemaError { kind, reason };
    let schema: Value =
        serde_json::from_str(kind.schema_text()).map_err(|error| broken(error.to_string()))?;
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|error| broken(error.to_string()))?;
    Ok(CompiledSchema {
        kind,
        schema,
        validator,
    })
}

fn is_marked_narrative(node: &Value) -> bool {
    node.get("x-folio-narrative") == Some(&Value::Bool(true))
}

/// Checks every document of a file against its kind's schema: the findings join the file's,
/// and each document learns whether it passed.
pub fn check_file(read: &mut FileRead) -> Result<(), SchemaError> {
    for document in &mut read.documents {
        let compiled = compiled(document.kind).map_err(|error| SchemaError {
            kind: error.kind,
            reason: error.reason.clone(),
        })?;
        let (findings, json) = compiled.check(document);
        if findings.is_empty() {
            // Typed here, once per file read; the JSON is not kept.
            match TypedDocument::of(document.kind, &json) {
                Ok(typed) => document.typed = Some(typed),
                Err(error) => read.findings.push(Finding::new(
                    &rules::SCHEMA,
                    &*document.file,
                    "",
                    document.position(""),
                    format!(
                        "folio cannot hold this {} document: {error}; expected values within the schema's ranges",
                        document.kind
                    ),
                )),
            }
        }
        read.findings.extend(findings);
    }
    Ok(())
}

impl CompiledSchema {
    /// Whether the field at `pointer` (or a field it lies in) is marked narrative
    /// (`"x-folio-narrative": true`): text for people, whose change decides nothing. A pointer
    /// the schema does not describe is governed.
    pub fn is_narrative(&self, pointer: &str) -> bool {
        let mut node = &self.schema;
        let tokens = pointer.split('/').skip(1);
        for token in tokens {
            node = self.dereference(node);
            if is_marked_narrative(node) {
                return true;
            }
            let token = token.replace("~1", "/").replace("~0", "~");
            let next = node
                .get("properties")
                .and_then(|properties| properties.get(&token))
                .or_else(|| token.parse::<usize>().ok().and_then(|_| node.get("items")))
                .or_else(|| node.get("additionalProperties").filter(|n| n.is_object()));
            match next {
                Some(next) => node = next,
                None => return false,
            }
        }
        is_marked_narrative(self.dereference(node))
    }

    /// Follows a local `$ref` (`#/$defs/name`), once.
    fn dereference<'a>(&'a self, node: &'a Value) -> &'a Value {
        match node.get("$ref").and_then(Value::as_str) {
            Some(reference) => reference
                .strip_prefix('#')
                .and_then(|pointer| self.schema.pointer(pointer))
                .unwrap_or(node),
            None => node,
        }
    }

    /// One finding per violated keyword of one document, and the document as JSON.
    pub fn check(&self, document: &Document) -> (Vec<Finding>, Value) {
        let instance = document.root().to_json();
        let mut findings = Vec::new();
        for error in self.validator.iter_errors(&instance) {
            self.translate(document, &error, &mut findings);
        }
        (findings, instance)
    }

    fn translate(&self, document: &Document, error: &ValidationError<'_>, out: &mut Vec<Finding>) {
        let pointer = error.instance_path().as_str();
        let keyword_schema = self.schema_at(error.schema_path().as_str(), 1);
        let described = |node: Option<&Value>| {
            node.and_then(describe)
                .unwrap_or_else(|| rules::SCHEMA.help.to_string())
        };
        let at = |pointer: &str, message: String, help: String| {
            Finding::new(
                &rules::SCHEMA,
                &*document.file,
                pointer,
                document.position(pointer),
                message,
            )
            .with_help(help)
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let allowed = keyword_schema
                    .and_then(|schema| schema.get("properties"))
                    .and_then(Value::as_object)
                    .map(|properties| properties.keys().cloned().collect::<Vec<_>>())
                    .unwrap_or_default();
                for key in unexpected {
                    let member = format!("{pointer}/{}", escape_pointer_token(key));
                    let message = format!(
                        "unexpected property {key:?}; expected one of {}",
                        quoted_list(&allowed)
                    );
                    let help = match closest(key, allowed.iter().map(String::as_str)) {
                        Some(near) => format!("did you mean {near:?}?"),
                        None => format!(
                            "remove it; `folio schema {}` lists the fields of a {}",
                            self.kind.slug(),
                            self.kind
                        ),
                    };
                    out.push(
                        Finding::new(
                            &rules::SCHEMA,
                            &*document.file,
                            &member,
                            document.key_position(&member),
                            message,
                        )
                        .with_help(help),
                    );
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let property_schema = keyword_schema
                    .and_then(|schema| schema.get("properties"))
                    .and_then(|properties| properties.get(name));
                out.push(at(
                    pointer,
                    format!("missing required property {name:?}"),
                    described(property_schema),
                ));
            }
            ValidationErrorKind::PropertyNames { error: inner } => {
                let key = inner.instance().as_str().unwrap_or_default();
                let member = format!("{pointer}/{}", escape_pointer_token(key));
                out.push(
                    Finding::new(
                        &rules::SCHEMA,
                        &*document.file,
                        &member,
                        document.key_position(&member),
                        format!(
                            "key {key:?} is not allowed here: {}",
                            message_for(inner, None)
                        ),
                    )
                    .with_help(described(keyword_schema)),
                );
            }
            _ => out.push(at(
                pointer,
                message_for(error, keyword_schema),
                described(keyword_schema),
            )),
        }
    }

    /// The schema object that holds the keyword at `path`, `drop` segments up (1: the object
    /// that holds the failing keyword), following local `$ref`s on the way.
    fn schema_at(&self, path: &str, drop: usize) -> Option<&Value> {
        let tokens: Vec<String> = path
            .split('/')
            .skip(1)
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
            .collect();
        let keep = tokens.len().checked_sub(drop)?;
        let mut node = &self.schema;
        for token in &tokens[..keep] {
            if token == "$ref" {
                let target = node.get("$ref")?.as_str()?;
                node = self.schema.pointer(target.strip_prefix('#')?)?;
                continue;
            }
            node = match node {
                Value::Object(map) => map.get(token)?,
                Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        // The failing keyword may sit beside a `$ref` that holds the real definition.
        Some(node)
    }
}

/// The help a schema node gives: its title and description.
fn describe(node: &Value) -> Option<String> {
    let description = node.get("description")?.as_str()?;
    Some(match node.get("title").and_then(Value::as_str) {
        Some(title) => format!("{title}: {description}"),
        None => description.to_string(),
    })
}

/// A short rendering of a value for a message.
fn show(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text
    }
}

fn quoted_list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("{item:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The message for one violated keyword: the value, then what was expected.
fn message_for(error: &ValidationError<'_>, schema: Option<&Value>) -> String {
    let value = show(error.instance());
    match error.kind() {
        ValidationErrorKind::Enum { options } => {
            let options = options
                .as_array()
                .map(|items| items.iter().map(show).collect::<Vec<_>>().join(", "))
                .unwrap_or_else(|| show(options));
            format!("{value} is not an allowed value; expected one of {options}")
        }
        ValidationErrorKind::Constant { expected_value } => {
            format!(
                "{value} is not allowed here; expected {}",
                show(expected_value)
            )
        }
        ValidationErrorKind::Type { .. } => {
            let expected = schema
                .and_then(|schema| schema.get("type"))
                .map(|types| match types {
                    Value::Array(items) => items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(article)
                        .collect::<Vec<_>>()
                        .join(" or "),
                    Value::String(one) => article(one),
                    other => show(other),
                })
                .unwrap_or_else(|| "another type".into());
            format!(
                "{value} is {}; expected {expected}",
                article(type_of(error.instance()))
            )
        }
        ValidationErrorKind::Format { format } => match format.as_str() {
            "date" => format!("{value} is not a valid date; expected a date written YYYY-MM-DD"),
            "email" => format!("{value} is not a valid email address"),
            other => format!("{value} is not a valid {other}"),
        },
        ValidationErrorKind::Minimum { limit } => {
            format!("{value} is below the minimum; expected at least {limit}")
        }
        ValidationErrorKind::Maximum { limit } => {
            format!("{value} is above the maximum; expected at most {limit}")
        }
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            format!("{value} is too small; expected more than {limit}")
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            format!("{value} is too large; expected less than {limit}")
        }
        ValidationErrorKind::MinItems { limit } => format!(
            "the list has {} item(s); expected at least {limit}",
            error.instance().as_array().map_or(0, Vec::len)
        ),
        ValidationErrorKind::MaxItems { limit } => format!(
            "the list has {} items; expected at most {limit}",
            error.instance().as_array().map_or(0, Vec::len)
        ),
        ValidationErrorKind::MinLength { limit } => {
            format!("{value} is too short; expected at least {limit} character(s)")
        }
        ValidationErrorKind::MaxLength { limit } => {
            format!("{value} is too long; expected at most {limit} characters")
        }
        ValidationErrorKind::Pattern { pattern } => {
            format!("{value} does not have the expected form; expected it to match {pattern}")
        }
        ValidationErrorKind::Not { schema: forbidden } => match forbidden.get("enum") {
            Some(Value::Array(names)) => format!(
                "{value} is reserved; expected a name other than {}",
                names.iter().map(show).collect::<Vec<_>>().join(", ")
            ),
            _ => format!("{value} is a value this field may not take"),
        },
        ValidationErrorKind::OneOfNotValid { .. } | ValidationErrorKind::AnyOf { .. } => {
            let branches = schema
                .and_then(|schema| schema.get("oneOf").or_else(|| schema.get("anyOf")))
                .and_then(Value::as_array)
                .map(|branches| branches.iter().map(branch_hint).collect::<Vec<_>>())
                .unwrap_or_default();
            if branches.is_empty() {
                format!("{value} matches none of the allowed forms")
            } else {
                format!(
                    "{value} matches none of the allowed forms; expected {}",
                    branches.join(" or ")
                )
            }
        }
        _ => lowercase_first(&error.to_string()),
    }
}

/// How one branch of a `oneOf` or `anyOf` reads in a message: its title, with the constant,
/// type or required fields that tell it apart.
fn branch_hint(branch: &Value) -> String {
    let detail = if let Some(constant) = branch.get("const") {
        Some(show(constant))
    } else if let Some(kind) = branch.get("type").and_then(Value::as_str) {
        Some(article(kind))
    } else {
        branch
            .get("required")
            .and_then(Value::as_array)
            .map(|fields| {
                let fields: Vec<String> = fields.iter().map(show).collect();
                format!("a mapping with {}", fields.join(" and "))
            })
    };
    let title = branch
        .get("title")
        .and_then(Value::as_str)
        .map(lowercase_first);
    match (title, detail) {
        (Some(title), Some(detail)) => format!("{title} ({detail})"),
        (Some(title), None) => title,
        (None, Some(detail)) => detail,
        (None, None) => "another form".into(),
    }
}

fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_i64() || number.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "mapping",
    }
}

/// "a string", "an integer", with JSON Schema's type names said as YAML users know them.
fn article(kind: &str) -> String {
    let said = match kind {
        "object" => "mapping",
        "array" => "list",
        other => other,
    };
    match said {
        "null" => "null".into(),
        _ if said.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {said}"),
        _ => format!("a {said}"),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_schema_compiles() {
        for kind in Kind::ALL {
            assert!(compiled(kind).is_ok(), "{kind} does not compile");
        }
    }

    /// Walks every subschema that describes a property, a list item or a map value.
    fn described_nodes<'a>(node: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
        if let Some(properties) = node.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                out.push((format!("{path}/{name}"), property));
                described_nodes(property, format!("{path}/{name}"), out);
            }
        }
        for keyword in ["items", "additionalProperties"] {
            if let Some(child) = node.get(keyword).filter(|child| child.is_object()) {
                out.push((format!("{path}/{keyword}"), child));
                described_nodes(child, format!("{path}/{keyword}"), out);
            }
        }
        for keyword in ["oneOf", "anyOf"] {
            for (index, branch) in node
                .get(keyword)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                described_nodes(branch, format!("{path}/{keyword}/{index}"), out);
            }
        }
        if let Some(definitions) = node.get("$defs").and_then(Value::as_object) {
            for (name, definition) in definitions {
                described_nodes(definition, format!("{path}/$defs/{name}"), out);
            }
        }
    }

    #[test]
    fn every_property_has_a_title_and_a_description() {
        for kind in Kind::ALL {
            let schema: Value = serde_json::from_str(kind.schema_text()).expect("JSON");
            assert_eq!(schema["title"], kind.name());
            let mut nodes = Vec::new();
            described_nodes(&schema, String::new(), &mut nodes);
            assert!(nodes.len() > 3, "{kind}");
            for (path, node) in nodes {
                for field in ["title", "description"] {
                    assert!(
                        node.get(field)
                            .and_then(Value::as_str)
                            .is_some_and(|text| !text.is_empty()),
                        "{kind} {path} has no {field}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_object_refuses_unknown_fields() {
        fn walk(node: &Value, path: &str, kind: Kind) {
            match node {
                Value::Object(map) => {
                    if map.contains_key("properties") {
                        let closed = map.get("additionalProperties") == Some(&Value::Bool(false));
                        assert!(closed, "{kind} {path} allows unknown fields");
                    }
                    // An `if` only tests a condition; it defines no object.
                    for (key, child) in map.iter().filter(|(key, _)| *key != "if") {
                        walk(child, &format!("{path}/{key}"), kind);
                    }
                }
                Value::Array(items) => items.iter().for_each(|item| walk(item, path, kind)),
                _ => {}
            }
        }
        for kind in Kind::ALL {
            let schema: Value = serde_json::from_str(kind.schema_text()).expect("JSON");
            walk(&schema, "", kind);
        }
    }
}
