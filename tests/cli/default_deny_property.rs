//! The default-deny contract of `folio diff`, as a property: for random changes to a generated
//! portfolio (values, ids, renames, additions, removals, duplicates, files split, merged or
//! moved), `folio diff` never reports `approved: true` without approvals unless the target's
//! governance explicitly frees every decision it lists; a change to a governed field always
//! makes a decision; and a change that only re-files records or edits narrative text makes
//! none.
//!
//! Whether a change is governed is decided here independently of folio: the records of each
//! revision, keyed by kind and identity, with the narrative fields the README lists removed.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};
use serde_json::{Value, json};

use crate::repo::Repo;
use crate::support::folio;

const ROOT: &str = "studio";

/// The decision types, in the order of the README's table.
const TYPES: [&str; 13] = [
    "launch-initiative",
    "change-initiative-budget",
    "reallocate-resources",
    "add-venture",
    "sunset-venture",
    "change-venture-status",
    "escalate-conflict",
    "resolve-conflict",
    "record-approval",
    "change-thresholds",
    "change-governance",
    "declare-rollback",
    "amend-record",
];

/// A portfolio file: its path under the portfolio root and its documents.
#[derive(Debug, Clone)]
struct File {
    path: String,
    documents: Vec<Value>,
}

impl File {
    fn new(path: &str, document: Value) -> File {
        File {
            path: path.to_string(),
            documents: vec![document],
        }
    }
}

/// A small portfolio that uses every kind and most fields, valid as it stands.
fn generated() -> Vec<File> {
    let mut files = vec![File::new(
        "portfolio.yaml",
        json!({"name": "Prop Studio", "currency": "USD", "stage_started": "2026-10-01",
               "thresholds": {"min_plans": 5, "min_value_usd": 10000},
               "lessons": {"worked": ["weekly syncs"]}}),
    )];
    for (index, id) in ["v1", "v2", "v3", "v4"].iter().enumerate() {
        files.push(File::new(
            &format!("ventures/{id}.yaml"),
            json!({"id": id, "name": format!("Venture {id}"), "status": "active",
                   "lead": format!("Lead {index}"), "critical": index == 0,
                   "industry": "fintech", "stage": 3 + index,
                   "metrics": {"revenue_monthly": 1000 * (index + 1), "burn_monthly": 500,
                               "users": 100, "growth_pct": 5, "market_fit": 3}}),
        ));
    }
    for (venture, date) in [("v1", "2026-10-01"), ("v2", "2026-10-02")] {
        files.push(File::new(
            &format!("assessments/{venture}-{date}.yaml"),
            json!({"venture": venture, "date": date, "assessor": "Elena",
                   "scores": {"strategic_fit": 4, "financial_health": 3,
                              "growth_potential": 4, "resource_efficiency": 2},
                   "recommendation": "continue", "rationale": "Solid."}),
        ));
    }
    for id in ["S1", "S2"] {
        files.push(File::new(
            &format!("synergies/{id}.yaml"),
            json!({"id": id, "title": format!("Synergy {id}"), "category": "technology",
                   "ventures": ["v1", "v2"], "value_potential": 4, "implementation_effort": 2,
                   "strategic_importance": 3, "status": "identified",
                   "estimated_value": {"amount": 5000, "unit": "usd-per-month"},
                   "notes": "Shared stack."}),
        ));
    }
    files.push(File::new(
        "conflicts/C1.yaml",
        json!({"id": "C1", "title": "Both want Ann", "type": "talent", "ventures": ["v1", "v2"],
               "resource": "R1", "owner": "Elena", "status": "open", "identified": "2026-10-03"}),
    ));
    files.push(File::new(
        "conflicts/C2.yaml",
        json!({"id": "C2", "title": "Budget clash", "type": "budget", "ventures": ["v2", "v3"],
               "status": "escalated", "identified": "2026-10-04"}),
    ));
    files.push(File::new(
        "conflicts/C3.yaml",
        json!({"id": "C3", "title": "Cloud accounts", "type": "infrastructure",
               "ventures": ["v1", "v3"], "strategy": "time-sharing", "resolution": "Split.",
               "status": "resolved", "identified": "2026-10-01", "resolved_on": "2026-10-05",
               "approved_by": "chairman"}),
    ));
    let plan = |id: &str, status: &str, budget: Option<u32>| {
        let mut initiative = json!({
            "initiative_id": id, "name": format!("Initiative {id}"), "ventures": ["v1", "v2"],
            "value_proposition": "One login.",
            "implementation": [{"milestone": "Design", "owner": "Ann", "deadline": "2026-12-01", "done": false}],
            "success_metrics": [{"metric": "Hours", "baseline": "40 hours", "target": 16, "current": 30}],
            "synergy": "S1", "owner": "Ann", "status": status, "progress": 10});
        if let (Some(budget), Some(map)) = (budget, initiative.as_object_mut()) {
            map.insert("budget".into(), json!(budget));
        }
        initiative
    };
    files.push(File::new(
        "initiatives/I1.yaml",
        plan("I1", "planned", Some(5000)),
    ));
    let mut launched = plan("I2", "launched", Some(20000));
    if let Some(map) = launched.as_object_mut() {
        map.insert("approved_by".into(), json!("chairman"));
        map.insert("launched_on".into(), json!("2026-10-10"));
    }
    files.push(File::new("initiatives/I2.yaml", launched));
    files.push(File::new(
        "initiatives/I3.yaml",
        plan("I3", "in-progress", None),
    ));
    files.push(File::new(
        "resources/R1.yaml",
        json!({"id": "R1", "name": "Data team", "type": "talent", "unit": "percent",
               "capacity": 100, "allocations": {"v1": 50, "v2": 50}, "holders": ["Ann", "Bob"],
               "unit_cost": 100, "approved_by": "chairman"}),
    ));
    files.push(File::new(
        "resources/R2.yaml",
        json!({"id": "R2", "name": "Fund", "type": "budget", "unit": "usd",
               "capacity": 100000, "allocations": {"v1": 60000, "v2": 40000}}),
    ));
    files.push(File::new(
        "resources/R3.yaml",
        json!({"id": "R3", "name": "Device lab", "type": "infrastructure", "unit": "units",
               "capacity": 10, "allocations": {}}),
    ));
    files.push(File::new(
        "value/E1.yaml",
        json!({"id": "E1", "initiative": "I2", "type": "cost-saved", "amount": 1000,
               "unit": "usd", "date": "2026-10-20", "evidence": "Invoice 42."}),
    ));
    for (period, baseline) in [("2026-08", true), ("2026-09", false)] {
        files.push(File::new(
            &format!("metrics/{period}.yaml"),
            json!({"period": period, "baseline": baseline, "revenue_monthly": 10000,
                   "resource_cost_monthly": 5000, "duplicate_effort_hours_monthly": 100,
                   "users": 1000}),
        ));
    }
    files.push(File::new(
        "rollbacks/RB1.yaml",
        json!({"id": "RB1", "declared": "2026-09-01", "trigger": "other", "initiatives": ["I1"],
               "post_mortem": "Done.", "closed": "2026-09-20"}),
    ));
    files
}

