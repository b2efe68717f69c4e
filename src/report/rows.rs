//! The report's long tables as the templates see them: [`Rows`] hands a template one row at a
//! time, and a row hands over one field at a time, read from the typed row when the template
//! asks for it. Nothing is copied into template values up front, so rendering a portfolio of
//! ten thousand ventures never holds a second copy of its tables.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectRepr, Serde, Value};
use serde::ser::{self, Impossible, Serialize, SerializeStruct, Serializer};

/// A table of the report: a list of rows that reads as a slice in Rust and as a list in the
/// templates, where each row is a map of its fields.
pub struct Rows<T>(Arc<Vec<T>>);

impl<T> Clone for Rows<T> {
    fn clone(&self) -> Self {
        Rows(Arc::clone(&self.0))
    }
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows(Arc::new(Vec::new()))
    }
}

impl<T> From<Vec<T>> for Rows<T> {
    fn from(rows: Vec<T>) -> Self {
        Rows(Arc::new(rows))
    }
}

impl<T> Deref for Rows<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<'a, T> IntoIterator for &'a Rows<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for Rows<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

/// Rows turned into a template value are handed over as they are (see [`Object`] below);
/// anywhere else (JSON, tests) they serialize as the list they are.
impl<T: Serialize + fmt::Debug + Send + Sync + 'static> Serialize for Rows<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if minijinja::value::serializing_for_value() {
            Value::from_object(self.clone()).serialize(serializer)
        } else {
            self.0.serialize(serializer)
        }
    }
}

impl<T: Serialize + fmt::Debug + Send + Sync + 'static> Object for Rows<T> {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let index = key.as_usize()?;
        self.0.get(index)?;
        Some(Value::from_object(RowAt {
            rows: Arc::clone(&self.0),
            index,
        }))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
}

/// One row of a [`Rows`], as a map of its fields.
struct RowAt<T> {
    rows: Arc<Vec<T>>,
    index: usize,
}

impl<T: fmt::Debug> fmt::Debug for RowAt<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.rows.get(self.index).fmt(f)
    }
}

impl<T: Serialize + fmt::Debug + Send + Sync + 'static> Object for RowAt<T> {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let row = self.rows.get(self.index)?;
        match row.serialize(Fields::Value(key.as_str()?)) {
            Err(Stop::Found(value)) => Some(value),
            _ => None,
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let names = self
            .rows
            .get(self.index)
            .and_then(|row| row.serialize(Fields::Names).ok())
            .flatten()
            .and_then(|names| names.try_iter().ok().map(Iterator::collect))
            .unwrap_or_default();
        Enumerator::Values(names)
    }
}

/// What is read of a row: one field's value by name, or the names of its fields (as a list
/// value).
#[derive(Clone, Copy)]
enum Fields<'a> {
    Value(&'a str),
    Names,
}

/// Why the reading of a row stopped early: the field asked for was found, or the row is not a
/// struct of named fields (a bug in the report's context).
#[derive(Debug)]
enum Stop {
    Found(Value),
    NotARow,
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Found(_) => f.write_str("the field was found"),
            Stop::NotARow => f.write_str("a report row must be a struct of named fields"),
        }
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Stop::NotARow
    }
}

/// A walk over a row's fields, in the order its struct serializes them: to the field wanted
/// (which stops the walk with [`Stop::Found`]), or through every field, gathering the names.
struct Walk<'a> {
    wanted: Fields<'a>,
    names: Vec<Value>,
}

impl SerializeStruct for Walk<'_> {
    type Ok = Option<Value>;
    type Error = Stop;

    fn serialize_field<V: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &V,
    ) -> Result<(), Stop> {
        match self.wanted {
            // The field is found: the rest of the row need not be visited.
            Fields::Value(name) if name == key => Err(Stop::Found(Value::from(Serde(value)))),
            Fields::Value(_) => Ok(()),
            Fields::Names => {
                self.names.push(Value::from(key));
                Ok(())
            }
        }
    }

    fn end(self) -> Result<Option<Value>, Stop> {
        Ok(match self.wanted {
            // The row has no field of that name.
            Fields::Value(_) => None,
            Fields::Names => Some(Value::from(self.names)),
        })
    }
}

/// Every serializer method but `serialize_struct`: a row is a struct.
macro_rules! not_a_row {
    ($($method:ident($($argument:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $argument),*) -> Result<Option<Value>, Stop> {
            Err(Stop::NotARow)
        })*
    };
}

