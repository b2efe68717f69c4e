//! YAML text → spanned documents, with the reading rules enforced on the way: syntax, duplicate
//! and non-string keys, tags, nesting depth and alias expansion.
//!
//! The tree is built from saphyr-parser's event stream rather than its loader, so that every key
//! keeps its own span, tags are reported instead of silently turned into bad values, and a file
//! that nests too deep or expands too many aliases is stopped at that event.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr::Scalar;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Span};

use super::node::{Entry, Mark, Node, NodeValue, escape_pointer_token};
use crate::finding::Position;
use crate::rules::{self, Rule};

/// Lists and mappings may nest this deep and no deeper.
pub const MAX_DEPTH: usize = 64;
/// Aliases may produce this many nodes in one file, and no more.
pub const MAX_ALIAS_NODES: usize = 10_000;

/// A problem found while reading, before the documents are known.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadProblem {
    pub rule: &'static Rule,
    pub position: Position,
    /// Index of the document it was found in, when known.
    pub document: usize,
    pub pointer: String,
    pub message: String,
}

/// The documents of one YAML stream and the problems met while reading it. When reading had to
/// stop (a syntax error, nesting too deep, too many aliases), `documents` is empty: a partial
/// tree would only produce misleading findings.
#[derive(Debug, Default)]
pub struct Parsed {
    /// One entry per document of the stream; `None` for an empty document.
    pub documents: Vec<Option<Node>>,
    pub problems: Vec<ReadProblem>,
    /// Whether reading stopped before the end of the file.
    pub stopped: bool,
}

/// Reads a YAML stream.
pub fn parse(text: &str) -> Parsed {
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    let mut stopped = false;
    while let Some(event) = parser.next_event() {
        match event {
            Ok((event, span)) => {
                if let Err(problem) = builder.on_event(event, span) {
                    builder.problems.push(*problem);
                    stopped = true;
                    break;
                }
            }
            Err(error) => {
                // The scanner has its own limit on flow nesting (`[[[[…`), which it may meet
                // while looking ahead, before the parser hands over the event past our limit.
                let too_deep = error.info().contains("recursion limit");
                builder.problems.push(ReadProblem {
                    rule: if too_deep {
                        &rules::NESTING_TOO_DEEP
                    } else {
                        &rules::YAML_SYNTAX
                    },
                    position: syntax_position(text, error.marker(), error.info()),
                    document: builder.documents.len(),
                    pointer: String::new(),
                    message: if too_deep {
                        format!("lists and mappings nest too deep here; expected at most {MAX_DEPTH} levels")
                    } else {
                        format!("invalid YAML: {}", error.info())
                    },
                });
                stopped = true;
                break;
            }
        }
    }
    Parsed {
        documents: if stopped {
            Vec::new()
        } else {
            builder.documents
        },
        problems: builder.problems,
        stopped,
    }
}

