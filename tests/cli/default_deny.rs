//! Default deny, attack by attack: each way a pull request used to pass `folio diff` (or a
//! commit `folio log`) with nobody's approval, on a real git repository. Every attack has its
//! control: unapproved the change fails, and approved on the head commit by the chairman and
//! enough of the board it passes, so that no route is "closed" by failing everything.
//!
//! The governance is the SOP's, as `folio init` writes it, with real logins: the chairman
//! `chair` and a board of three (`b1`, `b2`, `b3`) with a quorum of 2.

use serde_json::{Value, json};

use crate::repo::Repo;
use crate::support::{approval, decision_pairs as decisions, folio, run_json};

/// The portfolio root: a sub-folder, so that `.github/` lies outside it.
const ROOT: &str = "studio";

/// The branch pull requests merge into.
const TARGET: &str = "main";

/// The chairman and the board members whose approvals every control gives.
const EVERYONE: [&str; 3] = ["chair", "b1", "b2"];

/// The governance `folio init` writes.
const TEMPLATE: &str = include_str!("../../templates/init/governance.yaml");

/// Replaces `from` by `to` in `text`, which must hold `from`.
fn replaced(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the text does not hold {from:?}");
    text.replacen(from, to, 1)
}

/// The board of these tests, as the SOP governance lists it.
const BOARD: &str = "      - {name: B1, github: b1}\n      - {name: B2, github: b2}\n      - {name: B3, github: b3}\n    quorum: 2\n";

/// The SOP governance with the members of these tests.
fn sop() -> String {
    let governance = replaced(
        TEMPLATE,
        "      - name: \"The Chairman\"\n        github: chairman-github-handle\n",
        "      - {name: Chair, github: chair}\n",
    );
    replaced(
        &governance,
        "      - name: \"Board Member\"\n        github: board-member-github-handle\n    quorum: 1\n",
        BOARD,
    )
}

/// The SOP governance with another board (its member lines and `quorum:`).
fn sop_with_board(board: &str) -> String {
    replaced(&sop(), BOARD, board)
}

/// The SOP's decision right for sunsets: the board decides.
const SUNSET_RIGHT: &str =
    "  - decision: sunset-venture\n    authority: chairman\n    approvals:\n      - role: board\n";

/// The SOP governance where anyone may sunset a venture.
fn sop_with_free_sunsets() -> String {
    replaced(
        &sop(),
        SUNSET_RIGHT,
        "  - decision: sunset-venture\n    authority: chairman\n    approvals: []\n",
    )
}

/// The SOP's protected paths.
const PROTECTED: &str = "protected_paths: [\".github/**\"]";

fn at(path: &str) -> String {
    format!("{ROOT}/{path}")
}

fn venture(id: &str, status: &str) -> String {
    format!("id: {id}\nname: Venture {id}\nstatus: {status}\n")
}

/// Writes the small portfolio every test starts from, without governance.yaml.
fn write_portfolio(repo: &Repo) {
    repo.write(
        &at("portfolio.yaml"),
        "name: Test Studio\nthresholds:\n  min_plans: 5\n",
    );
    for id in ["alpha", "beta", "omega"] {
        repo.write(&at(&format!("ventures/{id}.yaml")), &venture(id, "active"));
    }
    // 1 point of the team is worth 1,000 USD a month.
    repo.write(
        &at("resources/pool.yaml"),
        "id: pool\nname: Platform team\ntype: talent\nunit: percent\ncapacity: 100\nallocations:\n  alpha: 50\n  beta: 50\nholders: [Ann, Bob]\nunit_cost: 1000\n",
    );
    repo.write(
        &at("resources/fund.yaml"),
        "id: fund\nname: Fund\ntype: budget\nunit: usd\ncapacity: 200000\nallocations:\n  alpha: 100000\n  beta: 100000\n",
    );
    repo.write(
        &at("initiatives/INIT.yaml"),
        "initiative_id: INIT\nname: Shared auth\nventures: [alpha, beta]\nvalue_proposition: One login\nimplementation: [{milestone: Design, deadline: 2026-10-20}]\nsuccess_metrics: [{metric: Hours, target: 16}]\nowner: Ann\nbudget: 25000\nstatus: planned\n",
    );
    repo.write(
        &at("initiatives/NOBUD.yaml"),
        "initiative_id: NOBUD\nname: Shared design\nventures: [alpha, beta]\nvalue_proposition: One look\nimplementation: [{milestone: Kit, deadline: 2026-10-20}]\nsuccess_metrics: [{metric: Screens, target: 10}]\nowner: Bob\nstatus: planned\n",
    );
    repo.write(
        &at("initiatives/SMALL.yaml"),
        "initiative_id: SMALL\nname: Shared glossary\nventures: [alpha, beta]\nvalue_proposition: One vocabulary\nimplementation: [{milestone: Draft, deadline: 2026-10-20}]\nsuccess_metrics: [{metric: Terms, target: 50}]\nowner: Ann\nbudget: 1000\nstatus: planned\n",
    );
    repo.write(
        &at("conflicts/HOT.yaml"),
        "id: HOT\ntitle: Budget clash\ntype: budget\nventures: [alpha, beta]\nstatus: escalated\n",
    );
}

/// Commits the sunset of omega on the current branch; returns the commit.
fn sunset_omega(repo: &Repo) -> String {
    repo.edit(
        &at("ventures/omega.yaml"),
        "status: active",
        "status: sunset",
    );
    repo.commit("sunset omega")
}

