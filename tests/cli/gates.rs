//! `folio gates`: every gate, step and trigger on both sides of its threshold, recurring value
//! over several dates, threshold overrides, the evaluation date, edge cases, `--require`, the
//! example portfolio and a portfolio in the middle of the stage.
//!
//! Most tests build a [`Studio`]: a complete portfolio whose figures sit exactly at the default
//! thresholds, so that it passes every gate; a test moves one figure one unit below and sees
//! which gates fail, and nothing else.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Value, json};

use crate::support::{Portfolio, folio, gates_json, repository};

/// Every result id of DESIGN.md "Gates", in its order, with its kind.
const GATES: [(&str, &str); 17] = [
    ("multiple-ventures-active", "entry"),
    ("data-integrated", "entry"),
    ("ventures-assessed", "step"),
    ("synergies-identified", "step"),
    ("conflicts-resolved", "step"),
    ("plans-created", "step"),
    ("resources-shared", "step"),
    ("governance-established", "step"),
    ("initiatives-launched", "step"),
    ("value-captured", "step"),
    ("benefits-measured", "step"),
    ("coordination-established", "exit"),
    ("synergies-captured", "exit"),
    ("portfolio-optimized", "exit"),
    ("conflicts-escalated", "rollback"),
    ("negative-synergy-value", "rollback"),
    ("performance-degraded", "rollback"),
];

/// The four decision rights of the SOP's governance playbook.
const SOP_RIGHTS: [&str; 4] = [
    "launch-initiative",
    "reallocate-resources",
    "sunset-venture",
    "resolve-conflict",
];

/// A metrics snapshot: `metrics/PERIOD.yaml`.
#[derive(Clone, Copy)]
struct Snapshot {
    period: &'static str,
    baseline: bool,
    revenue: f64,
    cost: f64,
    effort_hours: f64,
}

const fn snapshot(period: &'static str, revenue: f64, cost: f64, effort_hours: f64) -> Snapshot {
    Snapshot {
        period,
        baseline: false,
        revenue,
        cost,
        effort_hours,
    }
}

/// The baseline of every studio: 1000 of everything, so that one unit is 0.1%.
const BASELINE: Snapshot = Snapshot {
    period: "2026-08",
    baseline: true,
    revenue: 1000.0,
    cost: 1000.0,
    effort_hours: 1000.0,
};

/// The current snapshot with revenue, cost and duplicate effort as given.
fn current(revenue: f64, cost: f64, effort_hours: f64) -> Vec<Snapshot> {
    vec![BASELINE, snapshot("2026-11", revenue, cost, effort_hours)]
}

/// A value event `value/VE-n.yaml` for the initiative `INIT-{initiative + 1}`.
#[derive(Clone, Copy)]
struct Event {
    initiative: usize,
    amount: f64,
    unit: &'static str,
    date: &'static str,
}

const fn event(initiative: usize, amount: f64, unit: &'static str, date: &'static str) -> Event {
    Event {
        initiative,
        amount,
        unit,
        date,
    }
}

/// A portfolio written from its figures. Ventures are `venture-1…n` (active), `paused-venture`
/// and `sunset-venture`; every cross-reference names `venture-1` and `paused-venture`, which
/// always exist. Initiatives are `INIT-1…`, conflicts `CON-1…`, value events `VE-1…`.
#[derive(Clone)]
struct Studio {
    as_of: Option<&'static str>,
    /// portfolio.yaml's `stage_started`: day 1 of the 30-day schedule.
    stage_started: Option<&'static str>,
    /// Lines under `thresholds:` in portfolio.yaml, each indented by two spaces.
    thresholds: &'static str,
    active_ventures: usize,
    /// How many active ventures, from the last, have no assessment.
    unassessed: usize,
    dashboard: Option<&'static str>,
    metrics_consolidated: bool,
    synergies_documented: bool,
    chairman_access: bool,
    decision_types: Vec<&'static str>,
    /// governance.yaml writes an escalation path and a meeting cadence.
    escalation: bool,
    cadence: bool,
    synergies: usize,
    /// The status of each conflict.
    conflicts: Vec<&'static str>,
    /// The status of each initiative.
    initiatives: Vec<&'static str>,
    /// Indexes of initiatives without an owner.
    unowned: Vec<usize>,
    /// Indexes of initiatives without `approved_by`.
    unapproved: Vec<usize>,
    /// The one resource, `shared-infra`: its capacity and allocations.
    capacity: f64,
    allocations: Vec<(&'static str, f64)>,
    resource_approved: bool,
    value: Vec<Event>,
    metrics: Vec<Snapshot>,
    /// Rules whose errors `folio check` is expected to report for this portfolio.
    expected_errors: Vec<&'static str>,
}

impl Studio {
    /// Every figure exactly at its default threshold, or just on the passing side of it.
    fn complete() -> Studio {
        Studio {
            as_of: Some("2026-11-15"),
            stage_started: None,
            thresholds: "",
            // min_active_ventures: 2
            active_ventures: 2,
            unassessed: 0,
            dashboard: Some("https://metabase.example/dashboard/1"),
            metrics_consolidated: true,
            synergies_documented: true,
            chairman_access: true,
            decision_types: SOP_RIGHTS.to_vec(),
            escalation: true,
            cadence: true,
            synergies: 1,
            // Four resolved: one more unresolved conflict leaves the rate at 80%.
            conflicts: vec!["resolved"; 4],
            // min_plans: 5, min_launched_initiatives: 3
            initiatives: vec!["launched", "in-progress", "completed", "planned", "planned"],
            unowned: vec![],
            unapproved: vec![],
            // Shared by two ventures, allocated exactly to capacity.
            capacity: 100.0,
            allocations: vec![("venture-1", 50.0), ("paused-venture", 50.0)],
            resource_approved: true,
            // min_value_usd: 10000, min_value_hours: 100
            value: vec![
                event(0, 10_000.0, "usd", "2026-10-15"),
                event(0, 100.0, "hours", "2026-10-15"),
            ],
            // +10% revenue, -10% cost, -20% duplicate effort
            metrics: current(1100.0, 900.0, 800.0),
            expected_errors: vec![],
        }
    }

    fn write(&self) -> Portfolio {
        let portfolio = Portfolio::empty();
        portfolio.write("portfolio.yaml", &self.portfolio_yaml());
        portfolio.write("governance.yaml", &self.governance_yaml());
        let active = (1..=self.active_ventures).map(|n| (format!("venture-{n}"), "active"));
        let others = [("paused-venture", "paused"), ("sunset-venture", "sunset")]
            .map(|(id, status)| (id.to_string(), status));
        for (id, status) in active.chain(others) {
            portfolio.write(
                &format!("ventures/{id}.yaml"),
                &format!("id: {id}\nname: \"Venture {id}\"\nstatus: {status}\n"),
            );
        }
        for n in 1..=self.active_ventures - self.unassessed.min(self.active_ventures) {
            portfolio.write(
                &format!("assessments/venture-{n}.yaml"),
                &format!(
                    "venture: venture-{n}\ndate: 2026-10-01\nscores: {{strategic_fit: 4, \
                     financial_health: 4, growth_potential: 4, resource_efficiency: 4}}\n\
                     recommendation: continue\n"
                ),
            );
        }
        for n in 1..=self.synergies {
            portfolio.write(
                &format!("synergies/SYN-{n}.yaml"),
                &format!(
                    "id: SYN-{n}\ntitle: \"Synergy {n}\"\ncategory: technology\n\
                     ventures: [venture-1, paused-venture]\nvalue_potential: 3\n\
                     implementation_effort: 3\nstrategic_importance: 3\n"
                ),
            );
        }
        for (index, status) in self.conflicts.iter().enumerate() {
            let n = index + 1;
            let resolution = if *status == "resolved" {
                "strategy: time-sharing\nresolution: \"Alternate weeks\"\nresolved_on: 2026-10-10\n"
            } else {
                ""
            };
            portfolio.write(
                &format!("conflicts/CON-{n}.yaml"),
                &format!(
                    "id: CON-{n}\ntitle: \"Conflict {n}\"\ntype: talent\n\
                     ventures: [venture-1, paused-venture]\nstatus: {status}\n{resolution}"
                ),
            );
        }
        for (index, status) in self.initiatives.iter().enumerate() {
            let n = index + 1;
            let mut text = format!(
                "initiative_id: INIT-{n}\nname: \"Initiative {n}\"\n\
                 ventures: [venture-1, paused-venture]\nvalue_proposition: \"Do it once\"\n\
                 implementation:\n  - milestone: \"Start\"\n    deadline: 2026-12-01\n\
                 success_metrics:\n  - metric: \"Hours saved\"\n    target: 10\nstatus: {status}\n"
            );
            if !self.unowned.contains(&index) {
                let _ = writeln!(text, "owner: \"Owner {n}\"");
            }
            if !self.unapproved.contains(&index) {
                text.push_str("approved_by: chairman\n");
            }
            portfolio.write(&format!("initiatives/INIT-{n}.yaml"), &text);
        }
        let mut resource = format!(
            "id: shared-infra\nname: \"Shared infrastructure\"\ntype: infrastructure\n\
             unit: units\ncapacity: {}\nallocations:\n",
            self.capacity
        );
        for (venture, amount) in &self.allocations {
            let _ = writeln!(resource, "  {venture}: {amount}");
        }
        if self.resource_approved {
            resource.push_str("approved_by: chairman\n");
        }
        portfolio.write("resources/shared-infra.yaml", &resource);
        for (index, event) in self.value.iter().enumerate() {
            let n = index + 1;
            let kind = if event.unit.starts_with("usd") {
                "cost-saved"
            } else {
                "time-saved"
            };
            portfolio.write(
                &format!("value/VE-{n}.yaml"),
                &format!(
                    "id: VE-{n}\ninitiative: INIT-{}\ntype: {kind}\namount: {}\nunit: {}\n\
                     date: {}\nevidence: \"Invoice {n}\"\n",
                    event.initiative + 1,
                    event.amount,
                    event.unit,
                    event.date
                ),
            );
        }
        for snapshot in &self.metrics {
            portfolio.write(
                &format!("metrics/{}.yaml", snapshot.period),
                &format!(
                    "period: \"{}\"\nbaseline: {}\nrevenue_monthly: {}\nresource_cost_monthly: {}\n\
                     duplicate_effort_hours_monthly: {}\n",
                    snapshot.period,
                    snapshot.baseline,
                    snapshot.revenue,
                    snapshot.cost,
                    snapshot.effort_hours
                ),
            );
        }
        portfolio
    }

