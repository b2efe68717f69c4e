//! `folio diff` on real repositories built with git2: every decision type, the approvals each
//! needs under the base governance, and who may give them.

use serde_json::{Value, json};

use crate::repo::Repo;
use crate::support::{approval, decision_pairs as decisions, folio, review, run_json};

const ROOT: &str = "studio";

const GOVERNANCE: &str = r#"roles:
  chairman:
    members: [{name: Chair, github: chair}]
  board:
    members: [{name: B1, github: b1}, {name: B2, github: b2}, {name: B3, github: b3}]
    quorum: 2
  cto-council:
    members: [{name: CTO, github: cto}]
decision_rights:
  - decision: launch-initiative
    approvals: [{role: chairman, when: "budget > 10000"}]
  - decision: change-initiative-budget
    approvals: [{role: chairman, when: "budget > 10000"}]
  - decision: reallocate-resources
    approvals: [{role: chairman, when: "shift_pct > 20"}, {role: board, when: "amount > 50000"}]
  - decision: add-venture
    approvals: [{role: chairman}]
  - decision: sunset-venture
    approvals: [{role: board}]
  - decision: change-venture-status
    approvals: [{role: chairman}]
  - decision: escalate-conflict
    approvals: [{role: cto-council}]
  - decision: resolve-conflict
    approvals: [{role: chairman, when: "escalated"}]
  - decision: record-approval
    approvals: []
  - decision: change-thresholds
    approvals: [{role: chairman}]
  - decision: change-governance
    approvals: [{role: chairman}, {role: board}]
  - decision: declare-rollback
    approvals: [{role: chairman}]
"#;

fn venture(id: &str, status: &str) -> String {
    format!("id: {id}\nname: Venture {id}\nstatus: {status}\n")
}

/// A repository whose first commit holds a small portfolio under `studio/`.
fn base_repo() -> Repo {
    let repo = Repo::new();
    let at = |path: &str| format!("{ROOT}/{path}");
    repo.write(
        &at("portfolio.yaml"),
        "name: Test Studio\nthresholds:\n  min_plans: 5\n",
    );
    repo.write(&at("governance.yaml"), GOVERNANCE);
    for id in ["alpha", "beta", "gamma", "omega"] {
        repo.write(&at(&format!("ventures/{id}.yaml")), &venture(id, "active"));
    }
    repo.write(
        &at("resources/pool.yaml"),
        "id: pool\nname: Platform team\ntype: talent\nunit: percent\ncapacity: 100\nallocations:\n  alpha: 50\n  beta: 50\nholders: [Ann, Bob]\nunit_cost: 100\n",
    );
    repo.write(
        &at("resources/fund.yaml"),
        "id: fund\nname: Fund\ntype: budget\nunit: usd\ncapacity: 200000\nallocations:\n  alpha: 100000\n  beta: 100000\n",
    );
    repo.write(
        &at("initiatives/INIT.yaml"),
        "initiative_id: INIT\nname: Shared auth\nventures: [alpha, beta]\nvalue_proposition: One login\nimplementation: [{milestone: Design, deadline: 2026-10-20}]\nsuccess_metrics: [{metric: Hours, target: 16}]\nowner: Ann\nbudget: 10000\nstatus: planned\n",
    );
    repo.write(
        &at("conflicts/CON.yaml"),
        "id: CON\ntitle: Both want Ann\ntype: talent\nventures: [alpha, beta]\nstatus: open\n",
    );
    repo.write(
        &at("conflicts/HOT.yaml"),
        "id: HOT\ntitle: Budget clash\ntype: budget\nventures: [alpha, beta]\nstatus: escalated\n",
    );
    repo.commit("base");
    repo
}

fn at(path: &str) -> String {
    format!("{ROOT}/{path}")
}