/// A repository whose branch `main` holds the portfolio under this governance, and a branch
/// `pr` started from it and checked out: the next commits are the pull request's.
fn repo_governed_by(governance: &str) -> Repo {
    let repo = Repo::new();
    write_portfolio(&repo);
    repo.write(&at("governance.yaml"), governance);
    let base = repo.commit("base");
    repo.branch(TARGET, &base);
    repo.branch("pr", &base);
    repo
}

/// A repository governed by the SOP, on the pull request's branch.
fn sop_repo() -> Repo {
    repo_governed_by(&sop())
}

fn approvals(logins: &[&str], commit: &str) -> Vec<Value> {
    logins.iter().map(|login| approval(login, commit)).collect()
}

/// `folio diff studio --base main --head HEAD --format json` with these reviews and the author
/// `dev`: the exit code and the report.
fn diff(repo: &Repo, reviews: &[Value]) -> (i32, Value) {
    let mut file = tempfile::NamedTempFile::new().expect("a reviews file");
    std::io::Write::write_all(
        &mut file,
        Value::Array(reviews.to_vec()).to_string().as_bytes(),
    )
    .expect("write reviews");
    run_json(
        folio()
            .current_dir(repo.root())
            .args([
                "diff",
                ROOT,
                "--base",
                TARGET,
                "--head",
                "HEAD",
                "--author",
                "dev",
                "--format",
                "json",
                "--approvals",
            ])
            .arg(file.path()),
    )
}

/// The change of `head` fails without approvals and passes with those of `logins` on the head
/// commit. Returns the unapproved report.
fn gated_by(repo: &Repo, head: &str, logins: &[&str]) -> Value {
    let (code, report) = diff(repo, &[]);
    assert_eq!(code, 1, "unapproved, the change must fail: {report:#}");
    assert_eq!(report["approved"], false);
    assert_eq!(report["head"], head);
    let (code, approved) = diff(repo, &approvals(logins, head));
    assert_eq!(
        code, 0,
        "approved by {logins:?}, the change must pass: {approved:#}"
    );
    assert_eq!(approved["approved"], true);
    assert!(approved.get("blocked").is_none(), "{approved:#}");
    report
}

/// [`gated_by`] the chairman and two board members.
fn gated(repo: &Repo, head: &str) -> Value {
    gated_by(repo, head, &EVERYONE)
}

/// The same list from string literals, for comparison.
fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(kind, subject)| (kind.to_string(), subject.to_string()))
        .collect()
}

/// The decision of this type and subject.
fn decision<'a>(report: &'a Value, kind: &str, subject: &str) -> &'a Value {
    report["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .find(|d| d["type"] == kind && d["subject"] == subject)
        .unwrap_or_else(|| panic!("no {kind} decision about {subject} in {report:#}"))
}

