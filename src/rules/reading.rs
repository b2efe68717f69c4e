//! The reading rules, enforced while files are read (`load`), and the schema rule: they have
//! no check of their own here, only their documentation.

declare_rule! {
    /// Checks that every file parses as YAML 1.2.
    ///
    /// ## Why
    ///
    /// A file that does not parse cannot be read at all, so nothing in it is checked or counted.
    /// Until it parses, its file name stands for its id (`ventures/solar.yaml` for the venture
    /// `solar`), so references to it are accepted and the syntax error is the one finding to
    /// fix, not one in every file that names it; the finding's help says so.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: solar
    /// name: [unclosed
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct the syntax at the reported position: unclosed brackets and quotes, bad indentation.
    pub static YAML_SYNTAX = {
        name: "yaml-syntax",
        severity: Error,
        family: Reading,
        summary: "the file is not well-formed YAML",
        help: "fix the YAML syntax at this position; the rest of the file is not read until it parses",
        check: None,
    };
}

declare_rule! {
    /// Checks that no mapping repeats a key.
    ///
    /// ## Why
    ///
    /// YAML forbids it, and tools that accept it keep either the first or the last value, so the
    /// file means different things to different readers.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: solar
    /// name: Solar
    /// status: active
    /// status: sunset
    /// ```
    ///
    /// ## Fix
    ///
    /// Keep one of the two keys.
    pub static DUPLICATE_KEY = {
        name: "duplicate-key",
        severity: Error,
        family: Reading,
        summary: "a mapping has the same key twice",
        help: "remove one of the two keys; YAML tools disagree on which one wins",
        check: None,
    };
}

declare_rule! {
    /// Checks that no node carries a YAML tag (`!something` or `!!type`), core tags included.
    ///
    /// ## Why
    ///
    /// Portfolio files are plain data. Tags change how a value is read, and some YAML tools
    /// run code for them.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: solar
    /// name: !!python/object:os.system Solar
    /// status: active
    /// ```
    ///
    /// ## Fix
    ///
    /// Remove the tag; quote a value that must be read as a string.
    pub static YAML_TAG = {
        name: "yaml-tag",
        severity: Error,
        family: Reading,
        summary: "a node carries a YAML tag",
        help: "remove the tag; quote the value if it must stay a string",
        check: None,
    };
}

declare_rule! {
    /// Checks that every mapping key is a string: not null, not a boolean, not a list or a
    /// mapping. A number is taken as it is written (`2026:` is the key "2026").
    ///
    /// ## Why
    ///
    /// Portfolio files are read as JSON objects, whose keys are strings.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # resources/pool.yaml
    /// id: pool
    /// name: Pool
    /// type: talent
    /// unit: percent
    /// capacity: 100
    /// allocations:
    ///   true: 50
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the key as a string (quote it).
    pub static NON_STRING_KEY = {
        name: "non-string-key",
        severity: Error,
        family: Reading,
        summary: "a mapping key is not a string",
        help: "use a plain string as the key",
        check: None,
    };
}

declare_rule! {
    /// Checks that every file is UTF-8 text.
    ///
    /// ## Why
    ///
    /// YAML is text; a file in another encoding, or a binary file, cannot be read reliably.
    ///
    /// Like a file that does not parse, it lends its file name as an id until it can be read
    /// (see `folio explain yaml-syntax`).
    ///
    /// ## Example
    ///
    /// A `ventures/cafe.yaml` saved as Latin-1 with `name: Café` (the tests write such a file:
    /// it cannot be shown here as text).
    ///
    /// ## Fix
    ///
    /// Save the file as UTF-8.
    pub static NOT_UTF8 = {
        name: "not-utf8",
        severity: Error,
        family: Reading,
        summary: "the file is not UTF-8 text",
        help: "save the file as UTF-8",
        check: None,
    };
}

declare_rule! {
    /// Checks that no file is larger than 1 MiB.
    ///
    /// ## Why
    ///
    /// Portfolio artifacts are small; a huge file is a mistake, or an attack on the CI that
    /// reads it. Larger files are not read at all.
    ///
    /// Like a file that does not parse, it lends its file name as an id until it can be read
    /// (see `folio explain yaml-syntax`).
    ///
    /// ## Example
    ///
    /// A 5 MiB `ventures/export.yaml` (the tests write one).
    ///
    /// ## Fix
    ///
    /// Split it, one artifact per file.
    pub static FILE_TOO_LARGE = {
        name: "file-too-large",
        severity: Error,
        family: Reading,
        summary: "the file is larger than 1 MiB",
        help: "split the file; one document per artifact keeps files small",
        check: None,
    };
}

declare_rule! {
    /// Checks that lists and mappings nest at most 64 deep, counting what aliases expand to.
    ///
    /// ## Why
    ///
    /// No artifact needs more than a few levels; deep nesting is a way to exhaust the reader.
    ///
    /// Like a file that does not parse, it lends its file name as an id until it can be read
    /// (see `folio explain yaml-syntax`).
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: solar
    /// name: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
    /// ```
    ///
    /// ## Fix
    ///
    /// Flatten the structure.
    pub static NESTING_TOO_DEEP = {
        name: "nesting-too-deep",
        severity: Error,
        family: Reading,
        summary: "lists and mappings are nested more than 64 deep",
        help: "flatten the structure; no artifact nests more than a few levels",
        check: None,
    };
}

