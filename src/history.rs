//! The git walks of `folio log` and `folio history`: the first-parent chain of a range, each
//! commit with its parent and the people who can have approved it; the review data recorded on
//! a commit as a git note; and the gate timeline, the portfolio carried along that chain. With
//! source.rs, the only code that reads git.

use serde::Deserialize;

use crate::decisions::approvals::{Person, Review};
use crate::gates;
use crate::load::FileRead;
use crate::model::Model;
use crate::model::date::Date;
use crate::portfolio::{self, AsOf, Carried, ReadError};
use crate::source::{Commit, GitRepository, SourceError};
use crate::timeline::{Point, Timeline};

/// Where the decisions workflow records a merged pull request's reviews (folio-record.yml).
pub const NOTES_REF: &str = "refs/notes/folio";

/// The review data recorded on a merged commit: the pull request's reviews as GitHub's REST API
/// lists them, the head commit they were given on and the pull request's author.
#[derive(Debug, Clone, Deserialize)]
pub struct ReviewNote {
    pub pull_request: Option<u64>,
    pub head: String,
    pub author: Option<String>,
    pub reviews: Vec<Review>,
}

/// The note on `commit` in [`NOTES_REF`]. No notes ref, no note on the commit, or a note that is
/// not review data: `None`, and the commit's approvals stay claimed.
pub fn review_note(
    repository: &GitRepository,
    commit: &Commit,
) -> Result<Option<ReviewNote>, SourceError> {
    let oid = git2::Oid::from_str(&commit.id)?;
    match repository.repository.find_note(Some(NOTES_REF), oid) {
        Ok(note) => Ok(serde_json::from_slice(note.message_bytes()).ok()),
        Err(error) if error.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// A commit of the main line: its changes against its first parent are the decisions it made.
pub struct LoggedCommit {
    pub commit: Commit,
    /// The first parent; `None` for the first commit.
    pub parent: Option<Commit>,
    /// Who could have approved it: the author (on a merge commit, who merged) and the
    /// `Approved-by:` trailers of its message.
    pub people: Vec<Person>,
}

/// The main line of `range` (`A..B`: the first-parent chain from B back to, not including, A;
/// `B` alone: back to the first commit), newest first.
pub fn main_line(
    repository: &GitRepository,
    range: &str,
) -> Result<Vec<LoggedCommit>, SourceError> {
    let (stop, start) = match range.split_once("..") {
        Some((from, to)) => (Some(repository.resolve(from)?), to),
        None => (None, range),
    };
    let start = repository.resolve(if start.is_empty() { "HEAD" } else { start })?;
    let git = &repository.repository;
    let mut logged = Vec::new();
    let mut current = Some(git.find_commit(git2::Oid::from_str(&start.id)?)?);
    while let Some(commit) = current {
        if stop
            .as_ref()
            .is_some_and(|stop| stop.id == commit.id().to_string())
        {
            break;
        }
        let parent = commit.parent(0).ok();
        let author = commit.author();
        let mut people = vec![Person {
            name: author.name().unwrap_or_default().to_string(),
            email: author.email().ok().map(str::to_string),
            login: None,
        }];
        people.extend(Person::trailers(commit.message().unwrap_or_default()));
        logged.push(LoggedCommit {
            commit: Commit {
                id: commit.id().to_string(),
                time: commit.time().seconds(),
            },
            parent: parent.as_ref().map(|parent| Commit {
                id: parent.id().to_string(),
                time: parent.time().seconds(),
            }),
            people,
        });
        current = parent;
    }
    Ok(logged)
}

/// The gate timeline of `range` (as for [`main_line`]): each main-line commit, oldest first,
/// evaluated as of its own day (portfolio.yaml's `as_of` when set, else the commit's day;
/// `today` only when neither exists). The portfolio is carried from commit to commit
/// ([`Carried`]): each commit reads only the files it changes, and its model is assembled again
/// only when it changed any. A commit at which the portfolio holds no file is left out. The
/// first commit's files that `seed` holds (a reading of the same path and blob) are taken
/// from it, not read again.
pub fn timeline(
    repository: &GitRepository,
    range: &str,
    today: Date,
    seed: Vec<FileRead>,
) -> Result<Timeline, ReadError> {
    let main_line = main_line(repository, range)?;
    let as_of = AsOf::today(today);
    let mut carried = Carried::seeded(seed);
    let mut model: Option<Model> = None;
    let mut points = Vec::with_capacity(main_line.len());
    let mut currency = None;
    for logged in main_line.iter().rev() {
        let changed = carried.advance(repository, &logged.commit)?;
        if carried.is_empty() {
            model = None;
            continue;
        }
        // The gates need the model alone; it is built again only when a file changed.
        let model = match &mut model {
            Some(model) if !changed => model,
            slot => slot.insert(carried.model()),
        };
        let date = portfolio::evaluation_date(model, Some(&logged.commit), as_of);
        let evaluation = gates::evaluate(model, date);
        // A commit that follows one left out (no portfolio) changed it, whatever git says.
        let changed = changed || points.is_empty();
        points.push(Point::of(&logged.commit, &evaluation, changed));
        currency = model
            .portfolio
            .as_ref()
            .map(|portfolio| portfolio.currency.clone());
    }
    portfolio::discard((carried, model));
    Ok(Timeline::of(
        points,
        currency.unwrap_or_else(|| "USD".to_string()),
        repository.is_shallow(),
    ))
}