/// The roles a decision requires, in order.
fn roles(decision: &Value) -> Vec<String> {
    decision["requires"]
        .as_array()
        .expect("requires")
        .iter()
        .map(|r| r["role"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Why a decision requires `role`.
fn because<'a>(decision: &'a Value, role: &str) -> &'a str {
    decision["requires"]
        .as_array()
        .expect("requires")
        .iter()
        .find(|r| r["role"] == role)
        .and_then(|r| r["because"].as_str())
        .unwrap_or_else(|| panic!("{role} is not required by {decision:#}"))
}

// 1. Picking the judge.

/// A branch from before governance.yaml existed: its merge base has no governance, which
/// would be a "first governance" that requires nothing. The target's governance judges it.
#[test]
fn a_branch_from_before_governance_is_judged_by_the_targets_governance() {
    let repo = Repo::new();
    write_portfolio(&repo);
    let ungoverned = repo.commit("portfolio without governance");
    repo.branch(TARGET, &ungoverned);
    repo.write(&at("governance.yaml"), &sop());
    let governed = repo.commit("adopt the SOP governance");
    repo.branch("pr", &ungoverned);
    // The branch brings the same governance.yaml (a head without one cannot be approved) and
    // sunsets a venture.
    repo.write(&at("governance.yaml"), &sop());
    let head = sunset_omega(&repo);

    let report = gated(&repo, &head);
    assert_eq!(report["base"], ungoverned.as_str());
    assert_eq!(report["target"], governed.as_str());
    assert!(report.get("note").is_none(), "not a bootstrap: {report:#}");
    assert_eq!(
        decisions(&report),
        pairs(&[
            ("change-governance", "governance"),
            ("sunset-venture", "omega")
        ])
    );
    assert_eq!(
        roles(decision(&report, "change-governance", "governance")),
        ["chairman", "board"]
    );
    let sunset = decision(&report, "sunset-venture", "omega");
    assert_eq!(roles(sunset), ["board"]);
    assert_eq!(sunset["requires"][0]["quorum"], 2);
}

/// A branch from an ancestor whose governance let anyone sunset a venture: the target's later,
/// tighter rule judges it.
#[test]
fn a_branch_from_a_looser_ancestor_is_judged_by_the_targets_tighter_rules() {
    let repo = repo_governed_by(&sop_with_free_sunsets());
    repo.switch(TARGET);
    repo.write(&at("governance.yaml"), &sop());
    let tightened = repo.commit("the board decides sunsets");
    repo.switch("pr");
    let head = sunset_omega(&repo);

    let report = gated(&repo, &head);
    assert_eq!(report["target"], tightened.as_str());
    assert_eq!(decisions(&report), pairs(&[("sunset-venture", "omega")]));
    let sunset = decision(&report, "sunset-venture", "omega");
    assert_eq!(roles(sunset), ["board"]);
    assert_eq!(because(sunset, "board"), "always");
    // One board member is not the quorum.
    let (code, _) = diff(&repo, &approvals(&["chair", "b1"], &head));
    assert_eq!(code, 1);
}

/// The target added a venture after the branch left it: the branch does not hold it, but it
/// does not remove it either.
#[test]
fn a_branch_behind_its_target_is_not_charged_with_the_targets_later_commits() {
    let repo = sop_repo();
    repo.switch(TARGET);
    repo.write(&at("ventures/delta.yaml"), &venture("delta", "active"));
    repo.commit("add delta");
    repo.switch("pr");
    assert!(!repo.path(&at("ventures/delta.yaml")).exists());
    let head = sunset_omega(&repo);

    let report = gated(&repo, &head);
    assert_eq!(decisions(&report), pairs(&[("sunset-venture", "omega")]));
    assert_eq!(
        roles(decision(&report, "sunset-venture", "omega")),
        ["board"]
    );
}

/// A target whose portfolio.yaml ignores its own governance.yaml: the governance was once
/// hidden from folio, and the target looked like a repository's first governance, which
/// requires nothing. The root files are always read; a glob cannot hide them, from `diff` or
/// from `check`.
#[test]
fn a_glob_cannot_hide_the_targets_governance() {
    let repo = Repo::new();
    write_portfolio(&repo);
    repo.write(
        &at("portfolio.yaml"),
        "name: Test Studio\nignore: [\"governance.yaml\", \"*.yml\"]\n",
    );
    repo.write(&at("governance.yaml"), &sop());
    let base = repo.commit("base, its governance ignored");
    repo.branch(TARGET, &base);
    repo.branch("pr", &base);
    let head = sunset_omega(&repo);

    let report = gated(&repo, &head);
    assert!(report.get("note").is_none(), "not a bootstrap: {report:#}");
    assert_eq!(decisions(&report), pairs(&[("sunset-venture", "omega")]));
    assert_eq!(
        roles(decision(&report, "sunset-venture", "omega")),
        ["board"]
    );

    // `folio check` reads it too: an error in it is reported.
    repo.write(&at("governance.yaml"), "roles: [broken\n");
    let (code, checked) = run_json(
        folio()
            .current_dir(repo.root())
            .args(["check", ROOT, "--format", "json"]),
    );
    assert_eq!(code, 1, "{checked:#}");
    assert!(
        checked["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|finding| finding["file"] == "governance.yaml"),
        "{checked:#}"
    );
}

// 2. Re-pricing the shift.

/// Ten points of the team move (120,000 USD a year at 1,000 a point a month) while the same
/// commit cuts the price of a point to 10: the shift is priced at the higher, base, price.
#[test]
fn repricing_a_shift_in_the_same_commit_still_needs_the_board() {
    let repo = sop_repo();
    repo.edit(
        &at("resources/pool.yaml"),
        "  alpha: 50\n  beta: 50",
        "  alpha: 60\n  beta: 40",
    );
    repo.edit(
        &at("resources/pool.yaml"),
        "unit_cost: 1000",
        "unit_cost: 10",
    );
    let head = repo.commit("shift and reprice");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[("reallocate-resources", "pool"), ("amend-record", "pool")])
    );
    let shift = decision(&report, "reallocate-resources", "pool");
    assert_eq!(
        shift["facts"],
        json!({"resource": "pool", "shift_pct": 10, "moved": 10, "amount": 120000})
    );
    assert_eq!(roles(shift), ["board"]);
    let amend = decision(&report, "amend-record", "pool");
    assert_eq!(amend["facts"]["fields"], json!(["/unit_cost"]));
    assert_eq!(roles(amend), ["chairman"]);
}

/// The fund is re-denominated from dollars into cheap "units" while money moves: the numbers
/// no longer compare, so all of it may have moved, priced in dollars.
#[test]
fn rewriting_the_unit_of_a_shift_still_needs_the_board() {
    let repo = sop_repo();
    repo.edit(
        &at("resources/fund.yaml"),
        "unit: usd\ncapacity: 200000\nallocations:\n  alpha: 100000\n  beta: 100000\n",
        "unit: units\ncapacity: 200000\nallocations:\n  alpha: 160000\n  beta: 40000\nunit_cost: 0.001\n",
    );
    let head = repo.commit("count the fund in units");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[("reallocate-resources", "fund"), ("amend-record", "fund")])
    );
    let shift = decision(&report, "reallocate-resources", "fund");
    assert_eq!(
        shift["facts"],
        json!({"resource": "fund", "shift_pct": 100, "moved": 200000, "amount": 200000})
    );
    assert_eq!(roles(shift), ["chairman", "board"]);
    let amend = decision(&report, "amend-record", "fund");
    assert_eq!(amend["facts"]["fields"], json!(["/unit", "/unit_cost"]));
    assert_eq!(roles(amend), ["chairman"]);
}

/// A price so large that the shift's yearly value overflows to infinity: `amount` is not
/// finite, so `amount > 50000` cannot be judged and the board is required.
#[test]
fn a_shift_too_costly_to_price_requires_the_board() {
    let repo = sop_repo();
    repo.edit(
        &at("resources/pool.yaml"),
        "  alpha: 50\n  beta: 50",
        "  alpha: 55\n  beta: 45",
    );
    repo.edit(
        &at("resources/pool.yaml"),
        "unit_cost: 1000",
        "unit_cost: 1.0e+308",
    );
    let head = repo.commit("shift at an absurd price");

    let report = gated(&repo, &head);
    let shift = decision(&report, "reallocate-resources", "pool");
    assert_eq!(shift["facts"]["shift_pct"], 5.0);
    assert_eq!(shift["facts"]["amount"], Value::Null);
    assert_eq!(roles(shift), ["board"]);
    assert!(
        because(shift, "board").contains("cannot be judged"),
        "{shift:#}"
    );
    assert_eq!(
        roles(decision(&report, "amend-record", "pool")),
        ["chairman"]
    );
}

