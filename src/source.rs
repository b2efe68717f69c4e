//! Where portfolio files come from: the work tree, or a git revision read straight from the
//! object database with git2 (no checkout, no `git` process), or standard input standing for
//! one file; and where the portfolio is (its root, found upward as git finds `.git`). This
//! module and the writers of reports and man pages are the only code that touches the file
//! system or git.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use walkdir::WalkDir;

/// Files larger than this are not read (`file-too-large`).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Why folio could not read a portfolio at all (as opposed to a finding in one of its files).
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum SourceError {
    #[error("portfolio root {path:?} does not exist or is not a folder")]
    #[diagnostic(
        code(folio::no_root),
        help("pass the folder that holds portfolio.yaml")
    )]
    NotAFolder { path: PathBuf },
    #[error("could not read {path:?}")]
    #[diagnostic(code(folio::io))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path:?} is not inside a git repository")]
    #[diagnostic(
        code(folio::not_a_repository),
        help("run folio inside the portfolio's git repository")
    )]
    NotARepository { path: PathBuf },
    #[error("unknown revision {revision:?}{}", if *.shallow { " (this clone is shallow)" } else { "" })]
    #[diagnostic(
        code(folio::unknown_revision),
        help(
            "fetch the whole history: with actions/checkout, set `fetch-depth: 0`; locally, `git fetch --unshallow`"
        )
    )]
    UnknownRevision { revision: String, shallow: bool },
    #[error("{name:?} is not the name of a report template")]
    #[diagnostic(code(folio::unknown_template), help("the templates are: {known}"))]
    UnknownTemplate { name: String, known: String },
    #[error("could not read the git repository: {message}")]
    #[diagnostic(code(folio::git))]
    Git { message: String },
    #[error("no portfolio.yaml in {start:?}{}", searched_above(.start, .stop, *.repository_top))]
    #[diagnostic(
        code(folio::no_portfolio),
        help("run folio inside a portfolio, or pass the portfolio's folder as ROOT")
    )]
    NoPortfolio {
        start: PathBuf,
        /// The last folder searched: the filesystem root, or the git repository's top.
        stop: PathBuf,
        repository_top: bool,
    },
    #[error("could not read standard input")]
    #[diagnostic(code(folio::stdin))]
    Stdin {
        #[source]
        source: std::io::Error,
    },
}

/// How far a search for portfolio.yaml went above its start, as the end of a sentence.
fn searched_above(start: &Path, stop: &Path, repository_top: bool) -> String {
    let top = if repository_top {
        "the git repository's top"
    } else {
        "the filesystem root"
    };
    if start == stop {
        format!(" ({top})")
    } else {
        format!(" or any folder above it up to {top}, {stop:?}")
    }
}

impl From<git2::Error> for SourceError {
    fn from(error: git2::Error) -> SourceError {
        SourceError::Git {
            message: error.message().to_string(),
        }
    }
}

/// One YAML file of the portfolio, as found on disk.
#[derive(Debug)]
pub struct RawFile {
    /// The path relative to the portfolio root, with `/` separators.
    pub path: String,
    pub content: Content,
    /// The git blob id, when read from a revision (or, for a work-tree file, the id its bytes
    /// would have): the same path and blob read the same.
    pub blob: Option<git2::Oid>,
}

#[derive(Debug)]
pub enum Content {
    Bytes(Vec<u8>),
    /// The file is larger than [`MAX_FILE_BYTES`]; it holds this many bytes.
    TooLarge(u64),
    /// A symbolic link, never followed.
    Symlink,
    /// A git blob not read, because its reading is already known (see [`GitRepository::read`]).
    Known,
}

