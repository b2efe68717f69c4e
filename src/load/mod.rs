//! Raw files → documents with spans: decoding, YAML reading, the kind of each document by its
//! folder, and `ignore:` globs. Owns the reading rules, and what a typed document keeps of its
//! tree (the fields `rules::references` lists); knows nothing of schemas.

pub mod node;
pub mod yaml;

use std::collections::BTreeMap;
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;

use crate::finding::{Finding, Position};
use crate::kind::Kind;
use crate::rules;
use crate::source::{Content, MAX_FILE_BYTES, RawFile};
use node::{Node, NodeValue, Resolved};
use yaml::width_of;

/// One document of a portfolio file.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file, relative to the portfolio root (one allocation, shared by every document of
    /// the file and every model item typed from them).
    pub file: Arc<str>,
    /// Its place in the file's stream of documents, from 0.
    pub index: usize,
    pub kind: Kind,
    tree: Tree,
    /// The document as its type, once it passed its kind's schema (set by the schema stage,
    /// with the file, so that a file read once is typed once): only such documents reach the
    /// model.
    pub typed: Option<crate::model::TypedDocument>,
}

/// A document's spanned tree: whole, or pruned once the document is typed. Shared, so that a
/// document read once serves both revisions of `folio diff`.
#[derive(Debug, Clone)]
enum Tree {
    Whole(Arc<Node>),
    Pruned(Arc<Pruned>),
}

/// What a typed document keeps of its tree: the top-level fields the cross-file rules read of
/// every document (its id and the fields that name other records), each whole with its spans.
/// The rest, most of a portfolio's memory, is parsed again from the file's text the first time
/// anything asks for it (a finding's position elsewhere, a change's JSON), and kept from then.
#[derive(Debug)]
struct Pruned {
    kept: Node,
    text: Arc<str>,
    whole: std::sync::OnceLock<Box<Node>>,
}

impl Document {
    pub fn new(file: Arc<str>, index: usize, kind: Kind, root: Node) -> Document {
        Document {
            file,
            index,
            kind,
            tree: Tree::Whole(Arc::new(root)),
            typed: None,
        }
    }

    /// The document's whole tree.
    pub fn root(&self) -> &Node {
        match &self.tree {
            Tree::Whole(root) => root,
            Tree::Pruned(pruned) => pruned.whole.get_or_init(|| {
                // The same text parses to the same documents; should it not, the fields kept
                // are all there is.
                let whole = yaml::parse(&pruned.text)
                    .documents
                    .into_iter()
                    .nth(self.index)
                    .flatten();
                Box::new(whole.unwrap_or_else(|| pruned.kept.clone()))
            }),
        }
    }

    /// Keeps of the tree only the top-level fields the cross-file rules read of every document
    /// of its kind ([`rules::references::kept_keys`]), once the document is typed, with `text`
    /// its file's text: see [`Pruned`]. Only a mapping is pruned.
    pub fn prune(&mut self, text: &Arc<str>) {
        let Tree::Whole(root) = &mut self.tree else {
            return;
        };
        if !matches!(root.value, NodeValue::Mapping(_)) {
            return;
        }
        // The tree is this document's alone when just read: pruned in place, nothing copied.
        let mut kept = Arc::unwrap_or_clone(std::mem::replace(root, Arc::new(Node::default())));
        kept.keep_only(rules::references::kept_keys(self.kind));
        self.tree = Tree::Pruned(Arc::new(Pruned {
            kept,
            text: Arc::clone(text),
            whole: std::sync::OnceLock::new(),
        }));
    }