// 3. Resources.

/// A new id for the same team is the removal of one resource and the addition of another: all
/// of it moves out and back in.
#[test]
fn renaming_a_resource_moves_all_of_it_out_and_in() {
    let repo = sop_repo();
    repo.rename(&at("resources/pool.yaml"), &at("resources/team.yaml"));
    repo.edit(&at("resources/team.yaml"), "id: pool", "id: team");
    let head = repo.commit("rename the pool");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[
            ("reallocate-resources", "pool"),
            ("reallocate-resources", "team")
        ])
    );
    for id in ["pool", "team"] {
        let shift = decision(&report, "reallocate-resources", id);
        // 100 points at 1,000 USD a month.
        assert_eq!(
            shift["facts"],
            json!({"resource": id, "shift_pct": 100, "moved": 100, "amount": 1200000})
        );
        assert_eq!(roles(shift), ["chairman", "board"]);
    }
}

#[test]
fn a_new_resource_with_allocations_is_a_reallocation() {
    let repo = sop_repo();
    repo.write(
        &at("resources/cloud.yaml"),
        "id: cloud\nname: Cloud credits\ntype: infrastructure\nunit: usd\ncapacity: 80000\nallocations:\n  alpha: 80000\n",
    );
    let head = repo.commit("hand alpha the cloud credits");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[("reallocate-resources", "cloud")])
    );
    let shift = decision(&report, "reallocate-resources", "cloud");
    assert_eq!(
        shift["facts"],
        json!({"resource": "cloud", "shift_pct": 100, "moved": 80000, "amount": 80000})
    );
    assert_eq!(roles(shift), ["chairman", "board"]);
}

#[test]
fn removing_a_resource_with_allocations_is_a_reallocation() {
    let repo = sop_repo();
    repo.remove(&at("resources/fund.yaml"));
    let head = repo.commit("drop the fund");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[("reallocate-resources", "fund")])
    );
    let shift = decision(&report, "reallocate-resources", "fund");
    assert_eq!(
        shift["facts"],
        json!({"resource": "fund", "shift_pct": 100, "moved": 200000, "amount": 200000})
    );
    assert_eq!(roles(shift), ["chairman", "board"]);
}

/// The fund grows by 100,000 and all of it goes to alpha: nothing is taken from anyone, but
/// 100,000 moved, not half of it, and that is half of the fund as it was.
#[test]
fn new_capacity_handed_to_one_venture_counts_in_full() {
    let repo = sop_repo();
    repo.edit(
        &at("resources/fund.yaml"),
        "capacity: 200000\nallocations:\n  alpha: 100000",
        "capacity: 300000\nallocations:\n  alpha: 200000",
    );
    let head = repo.commit("raise the fund for alpha");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[("reallocate-resources", "fund"), ("amend-record", "fund")])
    );
    let shift = decision(&report, "reallocate-resources", "fund");
    assert_eq!(shift["facts"]["moved"], 100000.0);
    assert_eq!(shift["facts"]["amount"], 100000.0);
    // 100,000 of the larger capacity, 300,000.
    let shift_pct = shift["facts"]["shift_pct"].as_f64().unwrap_or_default();
    assert!((shift_pct - 100.0 / 3.0).abs() < 1e-9, "{shift_pct}");
    assert_eq!(roles(shift), ["chairman", "board"]);
    let capacity = decision(&report, "amend-record", "fund");
    assert_eq!(capacity["facts"]["fields"], json!(["/capacity"]));
    assert_eq!(roles(capacity), ["chairman"]);
}

/// A quarter of the fund moves (50,000: not over the board's 50,000) while the same commit
/// writes a capacity a hundred times larger, which makes the quarter look like 0.25%: the new
/// capacity is itself an amendment, which needs the chairman.
#[test]
fn inflating_the_capacity_does_not_dilute_the_shift() {
    let repo = sop_repo();
    repo.edit(
        &at("resources/fund.yaml"),
        "capacity: 200000\nallocations:\n  alpha: 100000\n  beta: 100000",
        "capacity: 20000000\nallocations:\n  alpha: 150000\n  beta: 50000",
    );
    let head = repo.commit("shift a quarter of the fund, on paper a sliver");

    let report = gated_by(&repo, &head, &["chair"]);
    assert_eq!(
        decisions(&report),
        pairs(&[("reallocate-resources", "fund"), ("amend-record", "fund")])
    );
    let shift = decision(&report, "reallocate-resources", "fund");
    assert_eq!(
        shift["facts"],
        json!({"resource": "fund", "shift_pct": 0.25, "moved": 50000, "amount": 50000})
    );
    let capacity = decision(&report, "amend-record", "fund");
    assert_eq!(capacity["facts"]["fields"], json!(["/capacity"]));
    assert_eq!(roles(capacity), ["chairman"]);
}

/// A capacity raised on its own moves nothing, but is an amendment of the resource.
#[test]
fn a_capacity_raised_alone_needs_the_chairman() {
    let repo = sop_repo();
    repo.edit(
        &at("resources/fund.yaml"),
        "capacity: 200000",
        "capacity: 400000",
    );
    let head = repo.commit("a bigger fund on paper");

    let report = gated_by(&repo, &head, &["chair"]);
    assert_eq!(
        decisions(&report),
        pairs(&[("reallocate-resources", "fund"), ("amend-record", "fund")])
    );
    assert_eq!(
        decision(&report, "reallocate-resources", "fund")["facts"],
        json!({"resource": "fund", "shift_pct": 0, "moved": 0, "amount": 0})
    );
    assert_eq!(
        roles(decision(&report, "amend-record", "fund")),
        ["chairman"]
    );
}

