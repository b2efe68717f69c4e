//! folio's command-line tests, in one binary so that they compile once.

mod browser;
mod cascades;
mod conventions;
mod default_deny;
mod default_deny_property;
mod diff;
mod evaluation_date;
mod example;
mod files;
mod formats;
mod gates;
mod history_property;
mod hostile;
mod html;
mod incremental;
mod init;
mod loading;
mod log;
mod pre_commit;
mod readme;
mod repo;
mod report;
mod rule_fixtures;
mod schema_fixtures;
mod support;
mod timeline;
