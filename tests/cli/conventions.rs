//! The command-line conventions: shell completions, the man page, `--color`, `--quiet`, and one
//! spelling of each format name.

use std::io::Write;
use std::process::{Command, Stdio};

use predicates::prelude::*;

use crate::repo::Repo;
use crate::support::{GOVERNANCE, Portfolio, folio};

/// Every visible subcommand's name.
fn subcommands() -> Vec<String> {
    use clap::CommandFactory;
    folio::cli::Cli::command()
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .map(|sub| sub.get_name().to_string())
        .collect()
}

#[test]
fn completions_name_every_subcommand_in_each_shell() {
    let names = subcommands();
    assert!(names.len() >= 10, "{names:?}");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = folio()
            .args(["completions", shell])
            .output()
            .expect("folio runs");
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(!script.trim().is_empty(), "{shell}: an empty script");
        for name in &names {
            assert!(script.contains(name.as_str()), "{shell}: no {name}");
        }
        // Options of a subcommand and the global ones complete too.
        assert!(script.contains("stdin-path"), "{shell}");
        assert!(script.contains("color"), "{shell}");
    }
    folio().args(["completions", "tcsh"]).assert().code(2);
}

/// The man page's lines of roff, past the definition of the apostrophe string that the roff
/// crate writes first (`.ie`/`.el`).
fn man_page() -> String {
    let output = folio().arg("man").output().expect("folio runs");
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).expect("roff is UTF-8")
}

#[test]
fn the_man_page_is_roff_with_a_section_per_subcommand() {
    let page = man_page();
    let first = page
        .lines()
        .find(|line| !line.starts_with(".ie ") && !line.starts_with(".el "))
        .expect("a line");
    assert!(first.starts_with(".TH folio 1"), "{first}");
    for heading in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS"] {
        assert!(page.lines().any(|line| line == heading), "{heading}");
    }
    for name in subcommands() {
        let heading = format!(".SH \"FOLIO {}\"", name.to_uppercase());
        assert!(page.lines().any(|line| line == heading), "{heading}");
    }
    // Every line is text or a request roff knows; a request is a dot and a name.
    let requests =
        regex::Regex::new(r"^\.(TH|SH|SS|TP|IP|PP|RS|RE|br|ie|el|B|I)( |$)").expect("a pattern");
    for line in page.lines().filter(|line| line.starts_with('.')) {
        assert!(requests.is_match(line), "an unexpected request: {line}");
    }
}

/// `man -l -` formats the page when man is installed (it is skipped otherwise): no warning
/// about the roff, and every subcommand in the text.
#[test]
fn man_reads_the_man_page() {
    let Ok(mut man) = Command::new("man")
        .args(["--warnings", "-l", "-"])
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        eprintln!("man is not installed: the page is checked for its structure only");
        return;
    };
    man.stdin
        .take()
        .expect("man's input")
        .write_all(man_page().as_bytes())
        .expect("man reads the page");
    let output = man.wait_with_output().expect("man runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let warnings = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{warnings}");
    assert!(warnings.trim().is_empty(), "{warnings}");
    assert!(text.contains("SYNOPSIS"), "{text}");
    for name in subcommands() {
        assert!(
            text.contains(&format!("FOLIO {}", name.to_uppercase())),
            "{name}: {text}"
        );
    }
}

#[test]
fn man_writes_a_page_per_subcommand_into_a_folder() {
    let dir = tempfile::tempdir().expect("a folder");
    let pages = dir.path().join("man1");
    folio()
        .arg("man")
        .arg(&pages)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("wrote"));
    let page = std::fs::read_to_string(pages.join("folio.1")).expect("folio.1");
    assert!(page.contains(".TH folio 1"));
    for name in subcommands() {
        let page = std::fs::read_to_string(pages.join(format!("folio-{name}.1")))
            .unwrap_or_else(|_| panic!("folio-{name}.1"));
        assert!(page.contains(&format!(".TH folio-{name} 1")), "{name}");
    }
    // Quiet: the pages, and nothing said.
    folio()
        .args(["man", "-q"])
        .arg(&pages)
        .assert()
        .code(0)
        .stdout("");
}

