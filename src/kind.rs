//! The eleven artifact kinds: their names, folders, identity fields and embedded schemas.

use std::fmt;

/// What a YAML document in a portfolio is, decided by the folder it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Portfolio,
    Governance,
    Venture,
    Assessment,
    Synergy,
    Conflict,
    Initiative,
    Resource,
    ValueEvent,
    Metrics,
    Rollback,
}

impl Kind {
    /// Every kind, in the order DESIGN.md lists them.
    pub const ALL: [Kind; 11] = [
        Kind::Portfolio,
        Kind::Governance,
        Kind::Venture,
        Kind::Assessment,
        Kind::Synergy,
        Kind::Conflict,
        Kind::Initiative,
        Kind::Resource,
        Kind::ValueEvent,
        Kind::Metrics,
        Kind::Rollback,
    ];

    /// The name a document gives in its `kind:` field.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Portfolio => "Portfolio",
            Kind::Governance => "Governance",
            Kind::Venture => "Venture",
            Kind::Assessment => "Assessment",
            Kind::Synergy => "Synergy",
            Kind::Conflict => "Conflict",
            Kind::Initiative => "Initiative",
            Kind::Resource => "Resource",
            Kind::ValueEvent => "ValueEvent",
            Kind::Metrics => "Metrics",
            Kind::Rollback => "Rollback",
        }
    }

    /// The kebab-case name used for the schema file and on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Portfolio => "portfolio",
            Kind::Governance => "governance",
            Kind::Venture => "venture",
            Kind::Assessment => "assessment",
            Kind::Synergy => "synergy",
            Kind::Conflict => "conflict",
            Kind::Initiative => "initiative",
            Kind::Resource => "resource",
            Kind::ValueEvent => "value-event",
            Kind::Metrics => "metrics",
            Kind::Rollback => "rollback",
        }
    }

    /// What a document of this kind is called in a sentence: "venture", "value event".
    pub fn noun(self) -> String {
        self.slug().replace('-', " ")
    }

    /// The folder under the portfolio root that holds documents of this kind; `None` for the
    /// two kinds that live in a single file at the root.
    pub fn folder(self) -> Option<&'static str> {
        match self {
            Kind::Portfolio | Kind::Governance => None,
            Kind::Venture => Some("ventures"),
            Kind::Assessment => Some("assessments"),
            Kind::Synergy => Some("synergies"),
            Kind::Conflict => Some("conflicts"),
            Kind::Initiative => Some("initiatives"),
            Kind::Resource => Some("resources"),
            Kind::ValueEvent => Some("value"),
            Kind::Metrics => Some("metrics"),
            Kind::Rollback => Some("rollbacks"),
        }
    }

    /// The field that identifies a document of this kind among its peers, if it has one.
    pub fn id_field(self) -> Option<&'static str> {
        match self {
            Kind::Portfolio | Kind::Governance | Kind::Assessment => None,
            Kind::Initiative => Some("initiative_id"),
            Kind::Metrics => Some("period"),
            _ => Some("id"),
        }
    }

    /// The files at the portfolio root that hold the two single documents.
    pub const ROOT_FILES: [&str; 4] = [
        "portfolio.yaml",
        "portfolio.yml",
        "governance.yaml",
        "governance.yml",
    ];

    /// Portfolio and Governance are single documents at the root of the portfolio.
    pub fn is_singleton(self) -> bool {
        self.folder().is_none()
    }

    /// The JSON Schema of this kind, as embedded in the binary.
    pub fn schema_text(self) -> &'static str {
        match self {
            Kind::Portfolio => include_str!("../schemas/portfolio.schema.json"),
            Kind::Governance => include_str!("../schemas/governance.schema.json"),
            Kind::Venture => include_str!("../schemas/venture.schema.json"),
            Kind::Assessment => include_str!("../schemas/assessment.schema.json"),
            Kind::Synergy => include_str!("../schemas/synergy.schema.json"),
            Kind::Conflict => include_str!("../schemas/conflict.schema.json"),
            Kind::Initiative => include_str!("../schemas/initiative.schema.json"),
            Kind::Resource => include_str!("../schemas/resource.schema.json"),
            Kind::ValueEvent => include_str!("../schemas/value-event.schema.json"),
            Kind::Metrics => include_str!("../schemas/metrics.schema.json"),
            Kind::Rollback => include_str!("../schemas/rollback.schema.json"),
        }
    }

    /// Finds a kind by its name or slug, ignoring case and dashes: `ValueEvent`,
    /// `value-event` and `valueevent` are one kind.
    pub fn parse(text: &str) -> Option<Kind> {
        let wanted: String = text
            .chars()
            .filter(|c| *c != '-' && *c != '_')
            .flat_map(char::to_lowercase)
            .collect();
        Kind::ALL
            .into_iter()
            .find(|kind| kind.name().to_lowercase() == wanted)
    }

    /// The kind of a file, from its path relative to the portfolio root (with `/` separators).
    pub fn of_path(relative: &str) -> Option<Kind> {
        match relative.split_once('/') {
            None => match relative {
                "portfolio.yaml" | "portfolio.yml" => Some(Kind::Portfolio),
                "governance.yaml" | "governance.yml" => Some(Kind::Governance),
                _ => None,
            },
            Some((folder, _)) => Kind::ALL
                .into_iter()
                .find(|kind| kind.folder() == Some(folder)),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_found_by_folder_and_root_file() {
        assert_eq!(Kind::of_path("ventures/energy/a.yaml"), Some(Kind::Venture));
        assert_eq!(Kind::of_path("value/q3.yml"), Some(Kind::ValueEvent));
        assert_eq!(Kind::of_path("portfolio.yaml"), Some(Kind::Portfolio));
        assert_eq!(Kind::of_path("notes.yaml"), None);
        assert_eq!(Kind::of_path("drafts/a.yaml"), None);
    }

    #[test]
    fn kinds_parse_by_name_or_slug() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.name()), Some(kind));
            assert_eq!(Kind::parse(kind.slug()), Some(kind));
        }
        assert_eq!(Kind::parse("nothing"), None);
    }
}