/// Whether a file name is a YAML file's.
pub fn is_yaml(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

/// Lists every YAML file under `root` (hidden files and folders skipped, links never followed)
/// and reads them in parallel, none past [`MAX_FILE_BYTES`].
pub fn read_work_tree(root: &Path) -> Result<Vec<RawFile>, SourceError> {
    if !root.is_dir() {
        return Err(SourceError::NotAFolder {
            path: root.to_path_buf(),
        });
    }
    let mut found = Vec::new();
    let walk = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walk {
        let entry = entry.map_err(|error| {
            let path = error.path().unwrap_or(root).to_path_buf();
            SourceError::Io {
                path,
                source: error.into(),
            }
        })?;
        let name = entry.file_name().to_string_lossy();
        let file_type = entry.file_type();
        let is_link = file_type.is_symlink();
        // A link is reported when it stands for a YAML file or a folder; stat-ing the target
        // tells which, without reading it.
        let wanted = if is_link {
            is_yaml(&name) || std::fs::metadata(entry.path()).is_ok_and(|meta| meta.is_dir())
        } else {
            file_type.is_file() && is_yaml(&name)
        };
        if wanted {
            found.push((entry.path().to_path_buf(), is_link));
        }
    }
    found
        .into_par_iter()
        .map(|(path, is_link)| {
            let relative = relative_path(root, &path);
            let content = if is_link {
                Content::Symlink
            } else {
                read_bounded(&path)?
            };
            Ok(RawFile {
                path: relative,
                content,
                blob: None,
            })
        })
        .collect()
}

/// Gives each work-tree file read in full the id git gives its bytes as a blob, so that its
/// reading can serve a revision that holds the same path with the same bytes.
pub fn name_blobs(files: &mut [RawFile]) {
    files.par_iter_mut().for_each(|file| {
        if let Content::Bytes(bytes) = &file.content {
            file.blob = git2::Oid::hash_object(git2::ObjectType::Blob, bytes).ok();
        }
    });
}

/// What a search for a portfolio root found, from a folder upward.
enum Search {
    Found(PathBuf),
    /// No folder holds portfolio.yaml; the search stopped at `stop`.
    NotFound {
        stop: PathBuf,
        repository_top: bool,
    },
}

/// Looks for the portfolio root the way git looks for `.git`: `start` (absolute), then each
/// folder above it, until one holds portfolio.yaml (or portfolio.yml). The search ends at the
/// filesystem root, or at the top of the git repository `start` is in (a folder holding
/// `.git`), so that a portfolio outside the repository is never picked up by accident.
fn search_root(start: &Path) -> Search {
    let present = |path: PathBuf| std::fs::symlink_metadata(path).is_ok();
    let mut last = start;
    for folder in start.ancestors() {
        last = folder;
        if ["portfolio.yaml", "portfolio.yml"]
            .iter()
            .any(|name| present(folder.join(name)))
        {
            return Search::Found(folder.to_path_buf());
        }
        if present(folder.join(".git")) {
            return Search::NotFound {
                stop: folder.to_path_buf(),
                repository_top: true,
            };
        }
    }
    Search::NotFound {
        stop: last.to_path_buf(),
        repository_top: false,
    }
}

/// The portfolio root that holds `start` (an absolute folder): the nearest folder from `start`
/// upward that holds portfolio.yaml, not past the git repository's top.
pub fn find_root(start: &Path) -> Result<PathBuf, SourceError> {
    match search_root(start) {
        Search::Found(root) => Ok(root),
        Search::NotFound {
            stop,
            repository_top,
        } => Err(SourceError::NoPortfolio {
            start: start.to_path_buf(),
            stop,
            repository_top,
        }),
    }
}

/// A file named on the command line, placed in its portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The portfolio root: the nearest folder above the file that holds portfolio.yaml.
    pub root: PathBuf,
    /// The file's path relative to the root, with `/` separators, as findings name it.
    pub file: String,
}