// 4. Conflicts leaving escalation sideways.

#[test]
fn taking_an_escalated_conflict_back_to_open_needs_the_chairman() {
    let repo = sop_repo();
    repo.edit(
        &at("conflicts/HOT.yaml"),
        "status: escalated",
        "status: open",
    );
    let head = repo.commit("de-escalate HOT");

    let report = gated(&repo, &head);
    assert_eq!(decisions(&report), pairs(&[("resolve-conflict", "HOT")]));
    let resolve = decision(&report, "resolve-conflict", "HOT");
    assert_eq!(
        resolve["facts"],
        json!({"conflict": "HOT", "escalated": true})
    );
    assert_eq!(roles(resolve), ["chairman"]);
}

#[test]
fn deleting_an_escalated_conflict_needs_the_chairman() {
    let repo = sop_repo();
    repo.remove(&at("conflicts/HOT.yaml"));
    let head = repo.commit("forget HOT");

    let report = gated(&repo, &head);
    assert_eq!(decisions(&report), pairs(&[("resolve-conflict", "HOT")]));
    let resolve = decision(&report, "resolve-conflict", "HOT");
    assert_eq!(
        resolve["facts"],
        json!({"conflict": "HOT", "escalated": true})
    );
    assert_eq!(roles(resolve), ["chairman"]);
}

/// A new id and `resolved`: the new conflict was never escalated, but the old one leaves
/// escalation, and that needs the chairman.
#[test]
fn renaming_an_escalated_conflict_and_resolving_it_needs_the_chairman() {
    let repo = sop_repo();
    repo.remove(&at("conflicts/HOT.yaml"));
    repo.write(
        &at("conflicts/HOT-2.yaml"),
        "id: HOT-2\ntitle: Budget clash\ntype: budget\nventures: [alpha, beta]\nstatus: resolved\nstrategy: priority-ranking\nresolution: Alpha first.\nresolved_on: 2026-11-02\n",
    );
    let head = repo.commit("HOT is now HOT-2, resolved");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[("resolve-conflict", "HOT-2"), ("resolve-conflict", "HOT")])
    );
    let old = decision(&report, "resolve-conflict", "HOT");
    assert_eq!(old["facts"], json!({"conflict": "HOT", "escalated": true}));
    assert_eq!(roles(old), ["chairman"]);
    let new = decision(&report, "resolve-conflict", "HOT-2");
    assert_eq!(new["facts"]["escalated"], false);
    assert_eq!(roles(new), Vec::<String>::new());
}

// 5. Launches.

#[test]
fn skipping_from_planned_to_completed_is_a_launch() {
    let repo = sop_repo();
    repo.edit(
        &at("initiatives/INIT.yaml"),
        "status: planned",
        "status: completed",
    );
    let head = repo.commit("INIT is done");

    let report = gated(&repo, &head);
    assert_eq!(decisions(&report), pairs(&[("launch-initiative", "INIT")]));
    let launch = decision(&report, "launch-initiative", "INIT");
    assert_eq!(
        launch["facts"],
        json!({"initiative": "INIT", "budget": 25000, "ventures": ["alpha", "beta"]})
    );
    assert_eq!(roles(launch), ["chairman"]);
}

/// A new file that starts life completed, with five million: a launch, and nothing else (it is
/// not waved through as a free new record).
#[test]
fn an_initiative_added_as_completed_is_a_launch_and_only_a_launch() {
    let repo = sop_repo();
    repo.write(
        &at("initiatives/BIG.yaml"),
        "initiative_id: BIG\nname: Big bet\nventures: [alpha]\nvalue_proposition: Everything\nimplementation: [{milestone: All, deadline: 2026-10-20}]\nsuccess_metrics: [{metric: Revenue, target: 1}]\nowner: Ann\nbudget: 5000000\nstatus: completed\n",
    );
    let head = repo.commit("record BIG as done");

    let report = gated(&repo, &head);
    assert_eq!(decisions(&report), pairs(&[("launch-initiative", "BIG")]));
    let launch = decision(&report, "launch-initiative", "BIG");
    assert_eq!(launch["facts"]["budget"], 5000000.0);
    assert_eq!(roles(launch), ["chairman"]);
}

/// No `budget:` is not a budget of 0: `budget > 10000` cannot be judged.
#[test]
fn a_launch_without_a_budget_needs_the_chairman() {
    let repo = sop_repo();
    repo.edit(
        &at("initiatives/NOBUD.yaml"),
        "status: planned",
        "status: launched",
    );
    let head = repo.commit("launch NOBUD");

    let report = gated(&repo, &head);
    assert_eq!(decisions(&report), pairs(&[("launch-initiative", "NOBUD")]));
    let launch = decision(&report, "launch-initiative", "NOBUD");
    assert_eq!(launch["facts"]["budget"], Value::Null);
    assert_eq!(roles(launch), ["chairman"]);
    assert!(
        because(launch, "chairman").contains("cannot be judged"),
        "{launch:#}"
    );
}

// 6. Governance as people write it, in the target.