/// Runs `folio diff studio --base HEAD~1 --format json` with these reviews.
fn diff(repo: &Repo, reviews: &[Value], author: Option<&str>) -> (i32, Value) {
    let approvals = repo.path("reviews.json");
    std::fs::write(&approvals, Value::Array(reviews.to_vec()).to_string()).expect("write reviews");
    let mut command = folio();
    command
        .current_dir(repo.root())
        .args([
            "diff",
            ROOT,
            "--base",
            "HEAD~1",
            "--format",
            "json",
            "--approvals",
        ])
        .arg(&approvals);
    if let Some(author) = author {
        command.args(["--author", author]);
    }
    run_json(&mut command)
}

fn decision<'a>(report: &'a Value, kind: &str) -> &'a Value {
    report["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .find(|d| d["type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} decision in {report:#}"))
}

/// The roles a decision requires, with whether each is satisfied.
fn requires(decision: &Value) -> Vec<(String, bool)> {
    decision["requires"]
        .as_array()
        .expect("requires")
        .iter()
        .map(|r| {
            (
                r["role"].as_str().unwrap_or_default().to_string(),
                r["satisfied"] == true,
            )
        })
        .collect()
}

#[test]
fn every_decision_type_is_read_with_its_facts() {
    let repo = base_repo();
    repo.write(&at("ventures/delta.yaml"), &venture("delta", "active"));
    repo.edit(
        &at("ventures/alpha.yaml"),
        "status: active",
        "status: paused",
    );
    repo.edit(
        &at("ventures/gamma.yaml"),
        "status: active",
        "status: sunset",
    );
    repo.remove(&at("ventures/omega.yaml"));
    repo.edit(
        &at("initiatives/INIT.yaml"),
        "budget: 10000\nstatus: planned",
        "budget: 25000\nstatus: launched\napproved_by: chairman",
    );
    repo.edit(
        &at("resources/pool.yaml"),
        "  alpha: 50\n  beta: 50",
        "  alpha: 70\n  beta: 30",
    );
    repo.edit(
        &at("conflicts/CON.yaml"),
        "status: open",
        "status: escalated",
    );
    repo.edit(&at("conflicts/HOT.yaml"), "status: escalated", "status: resolved\nstrategy: priority-ranking\nresolution: Alpha first.\nresolved_on: 2026-11-02");
    repo.edit(&at("portfolio.yaml"), "min_plans: 5", "min_plans: 4");
    repo.write(
        &at("governance.yaml"),
        &format!("{GOVERNANCE}escalation: [chairman, board]\n"),
    );
    repo.write(
        &at("rollbacks/RB-1.yaml"),
        "id: RB-1\ndeclared: 2026-11-01\ntrigger: other\ninitiatives: [INIT]\nclosed: 2026-11-02\n",
    );
    repo.commit("head");

    let (code, report) = diff(&repo, &[], None);
    assert_eq!(code, 1, "approvals are missing");
    let mut types: Vec<String> = decisions(&report)
        .into_iter()
        .map(|(kind, _)| kind)
        .collect();
    types.sort();
    types.dedup();
    assert_eq!(
        types,
        [
            "add-venture",
            "change-governance",
            "change-initiative-budget",
            "change-thresholds",
            "change-venture-status",
            "declare-rollback",
            "escalate-conflict",
            "launch-initiative",
            "reallocate-resources",
            "record-approval",
            "resolve-conflict",
            "sunset-venture",
        ]
    );
    assert_eq!(
        decision(&report, "add-venture")["facts"],
        json!({"venture": "delta", "status": "active"})
    );
    assert_eq!(
        decision(&report, "change-venture-status")["facts"],
        json!({"venture": "alpha", "from": "active", "to": "paused"})
    );
    let sunsets: Vec<(String, String)> = decisions(&report)
        .into_iter()
        .filter(|(kind, _)| kind == "sunset-venture")
        .collect();
    assert_eq!(
        sunsets,
        [
            ("sunset-venture".to_string(), "gamma".to_string()),
            ("sunset-venture".to_string(), "omega".to_string())
        ]
    );
    assert_eq!(
        decision(&report, "launch-initiative")["facts"],
        json!({"initiative": "INIT", "budget": 25000, "ventures": ["alpha", "beta"]})
    );
    assert_eq!(
        decision(&report, "change-initiative-budget")["facts"],
        json!({"initiative": "INIT", "budget": 25000, "increase": 15000})
    );
    // 20 points moved of 100: 20%, worth 20 × 100 USD × 12 a year.
    assert_eq!(
        decision(&report, "reallocate-resources")["facts"],
        json!({"resource": "pool", "shift_pct": 20, "moved": 20, "amount": 24000})
    );
    assert_eq!(
        decision(&report, "escalate-conflict")["facts"],
        json!({"conflict": "CON"})
    );
    assert_eq!(
        decision(&report, "resolve-conflict")["facts"],
        json!({"conflict": "HOT", "escalated": true})
    );
    assert_eq!(
        decision(&report, "record-approval")["facts"]["role"],
        "chairman"
    );
    assert_eq!(
        decision(&report, "change-thresholds")["facts"],
        json!({"changed": ["min_plans"]})
    );
    assert_eq!(
        decision(&report, "declare-rollback")["facts"],
        json!({"rollback": "RB-1", "trigger": "other"})
    );
    assert_eq!(
        decision(&report, "sunset-venture")["file"],
        "ventures/gamma.yaml"
    );
    assert_eq!(report["approved"], false);
}

