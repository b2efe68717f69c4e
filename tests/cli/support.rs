//! Helpers: temporary portfolios and runs of the built binary.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A governance file with the two roles every portfolio needs.
pub const GOVERNANCE: &str = "\
roles:
  chairman:
    members: [{name: Elena, github: emarsh}]
  board:
    members: [{name: Tomas, github: taguilar}]
decision_rights: []
";

/// The portfolio.yaml of [`Portfolio::minimal`].
const MINIMAL_PORTFOLIO: &str = "name: Test Studio\nas_of: 2026-10-15\n";

/// A portfolio in a temporary folder.
pub struct Portfolio {
    dir: TempDir,
}

impl Portfolio {
    /// An empty folder.
    pub fn empty() -> Portfolio {
        Portfolio {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// A folder with a minimal valid portfolio.yaml and governance.yaml. Its `as_of` pins the
    /// evaluation date, so that no test depends on the clock: a milestone is overdue after
    /// 2026-10-15 whatever day the tests run.
    pub fn minimal() -> Portfolio {
        let portfolio = Portfolio::empty();
        portfolio.write("portfolio.yaml", MINIMAL_PORTFOLIO);
        portfolio.write("governance.yaml", GOVERNANCE);
        portfolio
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) {
        self.write_bytes(relative, text.as_bytes());
    }

    pub fn write_bytes(&self, relative: &str, bytes: &[u8]) {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(path, bytes).expect("write a file");
    }

    /// `folio check ROOT --format json`: the exit code and the parsed report.
    pub fn check_json(&self) -> (i32, Value) {
        run_json(folio().args(["check", "--format", "json"]).arg(self.root()))
    }

    /// `folio gates ROOT --format json ARGS…`: the exit code and the parsed evaluation.
    pub fn gates_json(&self, args: &[&str]) -> (i32, Value) {
        gates_json(self.root(), args)
    }

    /// The findings of `check_json` as `(rule, file, line, column)`.
    pub fn findings(&self) -> Vec<(String, String, u64, u64)> {
        let (_, report) = self.check_json();
        findings_of(&report)
    }
}

/// `folio gates ROOT --format json ARGS…` on any folder: the exit code and the parsed
/// evaluation. Panics, with what folio printed, when stdout is not JSON.
pub fn gates_json(root: &Path, args: &[&str]) -> (i32, Value) {
    run_json(
        folio()
            .arg("gates")
            .arg(root)
            .args(["--format", "json"])
            .args(args),
    )
}

pub fn findings_of(report: &Value) -> Vec<(String, String, u64, u64)> {
    report["findings"]
        .as_array()
        .expect("a findings list")
        .iter()
        .map(|finding| {
            (
                finding["rule"].as_str().unwrap_or_default().to_string(),
                finding["file"].as_str().unwrap_or_default().to_string(),
                finding["line"].as_u64().unwrap_or_default(),
                finding["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

/// Runs a folio command that prints JSON: its exit code and the parsed output. Panics, with what
/// folio printed, when stdout is not JSON.
pub fn run_json(command: &mut Command) -> (i32, Value) {
    let output = command.output().expect("folio runs");
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "folio printed no JSON ({error}): {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().unwrap_or(-1), report)
}

/// A pull-request review, as GitHub's REST API lists it.
pub fn review(login: &str, state: &str, commit: &str, at: &str) -> Value {
    serde_json::json!({"user": {"login": login}, "state": state, "commit_id": commit, "submitted_at": at})
}

/// An APPROVED review by `login` on `commit`.
pub fn approval(login: &str, commit: &str) -> Value {
    review(login, "APPROVED", commit, "2026-11-20T10:00:00Z")
}

/// The decisions of a `folio diff` report (or a log entry) as `(type, subject)`, in order.
pub fn decision_pairs(report: &Value) -> Vec<(String, String)> {
    report["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .map(|d| {
            (
                d["type"].as_str().unwrap_or_default().to_string(),
                d["subject"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The built binary, with the environment cleared of what changes its defaults; a generous
/// timeout turns a hang into a failure instead of a stuck test run.
pub fn folio() -> Command {
    let mut command = Command::cargo_bin("folio").expect("the folio binary");
    command
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(30));
    command
}

/// The repository's own folder.
pub fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
