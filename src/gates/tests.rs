//! In-process tests of every gate on in-memory models: a small portfolio that passes every gate
//! as of 2026-11-15, and for each gate one change that makes it fail (or a trigger fire).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::*;
use crate::portfolio::{Cache, read};
use crate::source::{Content, RawFile};

const AS_OF: &str = "2026-11-15";

fn date(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

/// A portfolio as files, evaluated in process (read, schema, model: no rules, no disk).
#[derive(Clone)]
struct Files(BTreeMap<String, String>);

impl Files {
    /// Every gate passes as of 2026-11-15 and no trigger fires; the thresholds are lowered so
    /// that a handful of documents reach them.
    fn complete() -> Files {
        let mut files = Files(BTreeMap::new());
        files = files
            .with(
                "portfolio.yaml",
                "name: Unit Studio\nstage_started: 2026-10-16\n\
                 entry: {dashboard: \"https://dash.example\", metrics_consolidated: true, \
                 synergies_documented: true, chairman_access: true}\n\
                 thresholds: {min_plans: 2, min_launched_initiatives: 1, min_value_usd: 1000, \
                 min_value_hours: 10, urgent_conflict_threshold: 2}\n",
            )
            .with(
                "governance.yaml",
                "roles:\n  chairman: {members: [{name: Elena, github: emarsh}]}\n  \
                 board: {members: [{name: Tomas, github: taguilar}]}\n\
                 decision_rights:\n\
                 \x20 - {decision: launch-initiative, authority: chairman, approvals: []}\n\
                 \x20 - {decision: reallocate-resources, authority: chairman, approvals: []}\n\
                 \x20 - {decision: sunset-venture, authority: board, approvals: []}\n\
                 \x20 - {decision: resolve-conflict, authority: chairman, approvals: []}\n\
                 escalation: [chairman, board]\n\
                 cadence: [{meeting: Review, every: month, attendees: [chairman]}]\n",
            );
        for venture in ["a", "b"] {
            files = files
                .with(
                    &format!("ventures/{venture}.yaml"),
                    &format!("id: {venture}\nname: Venture {venture}\nstatus: active\n"),
                )
                .with(
                    &format!("assessments/{venture}.yaml"),
                    &format!(
                        "venture: {venture}\ndate: 2026-10-20\nscores: {{strategic_fit: 4, \
                         financial_health: 4, growth_potential: 4, resource_efficiency: 4}}\n\
                         recommendation: continue\n"
                    ),
                );
        }
        files
            .with(
                "synergies/SYN.yaml",
                "id: SYN\ntitle: Shared auth\ncategory: technology\nventures: [a, b]\n\
                 value_potential: 4\nimplementation_effort: 2\nstrategic_importance: 4\n",
            )
            .with("conflicts/CON.yaml", &conflict("CON", "resolved"))
            .with(
                "initiatives/LAUNCHED.yaml",
                &initiative("LAUNCHED", "launched"),
            )
            .with(
                "initiatives/PLANNED.yaml",
                &initiative("PLANNED", "planned"),
            )
            .with(
                "resources/infra.yaml",
                "id: infra\nname: Infra\ntype: infrastructure\nunit: units\ncapacity: 10\n\
                 allocations: {a: 5, b: 5}\napproved_by: chairman\n",
            )
            .with("value/VE-1.yaml", &value("VE-1", "LAUNCHED", "2000", "usd"))
            .with("metrics/2026-09.yaml", &metrics("2026-09", true, 1000.0))
            .with("metrics/2026-11.yaml", &metrics("2026-11", false, 1100.0))
    }

    fn with(mut self, path: &str, text: &str) -> Files {
        self.0.insert(path.to_string(), text.to_string());
        self
    }

    fn without(mut self, path: &str) -> Files {
        self.0.remove(path);
        self
    }

    fn model(&self) -> Model {
        let raw = self
            .0
            .iter()
            .map(|(path, text)| RawFile {
                path: path.clone(),
                content: Content::Bytes(text.as_bytes().to_vec()),
                blob: None,
            })
            .collect();
        let checked = read(raw, None, &Cache::passing()).expect("the schemas compile");
        let problems: Vec<String> = checked
            .findings
            .items
            .iter()
            .map(|finding| format!("{}: {}", finding.file, finding.message))
            .collect();
        assert!(problems.is_empty(), "the test's YAML: {problems:#?}");
        checked.model
    }

    fn evaluate_as_of(&self, as_of: &str) -> Evaluation {
        evaluate(&self.model(), date(as_of))
    }

    fn evaluate(&self) -> Evaluation {
        self.evaluate_as_of(AS_OF)
    }
}

fn conflict(id: &str, status: &str) -> String {
    let resolution = if status == "resolved" {
        "strategy: time-sharing\nresolution: Alternate weeks\nresolved_on: 2026-10-25\n"
    } else {
        ""
    };
    format!(
        "id: {id}\ntitle: Conflict\ntype: talent\nventures: [a, b]\nstatus: {status}\n{resolution}"
    )
}

fn initiative(id: &str, status: &str) -> String {
    format!(
        "initiative_id: {id}\nname: Initiative {id}\nventures: [a, b]\nvalue_proposition: v\n\
         implementation: [{{milestone: Start, deadline: 2026-12-01}}]\n\
         success_metrics: [{{metric: Hours saved, target: 10}}]\nowner: Ada\nstatus: {status}\n\
         approved_by: chairman\n"
    )
}

fn value(id: &str, initiative: &str, amount: &str, unit: &str) -> String {
    format!(
        "id: {id}\ninitiative: {initiative}\ntype: cost-saved\namount: {amount}\nunit: {unit}\n\
         date: 2026-11-01\nevidence: Invoice\n"
    )
}

fn metrics(period: &str, baseline: bool, revenue: f64) -> String {
    format!(
        "period: \"{period}\"\nbaseline: {baseline}\nrevenue_monthly: {revenue}\n\
         resource_cost_monthly: 1000\nduplicate_effort_hours_monthly: {}\n",
        if baseline { 100 } else { 80 }
    )
}

/// Every result that does not pass, as `(id, status)`.
fn not_passing(evaluation: &Evaluation) -> Vec<(GateId, Status)> {
    evaluation
        .results
        .iter()
        .filter(|result| !result.passed())
        .map(|result| (result.id, result.status))
        .collect()
}

fn result(evaluation: &Evaluation, id: GateId) -> &GateResult {
    evaluation
        .result(id)
        .unwrap_or_else(|| panic!("no result {id}"))
}

/// The evidence of a gate as JSON, as `folio gates --format json` prints it.
fn evidence(evaluation: &Evaluation, id: GateId) -> Value {
    serde_json::to_value(&result(evaluation, id).evidence).expect("JSON")
}

#[test]
fn the_complete_portfolio_passes_every_gate_in_designs_order() {
    let evaluation = Files::complete().evaluate();
    let ids: Vec<GateId> = evaluation.results.iter().map(|result| result.id).collect();
    assert_eq!(ids, GateId::ALL);
    assert_eq!(not_passing(&evaluation), []);
    for result in &evaluation.results {
        assert_eq!(result.kind, result.id.kind());
        assert_eq!(result.evidence.id(), result.id);
        assert_eq!(
            result.evidence.action().is_some(),
            result.kind == GateKind::Rollback,
            "{}",
            result.id
        );
    }
    assert!(evaluation.all_pass(&[GateKind::Entry, GateKind::Step, GateKind::Exit]));
}

#[test]
fn every_evidence_serialises_to_the_documented_keys() {
    let evaluation = Files::complete().evaluate();
    let keys = |id: GateId| -> Vec<String> {
        match evidence(&evaluation, id) {
            Value::Object(map) => map.keys().cloned().collect(),
            other => panic!("{id}: {other}"),
        }
    };
    let expected: [(GateId, &[&str]); 17] = [
        (
            GateId::MultipleVenturesActive,
            &["active_ventures", "threshold", "ventures", "files"],
        ),
        (
            GateId::DataIntegrated,
            &[
                "dashboard",
                "metrics_consolidated",
                "synergies_documented",
                "chairman_access",
                "missing",
                "files",
            ],
        ),
        (
            GateId::VenturesAssessed,
            &["active_ventures", "assessed", "not_assessed", "files"],
        ),
        (
            GateId::SynergiesIdentified,
            &["synergies", "threshold", "ids", "files"],
        ),
        (
            GateId::ConflictsResolved,
            &["conflicts", "unresolved", "files"],
        ),
        (
            GateId::PlansCreated,
            &["plans", "threshold", "initiatives", "files"],
        ),
        (
            GateId::ResourcesShared,
            &["shared", "over_capacity", "files"],
        ),
        (
            GateId::GovernanceEstablished,
            &[
                "roles_without_members",
                "escalation",
                "meetings",
                "missing_rights",
                "defaults_to_chairman",
                "files",
            ],
        ),
        (
            GateId::InitiativesLaunched,
            &[
                "launched",
                "threshold",
                "initiatives",
                "without_owner",
                "files",
            ],
        ),
        (
            GateId::ValueCaptured,
            &[
                "value_usd",
                "value_hours",
                "threshold_usd",
                "threshold_hours",
                "by_initiative_usd",
                "not_finite",
                "files",
            ],
        ),
        (GateId::BenefitsMeasured, &["baseline", "current", "files"]),
        (
            GateId::CoordinationEstablished,
            &[
                "initiatives",
                "resources",
                "initiatives_without_approval",
                "resources_without_approval",
                "governance_established",
                "launched_without_owner",
                "files",
            ],
        ),
        (
            GateId::SynergiesCaptured,
            &[
                "initiatives_launched",
                "value_captured",
                "benefits_measured",
                "files",
            ],
        ),
        (
            GateId::PortfolioOptimized,
            &[
                "revenue_growth_pct",
                "cost_reduction_pct",
                "duplicate_effort_reduction_pct",
                "conflict_resolution_rate_pct",
                "thresholds",
                "files",
            ],
        ),
        (
            GateId::ConflictsEscalated,
            &["escalated", "threshold", "action", "files"],
        ),
        (
            GateId::NegativeSynergyValue,
            &["initiatives", "value_usd", "not_finite", "action", "files"],
        ),
        (
            GateId::PerformanceDegraded,
            &[
                "current",
                "previous",
                "drop_pct",
                "threshold_pct",
                "action",
                "files",
            ],
        ),
    ];
    for (id, expected) in expected {
        assert_eq!(keys(id), expected, "{id}");
    }
    let json = serde_json::to_value(&evaluation).expect("JSON");
    assert_eq!(json["results"][0]["id"], "multiple-ventures-active");
    assert_eq!(json["results"][0]["kind"], "entry");
    assert_eq!(json["results"][0]["status"], "pass");
    assert_eq!(
        json["results"][14]["evidence"]["action"],
        "roll back to independent operations"
    );
}

#[test]
fn multiple_ventures_active_counts_only_active_ventures() {
    let evaluation = Files::complete()
        .with(
            "ventures/b.yaml",
            "id: b\nname: Venture b\nstatus: paused\n",
        )
        .evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [(GateId::MultipleVenturesActive, Status::Fail)]
    );
    let evidence = evidence(&evaluation, GateId::MultipleVenturesActive);
    assert_eq!(evidence["active_ventures"], 1);
    assert_eq!(evidence["files"], json!(["ventures/a.yaml"]));
}

