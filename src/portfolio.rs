//! A portfolio read and checked: raw files → documents (load) → schema → model → rules. The
//! per-file work (reading and schema) is cached by path and git blob, so that `folio diff`,
//! which reads two revisions, does it once for every file the change leaves alone. Also the
//! report's reading (the model, without the rules) and a portfolio carried along a history,
//! which takes over the readings handed to it instead of reading them again.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};

use crate::decisions::Revision;
use crate::decisions::records::{Identities, may_hold, records};
use crate::finding::Findings;
use crate::load::{self, FileRead, Loaded};
use crate::model::Model;
use crate::model::date::Date;
use crate::rules;
use crate::schema::{self, SchemaError};
use crate::source::{self, Commit, GitRepository, RawFile, SourceError};

/// Why a portfolio could not be read at all.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ReadError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Source(#[from] SourceError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Schema(#[from] SchemaError),
}

/// A portfolio read and checked: the documents, the typed model and every finding.
pub struct Checked {
    pub loaded: Loaded,
    pub model: Model,
    pub findings: Findings,
    /// The commit it was read from, when read from a git revision.
    pub commit: Option<Commit>,
}

/// What the evaluation date is chosen from: `--as-of` when given, and today, the last resort.
/// The same choice serves every command, so that `folio check` and `folio gates` judge a
/// portfolio as of the same day.
#[derive(Debug, Clone, Copy)]
pub struct AsOf {
    pub given: Option<Date>,
    pub today: Date,
}

impl AsOf {
    /// No `--as-of`: the portfolio's `as_of`, else the commit's day, else today.
    pub fn today(today: Date) -> AsOf {
        AsOf { given: None, today }
    }
}

impl Checked {
    /// The evaluation date: `--as-of`, else `as_of` in portfolio.yaml, else the commit's day
    /// when read from a revision, else today.
    pub fn evaluation_date(&self, as_of: AsOf) -> Date {
        evaluation_date(&self.model, self.commit.as_ref(), as_of)
    }

    /// This revision as one side of a change, for `folio diff` and `folio log`.
    pub fn revision(&self) -> Revision<'_> {
        Revision {
            loaded: &self.loaded,
            model: &self.model,
            findings: &self.findings.items,
        }
    }
}

/// Files already read and checked, by path, each with the git blob it was read from: the
/// latest reading of each path (a history moves forward, so the latest is the one asked for).
pub struct Cache {
    /// Whether files read through the cache are kept for a later revision.
    keeps: bool,
    /// Read far more often than written (every unchanged file of a second revision).
    files: RwLock<HashMap<Arc<str>, FileRead>>,
}

impl Default for Cache {
    fn default() -> Cache {
        Cache {
            keeps: true,
            files: RwLock::default(),
        }
    }
}

impl Cache {
    /// A cache that keeps nothing: for a revision whose files no later one will ask for.
    pub fn passing() -> Cache {
        Cache {
            keeps: false,
            files: RwLock::default(),
        }
    }

    /// Whether this path and blob were read already, so that their bytes need not be read again.
    pub fn has(&self, path: &str, blob: git2::Oid) -> bool {
        self.keeps
            && self
                .files
                .read()
                .is_ok_and(|files| files.get(path).is_some_and(|file| file.blob == Some(blob)))
    }
}

/// Readings handed over to the one reading of a revision they are for, each taken (moved, not
/// copied) when the revision holds its path and blob: a history's first commit takes the
/// files the report read, and a whole reading mid-history the files carried so far.
struct Handover {
    /// The paths, sorted, and each one's blob: searched without taking the lock.
    paths: Vec<Arc<str>>,
    blobs: Vec<Option<git2::Oid>>,
    files: Mutex<Vec<Option<FileRead>>>,
}

impl Handover {
    fn of(mut files: Vec<FileRead>) -> Handover {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Handover {
            paths: files.iter().map(|file| Arc::clone(&file.path)).collect(),
            blobs: files.iter().map(|file| file.blob).collect(),
            files: Mutex::new(files.into_iter().map(Some).collect()),
        }
    }