/// Commits an edit of a resource's allocations and returns the reallocation decision.
fn reallocate(repo: &Repo, file: &str, from: &str, to: &str) -> Value {
    repo.edit(&at(file), from, to);
    repo.commit("shift");
    let (_, report) = diff(repo, &[], None);
    decision(&report, "reallocate-resources").clone()
}

#[test]
fn a_shift_of_twenty_percent_needs_no_chairman_and_one_just_over_does() {
    let repo = base_repo();
    let at_threshold = reallocate(
        &repo,
        "resources/pool.yaml",
        "  alpha: 50\n  beta: 50",
        "  alpha: 70\n  beta: 30",
    );
    assert_eq!(at_threshold["facts"]["shift_pct"], 20.0);
    assert_eq!(requires(&at_threshold), []);

    let repo = base_repo();
    let over = reallocate(
        &repo,
        "resources/pool.yaml",
        "  alpha: 50\n  beta: 50",
        "  alpha: 70.5\n  beta: 29.5",
    );
    assert_eq!(over["facts"]["shift_pct"], 20.5);
    assert_eq!(requires(&over), [("chairman".to_string(), false)]);
}

#[test]
fn money_thresholds_decide_whether_the_board_must_approve() {
    // 50,000 USD moved of 200,000: 25% (the chairman) and exactly 50,000 (not the board).
    let repo = base_repo();
    let at_threshold = reallocate(
        &repo,
        "resources/fund.yaml",
        "  alpha: 100000\n  beta: 100000",
        "  alpha: 150000\n  beta: 50000",
    );
    assert_eq!(at_threshold["facts"]["amount"], 50000.0);
    assert_eq!(requires(&at_threshold), [("chairman".to_string(), false)]);

    let repo = base_repo();
    let over = reallocate(
        &repo,
        "resources/fund.yaml",
        "  alpha: 100000\n  beta: 100000",
        "  alpha: 150001\n  beta: 49999",
    );
    assert_eq!(over["facts"]["amount"], 50001.0);
    assert_eq!(
        requires(&over),
        [
            ("chairman".to_string(), false),
            ("board".to_string(), false)
        ]
    );

    // A budget just over 10,000 needs the chairman to launch; exactly 10,000 does not.
    let repo = base_repo();
    repo.edit(
        &at("initiatives/INIT.yaml"),
        "status: planned",
        "status: launched",
    );
    repo.commit("launch at 10,000");
    let (code, report) = diff(&repo, &[], None);
    assert_eq!(requires(decision(&report, "launch-initiative")), []);
    assert_eq!(code, 0);

    let repo = base_repo();
    repo.edit(
        &at("initiatives/INIT.yaml"),
        "budget: 10000\nstatus: planned",
        "budget: 10001\nstatus: launched",
    );
    repo.commit("launch at 10,001");
    let (code, report) = diff(&repo, &[], None);
    assert_eq!(
        requires(decision(&report, "launch-initiative")),
        [("chairman".to_string(), false)]
    );
    assert_eq!(code, 1);
}