    /// Whether two documents are the same reading of a file (then they are equal).
    pub fn same_reading(&self, other: &Document) -> bool {
        match (&self.tree, &other.tree) {
            (Tree::Whole(a), Tree::Whole(b)) => Arc::ptr_eq(a, b),
            (Tree::Pruned(a), Tree::Pruned(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Resolves a JSON pointer in the document: in the fields a pruned tree keeps when the
    /// pointer is inside one of them, else in the whole tree.
    pub fn resolve(&self, pointer: &str) -> Option<Resolved<'_>> {
        if let Tree::Pruned(pruned) = &self.tree {
            let first = pointer
                .strip_prefix('/')
                .map(|rest| rest.split_once('/').map_or(rest, |(first, _)| first));
            let keys = rules::references::kept_keys(self.kind);
            if first.is_some_and(|first| keys.contains(&first)) {
                return pruned.kept.resolve(pointer);
            }
        }
        self.root().resolve(pointer)
    }

    /// Where the document starts (its top node's span, which a pruned tree keeps).
    fn top(&self) -> &Node {
        match &self.tree {
            Tree::Whole(root) => root,
            Tree::Pruned(pruned) => &pruned.kept,
        }
    }

    /// The position of the node at `pointer`; the document's start when it does not resolve.
    pub fn position(&self, pointer: &str) -> Position {
        if pointer.is_empty() {
            return node_position(self.top());
        }
        match self.resolve(pointer) {
            Some(resolved) => node_position(resolved.node),
            None => node_position(self.top()),
        }
    }

    /// The position of the key that `pointer` hangs from, for problems with the key itself; the
    /// node's own position when its parent is not a mapping.
    pub fn key_position(&self, pointer: &str) -> Position {
        if pointer.is_empty() {
            return node_position(self.top());
        }
        match self.resolve(pointer) {
            Some(resolved) => match resolved.key {
                Some(entry) => Position {
                    line: entry.key_start.line(),
                    column: entry.key_start.column(),
                    width: width_of(entry.key_start, entry.key_end),
                },
                None => node_position(resolved.node),
            },
            None => node_position(self.top()),
        }
    }

    /// The document's id (`id`, `initiative_id` or `period`), when it has one that is a string.
    pub fn id(&self) -> Option<&str> {
        let field = self.kind.id_field()?;
        match &self.tree {
            Tree::Pruned(pruned) if rules::references::kept_keys(self.kind).contains(&field) => {
                pruned.kept.get(field)?.as_str()
            }
            _ => self.root().get(field)?.as_str(),
        }
    }
}

/// Where a node starts, and the width of the label under it (scalars only: a mapping is
/// marked at its first character).
pub fn node_position(node: &Node) -> Position {
    let width = match node.value {
        NodeValue::Sequence(_) | NodeValue::Mapping(_) => 1,
        _ => width_of(node.start, node.end).max(1),
    };
    Position {
        line: node.start.line(),
        column: node.start.column(),
        width,
    }
}

/// Everything read from a portfolio: its documents, the text of every file (for snippets) and
/// the reading findings.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    /// The text of every file that could be read, by relative path.
    pub texts: BTreeMap<Arc<str>, Arc<str>>,
    /// Every YAML file that was considered (not ignored), read or not, sorted.
    pub files: Vec<Arc<str>>,
    /// The files that were read to the end, with how many documents (not empty) each holds,
    /// including documents later set aside (a `kind-mismatch`).
    pub parsed: BTreeMap<Arc<str>, usize>,
    pub findings: Vec<Finding>,
}

impl Loaded {
    /// Whether this file was considered (see [`Loaded::files`], which is sorted).
    pub fn has_file(&self, path: &str) -> bool {
        // Judging relies on this answer (is a changed file in the head?): the order is
        // [`assemble`]'s, and checked wherever tests run.
        debug_assert!(self.files.is_sorted(), "Loaded::files is sorted");
        self.files
            .binary_search_by(|file| (**file).cmp(path))
            .is_ok()
    }

    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Document> {
        self.documents
            .iter()
            .filter(move |document| document.kind == kind)
    }

    /// The ids lent by the files of `kind` that could not be read to the end (see
    /// [`lent_id`]); such a file holds no document, so it has no id of its own.
    pub fn lent_ids(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.files
            .iter()
            .filter(|path| !self.parsed.contains_key(*path))
            .filter_map(move |path| match lent_id(path) {
                Some((of, id)) if of == kind => Some(id),
                _ => None,
            })
    }
}

/// The id that a file's name stands for while the file cannot be read: `solar` for
/// `ventures/solar.yaml`, in a sub-folder too. Without it, one syntax error in a venture's file
/// would turn every reference to that venture into an `unknown-venture`, with a misleading
/// "did you mean"; the reading finding stays the only one. Kinds without ids lend nothing.
pub fn lent_id(path: &str) -> Option<(Kind, &str)> {
    let kind = Kind::of_path(path)?;
    kind.id_field()?;
    let name = path.rsplit('/').next()?;
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))?;
    (!stem.is_empty()).then_some((kind, stem))
}