    fn place(&self, path: &str, blob: git2::Oid) -> Option<usize> {
        let place = self
            .paths
            .binary_search_by(|held| (**held).cmp(path))
            .ok()?;
        (self.blobs[place] == Some(blob)).then_some(place)
    }

    fn has(&self, path: &str, blob: git2::Oid) -> bool {
        self.place(path, blob).is_some()
    }
}

/// What a reading takes instead of reading a file again, and keeps for later revisions.
trait Earlier: Sync {
    /// The reading of this path and blob, when there is one.
    fn take(&self, path: &str, blob: git2::Oid) -> Option<FileRead>;
    /// Keeps a new reading, if it keeps any.
    fn keep(&self, read: &FileRead);
}

/// A cache gives a copy of what it holds, and keeps every new reading if it keeps any.
impl Earlier for Cache {
    fn take(&self, path: &str, blob: git2::Oid) -> Option<FileRead> {
        let files = self.files.read().ok()?;
        files
            .get(path)
            .filter(|file| file.blob == Some(blob))
            .cloned()
    }

    fn keep(&self, read: &FileRead) {
        if let (true, Some(_), Ok(mut files)) = (self.keeps, read.blob, self.files.write()) {
            files.insert(Arc::clone(&read.path), read.clone());
        }
    }
}

impl Earlier for Handover {
    fn take(&self, path: &str, blob: git2::Oid) -> Option<FileRead> {
        let place = self.place(path, blob)?;
        self.files.lock().ok()?.get_mut(place)?.take()
    }

    fn keep(&self, _: &FileRead) {}
}

/// The evaluation date of a model read from `commit` (when read from a revision): `--as-of`,
/// else `as_of` in portfolio.yaml, else the commit's day, else today.
pub fn evaluation_date(model: &Model, commit: Option<&Commit>, as_of: AsOf) -> Date {
    as_of
        .given
        .or_else(|| {
            model
                .portfolio
                .as_ref()
                .and_then(|portfolio| portfolio.as_of)
        })
        .or_else(|| {
            let commit = commit?;
            Some(Date::from_days_since_epoch(commit.time.div_euclid(86_400)))
        })
        .unwrap_or(as_of.today)
}

/// Frees a portfolio's reading on a thread of its own, which nothing waits for: freeing the
/// node trees of a large portfolio costs about a fifth of reading them, and a command done
/// with them need not spend that time (nor the process at its exit).
pub fn discard<T: Send + 'static>(reading: T) {
    // When no thread can be started, the reading is freed here, as it would have been.
    let _ = std::thread::Builder::new().spawn(move || drop(reading));
}

/// Reads and checks a portfolio from the work tree, or from a git revision.
pub fn read_and_check(
    root: &Path,
    revision: Option<&str>,
    as_of: AsOf,
) -> Result<Checked, ReadError> {
    let (files, commit) = files_at(root, revision, false)?;
    check(files, commit, &Cache::passing(), as_of)
}

/// A revision's files as read and typed, with its model: what `folio report` needs of a
/// portfolio (its model; nothing it writes reads the cross-file rules' findings, which
/// `folio check` reports), and what seeds the first commit of its history.
pub struct Reading {
    /// The files as read, each with its blob when `named` (see [`read_model`]).
    pub files: Vec<FileRead>,
    pub model: Model,
    /// The commit it was read from, when read from a git revision.
    pub commit: Option<Commit>,
}

impl Reading {
    /// The evaluation date, as [`Checked::evaluation_date`] gives it.
    pub fn evaluation_date(&self, as_of: AsOf) -> Date {
        evaluation_date(&self.model, self.commit.as_ref(), as_of)
    }
}