#[test]
fn data_integrated_names_what_the_entry_evidence_lacks() {
    let evaluation = Files::complete()
        .with(
            "portfolio.yaml",
            "name: Unit Studio\nentry: {dashboard: \" \", metrics_consolidated: true, \
             synergies_documented: true, chairman_access: false}\n\
             thresholds: {min_plans: 2, min_launched_initiatives: 1, min_value_usd: 1000, \
             min_value_hours: 10, urgent_conflict_threshold: 2}\n",
        )
        .evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [(GateId::DataIntegrated, Status::Fail)]
    );
    assert_eq!(
        evidence(&evaluation, GateId::DataIntegrated)["missing"],
        json!(["dashboard", "chairman_access"])
    );

    // Without portfolio.yaml everything is missing, and no file is behind it.
    let evaluation = Files::complete().without("portfolio.yaml").evaluate();
    let evidence = evidence(&evaluation, GateId::DataIntegrated);
    assert_eq!(evidence["missing"].as_array().map(Vec::len), Some(4));
    assert_eq!(evidence["files"], json!([]));
}

#[test]
fn ventures_assessed_needs_every_active_venture_assessed() {
    let evaluation = Files::complete().without("assessments/b.yaml").evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [(GateId::VenturesAssessed, Status::Fail)]
    );
    assert_eq!(
        evidence(&evaluation, GateId::VenturesAssessed)["not_assessed"],
        json!(["b"])
    );
}

