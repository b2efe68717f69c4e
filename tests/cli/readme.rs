//! The README stays true: its rule table is the registry's, and its two commands are the ones CI
//! and visitors run.

use crate::support::{folio, repository};

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

/// Set FOLIO_BLESS=1 to rewrite the table from the registry instead of failing.
#[test]
fn readme_rule_table_is_generated_from_the_registry() {
    let path = repository().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme.find(START).expect("the rules:start marker") + START.len();
    let end = readme.find(END).expect("the rules:end marker");
    let table = folio::rules::markdown_table();
    if std::env::var_os("FOLIO_BLESS").is_some() {
        let updated = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("write README.md");
        return;
    }
    assert_eq!(
        &readme[start..end],
        table,
        "the README's rule table is out of date: run FOLIO_BLESS=1 cargo test readme"
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