/// Reads a portfolio from the work tree, or from a git revision, as [`read_and_check`] reads
/// it, into a [`Reading`]: the model is the one a check builds, from the same documents in the
/// same order. With `named`, work-tree files are given the blob ids git would give their
/// bytes, so that a history can take them for its commits' files of the same path and blob.
pub fn read_model(root: &Path, revision: Option<&str>, named: bool) -> Result<Reading, ReadError> {
    let (raw, commit) = files_at(root, revision, named)?;
    let mut files = through_cache(&Cache::passing(), |read| load::read_all(raw, read))?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let model = Model::of(files.iter().flat_map(|file| &file.documents));
    Ok(Reading {
        files,
        model,
        commit,
    })
}

/// The portfolio's files in the work tree (`revision` none), or at a git revision with its
/// commit. With `named`, work-tree files are given their blob ids.
fn files_at(
    root: &Path,
    revision: Option<&str>,
    named: bool,
) -> Result<(Vec<RawFile>, Option<Commit>), ReadError> {
    match revision {
        None => {
            let mut files = source::read_work_tree(root)?;
            if named {
                source::name_blobs(&mut files);
            }
            Ok((files, None))
        }
        Some(revision) => {
            let repository = GitRepository::open(root)?;
            let commit = repository.resolve(revision)?;
            let files = repository.read(&commit, &|_, _| false)?;
            Ok((files, Some(commit)))
        }
    }
}

/// The two revisions of a change, read as far as judging it needs, and the paths it touches
/// (relative to the repository's top folder).
pub struct ChangeRead {
    pub base: Checked,
    pub head: Checked,
    pub paths: Vec<String>,
}

/// Reads a change from `base` (`None`: an empty portfolio) to `head`, as far as judging it
/// needs. A file the change leaves alone holds the same records on both sides and decides
/// nothing, so of each side only these are read: the files the change touches, the root files
/// (portfolio.yaml, governance.yaml), and the unchanged files that hold a record sharing its
/// identity with a record of a touched file (a duplicate id), which `identities` tells — the
/// identities of the base revision, which `folio log` carries from commit to commit. Without
/// them the unchanged files of the touched kinds are searched for the text of those
/// identities ([`sharing_at`]). When portfolio.yaml changes, whose `ignore:`
/// decides which files are read at all, both sides are read whole. The head's root files are
/// checked by every rule that can report there, for whether the head can be approved.
pub fn read_change(
    repository: &GitRepository,
    base: Option<&Commit>,
    head: &Commit,
    cache: &Cache,
    as_of: AsOf,
    identities: Option<&Identities>,
) -> Result<ChangeRead, ReadError> {
    let paths = repository.changed_paths(base, head)?;
    let changed = crate::decisions::portfolio_files(&paths, &repository.prefix());
    let known = |path: &str, blob| cache.has(path, blob);
    let read_side =
        |commit: Option<&Commit>, wanted: Option<&[String]>| -> Result<Checked, ReadError> {
            let Some(commit) = commit else {
                return read(Vec::new(), None, cache);
            };
            let files = match wanted {
                Some(wanted) => repository.read_files(commit, wanted, &known)?,
                None => repository.read(commit, &known)?,
            };
            read(files, Some(commit.clone()), cache)
        };
    let check_head = |checked: Checked| -> Checked { with_root_findings(checked, as_of) };
    if crate::decisions::base_needs_every_file(&changed) {
        // Both sides whole: most of their files are the same, read once.
        let shared = Cache::default();
        let whole = |commit: &Commit| -> Result<Checked, ReadError> {
            let files = repository.read(commit, &|path, blob| shared.has(path, blob))?;
            read(files, Some(commit.clone()), &shared)
        };
        let base = match base {
            Some(commit) => whole(commit)?,
            None => read(Vec::new(), None, &shared)?,
        };
        let head = check_head(whole(head)?);
        return Ok(ChangeRead { base, head, paths });
    }
    let mut wanted: std::collections::BTreeSet<String> =
        changed.union(&root_files()).cloned().collect();
    let list = |wanted: &std::collections::BTreeSet<String>| -> Vec<String> {
        wanted.iter().cloned().collect()
    };
    let base_first = read_side(base, Some(&list(&wanted)))?;
    let head_first = read_side(Some(head), Some(&list(&wanted)))?;
    let touched = touched_identities(&base_first, &head_first, &wanted);
    let sharing = match identities {
        Some(identities) => identities.sharing(
            touched.iter().map(|(kind, id)| (*kind, id.as_str())),
            &changed,
        ),
        None => sharing_at(repository, head, &touched, &wanted)?,
    };
    let (base_read, head_read) = if sharing.is_empty() {
        (base_first, head_first)
    } else {
        wanted.extend(sharing);
        (
            read_side(base, Some(&list(&wanted)))?,
            read_side(Some(head), Some(&list(&wanted)))?,
        )
    };
    Ok(ChangeRead {
        base: base_read,
        head: check_head(head_read),
        paths,
    })
}