/// governance.yaml: each decision type needs the chairman, except the freed ones.
fn governance(freed: &[&str]) -> String {
    let mut text = String::from(
        "roles:\n  chairman:\n    members: [{name: Chair, github: chair}]\n  board:\n    members: [{name: B1, github: b1}]\ndecision_rights:\n",
    );
    for kind in TYPES {
        let approvals = if freed.contains(&kind) {
            "[]"
        } else {
            "[{role: chairman}]"
        };
        text.push_str(&format!(
            "  - decision: {kind}\n    approvals: {approvals}\n"
        ));
    }
    text
}

/// One random change.
#[derive(Debug, Clone)]
enum Mutation {
    /// Sets a scalar field of a record (picked by index) to a value from a pool.
    SetLeaf {
        file: usize,
        leaf: usize,
        value: usize,
    },
    /// Removes a field.
    RemoveLeaf {
        file: usize,
        leaf: usize,
    },
    /// Adds an optional field that decisions read.
    AddField {
        file: usize,
        field: usize,
    },
    /// Gives a record a new id (and file).
    Rename {
        file: usize,
    },
    Remove {
        file: usize,
    },
    /// A copy under a new id.
    Copy {
        file: usize,
    },
    /// A copy under the same id, with one field changed.
    CopySameId {
        file: usize,
        leaf: usize,
        value: usize,
    },
    /// Moves a record's documents into another file of its kind (files merged).
    Merge {
        from: usize,
        into: usize,
    },
    /// Moves a file into a sub-folder of its kind folder.
    Move {
        file: usize,
    },
    /// Changes a narrative field.
    Narrative {
        file: usize,
    },
    /// A comment in governance.yaml.
    GovernanceComment,
    /// A workflow file under .github/.
    Workflow,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = || 0usize..64;
    prop_oneof![
        4 => (index(), index(), index()).prop_map(|(file, leaf, value)| Mutation::SetLeaf { file, leaf, value }),
        1 => (index(), index()).prop_map(|(file, leaf)| Mutation::RemoveLeaf { file, leaf }),
        1 => (index(), index()).prop_map(|(file, field)| Mutation::AddField { file, field }),
        1 => index().prop_map(|file| Mutation::Rename { file }),
        1 => index().prop_map(|file| Mutation::Remove { file }),
        1 => index().prop_map(|file| Mutation::Copy { file }),
        1 => (index(), index(), index()).prop_map(|(file, leaf, value)| Mutation::CopySameId { file, leaf, value }),
        1 => (index(), index()).prop_map(|(from, into)| Mutation::Merge { from, into }),
        1 => index().prop_map(|file| Mutation::Move { file }),
        2 => index().prop_map(|file| Mutation::Narrative { file }),
        1 => Just(Mutation::GovernanceComment),
        1 => Just(Mutation::Workflow),
    ]
}

