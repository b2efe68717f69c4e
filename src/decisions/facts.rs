//! A decision's facts: the typed values its governance `when` conditions read. A fact that
//! folio could not establish is `Absent`, never a default: a condition that reads it requires
//! the approval instead of waiving it.

use serde::{Serialize, Serializer};

/// The type of a fact, which a condition's comparisons must respect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactType {
    Text,
    Number,
    Flag,
    /// A list of texts (ids, keys, pointers).
    List,
}

impl FactType {
    pub fn as_str(self) -> &'static str {
        match self {
            FactType::Text => "text",
            FactType::Number => "number",
            FactType::Flag => "true or false",
            FactType::List => "list of texts",
        }
    }
}

/// One fact's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    Text(String),
    Number(f64),
    Flag(bool),
    List(Vec<String>),
    /// Not known: the record does not say (a launch with no `budget`) or it cannot be priced.
    Absent,
}

impl Fact {
    /// A number, or `Absent` when there is none.
    pub fn number(value: Option<f64>) -> Fact {
        value.map_or(Fact::Absent, Fact::Number)
    }

    pub fn text(value: impl Into<String>) -> Fact {
        Fact::Text(value.into())
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Fact::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Fact::Text(text) => serializer.serialize_str(text),
            // Whole numbers print as integers, as people write them.
            Fact::Number(number) if number.fract() == 0.0 && number.abs() < 9.0e15 => {
                serializer.serialize_i64(*number as i64)
            }
            Fact::Number(number) if number.is_finite() => serializer.serialize_f64(*number),
            Fact::Number(_) | Fact::Absent => serializer.serialize_none(),
            Fact::Flag(flag) => serializer.serialize_bool(*flag),
            Fact::List(items) => items.serialize(serializer),
        }
    }
}

/// The facts of one decision, in the order its type lists them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts(Vec<(&'static str, Fact)>);

impl Facts {
    pub fn new(facts: Vec<(&'static str, Fact)>) -> Facts {
        Facts(facts)
    }

    pub fn get(&self, name: &str) -> Option<&Fact> {
        self.0
            .iter()
            .find(|(fact, _)| *fact == name)
            .map(|(_, value)| value)
    }
}

impl Serialize for Facts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}
