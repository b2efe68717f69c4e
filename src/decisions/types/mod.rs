//! The thirteen decision types: one file each, owning when the decision is made (its detector),
//! the facts its `when` conditions may read, and the sentence that names it. `check`, `diff` and
//! `log` all read decision types and their facts from here, so they cannot disagree.

mod add_venture;
mod amend_record;
mod change_governance;
mod change_initiative_budget;
mod change_thresholds;
mod change_venture_status;
mod declare_rollback;
mod escalate_conflict;
mod launch_initiative;
mod reallocate_resources;
mod record_approval;
mod resolve_conflict;
mod sunset_venture;

use std::fmt;

use serde::{Serialize, Serializer};

use super::condition::Vocabulary;
use super::records::{Detected, RecordChange};
use crate::numbers;

pub use amend_record::{leftover as amend_leftover, unreadable as amend_unreadable};
pub use change_governance::{governance_files as governance_change, protected_path};

/// A type of decision that a change can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DecisionType {
    LaunchInitiative,
    ChangeInitiativeBudget,
    ReallocateResources,
    AddVenture,
    SunsetVenture,
    ChangeVentureStatus,
    EscalateConflict,
    ResolveConflict,
    RecordApproval,
    ChangeThresholds,
    ChangeGovernance,
    DeclareRollback,
    AmendRecord,
}

/// What one decision type file declares.
pub struct Definition {
    pub name: &'static str,
    /// When a change makes the decision, as the README's decision table says it.
    pub made_when: &'static str,
    /// The facts its `when` conditions may read, with their types.
    pub facts: &'static Vocabulary,
}

impl DecisionType {
    pub const ALL: [DecisionType; 13] = [
        DecisionType::LaunchInitiative,
        DecisionType::ChangeInitiativeBudget,
        DecisionType::ReallocateResources,
        DecisionType::AddVenture,
        DecisionType::SunsetVenture,
        DecisionType::ChangeVentureStatus,
        DecisionType::EscalateConflict,
        DecisionType::ResolveConflict,
        DecisionType::RecordApproval,
        DecisionType::ChangeThresholds,
        DecisionType::ChangeGovernance,
        DecisionType::DeclareRollback,
        DecisionType::AmendRecord,
    ];

    /// The four decision rights the SOP's governance playbook names; every other type falls
    /// back to the chairman when governance gives it no right.
    pub const SOP_PLAYBOOK: [DecisionType; 4] = [
        DecisionType::LaunchInitiative,
        DecisionType::ReallocateResources,
        DecisionType::SunsetVenture,
        DecisionType::ResolveConflict,
    ];

    pub fn definition(self) -> &'static Definition {
        match self {
            DecisionType::LaunchInitiative => &launch_initiative::DEFINITION,
            DecisionType::ChangeInitiativeBudget => &change_initiative_budget::DEFINITION,
            DecisionType::ReallocateResources => &reallocate_resources::DEFINITION,
            DecisionType::AddVenture => &add_venture::DEFINITION,
            DecisionType::SunsetVenture => &sunset_venture::DEFINITION,
            DecisionType::ChangeVentureStatus => &change_venture_status::DEFINITION,
            DecisionType::EscalateConflict => &escalate_conflict::DEFINITION,
            DecisionType::ResolveConflict => &resolve_conflict::DEFINITION,
            DecisionType::RecordApproval => &record_approval::DEFINITION,
            DecisionType::ChangeThresholds => &change_thresholds::DEFINITION,
            DecisionType::ChangeGovernance => &change_governance::DEFINITION,
            DecisionType::DeclareRollback => &declare_rollback::DEFINITION,
            DecisionType::AmendRecord => &amend_record::DEFINITION,
        }
    }

    pub fn name(self) -> &'static str {
        self.definition().name
    }

    /// The facts a `when` condition of this type may read.
    pub fn facts(self) -> &'static Vocabulary {
        self.definition().facts
    }

    pub fn parse(name: &str) -> Option<DecisionType> {
        DecisionType::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
    }

    /// The README's decision table: each type, when it is made, and its facts.
    pub fn markdown_table() -> String {
        let mut table =
            String::from("| decision | made when | facts for `when` |\n|---|---|---|\n");
        for kind in DecisionType::ALL {
            let facts: Vec<String> = kind
                .facts()
                .iter()
                .map(|(name, fact)| format!("`{name}` ({})", fact.as_str()))
                .collect();
            table.push_str(&format!(
                "| `{}` | {} | {} |\n",
                kind.name(),
                kind.definition().made_when,
                if facts.is_empty() {
                    "—".to_string()
                } else {
                    facts.join(", ")
                }
            ));
        }
        table
    }
}

impl fmt::Display for DecisionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for DecisionType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// Every detector of a decision that a record's change can make, in the order of the table.
/// Whatever governed change none of them claims becomes an `amend-record`.
pub const RECORD_DETECTORS: [fn(&RecordChange<'_>, &mut Detected<'_>); 11] = [
    launch_initiative::detect,
    change_initiative_budget::detect,
    reallocate_resources::detect,
    add_venture::detect,
    sunset_venture::detect,
    change_venture_status::detect,
    escalate_conflict::detect,
    resolve_conflict::detect,
    record_approval::detect,
    change_thresholds::detect,
    declare_rollback::detect,
];

/// Money as a decision's sentence shows it: grouped, with the currency.
fn money(value: f64, currency: &str) -> String {
    if !value.is_finite() {
        "a sum that is not finite".to_string()
    } else if value.abs() >= 1e15 {
        format!("{value:e} {currency}")
    } else {
        format!("{} {currency}", numbers::grouped(value))
    }
}
