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
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::kind::Kind;
use crate::load::Document;
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
    /// The file it was read from, relative to the portfolio root (shared with its document).
    pub file: Arc<str>,
    /// Shared with the document it was typed from.
    pub value: Arc<T>,
}

impl<T> Item<T> {
    /// The same place without the value: for code that handles items of several kinds alike.
    pub fn place(&self) -> Item<()> {
        Item {
            document: self.document,
            file: self.file.clone(),
            value: Arc::new(()),
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
    /// Gathers every document that passed its schema, as typed when it was read. A second
    /// Portfolio or Governance document is left out: `duplicate-id` reports it.
    pub fn build(documents: &[Document]) -> Model {
        Model::of(documents)
    }

    /// [`Model::build`] over documents in the order a [`crate::load::Loaded`] holds them (each
    /// one's index is its place in that order), wherever they are kept: a history carried
    /// commit by commit builds its model from its files' documents without gathering them.
    pub fn of<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Model {
        let mut model = Model::default();
        for (index, document) in documents.into_iter().enumerate() {
            let Some(typed) = &document.typed else {
                continue;
            };
            let file = &document.file;
            fn item<T>(index: usize, file: &Arc<str>, value: &Arc<T>) -> Item<T> {
                Item {
                    document: index,
                    file: Arc::clone(file),
                    value: Arc::clone(value),
                }
            }
            match typed {
                TypedDocument::Portfolio(value) => {
                    if model.portfolio.is_none() {
                        model.portfolio = Some(item(index, file, value));
                    }
                }
                TypedDocument::Governance(value) => {
                    if model.governance.is_none() {
                        model.governance = Some(item(index, file, value));
                    }
                }
                TypedDocument::Venture(value) => model.ventures.push(item(index, file, value)),
                TypedDocument::Assessment(value) => {
                    model.assessments.push(item(index, file, value));
                }
                TypedDocument::Synergy(value) => model.synergies.push(item(index, file, value)),
                TypedDocument::Conflict(value) => model.conflicts.push(item(index, file, value)),
                TypedDocument::Initiative(value) => {
                    model.initiatives.push(item(index, file, value));
                }
                TypedDocument::Resource(value) => model.resources.push(item(index, file, value)),
                TypedDocument::ValueEvent(value) => {
                    model.value_events.push(item(index, file, value));
                }
                TypedDocument::Metrics(value) => model.metrics.push(item(index, file, value)),
                TypedDocument::Rollback(value) => model.rollbacks.push(item(index, file, value)),
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
        model
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

/// A schema-valid document as its type, typed once when its file is read.
#[derive(Debug, Clone)]
pub enum TypedDocument {
    Portfolio(Arc<Portfolio>),
    Governance(Arc<Governance>),
    Venture(Arc<Venture>),
    Assessment(Arc<Assessment>),
    Synergy(Arc<Synergy>),
    Conflict(Arc<Conflict>),
    Initiative(Arc<Initiative>),
    Resource(Arc<Resource>),
    ValueEvent(Arc<ValueEvent>),
    Metrics(Arc<Metrics>),
    Rollback(Arc<Rollback>),
}

impl TypedDocument {
    /// Types a schema-valid document of `kind`. The schema is the contract, but a value it
    /// allows may still not fit the type (a count too large for an integer): the error says
    /// which, for a `schema` finding — such a document is never dropped silently.
    pub fn of(kind: Kind, json: &serde_json::Value) -> Result<TypedDocument, serde_json::Error> {
        fn typed<T: DeserializeOwned>(
            json: &serde_json::Value,
        ) -> Result<Arc<T>, serde_json::Error> {
            T::deserialize(json).map(Arc::new)
        }
        Ok(match kind {
            Kind::Portfolio => TypedDocument::Portfolio(typed(json)?),
            Kind::Governance => TypedDocument::Governance(typed(json)?),
            Kind::Venture => TypedDocument::Venture(typed(json)?),
            Kind::Assessment => TypedDocument::Assessment(typed(json)?),
            Kind::Synergy => TypedDocument::Synergy(typed(json)?),
            Kind::Conflict => TypedDocument::Conflict(typed(json)?),
            Kind::Initiative => TypedDocument::Initiative(typed(json)?),
            Kind::Resource => TypedDocument::Resource(typed(json)?),
            Kind::ValueEvent => TypedDocument::ValueEvent(typed(json)?),
            Kind::Metrics => TypedDocument::Metrics(typed(json)?),
            Kind::Rollback => TypedDocument::Rollback(typed(json)?),
        })
    }
}