/// Places a file named on the command line (relative to `cwd`, which is absolute) in its
/// portfolio: [`SourceError::NoPortfolio`] when no folder above it holds portfolio.yaml. The
/// file need not exist (standard input may stand for a new file); its folders are resolved
/// (symbolic links, `..`) as far as they exist, the file itself never, so that a link is
/// reported as a link.
pub fn locate(path: &Path, cwd: &Path) -> Result<Located, SourceError> {
    let full = cwd.join(path);
    let (Some(parent), Some(name)) = (full.parent(), full.file_name()) else {
        return Err(SourceError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"),
        });
    };
    // The nearest folder that exists, resolved, then the missing folders below it.
    let mut missing = Vec::new();
    let mut existing = parent;
    let mut folder = loop {
        match existing.canonicalize() {
            Ok(resolved) => break resolved,
            Err(_) => match (existing.parent(), existing.file_name()) {
                (Some(up), Some(part)) => {
                    missing.push(part);
                    existing = up;
                }
                _ => break existing.to_path_buf(),
            },
        }
    };
    for part in missing.into_iter().rev() {
        if part == ".." {
            folder.pop();
        } else if part != "." {
            folder.push(part);
        }
    }
    let root = find_root(&folder)?;
    Ok(Located {
        file: relative_path(&root, &folder.join(name)),
        root,
    })
}

/// Reads standard input (or any reader) as the content of one file, no more than
/// [`MAX_FILE_BYTES`] of it.
pub fn read_input(input: &mut dyn Read) -> Result<Content, SourceError> {
    let stdin_error = |source| SourceError::Stdin { source };
    let mut bytes = Vec::new();
    (&mut *input)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(stdin_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let rest = std::io::copy(input, &mut std::io::sink()).map_err(stdin_error)?;
        return Ok(Content::TooLarge(bytes.len() as u64 + rest));
    }
    Ok(Content::Bytes(bytes))
}

fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_bounded(path: &Path) -> Result<Content, SourceError> {
    let io_error = |source| SourceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map_err(io_error)?.len();
        return Ok(Content::TooLarge(size));
    }
    Ok(Content::Bytes(bytes))
}

/// The git repository that holds a portfolio, and where the portfolio sits in it.
pub struct GitRepository {
    pub(crate) repository: git2::Repository,
    /// The repository's top folder.
    top: PathBuf,
    /// The portfolio root relative to the repository's top folder (empty for the top itself).
    prefix: PathBuf,
    trees: Trees,
}

/// One tree's entries, as git lists them.
struct Listing {
    entries: Vec<ListedEntry>,
}

struct ListedEntry {
    name: String,
    id: git2::Oid,
    is_tree: bool,
    mode: i32,
}

impl Listing {
    fn find(&self, name: &str) -> Option<&ListedEntry> {
        self.entries.iter().find(|entry| entry.name == name)
    }
}

/// Trees read once and kept while a history is walked. libgit2 inflates a large tree again on
/// every read (its object cache keeps only small ones), and a portfolio's kind folders are
/// large trees that change in almost every commit: each version is listed once here.
#[derive(Default)]
struct Trees {
    listings: Mutex<(HashMap<git2::Oid, Arc<Listing>>, usize)>,
}

/// How many entries the listings may hold before they are dropped: a few megabytes.
const TREE_CACHE_ENTRIES: usize = 200_000;

impl Trees {
    fn listing(
        &self,
        repository: &git2::Repository,
        id: git2::Oid,
    ) -> Result<Arc<Listing>, SourceError> {
        if let Ok(cache) = self.listings.lock() {
            if let Some(listing) = cache.0.get(&id) {
                return Ok(Arc::clone(listing));
            }
        }
        let tree = repository.find_tree(id)?;
        let listing = Arc::new(Listing {
            entries: tree
                .iter()
                .map(|entry| ListedEntry {
                    name: String::from_utf8_lossy(entry.name_bytes()).into_owned(),
                    id: entry.id(),
                    is_tree: entry.kind() == Some(git2::ObjectType::Tree),
                    mode: entry.filemode(),
                })
                .collect(),
        });
        if let Ok(mut cache) = self.listings.lock() {
            if cache.1 > TREE_CACHE_ENTRIES {
                *cache = Default::default();
            }
            cache.1 += listing.entries.len();
            cache.0.insert(id, Arc::clone(&listing));
        }
        Ok(listing)
    }
}