#[test]
fn synergies_identified_needs_a_synergy() {
    let evaluation = Files::complete().without("synergies/SYN.yaml").evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [(GateId::SynergiesIdentified, Status::Fail)]
    );
}

#[test]
fn conflicts_resolved_fails_on_an_open_conflict_and_names_its_file() {
    let evaluation = Files::complete()
        .with("conflicts/OPEN.yaml", &conflict("OPEN", "open"))
        .evaluate();
    // One of two resolved: the rate (50%) also fails the default 80%.
    assert_eq!(
        not_passing(&evaluation),
        [
            (GateId::ConflictsResolved, Status::Fail),
            (GateId::PortfolioOptimized, Status::Fail)
        ]
    );
    let evidence = evidence(&evaluation, GateId::ConflictsResolved);
    assert_eq!(evidence["unresolved"], json!(["OPEN (open)"]));
    assert_eq!(evidence["files"], json!(["conflicts/OPEN.yaml"]));
}

#[test]
fn plans_created_needs_min_plans() {
    let evaluation = Files::complete()
        .without("initiatives/PLANNED.yaml")
        .evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [(GateId::PlansCreated, Status::Fail)]
    );
    assert_eq!(evidence(&evaluation, GateId::PlansCreated)["plans"], 1);
}

#[test]
fn resources_shared_needs_a_shared_resource_within_capacity() {
    let resource = |allocations: &str| {
        format!(
            "id: infra\nname: Infra\ntype: infrastructure\nunit: units\ncapacity: 10\n\
             allocations: {allocations}\napproved_by: chairman\n"
        )
    };
    let single = Files::complete()
        .with("resources/infra.yaml", &resource("{a: 10}"))
        .evaluate();
    assert_eq!(
        not_passing(&single),
        [(GateId::ResourcesShared, Status::Fail)]
    );
    let over = Files::complete()
        .with("resources/infra.yaml", &resource("{a: 5, b: 6}"))
        .evaluate();
    assert_eq!(
        not_passing(&over),
        [(GateId::ResourcesShared, Status::Fail)]
    );
    assert_eq!(
        evidence(&over, GateId::ResourcesShared)["over_capacity"],
        json!(["infra"])
    );
}