/// The target lists one person twice on a board of quorum 2. The head repairs the list (a head
/// whose governance has an error cannot be approved), but the target's list judges: that
/// person's two spellings are one approval.
#[test]
fn a_login_listed_twice_is_one_board_member() {
    let board = |members: &str| format!("{members}    quorum: 2\n");
    let duplicated = board(
        "      - {name: Ann, github: ann-board}\n      - {name: Ann B., github: ANN-Board}\n      - {name: Bob, github: bob-board}\n",
    );
    let repo = repo_governed_by(&sop_with_board(&duplicated));
    repo.write(
        &at("governance.yaml"),
        &sop_with_board(&board(
            "      - {name: Ann, github: ann-board}\n      - {name: Bob, github: bob-board}\n",
        )),
    );
    repo.edit(
        &at("ventures/omega.yaml"),
        "status: active",
        "status: sunset",
    );
    let head = repo.commit("list Ann once and sunset omega");

    let (code, report) = diff(
        &repo,
        &approvals(&["chair", "ann-board", "ANN-Board"], &head),
    );
    assert_eq!(code, 1, "{report:#}");
    let board_requirement = &decision(&report, "sunset-venture", "omega")["requires"][0];
    assert_eq!(board_requirement["role"], "board");
    assert_eq!(board_requirement["quorum"], 2);
    assert_eq!(board_requirement["approved_by"], json!(["ann-board"]));
    assert_eq!(board_requirement["satisfied"], false);

    let report = gated_by(&repo, &head, &["chair", "ann-board", "bob-board"]);
    assert_eq!(
        decisions(&report),
        pairs(&[
            ("change-governance", "governance"),
            ("sunset-venture", "omega")
        ])
    );
}

#[test]
fn a_quorum_written_as_two_point_zero_still_needs_two() {
    let repo = repo_governed_by(&replaced(&sop(), "    quorum: 2\n", "    quorum: 2.0\n"));
    let head = sunset_omega(&repo);

    let (code, report) = diff(&repo, &approvals(&["chair", "b1"], &head));
    assert_eq!(code, 1, "{report:#}");
    let board = &decision(&report, "sunset-venture", "omega")["requires"][0];
    assert_eq!(board["quorum"], 2);
    assert_eq!(board["approved_by"], json!(["b1"]));
    gated(&repo, &head);
}

/// `budgett` (a fact launch-initiative does not have) and `budget > "10000"` (a number against
/// a text) are never true; they require the approval even for budgets the intended rule would
/// let through. The head repairs them, but the target's conditions judge.
#[test]
fn conditions_that_cannot_be_judged_require_their_approval() {
    let sop = sop();
    let broken = replaced(
        &replaced(
            &sop,
            "  - decision: launch-initiative\n    authority: initiative-owner\n    approvals:\n      - role: chairman\n        when: \"budget > 10000\"\n",
            "  - decision: launch-initiative\n    authority: initiative-owner\n    approvals:\n      - role: chairman\n        when: \"budgett > 10000\"\n",
        ),
        "  - decision: change-initiative-budget\n    authority: initiative-owner\n    approvals:\n      - role: chairman\n        when: \"budget > 10000\"\n",
        "  - decision: change-initiative-budget\n    authority: initiative-owner\n    approvals:\n      - role: chairman\n        when: 'budget > \"10000\"'\n",
    );
    let repo = repo_governed_by(&broken);
    repo.write(&at("governance.yaml"), &sop);
    // A launch and a budget rise, both well under 10,000.
    repo.write(
        &at("initiatives/TINY.yaml"),
        "initiative_id: TINY\nname: Tiny step\nventures: [alpha]\nvalue_proposition: A little\nimplementation: [{milestone: Do, deadline: 2026-10-20}]\nsuccess_metrics: [{metric: Steps, target: 1}]\nowner: Ann\nbudget: 5000\nstatus: launched\n",
    );
    repo.edit(
        &at("initiatives/SMALL.yaml"),
        "budget: 1000",
        "budget: 2000",
    );
    let head = repo.commit("repair the conditions, launch TINY and grow SMALL");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[
            ("change-governance", "governance"),
            ("change-initiative-budget", "SMALL"),
            ("launch-initiative", "TINY")
        ])
    );
    let launch = decision(&report, "launch-initiative", "TINY");
    assert_eq!(launch["facts"]["budget"], 5000.0);
    assert_eq!(roles(launch), ["chairman"]);
    assert!(
        because(launch, "chairman").contains("cannot be judged"),
        "{launch:#}"
    );
    let rise = decision(&report, "change-initiative-budget", "SMALL");
    assert_eq!(rise["facts"]["budget"], 2000.0);
    assert_eq!(roles(rise), ["chairman"]);
    assert!(
        because(rise, "chairman").contains("cannot be judged"),
        "{rise:#}"
    );
}

#[test]
fn a_decision_type_without_a_right_needs_the_chairman() {
    let repo = repo_governed_by(&replaced(&sop(), SUNSET_RIGHT, ""));
    let head = sunset_omega(&repo);

    let report = gated_by(&repo, &head, &["chair"]);
    let sunset = decision(&report, "sunset-venture", "omega");
    assert_eq!(roles(sunset), ["chairman"]);
    assert!(
        because(sunset, "chairman").contains("no decision right"),
        "{sunset:#}"
    );
}

// 7. A second governance.

/// The pull request: governance protects the scripts too, and a venture is sunset.
fn protect_scripts_and_sunset(repo: &Repo) {
    repo.edit(
        &at("governance.yaml"),
        PROTECTED,
        "protected_paths: [\".github/**\", \"scripts/**\"]",
    );
    repo.edit(
        &at("ventures/omega.yaml"),
        "status: active",
        "status: sunset",
    );
}