    fn portfolio_yaml(&self) -> String {
        let mut text = String::from("name: \"Gate Studio\"\n");
        if let Some(as_of) = self.as_of {
            let _ = writeln!(text, "as_of: {as_of}");
        }
        if let Some(stage_started) = self.stage_started {
            let _ = writeln!(text, "stage_started: {stage_started}");
        }
        text.push_str("entry:\n");
        if let Some(dashboard) = self.dashboard {
            let _ = writeln!(text, "  dashboard: \"{dashboard}\"");
        }
        let _ = writeln!(
            text,
            "  metrics_consolidated: {}\n  synergies_documented: {}\n  chairman_access: {}",
            self.metrics_consolidated, self.synergies_documented, self.chairman_access
        );
        if !self.thresholds.is_empty() {
            let _ = write!(text, "thresholds:\n{}", self.thresholds);
        }
        text
    }

    fn governance_yaml(&self) -> String {
        let mut text = String::from(
            "roles:\n  chairman:\n    members: [{name: Elena, github: emarsh}]\n  \
             board:\n    members: [{name: Tomas, github: taguilar}]\ndecision_rights:",
        );
        if self.decision_types.is_empty() {
            text.push_str(" []");
        }
        text.push('\n');
        for decision in &self.decision_types {
            let _ = writeln!(
                text,
                "  - decision: {decision}\n    authority: chairman\n    approvals:\n      - role: chairman"
            );
        }
        if self.escalation {
            text.push_str("escalation: [initiative-owner, chairman, board]\n");
        }
        if self.cadence {
            text.push_str(
                "cadence:\n  - {meeting: Portfolio review, every: month, attendees: [chairman, venture-leads]}\n",
            );
        }
        text
    }
}

/// Each result's id, status and summary, one a line: for failure messages.
fn table(report: &Value) -> String {
    let mut text = format!("as of {}\n", report["as_of"]);
    for result in report["results"].as_array().into_iter().flatten() {
        let _ = writeln!(
            text,
            "{:26} {:9} {}",
            result["id"].as_str().unwrap_or_default(),
            result["status"].as_str().unwrap_or_default(),
            result["summary"].as_str().unwrap_or_default()
        );
    }
    text
}

/// The result with this id.
fn result<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["results"]
        .as_array()
        .and_then(|results| results.iter().find(|result| result["id"] == id))
        .unwrap_or_else(|| panic!("no result {id:?} in {report:#}"))
}

fn evidence<'a>(report: &'a Value, id: &str) -> &'a Value {
    &result(report, id)["evidence"]
}

