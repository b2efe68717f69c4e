//! folio's command-line tests, in one binary so that they compile once.

mod example;
mod formats;
mod hostile;
mod loading;
mod readme;
mod schema_fixtures;
mod support;
