//! Who approved a change: from a pull request's reviews (the JSON list GitHub's REST API
//! returns), or from what history shows (the merger, `Approved-by:` trailers).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::model::governance::Member;

/// One review, as GitHub's `GET /repos/{owner}/{repo}/pulls/{n}/reviews` returns it (only the
/// fields folio reads).
#[derive(Debug, Clone, Deserialize)]
pub struct Review {
    pub user: Option<User>,
    pub state: String,
    pub commit_id: Option<String>,
    pub submitted_at: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct User {
    pub login: String,
}

/// The reviews could not be read.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("the approvals file is not a GitHub reviews list: {reason}")]
#[diagnostic(
    code(folio::approvals),
    help("pass the JSON of `gh api repos/OWNER/REPO/pulls/N/reviews`")
)]
pub struct ReviewsError {
    pub reason: String,
}

pub fn parse_reviews(text: &str) -> Result<Vec<Review>, ReviewsError> {
    serde_json::from_str(text).map_err(|error| ReviewsError {
        reason: error.to_string(),
    })
}

/// Who approved the change, as far as folio can tell.
#[derive(Debug, Clone)]
pub enum Approvers {
    /// From a pull request's reviews: the logins (lower-cased) whose approval counts, and those
    /// whose latest approval was given on an older commit.
    Reviews {
        logins: BTreeSet<String>,
        stale: BTreeSet<String>,
    },
    /// From history: the people a commit names (its author, `Approved-by:` trailers).
    History { people: Vec<Person> },
}

impl Default for Approvers {
    fn default() -> Approvers {
        Approvers::Reviews {
            logins: BTreeSet::new(),
            stale: BTreeSet::new(),
        }
    }
}

impl Approvers {
    /// A review counts when it is its reviewer's latest review that decides (approved, changes
    /// requested or dismissed: a later plain comment does not withdraw an approval, as on
    /// GitHub), it approves, it was given on the head commit, and the reviewer is not the
    /// author. A latest approval on another commit is remembered as stale.
    pub fn from_reviews(reviews: &[Review], head_commit: &str, author: Option<&str>) -> Approvers {
        let mut ordered: Vec<(usize, &Review)> = reviews.iter().enumerate().collect();
        // GitHub lists reviews oldest first; submission times, when given, settle it.
        ordered.sort_by(|(i, a), (j, b)| {
            (a.submitted_at.as_deref(), i).cmp(&(b.submitted_at.as_deref(), j))
        });
        let mut latest: BTreeMap<String, &Review> = BTreeMap::new();
        for (_, review) in ordered {
            let Some(user) = &review.user else { continue };
            if matches!(
                review.state.as_str(),
                "APPROVED" | "CHANGES_REQUESTED" | "DISMISSED"
            ) {
                latest.insert(user.login.to_lowercase(), review);
            }
        }
        let author = author.map(str::to_lowercase);
        let mut logins = BTreeSet::new();
        let mut stale = BTreeSet::new();
        for (login, review) in latest {
            if review.state != "APPROVED" || author.as_deref() == Some(login.as_str()) {
                continue;
            }
            if review.commit_id.as_deref() == Some(head_commit) {
                logins.insert(login);
            } else {
                stale.insert(login);
            }
        }
        Approvers::Reviews { logins, stale }
    }

    /// Approvals found in history: the people who merged or signed off a commit, recognised as
    /// members by GitHub handle (also inside a GitHub no-reply address), e-mail, or exact name.
    pub fn from_history(people: Vec<Person>) -> Approvers {
        Approvers::History { people }
    }

    /// Whether this member approved.
    pub fn approved(&self, member: &Member) -> bool {
        match self {
            Approvers::Reviews { logins, .. } => member
                .github
                .as_ref()
                .is_some_and(|github| logins.contains(&github.to_lowercase())),
            Approvers::History { people } => people.iter().any(|person| person.is(member)),
        }
    }

    /// Whether this member's latest approval was given on an older commit.
    pub fn stale(&self, member: &Member) -> bool {
        match self {
            Approvers::Reviews { stale, .. } => member
                .github
                .as_ref()
                .is_some_and(|github| stale.contains(&github.to_lowercase())),
            Approvers::History { .. } => false,
        }
    }

    /// Whether a member without a GitHub login can approve this way (only history knows
    /// people by e-mail or name).
    pub fn knows_people_without_login(&self) -> bool {
        matches!(self, Approvers::History { .. })
    }
}

/// Someone named in history: a commit's author or an `Approved-by:` trailer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub email: Option<String>,
    /// A GitHub handle (`Approved-by: @login`).
    pub login: Option<String>,
}

