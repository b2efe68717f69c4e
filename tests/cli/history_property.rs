//! The incremental path equals the full path, for generated histories: random sequences of
//! the changes a portfolio repository sees (records written, moved into and out of a
//! sub-folder, removed, duplicated, merged into one multi-document file, broken; `ignore:`
//! globs changing, one of them no glob; governance tightened, broken and removed) are
//! committed one by one, and at every commit what folio reads incrementally — the portfolio
//! carried from commit to commit (`folio log`, `folio history`, the report's history) and a
//! change read as far as judging it needs (`folio diff`, `folio log`) — equals reading the
//! revisions whole.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

use crate::incremental::assert_incremental_equals_full;
use crate::repo::Repo;
use crate::timeline::assert_carried_equals_whole;

/// One change, committed on its own.
#[derive(Debug, Clone)]
enum Change {
    /// Writes venture slot `slot` (at the top of ventures/ or in its sub-folder), with the id
    /// of the next slot when `twin` (a duplicate id).
    Venture {
        slot: u8,
        status: u8,
        nested: bool,
        twin: bool,
    },
    /// Removes the venture files of a slot.
    Remove { slot: u8 },
    /// Moves a slot's file into the sub-folder, or out of it.
    Move { slot: u8 },
    /// Writes two ventures into one file (the same one twice when `first == second`).
    Pair { first: u8, second: u8 },
    /// Writes a conflict between two ventures; status 3 is not a status (a schema error).
    Conflict { slot: u8, status: u8 },
    /// Sets the `ignore:` globs of portfolio.yaml.
    Ignore { choice: u8 },
    /// Sets governance.yaml: the rules, tighter rules, a file that does not parse, none.
    Governance { choice: u8 },
    /// Writes a venture file that does not parse.
    Broken { slot: u8 },
}

const SLOTS: u8 = 5;
const STATUSES: [&str; 5] = ["active", "paused", "sunset", "completed", "archived"];

const GOVERNANCE: &str = "roles:\n  chairman:\n    members: [{name: Chair, github: chair}]\n  board:\n    members: [{name: B1, github: b1}]\ndecision_rights:\n  - decision: add-venture\n    approvals: []\n  - decision: amend-record\n    approvals: [{role: chairman, when: \"change != 'added'\"}]\n";

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (0..SLOTS, 0..5u8, any::<bool>(), prop::bool::weighted(0.2)).prop_map(
            |(slot, status, nested, twin)| Change::Venture {
                slot,
                status,
                nested,
                twin
            }
        ),
        1 => (0..SLOTS).prop_map(|slot| Change::Remove { slot }),
        1 => (0..SLOTS).prop_map(|slot| Change::Move { slot }),
        1 => (0..SLOTS, 0..SLOTS).prop_map(|(first, second)| Change::Pair { first, second }),
        2 => (0..3u8, 0..4u8).prop_map(|(slot, status)| Change::Conflict { slot, status }),
        1 => (0..4u8).prop_map(|choice| Change::Ignore { choice }),
        1 => (0..4u8).prop_map(|choice| Change::Governance { choice }),
        1 => (0..SLOTS).prop_map(|slot| Change::Broken { slot }),
    ]
}

fn venture(id: &str, status: &str) -> String {
    format!("id: {id}\nname: Venture {id}\nstatus: {status}\n")
}

fn flat(slot: u8) -> String {
    format!("ventures/v{slot}.yaml")
}

fn nested(slot: u8) -> String {
    format!("ventures/sub/v{slot}.yaml")
}

/// Makes `change` in the work tree of `repo`.
fn apply(repo: &Repo, change: &Change) {
    let exists = |path: &str| repo.path(path).exists();
    match *change {
        Change::Venture {
            slot,
            status,
            nested: inside,
            twin,
        } => {
            let id = if twin { (slot + 1) % SLOTS } else { slot };
            let path = if inside { nested(slot) } else { flat(slot) };
            repo.write(
                &path,
                &venture(&format!("v{id}"), STATUSES[usize::from(status)]),
            );
        }
        Change::Remove { slot } => {
            for path in [flat(slot), nested(slot)] {
                if exists(&path) {
                    repo.remove(&path);
                }
            }
        }
        Change::Move { slot } => {
            let (from, to) = if exists(&flat(slot)) {
                (flat(slot), nested(slot))
            } else {
                (nested(slot), flat(slot))
            };
            if exists(&from) && !exists(&to) {
                repo.rename(&from, &to);
            }
        }
        Change::Pair { first, second } => repo.write(
            "ventures/pair.yaml",
            &format!(
                "{}---\n{}",
                venture(&format!("v{first}"), "active"),
                venture(&format!("v{second}"), "paused")
            ),
        ),
        Change::Conflict { slot, status } => {
            let status = ["open", "escalated", "resolved", "opne"][usize::from(status)];
            let resolution = if status == "resolved" {
                "strategy: time-sharing\nresolution: Alternate weeks\nresolved_on: 2026-09-04\n"
            } else {
                ""
            };
            repo.write(
                &format!("conflicts/C{slot}.yaml"),
                &format!(
                    "id: C{slot}\ntitle: Conflict\ntype: talent\nventures: [v0, v1]\nstatus: {status}\n{resolution}"
                ),
            );
        }
        Change::Ignore { choice } => {
            let ignore = [
                "",
                "ignore: [\"ventures/sub/**\"]\n",
                "ignore: [\"ventures/v1.yaml\", \"conflicts/C2.yaml\"]\n",
                "ignore: [\"[bad\"]\n",
            ][usize::from(choice)];
            repo.write("portfolio.yaml", &format!("name: S\n{ignore}"));
        }
        Change::Governance { choice } => match choice {
            0 => repo.write("governance.yaml", GOVERNANCE),
            1 => repo.write(
                "governance.yaml",
                &GOVERNANCE.replace("approvals: []", "approvals: [{role: board}]"),
            ),
            2 => repo.write("governance.yaml", "roles: [broken\n"),
            _ => {
                if exists("governance.yaml") {
                    repo.remove("governance.yaml");
                }
            }
        },
        Change::Broken { slot } => repo.write(&flat(slot), &format!("id: v{slot}\nstatus: [\n")),
    }
}

/// Commits a small portfolio, then each change on its own, and compares at every commit.
fn run(changes: &[Change]) {
    let repo = Repo::new();
    repo.write("portfolio.yaml", "name: S\n");
    repo.write("governance.yaml", GOVERNANCE);
    for slot in 0..2 {
        repo.write(&flat(slot), &venture(&format!("v{slot}"), "active"));
    }
    let mut commits = vec![repo.commit("base")];
    for (step, change) in changes.iter().enumerate() {
        apply(&repo, change);
        commits.push(repo.commit(&format!("change {step}: {change:?}")));
    }
    assert_carried_equals_whole(repo.root(), &commits);
    assert_incremental_equals_full(&repo, &commits);
}

#[test]
fn generated_histories_read_incrementally_equal_their_whole_readings() {
    // A fixed seed keeps CI repeatable; change it to explore other histories.
    let mut config = Config::with_cases(32);
    config.failure_persistence = None;
    config.rng_seed = RngSeed::Fixed(13);
    config.max_shrink_iters = 128;
    let mut runner = TestRunner::new(config);
    let histories = prop::collection::vec(change(), 4..14);
    if let Err(error) = runner.run(&histories, |changes| {
        run(&changes);
        Ok(())
    }) {
        panic!("{error}");
    }
}
