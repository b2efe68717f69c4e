//! The rule registry: every rule's name, severity, family, documentation and check, in one
//! static list. One file per rule, named after the problem it flags; reading rules, enforced
//! while files are read, live together in `reading.rs`; the fields in which artifacts name
//! other records, which the reference rules share, in `references.rs`.
//!
//! A rule's name is a user-facing contract (people filter on it): never rename one.

/// Declares a rule. Its `///` doc comment is what `folio explain` prints, so it says what the
/// rule checks, why it matters, a failing example (```yaml blocks, each opening with a
/// `# path` comment; the example is run by the tests) and how to fix it.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $ident:ident = {
            name: $name:literal,
            severity: $severity:ident,
            family: $family:ident,
            summary: $summary:literal,
            help: $help:literal,
            check: $check:expr $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $ident: $crate::rules::Rule = $crate::rules::Rule {
            name: $name,
            severity: $crate::finding::Severity::$severity,
            family: $crate::rules::Family::$family,
            summary: $summary,
            help: $help,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}

mod allocation_over_capacity;
mod allocation_to_inactive_venture;
mod baseline_missing;
mod continue_below_viable_score;
mod critical_venture_underallocated;
mod duplicate_id;
mod duplicate_member;
mod duplicate_venture_in_list;
mod id_filename_mismatch;
mod invalid_condition;
mod launched_without_owner;
mod milestone_overdue;
mod missing_governance;
mod missing_portfolio;
mod multiple_baselines;
mod non_finite_value;
mod reading;
pub mod references;
mod resolved_conflict_incomplete;
mod rollback_initiative_active;
mod rollback_without_post_mortem;
mod single_point_of_failure;
mod stale_net_score;
mod stale_total;
mod unknown_decision_type;
mod unknown_initiative;
mod unknown_resource;
mod unknown_role;
mod unknown_synergy;
mod unknown_venture;
mod weights_not_normalised;

pub use allocation_over_capacity::ALLOCATION_OVER_CAPACITY;
pub use allocation_to_inactive_venture::ALLOCATION_TO_INACTIVE_VENTURE;
pub use baseline_missing::BASELINE_MISSING;
pub use continue_below_viable_score::CONTINUE_BELOW_VIABLE_SCORE;
pub use critical_venture_underallocated::CRITICAL_VENTURE_UNDERALLOCATED;
pub use duplicate_id::DUPLICATE_ID;
pub use duplicate_member::DUPLICATE_MEMBER;
pub use duplicate_venture_in_list::DUPLICATE_VENTURE_IN_LIST;
pub use id_filename_mismatch::ID_FILENAME_MISMATCH;
pub use invalid_condition::INVALID_CONDITION;
pub use launched_without_owner::LAUNCHED_WITHOUT_OWNER;
pub use milestone_overdue::MILESTONE_OVERDUE;
pub use missing_governance::MISSING_GOVERNANCE;
pub use missing_portfolio::MISSING_PORTFOLIO;
pub use multiple_baselines::MULTIPLE_BASELINES;
pub use non_finite_value::NON_FINITE_VALUE;
pub use reading::{
    ALIAS_LIMIT, DUPLICATE_KEY, FILE_TOO_LARGE, INVALID_GLOB, KIND_MISMATCH, NESTING_TOO_DEEP,
    NON_STRING_KEY, NOT_UTF8, SCHEMA, SYMLINK, UNKNOWN_LOCATION, YAML_SYNTAX, YAML_TAG,
};
pub use resolved_conflict_incomplete::RESOLVED_CONFLICT_INCOMPLETE;
pub use rollback_initiative_active::ROLLBACK_INITIATIVE_ACTIVE;
pub use rollback_without_post_mortem::ROLLBACK_WITHOUT_POST_MORTEM;
pub use single_point_of_failure::SINGLE_POINT_OF_FAILURE;
pub use stale_net_score::STALE_NET_SCORE;
pub use stale_total::STALE_TOTAL;
pub use unknown_decision_type::UNKNOWN_DECISION_TYPE;
pub use unknown_initiative::UNKNOWN_INITIATIVE;
pub use unknown_resource::UNKNOWN_RESOURCE;
pub use unknown_role::UNKNOWN_ROLE;
pub use unknown_synergy::UNKNOWN_SYNERGY;
pub use unknown_venture::UNKNOWN_VENTURE;
pub use weights_not_normalised::WEIGHTS_NOT_NORMALISED;

pub(crate) use crate::numbers::figure;
pub use references::{Field, Reference, Shape};

use std::collections::BTreeSet;

use crate::finding::{Finding, Position, Severity};
use crate::kind::Kind;
use crate::load::{Document, Loaded};
use crate::model::date::Date;
use crate::model::{Item, Model};
use crate::suggest::closest;