/// The files at `commit` outside `read` that may hold a record sharing its identity with one
/// of `touched`: of each kind's folder, every file whose text [`may_hold`] one of that kind's
/// identities. The files a change leaves alone are the same at both its ends, so this serves
/// both; it reads bytes without parsing them, and only of the touched kinds.
fn sharing_at(
    repository: &GitRepository,
    commit: &Commit,
    touched: &[(crate::kind::Kind, String)],
    read: &std::collections::BTreeSet<String>,
) -> Result<std::collections::BTreeSet<String>, ReadError> {
    let mut by_kind: BTreeMap<crate::kind::Kind, Vec<&str>> = BTreeMap::new();
    for (kind, id) in touched {
        by_kind.entry(*kind).or_default().push(id);
    }
    let mut sharing = std::collections::BTreeSet::new();
    for (kind, identities) in by_kind {
        let Some(folder) = kind.folder() else {
            continue;
        };
        let holding = |bytes: &[u8]| may_hold(bytes, &identities);
        sharing.extend(repository.files_where(commit, folder, read, &holding)?);
    }
    Ok(sharing)
}

/// The identities of the records that `files` hold on either side.
fn touched_identities(
    base: &Checked,
    head: &Checked,
    files: &std::collections::BTreeSet<String>,
) -> Vec<(crate::kind::Kind, String)> {
    let mut touched: Vec<(crate::kind::Kind, String)> = [base, head]
        .into_iter()
        .flat_map(|side| records(&side.loaded, &side.model))
        .filter(|record| files.contains(record.file))
        .map(|record| (record.kind, record.id.into_owned()))
        .collect();
    touched.sort();
    touched.dedup();
    touched
}

/// A revision's root files only: what judging by its governance needs.
pub fn read_root_files(
    repository: &GitRepository,
    commit: &Commit,
    cache: &Cache,
) -> Result<Checked, ReadError> {
    let wanted: Vec<String> = root_files().into_iter().collect();
    let files = repository.read_files(commit, &wanted, &|path, blob| cache.has(path, blob))?;
    read(files, Some(commit.clone()), cache)
}

fn root_files() -> std::collections::BTreeSet<String> {
    crate::kind::Kind::ROOT_FILES
        .iter()
        .map(|file| file.to_string())
        .collect()
}

/// Checks files already read: every finding of every rule (as of the evaluation date), and the
/// model of the documents that passed their schema.
pub fn check(
    files: Vec<RawFile>,
    commit: Option<Commit>,
    cache: &Cache,
    as_of: AsOf,
) -> Result<Checked, ReadError> {
    let mut checked = read(files, commit, cache)?;
    let date = checked.evaluation_date(as_of);
    let findings = rules::check(&checked.loaded, &checked.model, date);
    let mut all = std::mem::take(&mut checked.findings).items;
    all.extend(findings);
    checked.findings = Findings::new(all);
    Ok(checked)
}

/// Reads files into documents and a model with every reading and schema finding, and of the
/// cross-file rules only those that can report in portfolio.yaml or governance.yaml: what
/// `folio diff` needs of a head (which files cannot be read, whether its root files hold
/// errors), without the rest of a full check.
pub fn check_root_files(
    files: Vec<RawFile>,
    commit: Option<Commit>,
    cache: &Cache,
    as_of: AsOf,
) -> Result<Checked, ReadError> {
    Ok(with_root_findings(read(files, commit, cache)?, as_of))
}