/// A change that needs the board (quorum 2): sunsetting a venture.
fn sunset_repo() -> (Repo, String) {
    let repo = base_repo();
    repo.edit(
        &at("ventures/omega.yaml"),
        "status: active",
        "status: sunset",
    );
    let head = repo.commit("sunset omega");
    (repo, head)
}

#[test]
fn the_board_needs_its_quorum_of_distinct_members() {
    let (repo, head) = sunset_repo();
    let (code, report) = diff(&repo, &[approval("b1", &head)], None);
    assert_eq!(code, 1);
    let board = &decision(&report, "sunset-venture")["requires"][0];
    assert_eq!(board["quorum"], 2);
    assert_eq!(board["approved_by"], json!(["b1"]));
    assert_eq!(board["satisfied"], false);

    // The same member twice is still one member.
    let (code, _) = diff(&repo, &[approval("b1", &head), approval("B1", &head)], None);
    assert_eq!(code, 1);

    let (code, report) = diff(&repo, &[approval("b1", &head), approval("b3", &head)], None);
    assert_eq!(code, 0);
    assert_eq!(report["approved"], true);
    assert_eq!(
        decision(&report, "sunset-venture")["requires"][0]["approved_by"],
        json!(["b1", "b3"])
    );
}

#[test]
fn an_approval_of_an_older_commit_is_stale() {
    let (repo, head) = sunset_repo();
    // A later commit (the pull request's new head) makes the approvals of `head` stale.
    let newer = repo.commit("nothing new");
    let approvals = repo.path("reviews.json");
    std::fs::write(
        &approvals,
        json!([approval("b1", &head), approval("b2", &head)]).to_string(),
    )
    .expect("write");
    let output = folio()
        .current_dir(repo.root())
        .args([
            "diff",
            ROOT,
            "--base",
            "HEAD~2",
            "--format",
            "json",
            "--approvals",
        ])
        .arg(&approvals)
        .output()
        .expect("folio runs");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["head"], newer.as_str());
    assert_eq!(
        output.status.code(),
        Some(1),
        "approvals of the previous commit do not count"
    );
    assert_eq!(
        decision(&report, "sunset-venture")["requires"][0]["approved_by"],
        json!([])
    );
    assert_eq!(
        decision(&report, "sunset-venture")["requires"][0]["stale"],
        json!(["b1", "b2"])
    );
}

/// The comment says what the decision is, names whose approval was given on an older commit
/// and the members who have no GitHub login (by name, never an invented handle), and GitHub
/// reads it as one table.
#[test]
fn the_comment_names_stale_approvals_and_members_without_a_login() {
    let repo = base_repo();
    repo.edit(
        &at("governance.yaml"),
        "{name: B3, github: b3}",
        "{name: B3, github: b3}, {name: Henrik Lund, email: henrik@lund.example}",
    );
    repo.commit("a board member without a GitHub login");
    repo.edit(
        &at("ventures/omega.yaml"),
        "status: active",
        "status: sunset",
    );
    let first = repo.commit("sunset omega");
    repo.commit("a later push");
    let approvals = repo.path("reviews.json");
    std::fs::write(&approvals, json!([approval("b1", &first)]).to_string()).expect("write");
    let output = folio()
        .current_dir(repo.root())
        .args([
            "diff",
            ROOT,
            "--base",
            "HEAD~2",
            "--format",
            "markdown",
            "--approvals",
        ])
        .arg(&approvals)
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        !text.contains('@'),
        "a handle or an e-mail would ping: {text}"
    );
    // The marker and the footer are HTML by design; the table is read as GitHub reads it.
    let table: String = text
        .lines()
        .filter(|line| line.starts_with('|'))
        .map(|line| format!("{line}\n"))
        .collect();
    let rows = crate::report::table_rows("the comment", &table);
    let row = rows
        .iter()
        .find(|row| row.first().is_some_and(|cell| cell == "sunset-venture"))
        .unwrap_or_else(|| panic!("no sunset row in {rows:?}"));
    assert_eq!(
        row[1],
        "sunsets venture omega (was active) (ventures/omega.yaml)"
    );
    assert_eq!(
        row[4],
        "b1 (approved an older commit), b2, b3, Henrik Lund (no GitHub login, cannot approve)"
    );
}

