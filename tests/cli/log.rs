//! `folio log`: the decisions of each main-line commit and the approvals history shows.

use serde_json::Value;

use crate::repo::Repo;
use crate::support::{approval, folio, review, run_json};

const GOVERNANCE: &str = r#"roles:
  chairman:
    members: [{name: Chair, github: chair, email: chair@studio.example}]
  board:
    members: [{name: B1, email: b1@studio.example}, {name: B2, github: b2}]
    quorum: 2
decision_rights:
  - decision: sunset-venture
    approvals: [{role: board}]
  - decision: add-venture
    approvals: [{role: chairman}]
"#;

fn log(repo: &Repo, range: &str) -> (i32, Value) {
    run_json(
        folio()
            .current_dir(repo.root())
            .args(["log", "--format", "json", "--range", range]),
    )
}

#[test]
fn history_shows_who_merged_and_who_signed_off() {
    let repo = Repo::new();
    repo.write("portfolio.yaml", "name: Studio\n");
    repo.write("governance.yaml", GOVERNANCE);
    repo.write(
        "ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: active\n",
    );
    let base = repo.commit("base");

    // Merged by the chairman (a member by email): the add is approved.
    repo.write(
        "ventures/wind.yaml",
        "id: wind\nname: Wind\nstatus: active\n",
    );
    let added = repo.commit_as("add wind", "Chair", "chair@studio.example");
    // Merged by someone else, with one board member's trailer: the sunset lacks its quorum.
    repo.write(
        "ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: sunset\n",
    );
    let sunset = repo.commit_as(
        "sunset solar\n\nApproved-by: B1 <b1@studio.example>\n",
        "Dev",
        "dev@studio.example",
    );

    let (code, report) = log(&repo, &format!("{base}..HEAD"));
    assert_eq!(code, 1, "the sunset is not approved");
    let commits = report["commits"].as_array().expect("commits");
    assert_eq!(commits.len(), 2);
    assert_eq!(commits[0]["commit"], sunset.as_str(), "newest first");
    let sunset_decision = &commits[0]["decisions"][0];
    assert_eq!(sunset_decision["type"], "sunset-venture");
    // A member without a GitHub login is named, not given an invented handle.
    assert_eq!(
        sunset_decision["requires"][0]["approved_by"],
        serde_json::json!(["B1"])
    );
    assert_eq!(sunset_decision["requires"][0]["satisfied"], false);
    assert_eq!(commits[1]["commit"], added.as_str());
    assert_eq!(commits[1]["decisions"][0]["type"], "add-venture");
    assert_eq!(commits[1]["decisions"][0]["requires"][0]["satisfied"], true);

    // A second sign-off completes the quorum, by GitHub handle.
    repo.write(
        "ventures/wind.yaml",
        "id: wind\nname: Wind\nstatus: sunset\n",
    );
    let second = repo.commit_as(
        "sunset wind\n\nApproved-by: B1 <b1@studio.example>\nApproved-by: @b2\n",
        "Dev",
        "dev@studio.example",
    );
    let (code, report) = log(&repo, &format!("{sunset}..{second}"));
    assert_eq!(code, 0);
    assert_eq!(
        report["commits"][0]["decisions"][0]["requires"][0]["satisfied"],
        true
    );

    // The Markdown log is a table, a row per decision.
    let text = markdown_log(&repo, &base);
    assert!(text.starts_with("# Decisions in history"), "{text}");
    assert_eq!(
        text.lines()
            .filter(|line| line.contains("`sunset-venture`"))
            .count(),
        2,
        "{text}"
    );
}

/// The note folio-record.yml writes on a merged commit: the pull request's reviews, its head and
/// its author.
fn review_note(head: &str, author: &str, reviews: &[Value]) -> String {
    serde_json::json!({
        "pull_request": 7, "head": head, "author": author, "verdict": "success", "reviews": reviews
    })
    .to_string()
}

#[test]
fn reviews_recorded_on_the_merge_commit_make_approvals_verified() {
    let repo = Repo::new();
    repo.write("portfolio.yaml", "name: Studio\n");
    repo.write(
        "governance.yaml",
        r#"roles:
  chairman:
    members: [{name: Chair, github: chair}]
  board:
    members:
      - {name: B1, github: b1, email: b1@studio.example}
      - {name: B2, github: b2, email: b2@studio.example}
    quorum: 2
decision_rights:
  - decision: sunset-venture
    approvals: [{role: board}]
"#,
    );
    for venture in ["solar", "wind", "hydro"] {
        repo.write(
            &format!("ventures/{venture}.yaml"),
            &format!("id: {venture}\nname: {venture}\nstatus: active\n"),
        );
    }
    let base = repo.commit("base");
    // Merged by someone who is no member, with no trailer: claimed, and not approved.
    repo.edit("ventures/solar.yaml", "active", "sunset");
    let solar = repo.commit_as("sunset solar", "Dev", "dev@studio.example");
    // The two board members approved the pull request's head, which is this commit.
    repo.edit("ventures/wind.yaml", "active", "sunset");
    let wind = repo.commit_as("sunset wind", "Dev", "dev@studio.example");
    // The reviews approved an older head (stale), and the author approved their own change:
    // they do not approve, so the merger's claim is what is left.
    repo.edit("ventures/hydro.yaml", "active", "sunset");
    let hydro = repo.commit_as(
        "sunset hydro\n\nApproved-by: B1 <b1@studio.example>\nApproved-by: @b2\n",
        "Dev",
        "dev@studio.example",
    );
    repo.note(
        "refs/notes/folio",
        &wind,
        &review_note(
            &wind,
            "dev",
            &[
                approval("b1", &wind),
                approval("B2", &wind),
                approval("mallory", &wind),
                review("chair", "COMMENTED", &wind, "2026-11-20T11:00:00Z"),
            ],
        ),
    );
    repo.note(
        "refs/notes/folio",
        &hydro,
        &review_note(
            &hydro,
            "b2",
            &[approval("b2", &hydro), approval("b1", &solar)],
        ),
    );
    // A note that is not review data is no evidence.
    repo.note("refs/notes/folio", &solar, "merged by hand");

    let (code, report) = log(&repo, &format!("{base}..HEAD"));
    assert_eq!(code, 1, "the solar sunset is not approved");
    let commits = report["commits"].as_array().expect("commits");
    let entry = |id: &str| {
        commits
            .iter()
            .find(|entry| entry["commit"] == id)
            .unwrap_or_else(|| panic!("{id} is logged: {report}"))
    };
    assert_eq!(entry(&solar)["evidence"], "claimed");
    assert_eq!(entry(&solar)["approved"], false);
    assert_eq!(entry(&wind)["evidence"], "verified", "{report}");
    assert_eq!(entry(&wind)["approved"], true);
    assert_eq!(
        entry(&wind)["decisions"][0]["requires"][0]["approved_by"],
        serde_json::json!(["b1", "b2"]),
        "members by login, in any case; mallory is no member"
    );
    assert_eq!(entry(&hydro)["evidence"], "claimed", "{report}");
    assert_eq!(entry(&hydro)["approved"], true, "the trailers claim it");

    let text = markdown_log(&repo, &base);
    assert!(
        text.contains(&format!("`{}`: not approved (claimed)", &solar[..7])),
        "{text}"
    );
}

/// `folio log --range BASE..HEAD` in its default format, Markdown.
fn markdown_log(repo: &Repo, base: &str) -> String {
    let output = folio()
        .current_dir(repo.root())
        .args(["log", "--range", &format!("{base}..HEAD")])
        .output()
        .expect("folio runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}
