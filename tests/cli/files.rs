//! Where folio looks: the portfolio root found upward from a sub-folder (as git finds .git),
//! files named on the command line (their whole portfolio checked, their findings reported),
//! and standard input standing for a file.

use std::process::Output;

use predicates::prelude::*;

use crate::repo::Repo;
use crate::support::{GOVERNANCE, Portfolio, findings_of, folio, run_json};

/// A portfolio with an error in one venture, a reference to an unknown venture in a second,
/// and a third that is clean.
fn studio() -> Portfolio {
    let portfolio = Portfolio::minimal();
    portfolio.write(
        "ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: actve\n",
    );
    portfolio.write(
        "ventures/wind.yaml",
        "id: wind\nname: Wind\nstatus: active\n",
    );
    portfolio.write(
        "synergies/shared-grid.yaml",
        "id: shared-grid\ntitle: Shared grid\ncategory: technology\nventures: [wind, tidal]\n\
         value_potential: 3\nimplementation_effort: 3\nstrategic_importance: 3\n",
    );
    portfolio
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

#[test]
fn check_gates_and_report_find_the_root_from_a_sub_folder() {
    let portfolio = studio();
    let inside = portfolio.path("ventures");
    let from_root = run_json(
        folio()
            .args(["check", "--format", "json"])
            .arg(portfolio.root()),
    );
    let from_inside = run_json(
        folio()
            .current_dir(&inside)
            .args(["check", "--format", "json"]),
    );
    assert_eq!(from_inside, from_root);
    assert!(
        findings_of(&from_inside.1)
            .iter()
            .any(|(rule, file, _, _)| rule == "schema" && file == "ventures/solar.yaml")
    );

    let deeper = portfolio.path("ventures/energy/offshore");
    std::fs::create_dir_all(&deeper).expect("folders");
    let gates = run_json(
        folio()
            .current_dir(&deeper)
            .args(["gates", "--format", "json"]),
    );
    assert_eq!(
        gates,
        run_json(
            folio()
                .args(["gates", "--format", "json"])
                .arg(portfolio.root())
        )
    );

    let report = folio()
        .current_dir(&inside)
        .arg("report")
        .output()
        .expect("folio runs");
    assert_eq!(report.status.code(), Some(0));
    assert!(
        stdout(&report).contains("Test Studio"),
        "{}",
        stdout(&report)
    );
}

#[test]
fn an_explicit_root_is_used_as_given() {
    // A folder without portfolio.yaml inside a portfolio is checked as a portfolio of its own:
    // no search upward.
    let portfolio = studio();
    let (code, report) = run_json(
        folio()
            .args(["check", "--format", "json"])
            .arg(portfolio.path("ventures")),
    );
    assert_eq!(code, 1);
    let rules: Vec<String> = findings_of(&report)
        .into_iter()
        .map(|(rule, ..)| rule)
        .collect();
    assert!(
        rules.contains(&"missing-portfolio".to_string()),
        "{rules:?}"
    );
}

#[test]
fn no_portfolio_up_to_the_repository_top_is_exit_2() {
    // A repository inside a folder that holds a portfolio: the search stops at the
    // repository's top and never reaches the portfolio above it.
    let outer = Portfolio::minimal();
    git2::Repository::init(outer.path("repo")).expect("git init");
    let docs = outer.path("repo/docs");
    std::fs::create_dir_all(&docs).expect("folders");
    for command in ["check", "gates", "report", "diff", "log"] {
        let mut run = folio();
        run.current_dir(&docs).arg(command);
        if command == "diff" {
            run.args(["--base", "HEAD"]);
        }
        run.assert()
            .code(2)
            .stderr(predicate::str::contains("no portfolio.yaml in"))
            .stderr(predicate::str::contains("up to the git repository's top"))
            .stderr(predicate::str::contains(
                "pass the portfolio's folder as ROOT",
            ));
    }
    // Outside any repository, the search goes to the filesystem root.
    let folder = Portfolio::empty();
    folio()
        .current_dir(folder.root())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the filesystem root"));
}

#[test]
fn the_root_is_found_in_a_sub_folder_of_a_repository_for_diff_and_log() {
    let repo = Repo::new();
    repo.write("studio/portfolio.yaml", "name: Studio\nas_of: 2026-10-15\n");
    repo.write("studio/governance.yaml", GOVERNANCE);
    repo.commit("base");
    repo.write(
        "studio/ventures/wind.yaml",
        "id: wind\nname: Wind\nstatus: active\n",
    );
    repo.commit("add wind");
    let inside = repo.path("studio/ventures");
    std::fs::create_dir_all(&inside).expect("folders");
    let (code, report) = run_json(
        folio()
            .current_dir(&inside)
            .args(["diff", "--base", "HEAD~1", "--format", "json"]),
    );
    assert_eq!(code, 1, "adding a venture needs the chairman");
    assert_eq!(report["decisions"][0]["type"], "add-venture");
    assert_eq!(report["decisions"][0]["file"], "ventures/wind.yaml");
    let (_, log) = run_json(
        folio()
            .current_dir(&inside)
            .args(["log", "--format", "json"]),
    );
    assert!(
        log["commits"]
            .as_array()
            .is_some_and(|commits| commits.len() == 2),
        "{log}"
    );
}

#[test]
fn files_are_checked_in_their_portfolio_and_only_their_findings_reported() {
    let portfolio = studio();
    // The clean venture alone: exit 0, though its portfolio has errors elsewhere.
    let output = folio()
        .arg("check")
        .arg(portfolio.path("ventures/wind.yaml"))
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("folio: 1 document(s) in 1 file(s), no problems"),
        "{}",
        stdout(&output)
    );
    // The synergy: a cross-file rule (its venture "tidal" is not defined) needs the whole
    // portfolio, and reports in the given file.
    let (code, report) = run_json(folio().current_dir(portfolio.root()).args([
        "check",
        "--format",
        "json",
        "synergies/shared-grid.yaml",
    ]));
    assert_eq!(code, 1);
    assert_eq!(
        findings_of(&report),
        [(
            "unknown-venture".to_string(),
            "synergies/shared-grid.yaml".to_string(),
            4,
            18
        )]
    );
    // Two files, named from a sub-folder: the findings of both, no other.
    let (code, report) = run_json(folio().current_dir(portfolio.path("ventures")).args([
        "check",
        "--format",
        "json",
        "solar.yaml",
        "wind.yaml",
    ]));
    assert_eq!(code, 1);
    let files: Vec<String> = findings_of(&report)
        .into_iter()
        .map(|(_, file, ..)| file)
        .collect();
    assert_eq!(files, ["ventures/solar.yaml"]);
    assert_eq!(report["errors"], 1);
}