/// What one file gave.
#[derive(Debug, Clone)]
pub struct FileRead {
    /// The path relative to the portfolio root: one allocation, shared by its documents, the
    /// model items typed from them and the [`Loaded`] lists.
    pub path: Arc<str>,
    pub text: Option<Arc<str>>,
    /// How many documents the file holds, when it was read to the end.
    pub parsed: Option<usize>,
    pub documents: Vec<Document>,
    pub findings: Vec<Finding>,
    /// The git blob its bytes were read from (or would be stored as): a later reading of the
    /// same path and blob reads the same. `None` for what is not read from its bytes (a link,
    /// an oversized file) or when no blob is known.
    pub blob: Option<git2::Oid>,
}

/// Reads every file with [`read_file`].
pub fn load(files: Vec<RawFile>) -> Loaded {
    load_with(files, &read_file)
}

/// Reads every file with `read` (which may add later stages, or reuse earlier work), then
/// assembles what they gave: [`read_all`], then [`assemble`].
pub fn load_with(files: Vec<RawFile>, read: &(dyn Fn(RawFile) -> FileRead + Sync)) -> Loaded {
    assemble(read_all(files, read))
}

/// Reads the files of one revision with `read`: portfolio.yaml first, since its `ignore:` globs
/// decide what else is read, then the rest in parallel. An ignored file is never read.
pub fn read_all(files: Vec<RawFile>, read: &(dyn Fn(RawFile) -> FileRead + Sync)) -> Vec<FileRead> {
    let (portfolio_files, others): (Vec<RawFile>, Vec<RawFile>) = files
        .into_iter()
        .partition(|file| Kind::of_path(&file.path) == Some(Kind::Portfolio));
    let mut results: Vec<FileRead> = portfolio_files.into_iter().map(read).collect();
    let ignore = ignored(&results);
    let others: Vec<RawFile> = others
        .into_iter()
        .filter(|file| !is_ignored(&ignore, &file.path))
        .collect();
    // A parallel iterator of known length is read straight into the vector, with no second
    // copy of every file's reading on the way.
    results.par_extend(others.into_par_iter().map(read));
    results
}

/// Whether the `ignore:` globs leave out the file at `path`. They never leave out a root file:
/// the settings and the governance that judges every change cannot be hidden by a glob (a
/// hidden governance would make a change look like the repository's first, which needs no
/// approval).
pub fn is_ignored(ignore: &GlobSet, path: &str) -> bool {
    !matches!(
        Kind::of_path(path),
        Some(Kind::Portfolio | Kind::Governance)
    ) && ignore.is_match(path)
}

/// The globs of the `ignore:` lists among these files (those of portfolio.yaml), by which a
/// history read commit by commit leaves out what [`read_all`] would not read.
pub fn ignored(files: &[FileRead]) -> GlobSet {
    let portfolio: Vec<&FileRead> = files
        .iter()
        .filter(|file| Kind::of_path(&file.path) == Some(Kind::Portfolio))
        .collect();
    ignore_globs(&portfolio, &mut Vec::new())
}