/// Which governance rules is unclear with two: whatever the reviews, the head cannot be
/// approved, and `blocked` names the second one (in `file`).
fn assert_blocked(repo: &Repo, head: &str, file: &str) {
    let (code, report) = diff(repo, &approvals(&["chair", "b1", "b2", "b3"], head));
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["approved"], false);
    let blocked = report["blocked"].as_array().expect("a blocked list");
    assert!(
        blocked.iter().any(|reason| reason
            .as_str()
            .is_some_and(|reason| reason.starts_with(&format!("{file}:"))
                && reason.contains("a second Governance document"))),
        "{blocked:#?}"
    );
    let governance = decision(&report, "change-governance", "governance");
    assert_eq!(roles(governance), ["chairman", "board"]);
    assert!(
        governance["requires"]
            .as_array()
            .expect("requires")
            .iter()
            .all(|r| r["satisfied"] == true),
        "every approval is there: {governance:#}"
    );
}

#[test]
fn a_second_governance_file_on_the_head_blocks_the_change() {
    let repo = sop_repo();
    protect_scripts_and_sunset(&repo);
    repo.write(&at("governance.yml"), &sop_with_free_sunsets());
    let head = repo.commit("protect scripts, sunset omega, and a second governance");
    assert_blocked(&repo, &head, "governance.yml");
    let (_, report) = diff(&repo, &[]);
    assert!(
        decision(&report, "change-governance", "governance")["summary"]
            .as_str()
            .is_some_and(|summary| summary.contains("governance.yml")),
        "{report:#}"
    );

    // The control: the same pull request with one governance file.
    let repo = sop_repo();
    protect_scripts_and_sunset(&repo);
    let head = repo.commit("protect scripts and sunset omega");
    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[
            ("change-governance", "governance"),
            ("sunset-venture", "omega")
        ])
    );
}

#[test]
fn a_second_document_in_governance_yaml_blocks_the_change() {
    let repo = sop_repo();
    protect_scripts_and_sunset(&repo);
    let text = repo.read(&at("governance.yaml"));
    repo.write(
        &at("governance.yaml"),
        &format!("{text}---\n{}", sop_with_free_sunsets()),
    );
    let head = repo.commit("protect scripts, sunset omega, and a second document");
    assert_blocked(&repo, &head, "governance.yaml");

    let repo = sop_repo();
    protect_scripts_and_sunset(&repo);
    let head = repo.commit("protect scripts and sunset omega");
    gated(&repo, &head);
}

// 8. Protected paths.

/// The workflow that runs `folio diff` lies outside the portfolio root; changing it changes who
/// judges pull requests.
#[test]
fn a_workflow_outside_the_portfolio_is_a_governance_change() {
    let repo = Repo::new();
    write_portfolio(&repo);
    repo.write(&at("governance.yaml"), &sop());
    repo.write(
        ".github/workflows/x.yml",
        "on: pull_request\njobs:\n  folio:\n    runs-on: ubuntu-latest\n    steps: [{run: folio diff studio}]\n",
    );
    let base = repo.commit("base");
    repo.branch(TARGET, &base);
    repo.branch("pr", &base);
    repo.edit(
        ".github/workflows/x.yml",
        "run: folio diff studio",
        "run: \"true\"",
    );
    let head = repo.commit("skip the check");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[("change-governance", ".github/workflows/x.yml")])
    );
    assert_eq!(
        roles(decision(
            &report,
            "change-governance",
            ".github/workflows/x.yml"
        )),
        ["chairman", "board"]
    );
}

/// A twin the change leaves alone: an unchanged file holds a second venture `alpha` (its id
/// spelt through an escape, so no search for the text `alpha` finds it), sunset. Bringing the
/// paused `alpha` back to active is free alone, but alongside its twin folio cannot tell
/// which record the change decides, so every pairing counts, and one of them is a sunset: the
/// board must approve.
#[test]
fn a_twin_in_a_file_the_change_leaves_alone_is_judged_too() {
    let repo = Repo::new();
    write_portfolio(&repo);
    repo.edit(
        &at("ventures/alpha.yaml"),
        "status: active",
        "status: paused",
    );
    repo.write(
        &at("ventures/legacy/twin.yaml"),
        "id: \"\\x61lpha\"\nname: Alpha (legacy)\nstatus: sunset\n",
    );
    repo.write(&at("governance.yaml"), &sop());
    let base = repo.commit("base, with a twin of alpha");
    repo.branch(TARGET, &base);
    repo.branch("pr", &base);
    repo.edit(
        &at("ventures/alpha.yaml"),
        "status: paused",
        "status: active",
    );
    let head = repo.commit("alpha is active again");

    let report = gated(&repo, &head);
    let sunset = decision(&report, "sunset-venture", "alpha");
    assert_eq!(sunset["file"], "ventures/legacy/twin.yaml", "{report:#}");
    assert_eq!(roles(sunset), ["board"]);
}

// 9. Unreadable head files.

/// A venture file that no longer parses: folio cannot tell what its change decides.
#[test]
fn an_unreadable_venture_needs_the_chairman() {
    let repo = sop_repo();
    repo.write(
        &at("ventures/alpha.yaml"),
        "id: alpha\nname: [Venture alpha\nstatus: active\n",
    );
    let head = repo.commit("break alpha");

    let report = gated(&repo, &head);
    // The venture folio cannot read has left the portfolio, as far as it can tell.
    assert_eq!(
        decisions(&report),
        pairs(&[
            ("sunset-venture", "alpha"),
            ("amend-record", "ventures/alpha.yaml")
        ])
    );
    let amend = decision(&report, "amend-record", "ventures/alpha.yaml");
    assert!(amend["unreadable"].is_string(), "{amend:#}");
    assert_eq!(amend["facts"]["change"], "changed");
    assert_eq!(roles(amend), ["chairman"]);
}