const NUMBERS: [f64; 8] = [0.0, 1.0, 2.0, 7.0, 50.0, 100000.0, -3.0, 1e300];
const TEXTS: [&str; 16] = [
    "active",
    "sunset",
    "paused",
    "launched",
    "completed",
    "in-progress",
    "escalated",
    "resolved",
    "open",
    "chairman",
    "board",
    "v3",
    "2026-12-01",
    "usd",
    "units",
    "x",
];
/// Optional fields that decisions read, with a value: `(field, JSON text)`.
const FIELDS: [(&str, &str); 5] = [
    ("approved_by", "\"chairman\""),
    ("approved_by", "\"board\""),
    ("budget", "5000000"),
    ("unit_cost", "1e308"),
    ("status", "\"escalated\""),
];

/// The narrative fields of each kind's top level (the README's list).
fn narrative(kind: &str) -> &'static [&'static str] {
    match kind {
        "portfolio" => &["kind", "name", "lessons"],
        "ventures" | "resources" => &["kind", "name"],
        "assessments" => &["kind", "rationale"],
        "synergies" => &["kind", "title", "notes"],
        "conflicts" => &["kind", "title", "resolution"],
        "initiatives" => &["kind", "name", "value_proposition"],
        "value" => &["kind", "evidence"],
        "rollbacks" => &["kind", "post_mortem"],
        _ => &["kind"],
    }
}

/// The kind folder of a path (`portfolio` for portfolio.yaml).
fn kind_of(path: &str) -> &str {
    path.split_once('/')
        .map_or("portfolio", |(folder, _)| folder)
}

