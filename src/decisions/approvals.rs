//! Approvals from a pull request's reviews (the JSON list GitHub's REST API returns): which
//! logins approved the head commit.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

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

/// The logins (lower-cased) whose approval counts.
#[derive(Debug, Clone, Default)]
pub struct Approvers {
    logins: BTreeSet<String>,
}

impl Approvers {
    /// A review counts when it is its reviewer's latest review that decides (approved, changes
    /// requested or dismissed: a later plain comment does not withdraw an approval, as on
    /// GitHub), it approves, it was given on the head commit, and the reviewer is not the
    /// author.
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
        let logins = latest
            .into_iter()
            .filter(|(login, review)| {
                review.state == "APPROVED"
                    && review.commit_id.as_deref() == Some(head_commit)
                    && author.as_deref() != Some(login.as_str())
            })
            .map(|(login, _)| login)
            .collect();
        Approvers { logins }
    }

    /// Whether this GitHub handle approved.
    pub fn approved(&self, login: &str) -> bool {
        self.logins.contains(&login.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(approvers.approved("CHAIR"));
        assert!(!approvers.approved("board1"));
        assert!(!approvers.approved("stale"));
        assert!(!approvers.approved("author"));
    }
}
