//! The spanned YAML tree: every node and every mapping key keeps where it starts and ends, so a
//! JSON pointer resolves to the exact position of its node without searching the text.

use serde_json::{Map, Number, Value};

/// A place in a file: line and column, both counted from 1 (columns in characters). Stored in
/// 32 bits each: every node and key of a portfolio carries two, and a file is at most 1 MiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Mark {
    pub line: u32,
    pub column: u32,
}

impl Mark {
    /// A mark at this line and column (beyond 2^32, the largest a mark holds).
    pub fn at(line: usize, column: usize) -> Mark {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Mark {
            line: narrow(line),
            column: narrow(column),
        }
    }

    pub fn line(self) -> usize {
        self.line as usize
    }

    pub fn column(self) -> usize {
        self.column as usize
    }
}

/// A node of a YAML document with its span.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Node {
    pub start: Mark,
    pub end: Mark,
    pub value: NodeValue,
}

/// A node's value. Boxed slices and strings, without spare capacity: a tree is kept for every
/// document of a portfolio, and it is most of folio's memory.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum NodeValue {
    #[default]
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(Box<str>),
    Sequence(Box<[Node]>),
    Mapping(Box<[Entry]>),
}

/// One key of a mapping, with the span of the key itself and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Box<str>,
    pub key_start: Mark,
    pub key_end: Mark,
    pub value: Node,
}

/// What a JSON pointer resolves to: the node, and the key it hangs from when its parent is a
/// mapping (an unexpected property is reported at its key).
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    pub node: &'a Node,
    pub key: Option<&'a Entry>,
}

impl Node {
    /// The value of `key` when this node is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|entry| &entry.value)
    }

    /// The entry of `key` when this node is a mapping that has it.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.value {
            NodeValue::Mapping(entries) => entries.iter().find(|entry| &*entry.key == key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::String(text) => Some(text),
            _ => None,
        }
    }

    /// How many nodes this subtree holds (each mapping key counting as one) and how deep its
    /// lists and mappings nest (0 for a scalar); `None` once the count passes `budget`, so that
    /// measuring a huge subtree costs no more than the budget.
    pub fn measure_within(&self, budget: usize) -> Option<(usize, usize)> {
        let mut count = 0usize;
        let mut deepest = 0usize;
        let mut stack = vec![(self, 0usize)];
        while let Some((node, depth)) = stack.pop() {
            count += 1;
            if count > budget {
                return None;
            }
            match &node.value {
                NodeValue::Sequence(items) => {
                    deepest = deepest.max(depth + 1);
                    stack.extend(items.iter().map(|item| (item, depth + 1)));
                }
                NodeValue::Mapping(entries) => {
                    deepest = deepest.max(depth + 1);
                    count += entries.len();
                    stack.extend(entries.iter().map(|entry| (&entry.value, depth + 1)));
                }
                _ => {}
            }
        }
        (count <= budget).then_some((count, deepest))
    }

    /// Keeps, when this node is a mapping, only the entries of `keys` (each whole, with its
    /// spans), and frees the rest.
    pub fn keep_only(&mut self, keys: &[&str]) {
        if let NodeValue::Mapping(entries) = &mut self.value {
            let all = std::mem::take(entries);
            *entries = all
                .into_vec()
                .into_iter()
                .filter(|entry| keys.contains(&&*entry.key))
                .collect();
        }
    }

    /// Resolves a JSON pointer (RFC 6901, as jsonschema reports instance paths) to its node.
    pub fn resolve(&self, pointer: &str) -> Option<Resolved<'_>> {
        let mut current = Resolved {
            node: self,
            key: None,
        };
        if pointer.is_empty() {
            return Some(current);
        }
        let rest = pointer.strip_prefix('/')?;
        for token in rest.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            current = match &current.node.value {
                NodeValue::Mapping(entries) => {
                    let entry = entries.iter().find(|entry| *entry.key == *token)?;
                    Resolved {
                        node: &entry.value,
                        key: Some(entry),
                    }
                }
                NodeValue::Sequence(items) => Resolved {
                    node: items.get(token.parse::<usize>().ok()?)?,
                    key: None,
                },
                _ => return None,
            };
        }
        Some(current)
    }

    /// The node as JSON, for schema validation. Non-finite floats (`.inf`, `.nan`) have no JSON
    /// number, so they become their YAML spelling as a string, which no numeric field accepts.
    pub fn to_json(&self) -> Value {
        match &self.value {
            NodeValue::Null => Value::Null,
            NodeValue::Bool(flag) => Value::Bool(*flag),
            NodeValue::Int(number) => Value::Number((*number).into()),
            // A whole number written as a float (`2.0`) is the integer 2, as JSON Schema says,
            // so that `type: integer` fields reach the model as integers.
            NodeValue::Float(number) if number.fract() == 0.0 && number.abs() < 9.0e15 => {
                Value::Number((*number as i64).into())
            }
            NodeValue::Float(number) => match Number::from_f64(*number) {
                Some(number) => Value::Number(number),
                None => Value::String(non_finite_spelling(*number).to_string()),
            },
            NodeValue::String(text) => Value::String(text.to_string()),
            NodeValue::Sequence(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeValue::Mapping(entries) => Value::Object(
                entries
                    .iter()
                    .map(|entry| (entry.key.to_string(), entry.value.to_json()))
                    .collect::<Map<String, Value>>(),
            ),
        }
    }
}

fn non_finite_spelling(number: f64) -> &'static str {
    if number.is_nan() {
        ".nan"
    } else if number > 0.0 {
        ".inf"
    } else {
        "-.inf"
    }
}

/// Escapes one reference token of a JSON pointer.
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