/// The identity of a record of a kind.
fn identity(kind: &str, document: &Value) -> String {
    let text = |key: &str| match document.get(key) {
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    match kind {
        "portfolio" => "portfolio".into(),
        "assessments" => format!("{}@{}", text("venture"), text("date")),
        "initiatives" => text("initiative_id"),
        "metrics" => text("period"),
        _ => text("id"),
    }
}

/// Numbers by value, so that 2 and 2.0 read the same.
fn normalised(value: &Value) -> Value {
    match value {
        Value::Number(number) => json!(number.as_f64()),
        Value::Array(items) => Value::Array(items.iter().map(normalised).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| (key.clone(), normalised(value)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// What a revision decides: its records without narrative fields, by kind and identity.
fn governed_state(files: &[File]) -> BTreeMap<(String, String), Vec<String>> {
    let mut state: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for file in files {
        let kind = kind_of(&file.path);
        for document in &file.documents {
            let mut document = normalised(document);
            if let Some(map) = document.as_object_mut() {
                for field in narrative(kind) {
                    map.remove(*field);
                }
            }
            for (list, field) in [
                ("implementation", "milestone"),
                ("success_metrics", "metric"),
            ] {
                if let Some(Value::Array(items)) = document.get_mut(list) {
                    for item in items.iter_mut().filter_map(Value::as_object_mut) {
                        item.remove(field);
                    }
                }
            }
            state
                .entry((kind.to_string(), identity(kind, &document)))
                .or_default()
                .push(document.to_string());
        }
    }
    for documents in state.values_mut() {
        documents.sort();
    }
    state
}

/// Every scalar field of a document, as a path of keys and indexes.
fn leaves(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                path.push(key.clone());
                leaves(item, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(index.to_string());
                leaves(item, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn at_path<'a>(value: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |node, step| match node {
        Value::Object(map) => map.get_mut(step),
        Value::Array(items) => step.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

/// Sets the leaf `leaf` (modulo their count) of a document to another value of the pools.
fn set_leaf(document: &mut Value, leaf: usize, value: usize) {
    let mut found = Vec::new();
    leaves(document, &mut Vec::new(), &mut found);
    if found.is_empty() {
        return;
    }
    let path = found[leaf % found.len()].clone();
    if let Some(node) = at_path(document, &path) {
        *node = match node {
            Value::Bool(flag) => Value::Bool(!*flag),
            Value::Number(_) => json!(NUMBERS[value % NUMBERS.len()]),
            _ => json!(TEXTS[value % TEXTS.len()]),
        };
    }
}

fn remove_leaf(document: &mut Value, leaf: usize) {
    let mut found = Vec::new();
    leaves(document, &mut Vec::new(), &mut found);
    if found.is_empty() {
        return;
    }
    let path = found[leaf % found.len()].clone();
    let Some((last, parent)) = path.split_last() else {
        return;
    };
    match at_path(document, parent) {
        Some(Value::Object(map)) => {
            map.remove(last);
        }
        Some(Value::Array(items)) => {
            if let Ok(index) = last.parse::<usize>() {
                if index < items.len() {
                    items.remove(index);
                }
            }
        }
        _ => {}
    }
}

/// The id field of a kind, for renames and copies.
fn id_field(kind: &str) -> Option<&'static str> {
    match kind {
        "portfolio" | "assessments" => None,
        "initiatives" => Some("initiative_id"),
        "metrics" => Some("period"),
        _ => Some("id"),
    }
}

fn apply(files: &mut Vec<File>, mutation: &Mutation, step: usize) -> Option<()> {
    // Records only: portfolio.yaml is files[0]; every index picks among all files.
    let pick = |index: usize, files: &Vec<File>| index % files.len();
    match mutation {
        Mutation::SetLeaf { file, leaf, value } => {
            let at = pick(*file, files);
            set_leaf(files[at].documents.first_mut()?, *leaf, *value);
        }
        Mutation::RemoveLeaf { file, leaf } => {
            let at = pick(*file, files);
            remove_leaf(files[at].documents.first_mut()?, *leaf);
        }
        Mutation::AddField { file, field } => {
            let at = pick(*file, files);
            let (key, value) = FIELDS[field % FIELDS.len()];
            let value: Value = serde_json::from_str(value).ok()?;
            files[at]
                .documents
                .first_mut()?
                .as_object_mut()?
                .insert(key.to_string(), value);
        }
        Mutation::Rename { file } => {
            let at = pick(*file, files);
            let kind = kind_of(&files[at].path).to_string();
            let field = id_field(&kind)?;
            let renamed = format!("renamed-{step}");
            files[at]
                .documents
                .first_mut()?
                .as_object_mut()?
                .insert(field.to_string(), json!(renamed));
            files[at].path = format!("{kind}/{renamed}.yaml");
        }
        Mutation::Remove { file } => {
            let at = pick(*file, files);
            if at != 0 {
                files.remove(at);
            }
        }
        Mutation::Copy { file } => {
            let at = pick(*file, files);
            let kind = kind_of(&files[at].path).to_string();
            let field = id_field(&kind)?;
            let mut copy = files[at].documents.first()?.clone();
            let id = format!("copy-{step}");
            copy.as_object_mut()?.insert(field.to_string(), json!(id));
            files.push(File::new(&format!("{kind}/{id}.yaml"), copy));
        }
        Mutation::CopySameId { file, leaf, value } => {
            let at = pick(*file, files);
            let kind = kind_of(&files[at].path).to_string();
            id_field(&kind)?;
            let mut copy = files[at].documents.first()?.clone();
            set_leaf(&mut copy, *leaf, *value);
            files.push(File::new(&format!("{kind}/twin-{step}.yaml"), copy));
        }
        Mutation::Merge { from, into } => {
            let (from, into) = (pick(*from, files), pick(*into, files));
            let same_kind = kind_of(&files[from].path) == kind_of(&files[into].path);
            if from == into || from == 0 || into == 0 || !same_kind {
                return None;
            }
            let moved = files[from].documents.clone();
            files[into].documents.extend(moved);
            files.remove(from);
        }
        Mutation::Move { file } => {
            let at = pick(*file, files);
            let path = files[at].path.clone();
            let (folder, name) = path.split_once('/')?;
            files[at].path = format!("{folder}/moved-{step}/{name}");
        }
        Mutation::Narrative { file } => {
            let at = pick(*file, files);
            let kind = kind_of(&files[at].path).to_string();
            let document = files[at].documents.first_mut()?.as_object_mut()?;
            let field = narrative(&kind).iter().find(|field| {
                **field != "kind" && **field != "lessons" && document.contains_key(**field)
            })?;
            document.insert(field.to_string(), json!(format!("Rewritten {step}")));
        }
        Mutation::GovernanceComment | Mutation::Workflow => {}
    }
    Some(())
}

/// Writes the files (JSON is YAML) under the portfolio root, replacing what was there.
fn write(repo: &Repo, files: &[File]) {
    let root = repo.path(ROOT);
    for entry in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        if entry.file_name() != "governance.yaml" {
            let path = entry.path();
            if path.is_dir() {
                std::fs::remove_dir_all(path).expect("clear a folder");
            } else {
                std::fs::remove_file(path).expect("clear a file");
            }
        }
    }
    for file in files {
        let text: Vec<String> = file.documents.iter().map(Value::to_string).collect();
        repo.write(
            &format!("{ROOT}/{}", file.path),
            &(text.join("\n---\n") + "\n"),
        );
    }
}

#[derive(Debug)]
struct Case {
    mutations: Vec<Mutation>,
    freed: Vec<&'static str>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::collection::vec(mutation(), 1..4),
        proptest::collection::vec(proptest::bool::weighted(0.25), TYPES.len()),
    )
        .prop_map(|(mutations, free)| Case {
            mutations,
            freed: TYPES
                .iter()
                .zip(free)
                .filter(|(_, free)| *free)
                .map(|(kind, _)| *kind)
                .collect(),
        })
}

fn run(case: &Case) -> Result<(), TestCaseError> {
    let repo = Repo::new();
    let base = generated();
    repo.write(&format!("{ROOT}/governance.yaml"), &governance(&case.freed));
    write(&repo, &base);
    repo.commit("base");

    let mut head = base.clone();
    let mut governance_changed = false;
    for (step, mutation) in case.mutations.iter().enumerate() {
        apply(&mut head, mutation, step);
        match mutation {
            Mutation::GovernanceComment => {
                let path = format!("{ROOT}/governance.yaml");
                let text = repo.read(&path);
                repo.write(&path, &format!("{text}# note {step}\n"));
                governance_changed = true;
            }
            Mutation::Workflow => {
                repo.write(
                    ".github/workflows/folio.yml",
                    &format!("name: step {step}\n"),
                );
                governance_changed = true;
            }
            _ => {}
        }
    }
    write(&repo, &head);
    repo.commit("head");

    let output = folio()
        .current_dir(repo.root())
        .args(["diff", ROOT, "--base", "HEAD~1", "--format", "json"])
        .output()
        .expect("folio runs");
    let report: Value = serde_json::from_slice(&output.stdout).map_err(|error| {
        TestCaseError::fail(format!(
            "no JSON ({error}): {}",
            String::from_utf8_lossy(&output.stderr)
        ))
    })?;
    let decisions = report["decisions"].as_array().cloned().unwrap_or_default();
    let approved = report["approved"] == true;
    let governed = governance_changed || governed_state(&base) != governed_state(&head);

    if governed {
        prop_assert!(
            !decisions.is_empty(),
            "a governed change made no decision: {report:#}"
        );
    } else {
        prop_assert!(
            approved && decisions.is_empty(),
            "a change of narrative text or files only needed a decision: {report:#}"
        );
    }
    if approved {
        for decision in &decisions {
            let kind = decision["type"].as_str().unwrap_or_default();
            prop_assert!(
                case.freed.contains(&kind) && decision.get("unreadable").is_none(),
                "approved without approvals, though governance does not free {kind}: {report:#}"
            );
        }
        prop_assert_eq!(report.get("blocked"), None);
    }
    prop_assert_eq!(
        output.status.code(),
        Some(if approved { 0 } else { 1 }),
        "exit code and verdict disagree"
    );
    Ok(())
}

#[test]
fn folio_diff_never_approves_a_governed_change_that_governance_does_not_free() {
    // The generated portfolio is clean, so every finding in a head comes from the change.
    let repo = Repo::new();
    repo.write(&format!("{ROOT}/governance.yaml"), &governance(&[]));
    write(&repo, &generated());
    folio()
        .current_dir(repo.root())
        .args(["check", ROOT])
        .assert()
        .code(0);

    // A fixed seed keeps CI repeatable; change it to explore other changes.
    let mut config = Config::with_cases(64);
    config.failure_persistence = None;
    config.rng_seed = RngSeed::Fixed(39);
    config.max_shrink_iters = 64;
    let mut runner = TestRunner::new(config);
    if let Err(error) = runner.run(&case(), |case| run(&case)) {
        panic!("{error}");
    }
}