/// The family a rule belongs to, as DESIGN.md groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Reading,
    Schema,
    Identity,
    References,
    Arithmetic,
    Allocation,
    Process,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Reading => "reading",
            Family::Schema => "schema",
            Family::Identity => "identity",
            Family::References => "references",
            Family::Arithmetic => "arithmetic",
            Family::Allocation => "allocation",
            Family::Process => "process",
        }
    }
}

/// What a cross-file rule runs on: the loaded documents (for positions, and for the reference
/// fields, read from every document whether or not it passed its schema), the typed model and
/// the evaluation date (the same as the gates': `--as-of`, else the portfolio's `as_of`, else
/// the commit's day, else today), so that a rule about time stays pure.
pub struct Context<'a> {
    pub loaded: &'a Loaded,
    pub model: &'a Model,
    pub as_of: Date,
}

/// A cross-file rule's check: it adds its findings to the list.
pub type Check = fn(&Context<'_>, &mut Vec<Finding>);

/// A rule: what `folio explain NAME` prints and what every finding of it carries.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case name that reads as "allow ⟨name⟩".
    pub name: &'static str,
    pub severity: Severity,
    pub family: Family,
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// The help line a finding carries unless it has a more specific one.
    pub help: &'static str,
    /// The doc comment, as written (each line keeps the space after `///`).
    pub doc: &'static str,
    /// The check of a cross-file rule; `None` for rules enforced while reading.
    pub check: Option<Check>,
}

impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.name == other.name
    }
}

/// Where folio's documentation lives: the repository whose README documents every rule, as
/// Cargo.toml's `package.repository` names it — the one place to change when the project
/// moves or is forked (the release, the action and the workflows name it too). SARIF's
/// `helpUri` derives from it, and SARIF also carries each rule's documentation in full.
pub const HOME: &str = env!("CARGO_PKG_REPOSITORY");

impl Rule {
    /// The rule's name in PascalCase (`allocation-over-capacity` → `AllocationOverCapacity`):
    /// SARIF's `name`, which tools show as a title beside the kebab-case id.
    pub fn title(&self) -> String {
        self.name
            .split('-')
            .flat_map(|word| {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_ascii_uppercase())
                    .into_iter()
                    .chain(chars)
            })
            .collect()
    }

    /// Where the rule is documented: the README's rule table in folio's repository ([`HOME`]).
    pub fn help_uri(&self) -> String {
        format!("{HOME}#rules")
    }

    /// The documentation as `folio explain` prints it.
    pub fn documentation(&self) -> String {
        let lines: Vec<&str> = self
            .doc
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect();
        lines.join("\n").trim().to_string()
    }

    /// The files of the rule's documented example: `(path, text)` for each ```yaml block,
    /// whose first line is `# path`.
    pub fn example_files(&self) -> Vec<(String, String)> {
        let documentation = self.documentation();
        let mut files = Vec::new();
        let mut current: Option<(String, String)> = None;
        let mut in_block = false;
        for line in documentation.lines() {
            if line.trim_start() == "```yaml" {
                in_block = true;
                continue;
            }
            if in_block && line.trim_start() == "```" {
                in_block = false;
                files.extend(current.take());
                continue;
            }
            if !in_block {
                continue;
            }
            match &mut current {
                None => {
                    let path = line.trim_start_matches('#').trim().to_string();
                    current = Some((path, String::new()));
                }
                Some((_, text)) => {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
        files
    }
}

/// Every rule, in the order DESIGN.md lists them.
pub static RULES: &[&Rule] = &[
    &YAML_SYNTAX,
    &DUPLICATE_KEY,
    &YAML_TAG,
    &NON_STRING_KEY,
    &NOT_UTF8,
    &FILE_TOO_LARGE,
    &NESTING_TOO_DEEP,
    &ALIAS_LIMIT,
    &UNKNOWN_LOCATION,
    &KIND_MISMATCH,
    &SYMLINK,
    &INVALID_GLOB,
    &SCHEMA,
    &DUPLICATE_ID,
    &ID_FILENAME_MISMATCH,
    &MISSING_PORTFOLIO,
    &MISSING_GOVERNANCE,
    &UNKNOWN_VENTURE,
    &UNKNOWN_INITIATIVE,
    &UNKNOWN_SYNERGY,
    &UNKNOWN_RESOURCE,
    &UNKNOWN_ROLE,
    &DUPLICATE_VENTURE_IN_LIST,
    &DUPLICATE_MEMBER,
    &STALE_TOTAL,
    &STALE_NET_SCORE,
    &WEIGHTS_NOT_NORMALISED,
    &CONTINUE_BELOW_VIABLE_SCORE,
    &ALLOCATION_OVER_CAPACITY,
    &ALLOCATION_TO_INACTIVE_VENTURE,
    &SINGLE_POINT_OF_FAILURE,
    &CRITICAL_VENTURE_UNDERALLOCATED,
    &RESOLVED_CONFLICT_INCOMPLETE,
    &BASELINE_MISSING,
    &MULTIPLE_BASELINES,
    &ROLLBACK_INITIATIVE_ACTIVE,
    &LAUNCHED_WITHOUT_OWNER,
    &UNKNOWN_DECISION_TYPE,
    &INVALID_CONDITION,
    &MILESTONE_OVERDUE,
    &ROLLBACK_WITHOUT_POST_MORTEM,
    &NON_FINITE_VALUE,
];

/// The rules whose findings only ever land in record files, never in portfolio.yaml or
/// governance.yaml. Every other rule, a new one included until it is listed here, also runs in
/// [`check_root_files`], by which `folio diff` judges whether a head can be approved at all; a
/// test keeps this list true against every rule's fixtures.
pub static RECORD_ONLY: &[&Rule] = &[
    &UNKNOWN_VENTURE,
    &UNKNOWN_INITIATIVE,
    &UNKNOWN_SYNERGY,
    &UNKNOWN_RESOURCE,
    &DUPLICATE_VENTURE_IN_LIST,
    &ID_FILENAME_MISMATCH,
    &STALE_TOTAL,
    &STALE_NET_SCORE,
    &CONTINUE_BELOW_VIABLE_SCORE,
    &ALLOCATION_OVER_CAPACITY,
    &ALLOCATION_TO_INACTIVE_VENTURE,
    &SINGLE_POINT_OF_FAILURE,
    &CRITICAL_VENTURE_UNDERALLOCATED,
    &RESOLVED_CONFLICT_INCOMPLETE,
    &BASELINE_MISSING,
    &MULTIPLE_BASELINES,
    &ROLLBACK_INITIATIVE_ACTIVE,
    &LAUNCHED_WITHOUT_OWNER,
    &MILESTONE_OVERDUE,
    &ROLLBACK_WITHOUT_POST_MORTEM,
    &NON_FINITE_VALUE,
];

/// Finds a rule by its name.
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.name == name)
}