#[test]
fn governance_established_needs_a_cadence_and_fails_coordination_with_it() {
    let files = Files::complete();
    let governance = files.0["governance.yaml"].replace(
        "cadence: [{meeting: Review, every: month, attendees: [chairman]}]\n",
        "",
    );
    let evaluation = files.with("governance.yaml", &governance).evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [
            (GateId::GovernanceEstablished, Status::Fail),
            (GateId::CoordinationEstablished, Status::Fail)
        ]
    );
    assert_eq!(
        result(&evaluation, GateId::GovernanceEstablished).summary,
        "no meeting cadence"
    );
    assert_eq!(
        evidence(&evaluation, GateId::CoordinationEstablished)["files"],
        json!(["governance.yaml"])
    );
}

#[test]
fn initiatives_launched_needs_an_owner_for_each() {
    let unowned = initiative("LAUNCHED", "in-progress").replace("owner: Ada\n", "");
    let evaluation = Files::complete()
        .with("initiatives/LAUNCHED.yaml", &unowned)
        .evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [
            (GateId::InitiativesLaunched, Status::Fail),
            (GateId::CoordinationEstablished, Status::Fail),
            (GateId::SynergiesCaptured, Status::Fail)
        ]
    );
    assert_eq!(
        evidence(&evaluation, GateId::InitiativesLaunched)["without_owner"],
        json!(["LAUNCHED"])
    );
}

