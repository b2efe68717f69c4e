//! Finding documents: folders decide kinds, streams hold several documents, hidden and ignored
//! files are skipped, and the identity rules hold across files.

use crate::support::{Portfolio, findings_of};

fn finding(rule: &str, file: &str, line: u64, column: u64) -> (String, String, u64, u64) {
    (rule.to_string(), file.to_string(), line, column)
}

const VENTURE: &str = "id: solar\nname: Solar\nstatus: active\n";
const INITIATIVE: &str = "initiative_id: AUTH\nname: Shared auth\nventures: [solar]\n\
value_proposition: One login\nimplementation: [{milestone: Design, deadline: 2026-10-20}]\n\
success_metrics: [{metric: Hours, target: 16}]\n";

#[test]
fn documents_are_found_by_folder_sub_folders_and_streams() {
    let portfolio = Portfolio::minimal();
    portfolio.write("ventures/energy/solar.yaml", VENTURE);
    portfolio.write("initiatives/AUTH.yaml", INITIATIVE);
    portfolio.write(
        "value/2026-q3.yaml",
        "id: v1\ninitiative: AUTH\ntype: cost-saved\namount: 10\nunit: usd\ndate: 2026-09-01\nevidence: invoice\n\
---\nid: v2\ninitiative: AUTH\ntype: revenue\ndate: 2026-09-31\nevidence: invoice\n",
    );
    // The second document of the stream is checked on its own, at its own lines.
    assert_eq!(
        portfolio.findings(),
        [
            finding("schema", "value/2026-q3.yaml", 9, 1),
            finding("schema", "value/2026-q3.yaml", 12, 7),
        ]
    );
}

#[test]
fn a_kind_field_must_agree_with_the_folder() {
    let portfolio = Portfolio::minimal();
    portfolio.write(
        "ventures/solar.yaml",
        &format!("kind: Initiative\n{VENTURE}"),
    );
    portfolio.write(
        "ventures/wind.yaml",
        "kind: Venture\nid: wind\nname: Wind\nstatus: active\n",
    );
    portfolio.write(
        "ventures/tide.yaml",
        "kind: venture\nid: tide\nname: Tide\nstatus: active\n",
    );
    assert_eq!(
        portfolio.findings(),
        [
            finding("kind-mismatch", "ventures/solar.yaml", 1, 7),
            // A misspelt name of the right kind is left to the schema's `const`.
            finding("schema", "ventures/tide.yaml", 1, 7),
        ]
    );
}

#[test]
fn hidden_files_are_skipped_and_stray_files_reported_unless_ignored() {
    let portfolio = Portfolio::empty();
    portfolio.write(
        "portfolio.yaml",
        "name: Test\nignore: [\"drafts/**\", \"*.tmp.yaml\"]\n",
    );
    portfolio.write("governance.yaml", crate::support::GOVERNANCE);
    portfolio.write(".github/workflows/ci.yaml", "on: push\n");
    portfolio.write("ventures/.draft.yaml", "not: [valid");
    portfolio.write("drafts/idea.yaml", "anything: goes\n");
    portfolio.write("ventures/solar.tmp.yaml", "anything: goes\n");
    portfolio.write("notes/stray.yaml", "x: 1\n");
    portfolio.write("ventures/README.md", "not YAML, not read\n");
    let (code, report) = portfolio.check_json();
    assert_eq!(
        findings_of(&report),
        [finding("unknown-location", "notes/stray.yaml", 1, 1)]
    );
    assert_eq!(code, 0, "a warning alone does not fail the check");
}

#[test]
fn a_broken_ignore_pattern_is_a_finding_at_the_pattern() {
    let portfolio = Portfolio::minimal();
    portfolio.write(
        "portfolio.yaml",
        "name: Test\nignore:\n  - \"drafts/**\"\n  - \"[unclosed\"\n",
    );
    assert_eq!(
        portfolio.findings(),
        [finding("invalid-glob", "portfolio.yaml", 4, 5)]
    );
}

#[test]
fn ids_are_unique_within_their_kind_and_match_their_file() {
    let portfolio = Portfolio::minimal();
    portfolio.write("ventures/solar.yaml", VENTURE);
    portfolio.write("ventures/energy/solar.yaml", VENTURE);
    portfolio.write(
        "ventures/wind.yaml",
        "id: gust\nname: Wind\nstatus: active\n",
    );
    // The same id in another kind is no clash.
    portfolio.write(
        "resources/solar.yaml",
        "id: solar\nname: Panels\ntype: infrastructure\nunit: units\ncapacity: 4\nallocations: {solar: 4}\n",
    );
    let (code, report) = portfolio.check_json();
    assert_eq!(
        findings_of(&report),
        [
            finding("duplicate-id", "ventures/solar.yaml", 1, 5),
            finding("id-filename-mismatch", "ventures/wind.yaml", 1, 5),
        ]
    );
    assert_eq!(code, 1);
    let message = report["findings"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.contains("ventures/energy/solar.yaml"), "{message}");
}

#[test]
fn portfolio_and_governance_are_required_and_single() {
    let portfolio = Portfolio::empty();
    portfolio.write("ventures/solar.yaml", VENTURE);
    let (code, report) = portfolio.check_json();
    assert_eq!(code, 1);
    assert_eq!(
        findings_of(&report),
        [
            finding("missing-governance", "governance.yaml", 1, 1),
            finding("missing-portfolio", "portfolio.yaml", 1, 1),
        ]
    );

    let portfolio = Portfolio::minimal();
    portfolio.write("portfolio.yaml", "name: One\n---\nname: Two\n");
    assert_eq!(
        portfolio.findings(),
        [finding("duplicate-id", "portfolio.yaml", 3, 1)]
    );

    let portfolio = Portfolio::minimal();
    portfolio.write("governance.yaml", "# nothing yet\n");
    assert_eq!(
        portfolio.findings(),
        [finding("missing-governance", "governance.yaml", 1, 1)]
    );
}
