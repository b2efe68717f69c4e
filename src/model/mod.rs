//! Typed artifacts, one file per kind, built only from documents that passed their schema:
//! later stages (rules, gates, decisions) take these checked types, never raw YAML.

pub mod assessment;
pub mod conflict;
pub mod date;
pub mod governance;
pub mod initiative;
pub mod metrics;
pub mod portfolio;
pub mod resource;
pub mod rollback;
pub mod synergy;
pub mod value_event;
pub mod venture;

use std::collections::HashMap;
use std::ops::Deref;

use serde::de::DeserializeOwned;

use crate::finding::Finding;
use crate::kind::Kind;
use crate::load::Document;
use crate::rules;
pub use assessment::Assessment;
pub use conflict::Conflict;
pub use governance::Governance;
pub use initiative::Initiative;
pub use metrics::Metrics;
pub use portfolio::{Portfolio, Thresholds};
pub use resource::Resource;
pub use rollback::Rollback;
pub use synergy::Synergy;
pub use value_event::ValueEvent;
pub use venture::Venture;

/// A typed artifact and the document it was read from (its index among the loaded documents),
/// through which every finding about it finds its position.
#[derive(Debug, Clone)]
pub struct Item<T> {
    pub document: usize,
    /// The file it was read from, relative to the portfolio root.
    pub file: String,
    pub value: T,
}

impl<T> Item<T> {
    /// The same place without the value: for code that handles items of several kinds alike.
    pub fn place(&self) -> Item<()> {
        Item {
            document: self.document,
            file: self.file.clone(),
            value: (),
        }
    }
}

impl<T> Deref for Item<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// The whole portfolio, typed.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub portfolio: Option<Item<Portfolio>>,
    pub governance: Option<Item<Governance>>,
    pub ventures: Vec<Item<Venture>>,
    pub assessments: Vec<Item<Assessment>>,
    pub synergies: Vec<Item<Synergy>>,
    pub conflicts: Vec<Item<Conflict>>,
    pub initiatives: Vec<Item<Initiative>>,
    pub resources: Vec<Item<Resource>>,
    pub value_events: Vec<Item<ValueEvent>>,
    pub metrics: Vec<Item<Metrics>>,
    pub rollbacks: Vec<Item<Rollback>>,
    venture_index: HashMap<String, usize>,
    initiative_index: HashMap<String, usize>,
}

impl Model {
    /// Types every document that passed its schema. A second Portfolio or Governance document
    /// is left out: `duplicate-id` reports it. A schema-valid document that its type cannot
    /// hold (a number too large for a count) is never dropped silently: it gets a `schema`
    /// finding.
    pub fn build(documents: &[Document]) -> (Model, Vec<Finding>) {
        let mut model = Model::default();
        let mut findings = Vec::new();
        for (index, document) in documents.iter().enumerate() {
            let Some(json) = document.json.as_deref() else {
                continue;
            };
            let mut typed = Typer {
                index,
                document,
                json,
                findings: &mut findings,
            };
            match document.kind {
                Kind::Portfolio => {
                    if model.portfolio.is_none() {
                        model.portfolio = typed.typed();
                    }
                }
                Kind::Governance => {
                    if model.governance.is_none() {
                        model.governance = typed.typed();
                    }
                }
                Kind::Venture => model.ventures.extend(typed.typed()),
                Kind::Assessment => model.assessments.extend(typed.typed()),
                Kind::Synergy => model.synergies.extend(typed.typed()),
                Kind::Conflict => model.conflicts.extend(typed.typed()),
                Kind::Initiative => model.initiatives.extend(typed.typed()),
                Kind::Resource => model.resources.extend(typed.typed()),
                Kind::ValueEvent => model.value_events.extend(typed.typed()),
                Kind::Metrics => model.metrics.extend(typed.typed()),
                Kind::Rollback => model.rollbacks.extend(typed.typed()),
            }
        }
        for (position, venture) in model.ventures.iter().enumerate() {
            model
                .venture_index
                .entry(venture.id.clone())
                .or_insert(position);
        }
        for (position, initiative) in model.initiatives.iter().enumerate() {
            model
                .initiative_index
                .entry(initiative.initiative_id.clone())
                .or_insert(position);
        }
        (model, findings)
    }

    /// The thresholds in force: the portfolio's overrides over the SOP's defaults.
    pub fn thresholds(&self) -> Thresholds {
        self.portfolio
            .as_ref()
            .map(|portfolio| portfolio.thresholds.clone())
            .unwrap_or_default()
    }

    pub fn venture(&self, id: &str) -> Option<&Item<Venture>> {
        self.venture_index
            .get(id)
            .map(|index| &self.ventures[*index])
    }

    pub fn initiative(&self, id: &str) -> Option<&Item<Initiative>> {
        self.initiative_index
            .get(id)
            .map(|index| &self.initiatives[*index])
    }
}

/// Types one schema-valid document, reporting a value its type cannot hold.
struct Typer<'a> {
    index: usize,
    document: &'a Document,
    json: &'a serde_json::Value,
    findings: &'a mut Vec<Finding>,
}

impl Typer<'_> {
    fn typed<T: DeserializeOwned>(&mut self) -> Option<Item<T>> {
        match T::deserialize(self.json) {
            Ok(value) => Some(Item {
                document: self.index,
                file: self.document.file.clone(),
                value,
            }),
            Err(error) => {
                self.findings.push(Finding::new(
                    &rules::SCHEMA,
                    &self.document.file,
                    "",
                    self.document.position(""),
                    format!(
                        "folio cannot hold this {} document: {error}; expected values within the schema's ranges",
                        self.document.kind
                    ),
                ));
                None
            }
        }
    }
}
