//! The README stays true: its rule and decision tables are generated from the code, and its two
//! commands are the ones CI and visitors run.

use crate::support::{folio, repository};

/// Replaces (with FOLIO_BLESS=1) or checks the README's text between `<!-- NAME:start -->` and
/// `<!-- NAME:end -->` against `generated`.
fn generated_section(name: &str, generated: &str) {
    let path = repository().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (open, close) = (
        format!("<!-- {name}:start -->\n"),
        format!("<!-- {name}:end -->"),
    );
    let start = readme.find(&open).expect("the start marker") + open.len();
    let end = readme.find(&close).expect("the end marker");
    if std::env::var_os("FOLIO_BLESS").is_some() {
        let updated = format!("{}{generated}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("write README.md");
        return;
    }
    assert_eq!(
        &readme[start..end],
        generated,
        "the README's {name} table is out of date: run FOLIO_BLESS=1 cargo test readme"
    );
}

/// Set FOLIO_BLESS=1 to rewrite the table from the registry instead of failing.
#[test]
fn readme_rule_table_is_generated_from_the_registry() {
    generated_section("rules", &folio::rules::markdown_table());
}

/// The decision table is the decision types' own: their names, when each is made, its facts.
#[test]
fn readme_decision_table_is_generated_from_the_decision_types() {
    generated_section(
        "decisions",
        &folio::decisions::types::DecisionType::markdown_table(),
    );
}

#[test]
fn readme_starts_with_the_two_commands() {
    let readme = std::fs::read_to_string(repository().join("README.md")).expect("README.md");
    let commands: Vec<&str> = readme
        .lines()
        .take(6)
        .filter_map(|line| line.strip_prefix("    "))
        .collect();
    assert_eq!(
        commands,
        [
            "cargo run --locked -- check example-portfolio",
            "cargo test --locked"
        ]
    );
    let ci = std::fs::read_to_string(repository().join(".ci/run")).expect(".ci/run");
    assert!(
        ci.contains(commands[1]),
        ".ci/run runs the README's test command"
    );
}

#[test]
fn every_rule_is_explained() {
    for rule in folio::rules::RULES {
        let output = folio()
            .args(["explain", rule.name])
            .output()
            .expect("folio runs");
        assert_eq!(output.status.code(), Some(0));
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.starts_with(rule.name) && text.contains(&rule.documentation()),
            "{}",
            rule.name
        );
    }
    let listing = folio().arg("explain").output().expect("folio runs");
    let listing = String::from_utf8_lossy(&listing.stdout);
    assert_eq!(listing.lines().count(), folio::rules::RULES.len());
    folio().args(["explain", "no-such-rule"]).assert().code(2);
}