#[test]
fn only_members_of_the_required_role_approve() {
    let (repo, head) = sunset_repo();
    // The chairman and the CTO are not on the board.
    let (code, report) = diff(
        &repo,
        &[
            approval("chair", &head),
            approval("cto", &head),
            approval("b2", &head),
        ],
        None,
    );
    assert_eq!(code, 1);
    assert_eq!(
        decision(&report, "sunset-venture")["requires"][0]["approved_by"],
        json!(["b2"])
    );
}

#[test]
fn a_later_request_for_changes_withdraws_an_approval() {
    let (repo, head) = sunset_repo();
    let reviews = [
        review("b1", "APPROVED", &head, "2026-11-20T10:00:00Z"),
        review("b2", "APPROVED", &head, "2026-11-20T10:00:00Z"),
        review("b2", "CHANGES_REQUESTED", &head, "2026-11-20T11:00:00Z"),
    ];
    let (code, report) = diff(&repo, &reviews, None);
    assert_eq!(code, 1);
    assert_eq!(
        decision(&report, "sunset-venture")["requires"][0]["approved_by"],
        json!(["b1"])
    );
    // A later plain comment does not withdraw an approval.
    let reviews = [
        review("b1", "APPROVED", &head, "2026-11-20T10:00:00Z"),
        review("b2", "APPROVED", &head, "2026-11-20T10:00:00Z"),
        review("b2", "COMMENTED", &head, "2026-11-20T11:00:00Z"),
    ];
    assert_eq!(diff(&repo, &reviews, None).0, 0);
}

#[test]
fn the_author_never_approves_their_own_change() {
    let (repo, head) = sunset_repo();
    let reviews = [approval("b1", &head), approval("b2", &head)];
    let (code, report) = diff(&repo, &reviews, Some("b2"));
    assert_eq!(code, 1);
    assert_eq!(
        decision(&report, "sunset-venture")["requires"][0]["approved_by"],
        json!(["b1"])
    );
}

#[test]
fn a_pull_request_cannot_appoint_its_own_chairman() {
    let repo = base_repo();
    repo.write(
        &at("governance.yaml"),
        &GOVERNANCE.replace(
            "{name: Chair, github: chair}",
            "{name: Mallory, github: mallory}",
        ),
    );
    repo.edit(
        &at("initiatives/INIT.yaml"),
        "budget: 10000\nstatus: planned",
        "budget: 90000\nstatus: launched",
    );
    let head = repo.commit("appoint mallory and launch");
    let (code, report) = diff(&repo, &[approval("mallory", &head)], None);
    assert_eq!(code, 1, "mallory is not the chairman at base");
    assert_eq!(
        decision(&report, "launch-initiative")["requires"][0]["still_needed"],
        json!(["chair"])
    );
    let governance = decision(&report, "change-governance");
    assert_eq!(
        requires(governance),
        [
            ("chairman".to_string(), false),
            ("board".to_string(), false)
        ]
    );
}

#[test]
fn a_pull_request_cannot_lower_its_own_bar() {
    let repo = base_repo();
    // Raise the launch condition and lower a threshold, and launch in the same change.
    repo.write(
        &at("governance.yaml"),
        &GOVERNANCE.replace(
            "budget > 10000\"}]\n  - decision: change-initiative-budget",
            "budget > 1000000\"}]\n  - decision: change-initiative-budget",
        ),
    );
    repo.edit(
        &at("initiatives/INIT.yaml"),
        "budget: 10000\nstatus: planned",
        "budget: 90000\nstatus: launched",
    );
    repo.edit(&at("portfolio.yaml"), "min_plans: 5", "min_plans: 1");
    repo.commit("lower the bar");
    let (code, report) = diff(&repo, &[], None);
    assert_eq!(code, 1);
    assert_eq!(
        requires(decision(&report, "launch-initiative")),
        [("chairman".to_string(), false)]
    );
    assert_eq!(
        requires(decision(&report, "change-thresholds")),
        [("chairman".to_string(), false)]
    );
}