#[test]
fn value_captured_counts_value_dated_by_the_evaluation_date() {
    let before = Files::complete().evaluate_as_of("2026-10-31");
    assert_eq!(
        not_passing(&before),
        [
            (GateId::ValueCaptured, Status::Fail),
            (GateId::SynergiesCaptured, Status::Fail)
        ]
    );
    assert_eq!(
        evidence(&before, GateId::SynergiesCaptured)["value_captured"],
        false
    );
    let on = Files::complete().evaluate_as_of("2026-11-01");
    assert_eq!(not_passing(&on), []);
    assert_eq!(on.metrics.value_usd, 2000.0);
}

#[test]
fn a_sum_that_is_not_finite_fails_value_captured_whatever_the_hours() {
    let evaluation = Files::complete()
        .with("value/VE-2.yaml", &value("VE-2", "PLANNED", "1e308", "usd"))
        .with("value/VE-3.yaml", &value("VE-3", "PLANNED", "1e308", "usd"))
        .with("value/VE-4.yaml", &value("VE-4", "LAUNCHED", "50", "hours"))
        .evaluate();
    assert!(evaluation.metrics.value_usd.is_infinite());
    assert_eq!(
        not_passing(&evaluation),
        [
            (GateId::ValueCaptured, Status::Fail),
            (GateId::SynergiesCaptured, Status::Fail),
            (GateId::NegativeSynergyValue, Status::Advisory)
        ]
    );
    let captured = result(&evaluation, GateId::ValueCaptured);
    assert!(
        captured
            .summary
            .starts_with("the money captured as of 2026-11-15 does not sum to a finite figure"),
        "{}",
        captured.summary
    );
    let evidence = evidence(&evaluation, GateId::ValueCaptured);
    assert_eq!(evidence["value_usd"], Value::Null);
    assert_eq!(evidence["not_finite"], json!(["value_usd"]));

    let trigger = result(&evaluation, GateId::NegativeSynergyValue);
    assert!(
        trigger.summary.contains("PLANNED (money total not finite"),
        "{}",
        trigger.summary
    );
    let Evidence::NegativeSynergyValue(negative) = &trigger.evidence else {
        panic!("the trigger's evidence");
    };
    assert_eq!(negative.initiatives, ["PLANNED"]);
    assert_eq!(negative.not_finite, ["PLANNED"]);
    assert_eq!(
        negative
            .files
            .iter()
            .map(|file| &**file)
            .collect::<Vec<_>>(),
        ["value/VE-2.yaml", "value/VE-3.yaml"]
    );
}

#[test]
fn benefits_measured_needs_a_current_snapshot() {
    let evaluation = Files::complete().without("metrics/2026-11.yaml").evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [
            (GateId::BenefitsMeasured, Status::Fail),
            (GateId::SynergiesCaptured, Status::Fail),
            (GateId::PortfolioOptimized, Status::Fail)
        ]
    );
    assert_eq!(
        evidence(&evaluation, GateId::BenefitsMeasured)["files"],
        json!(["metrics/2026-09.yaml"])
    );
}