#[test]
fn files_outside_every_portfolio_are_skipped() {
    let repo = Repo::new();
    repo.write("studio/portfolio.yaml", "name: Studio\nas_of: 2026-10-15\n");
    repo.write("studio/governance.yaml", GOVERNANCE);
    repo.write(
        "studio/ventures/wind.yaml",
        "id: wind\nname: Wind\nstatus: active\n",
    );
    repo.write(".github/workflows/ci.yml", "on: push\n");
    repo.write("mkdocs.yml", "site_name: x\n");
    let run = |files: &[&str]| {
        folio()
            .current_dir(repo.root())
            .arg("check")
            .args(files)
            .output()
            .expect("folio runs")
    };
    let output = run(&[".github/workflows/ci.yml", "mkdocs.yml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("0 document(s) in 0 file(s)"));
    let output = run(&[".github/workflows/ci.yml", "studio/ventures/wind.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("1 document(s) in 1 file(s)"));
}

#[test]
fn file_arguments_that_cannot_be_checked_are_exit_2() {
    let portfolio = studio();
    let other = Portfolio::minimal();
    other.write(
        "ventures/hail.yaml",
        "id: hail\nname: Hail\nstatus: active\n",
    );
    let cases: Vec<(Vec<std::path::PathBuf>, &str)> = vec![
        (
            vec![
                portfolio.path("ventures/wind.yaml"),
                other.path("ventures/hail.yaml"),
            ],
            "the files belong to two portfolios",
        ),
        (
            vec![
                portfolio.path("ventures/wind.yaml"),
                portfolio.path("ventures"),
            ],
            "is a folder",
        ),
        (vec![portfolio.path("ventures/gone.yaml")], "could not read"),
    ];
    for (paths, message) in cases {
        folio()
            .arg("check")
            .args(&paths)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    folio()
        .current_dir(portfolio.root())
        .args(["check", "--rev", "HEAD", "ventures/wind.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--rev checks a whole portfolio"));
}

/// `folio check - --stdin-path PATH` in the portfolio's folder, with `input` on stdin.
fn check_stdin(portfolio: &Portfolio, path: &str, input: &str) -> (i32, serde_json::Value) {
    run_json(
        folio()
            .current_dir(portfolio.root())
            .args(["check", "--format", "json", "-", "--stdin-path", path])
            .write_stdin(input),
    )
}

#[test]
fn stdin_stands_for_the_file_its_path_names() {
    let portfolio = studio();
    // In place of the broken file on disk: the input is what is checked.
    let (code, report) = check_stdin(
        &portfolio,
        "ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: active\n",
    );
    assert_eq!(code, 0, "{report}");
    assert_eq!(findings_of(&report), []);
    // Its kind comes from its folder: a venture's schema.
    let (code, report) = check_stdin(&portfolio, "ventures/new.yaml", "id: new\nname: New\n");
    assert_eq!(code, 1);
    let findings = findings_of(&report);
    assert!(
        findings
            .iter()
            .all(|(_, file, ..)| file == "ventures/new.yaml"),
        "{findings:?}"
    );
    assert!(
        findings.iter().any(|(rule, ..)| rule == "schema"),
        "{findings:?}"
    );
    // A cross-file rule sees the rest of the portfolio: "wind" exists, "tidal" does not.
    let (code, report) = check_stdin(
        &portfolio,
        "synergies/draft.yaml",
        "id: draft\ntitle: Draft\ncategory: technology\nventures: [wind, tidal]\n\
         value_potential: 3\nimplementation_effort: 3\nstrategic_importance: 3\n",
    );
    assert_eq!(code, 1);
    let rules: Vec<String> = findings_of(&report)
        .into_iter()
        .map(|(rule, ..)| rule)
        .collect();
    assert!(rules.contains(&"unknown-venture".to_string()), "{rules:?}");
    // Human output names the path and shows the input's own text.
    let output = folio()
        .current_dir(portfolio.path("ventures"))
        .args(["check", "-", "--stdin-path", "fresh/sun.yaml"])
        .write_stdin("id: sun\nname: Sun\nstatus: shiny\n")
        .output()
        .expect("folio runs");
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("ventures/fresh/sun.yaml:3:9"), "{text}");
    assert!(text.contains("status: shiny"), "{text}");
}

#[test]
fn stdin_without_its_path_or_outside_a_portfolio_is_exit_2() {
    let portfolio = studio();
    let run = |args: &[&str]| {
        folio()
            .current_dir(portfolio.root())
            .arg("check")
            .args(args)
            .write_stdin("id: x\n")
            .assert()
            .code(2)
    };
    run(&["-"]).stderr(predicate::str::contains("needs --stdin-path"));
    run(&["--stdin-path", "ventures/x.yaml"]).stderr(predicate::str::contains("`-` is missing"));
    run(&["-", "ventures/wind.yaml", "--stdin-path", "ventures/x.yaml"]).stderr(
        predicate::str::contains("cannot be checked with other paths"),
    );
    run(&["-", "--stdin-path", "ventures/x.json"])
        .stderr(predicate::str::contains("is not a YAML file"));
    let elsewhere = Portfolio::empty();
    folio()
        .current_dir(elsewhere.root())
        .args(["check", "-", "--stdin-path", "ventures/x.yaml"])
        .write_stdin("id: x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no portfolio.yaml in"));
}
