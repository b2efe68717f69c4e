//! `folio init`: a new portfolio that checks clean and carries the SOP's decision rights.

use crate::support::{findings_of, folio, gates_json, repository};

#[test]
fn init_writes_a_clean_portfolio_with_the_sops_governance() {
    let parent = tempfile::tempdir().expect("a folder");
    let dir = parent.path().join("studio");
    folio().arg("init").arg(&dir).assert().code(0);
    for folder in [
        "ventures",
        "assessments",
        "synergies",
        "conflicts",
        "initiatives",
        "resources",
        "value",
        "metrics",
        "rollbacks",
    ] {
        assert!(dir.join(folder).is_dir(), "{folder}/ is created");
    }
    let output = folio()
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .expect("folio runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(findings_of(&report), []);
    assert_eq!(output.status.code(), Some(0));

    // Governance covers every decision type, with the SOP's conditions.
    let (_, gates) = gates_json(&dir, &[]);
    let governance = gates["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|result| result["id"] == "governance-established")
        .expect("the step");
    assert_eq!(governance["status"], "pass");
    let text = std::fs::read_to_string(dir.join("governance.yaml")).expect("governance.yaml");
    for line in [
        "when: \"budget > 10000\"",
        "when: \"shift_pct > 20\"",
        "when: \"amount > 50000\"",
        "when: \"escalated\"",
        // The SOP's escalation path and cadence, written with the groups the data names.
        "escalation: [initiative-owner, chairman, board]",
        "attendees: [initiative-owners]",
        "attendees: [chairman, venture-leads]",
        "- decision: amend-record",
    ] {
        assert!(text.contains(line), "governance.yaml lacks {line}");
    }
    let portfolio = std::fs::read_to_string(dir.join("portfolio.yaml")).expect("portfolio.yaml");
    assert!(portfolio.contains("name: \"studio\""));

    // The schemas, for editors, offline: each as `folio schema KIND` prints it, and a mapping
    // from every kind's files to its schema.
    let settings: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(".vscode/settings.json")).expect("settings"),
    )
    .expect("JSON");
    let mapping = settings["yaml.schemas"].as_object().expect("a mapping");
    assert_eq!(mapping.len(), 11);
    for kind in ["venture", "value-event", "governance"] {
        let printed = folio().args(["schema", kind]).output().expect("folio runs");
        let written = std::fs::read(dir.join(format!(".folio/schemas/{kind}.schema.json")))
            .expect("a schema file");
        assert_eq!(written, printed.stdout, "{kind}");
        let globs = &mapping[&format!("./.folio/schemas/{kind}.schema.json")];
        assert!(
            globs.as_array().is_some_and(|globs| !globs.is_empty()),
            "{kind}"
        );
    }
    assert_eq!(
        mapping["./.folio/schemas/venture.schema.json"],
        serde_json::json!(["ventures/**/*.yaml", "ventures/**/*.yml"])
    );

    // The workflows of a portfolio repository, as tested in templates/init/workflows/, judging
    // the portfolio at the repository's top folder.
    for (file, text) in folio::commands::init::WORKFLOWS {
        let written = std::fs::read_to_string(dir.join(".github/workflows").join(file))
            .unwrap_or_else(|_| panic!("{file} is written"));
        assert_eq!(written, text, "{file}");
        let template = repository().join("templates/init/workflows").join(file);
        assert_eq!(
            std::fs::read_to_string(template).expect("the template"),
            written
        );
    }
    let decisions = std::fs::read_to_string(dir.join(".github/workflows/folio-decisions.yml"))
        .expect("the decisions workflow");
    assert!(decisions.contains("  PORTFOLIO: \".\"\n"), "{decisions}");

    // It never overwrites.
    folio()
        .arg("init")
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not empty"));
}

/// Every workflow installs folio with folio's own action at this version's release, and every
/// workflow of templates/init/workflows/ is one that `folio init` writes.
#[test]
fn the_workflows_use_this_versions_release() {
    let manifest = std::fs::read_to_string(repository().join("Cargo.toml")).expect("Cargo.toml");
    let slug = manifest
        .lines()
        .find_map(|line| line.strip_prefix("repository = \"https://github.com/"))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("Cargo.toml names the repository on GitHub");
    let wanted = format!("uses: {slug}@v{}", env!("CARGO_PKG_VERSION"));
    let mut templates: Vec<String> =
        std::fs::read_dir(repository().join("templates/init/workflows"))
            .expect("the templates")
            .map(|entry| {
                entry
                    .expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
    templates.sort();
    let mut written: Vec<String> = folio::commands::init::WORKFLOWS
        .iter()
        .map(|(file, _)| file.to_string())
        .collect();
    written.sort();
    assert_eq!(templates, written);
    for (file, text) in folio::commands::init::WORKFLOWS {
        for line in text
            .lines()
            .filter(|line| line.contains(&format!("{slug}@")))
        {
            assert_eq!(line.trim().trim_start_matches("- "), wanted, "{file}");
        }
    }
    let installs = |file: &str| {
        folio::commands::init::WORKFLOWS
            .iter()
            .find(|(name, _)| *name == file)
            .is_some_and(|(_, text)| text.contains(&wanted))
    };
    for file in ["folio-check.yml", "folio-report.yml", "folio-decisions.yml"] {
        assert!(installs(file), "{file} installs folio with {wanted}");
    }
}
