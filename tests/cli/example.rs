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

/// Every field path a schema defines (`implementation/*/done`; `*` for list items and map
/// values), following local `$ref`s.
fn schema_paths(
    schema: &serde_json::Value,
    node: &serde_json::Value,
    prefix: &str,
    out: &mut std::collections::BTreeSet<String>,
) {
    let node = match node.get("$ref").and_then(|r| r.as_str()) {
        Some(reference) => schema
            .pointer(reference.trim_start_matches('#'))
            .unwrap_or(node),
        None => node,
    };
    if let Some(properties) = node.get("properties").and_then(|p| p.as_object()) {
        for (name, property) in properties {
            let path = format!("{prefix}{name}");
            out.insert(path.clone());
            schema_paths(schema, property, &format!("{path}/"), out);
        }
    }
    for keyword in ["items", "additionalProperties"] {
        if let Some(child) = node.get(keyword).filter(|child| child.is_object()) {
            schema_paths(schema, child, &format!("{prefix}*/"), out);
        }
    }
    for keyword in ["oneOf", "anyOf"] {
        for branch in node
            .get(keyword)
            .and_then(|b| b.as_array())
            .into_iter()
            .flatten()
        {
            schema_paths(schema, branch, prefix, out);
        }
    }
}

/// Every field path a document uses, written as `schema_paths` writes them.
fn document_paths(
    value: &serde_json::Value,
    prefix: &str,
    out: &mut std::collections::BTreeSet<String>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                let path = format!("{prefix}{key}");
                out.insert(path.clone());
                out.insert(format!("{prefix}*"));
                document_paths(child, &format!("{path}/"), out);
                document_paths(child, &format!("{prefix}*/"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                out.insert(format!("{prefix}*"));
                document_paths(item, &format!("{prefix}*/"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_example_uses_every_field_of_every_kind() {
    let files = folio::source::read_work_tree(&repository().join("example-portfolio"))
        .expect("the example");
    let loaded = folio::load::load(files);
    let mut missing = Vec::new();
    for kind in folio::kind::Kind::ALL {
        let schema: serde_json::Value = serde_json::from_str(kind.schema_text()).expect("a schema");
        let mut wanted = std::collections::BTreeSet::new();
        schema_paths(&schema, &schema, "", &mut wanted);
        // The walk reaches deep fields, through lists, maps and `$ref`s.
        let deep = match kind {
            folio::kind::Kind::Initiative => Some("implementation/*/done"),
            folio::kind::Kind::Governance => Some("roles/*/members/*/email"),
            folio::kind::Kind::Portfolio => {
                Some("thresholds/assessment_weights/resource_efficiency")
            }
            _ => None,
        };
        if let Some(path) = deep {
            assert!(wanted.contains(path), "{kind}: the walk misses {path}");
        }
        let mut used = std::collections::BTreeSet::new();
        for document in loaded.of_kind(kind) {
            document_paths(&document.root().to_json(), "", &mut used);
        }
        missing.extend(
            wanted
                .difference(&used)
                .map(|path| format!("{kind}: {path}")),
        );
    }
    assert!(missing.is_empty(), "the example never uses: {missing:#?}");
}