#[test]
fn coordination_established_needs_approvals_and_fails_in_an_empty_portfolio() {
    let unapproved = Files::complete()
        .with(
            "resources/infra.yaml",
            "id: infra\nname: Infra\ntype: infrastructure\nunit: units\ncapacity: 10\n\
             allocations: {a: 5, b: 5}\n",
        )
        .evaluate();
    assert_eq!(
        not_passing(&unapproved),
        [(GateId::CoordinationEstablished, Status::Fail)]
    );
    assert_eq!(
        evidence(&unapproved, GateId::CoordinationEstablished)["resources_without_approval"],
        json!(["infra"])
    );

    // Only portfolio.yaml and governance.yaml: governance is established, nothing else is.
    let files = Files::complete();
    let empty = Files(BTreeMap::new())
        .with("portfolio.yaml", &files.0["portfolio.yaml"])
        .with("governance.yaml", &files.0["governance.yaml"])
        .evaluate();
    assert!(empty.passes(GateId::GovernanceEstablished));
    let coordination = result(&empty, GateId::CoordinationEstablished);
    assert_eq!(coordination.status, Status::Fail);
    assert_eq!(
        coordination.summary,
        "no initiative and no shared resource exist"
    );
}

#[test]
fn portfolio_optimized_needs_revenue_growth_or_cost_reduction() {
    let evaluation = Files::complete()
        .with("metrics/2026-11.yaml", &metrics("2026-11", false, 1099.0))
        .evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [(GateId::PortfolioOptimized, Status::Fail)]
    );
    let growth = evaluation.metrics.revenue_growth_pct.unwrap_or_default();
    assert!((growth - 9.9).abs() < 1e-9, "{growth}");
}

#[test]
fn a_change_too_large_for_a_number_is_not_computable() {
    let evaluation = Files::complete()
        .with("metrics/2026-09.yaml", &metrics("2026-09", true, 1e-300))
        .with("metrics/2026-11.yaml", &metrics("2026-11", false, 1e300))
        .evaluate();
    assert_eq!(evaluation.metrics.revenue_growth_pct, None);
    assert!(!evaluation.passes(GateId::PortfolioOptimized));
    let degraded = result(&evaluation, GateId::PerformanceDegraded);
    assert_eq!(degraded.status, Status::Pass);
    assert!(
        degraded.summary.contains("too large for a number"),
        "{}",
        degraded.summary
    );
}

#[test]
fn conflicts_escalated_fires_at_its_threshold() {
    // Eight of ten conflicts resolved keeps the resolution rate at 80%.
    let one = Files::complete()
        .with("conflicts/ESC-1.yaml", &conflict("ESC-1", "escalated"))
        .with("conflicts/CON-2.yaml", &conflict("CON-2", "resolved"))
        .with("conflicts/CON-3.yaml", &conflict("CON-3", "resolved"))
        .with("conflicts/CON-4.yaml", &conflict("CON-4", "resolved"));
    let below = one.evaluate();
    assert_eq!(
        not_passing(&below),
        [(GateId::ConflictsResolved, Status::Fail)]
    );
    let fired = one
        .with("conflicts/ESC-2.yaml", &conflict("ESC-2", "escalated"))
        .with("conflicts/CON-5.yaml", &conflict("CON-5", "resolved"))
        .with("conflicts/CON-6.yaml", &conflict("CON-6", "resolved"))
        .with("conflicts/CON-7.yaml", &conflict("CON-7", "resolved"))
        .with("conflicts/CON-8.yaml", &conflict("CON-8", "resolved"))
        .evaluate();
    assert_eq!(
        not_passing(&fired),
        [
            (GateId::ConflictsResolved, Status::Fail),
            (GateId::ConflictsEscalated, Status::Advisory)
        ]
    );
    let trigger = result(&fired, GateId::ConflictsEscalated);
    assert_eq!(
        trigger.evidence.action(),
        Some(Action::RollBackToIndependentOperations)
    );
    assert_eq!(
        trigger
            .evidence
            .files()
            .iter()
            .map(|file| &**file)
            .collect::<Vec<_>>(),
        ["conflicts/ESC-1.yaml", "conflicts/ESC-2.yaml"]
    );
}