/// A resolved commit.
#[derive(Debug, Clone)]
pub struct Commit {
    /// The full hex id.
    pub id: String,
    /// The commit's time, in seconds since the epoch (UTC).
    pub time: i64,
}

impl GitRepository {
    /// Opens the repository that contains `root`.
    pub fn open(root: &Path) -> Result<GitRepository, SourceError> {
        let not_a_repository = || SourceError::NotARepository {
            path: root.to_path_buf(),
        };
        if !root.is_dir() {
            return Err(SourceError::NotAFolder {
                path: root.to_path_buf(),
            });
        }
        // libgit2 re-hashes every object it reads; git does not, and a history read commit by
        // commit spends a quarter of its time there. Objects are still inflated and checked
        // by zlib.
        git2::opts::strict_hash_verification(false);
        let repository = git2::Repository::discover(root).map_err(|_| not_a_repository())?;
        let top = repository.workdir().ok_or_else(not_a_repository)?;
        let top = top.canonicalize().map_err(|source| SourceError::Io {
            path: top.to_path_buf(),
            source,
        })?;
        let absolute = root.canonicalize().map_err(|source| SourceError::Io {
            path: root.to_path_buf(),
            source,
        })?;
        let prefix = absolute
            .strip_prefix(&top)
            .map_err(|_| not_a_repository())?
            .to_path_buf();
        Ok(GitRepository {
            repository,
            top,
            prefix,
            trees: Trees::default(),
        })
    }

    /// Resolves a revision (a branch, a tag, `HEAD~2`, a hash) to its commit.
    pub fn resolve(&self, revision: &str) -> Result<Commit, SourceError> {
        let unknown = || SourceError::UnknownRevision {
            revision: revision.to_string(),
            shallow: self.repository.is_shallow(),
        };
        let object = self
            .repository
            .revparse_single(revision)
            .map_err(|_| unknown())?;
        let commit = object.peel_to_commit().map_err(|_| unknown())?;
        Ok(Commit {
            id: commit.id().to_string(),
            time: commit.time().seconds(),
        })
    }

    /// Whether this is a shallow clone, whose history stops short of the first commit.
    pub fn is_shallow(&self) -> bool {
        self.repository.is_shallow()
    }

    /// The repository's top folder.
    pub fn top(&self) -> &Path {
        &self.top
    }

