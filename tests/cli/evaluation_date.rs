//! `folio check` judges time as `folio gates` does: the rules about dates (`milestone-overdue`)
//! use the same evaluation date: `--as-of`, else `as_of` in portfolio.yaml, else the commit's
//! day with `--rev`, else today.

use serde_json::Value;

use crate::repo::Repo;
use crate::support::{Portfolio, folio, run_json};

/// An initiative whose one milestone is due on 2026-11-14 and not done.
const INITIATIVE: &str = "\
initiative_id: AUTH
name: Shared auth
ventures: [solar]
value_proposition: One login for every venture
implementation:
  - milestone: Design
    deadline: 2026-11-14
success_metrics: [{metric: Auth hours, target: 16}]
";

const VENTURE: &str = "id: solar\nname: Solar\nstatus: active\n";

/// A portfolio with that initiative, whose portfolio.yaml says `portfolio_yaml`.
fn portfolio(portfolio_yaml: &str) -> Portfolio {
    let portfolio = Portfolio::minimal();
    portfolio.write("portfolio.yaml", portfolio_yaml);
    portfolio.write("ventures/solar.yaml", VENTURE);
    portfolio.write("initiatives/AUTH.yaml", INITIATIVE);
    portfolio
}

/// `folio check ROOT --format json ARGS…`: the exit code and the findings' rules.
fn check(root: &std::path::Path, args: &[&str]) -> (i32, Value) {
    run_json(
        folio()
            .arg("check")
            .arg(root)
            .args(["--format", "json"])
            .args(args),
    )
}

fn rules(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|finding| finding["rule"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_milestone_is_overdue_the_day_after_its_deadline_and_not_on_it() {
    let portfolio = portfolio("name: Test Studio\n");
    let (code, on) = check(portfolio.root(), &["--as-of", "2026-11-14"]);
    assert_eq!(code, 0);
    assert_eq!(rules(&on), Vec::<String>::new(), "{on:#}");

    let (code, after) = check(portfolio.root(), &["--as-of", "2026-11-15"]);
    assert_eq!(code, 0, "a warning does not fail the check");
    assert_eq!(rules(&after), ["milestone-overdue"], "{after:#}");
    let finding = &after["findings"][0];
    assert_eq!(finding["severity"], "warning");
    assert_eq!(finding["file"], "initiatives/AUTH.yaml");
    assert_eq!(finding["pointer"], "/implementation/0/deadline");
    // The deadline's node: line 7, after "    deadline: ".
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(7), Some(15))
    );
    let message = finding["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("\"Design\"")
            && message.contains("2026-11-14")
            && message.contains("1 day late"),
        "{message}"
    );

    // Done, it is not overdue.
    portfolio.write(
        "initiatives/AUTH.yaml",
        &INITIATIVE.replace(
            "deadline: 2026-11-14\n",
            "deadline: 2026-11-14\n    done: true\n",
        ),
    );
    let (_, done) = check(portfolio.root(), &["--as-of", "2026-12-01"]);
    assert_eq!(rules(&done), Vec::<String>::new(), "{done:#}");
}

#[test]
fn check_takes_its_date_from_as_of_in_portfolio_yaml_unless_given_one() {
    let on = portfolio("name: Test Studio\nas_of: 2026-11-14\n");
    assert_eq!(rules(&check(on.root(), &[]).1), Vec::<String>::new());
    assert_eq!(
        rules(&check(on.root(), &["--as-of", "2026-11-15"]).1),
        ["milestone-overdue"]
    );
    let after = portfolio("name: Test Studio\nas_of: 2026-11-15\n");
    assert_eq!(rules(&check(after.root(), &[]).1), ["milestone-overdue"]);
    // The gates read the same date.
    let (_, gates) = crate::support::gates_json(after.root(), &[]);
    assert_eq!(gates["as_of"], "2026-11-15");
}

#[test]
fn check_of_a_revision_without_as_of_judges_as_of_the_commits_day() {
    let repo = Repo::new();
    repo.write("portfolio.yaml", "name: Test Studio\n");
    repo.write("governance.yaml", crate::support::GOVERNANCE);
    repo.write("ventures/solar.yaml", VENTURE);
    repo.write("initiatives/AUTH.yaml", INITIATIVE);
    // 2026-11-14 and 2026-11-15 at noon, UTC.
    let day = |days: i64| days * 86_400 + 12 * 3_600;
    let on = repo.commit_at("on the deadline", day(20_771));
    repo.edit("ventures/solar.yaml", "name: Solar", "name: Solar Power");
    let after = repo.commit_at("the day after", day(20_772));
    let (_, report) = check(repo.root(), &["--rev", &on]);
    assert_eq!(rules(&report), Vec::<String>::new(), "{report:#}");
    let (_, report) = check(repo.root(), &["--rev", &after]);
    assert_eq!(rules(&report), ["milestone-overdue"], "{report:#}");
}

#[test]
fn an_invalid_as_of_stops_check_with_exit_2() {
    let portfolio = portfolio("name: Test Studio\n");
    let output = folio()
        .arg("check")
        .arg(portfolio.root())
        .args(["--as-of", "2026-02-30"])
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--as-of"));
}
