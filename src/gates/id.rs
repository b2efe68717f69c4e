//! The names of the gates: each id, its kind and, for a step, its number in the SOP. Strings
//! appear only where an id is printed or read back.

use std::fmt;

use serde::Serialize;

/// Whether a result is an entry gate, one of the nine steps, an exit gate or a rollback trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GateKind {
    Entry,
    Step,
    Exit,
    Rollback,
}

impl GateKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GateKind::Entry => "entry",
            GateKind::Step => "step",
            GateKind::Exit => "exit",
            GateKind::Rollback => "rollback",
        }
    }
}

/// Every gate, step and trigger of DESIGN.md "Gates", in its order. Serialised as its
/// kebab-case id (`multiple-ventures-active`), the name every output uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GateId {
    MultipleVenturesActive,
    DataIntegrated,
    VenturesAssessed,
    SynergiesIdentified,
    ConflictsResolved,
    PlansCreated,
    ResourcesShared,
    GovernanceEstablished,
    InitiativesLaunched,
    ValueCaptured,
    BenefitsMeasured,
    CoordinationEstablished,
    SynergiesCaptured,
    PortfolioOptimized,
    ConflictsEscalated,
    NegativeSynergyValue,
    PerformanceDegraded,
}

impl GateId {
    /// Every id, in DESIGN.md's order: the order of every output.
    pub const ALL: [GateId; 17] = [
        GateId::MultipleVenturesActive,
        GateId::DataIntegrated,
        GateId::VenturesAssessed,
        GateId::SynergiesIdentified,
        GateId::ConflictsResolved,
        GateId::PlansCreated,
        GateId::ResourcesShared,
        GateId::GovernanceEstablished,
        GateId::InitiativesLaunched,
        GateId::ValueCaptured,
        GateId::BenefitsMeasured,
        GateId::CoordinationEstablished,
        GateId::SynergiesCaptured,
        GateId::PortfolioOptimized,
        GateId::ConflictsEscalated,
        GateId::NegativeSynergyValue,
        GateId::PerformanceDegraded,
    ];

    /// The nine steps, step 1 first: the SOP's "done when" column.
    pub const STEPS: [GateId; 9] = [
        GateId::VenturesAssessed,
        GateId::SynergiesIdentified,
        GateId::ConflictsResolved,
        GateId::PlansCreated,
        GateId::ResourcesShared,
        GateId::GovernanceEstablished,
        GateId::InitiativesLaunched,
        GateId::ValueCaptured,
        GateId::BenefitsMeasured,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GateId::MultipleVenturesActive => "multiple-ventures-active",
            GateId::DataIntegrated => "data-integrated",
            GateId::VenturesAssessed => "ventures-assessed",
            GateId::SynergiesIdentified => "synergies-identified",
            GateId::ConflictsResolved => "conflicts-resolved",
            GateId::PlansCreated => "plans-created",
            GateId::ResourcesShared => "resources-shared",
            GateId::GovernanceEstablished => "governance-established",
            GateId::InitiativesLaunched => "initiatives-launched",
            GateId::ValueCaptured => "value-captured",
            GateId::BenefitsMeasured => "benefits-measured",
            GateId::CoordinationEstablished => "coordination-established",
            GateId::SynergiesCaptured => "synergies-captured",
            GateId::PortfolioOptimized => "portfolio-optimized",
            GateId::ConflictsEscalated => "conflicts-escalated",
            GateId::NegativeSynergyValue => "negative-synergy-value",
            GateId::PerformanceDegraded => "performance-degraded",
        }
    }

    /// The id written as text, as every output prints it.
    pub fn parse(text: &str) -> Option<GateId> {
        GateId::ALL.into_iter().find(|id| id.as_str() == text)
    }

    pub fn kind(self) -> GateKind {
        match self {
            GateId::MultipleVenturesActive | GateId::DataIntegrated => GateKind::Entry,
            GateId::VenturesAssessed
            | GateId::SynergiesIdentified
            | GateId::ConflictsResolved
            | GateId::PlansCreated
            | GateId::ResourcesShared
            | GateId::GovernanceEstablished
            | GateId::InitiativesLaunched
            | GateId::ValueCaptured
            | GateId::BenefitsMeasured => GateKind::Step,
            GateId::CoordinationEstablished
            | GateId::SynergiesCaptured
            | GateId::PortfolioOptimized => GateKind::Exit,
            GateId::ConflictsEscalated
            | GateId::NegativeSynergyValue
            | GateId::PerformanceDegraded => GateKind::Rollback,
        }
    }

    /// The step's number in the SOP (1 to 9); `None` for a gate or a trigger.
    pub fn step(self) -> Option<u8> {
        GateId::STEPS
            .iter()
            .position(|step| *step == self)
            .and_then(|index| u8::try_from(index + 1).ok())
    }
}

impl fmt::Display for GateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_serialise_as_their_kebab_case_names_and_parse_back() {
        for id in GateId::ALL {
            assert_eq!(
                serde_json::to_value(id).ok(),
                Some(serde_json::Value::String(id.as_str().into()))
            );
            assert_eq!(GateId::parse(id.as_str()), Some(id));
        }
        assert_eq!(GateId::parse("value captured"), None);
    }

    #[test]
    fn kinds_come_in_designs_order_and_steps_are_numbered_one_to_nine() {
        let kinds: Vec<GateKind> = GateId::ALL.iter().map(|id| id.kind()).collect();
        let mut expected = vec![GateKind::Entry; 2];
        expected.extend([GateKind::Step; 9]);
        expected.extend([GateKind::Exit; 3]);
        expected.extend([GateKind::Rollback; 3]);
        assert_eq!(kinds, expected);
        let steps: Vec<(GateId, u8)> = GateId::ALL
            .into_iter()
            .filter_map(|id| id.step().map(|step| (id, step)))
            .collect();
        assert_eq!(steps.len(), 9);
        for (index, (id, step)) in steps.into_iter().enumerate() {
            assert_eq!(usize::from(step), index + 1, "{id}");
            assert_eq!(id.kind(), GateKind::Step);
        }
    }
}
