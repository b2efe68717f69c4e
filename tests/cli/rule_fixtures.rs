//! Every rule's `ok` and `err` fixtures, and every rule's documented example.
//!
//! A fixture (`tests/fixtures/rules/RULE/ok.txt`, `err.txt`) is a bundle of files laid over a
//! minimal portfolio (portfolio.yaml and governance.yaml, which a bundle may replace):
//!
//! ```text
//! comment lines, up to the first file
//! === ventures/solar.yaml
//! id: solar
//! === expect
//! RULE FILE LINE
//! ```
//!
//! `ok` must give no finding at all; `err` must give exactly the findings under `expect`.

use std::collections::BTreeSet;

use crate::support::{Portfolio, findings_of, repository};

/// The files of a bundle, and its expected `(rule, file, line)` findings.
struct Bundle {
    files: Vec<(String, String)>,
    expected: BTreeSet<(String, String, u64)>,
}

fn read_bundle(text: &str) -> Bundle {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut expected = BTreeSet::new();
    let mut in_expect = false;
    for line in text.lines() {
        if let Some(header) = line.strip_prefix("=== ") {
            in_expect = header == "expect";
            if !in_expect {
                files.push((header.to_string(), String::new()));
            }
        } else if in_expect {
            let parts: Vec<&str> = line.split_whitespace().collect();
            if let [rule, file, line] = parts[..] {
                expected.insert((
                    rule.to_string(),
                    file.to_string(),
                    line.parse().expect("a line"),
                ));
            }
        } else if let Some((_, body)) = files.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    Bundle { files, expected }
}

/// Every fixture bundle there is: its rule, its case (`ok`, `err`) and its files.
fn bundles() -> impl Iterator<Item = (&'static str, &'static str, Bundle)> {
    let root = repository().join("tests/fixtures/rules");
    folio::rules::RULES.iter().flat_map(move |rule| {
        let root = root.clone();
        ["ok", "err"].into_iter().filter_map(move |case| {
            let path = root.join(rule.name).join(format!("{case}.txt"));
            let text = std::fs::read_to_string(path).ok()?;
            Some((rule.name, case, read_bundle(&text)))
        })
    })
}

/// Lays `files` over a minimal portfolio and returns its findings as `(rule, file, line)`.
fn findings_with(files: &[(String, String)]) -> (i32, BTreeSet<(String, String, u64)>) {
    let portfolio = Portfolio::minimal();
    for (path, text) in files {
        portfolio.write(path, text);
    }
    let (code, report) = portfolio.check_json();
    let found = findings_of(&report)
        .into_iter()
        .map(|(rule, file, line, _)| (rule, file, line))
        .collect();
    (code, found)
}

/// Rules whose problem cannot be written as text in a fixture: hostile.rs covers them.
const NOT_WRITABLE: [&str; 3] = ["not-utf8", "file-too-large", "symlink"];

#[test]
fn every_rule_has_ok_and_err_fixtures_that_hold() {
    let root = repository().join("tests/fixtures/rules");
    let mut problems = Vec::new();
    for rule in folio::rules::RULES {
        if NOT_WRITABLE.contains(&rule.name) {
            continue;
        }
        for case in ["ok", "err"] {
            let path = root.join(rule.name).join(format!("{case}.txt"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                problems.push(format!("{}: no {case} fixture", rule.name));
                continue;
            };
            let bundle = read_bundle(&text);
            let (code, found) = findings_with(&bundle.files);
            if case == "err" {
                if !bundle.expected.iter().any(|(name, _, _)| name == rule.name) {
                    problems.push(format!("{}: err expects no {0} finding", rule.name));
                }
                let fails = bundle
                    .expected
                    .iter()
                    .filter_map(|(name, _, _)| folio::rules::find(name))
                    .any(|rule| rule.severity == folio::finding::Severity::Error);
                if code != i32::from(fails) {
                    problems.push(format!("{}: err exits {code}", rule.name));
                }
            } else if code != 0 {
                problems.push(format!("{}: ok exits {code}", rule.name));
            }
            if found != bundle.expected {
                problems.push(format!(
                    "{}/{case}: expected {:?}, found {found:?}",
                    rule.name, bundle.expected
                ));
            }
            // `folio diff` skips the record-only rules when it checks a head's root files.
            for (name, file, line) in &found {
                let record_only = folio::rules::RECORD_ONLY.iter().any(|r| r.name == *name);
                let root_file = !file.contains('/');
                if record_only && root_file {
                    problems.push(format!(
                        "{name} reports in {file}:{line}, though it is listed as record-only"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_documented_example_shows_its_rule() {
    let mut problems = Vec::new();
    for rule in folio::rules::RULES {
        let files = rule.example_files();
        if files.is_empty() {
            if !NOT_WRITABLE.contains(&rule.name) {
                problems.push(format!("{}: the doc has no ```yaml example", rule.name));
            }
            continue;
        }
        let (_, found) = findings_with(&files);
        if !found.iter().any(|(name, _, _)| name == rule.name) {
            problems.push(format!("{}: its example gives {found:?}", rule.name));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The `ok` and `err` cases of the rules whose files cannot be written as text: each on both
/// sides of its line.
#[test]
fn rules_about_bytes_and_links_have_ok_and_err_cases() {
    let venture = |name: &str| format!("id: cafe\nname: {name}\nstatus: active\n");

    // not-utf8: UTF-8 with accents is fine; a Latin-1 byte is not.
    let ok = Portfolio::minimal();
    ok.write("ventures/cafe.yaml", &venture("Café Crème"));
    assert_eq!(ok.findings(), []);
    let err = Portfolio::minimal();
    let mut latin1 = venture("Caf").into_bytes();
    latin1.insert(
        latin1.iter().position(|b| *b == b'\n').expect("a line") + 10,
        0xe9,
    );
    err.write_bytes("ventures/cafe.yaml", &latin1);
    assert_eq!(
        err.findings(),
        [(
            "not-utf8".to_string(),
            "ventures/cafe.yaml".to_string(),
            2,
            10
        )]
    );

    // file-too-large: exactly 1 MiB is read; one byte more is not.
    let sized = |bytes: usize| {
        let mut text = venture("Padded").into_bytes();
        text.extend_from_slice(b"# ");
        text.resize(bytes - 1, b'x');
        text.push(b'\n');
        text
    };
    let ok = Portfolio::minimal();
    ok.write_bytes("ventures/cafe.yaml", &sized(1024 * 1024));
    assert_eq!(ok.findings(), []);
    let err = Portfolio::minimal();
    err.write_bytes("ventures/cafe.yaml", &sized(1024 * 1024 + 1));
    assert_eq!(
        err.findings(),
        [(
            "file-too-large".to_string(),
            "ventures/cafe.yaml".to_string(),
            1,
            1
        )]
    );

    #[cfg(unix)]
    {
        // symlink: a link to a file that is not YAML is not read and not reported; a link to a
        // YAML file is reported.
        let ok = Portfolio::minimal();
        ok.write("notes.txt", "notes\n");
        std::os::unix::fs::symlink(ok.path("notes.txt"), ok.path("ventures-notes.txt"))
            .expect("a link");
        assert_eq!(ok.findings(), []);
        let err = Portfolio::minimal();
        err.write("elsewhere.txt", &venture("Linked"));
        std::fs::create_dir_all(err.path("ventures")).expect("a folder");
        std::os::unix::fs::symlink(err.path("elsewhere.txt"), err.path("ventures/cafe.yaml"))
            .expect("a link");
        assert_eq!(
            err.findings(),
            [(
                "symlink".to_string(),
                "ventures/cafe.yaml".to_string(),
                1,
                1
            )]
        );
    }
}

/// `folio diff` and `folio log` read only the files a change touches and the root files, and
/// judge whether a head can be approved by the findings in its root files. That is sound only
/// while those findings depend on the root files alone: for every rule's fixtures, the root
/// files give the same root findings whether the rest of the portfolio is there or not.
#[test]
fn findings_in_the_root_files_depend_on_the_root_files_alone() {
    let is_root = |file: &str| !file.contains('/');
    let mut problems = Vec::new();
    for (rule, case, bundle) in bundles() {
        let in_root = |found: BTreeSet<(String, String, u64)>| -> BTreeSet<_> {
            found
                .into_iter()
                .filter(|(_, file, _)| is_root(file))
                .collect()
        };
        let (_, whole) = findings_with(&bundle.files);
        let roots: Vec<(String, String)> = bundle
            .files
            .iter()
            .filter(|(path, _)| is_root(path))
            .cloned()
            .collect();
        let (_, alone) = findings_with(&roots);
        let (whole, alone) = (in_root(whole), in_root(alone));
        if whole != alone {
            problems.push(format!(
                "{rule}/{case}: {whole:?} with the whole portfolio, {alone:?} with its root files alone"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `folio report` reads a portfolio without the cross-file rules (`portfolio::read_model`):
/// its model must be the very model a check builds, for every fixture of every rule (broken
/// files, schema errors, duplicates, ignore globs…) and for the example portfolios.
#[test]
fn the_report_reads_the_model_a_check_builds() {
    use folio::portfolio::{AsOf, read_and_check, read_model};

    let as_of = AsOf::today(folio::model::date::Date::parse("2026-11-15").expect("a date"));
    // Every record the model holds, in order (its id indexes follow from them).
    let records = |model: &folio::model::Model| {
        format!(
            "{:?}",
            (
                &model.portfolio,
                &model.governance,
                &model.ventures,
                &model.assessments,
                &model.synergies,
                &model.conflicts,
                &model.initiatives,
                (
                    &model.resources,
                    &model.value_events,
                    &model.metrics,
                    &model.rollbacks
                ),
            )
        )
    };
    let same_model = |root: &std::path::Path, what: &str| {
        let checked = read_and_check(root, None, as_of).expect("a check");
        for named in [false, true] {
            let read = read_model(root, None, named).expect("a reading");
            assert_eq!(records(&read.model), records(&checked.model), "{what}");
            assert_eq!(read.files.len(), checked.loaded.files.len(), "{what}");
        }
    };
    let mut read = 0;
    for (rule, case, bundle) in bundles() {
        let portfolio = Portfolio::minimal();
        for (path, text) in &bundle.files {
            portfolio.write(path, text);
        }
        same_model(portfolio.root(), &format!("{rule}/{case}"));
        read += 1;
    }
    assert!(read > 60, "only {read} fixtures were read");
    for root in [
        "example-portfolio",
        "tests/fixtures/portfolios/hostile-names",
        "tests/fixtures/portfolios/mid-stage",
    ] {
        same_model(&repository().join(root), root);
    }
}