/// Adds the findings of every rule that can report in the root files.
fn with_root_findings(mut checked: Checked, as_of: AsOf) -> Checked {
    let date = checked.evaluation_date(as_of);
    let findings = rules::check_root_files(&checked.loaded, &checked.model, date);
    let mut all = std::mem::take(&mut checked.findings).items;
    all.extend(findings);
    checked.findings = Findings::new(all);
    checked
}

/// Reads files into documents and a model, with the reading and schema findings only (no
/// cross-file rules): what `folio diff` needs of a base.
pub fn read(
    files: Vec<RawFile>,
    commit: Option<Commit>,
    cache: &Cache,
) -> Result<Checked, ReadError> {
    let loaded = through_cache(cache, |read| load::load_with(files, read))?;
    Ok(assembled(loaded, commit))
}

/// Runs `work` with the reading of one file: taken from `earlier` when it holds the file's path
/// and blob, else read, schema-checked, typed and given to `earlier` to keep. The first schema failure (a bug in folio, never the user's) is
/// returned here: the loader's reading function cannot return it.
fn through_cache<T>(
    earlier: &dyn Earlier,
    work: impl FnOnce(&(dyn Fn(RawFile) -> FileRead + Sync)) -> T,
) -> Result<T, ReadError> {
    let failure: Mutex<Option<SchemaError>> = Mutex::new(None);
    let read = |file: RawFile| -> FileRead {
        let cached = match (&file.content, file.blob) {
            (source::Content::Bytes(_) | source::Content::Known, Some(blob)) => {
                earlier.take(&file.path, blob)
            }
            _ => None,
        };
        if let Some(cached) = cached {
            return cached;
        }
        let mut read = load::read_file(file);
        if let Err(error) = schema::check_file(&mut read) {
            if let Ok(mut slot) = failure.lock() {
                slot.get_or_insert(error);
            }
        }
        prune_typed(&mut read);
        earlier.keep(&read);
        read
    };
    let done = work(&read);
    match failure.into_inner().ok().flatten() {
        Some(error) => Err(error.into()),
        None => Ok(done),
    }
}

/// Prunes the tree of every typed record document of a file to what the cross-file rules read
/// of every document ([`rules::references::kept_keys`]): the trees are most of a portfolio's
/// memory, and the rest of one is parsed again only when something asks for it. The root
/// files, which judging and the rules read throughout, and documents that broke their schema
/// (whose fields the reference rules read wherever they are well-formed) stay whole.
fn prune_typed(read: &mut FileRead) {
    let Some(text) = read.text.clone() else {
        return;
    };
    for document in &mut read.documents {
        if document.typed.is_some() && document.kind.folder().is_some() {
            document.prune(&text);
        }
    }
}

/// A revision's documents with their model, and the reading and schema findings.
fn assembled(mut loaded: Loaded, commit: Option<Commit>) -> Checked {
    let findings = std::mem::take(&mut loaded.findings);
    let model = Model::build(&loaded.documents);
    Checked {
        loaded,
        model,
        findings: Findings::new(findings),
        commit,
    }
}

/// A portfolio carried along a history, commit by commit: each revision is the one before plus
/// the files git says changed between them (folio's tree-to-tree comparison), so that an
/// unchanged file is never read, parsed or checked again, and a revision's model is assembled
/// from the documents already typed (shared, not copied). Files are read as [`read`] reads
/// them, and a revision becomes a [`Loaded`] by [`load::assemble`], as in a whole reading: the
/// two cannot disagree.
///
/// When a portfolio.yaml changes, whose `ignore:` globs decide which files are read at all,
/// the revision is read whole, taking over the files carried so far ([`Handover`]) wherever
/// it holds the same path and blob. Only the current revision's files are kept: memory follows the portfolio,
/// not the length of its history.
#[derive(Default)]
pub struct Carried {
    /// The current revision's files as read (each with its blob), by path: those its `ignore:`
    /// globs leave.
    files: BTreeMap<Arc<str>, FileRead>,
    ignore: globset::GlobSet,
    commit: Option<Commit>,
    /// Files read already, which the first whole reading takes instead of reading them again.
    seed: Vec<FileRead>,
}

