//! The incremental path equals the full path: what folio reads of a history, commit by commit,
//! gives the same paths, decisions and verdicts as reading every revision whole.

use std::collections::BTreeSet;

use crate::repo::Repo;

/// Every path that differs between two commits, as libgit2's own tree-to-tree diff says.
fn paths_by_libgit2(repo: &git2::Repository, from: Option<&str>, to: &str) -> Vec<String> {
    let tree = |id: &str| {
        repo.find_commit(git2::Oid::from_str(id).expect("an id"))
            .and_then(|commit| commit.tree())
            .expect("a tree")
    };
    let old = from.map(tree);
    let new = tree(to);
    let diff = repo
        .diff_tree_to_tree(old.as_ref(), Some(&new), None)
        .expect("a diff");
    let mut paths = BTreeSet::new();
    for delta in diff.deltas() {
        for file in [delta.old_file(), delta.new_file()] {
            if let Some(path) = file.path().and_then(|path| path.to_str()) {
                paths.insert(path.to_string());
            }
        }
    }
    paths.into_iter().collect()
}

/// folio compares trees itself (keeping large trees it has read); it must find what libgit2
/// finds, for additions, removals, renames, a file that becomes a folder and back, links, and
/// changes deep in sub-folders.
#[test]
fn folio_finds_the_changed_paths_libgit2_finds() {
    let repo = Repo::new();
    let mut commits = Vec::new();
    repo.write("portfolio.yaml", "name: S\n");
    repo.write("ventures/a.yaml", "id: a\n");
    repo.write("ventures/deep/er/b.yaml", "id: b\n");
    for n in 0..40 {
        repo.write(&format!("synergies/S{n}.yaml"), &format!("id: S{n}\n"));
    }
    commits.push(repo.commit("base"));
    repo.write("ventures/deep/er/b.yaml", "id: b\nname: B\n");
    repo.write("synergies/S7.yaml", "id: S7\nstatus: planned\n");
    commits.push(repo.commit("edits deep and in a large folder"));
    repo.rename("ventures/a.yaml", "ventures/moved/a.yaml");
    repo.remove("synergies/S3.yaml");
    repo.write("value/E1.yaml", "id: E1\n");
    commits.push(repo.commit("a rename, a removal, a new folder"));
    repo.remove("value/E1.yaml");
    std::fs::remove_dir(repo.path("value")).expect("an empty folder");
    repo.write("value", "a file where a folder was\n");
    commits.push(repo.commit("a folder becomes a file"));
    repo.remove("value");
    repo.write("value/E2.yaml", "id: E2\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("a.yaml", repo.path("ventures/moved/link.yaml")).expect("a link");
    commits.push(repo.commit("a file becomes a folder again, a link"));
    commits.push(repo.commit("nothing"));

    let git = git2::Repository::open(repo.root()).expect("the repository");
    let folio = folio::source::GitRepository::open(repo.root()).expect("the repository");
    let commit = |id: &str| folio.resolve(id).expect("a commit");
    let mut previous: Option<&String> = None;
    for id in &commits {
        let expected = paths_by_libgit2(&git, previous.map(String::as_str), id);
        let found = folio
            .changed_paths(previous.map(|id| commit(id)).as_ref(), &commit(id))
            .expect("the paths");
        assert_eq!(found, expected, "from {previous:?} to {id}");
        previous = Some(id);
    }
    // Across several commits at once, too.
    let expected = paths_by_libgit2(&git, Some(&commits[0]), &commits[4]);
    let found = folio
        .changed_paths(Some(&commit(&commits[0])), &commit(&commits[4]))
        .expect("the paths");
    assert_eq!(found, expected);
}

const GOVERNANCE: &str = "roles:\n  chairman:\n    members: [{name: Chair, github: chair}]\n  board:\n    members: [{name: B1, github: b1}]\ndecision_rights:\n  - decision: add-venture\n    approvals: []\n  - decision: amend-record\n    approvals: [{role: chairman, when: \"change != 'added'\"}]\n";

/// Judges every commit of a history against its parent twice: as `folio diff` and `folio log`
/// read a change (the files it touches and the root files) and from both revisions read whole;
/// the verdicts must be the same, decision for decision.
pub fn assert_incremental_equals_full(repo: &Repo, commits: &[String]) {
    use folio::decisions::{self, Change, Target, approvals::Approvers};
    use folio::model::date::Date;
    use folio::portfolio::{self, AsOf, Cache};

    let folio = folio::source::GitRepository::open(repo.root()).expect("the repository");
    let as_of = AsOf::today(Date::parse("2026-11-15").expect("a date"));
    let prefix = folio.prefix();
    let mut parent: Option<folio::source::Commit> = None;
    // As `folio log` carries them: the identities of each commit's parent.
    let mut identities = folio::decisions::records::Identities::default();
    for id in commits {
        let commit = folio.resolve(id).expect("a commit");
        let cache = Cache::default();
        let partial = portfolio::read_change(
            &folio,
            parent.as_ref(),
            &commit,
            &cache,
            as_of,
            Some(&identities),
        )
        .expect("the change");
        // And as `folio diff` reads a change, with no identities carried.
        let diffed = portfolio::read_change(&folio, parent.as_ref(), &commit, &cache, as_of, None)
            .expect("the change");
        let changed = decisions::portfolio_files(&partial.paths, &prefix);
        if decisions::base_needs_every_file(&changed) {
            identities = folio::decisions::records::Identities::of(
                &partial.head.loaded,
                &partial.head.model,
            );
        } else {
            identities.update(&changed, &partial.head.loaded, &partial.head.model);
        }
        let whole_base = match &parent {
            Some(parent) => portfolio::read(
                folio.read(parent, &|_, _| false).expect("files"),
                Some(parent.clone()),
                &Cache::default(),
            ),
            None => portfolio::read(Vec::new(), None, &Cache::default()),
        }
        .expect("the base");
        let whole_head = portfolio::check_root_files(
            folio.read(&commit, &|_, _| false).expect("files"),
            Some(commit.clone()),
            &Cache::default(),
            as_of,
        )
        .expect("the head");
        let judge = |base: &portfolio::Checked, head: &portfolio::Checked| {
            let change = Change {
                base: base.revision(),
                head: head.revision(),
                paths: &partial.paths,
                prefix: &prefix,
            };
            let verdict = decisions::decide(
                &change,
                &Target::of(&base.loaded, &base.model),
                &Approvers::default(),
            );
            serde_json::to_value(&verdict).expect("JSON")
        };
        let whole = judge(&whole_base, &whole_head);
        assert_eq!(
            judge(&partial.base, &partial.head),
            whole,
            "log, commit {id}"
        );
        assert_eq!(
            judge(&diffed.base, &diffed.head),
            whole,
            "diff, commit {id}"
        );
        parent = Some(commit);
    }
}

/// A history with what incremental reading must get right: renames, removals, multi-document
/// files split and merged, a duplicate id, `ignore:` changing, governance changing and
/// breaking mid-history, a file that stops parsing.
#[test]
fn judging_what_changed_equals_judging_whole_revisions() {
    let repo = Repo::new();
    let mut commits = Vec::new();
    let venture = |id: &str, status: &str| format!("id: {id}\nname: V {id}\nstatus: {status}\n");
    repo.write("portfolio.yaml", "name: S\n");
    repo.write("governance.yaml", GOVERNANCE);
    for id in ["a", "b", "c"] {
        repo.write(&format!("ventures/{id}.yaml"), &venture(id, "active"));
    }
    commits.push(repo.commit("base"));
    repo.write("ventures/d.yaml", &venture("d", "active"));
    repo.write("ventures/a.yaml", &venture("a", "paused"));
    commits.push(repo.commit("add d, pause a"));
    repo.rename("ventures/b.yaml", "ventures/group/b.yaml");
    commits.push(repo.commit("move b"));
    let merged = format!("{}---\n{}", venture("c", "active"), venture("d", "sunset"));
    repo.write("ventures/cd.yaml", &merged);
    repo.remove("ventures/c.yaml");
    repo.remove("ventures/d.yaml");
    commits.push(repo.commit("merge c and d into one file, sunset d"));
    repo.write("ventures/twin.yaml", &venture("a", "sunset"));
    commits.push(repo.commit("a duplicate of a"));
    repo.write(
        "portfolio.yaml",
        "name: S\nignore: [\"ventures/group/**\"]\n",
    );
    commits.push(repo.commit("ignore b's folder"));
    repo.write("portfolio.yaml", "name: S\n");
    repo.write(
        "governance.yaml",
        &GOVERNANCE.replace("approvals: []", "approvals: [{role: board}]"),
    );
    commits.push(repo.commit("stop ignoring, tighten governance"));
    repo.write("ventures/e.yaml", &venture("e", "active"));
    commits.push(repo.commit("add e under the tighter rules"));
    repo.write("governance.yaml", "roles: [broken\n");
    commits.push(repo.commit("break governance"));
    repo.write("ventures/e.yaml", "id: e\nstatus: [\n");
    commits.push(repo.commit("e stops parsing, under a broken governance"));
    repo.write("governance.yaml", GOVERNANCE);
    repo.remove("ventures/twin.yaml");
    commits.push(repo.commit("repair"));
    assert_incremental_equals_full(&repo, &commits);
}

/// `folio diff` finds the unchanged files that share an identity with a changed record by
/// their text, however YAML writes that identity: as it is in a file of another name, in
/// quotes, as a block scalar in the second document of a file in a sub-folder, through a
/// double-quoted escape; an assessment's venture and date both. Each pairing with the twin
/// makes decisions of its own, so a twin left unread changes the verdict.
#[test]
fn a_shared_identity_is_found_however_it_is_written() {
    let repo = Repo::new();
    let mut commits = Vec::new();
    let venture = |id: &str, status: &str| format!("id: {id}\nname: V {id}\nstatus: {status}\n");
    let assessment = |recommendation: &str| {
        format!(
            "venture: alpha\ndate: 2026-10-01\nassessor: A\nscores:\n  strategic_fit: 3\n  \
             financial_health: 3\n  growth_potential: 3\n  resource_efficiency: 3\n\
             recommendation: {recommendation}\nrationale: R\n"
        )
    };
    repo.write("portfolio.yaml", "name: S\n");
    repo.write("governance.yaml", GOVERNANCE);
    for id in ["alpha", "beta", "gamma"] {
        repo.write(&format!("ventures/{id}.yaml"), &venture(id, "active"));
    }
    repo.write(
        "ventures/zz/escaped.yaml",
        "id: \"\\x61lpha\"\nname: Twin\nstatus: sunset\n",
    );
    repo.write(
        "ventures/quoted.yaml",
        "id: 'beta'\nname: Twin\nstatus: sunset\n",
    );
    repo.write(
        "ventures/more/many.yaml",
        &format!(
            "{}---\nid: |-\n  gamma\nname: Twin\nstatus: sunset\n",
            venture("delta", "active")
        ),
    );
    repo.write("assessments/alpha-2026-10-01.yaml", &assessment("continue"));
    repo.write("assessments/old/twin.yaml", &assessment("sunset"));
    commits.push(repo.commit("base, with a twin of each"));
    for id in ["alpha", "beta", "gamma"] {
        repo.write(&format!("ventures/{id}.yaml"), &venture(id, "paused"));
        commits.push(repo.commit(&format!("pause {id}")));
    }
    repo.write("assessments/alpha-2026-10-01.yaml", &assessment("pivot"));
    commits.push(repo.commit("alpha's assessment recommends a pivot"));
    assert_incremental_equals_full(&repo, &commits);
}