/// New synergies are free under the SOP's amend-record right, but not one folio cannot read:
/// its schema error hides what it decides.
#[test]
fn an_unreadable_new_synergy_needs_the_chairman_though_new_synergies_are_free() {
    let repo = sop_repo();
    repo.write(
        &at("synergies/SYN-9.yaml"),
        &synergy("SYN-9").replace("category: technology", "category: magic"),
    );
    let head = repo.commit("add a synergy that breaks its schema");

    let report = gated(&repo, &head);
    assert_eq!(
        decisions(&report),
        pairs(&[("amend-record", "synergies/SYN-9.yaml")])
    );
    let amend = decision(&report, "amend-record", "synergies/SYN-9.yaml");
    assert!(amend["unreadable"].is_string(), "{amend:#}");
    assert_eq!(amend["facts"]["kind"], "synergy");
    assert_eq!(amend["facts"]["change"], "added");
    assert_eq!(roles(amend), ["chairman"]);
}

// 10. Honest edits.

fn synergy(id: &str) -> String {
    format!(
        "id: {id}\ntitle: Shared login\ncategory: technology\nventures: [alpha, beta]\nvalue_potential: 4\nimplementation_effort: 2\nstrategic_importance: 3\n"
    )
}

#[test]
fn narrative_edits_need_nobody() {
    let repo = sop_repo();
    repo.edit(
        &at("ventures/alpha.yaml"),
        "name: Venture alpha",
        "name: Alpha Labs",
    );
    repo.edit(
        &at("initiatives/INIT.yaml"),
        "value_proposition: One login",
        "value_proposition: One login for every venture",
    );
    repo.edit(
        &at("initiatives/INIT.yaml"),
        "milestone: Design",
        "milestone: Design review",
    );
    repo.commit("reword");

    let (code, report) = diff(&repo, &[]);
    assert_eq!(decisions(&report), []);
    assert_eq!(report["approved"], true);
    assert_eq!(code, 0);
}

#[test]
fn a_new_synergy_is_free_under_the_sop() {
    let repo = sop_repo();
    repo.write(&at("synergies/SYN-1.yaml"), &synergy("SYN-1"));
    repo.commit("add a synergy");

    let (code, report) = diff(&repo, &[]);
    assert_eq!(decisions(&report), pairs(&[("amend-record", "SYN-1")]));
    let amend = decision(&report, "amend-record", "SYN-1");
    assert_eq!(
        amend["facts"],
        json!({"kind": "synergy", "id": "SYN-1", "change": "added", "fields": []})
    );
    assert_eq!(roles(amend), Vec::<String>::new());
    assert_eq!(code, 0);
}

// 11. `folio log` decides as `diff` does.

/// `folio log studio --format json` over the whole history.
fn log(repo: &Repo) -> (i32, Value) {
    run_json(
        folio()
            .current_dir(repo.root())
            .args(["log", ROOT, "--format", "json"]),
    )
}

fn entry<'a>(report: &'a Value, commit: &str) -> &'a Value {
    report["commits"]
        .as_array()
        .expect("commits")
        .iter()
        .find(|entry| entry["commit"] == commit)
        .unwrap_or_else(|| panic!("no entry for {commit} in {report:#}"))
}

/// History where every commit is signed off by the chairman and two board members: a commit
/// changes governance (`broken`: into a schema error), and the next restores it and sunsets a
/// venture. Returns the repository and the second commit.
fn signed_off_history(broken: bool) -> (Repo, String) {
    const SIGNED: &str = "\n\nApproved-by: @chair\nApproved-by: @b1\nApproved-by: @b2\n";
    let repo = Repo::new();
    write_portfolio(&repo);
    repo.write(&at("governance.yaml"), &sop());
    repo.commit(&format!("base{SIGNED}"));
    let changed = if broken {
        replaced(&sop(), "decision_rights:", "decision_rigths:")
    } else {
        replaced(
            &sop(),
            PROTECTED,
            "protected_paths: [\".github/**\", \"scripts/**\"]",
        )
    };
    repo.write(&at("governance.yaml"), &changed);
    repo.commit(&format!("change governance{SIGNED}"));
    repo.write(&at("governance.yaml"), &sop());
    repo.edit(
        &at("ventures/omega.yaml"),
        "status: active",
        "status: sunset",
    );
    let restored = repo.commit(&format!("restore governance and sunset omega{SIGNED}"));
    (repo, restored)
}

/// A commit judged by its parent's broken governance cannot be approved by anyone, though its
/// own governance is sound and everyone signed it off.
#[test]
fn log_fails_closed_on_a_commit_whose_parents_governance_is_broken() {
    let (repo, restored) = signed_off_history(true);
    let (code, report) = log(&repo);
    assert_eq!(code, 1);
    let restoring = entry(&report, &restored);
    assert_eq!(restoring["approved"], false, "{restoring:#}");
    assert!(restoring.get("blocked").is_none(), "{restoring:#}");
    assert!(
        restoring["note"]
            .as_str()
            .is_some_and(|note| note.contains("cannot be read")),
        "{restoring:#}"
    );
    assert_eq!(
        decisions(restoring),
        pairs(&[
            ("change-governance", "governance"),
            ("sunset-venture", "omega")
        ])
    );
    assert_eq!(restoring["decisions"][1]["requires"][0]["satisfied"], false);

    // The control: the same history with a sound governance change is approved throughout.
    let (repo, restored) = signed_off_history(false);
    let (code, report) = log(&repo);
    assert_eq!(code, 0, "{report:#}");
    let restoring = entry(&report, &restored);
    assert_eq!(restoring["approved"], true, "{restoring:#}");
    assert_eq!(
        roles(&restoring["decisions"][1]),
        ["board"],
        "{restoring:#}"
    );
}