/// A revision's documents, texts and reading findings, from what its files gave (those its
/// `ignore:` globs leave, in any order): the one way a revision becomes a [`Loaded`], whether
/// its files were all just read ([`load_with`]) or carried from the commit before (a history
/// read commit by commit). A file's reading is shared, not copied: documents and texts are
/// reference-counted.
pub fn assemble(mut results: Vec<FileRead>) -> Loaded {
    let mut findings = Vec::new();
    let portfolio: Vec<&FileRead> = results
        .iter()
        .filter(|file| Kind::of_path(&file.path) == Some(Kind::Portfolio))
        .collect();
    ignore_globs(&portfolio, &mut findings);
    let mut loaded = Loaded {
        findings,
        ..Loaded::default()
    };
    results.sort_by(|a, b| a.path.cmp(&b.path));
    // Exactly as long as needed: a portfolio's documents are many.
    loaded
        .documents
        .reserve_exact(results.iter().map(|result| result.documents.len()).sum());
    loaded.files.reserve_exact(results.len());
    for result in results {
        loaded.files.push(result.path.clone());
        if let Some(count) = result.parsed {
            loaded.parsed.insert(result.path.clone(), count);
        }
        loaded.documents.extend(result.documents);
        loaded.findings.extend(result.findings);
        if let Some(text) = result.text {
            loaded.texts.insert(result.path, text);
        }
    }
    loaded
}