/// Asserts that the results come in DESIGN.md's order, each of its kind, and that every one
/// passes but those listed, which have the status given.
fn assert_statuses(report: &Value, not_passing: &[(&str, &str)]) {
    for (id, _) in not_passing {
        assert!(
            GATES.iter().any(|(gate, _)| gate == id),
            "no gate {id:?}: a typo in the test"
        );
    }
    let actual: Vec<(&str, &str, &str)> = report["results"]
        .as_array()
        .expect("a results list")
        .iter()
        .map(|result| {
            (
                result["id"].as_str().unwrap_or_default(),
                result["kind"].as_str().unwrap_or_default(),
                result["status"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let expected: Vec<(&str, &str, &str)> = GATES
        .iter()
        .map(|(id, kind)| {
            let status = not_passing
                .iter()
                .find(|(gate, _)| gate == id)
                .map_or("pass", |(_, status)| *status);
            (*id, *kind, status)
        })
        .collect();
    assert_eq!(actual, expected, "\n{}", table(report));
}

/// Writes the studio, asserts that `folio check` finds no error but the expected ones, runs
/// `folio gates --format json ARGS` (exit 0: nothing is required) and asserts the statuses.
fn evaluate_with(studio: &Studio, args: &[&str], not_passing: &[(&str, &str)]) -> Value {
    let portfolio = studio.write();
    let (_, check) = portfolio.check_json();
    let mut errors: Vec<&str> = check["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|finding| finding["severity"] == "error")
        .filter_map(|finding| finding["rule"].as_str())
        .collect();
    errors.dedup();
    assert_eq!(errors, studio.expected_errors, "folio check: {check:#}");
    let (code, report) = portfolio.gates_json(args);
    assert_eq!(
        code,
        0,
        "gates without --require exits 0\n{}",
        table(&report)
    );
    assert_statuses(&report, not_passing);
    report
}

fn evaluate(studio: &Studio, not_passing: &[(&str, &str)]) -> Value {
    evaluate_with(studio, &[], not_passing)
}

/// Whether a JSON number is within 1e-6 of `expected`.
fn close(value: &Value, expected: f64) -> bool {
    value
        .as_f64()
        .is_some_and(|value| (value - expected).abs() < 1e-6)
}

/// The exit code of `folio gates ROOT --require WHICH`, in the human format.
fn require(portfolio: &Portfolio, which: &str) -> Option<i32> {
    folio()
        .arg("gates")
        .arg(portfolio.root())
        .args(["--require", which])
        .output()
        .expect("folio runs")
        .status
        .code()
}

#[test]
fn the_complete_studio_is_clean_and_passes_every_gate_at_its_thresholds() {
    let portfolio = Studio::complete().write();
    let (code, check) = portfolio.check_json();
    assert_eq!(check["findings"], json!([]), "{check:#}");
    assert_eq!(code, 0);

    let (code, report) = portfolio.gates_json(&[]);
    assert_eq!(code, 0);
    assert_eq!(report["as_of"], "2026-11-15");
    assert_statuses(&report, &[]);
    let metrics = &report["metrics"];
    assert_eq!(metrics["active_ventures"], 2, "{metrics:#}");
    assert_eq!(metrics["plans"], 5);
    assert_eq!(metrics["launched_initiatives"], 3);
    assert!(close(&metrics["value_usd"], 10_000.0), "{metrics:#}");
    assert!(close(&metrics["value_hours"], 100.0), "{metrics:#}");
    assert!(close(&metrics["revenue_growth_pct"], 10.0), "{metrics:#}");
    assert!(close(&metrics["cost_reduction_pct"], 10.0), "{metrics:#}");
    assert!(
        close(&metrics["duplicate_effort_reduction_pct"], 20.0),
        "{metrics:#}"
    );
    assert!(
        close(&metrics["conflict_resolution_rate_pct"], 100.0),
        "{metrics:#}"
    );

    assert_eq!(require(&portfolio, "entry"), Some(0));
    assert_eq!(require(&portfolio, "exit"), Some(0));
}

#[test]
fn multiple_ventures_active_needs_min_active_ventures_active_ones() {
    // Two active, one paused and one sunset: only the active ones count.
    let at = evaluate(&Studio::complete(), &[]);
    let evidence_at = evidence(&at, "multiple-ventures-active");
    assert_eq!(evidence_at["active_ventures"], 2);
    assert_eq!(evidence_at["threshold"], 2);
    assert_eq!(evidence_at["ventures"], json!(["venture-1", "venture-2"]));
    assert_eq!(
        evidence_at["files"],
        json!(["ventures/venture-1.yaml", "ventures/venture-2.yaml"])
    );

    let below = evaluate(
        &Studio {
            active_ventures: 1,
            ..Studio::complete()
        },
        &[("multiple-ventures-active", "fail")],
    );
    let evidence_below = evidence(&below, "multiple-ventures-active");
    assert_eq!(evidence_below["active_ventures"], 1);
    assert_eq!(evidence_below["files"], json!(["ventures/venture-1.yaml"]));
    assert_eq!(below["metrics"]["active_ventures"], 1);
}

#[test]
fn data_integrated_needs_the_dashboard_and_all_three_entry_booleans() {
    let at = evaluate(&Studio::complete(), &[]);
    assert_eq!(evidence(&at, "data-integrated")["missing"], json!([]));
    assert_eq!(
        evidence(&at, "data-integrated")["files"],
        json!(["portfolio.yaml"])
    );

    let cases = [
        (
            "dashboard",
            Studio {
                dashboard: None,
                ..Studio::complete()
            },
        ),
        (
            "dashboard",
            Studio {
                dashboard: Some("   "),
                ..Studio::complete()
            },
        ),
        (
            "metrics_consolidated",
            Studio {
                metrics_consolidated: false,
                ..Studio::complete()
            },
        ),
        (
            "synergies_documented",
            Studio {
                synergies_documented: false,
                ..Studio::complete()
            },
        ),
        (
            "chairman_access",
            Studio {
                chairman_access: false,
                ..Studio::complete()
            },
        ),
    ];
    for (missing, studio) in cases {
        let report = evaluate(&studio, &[("data-integrated", "fail")]);
        let evidence = evidence(&report, "data-integrated");
        assert_eq!(evidence["missing"], json!([missing]), "{evidence:#}");
        assert_eq!(evidence["files"], json!(["portfolio.yaml"]));
    }
}

#[test]
fn ventures_assessed_needs_an_assessment_of_every_active_venture() {
    // The paused and sunset ventures have none, and need none.
    let at = evaluate(&Studio::complete(), &[]);
    let evidence_at = evidence(&at, "ventures-assessed");
    assert_eq!(evidence_at["assessed"], 2);
    assert_eq!(evidence_at["not_assessed"], json!([]));

    let below = evaluate(
        &Studio {
            unassessed: 1,
            ..Studio::complete()
        },
        &[("ventures-assessed", "fail")],
    );
    let evidence_below = evidence(&below, "ventures-assessed");
    assert_eq!(evidence_below["active_ventures"], 2);
    assert_eq!(evidence_below["assessed"], 1);
    assert_eq!(evidence_below["not_assessed"], json!(["venture-2"]));
    assert_eq!(
        evidence_below["files"],
        json!(["assessments/venture-1.yaml"])
    );
}

#[test]
fn synergies_identified_needs_one_synergy() {
    let at = evaluate(&Studio::complete(), &[]);
    assert_eq!(evidence(&at, "synergies-identified")["synergies"], 1);
    assert_eq!(
        evidence(&at, "synergies-identified")["files"],
        json!(["synergies/SYN-1.yaml"])
    );

    let below = evaluate(
        &Studio {
            synergies: 0,
            ..Studio::complete()
        },
        &[("synergies-identified", "fail")],
    );
    assert_eq!(evidence(&below, "synergies-identified")["synergies"], 0);
}

#[test]
fn conflicts_resolved_fails_on_an_open_or_an_escalated_conflict_and_names_its_file() {
    for status in ["open", "escalated"] {
        let mut conflicts = vec!["resolved"; 4];
        conflicts.insert(2, status);
        let report = evaluate(
            &Studio {
                conflicts,
                ..Studio::complete()
            },
            &[("conflicts-resolved", "fail")],
        );
        let evidence = evidence(&report, "conflicts-resolved");
        assert_eq!(evidence["conflicts"], 5);
        assert_eq!(evidence["unresolved"], json!([format!("CON-3 ({status})")]));
        assert_eq!(evidence["files"], json!(["conflicts/CON-3.yaml"]));
    }
}

#[test]
fn plans_created_needs_min_plans_initiatives_with_a_plan() {
    let at = evaluate(&Studio::complete(), &[]);
    assert_eq!(evidence(&at, "plans-created")["plans"], 5);
    assert_eq!(evidence(&at, "plans-created")["threshold"], 5);

    let below = evaluate(
        &Studio {
            initiatives: vec!["launched", "in-progress", "completed", "planned"],
            ..Studio::complete()
        },
        &[("plans-created", "fail")],
    );
    let evidence = evidence(&below, "plans-created");
    assert_eq!(evidence["plans"], 4);
    assert_eq!(
        evidence["files"],
        json!([
            "initiatives/INIT-1.yaml",
            "initiatives/INIT-2.yaml",
            "initiatives/INIT-3.yaml",
            "initiatives/INIT-4.yaml"
        ])
    );
    assert_eq!(below["metrics"]["plans"], 4);
}

#[test]
fn resources_shared_needs_a_resource_shared_by_two_ventures_and_none_over_capacity() {
    // Allocated exactly to capacity: shared, not over.
    let at = evaluate(&Studio::complete(), &[]);
    assert_eq!(
        evidence(&at, "resources-shared")["shared"],
        json!(["shared-infra"])
    );
    assert_eq!(
        evidence(&at, "resources-shared")["over_capacity"],
        json!([])
    );

    for allocations in [
        vec![("venture-1", 100.0)],
        vec![("venture-1", 100.0), ("paused-venture", 0.0)],
    ] {
        let report = evaluate(
            &Studio {
                allocations,
                ..Studio::complete()
            },
            &[("resources-shared", "fail")],
        );
        assert_eq!(evidence(&report, "resources-shared")["shared"], json!([]));
    }

    // One unit over capacity: folio check reports it, and the step fails.
    let over = evaluate(
        &Studio {
            allocations: vec![("venture-1", 50.0), ("paused-venture", 51.0)],
            expected_errors: vec!["allocation-over-capacity"],
            ..Studio::complete()
        },
        &[("resources-shared", "fail")],
    );
    let evidence = evidence(&over, "resources-shared");
    assert_eq!(evidence["over_capacity"], json!(["shared-infra"]));
    assert_eq!(evidence["files"], json!(["resources/shared-infra.yaml"]));
}

#[test]
fn governance_established_needs_the_sops_four_rights_an_escalation_path_and_a_cadence() {
    let at = evaluate(&Studio::complete(), &[]);
    let evidence_at = evidence(&at, "governance-established");
    assert_eq!(evidence_at["missing_rights"], json!([]));
    assert_eq!(
        evidence_at["escalation"],
        json!(["initiative-owner", "chairman", "board"])
    );
    assert_eq!(evidence_at["meetings"], 1);
    // Every type without a right of its own falls back to the chairman, and says so.
    assert_eq!(
        evidence_at["defaults_to_chairman"],
        json!([
            "change-initiative-budget",
            "add-venture",
            "change-venture-status",
            "escalate-conflict",
            "record-approval",
            "change-thresholds",
            "change-governance",
            "declare-rollback",
            "amend-record"
        ])
    );

    let failing = [
        ("governance-established", "fail"),
        ("coordination-established", "fail"),
    ];
    for missing in SOP_RIGHTS {
        let decision_types: Vec<&str> = SOP_RIGHTS
            .into_iter()
            .filter(|decision| *decision != missing)
            .collect();
        let report = evaluate(
            &Studio {
                decision_types,
                ..Studio::complete()
            },
            &failing,
        );
        let evidence = evidence(&report, "governance-established");
        assert_eq!(evidence["missing_rights"], json!([missing]));
        assert_eq!(evidence["files"], json!(["governance.yaml"]));
        assert_eq!(
            self::evidence(&report, "coordination-established")["governance_established"],
            false
        );
    }
    let without_escalation = evaluate(
        &Studio {
            escalation: false,
            ..Studio::complete()
        },
        &failing,
    );
    assert_eq!(
        result(&without_escalation, "governance-established")["summary"],
        "no escalation path"
    );
    let without_cadence = evaluate(
        &Studio {
            cadence: false,
            ..Studio::complete()
        },
        &failing,
    );
    assert_eq!(
        result(&without_cadence, "governance-established")["summary"],
        "no meeting cadence"
    );
}

#[test]
fn coordination_established_failing_on_governance_names_governance_yaml() {
    let mut decision_types = SOP_RIGHTS.to_vec();
    decision_types.retain(|decision| *decision != "resolve-conflict");
    let report = evaluate(
        &Studio {
            decision_types,
            ..Studio::complete()
        },
        &[
            ("governance-established", "fail"),
            ("coordination-established", "fail"),
        ],
    );
    assert_eq!(
        evidence(&report, "coordination-established")["files"],
        json!(["governance.yaml"])
    );
}

#[test]
fn initiatives_launched_counts_launched_in_progress_and_completed_ones() {
    let at = evaluate(&Studio::complete(), &[]);
    let evidence_at = evidence(&at, "initiatives-launched");
    assert_eq!(evidence_at["launched"], 3);
    assert_eq!(evidence_at["threshold"], 3);
    assert_eq!(
        evidence_at["initiatives"],
        json!(["INIT-1", "INIT-2", "INIT-3"])
    );

    // A paused or terminated initiative is no longer launched.
    for status in ["paused", "terminated", "planned"] {
        let report = evaluate(
            &Studio {
                initiatives: vec!["launched", "in-progress", status, "planned", "planned"],
                ..Studio::complete()
            },
            &[
                ("initiatives-launched", "fail"),
                ("synergies-captured", "fail"),
            ],
        );
        let evidence = evidence(&report, "initiatives-launched");
        assert_eq!(evidence["launched"], 2, "with a {status} initiative");
        assert_eq!(
            evidence["files"],
            json!(["initiatives/INIT-1.yaml", "initiatives/INIT-2.yaml"])
        );
        assert_eq!(report["metrics"]["launched_initiatives"], 2);
        assert_eq!(
            self::evidence(&report, "synergies-captured")["initiatives_launched"],
            false
        );
    }
}

#[test]
fn a_launched_initiative_without_an_owner_fails_the_step_and_coordination() {
    let report = evaluate(
        &Studio {
            unowned: vec![1],
            expected_errors: vec!["launched-without-owner"],
            ..Studio::complete()
        },
        &[
            ("initiatives-launched", "fail"),
            ("coordination-established", "fail"),
            ("synergies-captured", "fail"),
        ],
    );
    assert_eq!(
        evidence(&report, "initiatives-launched")["without_owner"],
        json!(["INIT-2"])
    );
    let coordination = evidence(&report, "coordination-established");
    assert_eq!(coordination["launched_without_owner"], json!(["INIT-2"]));
    assert_eq!(coordination["files"], json!(["initiatives/INIT-2.yaml"]));

    // A planned initiative needs no owner yet.
    evaluate(
        &Studio {
            unowned: vec![3],
            ..Studio::complete()
        },
        &[],
    );
}

#[test]
fn value_captured_needs_min_value_usd_in_money_or_min_value_hours_in_hours() {
    let money = |usd, hours| Studio {
        value: vec![
            event(0, usd, "usd", "2026-10-15"),
            event(1, hours, "hours", "2026-10-15"),
        ],
        ..Studio::complete()
    };
    let failed = [("value-captured", "fail"), ("synergies-captured", "fail")];

    // Money at its threshold, hours one below; then money one below too.
    let at = evaluate(&money(10_000.0, 99.0), &[]);
    let evidence_at = evidence(&at, "value-captured");
    assert!(
        close(&evidence_at["value_usd"], 10_000.0),
        "{evidence_at:#}"
    );
    assert!(close(&evidence_at["value_hours"], 99.0), "{evidence_at:#}");
    assert!(close(&evidence_at["threshold_usd"], 10_000.0));
    assert!(close(&evidence_at["threshold_hours"], 100.0));
    assert_eq!(
        evidence_at["files"],
        json!(["value/VE-1.yaml", "value/VE-2.yaml"])
    );
    let below = evaluate(&money(9_999.0, 99.0), &failed);
    assert!(close(
        &evidence(&below, "value-captured")["value_usd"],
        9_999.0
    ));
    assert_eq!(
        evidence(&below, "synergies-captured")["value_captured"],
        false
    );

    // Hours at their threshold with money one below.
    let hours = evaluate(&money(9_999.0, 100.0), &[]);
    assert!(close(&hours["metrics"]["value_hours"], 100.0));
}

#[test]
fn benefits_measured_needs_a_baseline_and_a_current_snapshot() {
    let at = evaluate(&Studio::complete(), &[]);
    let evidence_at = evidence(&at, "benefits-measured");
    assert_eq!(evidence_at["baseline"], "2026-08");
    assert_eq!(evidence_at["current"], "2026-11");
    assert_eq!(
        evidence_at["files"],
        json!(["metrics/2026-08.yaml", "metrics/2026-11.yaml"])
    );

    // The current snapshot is the latest one that is not the baseline.
    let mut metrics = current(1100.0, 900.0, 800.0);
    metrics.insert(1, snapshot("2026-09", 1200.0, 2000.0, 2000.0));
    let latest = evaluate(
        &Studio {
            metrics,
            ..Studio::complete()
        },
        &[],
    );
    assert_eq!(evidence(&latest, "benefits-measured")["current"], "2026-11");
    assert_eq!(latest["metrics"]["current_period"], "2026-11");

    let failed = [
        ("benefits-measured", "fail"),
        ("synergies-captured", "fail"),
        ("portfolio-optimized", "fail"),
    ];
    let baseline_only = evaluate(
        &Studio {
            metrics: vec![BASELINE],
            ..Studio::complete()
        },
        &failed,
    );
    let evidence_baseline = evidence(&baseline_only, "benefits-measured");
    assert_eq!(evidence_baseline["current"], Value::Null);
    assert_eq!(evidence_baseline["files"], json!(["metrics/2026-08.yaml"]));

    // Without a baseline (check warns: baseline-missing) nothing can be measured either.
    let no_baseline = evaluate(
        &Studio {
            metrics: vec![snapshot("2026-11", 1100.0, 900.0, 800.0)],
            ..Studio::complete()
        },
        &failed,
    );
    assert_eq!(
        evidence(&no_baseline, "benefits-measured")["baseline"],
        Value::Null
    );
    assert_eq!(
        evidence(&no_baseline, "benefits-measured")["current"],
        "2026-11"
    );
}

#[test]
fn coordination_established_needs_approved_by_on_every_initiative_and_resource() {
    // A planned initiative counts too.
    let initiative = evaluate(
        &Studio {
            unapproved: vec![4],
            ..Studio::complete()
        },
        &[("coordination-established", "fail")],
    );
    let evidence_initiative = evidence(&initiative, "coordination-established");
    assert_eq!(
        evidence_initiative["initiatives_without_approval"],
        json!(["INIT-5"])
    );
    assert_eq!(
        evidence_initiative["files"],
        json!(["initiatives/INIT-5.yaml"])
    );

    let resource = evaluate(
        &Studio {
            resource_approved: false,
            ..Studio::complete()
        },
        &[("coordination-established", "fail")],
    );
    let evidence_resource = evidence(&resource, "coordination-established");
    assert_eq!(
        evidence_resource["resources_without_approval"],
        json!(["shared-infra"])
    );
    assert_eq!(
        evidence_resource["files"],
        json!(["resources/shared-infra.yaml"])
    );
}

#[test]
fn portfolio_optimized_needs_revenue_growth_or_cost_reduction_and_less_duplicate_effort() {
    let failed = [("portfolio-optimized", "fail")];
    let studio = |revenue, cost, effort| Studio {
        metrics: current(revenue, cost, effort),
        ..Studio::complete()
    };
    let figure = |report: &Value, key: &str| evidence(report, "portfolio-optimized")[key].clone();

    // Revenue growth at 10% and 9.9%, with cost reduction one unit short (9.9%).
    let revenue = evaluate(&studio(1100.0, 901.0, 800.0), &[]);
    assert!(close(&figure(&revenue, "revenue_growth_pct"), 10.0));
    assert!(close(&figure(&revenue, "cost_reduction_pct"), 9.9));
    let below = evaluate(&studio(1099.0, 901.0, 800.0), &failed);
    assert!(close(&figure(&below, "revenue_growth_pct"), 9.9));
    assert!(close(&below["metrics"]["revenue_growth_pct"], 9.9));

    // Cost reduction at 10%, with revenue growth one unit short.
    let cost = evaluate(&studio(1099.0, 900.0, 800.0), &[]);
    assert!(close(&figure(&cost, "cost_reduction_pct"), 10.0));
    assert!(close(&cost["metrics"]["cost_reduction_pct"], 10.0));

    // Duplicate effort: 20% and 19.9%, with both revenue and cost at their thresholds.
    let effort = evaluate(&studio(1100.0, 900.0, 801.0), &failed);
    assert!(close(
        &figure(&effort, "duplicate_effort_reduction_pct"),
        19.9
    ));
    assert!(close(
        &effort["metrics"]["duplicate_effort_reduction_pct"],
        19.9
    ));
    assert_eq!(
        figure(&effort, "files"),
        json!(["metrics/2026-08.yaml", "metrics/2026-11.yaml"])
    );
}

#[test]
fn portfolio_optimized_needs_the_conflict_resolution_rate() {
    // 4 of 5 conflicts resolved: 80%, the threshold; 3 of 4: 75%.
    let at = evaluate(
        &Studio {
            conflicts: vec!["resolved", "resolved", "resolved", "resolved", "open"],
            ..Studio::complete()
        },
        &[("conflicts-resolved", "fail")],
    );
    assert!(close(
        &evidence(&at, "portfolio-optimized")["conflict_resolution_rate_pct"],
        80.0
    ));
    let below = evaluate(
        &Studio {
            conflicts: vec!["resolved", "resolved", "resolved", "open"],
            ..Studio::complete()
        },
        &[
            ("conflicts-resolved", "fail"),
            ("portfolio-optimized", "fail"),
        ],
    );
    assert!(close(
        &below["metrics"]["conflict_resolution_rate_pct"],
        75.0
    ));
}

#[test]
fn conflicts_escalated_fires_at_urgent_conflict_threshold_escalated_conflicts() {
    let escalated = |count: usize| {
        let mut conflicts = vec!["resolved"; 4];
        conflicts.extend(std::iter::repeat_n("escalated", count));
        Studio {
            conflicts,
            ..Studio::complete()
        }
    };
    // 4 resolved of 7 and of 6: the resolution rate fails as well.
    let fired = evaluate(
        &escalated(3),
        &[
            ("conflicts-resolved", "fail"),
            ("portfolio-optimized", "fail"),
            ("conflicts-escalated", "advisory"),
        ],
    );
    let evidence_fired = evidence(&fired, "conflicts-escalated");
    assert_eq!(
        evidence_fired["escalated"],
        json!(["CON-5", "CON-6", "CON-7"])
    );
    assert_eq!(evidence_fired["threshold"], 3);
    assert_eq!(
        evidence_fired["files"],
        json!([
            "conflicts/CON-5.yaml",
            "conflicts/CON-6.yaml",
            "conflicts/CON-7.yaml"
        ])
    );
    let action = evidence_fired["action"].as_str().unwrap_or_default();
    assert!(action.contains("independent operations"), "{action}");

    let below = evaluate(
        &escalated(2),
        &[
            ("conflicts-resolved", "fail"),
            ("portfolio-optimized", "fail"),
        ],
    );
    assert_eq!(
        evidence(&below, "conflicts-escalated")["escalated"],
        json!(["CON-5", "CON-6"])
    );
}

#[test]
fn negative_synergy_value_fires_when_an_initiative_has_lost_money_overall() {
    let with = |gained, lost| {
        let mut studio = Studio::complete();
        studio.value.push(event(1, gained, "usd", "2026-10-01"));
        studio.value.push(event(1, lost, "usd", "2026-10-02"));
        studio
    };
    // INIT-2 breaks even: no trigger.
    let even = evaluate(&with(500.0, -500.0), &[]);
    assert_eq!(
        evidence(&even, "negative-synergy-value")["initiatives"],
        json!([])
    );
    assert!(close(
        &even["metrics"]["value_usd_by_initiative"]["INIT-2"],
        0.0
    ));

    // One dollar short: the trigger names INIT-2 and its value files, not INIT-1's. Money
    // falls to 9999 but the 100 hours still capture value.
    let lost = evaluate(
        &with(499.0, -500.0),
        &[("negative-synergy-value", "advisory")],
    );
    let evidence = evidence(&lost, "negative-synergy-value");
    assert_eq!(evidence["initiatives"], json!(["INIT-2"]));
    assert!(
        close(&evidence["value_usd"]["INIT-2"], -1.0),
        "{evidence:#}"
    );
    assert_eq!(
        evidence["files"],
        json!(["value/VE-3.yaml", "value/VE-4.yaml"])
    );
    let action = evidence["action"].as_str().unwrap_or_default();
    assert!(action.contains("terminate"), "{action}");

    // A loss dated after the evaluation date has not happened yet.
    let mut later = with(499.0, -500.0);
    later.value[3].date = "2026-11-16";
    evaluate(&later, &[]);
}

#[test]
fn performance_degraded_fires_on_a_revenue_drop_of_more_than_performance_drop_pct() {
    // Against the baseline (the only earlier period): 1000 → 900 is exactly 10%; cost
    // reduction keeps the portfolio optimized.
    let against_baseline = |revenue| Studio {
        metrics: current(revenue, 900.0, 800.0),
        ..Studio::complete()
    };
    let at = evaluate(&against_baseline(900.0), &[]);
    assert!(close(
        &evidence(&at, "performance-degraded")["drop_pct"],
        10.0
    ));
    let fired = evaluate(
        &against_baseline(899.0),
        &[("performance-degraded", "advisory")],
    );
    let evidence_fired = evidence(&fired, "performance-degraded");
    assert!(
        close(&evidence_fired["drop_pct"], 10.1),
        "{evidence_fired:#}"
    );
    assert_eq!(evidence_fired["previous"]["period"], "2026-08");
    // The same drop is a negative growth, not a growth of 0.
    assert!(close(&fired["metrics"]["revenue_growth_pct"], -10.1));
    assert_eq!(
        evidence_fired["files"],
        json!(["metrics/2026-08.yaml", "metrics/2026-11.yaml"])
    );
    let action = evidence_fired["action"].as_str().unwrap_or_default();
    assert!(action.contains("suspend coordination"), "{action}");

    // Against the previous period, although revenue is far above the baseline.
    let against_previous = |revenue| {
        let mut metrics = current(revenue, 900.0, 800.0);
        metrics.insert(1, snapshot("2026-10", 2000.0, 900.0, 800.0));
        Studio {
            metrics,
            ..Studio::complete()
        }
    };
    evaluate(&against_previous(1800.0), &[]);
    let fired = evaluate(
        &against_previous(1799.0),
        &[("performance-degraded", "advisory")],
    );
    let evidence_fired = evidence(&fired, "performance-degraded");
    assert_eq!(evidence_fired["previous"]["period"], "2026-10");
    assert!(
        close(&evidence_fired["drop_pct"], 10.05),
        "{evidence_fired:#}"
    );
    assert_eq!(
        evidence_fired["files"],
        json!(["metrics/2026-10.yaml", "metrics/2026-11.yaml"])
    );
}

#[test]
fn recurring_money_counts_once_for_every_monthly_anniversary_reached() {
    // 1000 USD a month from 2026-09-15, and a one-off 500 USD on 2026-10-15.
    let portfolio = Studio {
        value: vec![
            event(0, 1000.0, "usd-per-month", "2026-09-15"),
            event(1, 500.0, "usd", "2026-10-15"),
        ],
        ..Studio::complete()
    }
    .write();
    for (as_of, usd) in [
        ("2026-09-14", 0.0),
        ("2026-09-15", 1000.0),
        ("2026-10-14", 1000.0),
        ("2026-10-15", 2500.0),
        ("2026-11-14", 2500.0),
        ("2026-11-15", 3500.0),
        ("2027-01-01", 4500.0),
        ("2027-09-15", 13_500.0),
    ] {
        let (_, report) = portfolio.gates_json(&["--as-of", as_of]);
        assert_eq!(report["as_of"], as_of);
        let metrics = &report["metrics"];
        assert!(
            close(&metrics["value_usd"], usd),
            "as of {as_of}: expected {usd} USD\n{metrics:#}"
        );
        assert!(close(&metrics["value_hours"], 0.0), "{metrics:#}");
    }
}

#[test]
fn recurring_hours_count_on_the_last_day_of_a_shorter_month() {
    // 10 hours a month from 2026-01-31: the next months start on 02-28 and 03-31.
    let portfolio = Studio {
        value: vec![event(0, 10.0, "hours-per-month", "2026-01-31")],
        ..Studio::complete()
    }
    .write();
    for (as_of, hours) in [
        ("2026-01-30", 0.0),
        ("2026-01-31", 10.0),
        ("2026-02-27", 10.0),
        ("2026-02-28", 20.0),
        ("2026-03-30", 20.0),
        ("2026-03-31", 30.0),
        ("2026-04-30", 40.0),
    ] {
        let (_, report) = portfolio.gates_json(&["--as-of", as_of]);
        let metrics = &report["metrics"];
        assert!(
            close(&metrics["value_hours"], hours),
            "as of {as_of}: expected {hours} hours\n{metrics:#}"
        );
        assert!(close(&metrics["value_usd"], 0.0), "{metrics:#}");
    }
}

#[test]
fn recurring_value_reaches_the_threshold_on_its_second_anniversary() {
    let studio = Studio {
        value: vec![event(0, 5000.0, "usd-per-month", "2026-09-15")],
        ..Studio::complete()
    };
    let before = evaluate_with(
        &studio,
        &["--as-of", "2026-10-14"],
        &[("value-captured", "fail"), ("synergies-captured", "fail")],
    );
    assert!(close(&before["metrics"]["value_usd"], 5000.0));
    let on = evaluate_with(&studio, &["--as-of", "2026-10-15"], &[]);
    assert!(close(&on["metrics"]["value_usd"], 10_000.0));
    assert_eq!(
        evidence(&on, "value-captured")["by_initiative_usd"],
        json!({"INIT-1": 10_000.0})
    );
}

#[test]
fn thresholds_in_portfolio_yaml_override_the_defaults() {
    struct Case {
        thresholds: &'static str,
        passing: Studio,
        passing_statuses: &'static [(&'static str, &'static str)],
        failing: Studio,
        failing_statuses: &'static [(&'static str, &'static str)],
    }
    let complete = Studio::complete;
    let value = |usd, hours| Studio {
        value: vec![
            event(0, usd, "usd", "2026-10-15"),
            event(0, hours, "hours", "2026-10-15"),
        ],
        ..complete()
    };
    let metrics = |revenue, cost, effort| Studio {
        metrics: current(revenue, cost, effort),
        ..complete()
    };
    let conflicts = |conflicts: &[&'static str]| Studio {
        conflicts: conflicts.to_vec(),
        ..complete()
    };
    let cases = [
        Case {
            thresholds: "  min_active_ventures: 3\n",
            passing: Studio {
                active_ventures: 3,
                ..complete()
            },
            passing_statuses: &[],
            failing: complete(),
            failing_statuses: &[("multiple-ventures-active", "fail")],
        },
        Case {
            thresholds: "  min_plans: 6\n",
            passing: Studio {
                initiatives: vec![
                    "launched",
                    "in-progress",
                    "completed",
                    "planned",
                    "planned",
                    "planned",
                ],
                ..complete()
            },
            passing_statuses: &[],
            failing: complete(),
            failing_statuses: &[("plans-created", "fail")],
        },
        Case {
            thresholds: "  min_launched_initiatives: 4\n",
            passing: Studio {
                initiatives: vec![
                    "launched",
                    "in-progress",
                    "completed",
                    "launched",
                    "planned",
                ],
                ..complete()
            },
            passing_statuses: &[],
            failing: complete(),
            failing_statuses: &[
                ("initiatives-launched", "fail"),
                ("synergies-captured", "fail"),
            ],
        },
        Case {
            thresholds: "  min_value_usd: 12000\n",
            passing: value(12_000.0, 99.0),
            passing_statuses: &[],
            failing: value(11_999.0, 99.0),
            failing_statuses: &[("value-captured", "fail"), ("synergies-captured", "fail")],
        },
        Case {
            thresholds: "  min_value_hours: 150.5\n",
            passing: value(9_999.0, 150.5),
            passing_statuses: &[],
            failing: value(9_999.0, 150.0),
            failing_statuses: &[("value-captured", "fail"), ("synergies-captured", "fail")],
        },
        Case {
            thresholds: "  min_revenue_growth_pct: 15\n",
            passing: metrics(1150.0, 901.0, 800.0),
            passing_statuses: &[],
            failing: metrics(1149.0, 901.0, 800.0),
            failing_statuses: &[("portfolio-optimized", "fail")],
        },
        Case {
            thresholds: "  min_cost_reduction_pct: 15\n",
            passing: metrics(1099.0, 850.0, 800.0),
            passing_statuses: &[],
            failing: metrics(1099.0, 851.0, 800.0),
            failing_statuses: &[("portfolio-optimized", "fail")],
        },
        Case {
            thresholds: "  min_duplicate_effort_reduction_pct: 25\n",
            passing: metrics(1100.0, 900.0, 750.0),
            passing_statuses: &[],
            failing: metrics(1100.0, 900.0, 751.0),
            failing_statuses: &[("portfolio-optimized", "fail")],
        },
        Case {
            thresholds: "  min_conflict_resolution_rate_pct: 50\n",
            passing: conflicts(&["resolved", "open"]),
            passing_statuses: &[("conflicts-resolved", "fail")],
            failing: conflicts(&["resolved", "open", "open"]),
            failing_statuses: &[
                ("conflicts-resolved", "fail"),
                ("portfolio-optimized", "fail"),
            ],
        },
        Case {
            // Fires at one escalated conflict; with none it does not.
            thresholds: "  urgent_conflict_threshold: 1\n",
            passing: complete(),
            passing_statuses: &[],
            failing: conflicts(&["resolved", "resolved", "resolved", "resolved", "escalated"]),
            failing_statuses: &[
                ("conflicts-resolved", "fail"),
                ("conflicts-escalated", "advisory"),
            ],
        },
        Case {
            // A drop of exactly 5% is allowed; 5.1% is not.
            thresholds: "  performance_drop_pct: 5\n",
            passing: metrics(950.0, 900.0, 800.0),
            passing_statuses: &[],
            failing: metrics(949.0, 900.0, 800.0),
            failing_statuses: &[("performance-degraded", "advisory")],
        },
    ];
    for case in cases {
        let passing = Studio {
            thresholds: case.thresholds,
            ..case.passing
        };
        let failing = Studio {
            thresholds: case.thresholds,
            ..case.failing
        };
        eprintln!("thresholds: {}", case.thresholds.trim());
        evaluate(&passing, case.passing_statuses);
        evaluate(&failing, case.failing_statuses);
    }
}

#[test]
fn an_override_flips_require() {
    // Entry: raising min_active_ventures fails it; lowering it lets one venture through.
    let raised = Studio {
        thresholds: "  min_active_ventures: 3\n",
        ..Studio::complete()
    }
    .write();
    assert_eq!(require(&raised, "entry"), Some(1));
    assert_eq!(require(&raised, "exit"), Some(1));
    let alone = Studio {
        active_ventures: 1,
        ..Studio::complete()
    };
    assert_eq!(require(&alone.write(), "entry"), Some(1));
    let lowered = Studio {
        thresholds: "  min_active_ventures: 1\n",
        ..alone
    }
    .write();
    assert_eq!(require(&lowered, "entry"), Some(0));
    assert_eq!(require(&lowered, "exit"), Some(0));

    // Exit: raising both value thresholds by one fails synergies-captured, not the entry gates.
    let value = Studio {
        thresholds: "  min_value_usd: 10001\n  min_value_hours: 101\n",
        ..Studio::complete()
    }
    .write();
    assert_eq!(require(&value, "entry"), Some(0));
    assert_eq!(require(&value, "exit"), Some(1));
}

#[test]
fn require_entry_needs_the_entry_gates_and_require_exit_needs_entry_and_exit_gates() {
    // An exit gate fails (portfolio-optimized): entry passes, exit does not.
    let exit_fails = Studio {
        metrics: current(1099.0, 901.0, 800.0),
        ..Studio::complete()
    }
    .write();
    assert_eq!(require(&exit_fails, "entry"), Some(0));
    assert_eq!(require(&exit_fails, "exit"), Some(1));
    let (code, _) = exit_fails.gates_json(&["--require", "exit"]);
    assert_eq!(code, 1);

    // Only an entry gate fails: exit requires it too.
    let entry_fails = Studio {
        chairman_access: false,
        ..Studio::complete()
    }
    .write();
    let (code, report) = entry_fails.gates_json(&[]);
    assert_eq!(code, 0);
    assert_statuses(&report, &[("data-integrated", "fail")]);
    assert_eq!(require(&entry_fails, "entry"), Some(1));
    assert_eq!(require(&entry_fails, "exit"), Some(1));
    let (code, _) = entry_fails.gates_json(&["--require", "entry"]);
    assert_eq!(code, 1);
}

#[test]
fn the_evaluation_date_is_as_of_option_then_as_of_in_portfolio_yaml_then_today() {
    // 10000 USD saved on 2026-11-01; portfolio.yaml says as_of 2026-11-15.
    let studio = Studio {
        value: vec![event(0, 10_000.0, "usd", "2026-11-01")],
        ..Studio::complete()
    };
    let from_file = evaluate(&studio, &[]);
    assert_eq!(from_file["as_of"], "2026-11-15");
    assert!(close(&from_file["metrics"]["value_usd"], 10_000.0));

    let before = evaluate_with(
        &studio,
        &["--as-of", "2026-10-31"],
        &[("value-captured", "fail"), ("synergies-captured", "fail")],
    );
    assert_eq!(before["as_of"], "2026-10-31");
    assert!(close(&before["metrics"]["value_usd"], 0.0));
    let on = evaluate_with(&studio, &["--as-of", "2026-11-01"], &[]);
    assert_eq!(on["as_of"], "2026-11-01");

    // Without as_of: --as-of still wins, else today (from the clock, read around the run).
    let undated = Studio {
        as_of: None,
        value: vec![
            event(0, 10_000.0, "usd", "2000-01-01"),
            event(0, 5_000.0, "usd", "9999-12-31"),
        ],
        ..Studio::complete()
    };
    let given = evaluate_with(&undated, &["--as-of", "2026-12-24"], &[]);
    assert_eq!(given["as_of"], "2026-12-24");
    let days = || {
        let elapsed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("a clock after 1970");
        i64::try_from(elapsed.as_secs() / 86_400).expect("days fit")
    };
    let first = days();
    let today = evaluate(&undated, &[]);
    let last = days();
    let dates: Vec<String> = (first..=last)
        .map(|day| folio::model::date::Date::from_days_since_epoch(day).to_string())
        .collect();
    let as_of = today["as_of"].as_str().unwrap_or_default().to_string();
    assert!(dates.contains(&as_of), "as_of {as_of}, today {dates:?}");
    assert!(close(&today["metrics"]["value_usd"], 10_000.0));
}

#[test]
fn an_invalid_as_of_exits_2_with_a_message() {
    let portfolio = Studio::complete().write();
    for date in [
        "2026-02-30",
        "2026-13-01",
        "2026-11-5",
        "15/11/2026",
        "tomorrow",
        "",
    ] {
        for format in ["human", "json"] {
            let output = folio()
                .arg("gates")
                .arg(portfolio.root())
                .args(["--format", format, "--as-of", date])
                .output()
                .expect("folio runs");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "--as-of {date:?}: {stderr}");
            assert!(
                output.stdout.is_empty(),
                "--as-of {date:?} printed a result"
            );
            assert!(stderr.contains("--as-of"), "{stderr}");
        }
    }
}

/// The human output of `folio gates`, which prints every figure through its own formatting.
fn human(portfolio: &Portfolio) -> String {
    let output = folio()
        .arg("gates")
        .arg(portfolio.root())
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Asserts that no figure printed is NaN or infinite.
fn assert_no_nan(text: &str) {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| matches!(*word, "NaN" | "nan" | "inf" | "infinity" | "Infinity"))
        .collect();
    assert!(words.is_empty(), "{words:?} in:\n{text}");
}

#[test]
fn a_baseline_of_zero_leaves_the_figures_not_computable() {
    let studio = Studio {
        metrics: vec![
            Snapshot {
                revenue: 0.0,
                cost: 0.0,
                effort_hours: 0.0,
                ..BASELINE
            },
            snapshot("2026-11", 0.0, 100.0, 100.0),
        ],
        ..Studio::complete()
    };
    let report = evaluate(&studio, &[("portfolio-optimized", "fail")]);
    for key in [
        "revenue_growth_pct",
        "cost_reduction_pct",
        "duplicate_effort_reduction_pct",
    ] {
        assert_eq!(report["metrics"][key], Value::Null, "{key}");
        assert_eq!(evidence(&report, "portfolio-optimized")[key], Value::Null);
    }
    let summary = result(&report, "portfolio-optimized")["summary"]
        .as_str()
        .unwrap_or_default();
    assert!(summary.contains("not computable"), "{summary}");
    // Revenue 0 after 0 is no drop that anyone can compute.
    assert_eq!(
        evidence(&report, "performance-degraded")["drop_pct"],
        Value::Null
    );
    let text = human(&studio.write());
    assert_no_nan(&text);
    assert!(text.contains("not computable"), "{text}");
}

#[test]
fn no_conflicts_is_a_resolution_rate_of_100() {
    let report = evaluate(
        &Studio {
            conflicts: vec![],
            ..Studio::complete()
        },
        &[],
    );
    assert!(close(
        &report["metrics"]["conflict_resolution_rate_pct"],
        100.0
    ));
    assert_eq!(evidence(&report, "conflicts-resolved")["conflicts"], 0);
    assert_eq!(
        evidence(&report, "conflicts-escalated")["escalated"],
        json!([])
    );
}

#[test]
fn no_metrics_fails_the_measurement_and_fires_no_trigger() {
    let studio = Studio {
        metrics: vec![],
        ..Studio::complete()
    };
    let report = evaluate(
        &studio,
        &[
            ("benefits-measured", "fail"),
            ("synergies-captured", "fail"),
            ("portfolio-optimized", "fail"),
        ],
    );
    let metrics = &report["metrics"];
    for key in [
        "revenue_growth_pct",
        "cost_reduction_pct",
        "duplicate_effort_reduction_pct",
        "baseline_period",
        "current_period",
    ] {
        assert_eq!(metrics[key], Value::Null, "{key}: {metrics:#}");
    }
    assert_eq!(evidence(&report, "benefits-measured")["files"], json!([]));
    assert_eq!(
        evidence(&report, "performance-degraded")["files"],
        json!([])
    );
    assert_no_nan(&human(&studio.write()));
}

#[test]
fn no_initiatives_fails_the_plans_launches_value_and_coordination_and_nothing_else() {
    let studio = Studio {
        initiatives: vec![],
        value: vec![],
        ..Studio::complete()
    };
    // Nothing is coordinated without an initiative, though the one resource is approved.
    let report = evaluate(
        &studio,
        &[
            ("plans-created", "fail"),
            ("initiatives-launched", "fail"),
            ("value-captured", "fail"),
            ("coordination-established", "fail"),
            ("synergies-captured", "fail"),
        ],
    );
    assert_eq!(
        result(&report, "coordination-established")["summary"],
        "no initiative exists"
    );
    assert_eq!(
        evidence(&report, "coordination-established")["initiatives"],
        0
    );
    assert_eq!(
        evidence(&report, "coordination-established")["resources"],
        1
    );
    let metrics = &report["metrics"];
    assert_eq!(metrics["plans"], 0);
    assert_eq!(metrics["launched_initiatives"], 0);
    assert!(close(&metrics["value_usd"], 0.0));
    assert!(close(&metrics["value_hours"], 0.0));
    assert_eq!(metrics["value_usd_by_initiative"], json!({}));
    assert_no_nan(&human(&studio.write()));
}

#[test]
fn a_bare_portfolio_and_an_empty_folder_give_every_result() {
    // Only portfolio.yaml and governance.yaml: nothing to divide by anywhere.
    let minimal = Portfolio::minimal();
    let (code, report) = minimal.gates_json(&[]);
    assert_eq!(code, 0);
    assert_statuses(
        &report,
        &[
            ("multiple-ventures-active", "fail"),
            ("data-integrated", "fail"),
            ("ventures-assessed", "fail"),
            ("synergies-identified", "fail"),
            ("plans-created", "fail"),
            ("resources-shared", "fail"),
            ("governance-established", "fail"),
            ("initiatives-launched", "fail"),
            ("value-captured", "fail"),
            ("benefits-measured", "fail"),
            ("coordination-established", "fail"),
            ("synergies-captured", "fail"),
            ("portfolio-optimized", "fail"),
        ],
    );
    let metrics = &report["metrics"];
    assert_eq!(metrics["active_ventures"], 0);
    assert_eq!(metrics["plans"], 0);
    assert!(close(&metrics["conflict_resolution_rate_pct"], 100.0));
    assert_eq!(
        evidence(&report, "governance-established")["missing_rights"],
        json!(SOP_RIGHTS)
    );
    assert_no_nan(&human(&minimal));
    assert_eq!(require(&minimal, "entry"), Some(1));

    // No portfolio.yaml at all: data-integrated says so instead of guessing.
    let empty = Portfolio::empty();
    let (_, report) = empty.gates_json(&["--as-of", "2026-11-15"]);
    assert_eq!(report["results"].as_array().map(Vec::len), Some(17));
    assert_eq!(result(&report, "data-integrated")["status"], "fail");
    assert_eq!(result(&report, "governance-established")["status"], "fail");
    assert_eq!(require(&empty, "entry"), Some(1));
}

#[test]
fn the_example_portfolio_passes_every_entry_and_exit_gate() {
    let root = repository().join("example-portfolio");
    let (code, report) = gates_json(&root, &["--require", "exit"]);
    assert_eq!(code, 0, "\n{}", table(&report));
    assert_eq!(report["as_of"], "2026-11-15");
    for (id, kind) in GATES {
        if kind == "entry" || kind == "exit" {
            assert_eq!(
                result(&report, id)["status"],
                "pass",
                "\n{}",
                table(&report)
            );
        }
    }
    let (code, _) = gates_json(&root, &["--require", "entry"]);
    assert_eq!(code, 0);
}

fn mid_stage() -> PathBuf {
    repository().join("tests/fixtures/portfolios/mid-stage")
}

#[test]
fn the_mid_stage_fixture_is_clean() {
    let output = folio()
        .args(["check", "--format", "json"])
        .arg(mid_stage())
        .output()
        .expect("folio runs");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["findings"], json!([]), "{report:#}");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn the_mid_stage_portfolio_fails_the_steps_it_has_not_reached_and_names_their_files() {
    let (code, report) = gates_json(&mid_stage(), &[]);
    assert_eq!(code, 0);
    assert_eq!(report["as_of"], "2026-10-28");
    assert_statuses(
        &report,
        &[
            ("conflicts-resolved", "fail"),
            ("plans-created", "fail"),
            ("governance-established", "fail"),
            ("initiatives-launched", "fail"),
            ("value-captured", "fail"),
            ("benefits-measured", "fail"),
            ("coordination-established", "fail"),
            ("synergies-captured", "fail"),
            ("portfolio-optimized", "fail"),
        ],
    );

    let conflicts = evidence(&report, "conflicts-resolved");
    assert_eq!(
        conflicts["unresolved"],
        json!(["CON-003 (escalated)", "CON-004 (open)"])
    );
    assert_eq!(
        conflicts["files"],
        json!(["conflicts/CON-003.yaml", "conflicts/CON-004.yaml"])
    );

    let plans = evidence(&report, "plans-created");
    assert_eq!(plans["plans"], 3);
    assert_eq!(
        plans["files"],
        json!([
            "initiatives/CLOUD-001.yaml",
            "initiatives/DESIGN-001.yaml",
            "initiatives/IDENTITY-001.yaml"
        ])
    );

    let governance = evidence(&report, "governance-established");
    assert_eq!(governance["missing_rights"], json!(["resolve-conflict"]));
    assert_eq!(
        governance["defaults_to_chairman"],
        json!([
            "resolve-conflict",
            "change-thresholds",
            "declare-rollback",
            "amend-record"
        ])
    );
    assert_eq!(governance["files"], json!(["governance.yaml"]));

    let launched = evidence(&report, "initiatives-launched");
    assert_eq!(launched["launched"], 1);
    assert_eq!(launched["files"], json!(["initiatives/IDENTITY-001.yaml"]));

    // 24 hours once and 400 USD a month from 2026-10-27: one month started by 2026-10-28.
    let value = evidence(&report, "value-captured");
    assert!(close(&value["value_usd"], 400.0), "{value:#}");
    assert!(close(&value["value_hours"], 24.0), "{value:#}");
    assert_eq!(
        value["files"],
        json!(["value/VE-001.yaml", "value/VE-002.yaml"])
    );

    let benefits = evidence(&report, "benefits-measured");
    assert_eq!(benefits["baseline"], "2026-09");
    assert_eq!(benefits["current"], Value::Null);
    assert_eq!(benefits["files"], json!(["metrics/2026-09.yaml"]));

    let coordination = evidence(&report, "coordination-established");
    assert_eq!(
        coordination["initiatives_without_approval"],
        json!(["CLOUD-001", "DESIGN-001"])
    );
    assert_eq!(
        coordination["resources_without_approval"],
        json!(["design-pool"])
    );
    assert_eq!(coordination["governance_established"], false);
    let files = coordination["files"].as_array().expect("files");
    for file in [
        "initiatives/CLOUD-001.yaml",
        "initiatives/DESIGN-001.yaml",
        "resources/design-pool.yaml",
    ] {
        assert!(files.contains(&json!(file)), "{file} in {files:?}");
    }

    let captured = evidence(&report, "synergies-captured");
    assert_eq!(captured["initiatives_launched"], false);
    assert_eq!(captured["value_captured"], false);
    assert_eq!(captured["benefits_measured"], false);

    // Two of four conflicts resolved; nothing to compare the baseline with.
    let optimized = evidence(&report, "portfolio-optimized");
    assert!(close(&optimized["conflict_resolution_rate_pct"], 50.0));
    assert_eq!(optimized["revenue_growth_pct"], Value::Null);

    // One escalated conflict is below the urgent threshold of 3, but it is named.
    let escalated = evidence(&report, "conflicts-escalated");
    assert_eq!(escalated["escalated"], json!(["CON-003"]));
    assert_eq!(escalated["files"], json!(["conflicts/CON-003.yaml"]));

    let metrics = &report["metrics"];
    assert_eq!(metrics["active_ventures"], 4);
    assert_eq!(metrics["plans"], 3);
    assert_eq!(metrics["launched_initiatives"], 1);

    let (code, _) = gates_json(&mid_stage(), &["--require", "entry"]);
    assert_eq!(code, 0);
    let (code, _) = gates_json(&mid_stage(), &["--require", "exit"]);
    assert_eq!(code, 1);

    // A month later the recurring saving has counted twice more.
    let (_, later) = gates_json(&mid_stage(), &["--as-of", "2026-12-27"]);
    assert!(close(&later["metrics"]["value_usd"], 1200.0));
}

#[test]
fn a_terminated_initiative_with_negative_value_fires_no_trigger() {
    let status_of = |status: &str| {
        let portfolio = Portfolio::minimal();
        portfolio.write(
            "ventures/solar.yaml",
            "id: solar\nname: Solar\nstatus: active\n",
        );
        portfolio.write(
            "initiatives/LOSS.yaml",
            &format!("initiative_id: LOSS\nname: Loss\nventures: [solar]\nvalue_proposition: v\nimplementation: [{{milestone: m, deadline: 2026-10-01}}]\nsuccess_metrics: [{{metric: x, target: 1}}]\nowner: Ann\nstatus: {status}\n"),
        );
        portfolio.write(
            "value/VE-1.yaml",
            "id: VE-1\ninitiative: LOSS\ntype: cost-saved\namount: -500\nunit: usd\ndate: 2026-10-01\nevidence: invoice\n",
        );
        let (_, report) = portfolio.gates_json(&["--as-of", "2026-11-01"]);
        let trigger = report["results"]
            .as_array()
            .expect("results")
            .iter()
            .find(|result| result["id"] == "negative-synergy-value")
            .expect("the trigger")
            .clone();
        trigger["status"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(status_of("in-progress"), "advisory");
    assert_eq!(status_of("terminated"), "pass");
}

#[test]
fn the_human_format_is_a_table_of_every_result_with_its_reason() {
    let root = repository().join("tests/fixtures/portfolios/mid-stage");
    let output = folio()
        .arg("gates")
        .arg(&root)
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    let (_, report) = gates_json(&root, &[]);
    let results = report["results"].as_array().expect("results");
    assert_eq!(results.len(), GATES.len());
    // One line per result: its kind, id, status and the JSON's one-line summary.
    for result in results {
        let id = result["id"].as_str().expect("an id");
        let line = text
            .lines()
            .find(|line| line.split_whitespace().nth(1) == Some(id))
            .unwrap_or_else(|| panic!("no line for {id} in {text}"));
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words[0], result["kind"].as_str().expect("a kind"), "{line}");
        assert_eq!(
            words[2],
            result["status"].as_str().expect("a status"),
            "{line}"
        );
        let summary = result["summary"].as_str().expect("a summary");
        assert!(line.trim_end().ends_with(summary), "{line}");
    }
}

/// The SOP's governance: both roles staffed, the four rights, an escalation path, a cadence.
const SOP_GOVERNANCE: &str = "\
roles:
  chairman:
    members: [{name: Elena, github: emarsh}]
  board:
    members: [{name: Tomas, github: taguilar}]
decision_rights:
  - {decision: launch-initiative, authority: chairman, approvals: [{role: chairman}]}
  - {decision: reallocate-resources, authority: chairman, approvals: [{role: chairman}]}
  - {decision: sunset-venture, authority: board, approvals: [{role: board}]}
  - {decision: resolve-conflict, authority: chairman, approvals: [{role: chairman}]}
escalation: [initiative-owner, chairman, board]
cadence:
  - {meeting: Portfolio review, every: month, attendees: [chairman, venture-leads]}
";

#[test]
fn coordination_is_not_established_in_an_empty_portfolio() {
    // Governance is established, and nothing else exists: nothing is coordinated.
    let portfolio = Portfolio::empty();
    portfolio.write("portfolio.yaml", "name: Empty Studio\nas_of: 2026-11-15\n");
    portfolio.write("governance.yaml", SOP_GOVERNANCE);
    let (_, check) = portfolio.check_json();
    assert_eq!(check["findings"], json!([]), "{check:#}");
    let (code, report) = portfolio.gates_json(&[]);
    assert_eq!(code, 0);
    assert_eq!(result(&report, "governance-established")["status"], "pass");
    let coordination = result(&report, "coordination-established");
    assert_eq!(coordination["status"], "fail", "\n{}", table(&report));
    assert_eq!(
        coordination["summary"],
        "no initiative and no shared resource exist"
    );
    let evidence = &coordination["evidence"];
    assert_eq!(evidence["initiatives"], 0);
    assert_eq!(evidence["resources"], 0);
    assert_eq!(evidence["governance_established"], true);
    assert_eq!(evidence["files"], json!([]));
    assert_eq!(require(&portfolio, "exit"), Some(1));

    // One initiative, approved, and still no resource.
    portfolio.write(
        "ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: active\n",
    );
    portfolio.write(
        "initiatives/AUTH.yaml",
        "initiative_id: AUTH\nname: Auth\nventures: [solar]\nvalue_proposition: v\n\
         implementation: [{milestone: m, deadline: 2026-12-01}]\n\
         success_metrics: [{metric: x, target: 1}]\napproved_by: chairman\n",
    );
    let (_, report) = portfolio.gates_json(&[]);
    assert_eq!(
        result(&report, "coordination-established")["summary"],
        "no shared resource exists"
    );
}

#[test]
fn a_value_sum_that_is_not_finite_fails_value_captured_and_fires_the_trigger() {
    // Two events of 1e308 USD each overflow to infinity; the hours alone would pass.
    let portfolio = Studio::complete().write();
    for n in [3, 4] {
        portfolio.write(
            &format!("value/VE-{n}.yaml"),
            &format!(
                "id: VE-{n}\ninitiative: INIT-2\ntype: revenue\namount: 1e308\nunit: usd\n\
                 date: 2026-10-01\nevidence: \"Invoice {n}\"\n"
            ),
        );
    }
    let (code, report) = portfolio.gates_json(&[]);
    assert_eq!(code, 0);
    assert_statuses(
        &report,
        &[
            ("value-captured", "fail"),
            ("synergies-captured", "fail"),
            ("negative-synergy-value", "advisory"),
        ],
    );
    let value = result(&report, "value-captured");
    let summary = value["summary"].as_str().unwrap_or_default();
    assert!(summary.contains("not sum to a finite figure"), "{summary}");
    assert_eq!(value["evidence"]["value_usd"], Value::Null);
    assert_eq!(value["evidence"]["not_finite"], json!(["value_usd"]));
    assert!(close(&value["evidence"]["value_hours"], 100.0));

    let trigger = result(&report, "negative-synergy-value");
    let summary = trigger["summary"].as_str().unwrap_or_default();
    assert!(
        summary.contains("INIT-2 (money total not finite"),
        "{summary}"
    );
    assert_eq!(trigger["evidence"]["initiatives"], json!(["INIT-2"]));
    assert_eq!(trigger["evidence"]["not_finite"], json!(["INIT-2"]));
    assert_eq!(trigger["evidence"]["value_usd"]["INIT-2"], Value::Null);
    assert_eq!(
        trigger["evidence"]["files"],
        json!(["value/VE-3.yaml", "value/VE-4.yaml"])
    );

    // No passing gate shows the sum as "n/a", infinite or NaN.
    let text = human(&portfolio);
    assert_no_nan(&text);
    for line in text.lines().filter(|line| line.contains(" pass ")) {
        assert!(!line.contains("n/a"), "{line}");
    }
}

/// The status of each step in the schedule of `report`, as `(id, status)`.
fn schedule_statuses(report: &Value) -> Vec<(String, String)> {
    report["schedule"]["steps"]
        .as_array()
        .expect("schedule steps")
        .iter()
        .map(|step| {
            (
                step["id"].as_str().unwrap_or_default().to_string(),
                step["status"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_schedule_marks_each_step_done_due_or_late_at_its_window_boundaries() {
    // Step 1 (ventures assessed, days 1-4) fails; every other step passes.
    let studio = Studio {
        stage_started: Some("2026-10-16"),
        unassessed: 1,
        ..Studio::complete()
    };
    let portfolio = studio.write();
    let steps: Vec<&str> = GATES
        .iter()
        .filter(|(_, kind)| *kind == "step")
        .map(|(id, _)| *id)
        .collect();
    let expect = |first: &str| -> Vec<(String, String)> {
        steps
            .iter()
            .map(|id| {
                let status = if *id == "ventures-assessed" {
                    first
                } else {
                    "done"
                };
                (id.to_string(), status.to_string())
            })
            .collect()
    };
    // Day 4, the last day of step 1's window: due. Day 5: late.
    let (_, last_day) = portfolio.gates_json(&["--as-of", "2026-10-19"]);
    assert_eq!(last_day["schedule"]["day"], 4);
    assert_eq!(schedule_statuses(&last_day), expect("due"));
    let (_, day_after) = portfolio.gates_json(&["--as-of", "2026-10-20"]);
    assert_eq!(day_after["schedule"]["day"], 5);
    assert_eq!(schedule_statuses(&day_after), expect("late"));
    // Before the stage starts, a step not done is due: step 1, and step 8, whose value is
    // dated 2026-10-15.
    let (_, before) = portfolio.gates_json(&["--as-of", "2026-10-01"]);
    assert_eq!(before["schedule"]["day"], -14);
    let mut expected = expect("due");
    expected[7].1 = "due".into();
    assert_eq!(schedule_statuses(&before), expected);

    let (_, report) = portfolio.gates_json(&[]);
    let schedule = &report["schedule"];
    assert_eq!(schedule["stage_started"], "2026-10-16");
    assert_eq!(schedule["day"], 31);
    assert_eq!(schedule["note"], Value::Null);
    assert_eq!(
        schedule["steps"][0],
        json!({"id": "ventures-assessed", "step": 1, "from": "2026-10-16", "to": "2026-10-19", "status": "late"})
    );
    assert_eq!(
        schedule["steps"][8],
        json!({"id": "benefits-measured", "step": 9, "from": "2026-11-12", "to": "2026-11-14", "status": "done"})
    );

    // The human format prints the schedule after the gates: one line per step.
    let text = human(&portfolio);
    let (gates, schedule) = text
        .split_once("schedule from 2026-10-16 (day 31, after the stage's 30 days)")
        .unwrap_or_else(|| panic!("no schedule in {text}"));
    assert!(gates.contains("portfolio-optimized"));
    let late: Vec<&str> = schedule
        .lines()
        .filter(|line| line.trim_end().ends_with(" late"))
        .collect();
    assert_eq!(late.len(), 1, "{schedule}");
    assert!(
        late[0].starts_with("1 ") && late[0].contains("ventures-assessed"),
        "{schedule}"
    );
    assert!(late[0].contains("2026-10-16 to 2026-10-19"), "{schedule}");
    assert_eq!(
        schedule
            .lines()
            .filter(|line| line.trim_end().ends_with(" done"))
            .count(),
        8,
        "{schedule}"
    );
}

#[test]
fn without_stage_started_the_schedule_says_so() {
    let portfolio = Studio::complete().write();
    let (_, report) = portfolio.gates_json(&[]);
    let schedule = &report["schedule"];
    assert_eq!(schedule["stage_started"], Value::Null);
    assert_eq!(schedule["day"], Value::Null);
    assert_eq!(schedule["steps"], Value::Null);
    let note = schedule["note"].as_str().unwrap_or_default();
    assert!(note.contains("stage_started"), "{schedule:#}");
    assert!(human(&portfolio).contains(&format!("schedule: {note}")));
}