/// Where a syntax error is shown. The scanner reports a tab at the start of the token it was
/// reading, so the position moves on to that tab, the character it names; an error at the end
/// of input (after the last newline) is shown at the end of the last line.
fn syntax_position(text: &str, marker: &Marker, info: &str) -> Position {
    let mut at = mark(marker);
    if info.contains("found a tab") {
        let rest = text.chars().skip(marker.index());
        let mut line = at.line();
        let mut column = at.column();
        for c in rest {
            if c == '\t' {
                return position_of(Mark::at(line, column), 1);
            }
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
    }
    let lines = text.lines().count().max(1);
    if at.line() > lines {
        let last = text.lines().last().unwrap_or_default();
        at = Mark::at(lines, last.chars().count() + 1);
    }
    position_of(at, 0)
}

fn mark(marker: &Marker) -> Mark {
    Mark::at(marker.line(), marker.col() + 1)
}

fn position_of(start: Mark, width: usize) -> Position {
    Position {
        line: start.line(),
        column: start.column(),
        width,
    }
}

/// The width to underline for a node: its span when it sits on one line, else nothing.
pub fn width_of(start: Mark, end: Mark) -> usize {
    if start.line == end.line {
        end.column().saturating_sub(start.column())
    } else {
        0
    }
}

/// A collection being built.
struct Frame {
    start: Mark,
    anchor: usize,
    /// The pointer of this collection inside its document.
    pointer: String,
    body: Body,
}

enum Body {
    Sequence(Vec<Node>),
    Mapping {
        entries: Vec<Entry>,
        seen: HashMap<String, Mark>,
        /// The key read, waiting for its value; `Err` when the key was refused and its value is
        /// to be dropped.
        pending: Option<Result<PendingKey, ()>>,
    },
}

struct PendingKey {
    key: String,
    start: Mark,
    end: Mark,
}

#[derive(Default)]
struct Builder {
    documents: Vec<Option<Node>>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
    problems: Vec<ReadProblem>,
    /// The root of the document being read, once complete.
    root: Option<Node>,
}

/// Reading stops at the first problem of this kind.
type Stop = Box<ReadProblem>;

impl Builder {
    fn on_event(&mut self, event: Event<'_>, span: Span) -> Result<(), Stop> {
        let start = mark(&span.start);
        let end = mark(&span.end);
        match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing => {}
            Event::DocumentStart(_) => {
                self.root = None;
                self.anchors.clear();
            }
            Event::DocumentEnd => {
                // A document that holds nothing (a trailing `---`, a file of comments) reads
                // as null: it is no artifact, so it is not checked.
                let root = self
                    .root
                    .take()
                    .filter(|root| root.value != NodeValue::Null);
                self.documents.push(root);
            }
            Event::SequenceStart(anchor, tag) => {
                self.open(start, anchor, tag.as_deref(), Body::Sequence(Vec::new()))?;
            }
            Event::MappingStart(anchor, tag) => {
                let body = Body::Mapping {
                    entries: Vec::new(),
                    seen: HashMap::new(),
                    pending: None,
                };
                self.open(start, anchor, tag.as_deref(), body)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(frame) = self.stack.pop() {
                    // A tree is kept for every document of a portfolio: no spare capacity.
                    let value = match frame.body {
                        Body::Sequence(items) => NodeValue::Sequence(items.into_boxed_slice()),
                        Body::Mapping { entries, .. } => {
                            NodeValue::Mapping(entries.into_boxed_slice())
                        }
                    };
                    let node = Node {
                        start: frame.start,
                        end,
                        value,
                    };
                    self.remember(frame.anchor, &node);
                    self.add(node);
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if self.expects_key() {
                    self.read_key(text.as_ref(), style, start, end, tag.as_deref());
                    return Ok(());
                }
                if let Some(tag) = tag.as_deref() {
                    let pointer = self.child_pointer();
                    self.report_tag(tag, start, end, pointer);
                }
                let value = match Scalar::parse_from_cow_and_metadata(text, style, None) {
                    Some(Scalar::Null) | None => NodeValue::Null,
                    Some(Scalar::Boolean(flag)) => NodeValue::Bool(flag),
                    Some(Scalar::Integer(number)) => NodeValue::Int(number),
                    Some(Scalar::FloatingPoint(number)) => NodeValue::Float(number.into_inner()),
                    Some(Scalar::String(text)) => NodeValue::String(text.into()),
                };
                let node = Node { start, end, value };
                self.remember(anchor, &node);
                self.add(node);
            }
            Event::Alias(anchor) => {
                let node = self.expand_alias(anchor, start, end)?;
                if self.expects_key() {
                    match node.value {
                        NodeValue::String(text) => {
                            self.accept_key(text.into(), start, end);
                        }
                        _ => {
                            self.refuse_key(start, end, "an alias to a value that is not a string")
                        }
                    }
                } else {
                    self.add(node);
                }
            }
        }
        Ok(())
    }

    fn document(&self) -> usize {
        self.documents.len()
    }

    /// Starts a list or mapping, unless it nests too deep.
    fn open(
        &mut self,
        start: Mark,
        anchor: usize,
        tag: Option<&saphyr_parser::Tag>,
        body: Body,
    ) -> Result<(), Stop> {
        let pointer = self.child_pointer();
        if let Some(tag) = tag {
            self.report_tag(tag, start, start, pointer.clone());
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(Box::new(ReadProblem {
                rule: &rules::NESTING_TOO_DEEP,
                position: position_of(start, 1),
                document: self.document(),
                pointer,
                message: format!(
                    "lists and mappings nest more than {MAX_DEPTH} deep here; expected at most {MAX_DEPTH} levels"
                ),
            }));
        }
        self.stack.push(Frame {
            start,
            anchor,
            pointer,
            body,
        });
        Ok(())
    }

    /// Whether the next node completes a mapping key rather than a value.
    fn expects_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                body: Body::Mapping { pending: None, .. },
                ..
            })
        )
    }

    /// The JSON pointer that the next node will have.
    fn child_pointer(&self) -> String {
        let Some(frame) = self.stack.last() else {
            return String::new();
        };
        match &frame.body {
            Body::Sequence(items) => format!("{}/{}", frame.pointer, items.len()),
            Body::Mapping {
                pending: Some(Ok(key)),
                ..
            } => format!("{}/{}", frame.pointer, escape_pointer_token(&key.key)),
            Body::Mapping { .. } => frame.pointer.clone(),
        }
    }

    fn read_key(
        &mut self,
        text: &str,
        style: ScalarStyle,
        start: Mark,
        end: Mark,
        tag: Option<&saphyr_parser::Tag>,
    ) {
        if let Some(tag) = tag {
            let pointer = format!("{}/{}", self.child_pointer(), escape_pointer_token(text));
            self.report_tag(tag, start, end, pointer);
        }
        if style != ScalarStyle::Plain {
            self.accept_key(text.to_string(), start, end);
            return;
        }
        match Scalar::parse_from_cow(Cow::Borrowed(text)) {
            _ if text.is_empty() => self.refuse_key(start, end, "an empty key (null)"),
            Scalar::Null => self.refuse_key(start, end, &format!("the null key {text:?}")),
            Scalar::Boolean(_) => self.refuse_key(start, end, &format!("the boolean key {text:?}")),
            // A number is taken as it is written: `2026:` is the key "2026".
            _ => self.accept_key(text.to_string(), start, end),
        }
    }

    fn accept_key(&mut self, key: String, start: Mark, end: Mark) {
        let document = self.document();
        let Some(Frame {
            pointer,
            body: Body::Mapping { seen, pending, .. },
            ..
        }) = self.stack.last_mut()
        else {
            return;
        };
        if let Some(first) = seen.get(&key) {
            let problem = ReadProblem {
                rule: &rules::DUPLICATE_KEY,
                position: position_of(start, width_of(start, end)),
                document,
                pointer: format!("{pointer}/{}", escape_pointer_token(&key)),
                message: format!(
                    "key {key:?} appears twice in this mapping (first at line {}, column {}); expected each key once",
                    first.line, first.column
                ),
            };
            *pending = Some(Err(()));
            self.problems.push(problem);
        } else {
            seen.insert(key.clone(), start);
            *pending = Some(Ok(PendingKey { key, start, end }));
        }
    }

    fn refuse_key(&mut self, start: Mark, end: Mark, what: &str) {
        let document = self.document();
        if let Some(Frame {
            pointer,
            body: Body::Mapping { pending, .. },
            ..
        }) = self.stack.last_mut()
        {
            *pending = Some(Err(()));
            let problem = ReadProblem {
                rule: &rules::NON_STRING_KEY,
                position: position_of(start, width_of(start, end)),
                document,
                pointer: pointer.clone(),
                message: format!("{what} is used as a mapping key; expected a string key"),
            };
            self.problems.push(problem);
        }
    }

    fn report_tag(&mut self, tag: &saphyr_parser::Tag, start: Mark, end: Mark, pointer: String) {
        let spelled = if tag.handle == "tag:yaml.org,2002:" || tag.handle == "!!" {
            format!("!!{}", tag.suffix)
        } else if tag.handle == "!" {
            format!("!{}", tag.suffix)
        } else {
            format!("{}{}", tag.handle, tag.suffix)
        };
        self.problems.push(ReadProblem {
            rule: &rules::YAML_TAG,
            position: position_of(start, width_of(start, end)),
            document: self.document(),
            pointer,
            message: format!(
                "tag {spelled:?} is not allowed; expected a plain value without a tag"
            ),
        });
    }

    /// Keeps an anchored node for the aliases that refer to it.
    fn remember(&mut self, anchor: usize, node: &Node) {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
    }

    /// The node an alias stands for, as long as the file's alias budget allows.
    fn expand_alias(&mut self, anchor: usize, start: Mark, end: Mark) -> Result<Node, Stop> {
        let pointer = self.child_pointer();
        let remaining = MAX_ALIAS_NODES.saturating_sub(self.alias_nodes);
        let Some(target) = self.anchors.get(&anchor) else {
            return Err(Box::new(ReadProblem {
                rule: &rules::YAML_SYNTAX,
                position: position_of(start, width_of(start, end)),
                document: self.document(),
                pointer,
                message: "alias to an unknown anchor; expected an anchor defined before it".into(),
            }));
        };
        match target.measure_within(remaining) {
            // An alias may not nest deeper than the text itself may: aliases of aliases would
            // otherwise build trees hundreds of levels deep from a few lines.
            Some((_, depth)) if self.stack.len() + depth > MAX_DEPTH => {
                Err(Box::new(ReadProblem {
                    rule: &rules::NESTING_TOO_DEEP,
                    position: position_of(start, width_of(start, end)),
                    document: self.document(),
                    pointer,
                    message: format!(
                        "this alias nests lists and mappings {} deep; expected at most {MAX_DEPTH} levels",
                        self.stack.len() + depth
                    ),
                }))
            }
            Some((count, _)) => {
                self.alias_nodes += count;
                let mut node = target.clone();
                node.start = start;
                node.end = end;
                Ok(node)
            }
            None => Err(Box::new(ReadProblem {
                rule: &rules::ALIAS_LIMIT,
                position: position_of(start, width_of(start, end)),
                document: self.document(),
                pointer,
                message: format!(
                    "aliases in this file expand to more than {MAX_ALIAS_NODES} nodes; expected at most {MAX_ALIAS_NODES}"
                ),
            })),
        }
    }

    /// Places a completed node in its parent, or makes it the document's root.
    fn add(&mut self, node: Node) {
        let document = self.document();
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        match &mut frame.body {
            Body::Sequence(items) => items.push(node),
            Body::Mapping {
                entries, pending, ..
            } => match pending.take() {
                Some(Ok(key)) => entries.push(Entry {
                    key: key.key.into_boxed_str(),
                    key_start: key.start,
                    key_end: key.end,
                    value: node,
                }),
                // The key was refused: its value is dropped with it.
                Some(Err(())) => {}
                // A list or mapping completed where a key was expected.
                None => {
                    *pending = Some(Err(()));
                    let problem = ReadProblem {
                        rule: &rules::NON_STRING_KEY,
                        position: position_of(node.start, 1),
                        document,
                        pointer: frame.pointer.clone(),
                        message:
                            "a list or mapping is used as a mapping key; expected a string key"
                                .into(),
                    };
                    self.problems.push(problem);
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_of(text: &str) -> Vec<(&'static str, usize, usize)> {
        parse(text)
            .problems
            .iter()
            .map(|problem| {
                (
                    problem.rule.name,
                    problem.position.line,
                    problem.position.column,
                )
            })
            .collect()
    }

    #[test]
    fn keys_and_values_keep_their_spans() {
        let parsed = parse("id: solar\nventures:\n  - a\n  - b\n");
        let root = parsed.documents[0].as_ref().expect("a document");
        let item = root.resolve("/ventures/1").expect("resolves");
        assert_eq!((item.node.start.line, item.node.start.column), (4, 5));
        let key = root
            .resolve("/ventures")
            .and_then(|r| r.key)
            .expect("a key");
        assert_eq!((key.key_start.line, key.key_start.column), (2, 1));
    }

    #[test]
    fn duplicate_keys_are_reported_at_the_second_key() {
        assert_eq!(rules_of("a: 1\nb: 2\na: 3\n"), [("duplicate-key", 3, 1)]);
    }

    #[test]
    fn tags_and_non_string_keys_are_reported() {
        assert_eq!(rules_of("a: !!float 1\n"), [("yaml-tag", 1, 4)]);
        assert_eq!(rules_of("? [x]\n: 1\n"), [("non-string-key", 1, 3)]);
        assert_eq!(rules_of("true: 1\n"), [("non-string-key", 1, 1)]);
        assert!(rules_of("2026: 1\n").is_empty());
    }

    #[test]
    fn deep_nesting_and_alias_bombs_stop_reading() {
        let deep = format!("a: {}", "[".repeat(20_000));
        let parsed = parse(&deep);
        assert_eq!(parsed.problems[0].rule.name, "nesting-too-deep");
        assert!(parsed.documents.is_empty());

        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f"])
        {
            let refs = vec![format!("*{previous}"); 9].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let parsed = parse(&bomb);
        assert_eq!(parsed.problems[0].rule.name, "alias-limit");
    }

    #[test]
    fn aliases_cannot_nest_deeper_than_the_limit() {
        // Each line wraps the previous anchor in 20 more lists: the fourth passes 64 levels.
        let mut text = String::from("a0: &a0 x\n");
        for level in 1..=4 {
            let open = "[".repeat(20);
            let close = "]".repeat(20);
            text.push_str(&format!(
                "a{level}: &a{level} {open}*a{}{close}\n",
                level - 1
            ));
        }
        let parsed = parse(&text);
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        assert_eq!(parsed.problems[0].rule.name, "nesting-too-deep");
        assert_eq!(parsed.problems[0].position.line, 5);
    }

    #[test]
    fn documents_of_a_stream_are_kept_apart() {
        let parsed = parse("id: a\n---\nid: b\n---\n");
        assert_eq!(parsed.documents.len(), 3);
        assert!(parsed.documents[2].is_none());
        let second = parsed.documents[1].as_ref().expect("a document");
        assert_eq!(second.get("id").and_then(Node::as_str), Some("b"));
        assert_eq!(second.start.line, 3);
    }
}