/// Runs every cross-file rule, as of `as_of`.
pub fn check(loaded: &Loaded, model: &Model, as_of: Date) -> Vec<Finding> {
    let context = Context {
        loaded,
        model,
        as_of,
    };
    let mut findings = Vec::new();
    for rule in RULES {
        if let Some(check) = rule.check {
            check(&context, &mut findings);
        }
    }
    findings
}

/// The findings of every cross-file rule that can report in portfolio.yaml or governance.yaml,
/// in those files only.
pub fn check_root_files(loaded: &Loaded, model: &Model, as_of: Date) -> Vec<Finding> {
    let context = Context {
        loaded,
        model,
        as_of,
    };
    let mut findings = Vec::new();
    for rule in RULES.iter().filter(|rule| !RECORD_ONLY.contains(rule)) {
        if let Some(check) = rule.check {
            check(&context, &mut findings);
        }
    }
    findings.retain(|finding| Kind::of_path(&finding.file).is_some_and(Kind::is_singleton));
    findings
}

impl Context<'_> {
    pub fn document<T>(&self, item: &Item<T>) -> &Document {
        &self.loaded.documents[item.document]
    }

    /// A finding at the node of `pointer` in `item`'s document.
    pub fn at<T>(
        &self,
        rule: &'static Rule,
        item: &Item<T>,
        pointer: &str,
        message: String,
    ) -> Finding {
        in_document(rule, self.document(item), pointer, message)
    }

    /// A finding at the key that `pointer` hangs from (a map entry such as an allocation).
    pub fn at_key<T>(
        &self,
        rule: &'static Rule,
        item: &Item<T>,
        pointer: &str,
        message: String,
    ) -> Finding {
        at_key_in_document(rule, self.document(item), pointer, message)
    }

    /// The ids of every document of `kind`, whether or not it passed its schema (a reference
    /// to a document with a typo elsewhere is not unknown), and the ids lent by the names of
    /// its files that could not be read (a reference to a file with a syntax error is not
    /// unknown either: the reading finding is the one to fix).
    pub fn ids(&self, kind: Kind) -> BTreeSet<&str> {
        self.loaded
            .of_kind(kind)
            .filter_map(Document::id)
            .chain(self.loaded.lent_ids(kind))
            .collect()
    }

    /// The ids that `field` names, one list per document of its kind, valid or not (see
    /// [`Field::read`]): what every reference rule reads, so that a document with a schema error
    /// still has its well-formed references checked in the same run.
    pub fn references(&self, field: Field) -> impl Iterator<Item = Vec<Reference<'_>>> {
        // A field outside FIELDS would be read from the whole tree of every document: correct,
        // but parsed again for each.
        debug_assert!(references::FIELDS.contains(&field), "{field:?}");
        self.loaded
            .of_kind(field.kind)
            .map(move |document| field.read(document))
            .filter(|references| !references.is_empty())
    }

    /// Reports every id that one of `fields` names and no record of `kind` defines (see
    /// [`Context::ids`]).
    pub fn check_references(
        &self,
        rule: &'static Rule,
        kind: Kind,
        fields: &[Field],
        findings: &mut Vec<Finding>,
    ) {
        let known = self.ids(kind);
        let what = kind.noun();
        for field in fields {
            for reference in self.references(*field).flatten() {
                if !known.contains(reference.id) {
                    findings.push(self.unknown_reference(rule, &what, &reference, &known));
                }
            }
        }
    }

    /// A reference to an id that `known` does not hold: the finding quotes it, lists what it
    /// could have been and suggests the nearest.
    pub fn unknown_reference(
        &self,
        rule: &'static Rule,
        what: &str,
        reference: &Reference<'_>,
        known: &BTreeSet<&str>,
    ) -> Finding {
        let Reference {
            document,
            pointer,
            id,
            at_key,
        } = reference;
        let message = format!(
            "{what} {id:?} is not defined; {}",
            expected_one_of(known.iter().copied(), what)
        );
        let finding = if *at_key {
            at_key_in_document(rule, document, pointer, message)
        } else {
            in_document(rule, document, pointer, message)
        };
        match closest(id, known.iter().copied()) {
            Some(near) => finding.with_help(format!("did you mean {near:?}?")),
            None => finding,
        }
    }

    /// The finding for a root file (portfolio.yaml or governance.yaml) that is missing or holds no
    /// document. A file that could not be read to the end already has its own finding, and one
    /// whose document breaks its schema has its schema findings.
    pub fn missing_root_file(&self, kind: Kind, rule: &'static Rule) -> Option<Finding> {
        let loaded = self.loaded;
        if loaded.of_kind(kind).next().is_some() {
            return None;
        }
        let file = format!("{}.yaml", kind.slug());
        match loaded
            .files
            .iter()
            .find(|path| Kind::of_path(path) == Some(kind))
        {
            Some(path) if loaded.parsed.get(path) == Some(&0) => Some(Finding::new(
                rule,
                &**path,
                "",
                Position::START,
                format!("{path} holds no document; expected a {kind} document"),
            )),
            Some(_) => None,
            None => Some(Finding::new(
                rule,
                &file,
                "",
                Position::START,
                format!("the portfolio root has no {file}; expected a {kind} document there"),
            )),
        }
    }

    /// The position of a node, for findings that name a place in another file.
    pub fn position_of<T>(&self, item: &Item<T>, pointer: &str) -> (String, Position) {
        let document = self.document(item);
        (document.file.to_string(), document.position(pointer))
    }
}