#[test]
fn negative_synergy_value_fires_for_a_loss_unless_the_initiative_is_terminated() {
    let losing = Files::complete().with("value/VE-2.yaml", &value("VE-2", "PLANNED", "-1", "usd"));
    let evaluation = losing.clone().evaluate();
    assert_eq!(
        not_passing(&evaluation),
        [(GateId::NegativeSynergyValue, Status::Advisory)]
    );
    assert_eq!(
        evidence(&evaluation, GateId::NegativeSynergyValue)["value_usd"],
        json!({"PLANNED": -1.0})
    );
    let terminated = losing
        .with(
            "initiatives/PLANNED.yaml",
            &initiative("PLANNED", "terminated"),
        )
        .evaluate();
    assert!(terminated.passes(GateId::NegativeSynergyValue));
}

#[test]
fn performance_degraded_fires_on_a_drop_of_more_than_the_threshold() {
    // Against the baseline of 1000: a drop of exactly 10% is allowed, 10.1% is not. Cost does
    // not move, so the portfolio is no longer optimized either.
    let at = Files::complete()
        .with("metrics/2026-11.yaml", &metrics("2026-11", false, 900.0))
        .evaluate();
    assert!(at.passes(GateId::PerformanceDegraded));
    let fired = Files::complete()
        .with("metrics/2026-11.yaml", &metrics("2026-11", false, 899.0))
        .evaluate();
    assert_eq!(
        not_passing(&fired),
        [
            (GateId::PortfolioOptimized, Status::Fail),
            (GateId::PerformanceDegraded, Status::Advisory)
        ]
    );
    let Evidence::PerformanceDegraded(evidence) =
        &result(&fired, GateId::PerformanceDegraded).evidence
    else {
        panic!("the trigger's evidence");
    };
    assert_eq!(
        evidence.previous.as_ref().map(|p| p.period.as_str()),
        Some("2026-09")
    );
    assert!(
        evidence
            .drop_pct
            .is_some_and(|drop| (drop - 10.1).abs() < 1e-9)
    );
    assert_eq!(evidence.action, Action::SuspendAndInvestigate);
}

#[test]
fn the_evaluation_schedules_the_steps_from_stage_started() {
    // Stage started 2026-10-16: 2026-11-15 is day 31, and a step not done is late.
    let files = Files::complete().without("synergies/SYN.yaml");
    let evaluation = files.evaluate();
    let schedule = &evaluation.schedule;
    assert_eq!(schedule.stage_started, Some(date("2026-10-16")));
    assert_eq!(schedule.day, Some(31));
    let statuses: Vec<(GateId, StepStatus)> = schedule
        .steps
        .iter()
        .flatten()
        .map(|step| (step.id, step.status))
        .collect();
    let expected: Vec<(GateId, StepStatus)> = GateId::STEPS
        .into_iter()
        .map(|id| {
            let status = if id == GateId::SynergiesIdentified {
                StepStatus::Late
            } else {
                StepStatus::Done
            };
            (id, status)
        })
        .collect();
    assert_eq!(statuses, expected);

    // Step 2's window is days 5-7 (2026-10-20 to 2026-10-22): due on its last day.
    let last_day = files.evaluate_as_of("2026-10-22");
    let step_2 = last_day
        .schedule
        .steps
        .iter()
        .flatten()
        .find(|step| step.id == GateId::SynergiesIdentified)
        .map(|step| (step.from, step.to, step.status));
    assert_eq!(
        step_2,
        Some((date("2026-10-20"), date("2026-10-22"), StepStatus::Due))
    );

    let unscheduled = Files::complete()
        .with("portfolio.yaml", "name: Unit Studio\n")
        .evaluate();
    assert!(unscheduled.schedule.steps.is_none());
    assert!(unscheduled.schedule.note.is_some());
}