impl Carried {
    /// A carrier whose first whole reading takes the files of `seed` (a reading of the same
    /// paths and blobs) instead of reading them again.
    pub fn seeded(seed: Vec<FileRead>) -> Carried {
        Carried {
            seed,
            ..Carried::default()
        }
    }

    /// Moves to `commit` from the revision carried so far (any commit: usually its first
    /// parent), reading only the portfolio files that differ between the two; the first commit
    /// is read whole. Returns whether the portfolio's files changed.
    pub fn advance(
        &mut self,
        repository: &GitRepository,
        commit: &Commit,
    ) -> Result<bool, ReadError> {
        let changed = match self.commit.clone() {
            None => {
                self.read_whole(repository, commit)?;
                true
            }
            Some(from) => {
                let paths = repository.changed_paths(Some(&from), commit)?;
                let changed = crate::decisions::portfolio_files(&paths, &repository.prefix());
                if crate::decisions::base_needs_every_file(&changed) {
                    self.read_whole(repository, commit)?;
                } else if !changed.is_empty() {
                    self.read_changed(repository, commit, &changed)?;
                }
                !changed.is_empty()
            }
        };
        self.commit = Some(commit.clone());
        Ok(changed)
    }

    /// Reads these paths (relative to the portfolio root) at `commit`, in place of what they
    /// held: a path gone or ignored is dropped.
    fn read_changed(
        &mut self,
        repository: &GitRepository,
        commit: &Commit,
        changed: &std::collections::BTreeSet<String>,
    ) -> Result<(), ReadError> {
        for path in changed {
            self.files.remove(path.as_str());
        }
        let wanted: Vec<String> = changed
            .iter()
            .filter(|path| !load::is_ignored(&self.ignore, path))
            .cloned()
            .collect();
        let raw = repository.read_files(commit, &wanted, &|_, _| false)?;
        let read = through_cache(&Cache::passing(), |read| {
            raw.into_iter().map(read).collect::<Vec<_>>()
        })?;
        self.files
            .extend(read.into_iter().map(|file| (Arc::clone(&file.path), file)));
        Ok(())
    }

    /// Reads the revision at `commit` whole, as [`read`] does; the files carried so far are
    /// not read again.
    fn read_whole(&mut self, repository: &GitRepository, commit: &Commit) -> Result<(), ReadError> {
        // The files carried so far and the seed are handed over to this reading: a file of
        // theirs that this revision holds is moved into it, not copied.
        let mut earlier = std::mem::take(&mut self.seed);
        earlier.extend(std::mem::take(&mut self.files).into_values());
        let handover = Handover::of(earlier);
        let raw = repository.read(commit, &|path, blob| handover.has(path, blob))?;
        let read = through_cache(&handover, |read| load::read_all(raw, read))?;
        // What was handed over and this revision does not hold is freed without waiting.
        discard(handover);
        self.ignore = load::ignored(&read);
        self.files = read
            .into_iter()
            .map(|file| (Arc::clone(&file.path), file))
            .collect();
        Ok(())
    }

    /// Whether the current revision holds no portfolio file at all (the portfolio does not
    /// exist yet, or no longer).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The current revision: its documents, model and reading and schema findings (no
    /// cross-file rules), as [`read`] gives them of the same commit read whole.
    pub fn checked(&self) -> Checked {
        let loaded = load::assemble(self.files.values().cloned().collect());
        assembled(loaded, self.commit.clone())
    }

    /// The current revision's model alone: the model of [`Carried::checked`], built from the
    /// same documents in the same order (the files by path, each file's documents in turn),
    /// without copying them into a [`Loaded`]. What the gates need, at a fraction of the cost.
    pub fn model(&self) -> Model {
        Model::of(self.files.values().flat_map(|file| &file.documents))
    }
}