/// The `ignore:` globs of portfolio.yaml; a pattern that is not a glob is a finding.
fn ignore_globs(portfolio: &[&FileRead], findings: &mut Vec<Finding>) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    let documents = portfolio.iter().flat_map(|result| &result.documents);
    for document in documents {
        let Some(node) = document.root().get("ignore") else {
            continue;
        };
        let NodeValue::Sequence(items) = &node.value else {
            continue;
        };
        for (index, item) in items.iter().enumerate() {
            let Some(pattern) = item.as_str() else {
                continue;
            };
            match Glob::new(pattern) {
                Ok(glob) => {
                    builder.add(glob);
                }
                Err(error) => findings.push(Finding::new(
                    &rules::INVALID_GLOB,
                    &*document.file,
                    format!("/ignore/{index}"),
                    node_position(item),
                    format!(
                        "pattern {pattern:?} is not a valid glob ({}); expected a glob such as \"drafts/**\"",
                        error.kind()
                    ),
                )),
            }
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

/// Reads one file: decoding, YAML, and the kind of each document. A file that could not be
/// read to the end says, on the finding that stopped it, which id its name lends.
pub fn read_file(file: RawFile) -> FileRead {
    let mut result = read_contents(file);
    if result.parsed.is_none() {
        note_lent_id(&mut result);
    }
    result
}

/// Tells the user, in the help of the finding that stopped the reading of a file, that its
/// name stands in for its id: a note, not a finding of its own, so that counts stay honest.
fn note_lent_id(result: &mut FileRead) {
    let Some((kind, id)) = lent_id(&result.path) else {
        return;
    };
    // Reading stops at its last problem: the last finding is the one that stopped it.
    let Some(finding) = result.findings.last_mut() else {
        return;
    };
    finding.help = format!(
        "{}; meanwhile, references to {} {id:?} (its file name) are accepted",
        finding.help,
        kind.noun()
    );
}

fn read_contents(file: RawFile) -> FileRead {
    // Only a reading of the bytes is the reading of the blob: a link, an oversized file (or a
    // file asked for unread) is never taken for the file whose bytes its blob holds.
    let blob = match file.content {
        Content::Bytes(_) => file.blob,
        Content::Known | Content::Symlink | Content::TooLarge(_) => None,
    };
    let mut result = FileRead {
        path: Arc::from(file.path),
        text: None,
        parsed: None,
        documents: Vec::new(),
        findings: Vec::new(),
        blob,
    };
    let Some(kind) = Kind::of_path(&result.path) else {
        result.findings.push(Finding::new(
            &rules::UNKNOWN_LOCATION,
            &*result.path,
            "",
            Position::START,
            format!(
                "{:?} is not in a kind folder and is not read; expected portfolio.yaml, governance.yaml or a file under {}",
                result.path,
                kind_folders()
            ),
        ));
        return result;
    };
    let bytes = match file.content {
        Content::Bytes(bytes) => bytes,
        Content::TooLarge(size) => {
            result.findings.push(Finding::new(
                &rules::FILE_TOO_LARGE,
                &*result.path,
                "",
                Position::START,
                format!("the file holds {size} bytes; expected at most {MAX_FILE_BYTES} (1 MiB)"),
            ));
            return result;
        }
        Content::Known => {
            // Only a cache that already holds the file asks for it unread; reaching here is a
            // bug, reported rather than guessed at.
            result.findings.push(Finding::new(
                &rules::YAML_SYNTAX,
                &*result.path,
                "",
                Position::START,
                "the file was not read (an internal error of folio's cache)".to_string(),
            ));
            return result;
        }
        Content::Symlink => {
            result.findings.push(Finding::new(
                &rules::SYMLINK,
                &*result.path,
                "",
                Position::START,
                format!(
                    "{:?} is a symbolic link and is not followed; expected a regular file",
                    result.path
                ),
            ));
            return result;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = String::from_utf8_lossy(valid);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix
                .rsplit('\n')
                .next()
                .map_or(0, |last| last.chars().count())
                + 1;
            result.findings.push(Finding::new(
                &rules::NOT_UTF8,
                &*result.path,
                "",
                Position {
                    line,
                    column,
                    width: 0,
                },
                format!(
                    "byte {} (0x{:02x}) is not UTF-8; expected UTF-8 text",
                    valid.len(),
                    error.as_bytes().get(valid.len()).copied().unwrap_or(0)
                ),
            ));
            return result;
        }
    };
    let parsed = yaml::parse(&text);
    let stopped = parsed.stopped;
    for problem in parsed.problems {
        result.findings.push(Finding::new(
            problem.rule,
            &*result.path,
            problem.pointer,
            problem.position,
            problem.message,
        ));
    }
    // Room for exactly the file's documents (most files hold one; a vector grows by four).
    result.documents = Vec::with_capacity(parsed.documents.iter().flatten().count());
    for (index, root) in parsed.documents.into_iter().enumerate() {
        let Some(root) = root else { continue };
        let document = Document::new(Arc::clone(&result.path), index, kind, root);
        if let Some(finding) = kind_mismatch(&document) {
            result.findings.push(finding);
        } else {
            result.documents.push(document);
        }
    }
    if !stopped {
        result.parsed = Some(
            result.documents.len()
                + result
                    .findings
                    .iter()
                    .filter(|finding| finding.rule == &rules::KIND_MISMATCH)
                    .count(),
        );
    }
    result.text = Some(Arc::from(text));
    result
}

/// A `kind:` that names another kind than the folder's.
fn kind_mismatch(document: &Document) -> Option<Finding> {
    let node = document.root().get("kind")?;
    let written = node.as_str()?;
    // A name that is no kind at all, or this kind misspelt, is left to the schema, whose
    // `const` names the one allowed.
    let named = Kind::parse(written).filter(|named| *named != document.kind)?;
    Some(Finding::new(
        &rules::KIND_MISMATCH,
        &*document.file,
        "/kind",
        node_position(node),
        format!(
            "kind {written:?} disagrees with the folder of {:?}, which holds {}; expected kind {:?}",
            document.file,
            document.kind.name(),
            document.kind.name()
        ),
    )
    .with_help(match named.folder() {
        Some(folder) => format!("move the document to {folder}/, or correct `kind:`"),
        None => format!(
            "a {} lives in {}.yaml at the portfolio root",
            named.name(),
            named.slug()
        ),
    }))
}

fn kind_folders() -> String {
    Kind::ALL
        .iter()
        .filter_map(|kind| kind.folder())
        .map(|folder| format!("{folder}/"))
        .collect::<Vec<_>>()
        .join(", ")
}
