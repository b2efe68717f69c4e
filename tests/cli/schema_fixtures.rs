//! Every schema's valid and invalid fixtures (`tests/fixtures/schema/KIND/*.yaml`). Each fixture
//! states what `folio check` must find in it, in `# expect: RULE LINE:COLUMN POINTER` lines (or
//! `# expect: nothing`); the test places it in a minimal portfolio and compares the findings of
//! the reading, schema and identity rules (the cross-file rules have fixtures of their own).

use std::collections::BTreeSet;

use crate::support::{GOVERNANCE, Portfolio, repository};

/// `(rule, line, column, pointer)`, as a fixture states it and as folio reports it.
type Expected = (String, u64, u64, String);

fn expectations(text: &str) -> BTreeSet<Expected> {
    text.lines()
        .filter_map(|line| line.strip_prefix("# expect: "))
        .filter(|rest| *rest != "nothing")
        .map(|rest| {
            let mut parts = rest.splitn(3, ' ');
            let rule = parts.next().expect("a rule").to_string();
            let (line, column) = parts
                .next()
                .and_then(|place| place.split_once(':'))
                .expect("LINE:COLUMN");
            let pointer = parts.next().unwrap_or_default().to_string();
            (
                rule,
                line.parse().expect("a line"),
                column.parse().expect("a column"),
                pointer,
            )
        })
        .collect()
}

#[test]
fn every_schema_fixture_gives_exactly_its_expected_findings() {
    let fixtures = repository().join("tests/fixtures/schema");
    let mut kinds = 0;
    let mut invalid = 0;
    let mut mismatches = Vec::new();
    for kind_dir in std::fs::read_dir(&fixtures).expect("fixture folders") {
        let kind_dir = kind_dir.expect("a folder").path();
        let slug = kind_dir
            .file_name()
            .and_then(|name| name.to_str())
            .expect("a name")
            .to_string();
        kinds += 1;
        let mut has_valid = false;
        let mut has_invalid = false;
        for fixture in std::fs::read_dir(&kind_dir).expect("fixtures") {
            let fixture = fixture.expect("a fixture").path();
            let name = fixture
                .file_name()
                .and_then(|name| name.to_str())
                .expect("a name")
                .to_string();
            let text = std::fs::read_to_string(&fixture).expect("readable");
            let expected = expectations(&text);
            assert!(
                text.contains("# expect:"),
                "{slug}/{name} states no expectation"
            );
            if expected.is_empty() {
                has_valid = true;
            } else {
                has_invalid = true;
                invalid += 1;
            }

            let portfolio = Portfolio::empty();
            let placed = match slug.as_str() {
                "portfolio" => "portfolio.yaml".to_string(),
                "governance" => "governance.yaml".to_string(),
                other => format!("{}/{}", folder_of(other), name),
            };
            if slug != "portfolio" {
                portfolio.write("portfolio.yaml", "name: Test Studio\n");
            }
            if slug != "governance" {
                portfolio.write("governance.yaml", GOVERNANCE);
            }
            portfolio.write(&placed, &text);

            let (code, report) = portfolio.check_json();
            let found: BTreeSet<Expected> = report["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .filter(|finding| is_single_file_rule(&finding["rule"]))
                .map(|finding| {
                    assert_eq!(finding["file"], placed.as_str(), "{slug}/{name}: {finding}");
                    (
                        finding["rule"].as_str().unwrap_or_default().to_string(),
                        finding["line"].as_u64().unwrap_or_default(),
                        finding["column"].as_u64().unwrap_or_default(),
                        finding["pointer"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect();
            if found != expected {
                mismatches.push(format!(
                    "{slug}/{name}: expected {expected:?}, found {found:?}\n{report:#}"
                ));
            }
            if !expected.is_empty() {
                assert_eq!(code, 1, "{slug}/{name}");
            }
        }
        assert!(
            has_valid && has_invalid,
            "{slug} needs valid and invalid fixtures"
        );
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
    assert_eq!(kinds, 11, "one fixture folder per kind");
    assert!(invalid >= 11);
}

/// Whether a finding's rule is about one file on its own: reading, schema or identity.
fn is_single_file_rule(rule: &serde_json::Value) -> bool {
    let rule = folio::rules::find(rule.as_str().unwrap_or_default()).expect("a known rule");
    matches!(
        rule.family,
        folio::rules::Family::Reading
            | folio::rules::Family::Schema
            | folio::rules::Family::Identity
    )
}

fn folder_of(slug: &str) -> &'static str {
    match slug {
        "venture" => "ventures",
        "assessment" => "assessments",
        "synergy" => "synergies",
        "conflict" => "conflicts",
        "initiative" => "initiatives",
        "resource" => "resources",
        "value-event" => "value",
        "metrics" => "metrics",
        "rollback" => "rollbacks",
        other => panic!("no folder for {other}"),
    }
}