/// A portfolio with one error.
fn flawed() -> Portfolio {
    let portfolio = Portfolio::minimal();
    portfolio.write(
        "ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: actve\n",
    );
    portfolio
}

const ESCAPE: &str = "\u{1b}[";

#[test]
fn color_is_for_terminals_unless_asked() {
    let portfolio = flawed();
    let check = |args: &[&str], no_color: bool| {
        let mut command = folio();
        if !no_color {
            command.env_remove("NO_COLOR");
        }
        let output = command
            .arg("check")
            .arg(portfolio.root())
            .args(args)
            .output()
            .expect("folio runs");
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8_lossy(&output.stdout).to_string()
    };
    // `auto` (the default): a pipe is not a terminal.
    assert!(!check(&[], false).contains(ESCAPE));
    assert!(!check(&["--color", "auto"], false).contains(ESCAPE));
    // `always` colours a pipe, NO_COLOR or not; `never` never does.
    assert!(check(&["--color", "always"], false).contains(ESCAPE));
    assert!(check(&["--color", "always"], true).contains(ESCAPE));
    assert!(!check(&["--color", "never"], false).contains(ESCAPE));
    // The flag is global: it may come before the subcommand.
    let output = folio()
        .args(["--color", "always", "check"])
        .arg(portfolio.root())
        .output()
        .expect("folio runs");
    assert!(String::from_utf8_lossy(&output.stdout).contains(ESCAPE));
    folio()
        .args(["check", "--color", "sometimes"])
        .assert()
        .code(2);
}

#[test]
fn quiet_check_prints_the_findings_alone() {
    // Clean: nothing at all.
    let clean = Portfolio::minimal();
    folio()
        .args(["check", "-q"])
        .arg(clean.root())
        .assert()
        .code(0)
        .stdout("");
    folio()
        .args(["--quiet", "check"])
        .arg(clean.root())
        .assert()
        .code(0)
        .stdout("");
    // Findings: every finding (a warning too), no summary line.
    let portfolio = flawed();
    portfolio.write("stray.yaml", "x: 1\n");
    let output = folio()
        .args(["check", "-q"])
        .arg(portfolio.root())
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("ventures/solar.yaml:3:9"), "{text}");
    assert!(text.contains("stray.yaml:1:1"), "{text}");
    assert!(!text.contains("folio: "), "{text}");
    // The github format keeps its annotations and drops its summary line.
    let output = folio()
        .args(["check", "-q", "--format", "github"])
        .arg(portfolio.root())
        .output()
        .expect("folio runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("::error file="), "{text}");
    assert!(!text.contains("folio: "), "{text}");
    // Formats that are data are unchanged.
    let quiet = folio()
        .args(["check", "-q", "--format", "json"])
        .arg(portfolio.root())
        .output()
        .expect("folio runs");
    let loud = folio()
        .args(["check", "--format", "json"])
        .arg(portfolio.root())
        .output()
        .expect("folio runs");
    assert_eq!(quiet.stdout, loud.stdout);
}

#[test]
fn quiet_gates_print_only_what_does_not_pass() {
    let portfolio = Portfolio::minimal();
    let output = folio()
        .args(["gates", "-q"])
        .arg(portfolio.root())
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!text.is_empty(), "an empty portfolio fails gates");
    assert!(!text.contains("gates as of"), "{text}");
    assert!(!text.contains("schedule"), "{text}");
    for line in text.lines() {
        assert!(
            line.contains(" fail ") || line.contains(" advisory "),
            "{line}"
        );
    }
    let loud = folio()
        .arg("gates")
        .arg(portfolio.root())
        .output()
        .expect("folio runs");
    let loud = String::from_utf8_lossy(&loud.stdout);
    assert!(loud.contains(" pass "), "{loud}");
    for line in text.lines() {
        assert!(loud.contains(line), "{line}");
    }
}

#[test]
fn quiet_init_says_nothing() {
    let dir = tempfile::tempdir().expect("a folder");
    folio()
        .args(["init", "-q"])
        .arg(dir.path().join("studio"))
        .assert()
        .code(0)
        .stdout("");
    assert!(dir.path().join("studio/portfolio.yaml").is_file());
}