impl<'a> Serializer for Fields<'a> {
    type Ok = Option<Value>;
    type Error = Stop;
    type SerializeSeq = Impossible<Option<Value>, Stop>;
    type SerializeTuple = Impossible<Option<Value>, Stop>;
    type SerializeTupleStruct = Impossible<Option<Value>, Stop>;
    type SerializeTupleVariant = Impossible<Option<Value>, Stop>;
    type SerializeMap = Impossible<Option<Value>, Stop>;
    type SerializeStruct = Walk<'a>;
    type SerializeStructVariant = Impossible<Option<Value>, Stop>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Walk<'a>, Stop> {
        Ok(Walk {
            wanted: self,
            names: Vec::new(),
        })
    }

    not_a_row!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<V: Serialize + ?Sized>(self, _: &V) -> Result<Option<Value>, Stop> {
        Err(Stop::NotARow)
    }

    fn serialize_newtype_struct<V: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &V,
    ) -> Result<Option<Value>, Stop> {
        Err(Stop::NotARow)
    }

    fn serialize_newtype_variant<V: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &V,
    ) -> Result<Option<Value>, Stop> {
        Err(Stop::NotARow)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Stop> {
        Err(Stop::NotARow)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop::NotARow)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop::NotARow)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop::NotARow)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop::NotARow)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop::NotARow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Debug, Serialize)]
    struct Sample {
        id: String,
        amount: Option<f64>,
        tags: Vec<String>,
        nested: Rows<Inner>,
    }

    #[derive(Debug, Serialize)]
    struct Inner {
        label: &'static str,
    }

    fn sample() -> Rows<Sample> {
        Rows::from(vec![
            Sample {
                id: "A-1".into(),
                amount: Some(2.5),
                tags: vec!["x".into(), "y".into()],
                nested: Rows::from(vec![Inner { label: "first" }]),
            },
            Sample {
                id: "B-2".into(),
                amount: None,
                tags: Vec::new(),
                nested: Rows::default(),
            },
        ])
    }

    fn serde_value(value: impl Serialize) -> Value {
        Value::from(Serde(value))
    }

    fn render(template: &str, rows: Value) -> Result<String, minijinja::Error> {
        let mut environment = minijinja::Environment::new();
        environment.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        environment.render_str(template, minijinja::context! { rows => rows })
    }

    /// A template reads the lazy rows as it reads a full copy of them.
    #[test]
    fn the_templates_read_rows_as_they_read_a_copy() {
        let template = "{% for row in rows %}{{ loop.index }}/{{ rows | length }} {{ row.id }} \
            {{ row.amount }} {{ row.tags | join(',') }} {{ row['id'] }} \
            {% for inner in row.nested %}{{ inner.label }}{% endfor %}\
            {% if not loop.last %}; {% endif %}{% endfor %} \
            {{ rows[1].id }} {{ rows | map(attribute='id') | join('+') }} \
            {{ rows | selectattr('amount') | map(attribute='id') | join }} \
            {{ rows | sort(attribute='id', reverse=true) | map(attribute='id') | join }} \
            {{ (rows | first)['tags'] | length }} {{ rows[:1] | length }}";
        let copy = serde_json::to_value(sample()).unwrap_or_default();
        let lazy = render(template, serde_value(sample()));
        assert_eq!(
            lazy.as_deref().ok(),
            Some("1/2 A-1 2.5 x,y A-1 first; 2/2 B-2 None  B-2  B-2 A-1+B-2 A-1 B-2A-1 2 1")
        );
        assert_eq!(lazy.ok(), render(template, serde_value(copy)).ok());
    }

    /// A row's fields can be listed, as a map's keys can.
    #[test]
    fn a_rows_fields_are_listed() {
        let rendered = render(
            "{{ rows[0] | list | sort | join(',') }} {{ rows[0] | items | length }}",
            serde_value(sample()),
        );
        assert_eq!(rendered.as_deref().ok(), Some("amount,id,nested,tags 4"));
    }

    #[test]
    fn a_field_the_row_does_not_have_is_undefined() {
        let rendered = render("{{ rows[0].misspelt }}", serde_value(sample()));
        assert!(rendered.is_err(), "{rendered:?}");
    }

    #[test]
    fn rows_serialize_as_a_list_outside_the_templates() {
        let json = serde_json::to_value(sample()).unwrap_or_default();
        assert_eq!(json[0]["id"], "A-1");
        assert_eq!(json[1]["nested"], serde_json::json!([]));
    }
}
