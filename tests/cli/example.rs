//! The example portfolio is complete and clean.

use crate::support::{folio, repository};

#[test]
fn the_example_portfolio_passes_check_without_any_finding() {
    let output = folio()
        .args(["check", "--format", "json"])
        .arg(repository().join("example-portfolio"))
        .output()
        .expect("folio runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["findings"], serde_json::json!([]), "{report:#}");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn the_example_holds_every_kind_and_the_sops_coordination_plan() {
    let root = repository().join("example-portfolio");
    for kind in folio::kind::Kind::ALL {
        let present = match kind.folder() {
            Some(folder) => std::fs::read_dir(root.join(folder))
                .is_ok_and(|mut entries| entries.next().is_some()),
            None => root.join(format!("{}.yaml", kind.slug())).is_file(),
        };
        assert!(present, "the example has no {kind}");
    }
    let plan = std::fs::read_to_string(root.join("initiatives/AUTH-SHARED-001.yaml"))
        .expect("the SOP's coordination plan");
    for line in [
        "initiative_id: \"AUTH-SHARED-001\"",
        "name: \"Shared Authentication Service\"",
        "    deadline: \"2026-10-20\"",
        "    baseline: \"40 hours\"",
    ] {
        assert!(plan.contains(line), "AUTH-SHARED-001 lacks {line:?}");
    }
    let ventures = std::fs::read_dir(root.join("ventures"))
        .expect("ventures")
        .count();
    assert!(ventures >= 4);
}