#[test]
fn a_forged_approved_by_needs_the_role_it_claims() {
    let repo = base_repo();
    repo.edit(
        &at("resources/pool.yaml"),
        "unit_cost: 100\n",
        "unit_cost: 100\napproved_by: chairman\n",
    );
    let head = repo.commit("claim the chairman's approval");
    let (code, report) = diff(&repo, &[approval("cto", &head)], None);
    assert_eq!(code, 1);
    let record = decision(&report, "record-approval");
    assert_eq!(
        record["facts"],
        json!({"role": "chairman", "artifact": "pool", "kind": "resource"})
    );
    assert_eq!(requires(record), [("chairman".to_string(), false)]);
    let (code, _) = diff(&repo, &[approval("chair", &head)], None);
    assert_eq!(code, 0, "the chairman's approval makes the claim true");
}

#[test]
fn a_renamed_file_with_the_same_id_is_no_decision() {
    let repo = base_repo();
    repo.rename(
        &at("ventures/omega.yaml"),
        &at("ventures/archive/omega.yaml"),
    );
    repo.commit("move omega");
    let (code, report) = diff(&repo, &[], None);
    assert_eq!(decisions(&report), []);
    assert_eq!(code, 0);
}

#[test]
fn an_unknown_revision_is_exit_2_with_a_fetch_hint() {
    let repo = base_repo();
    folio()
        .current_dir(repo.root())
        .args(["diff", ROOT, "--base", "no-such-branch"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "unknown revision \"no-such-branch\"",
        ))
        .stderr(predicates::str::contains("fetch-depth: 0"));
    // A shallow clone that lacks the base says so.
    std::fs::write(repo.path(".git/shallow"), format!("{}\n", "1".repeat(40)))
        .expect("mark shallow");
    folio()
        .current_dir(repo.root())
        .args(["diff", ROOT, "--base", &"2".repeat(40)])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("this clone is shallow"));
    // Outside a repository.
    let outside = tempfile::tempdir().expect("a folder");
    folio()
        .args(["diff", "--base", "HEAD"])
        .arg(outside.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not inside a git repository"));
}

#[test]
fn the_work_tree_does_not_matter() {
    let (repo, head) = sunset_repo();
    // Uncommitted edits are not part of the change.
    repo.edit(
        &at("ventures/alpha.yaml"),
        "status: active",
        "status: sunset",
    );
    let (code, report) = diff(&repo, &[approval("b1", &head), approval("b2", &head)], None);
    assert_eq!(
        decisions(&report),
        [("sunset-venture".to_string(), "omega".to_string())]
    );
    assert_eq!(code, 0);
}

#[test]
fn the_markdown_comment_is_sticky_and_pings_nobody() {
    let (repo, head) = sunset_repo();
    let approvals = repo.path("reviews.json");
    std::fs::write(&approvals, json!([approval("b1", &head)]).to_string()).expect("write");
    let output = folio()
        .current_dir(repo.root())
        .args([
            "diff",
            ROOT,
            "--base",
            "HEAD~1",
            "--format",
            "markdown",
            "--approvals",
        ])
        .arg(&approvals)
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("<!-- folio:decisions -->\n"), "{text}");
    assert!(!text.contains('@'), "a handle would ping: {text}");
    let row = text
        .lines()
        .find(|line| line.starts_with("| `sunset-venture`"))
        .expect("a row for the decision");
    assert!(row.contains("`b1`") && row.contains("`b2`, `b3`"), "{row}");
    let header = text
        .lines()
        .find(|line| line.starts_with("| decision"))
        .expect("a header");
    assert_eq!(row.matches(" | ").count(), header.matches(" | ").count());
}