    /// Where the portfolio sits in the repository: its root relative to the top folder, with
    /// `/` separators ("" at the top).
    pub fn prefix(&self) -> String {
        self.prefix
            .components()
            .map(|part| part.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The best common ancestor of two commits, if they have one.
    pub fn merge_base(&self, a: &Commit, b: &Commit) -> Result<Option<Commit>, SourceError> {
        let (a, b) = (git2::Oid::from_str(&a.id)?, git2::Oid::from_str(&b.id)?);
        match self.repository.merge_base(a, b) {
            Ok(oid) => {
                let commit = self.repository.find_commit(oid)?;
                Ok(Some(Commit {
                    id: oid.to_string(),
                    time: commit.time().seconds(),
                }))
            }
            Err(error) if error.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Every path, relative to the repository's top folder, that differs between two commits
    /// (a tree-to-tree comparison that skips every subtree the two share: both names of a
    /// moved file); from no commit, every path of `to`.
    pub fn changed_paths(
        &self,
        from: Option<&Commit>,
        to: &Commit,
    ) -> Result<Vec<String>, SourceError> {
        let tree_of = |commit: &Commit| -> Result<git2::Oid, SourceError> {
            let oid = git2::Oid::from_str(&commit.id)?;
            Ok(self.repository.find_commit(oid)?.tree_id())
        };
        let old = from.map(tree_of).transpose()?;
        let new = tree_of(to)?;
        let mut paths = BTreeSet::new();
        self.compare_trees("", old, Some(new), &mut paths)?;
        Ok(paths.into_iter().collect())
    }

    /// Adds to `out` every path under `folder` that differs between two trees.
    fn compare_trees(
        &self,
        folder: &str,
        old: Option<git2::Oid>,
        new: Option<git2::Oid>,
        out: &mut BTreeSet<String>,
    ) -> Result<(), SourceError> {
        if old == new {
            return Ok(());
        }
        let listing = |id: Option<git2::Oid>| -> Result<Option<Arc<Listing>>, SourceError> {
            id.map(|id| self.trees.listing(&self.repository, id))
                .transpose()
        };
        let (old, new) = (listing(old)?, listing(new)?);
        let path = |name: &str| {
            if folder.is_empty() {
                name.to_string()
            } else {
                format!("{folder}/{name}")
            }
        };
        let old_by_name: HashMap<&str, &ListedEntry> = old
            .iter()
            .flat_map(|listing| &listing.entries)
            .map(|entry| (entry.name.as_str(), entry))
            .collect();
        let mut seen = HashSet::new();
        for entry in new.iter().flat_map(|listing| &listing.entries) {
            seen.insert(entry.name.as_str());
            let here = path(&entry.name);
            match old_by_name.get(entry.name.as_str()) {
                Some(before) if before.id == entry.id && before.mode == entry.mode => {}
                Some(before) if before.is_tree && entry.is_tree => {
                    self.compare_trees(&here, Some(before.id), Some(entry.id), out)?;
                }
                Some(before) => {
                    self.every_path(&here, before, out)?;
                    self.every_path(&here, entry, out)?;
                }
                None => self.every_path(&here, entry, out)?,
            }
        }
        for entry in old.iter().flat_map(|listing| &listing.entries) {
            if !seen.contains(entry.name.as_str()) {
                self.every_path(&path(&entry.name), entry, out)?;
            }
        }
        Ok(())
    }

    /// Adds `path`, or every file under it when it is a tree.
    fn every_path(
        &self,
        path: &str,
        entry: &ListedEntry,
        out: &mut BTreeSet<String>,
    ) -> Result<(), SourceError> {
        if entry.is_tree {
            self.compare_trees(path, None, Some(entry.id), out)
        } else {
            out.insert(path.to_string());
            Ok(())
        }
    }

    /// Every YAML file of the portfolio at `commit`, read from the object database: hidden
    /// entries skipped, links reported and not followed, no blob read past
    /// [`MAX_FILE_BYTES`], and no blob read for which `known(path, blob)` holds
    /// ([`Content::Known`]).
    pub fn read(
        &self,
        commit: &Commit,
        known: &dyn Fn(&str, git2::Oid) -> bool,
    ) -> Result<Vec<RawFile>, SourceError> {
        let Some(tree) = self.portfolio_tree(commit)? else {
            return Ok(Vec::new());
        };
        let mut listed: Vec<(String, git2::Oid, Option<Content>)> = Vec::new();
        walk_yaml(&tree, "", &mut |path, id, is_link| {
            let content = if is_link {
                Some(Content::Symlink)
            } else if known(&path, id) {
                Some(Content::Known)
            } else {
                None
            };
            listed.push((path, id, content));
        })?;
        self.in_parallel(listed, &|odb, (path, id, content)| {
            let content = match content {
                Some(content) => content,
                None => read_blob(odb, id)?,
            };
            Ok(Some(RawFile {
                path,
                content,
                blob: Some(id),
            }))
        })
    }

    /// The YAML files under `folder` (relative to the portfolio root) at `commit`, other than
    /// those in `except`, whose bytes `wanted` accepts: hidden entries and links are skipped
    /// as [`GitRepository::read`] skips them, and no blob past [`MAX_FILE_BYTES`] is read.
    pub fn files_where(
        &self,
        commit: &Commit,
        folder: &str,
        except: &BTreeSet<String>,
        wanted: &(dyn Fn(&[u8]) -> bool + Sync),
    ) -> Result<Vec<String>, SourceError> {
        let Some(tree) = self.portfolio_tree(commit)? else {
            return Ok(Vec::new());
        };
        let Ok(entry) = tree.get_path(Path::new(folder)) else {
            return Ok(Vec::new());
        };
        let Ok(tree) = entry.to_object(&self.repository)?.into_tree() else {
            return Ok(Vec::new());
        };
        let mut listed: Vec<(String, git2::Oid)> = Vec::new();
        walk_yaml(&tree, &format!("{folder}/"), &mut |path, id, is_link| {
            if !is_link && !except.contains(&path) {
                listed.push((path, id));
            }
        })?;
        self.in_parallel(listed, &|odb, (path, id)| {
            Ok(match read_blob(odb, id)? {
                Content::Bytes(bytes) if wanted(&bytes) => Some(path),
                _ => None,
            })
        })
    }

    /// The portfolio's folder at `commit`; `None` when the portfolio root is not a folder
    /// there.
    fn portfolio_tree(&self, commit: &Commit) -> Result<Option<git2::Tree<'_>>, SourceError> {
        let oid = git2::Oid::from_str(&commit.id)?;
        let tree = self.repository.find_commit(oid)?.tree()?;
        if self.prefix.as_os_str().is_empty() {
            return Ok(Some(tree));
        }
        match tree.get_path(&self.prefix) {
            Ok(entry) => Ok(entry.to_object(&self.repository)?.into_tree().ok()),
            Err(_) => Ok(None),
        }
    }

    /// Runs `each` over `listed` in parallel, one chunk per thread, each thread with its own
    /// handle on the object database (git2's are not shared between threads, and opening one
    /// costs about as much as reading a few hundred blobs); keeps what it gives, in order.
    fn in_parallel<I: Send, T: Send>(
        &self,
        listed: Vec<I>,
        each: &BlobWork<'_, I, T>,
    ) -> Result<Vec<T>, SourceError> {
        let git_dir = self.repository.path().to_path_buf();
        let chunk = listed.len() / rayon::current_num_threads().max(1) + 1;
        let chunks: Vec<Vec<I>> = {
            let mut chunks = Vec::new();
            let mut rest = listed;
            while !rest.is_empty() {
                let tail = rest.split_off(chunk.min(rest.len()));
                chunks.push(rest);
                rest = tail;
            }
            chunks
        };
        let done: Vec<Vec<T>> = chunks
            .into_par_iter()
            .map(|chunk| -> Result<Vec<T>, SourceError> {
                let repository = git2::Repository::open(&git_dir)?;
                let odb = repository.odb()?;
                let mut kept = Vec::new();
                for item in chunk {
                    kept.extend(each(&odb, item)?);
                }
                Ok(kept)
            })
            .collect::<Result<_, _>>()?;
        Ok(done.into_iter().flatten().collect())
    }
}

/// What [`GitRepository::in_parallel`] does with each item: what to keep of it, if anything,
/// read from the object database it is given.
type BlobWork<'a, I, T> = dyn Fn(&git2::Odb<'_>, I) -> Result<Option<T>, SourceError> + Sync + 'a;

/// Calls `each(path, blob, is_link)` for every YAML file of `tree` (its path prefixed with
/// `prefix`), hidden entries skipped.
fn walk_yaml(
    tree: &git2::Tree<'_>,
    prefix: &str,
    each: &mut dyn FnMut(String, git2::Oid, bool),
) -> Result<(), SourceError> {
    tree.walk(git2::TreeWalkMode::PreOrder, |folder, entry| {
        let Ok(name) = entry.name() else {
            return git2::TreeWalkResult::Skip;
        };
        if name.starts_with('.') {
            return git2::TreeWalkResult::Skip;
        }
        let is_link = entry.filemode() == 0o120_000;
        let is_blob = entry.kind() == Some(git2::ObjectType::Blob);
        if is_blob && is_yaml(name) {
            each(format!("{prefix}{folder}{name}"), entry.id(), is_link);
        }
        git2::TreeWalkResult::Ok
    })?;
    Ok(())
}

impl GitRepository {
    /// These files of the portfolio at `commit` (paths relative to the portfolio root), those
    /// that exist there: what a second revision needs when only they differ from the first.
    /// Hidden and non-YAML paths are skipped as [`GitRepository::read`] skips them.
    pub fn read_files(
        &self,
        commit: &Commit,
        paths: &[String],
        known: &dyn Fn(&str, git2::Oid) -> bool,
    ) -> Result<Vec<RawFile>, SourceError> {
        let oid = git2::Oid::from_str(&commit.id)?;
        let top = self.repository.find_commit(oid)?.tree_id();
        let prefix = self.prefix();
        let odb = self.repository.odb()?;
        let mut files = Vec::new();
        let mut seen = BTreeSet::new();
        for path in paths {
            let hidden = path.split('/').any(|part| part.starts_with('.'));
            if hidden || !is_yaml(path) || !seen.insert(path) {
                continue;
            }
            let full = if prefix.is_empty() {
                path.clone()
            } else {
                format!("{prefix}/{path}")
            };
            let Some((id, mode)) = self.find_blob(top, &full)? else {
                continue;
            };
            let content = if mode == 0o120_000 {
                Content::Symlink
            } else if known(path, id) {
                Content::Known
            } else {
                read_blob(&odb, id)?
            };
            files.push(RawFile {
                path: path.clone(),
                content,
                blob: Some(id),
            });
        }
        Ok(files)
    }
}

impl GitRepository {
    /// The blob at `path` (relative to the repository's top folder) in the tree `top`, with its
    /// file mode, when there is one.
    fn find_blob(
        &self,
        top: git2::Oid,
        path: &str,
    ) -> Result<Option<(git2::Oid, i32)>, SourceError> {
        let mut tree = top;
        let mut parts = path.split('/').peekable();
        while let Some(part) = parts.next() {
            let listing = self.trees.listing(&self.repository, tree)?;
            let Some(entry) = listing.find(part) else {
                return Ok(None);
            };
            match (parts.peek().is_some(), entry.is_tree) {
                (true, true) => tree = entry.id,
                // A submodule (a commit, mode 160000) is no file of the portfolio, as for
                // `read`, which takes blobs only.
                (false, false) if entry.mode != 0o160_000 => {
                    return Ok(Some((entry.id, entry.mode)));
                }
                _ => return Ok(None),
            }
        }
        Ok(None)
    }
}

fn read_blob(odb: &git2::Odb<'_>, id: git2::Oid) -> Result<Content, SourceError> {
    let (size, _) = odb.read_header(id)?;
    if size as u64 > MAX_FILE_BYTES {
        return Ok(Content::TooLarge(size as u64));
    }
    Ok(Content::Bytes(odb.read(id)?.data().to_vec()))
}

/// A text file given on the command line (such as `--approvals`).
pub fn read_text(path: &Path) -> Result<String, SourceError> {
    std::fs::read_to_string(path).map_err(|source| SourceError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Report templates that replace the embedded ones: every file of `dir` named after one of
/// `known`. A file named after no template is an error, so that a typo is not ignored.
pub fn read_templates(
    dir: &Path,
    known: &[&str],
) -> Result<std::collections::BTreeMap<String, String>, SourceError> {
    let io_error = |path: &Path, source| SourceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut templates = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(dir).map_err(|source| io_error(dir, source))? {
        let entry = entry.map_err(|source| io_error(dir, source))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if !known.contains(&name.as_str()) {
            return Err(SourceError::UnknownTemplate {
                name,
                known: known.join(", "),
            });
        }
        let path = entry.path();
        let text = std::fs::read_to_string(&path).map_err(|source| io_error(&path, source))?;
        templates.insert(name, text);
    }
    Ok(templates)
}
