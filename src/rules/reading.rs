//! The reading rules: what makes a file unreadable as a portfolio document, and the schema rule.

use super::{Family, Rule};
use crate::finding::Severity;

pub static YAML_SYNTAX: Rule = Rule {
    name: "yaml-syntax",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "the file is not well-formed YAML",
    help: "fix the YAML syntax at this position; the rest of the file is not read until it parses",
    doc: "Checks that every file parses as YAML 1.2.\n\n\
Why: a file that does not parse cannot be read at all, so nothing in it is checked.\n\n\
Example:\n\n    name: [unclosed\n\n\
Fix: correct the syntax at the reported position (unclosed brackets and quotes, bad indentation).",
};

pub static DUPLICATE_KEY: Rule = Rule {
    name: "duplicate-key",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "a mapping has the same key twice",
    help: "remove one of the two keys; YAML tools disagree on which one wins",
    doc: "Checks that no mapping repeats a key.\n\n\
Why: YAML forbids it, and tools that accept it keep either the first or the last value, so the \
file means different things to different readers.\n\n\
Example:\n\n    status: active\n    status: sunset\n\n\
Fix: keep one of the two keys.",
};

pub static YAML_TAG: Rule = Rule {
    name: "yaml-tag",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "a node carries a YAML tag",
    help: "remove the tag; quote the value if it must stay a string",
    doc: "Checks that no node carries a tag (`!something` or `!!type`).\n\n\
Why: portfolio files are plain data; tags change how a value is read, and some YAML tools \
execute code for them.\n\n\
Example:\n\n    budget: !!float 1e6\n\n\
Fix: remove the tag; quote a value that must be read as a string.",
};

pub static NON_STRING_KEY: Rule = Rule {
    name: "non-string-key",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "a mapping key is not a string",
    help: "use a plain string as the key",
    doc: "Checks that every mapping key is a string: not null, not a boolean, not a list or a \
mapping. A number is taken as it is written (`2026:` is the key \"2026\").\n\n\
Why: portfolio files are read as JSON objects, whose keys are strings.\n\n\
Example:\n\n    ? [a, b]\n    : value\n    true: yes\n\n\
Fix: write the key as a string.",
};

pub static NOT_UTF8: Rule = Rule {
    name: "not-utf8",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "the file is not UTF-8 text",
    help: "save the file as UTF-8",
    doc: "Checks that every file is UTF-8 text.\n\n\
Why: YAML is text; a file in another encoding, or a binary file, cannot be read reliably.\n\n\
Example: a file saved as Latin-1 with `name: Café`.\n\n\
Fix: re-save the file as UTF-8.",
};

pub static FILE_TOO_LARGE: Rule = Rule {
    name: "file-too-large",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "the file is larger than 1 MiB",
    help: "split the file; one document per artifact keeps files small",
    doc: "Checks that no file is larger than 1 MiB.\n\n\
Why: portfolio artifacts are small; a huge file is a mistake or an attack on the CI that reads \
it.\n\n\
Example: a 5 MiB `ventures/export.yaml`.\n\n\
Fix: split it, one artifact per file.",
};

pub static NESTING_TOO_DEEP: Rule = Rule {
    name: "nesting-too-deep",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "lists and mappings are nested more than 64 deep",
    help: "flatten the structure; no artifact nests more than a few levels",
    doc: "Checks that lists and mappings nest at most 64 deep.\n\n\
Why: no artifact needs more than a few levels; deep nesting is a way to exhaust the reader.\n\n\
Example:\n\n    a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n\n\
Fix: flatten the structure.",
};

pub static ALIAS_LIMIT: Rule = Rule {
    name: "alias-limit",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "aliases expand to more than 10,000 nodes",
    help: "write the values out instead of nesting aliases",
    doc: "Checks that YAML aliases (`*name`) expand to at most 10,000 nodes in a file.\n\n\
Why: nested aliases grow exponentially (a \"billion laughs\" bomb) and exhaust memory.\n\n\
Example:\n\n    a: &a [x, x, x, x, x, x, x, x, x]\n    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n    d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n\n\
Fix: write the values out.",
};

pub static UNKNOWN_LOCATION: Rule = Rule {
    name: "unknown-location",
    severity: Severity::Warning,
    family: Family::Reading,
    summary: "a YAML file sits outside every kind folder",
    help: "move the file into its kind's folder, or list it under `ignore:` in portfolio.yaml",
    doc: "Checks that every YAML file under the portfolio root is a portfolio artifact: \
`portfolio.yaml`, `governance.yaml`, or a file in a kind folder (`ventures/`, `assessments/`, \
`synergies/`, `conflicts/`, `initiatives/`, `resources/`, `value/`, `metrics/`, `rollbacks/`).\n\n\
Why: a file in the wrong place is silently not read; a venture saved as `venture/a.yaml` would \
never be checked or counted.\n\n\
Example: `venture/solar.yaml` (the folder is `ventures/`).\n\n\
Fix: move the file, or list it under `ignore:` in portfolio.yaml (glob patterns).",
};

pub static KIND_MISMATCH: Rule = Rule {
    name: "kind-mismatch",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "a document's `kind:` disagrees with its folder",
    help: "move the document to the folder of its kind, or correct `kind:`",
    doc: "Checks that a document's optional `kind:` field agrees with the folder it sits in.\n\n\
Why: the folder decides how a document is read; a `kind:` that says otherwise means it is in \
the wrong place.\n\n\
Example: `ventures/auth.yaml` holding `kind: Initiative`.\n\n\
Fix: move the document to its kind's folder, or correct `kind:`.",
};

pub static SYMLINK: Rule = Rule {
    name: "symlink",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "a symbolic link in the portfolio is not followed",
    help: "replace the link with the file itself",
    doc: "Checks that the portfolio holds no symbolic link to a YAML file or a folder.\n\n\
Why: folio never follows links: a link may point outside the repository (to a secret on the CI \
machine) or in a loop. What it points to is not read, so it would silently be missing.\n\n\
Example: `ventures/shared.yaml -> /etc/passwd`.\n\n\
Fix: commit the file itself instead of a link.",
};

pub static INVALID_GLOB: Rule = Rule {
    name: "invalid-glob",
    severity: Severity::Error,
    family: Family::Reading,
    summary: "an `ignore:` pattern in portfolio.yaml is not a valid glob",
    help: "write a glob such as `drafts/**` or `*.tmp.yaml`",
    doc: "Checks that every pattern under `ignore:` in portfolio.yaml is a valid glob.\n\n\
Why: a broken pattern ignores nothing, so the files it was meant to skip are reported.\n\n\
Example:\n\n    ignore:\n      - \"drafts/[**\"\n\n\
Fix: correct the pattern.",
};

pub static SCHEMA: Rule = Rule {
    name: "schema",
    severity: Severity::Error,
    family: Family::Schema,
    summary: "a document breaks its kind's JSON Schema",
    help: "see `folio schema KIND` for the fields this kind allows",
    doc: "Checks every document against the JSON Schema of its kind: required fields, types, \
enums, ranges, dates and unknown fields. There is one finding per violated keyword, at the node \
(or, for an unexpected field, at its key).\n\n\
Why: the schema is the contract of each artifact; a typo must never pass silently.\n\n\
Example:\n\n    id: solar\n    name: Solar\n    status: actve\n\n\
Fix: follow the message; `folio schema KIND` prints the schema, whose titles and descriptions \
editors show on hover.",
};