/// A finding at the node of `pointer` in `document`.
pub fn in_document(
    rule: &'static Rule,
    document: &Document,
    pointer: &str,
    message: String,
) -> Finding {
    Finding::new(
        rule,
        &*document.file,
        pointer,
        document.position(pointer),
        message,
    )
}

/// A finding at the key that `pointer` hangs from in `document`.
fn at_key_in_document(
    rule: &'static Rule,
    document: &Document,
    pointer: &str,
    message: String,
) -> Finding {
    Finding::new(
        rule,
        &*document.file,
        pointer,
        document.key_position(pointer),
        message,
    )
}

/// "expected one of "a", "b", …": the ids a reference could have named, at most twelve.
pub fn expected_one_of<'a>(ids: impl Iterator<Item = &'a str>, what: &str) -> String {
    const SHOWN: usize = 12;
    let mut ids: Vec<&str> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return format!("no {what} is defined");
    }
    let shown: Vec<String> = ids.iter().take(SHOWN).map(|id| format!("{id:?}")).collect();
    let more = if ids.len() > SHOWN {
        format!(" and {} more", ids.len() - SHOWN)
    } else {
        String::new()
    };
    format!("expected one of {}{more}", shown.join(", "))
}

/// The README's rule table, generated from the registry so that it cannot drift.
pub fn markdown_table() -> String {
    let mut table =
        String::from("| rule | family | severity | what it flags |\n|---|---|---|---|\n");
    for rule in RULES {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.name,
            rule.family.as_str(),
            rule.severity.as_str(),
            rule.summary.replace('|', "\\|")
        ));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_names_are_unique_kebab_case_and_documented() {
        let mut seen = HashSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.name), "{} is listed twice", rule.name);
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                rule.name
            );
            assert!(!rule.summary.is_empty() && !rule.help.is_empty());
            let doc = rule.documentation();
            for section in ["## Why", "## Example", "## Fix"] {
                assert!(doc.contains(section), "{} lacks {section}", rule.name);
            }
        }
    }
}