#[test]
fn quiet_diff_prints_only_the_missing_approvals() {
    let repo = Repo::new();
    let governance = GOVERNANCE.replace(
        "decision_rights: []",
        "decision_rights:\n  - decision: add-venture\n    approvals: [{role: chairman}]\n  - decision: amend-record\n    approvals: []",
    );
    repo.write("portfolio.yaml", "name: Studio\nas_of: 2026-10-15\n");
    repo.write("governance.yaml", &governance);
    repo.commit("base");
    repo.write(
        "ventures/wind.yaml",
        "id: wind\nname: Wind\nstatus: active\n",
    );
    let head = repo.commit("add wind");
    let quiet = |args: &[&str]| {
        let output = folio()
            .current_dir(repo.root())
            .args(["diff", "-q", "--base", "HEAD~1"])
            .args(args)
            .output()
            .expect("folio runs");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).to_string(),
        )
    };
    let (code, text) = quiet(&[]);
    assert_eq!(code, Some(1));
    assert!(text.starts_with("add-venture wind"), "{text}");
    assert!(text.contains("missing: chairman"), "{text}");
    assert!(!text.contains("not approved"), "no summary line: {text}");
    // Approved: nothing.
    let reviews = repo.path("reviews.json");
    std::fs::write(
        &reviews,
        serde_json::json!([crate::support::approval("emarsh", &head)]).to_string(),
    )
    .expect("write the reviews");
    let (code, text) = quiet(&["--approvals", "reviews.json"]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(text, "");
}

#[test]
fn markdown_is_spelled_one_way_and_md_still_works() {
    // `--help` lists `markdown` for diff, log and history, and never `md`.
    for command in ["diff", "log", "history"] {
        let output = folio()
            .args([command, "--help"])
            .output()
            .expect("folio runs");
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(help.contains("markdown"), "{command}: {help}");
        assert!(!help.contains("- md"), "{command}: {help}");
    }
    let repo = Repo::new();
    repo.write("portfolio.yaml", "name: Studio\nas_of: 2026-10-15\n");
    repo.write("governance.yaml", GOVERNANCE);
    repo.commit("base");
    let run = |args: &[&str]| {
        let output = folio()
            .current_dir(repo.root())
            .args(args)
            .output()
            .expect("folio runs");
        String::from_utf8_lossy(&output.stdout).to_string()
    };
    // log: markdown is the default; md is the same format. (The first commit's decisions lack
    // their approvals, so log exits 1; the output is what matters here.)
    let log = run(&["log"]);
    assert!(log.starts_with("# Decisions in history"), "{log}");
    assert_eq!(run(&["log", "--format", "markdown"]), log);
    assert_eq!(run(&["log", "--format", "md"]), log);
    // diff: markdown is the pull-request comment; md is the same format.
    let comment = run(&["diff", "--base", "HEAD", "--format", "markdown"]);
    assert!(comment.starts_with("<!-- folio:decisions -->"), "{comment}");
    assert_eq!(run(&["diff", "--base", "HEAD", "--format", "md"]), comment);
}

#[test]
fn every_format_name_is_spelled_the_same_in_every_command() {
    use clap::CommandFactory;
    let command = folio::cli::Cli::command();
    let mut spellings = std::collections::BTreeMap::new();
    for sub in command.get_subcommands() {
        let Some(format) = sub
            .get_arguments()
            .find(|arg| arg.get_id().as_str() == "format")
        else {
            continue;
        };
        for value in format.get_possible_values() {
            assert!(
                ["human", "json", "markdown", "github", "sarif"].contains(&value.get_name()),
                "{} --format {}",
                sub.get_name(),
                value.get_name()
            );
            spellings
                .entry(value.get_name().to_string())
                .or_insert_with(Vec::new)
                .push(sub.get_name().to_string());
        }
    }
    assert_eq!(
        spellings["json"],
        ["check", "gates", "diff", "log", "history"]
    );
    assert_eq!(spellings["markdown"], ["diff", "log", "history"]);
}