#[test]
fn github_annotations_land_on_the_changed_files() {
    let (repo, _) = sunset_repo();
    folio()
        .current_dir(repo.root())
        .env("GITHUB_ACTIONS", "true")
        .args(["diff", ROOT, "--base", "HEAD~1"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "::error file=studio/ventures/omega.yaml,line=3,col=9,title=sunset-venture::sunset-venture: sunsets venture omega (was active): waiting for board (0 of 2)",
        ));
}

#[test]
fn check_and_gates_read_a_revision_instead_of_the_work_tree() {
    let repo = base_repo();
    // The work tree is broken; the commit is not.
    repo.edit(
        &at("ventures/alpha.yaml"),
        "status: active",
        "status: actve",
    );
    folio()
        .current_dir(repo.root())
        .args(["check", ROOT, "--format", "json"])
        .assert()
        .code(1);
    folio()
        .current_dir(repo.root())
        .args(["check", ROOT, "--rev", "HEAD", "--format", "json"])
        .assert()
        .code(0);
    // Without `as_of` in portfolio.yaml, a revision is judged as of its commit's day:
    // 1,763,000,000 seconds is 2025-11-13 (UTC).
    repo.edit(
        &at("ventures/alpha.yaml"),
        "status: actve",
        "status: paused",
    );
    repo.commit_at("pause alpha", 1_763_000_000);
    let output = folio()
        .current_dir(repo.root())
        .args(["gates", ROOT, "--rev", "HEAD", "--format", "json"])
        .output()
        .expect("folio runs");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["as_of"], "2025-11-13");
    folio()
        .current_dir(repo.root())
        .args(["check", ROOT, "--rev", "no-such-revision"])
        .assert()
        .code(2);
}

#[test]
fn a_broken_base_governance_fails_closed_and_a_first_one_bootstraps() {
    // The base's governance.yaml breaks its schema: nothing can be approved.
    let repo = base_repo();
    repo.write(
        &at("governance.yaml"),
        &GOVERNANCE.replace("decision_rights:", "decision_rigths:"),
    );
    repo.commit("break governance");
    repo.edit(
        &at("ventures/omega.yaml"),
        "status: active",
        "status: sunset",
    );
    let head = repo.commit("sunset omega");
    let (code, report) = diff(&repo, &[approval("b1", &head), approval("b2", &head)], None);
    assert_eq!(code, 1);
    assert_eq!(
        requires(decision(&report, "sunset-venture")),
        [("chairman".to_string(), false)]
    );
    assert!(
        report["note"]
            .as_str()
            .is_some_and(|note| note.contains("cannot be read (a syntax or schema error)"))
    );

    // A repository's first governance.yaml: nothing can be required yet.
    let repo = Repo::new();
    repo.write(&at("portfolio.yaml"), "name: Test Studio\n");
    repo.commit("portfolio only");
    repo.write(&at("governance.yaml"), GOVERNANCE);
    repo.write(&at("ventures/alpha.yaml"), &venture("alpha", "active"));
    repo.commit("first governance");
    let (code, report) = diff(&repo, &[], None);
    assert_eq!(code, 0);
    assert!(
        report["note"]
            .as_str()
            .is_some_and(|note| note.contains("no governance.yaml"))
    );
    assert_eq!(
        decisions(&report),
        [
            ("change-governance".to_string(), "governance".to_string()),
            ("add-venture".to_string(), "alpha".to_string())
        ]
    );
}

#[test]
fn the_human_format_says_what_each_decision_needs_and_who_is_missing() {
    let (repo, head) = sunset_repo();
    let reviews = repo.path("reviews.json");
    std::fs::write(&reviews, json!([approval("b1", &head)]).to_string()).expect("write");
    let output = folio()
        .current_dir(repo.root())
        .args(["diff", ROOT, "--base", "HEAD~1", "--approvals"])
        .arg(&reviews)
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("sunset-venture omega (ventures/omega.yaml)"),
        "{text}"
    );
    assert!(
        text.contains("missing: board 1 of 2 (always); approved by b1; still needed from b2, b3"),
        "{text}"
    );
    assert!(
        text.contains("not approved: 1 required approval(s) missing"),
        "{text}"
    );
}

