//! The output formats of `folio check` and the exit codes.

use predicates::prelude::*;

use crate::support::{Portfolio, folio};

/// A portfolio with one error and one warning.
fn flawed() -> Portfolio {
    let portfolio = Portfolio::minimal();
    portfolio.write(
        "ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: actve\n",
    );
    portfolio.write("stray.yaml", "x: 1\n");
    portfolio
}

#[test]
fn human_output_shows_the_snippet_and_a_label_under_the_node() {
    let portfolio = flawed();
    let output = folio()
        .arg("check")
        .arg(portfolio.root())
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("ventures/solar.yaml:3:9: \"actve\" is not an allowed value"),
        "{text}"
    );
    assert!(text.contains("╭─[ventures/solar.yaml:3:9]"), "{text}");
    assert!(text.contains(" 3 │ status: actve"), "{text}");
    // The label sits under the value: five carets' worth of underline from column 9.
    assert!(text.contains("·         ──┬──"), "{text}");
    assert!(text.contains("╰── /status"), "{text}");
    assert!(text.contains("stray.yaml:1:1"), "{text}");
    assert!(
        text.contains("folio: 1 error(s), 1 warning(s), 0 advisory finding(s)"),
        "{text}"
    );
}

#[test]
fn json_output_has_the_documented_shape() {
    let (code, report) = flawed().check_json();
    assert_eq!(code, 1);
    assert_eq!(report["errors"], 1);
    assert_eq!(report["warnings"], 1);
    let first = &report["findings"][0];
    let keys: Vec<&str> = first
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "rule", "severity", "file", "line", "column", "pointer", "message", "help"
        ]
    );
    assert_eq!(first["severity"], "warning");
    assert_eq!(report["findings"][1]["pointer"], "/status");
}

#[test]
fn github_output_is_annotations_relative_to_the_current_directory() {
    let outer = Portfolio::empty();
    let inner = Portfolio::minimal();
    let root = outer.path("repo/portfolio");
    std::fs::create_dir_all(root.parent().expect("a parent")).expect("folders");
    std::fs::rename(inner.root(), &root).expect("move the portfolio");
    std::fs::write(root.join("stray.yaml"), "x: 1\n").expect("write");
    std::fs::create_dir_all(root.join("ventures")).expect("folder");
    std::fs::write(
        root.join("ventures/solar.yaml"),
        "id: solar\nname: Solar\nstatus: actve\n",
    )
    .expect("write");

    folio()
        .current_dir(outer.path("repo"))
        .args(["check", "portfolio", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "::error file=portfolio/ventures/solar.yaml,line=3,col=9,title=schema::\"actve\" is not an allowed value",
        ))
        .stdout(predicate::str::contains(
            "::warning file=portfolio/stray.yaml,line=1,col=1,title=unknown-location::",
        ));
}

#[test]
fn github_is_the_default_under_github_actions() {
    let portfolio = flawed();
    folio()
        .env("GITHUB_ACTIONS", "true")
        .current_dir(portfolio.root())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("::"))
        .stdout(predicate::str::contains(
            "file=ventures/solar.yaml,line=3,col=9",
        ));
}

#[test]
fn github_output_shows_ten_of_each_level_and_counts_the_rest() {
    let portfolio = Portfolio::minimal();
    for index in 0..15 {
        portfolio.write(
            &format!("ventures/v{index:02}.yaml"),
            &format!("id: v{index:02}\nname: V\nstatus: bad\n"),
        );
        portfolio.write(&format!("stray/s{index:02}.yaml"), "x: 1\n");
    }
    let output = folio()
        .current_dir(portfolio.root())
        .args(["check", "--format", "github"])
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        text.lines()
            .filter(|line| line.starts_with("::error "))
            .count(),
        10
    );
    assert_eq!(
        text.lines()
            .filter(|line| line.starts_with("::warning "))
            .count(),
        10
    );
    assert!(
        text.contains("::notice title=folio::5 more error(s), 5 more warning(s)"),
        "{text}"
    );
    assert!(text.contains("folio: 15 error(s), 15 warning(s)"), "{text}");
}