declare_rule! {
    /// Checks that YAML aliases (`*name`) expand to at most 10,000 nodes in a file.
    ///
    /// ## Why
    ///
    /// Nested aliases grow exponentially (a "billion laughs" bomb) and exhaust memory.
    ///
    /// Like a file that does not parse, it lends its file name as an id until it can be read
    /// (see `folio explain yaml-syntax`).
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// a: &a [x, x, x, x, x, x, x, x, x, x]
    /// b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
    /// c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
    /// d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the values out.
    pub static ALIAS_LIMIT = {
        name: "alias-limit",
        severity: Error,
        family: Reading,
        summary: "aliases expand to more than 10,000 nodes",
        help: "write the values out instead of nesting aliases",
        check: None,
    };
}

declare_rule! {
    /// Checks that every YAML file under the portfolio root is a portfolio artifact:
    /// `portfolio.yaml`, `governance.yaml`, or a file in a kind folder (`ventures/`,
    /// `assessments/`, `synergies/`, `conflicts/`, `initiatives/`, `resources/`, `value/`,
    /// `metrics/`, `rollbacks/`).
    ///
    /// ## Why
    ///
    /// A file in the wrong place is silently not read: a venture saved as `venture/a.yaml`
    /// would never be checked or counted.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # venture/solar.yaml
    /// id: solar
    /// name: Solar
    /// status: active
    /// ```
    ///
    /// ## Fix
    ///
    /// Move the file into its kind's folder, or list it under `ignore:` in portfolio.yaml
    /// (glob patterns).
    pub static UNKNOWN_LOCATION = {
        name: "unknown-location",
        severity: Warning,
        family: Reading,
        summary: "a YAML file sits outside every kind folder",
        help: "move the file into its kind's folder, or list it under `ignore:` in portfolio.yaml",
        check: None,
    };
}

declare_rule! {
    /// Checks that a document's optional `kind:` field agrees with the folder it sits in.
    ///
    /// ## Why
    ///
    /// The folder decides how a document is read; a `kind:` that says otherwise means it is
    /// in the wrong place.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/auth.yaml
    /// kind: Initiative
    /// initiative_id: auth
    /// ```
    ///
    /// ## Fix
    ///
    /// Move the document to its kind's folder, or correct `kind:`.
    pub static KIND_MISMATCH = {
        name: "kind-mismatch",
        severity: Error,
        family: Reading,
        summary: "a document's `kind:` disagrees with its folder",
        help: "move the document to the folder of its kind, or correct `kind:`",
        check: None,
    };
}

declare_rule! {
    /// Checks that the portfolio holds no symbolic link to a YAML file or a folder.
    ///
    /// ## Why
    ///
    /// folio never follows links: a link may point outside the repository (to a secret on the
    /// CI machine) or in a loop. What it points to is not read, so it would silently be missing.
    ///
    /// Like a file that does not parse, it lends its file name as an id until it can be read
    /// (see `folio explain yaml-syntax`).
    ///
    /// ## Example
    ///
    /// `ventures/shared.yaml -> /etc/passwd` (the tests make such a link).
    ///
    /// ## Fix
    ///
    /// Commit the file itself instead of a link.
    pub static SYMLINK = {
        name: "symlink",
        severity: Error,
        family: Reading,
        summary: "a symbolic link in the portfolio is not followed",
        help: "replace the link with the file itself",
        check: None,
    };
}

declare_rule! {
    /// Checks that every pattern under `ignore:` in portfolio.yaml is a valid glob.
    ///
    /// ## Why
    ///
    /// A broken pattern ignores nothing, so the files it was meant to skip are reported.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # portfolio.yaml
    /// name: Studio
    /// ignore:
    ///   - "drafts/[**"
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct the pattern.
    pub static INVALID_GLOB = {
        name: "invalid-glob",
        severity: Error,
        family: Reading,
        summary: "an `ignore:` pattern in portfolio.yaml is not a valid glob",
        help: "write a glob such as `drafts/**` or `*.tmp.yaml`",
        check: None,
    };
}

declare_rule! {
    /// Checks every document against the JSON Schema of its kind: required fields, types,
    /// enums, ranges, dates and unknown fields. There is one finding per violated keyword, at
    /// the node (or, for an unexpected field, at its key). A document that breaks its schema
    /// is left out of the cross-file rules and gates, which would only repeat the problem.
    ///
    /// ## Why
    ///
    /// The schema is the contract of each artifact; a typo must never pass silently.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # ventures/solar.yaml
    /// id: solar
    /// name: Solar
    /// status: actve
    /// ```
    ///
    /// ## Fix
    ///
    /// Follow the message; `folio schema KIND` prints the schema, whose titles and
    /// descriptions editors show on hover.
    pub static SCHEMA = {
        name: "schema",
        severity: Error,
        family: Schema,
        summary: "a document breaks its kind's JSON Schema",
        help: "see `folio schema KIND` for the fields this kind allows",
        check: None,
    };
}