impl Person {
    /// Reads `Name <email>`, `@login`, or a bare handle or name.
    pub fn parse(text: &str) -> Person {
        let text = text.trim();
        if let Some((name, rest)) = text.split_once('<') {
            let email = rest.trim_end_matches('>').trim().to_string();
            return Person {
                name: name.trim().to_string(),
                email: Some(email),
                login: None,
            };
        }
        match text.strip_prefix('@') {
            Some(login) => Person {
                name: String::new(),
                email: None,
                login: Some(login.to_string()),
            },
            None => Person {
                name: text.to_string(),
                email: None,
                login: (!text.contains(' ')).then(|| text.to_string()),
            },
        }
    }

    /// The people a commit message's `Approved-by:` trailers name.
    pub fn trailers(message: &str) -> Vec<Person> {
        message
            .lines()
            .filter_map(|line| {
                let (key, value) = line.split_once(':')?;
                key.trim()
                    .eq_ignore_ascii_case("approved-by")
                    .then(|| Person::parse(value))
            })
            .collect()
    }

    fn is(&self, member: &Member) -> bool {
        let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        let by_login = match (&self.login, &member.github) {
            (Some(login), Some(github)) => same(login, github),
            _ => false,
        };
        let by_email = match (&self.email, &member.email) {
            (Some(email), Some(known)) => same(email, known),
            _ => false,
        };
        // GitHub's no-reply address: `12345+login@users.noreply.github.com`.
        let by_noreply = match (&self.email, &member.github) {
            (Some(email), Some(github)) => email
                .strip_suffix("@users.noreply.github.com")
                .map(|local| local.rsplit('+').next().unwrap_or(local))
                .is_some_and(|login| same(login, github)),
            _ => false,
        };
        let by_name = self.email.is_none() && !self.name.is_empty() && self.name == member.name;
        by_login || by_email || by_noreply || by_name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Governance;

    #[test]
    fn people_in_history_are_recognised_as_members() {
        let governance: Governance = serde_json::from_value(serde_json::json!({
            "roles": {
                "chairman": {"members": [{"name": "Elena Marsh", "github": "emarsh", "email": "elena@studio.example"}]},
                "board": {"members": [{"name": "Henrik Lund", "email": "henrik@lund.example"}, {"name": "Grace", "github": "gokafor"}]}
            },
            "decision_rights": []
        }))
        .expect("governance");
        let message = "Merge pull request #12\n\nApproved-by: Henrik Lund <HENRIK@lund.example>\nApproved-by: @gokafor\n";
        let mut people = Person::trailers(message);
        people.push(Person {
            name: "Someone".into(),
            email: Some("1234+EMarsh@users.noreply.github.com".into()),
            login: None,
        });
        let approvers = Approvers::from_history(people);
        let member = |role: &str, index: usize| &governance.roles[role].members[index];
        assert!(approvers.approved(member("chairman", 0)));
        assert!(approvers.approved(member("board", 0)));
        assert!(approvers.approved(member("board", 1)));
        let stranger = vec![Person::parse("Mallory <mallory@evil.example>")];
        assert!(!Approvers::from_history(stranger).approved(member("chairman", 0)));
    }

    fn review(login: &str, state: &str, commit: &str, at: &str) -> Review {
        Review {
            user: Some(User {
                login: login.into(),
            }),
            state: state.into(),
            commit_id: Some(commit.into()),
            submitted_at: Some(at.into()),
        }
    }

    #[test]
    fn only_the_latest_deciding_review_on_the_head_counts() {
        let reviews = [
            review("chair", "APPROVED", "head", "2026-11-01T10:00:00Z"),
            review("chair", "COMMENTED", "head", "2026-11-01T11:00:00Z"),
            review("board1", "APPROVED", "head", "2026-11-01T10:00:00Z"),
            review(
                "board1",
                "CHANGES_REQUESTED",
                "head",
                "2026-11-01T12:00:00Z",
            ),
            review("stale", "APPROVED", "older", "2026-11-01T10:00:00Z"),
            review("Author", "APPROVED", "head", "2026-11-01T10:00:00Z"),
        ];
        let approvers = Approvers::from_reviews(&reviews, "head", Some("author"));
        let member = |login: &str| Member {
            name: login.into(),
            github: Some(login.into()),
            email: None,
        };
        assert!(approvers.approved(&member("CHAIR")));
        assert!(!approvers.approved(&member("board1")));
        assert!(!approvers.approved(&member("stale")));
        assert!(approvers.stale(&member("stale")));
        assert!(!approvers.approved(&member("author")));
    }
}