#[test]
fn exit_codes_say_clean_findings_or_could_not_run() {
    // 0: warnings alone.
    let portfolio = Portfolio::minimal();
    portfolio.write("stray.yaml", "x: 1\n");
    folio().arg("check").arg(portfolio.root()).assert().code(0);
    // 1: an error.
    folio().arg("check").arg(flawed().root()).assert().code(1);
    // 2: no such folder, a bad format, an unknown command or kind.
    folio()
        .args(["check", "/no/such/portfolio"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
    folio().args(["check", "--format", "xml"]).assert().code(2);
    folio().arg("bogus").assert().code(2);
    folio().args(["schema", "widget"]).assert().code(2);
}

#[test]
fn schema_prints_each_embedded_schema() {
    for kind in folio::kind::Kind::ALL {
        let output = folio()
            .args(["schema", kind.slug()])
            .output()
            .expect("folio runs");
        assert_eq!(output.status.code(), Some(0));
        let schema: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("a JSON schema");
        assert_eq!(schema["title"], kind.name());
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
    }
    folio()
        .args(["schema"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ValueEvent   value/"));
}

#[test]
fn sarif_output_has_what_github_code_scanning_requires() {
    let outer = Portfolio::empty();
    let portfolio_root = outer.path("portfolio");
    let inner = flawed();
    std::fs::rename(inner.root(), &portfolio_root).expect("move the portfolio");
    let output = folio()
        .current_dir(outer.root())
        .args(["check", "portfolio", "--format", "sarif"])
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "folio");
    let rules = driver["rules"].as_array().expect("rule descriptors");
    assert_eq!(rules.len(), folio::rules::RULES.len());
    for (descriptor, rule) in rules.iter().zip(folio::rules::RULES) {
        assert_eq!(descriptor["id"], rule.name);
        assert_ne!(descriptor["name"], rule.name, "a title, not the id again");
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary);
        assert!(
            descriptor["fullDescription"]["text"]
                .as_str()
                .is_some_and(|text| !text.is_empty())
        );
        assert!(
            descriptor["help"]["text"]
                .as_str()
                .is_some_and(|text| text.contains(rule.help))
        );
        let level = descriptor["defaultConfiguration"]["level"]
            .as_str()
            .expect("a level");
        assert!(["error", "warning", "note"].contains(&level));
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    for result in results {
        let id = result["ruleId"].as_str().expect("a ruleId");
        let index = result["ruleIndex"].as_u64().expect("a ruleIndex") as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex points at the rule");
        assert!(
            result["message"]["text"]
                .as_str()
                .is_some_and(|text| !text.is_empty())
        );
        let location = &result["locations"][0]["physicalLocation"];
        assert!(
            location["artifactLocation"]["uri"]
                .as_str()
                .is_some_and(|uri| uri.starts_with("portfolio/"))
        );
        assert!(
            location["region"]["startLine"]
                .as_u64()
                .is_some_and(|line| line >= 1)
        );
        assert!(
            location["region"]["startColumn"]
                .as_u64()
                .is_some_and(|column| column >= 1)
        );
    }
    let schema_error = results
        .iter()
        .find(|result| result["ruleId"] == "schema")
        .expect("the schema finding");
    let location = &schema_error["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "portfolio/ventures/solar.yaml"
    );
    assert_eq!(location["region"]["startLine"], 3);
    assert_eq!(location["region"]["startColumn"], 9);
    assert_eq!(location["region"]["endColumn"], 14);
    assert_eq!(schema_error["level"], "error");
}

/// `folio check --format sarif` on a portfolio, from its own folder: the parsed log.
fn sarif_of(portfolio: &Portfolio) -> serde_json::Value {
    let output = folio()
        .current_dir(portfolio.root())
        .args(["check", "--format", "sarif"])
        .output()
        .expect("folio runs");
    serde_json::from_slice(&output.stdout).expect("SARIF is JSON")
}

/// SARIF 2.1.0's JSON schema as OASIS publishes it (the standard with its first errata),
/// vendored from github.com/oasis-tcs/sarif-spec (sarif-2.1/schema/sarif-schema-2.1.0.json at
/// e0583813964ec43cea53b6b531b402866095ed1f) so that the test runs offline.
const SARIF_SCHEMA: &str = include_str!("../fixtures/sarif-schema-2.1.0.json");

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let schema: serde_json::Value = serde_json::from_str(SARIF_SCHEMA).expect("the schema");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    // Findings of every severity (an advisory is a note), and a clean portfolio.
    let portfolio = Portfolio::minimal();
    for (path, text) in folio::rules::CONTINUE_BELOW_VIABLE_SCORE.example_files() {
        portfolio.write(&path, &text);
    }
    portfolio.write("stray.yaml", "x: 1\n");
    portfolio.write(
        "ventures/zz-broken.yaml",
        "id: zz-broken\nname: Z\nstatus: actve\n",
    );
    let log = sarif_of(&portfolio);
    let levels: std::collections::BTreeSet<&str> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|result| result["level"].as_str())
        .collect();
    assert_eq!(
        levels,
        ["error", "note", "warning"].into_iter().collect(),
        "{log}"
    );
    for log in [log, sarif_of(&Portfolio::minimal())] {
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|error| format!("{} at {}", error, error.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The validator can fail: a level SARIF does not know, a help URI that is no URI.
    let mut broken = sarif_of(&portfolio);
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = sarif_of(&portfolio);
    broken["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "not a uri".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_rules_have_distinct_titles_and_their_documentation() {
    let log = sarif_of(&Portfolio::minimal());
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rule descriptors")
        .clone();
    let mut titles = std::collections::BTreeSet::new();
    for (descriptor, rule) in rules.iter().zip(folio::rules::RULES) {
        let title = descriptor["name"].as_str().expect("a name");
        assert!(
            title.starts_with(|c: char| c.is_ascii_uppercase())
                && title.chars().all(|c| c.is_ascii_alphanumeric()),
            "{title} is PascalCase"
        );
        assert_eq!(
            title.to_lowercase(),
            rule.name.replace('-', ""),
            "{title} is {} in PascalCase",
            rule.name
        );
        assert!(titles.insert(title.to_string()), "{title} is taken twice");
        let uri = descriptor["helpUri"].as_str().expect("a helpUri");
        assert_eq!(uri, format!("{}#rules", folio::rules::HOME));
        // The documentation travels inside the log: what `folio explain` prints.
        let documentation = rule.documentation();
        assert!(
            descriptor["help"]["text"]
                .as_str()
                .is_some_and(|text| text.contains(&documentation)),
            "{}",
            rule.name
        );
        assert_eq!(descriptor["help"]["markdown"], documentation.as_str());
        // What the rule checks: the documentation's opening paragraph, on one line.
        let opening = descriptor["fullDescription"]["text"]
            .as_str()
            .expect("a full description");
        assert!(
            !opening.is_empty() && documentation.replace('\n', " ").starts_with(opening),
            "{}",
            rule.name
        );
    }
    assert_eq!(titles.len(), folio::rules::RULES.len());
    let capacity = rules
        .iter()
        .find(|descriptor| descriptor["id"] == "allocation-over-capacity")
        .expect("the rule");
    assert_eq!(capacity["name"], "AllocationOverCapacity");
}
