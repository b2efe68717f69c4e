//! Git repositories for tests, built with git2 in a temporary folder.

use std::path::{Path, PathBuf};

use git2::{IndexAddOption, Repository, Signature};
use tempfile::TempDir;

pub struct Repo {
    dir: TempDir,
    repository: Repository,
}

impl Repo {
    pub fn new() -> Repo {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let repository = Repository::init(dir.path()).expect("git init");
        Repo { dir, repository }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folders");
        }
        std::fs::write(path, text).expect("write");
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).expect("read")
    }

    /// Replaces `from` by `to` in a file, which must hold `from`.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} does not hold {from:?}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    pub fn remove(&self, relative: &str) {
        std::fs::remove_file(self.path(relative)).expect("remove");
    }

    pub fn rename(&self, from: &str, to: &str) {
        let target = self.path(to);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("folders");
        }
        std::fs::rename(self.path(from), target).expect("rename");
    }

    /// Stages one file as `git add` does, without committing.
    pub fn stage(&self, relative: &str) {
        let mut index = self.repository.index().expect("the index");
        index.add_path(Path::new(relative)).expect("add");
        index.write().expect("write the index");
    }

    /// The staged paths as pre-commit lists them (`git diff --staged --name-only
    /// --diff-filter=ACMRTUXB`): added, copied, modified or renamed against HEAD, not deleted;
    /// relative to the repository's top, sorted.
    pub fn staged(&self) -> Vec<String> {
        let head = self
            .repository
            .head()
            .ok()
            .and_then(|head| head.peel_to_tree().ok());
        let diff = self
            .repository
            .diff_tree_to_index(head.as_ref(), None, None)
            .expect("a diff of the index");
        let mut paths: Vec<String> = diff
            .deltas()
            .filter(|delta| delta.status() != git2::Delta::Deleted)
            .filter_map(|delta| delta.new_file().path())
            .map(|path| path.to_string_lossy().replace('\\', "/"))
            .collect();
        paths.sort();
        paths
    }

    /// Commits the whole work tree (additions, changes and removals); returns the commit id.
    pub fn commit(&self, message: &str) -> String {
        self.commit_as(message, "Test", "test@example.com")
    }

    /// Commits the whole work tree as this author.
    pub fn commit_as(&self, message: &str, name: &str, email: &str) -> String {
        let signature = Signature::now(name, email).expect("a signature");
        self.commit_signed(message, &signature)
    }

    /// Commits the whole work tree at this time (seconds since the epoch, UTC).
    pub fn commit_at(&self, message: &str, seconds: i64) -> String {
        let signature = Signature::new("Test", "test@example.com", &git2::Time::new(seconds, 0))
            .expect("a signature");
        self.commit_signed(message, &signature)
    }

    /// Creates the branch `name` at `commit` and switches to it (see [`Repo::switch`]).
    pub fn branch(&self, name: &str, commit: &str) {
        let oid = git2::Oid::from_str(commit).expect("a commit id");
        let commit = self.repository.find_commit(oid).expect("the commit");
        self.repository
            .branch(name, &commit, false)
            .expect("a new branch");
        self.switch(name);
    }

    /// Points HEAD at the branch `name` and resets the index and work tree to its tip, so that
    /// the next commit goes on that branch.
    pub fn switch(&self, name: &str) {
        self.repository
            .set_head(&format!("refs/heads/{name}"))
            .expect("switch HEAD");
        self.repository
            .checkout_head(Some(
                git2::build::CheckoutBuilder::new()
                    .force()
                    .remove_untracked(true),
            ))
            .expect("check out");
    }

    /// Adds (or replaces) the note on `commit` in `notes_ref`, as `git notes --ref add -f` does.
    pub fn note(&self, notes_ref: &str, commit: &str, text: &str) {
        let signature = Signature::now("Bot", "bot@example.com").expect("a signature");
        let oid = git2::Oid::from_str(commit).expect("a commit id");
        self.repository
            .note(&signature, &signature, Some(notes_ref), oid, text, true)
            .expect("a note");
    }

    fn commit_signed(&self, message: &str, signature: &Signature<'_>) -> String {
        let mut index = self.repository.index().expect("the index");
        index
            .add_all(["*"], IndexAddOption::DEFAULT, None)
            .expect("add");
        index.update_all(["*"], None).expect("update");
        index.write().expect("write the index");
        let tree_id = index.write_tree().expect("a tree");
        let tree = self.repository.find_tree(tree_id).expect("the tree");
        let parent = self
            .repository
            .head()
            .ok()
            .and_then(|head| head.peel_to_commit().ok());
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        self.repository
            .commit(Some("HEAD"), signature, signature, message, &tree, &parents)
            .expect("commit")
            .to_string()
    }
}
