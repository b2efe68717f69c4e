//! The pre-commit hook: `.pre-commit-hooks.yaml` read as pre-commit reads it, and its `entry`
//! run as pre-commit runs it (from the repository's top, with the staged file names that match
//! `files`) on a repository built with git2. pre-commit itself is not needed.

use std::process::Output;

use regex::Regex;
use saphyr::{LoadableYamlNode, Yaml};

use crate::repo::Repo;
use crate::support::{GOVERNANCE, folio, repository};

/// The hook as `.pre-commit-hooks.yaml` declares it.
struct Hook {
    id: String,
    language: String,
    entry: Vec<String>,
    files: Regex,
    require_serial: bool,
}

fn hook() -> Hook {
    let text = std::fs::read_to_string(repository().join(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml at the repository's root");
    let documents = Yaml::load_from_str(&text).expect("the hooks file is YAML");
    let hooks = documents
        .first()
        .and_then(|document| document.as_vec())
        .expect("a list of hooks");
    assert_eq!(hooks.len(), 1, "one hook");
    let hook = &hooks[0];
    let text = |key: &str| {
        hook[key]
            .as_str()
            .unwrap_or_else(|| panic!("the hook's {key:?} is a string"))
            .to_string()
    };
    Hook {
        id: text("id"),
        language: text("language"),
        // pre-commit splits `entry` as a shell would; folio's has no quotes.
        entry: text("entry")
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        // pre-commit matches `files` with Python's re.search, whose syntax this pattern shares.
        files: Regex::new(&text("files")).expect("`files` is a regular expression"),
        require_serial: hook["require_serial"].as_bool().unwrap_or(false),
    }
}

/// Runs the hook's entry on these files from the repository's top, as pre-commit does.
fn run_hook(hook: &Hook, repo: &Repo, files: &[String]) -> Output {
    let (program, arguments) = hook.entry.split_first().expect("an entry");
    assert_eq!(program, "folio", "the entry runs the folio binary");
    folio()
        .current_dir(repo.root())
        .args(arguments)
        .args(files)
        .output()
        .expect("folio runs")
}

/// The staged files pre-commit would pass to the hook.
fn passed(hook: &Hook, repo: &Repo) -> Vec<String> {
    repo.staged()
        .into_iter()
        .filter(|path| hook.files.is_match(path))
        .collect()
}

#[test]
fn the_hook_is_declared_for_yaml_files() {
    let hook = hook();
    assert_eq!(hook.id, "folio-check");
    assert!(["rust", "system"].contains(&hook.language.as_str()));
    assert_eq!(hook.entry, ["folio", "check"]);
    for name in ["ventures/a.yaml", "b.yml", "deep/c.YAML.yaml"] {
        assert!(hook.files.is_match(name), "{name}");
    }
    for name in ["notes.txt", "a.yaml.bak", "schema.json", "yaml"] {
        assert!(!hook.files.is_match(name), "{name}");
    }
    assert!(hook.require_serial, "one run checks the portfolio once");
}

#[test]
fn the_hook_reports_the_staged_files_and_fails_on_their_errors() {
    let hook = hook();
    let repo = Repo::new();
    repo.write("studio/portfolio.yaml", "name: Studio\nas_of: 2026-10-15\n");
    repo.write("studio/governance.yaml", GOVERNANCE);
    repo.write(
        "studio/ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: active\n",
    );
    repo.write(".github/workflows/ci.yml", "on: push\n");
    repo.commit("a portfolio");

    // Staged: a venture broken, a venture added, a workflow (inside no portfolio) and a text
    // file. Not staged: a broken venture nobody asked to commit.
    repo.write(
        "studio/ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: actve\n",
    );
    repo.write(
        "studio/ventures/wind.yaml",
        "id: wind\nname: Wind\nstatus: active\n",
    );
    repo.write(".github/workflows/ci.yml", "on: [push, pull_request]\n");
    repo.write("notes.txt", "todo\n");
    for path in [
        "studio/ventures/solar.yaml",
        "studio/ventures/wind.yaml",
        ".github/workflows/ci.yml",
        "notes.txt",
    ] {
        repo.stage(path);
    }
    repo.write("studio/ventures/hail.yaml", "id: hail\nname: Hail\n");

    let files = passed(&hook, &repo);
    assert_eq!(
        files,
        [
            ".github/workflows/ci.yml",
            "studio/ventures/solar.yaml",
            "studio/ventures/wind.yaml"
        ]
    );
    let output = run_hook(&hook, &repo, &files);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("ventures/solar.yaml:3:9: \"actve\" is not an allowed value"),
        "{text}"
    );
    assert!(
        !text.contains("hail"),
        "an unstaged file is not reported: {text}"
    );
    assert!(
        text.contains("folio: 1 error(s), 0 warning(s), 0 advisory finding(s) in 2 document(s)"),
        "{text}"
    );

    // Fixed and staged again: the hook passes, though the unstaged file is still broken.
    repo.write(
        "studio/ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: active\n",
    );
    repo.stage("studio/ventures/solar.yaml");
    let files = passed(&hook, &repo);
    let output = run_hook(&hook, &repo, &files);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("folio: 1 document(s) in 1 file(s), no problems"),
        "{text}"
    );
}