/// The decision shown in the README's "Reading a decision" is what folio says of that change.
#[test]
fn the_readme_decision_example_is_what_folio_says() {
    let readme =
        std::fs::read_to_string(crate::support::repository().join("README.md")).expect("README.md");
    let (_, after) = readme
        .split_once("conditions read. In `folio diff --format json`:\n\n```json\n")
        .expect("the README's example");
    let (example, _) = after.split_once("```").expect("the end of the example");
    let example: Value = serde_json::from_str(example).expect("the example is JSON");

    let repo = Repo::new();
    repo.write(&at("portfolio.yaml"), "name: Test Studio\n");
    repo.write(
        &at("governance.yaml"),
        "roles:\n  chairman:\n    members: [{name: Elena, github: emarsh}]\n  board:\n    members: [{name: Tomas, github: taguilar}]\ndecision_rights:\n  - decision: reallocate-resources\n    approvals: [{role: chairman, when: \"shift_pct > 20\"}]\n",
    );
    for id in ["alpha", "beta"] {
        repo.write(&at(&format!("ventures/{id}.yaml")), &venture(id, "active"));
    }
    let team = "id: platform-team\nname: Platform team\ntype: talent\nunit: percent\ncapacity: 100\nallocations: {alpha: 50, beta: 50}\nholders: [Ann, Bob]\nunit_cost: 480\n";
    repo.write(&at("resources/platform-team.yaml"), team);
    repo.commit("base");
    repo.edit(
        &at("resources/platform-team.yaml"),
        "{alpha: 50, beta: 50}",
        "{alpha: 80, beta: 20}",
    );
    repo.commit("shift");
    let (code, report) = diff(&repo, &[], None);
    assert_eq!(code, 1);
    assert_eq!(report["decisions"], json!([example]));
}

/// A head whose governance.yaml breaks a cross-file rule (an escalation to a role that does not
/// exist) cannot be approved, whoever approves: its rules would be the next target's.
#[test]
fn a_head_whose_governance_breaks_a_rule_cannot_be_approved() {
    let repo = base_repo();
    repo.write(
        &at("governance.yaml"),
        &format!("{GOVERNANCE}escalation: [chairmen, board]\n"),
    );
    let head = repo.commit("escalate to a role nobody holds");
    let everyone: Vec<Value> = ["chair", "b1", "b2", "b3"]
        .iter()
        .map(|login| approval(login, &head))
        .collect();
    let (code, report) = diff(&repo, &everyone, None);
    assert_eq!(code, 1);
    assert_eq!(report["approved"], false);
    let blocked = report["blocked"].as_array().expect("blocked reasons");
    assert!(
        blocked.iter().any(|reason| reason
            .as_str()
            .is_some_and(|r| r.contains("[unknown-role]"))),
        "{report:#}"
    );
    // The decision itself has every approval it needs.
    assert!(
        requires(decision(&report, "change-governance"))
            .iter()
            .all(|(_, satisfied)| *satisfied)
    );

    // Repaired, the same approvals pass.
    repo.write(
        &at("governance.yaml"),
        &format!("{GOVERNANCE}escalation: [chairman, board]\n"),
    );
    let repaired = repo.commit("escalate to the chairman");
    let everyone: Vec<Value> = ["chair", "b1", "b2", "b3"]
        .iter()
        .map(|login| approval(login, &repaired))
        .collect();
    let approvals = repo.path("reviews.json");
    std::fs::write(&approvals, Value::Array(everyone).to_string()).expect("write");
    let (code, report) = run_json(
        folio()
            .current_dir(repo.root())
            .args([
                "diff",
                ROOT,
                "--base",
                "HEAD~2",
                "--format",
                "json",
                "--approvals",
            ])
            .arg(&approvals),
    );
    assert_eq!(code, 0, "{report:#}");
}
