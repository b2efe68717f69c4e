//! No cascades: one mistake gives one finding. A record file that cannot be read still lends its
//! file name as an id, so references to it do not fail in every file that names it; a document
//! that breaks its schema still has its well-formed references checked in the same run.

use serde_json::Value;

use crate::support::{Portfolio, findings_of};

fn finding(rule: &str, file: &str, line: u64, column: u64) -> (String, String, u64, u64) {
    (rule.to_string(), file.to_string(), line, column)
}

const WIND: &str = "id: wind\nname: Wind\nstatus: active\n";

/// Three files that name the venture `solar` (beside `wind`), in every way a venture is named.
fn naming_solar(portfolio: &Portfolio) {
    portfolio.write("ventures/wind.yaml", WIND);
    portfolio.write(
        "synergies/SYN-1.yaml",
        "id: SYN-1\ntitle: Shared auth\ncategory: technology\nventures: [solar, wind]\n\
value_potential: 4\nimplementation_effort: 2\nstrategic_importance: 3\n",
    );
    portfolio.write(
        "conflicts/CON-1.yaml",
        "id: CON-1\ntitle: Both want the data team\ntype: talent\nventures: [wind, solar]\nstatus: open\n",
    );
    portfolio.write(
        "resources/pool.yaml",
        "id: pool\nname: Data team\ntype: talent\nunit: percent\ncapacity: 100\n\
allocations: {solar: 50, wind: 50}\nholders: [Ada, Grace]\n",
    );
}

/// The one finding of a report, whose exit code must be 1.
fn only_finding(portfolio: &Portfolio) -> Value {
    let (code, report) = portfolio.check_json();
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["errors"], 1, "{report}");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{report}");
    findings[0].clone()
}

#[test]
fn a_venture_file_that_does_not_parse_gives_one_finding_not_a_cascade() {
    for path in ["ventures/solar.yaml", "ventures/energy/solar.yaml"] {
        let portfolio = Portfolio::minimal();
        naming_solar(&portfolio);
        portfolio.write(path, "id: solar\nname: \"Solar\nstatus: active\n");
        let found = only_finding(&portfolio);
        assert_eq!(found["rule"], "yaml-syntax");
        assert_eq!(found["file"], path);
        assert_eq!(
            (found["line"].as_u64(), found["column"].as_u64()),
            (Some(2), Some(7))
        );
        let help = found["help"].as_str().expect("a help line");
        assert!(
            help.starts_with("fix the YAML syntax at this position")
                && help.ends_with(
                    "; meanwhile, references to venture \"solar\" (its file name) are accepted"
                ),
            "{help}"
        );
    }
}

/// Whatever stops a file (bytes that are not UTF-8, a link), its name is lent the same way.
#[test]
fn every_file_that_cannot_be_read_lends_its_name() {
    let portfolio = Portfolio::minimal();
    naming_solar(&portfolio);
    portfolio.write_bytes(
        "ventures/solar.yaml",
        b"id: solar\nname: Sol\xe9\nstatus: active\n",
    );
    let found = only_finding(&portfolio);
    assert_eq!(found["rule"], "not-utf8");
    assert!(
        found["help"]
            .as_str()
            .is_some_and(|help| help.contains("references to venture \"solar\"")),
        "{found}"
    );

    #[cfg(unix)]
    {
        let portfolio = Portfolio::minimal();
        naming_solar(&portfolio);
        portfolio.write("elsewhere.txt", "id: solar\nname: Solar\nstatus: active\n");
        std::fs::create_dir_all(portfolio.path("ventures/energy")).expect("a folder");
        std::os::unix::fs::symlink(
            portfolio.path("elsewhere.txt"),
            portfolio.path("ventures/energy/solar.yaml"),
        )
        .expect("a link");
        assert_eq!(only_finding(&portfolio)["rule"], "symlink");
    }
}

/// Only a file without any document lends its name: once it parses, its id is what counts, and
/// a real unknown reference is reported.
#[test]
fn a_file_that_parses_lends_nothing() {
    // A typo in the id of a file that parses.
    let portfolio = Portfolio::minimal();
    naming_solar(&portfolio);
    portfolio.write(
        "ventures/solar.yaml",
        "id: solr\nname: Solar\nstatus: active\n",
    );
    assert_eq!(
        portfolio.findings(),
        [
            finding("unknown-venture", "conflicts/CON-1.yaml", 4, 18),
            finding("unknown-venture", "resources/pool.yaml", 6, 15),
            finding("unknown-venture", "synergies/SYN-1.yaml", 4, 12),
            finding("id-filename-mismatch", "ventures/solar.yaml", 1, 5),
        ]
    );

    // An empty file parses, and holds nothing.
    let portfolio = Portfolio::minimal();
    naming_solar(&portfolio);
    portfolio.write("ventures/solar.yaml", "# to be written\n");
    assert_eq!(
        portfolio.findings(),
        [
            finding("unknown-venture", "conflicts/CON-1.yaml", 4, 18),
            finding("unknown-venture", "resources/pool.yaml", 6, 15),
            finding("unknown-venture", "synergies/SYN-1.yaml", 4, 12),
        ]
    );

    // A file of another kind lends nothing to ventures.
    let portfolio = Portfolio::minimal();
    naming_solar(&portfolio);
    portfolio.write("initiatives/solar.yaml", "initiative_id: [solar\n");
    let rules: Vec<String> = portfolio
        .findings()
        .into_iter()
        .map(|(rule, _, _, _)| rule)
        .collect();
    assert_eq!(
        rules,
        [
            "unknown-venture",
            "yaml-syntax",
            "unknown-venture",
            "unknown-venture"
        ]
    );
}

const CONFLICT: &str = "id: CON-1\ntitle: Both want the data team\ntype: talent\n\
ventures:\n  - solar\n  - wnd\nstatus: STATUS\n";

/// The unknown-venture finding of a report, whole.
fn unknown_venture(report: &Value) -> Value {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|finding| finding["rule"] == "unknown-venture")
        .cloned()
        .unwrap_or(Value::Null)
}

#[test]
fn a_schema_error_and_an_unknown_reference_are_found_in_one_run() {
    let valid = Portfolio::minimal();
    valid.write(
        "ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: active\n",
    );
    valid.write("ventures/wind.yaml", WIND);
    valid.write("conflicts/CON-1.yaml", &CONFLICT.replace("STATUS", "open"));
    let (_, valid_report) = valid.check_json();

    let invalid = Portfolio::minimal();
    invalid.write(
        "ventures/solar.yaml",
        "id: solar\nname: Solar\nstatus: active\n",
    );
    invalid.write("ventures/wind.yaml", WIND);
    invalid.write("conflicts/CON-1.yaml", &CONFLICT.replace("STATUS", "opne"));
    let (code, invalid_report) = invalid.check_json();
    assert_eq!(code, 1);
    assert_eq!(
        findings_of(&invalid_report),
        [
            finding("unknown-venture", "conflicts/CON-1.yaml", 6, 5),
            finding("schema", "conflicts/CON-1.yaml", 7, 9),
        ]
    );

    // The same finding, word for word, as in a document that passes its schema.
    let found = unknown_venture(&invalid_report);
    assert_eq!(found, unknown_venture(&valid_report));
    assert_eq!(
        found["message"],
        "venture \"wnd\" is not defined; expected one of \"solar\", \"wind\""
    );
    assert_eq!(found["help"], "did you mean \"wind\"?");
    assert_eq!(found["pointer"], "/ventures/1");
}

#[test]
fn a_malformed_list_of_ventures_is_left_to_the_schema() {
    for (ventures, line, column) in [
        // Not a list: the schema's type finding, at the value.
        ("ventures: wnd\n", 4, 11),
        // A list holding a mapping: the schema's finding at that item; `wnd` is not guessed at.
        ("ventures:\n  - wnd\n  - {id: solar}\n", 6, 5),
        // An item that is no identifier.
        ("ventures: [wnd, wind farm]\n", 4, 17),
    ] {
        let portfolio = Portfolio::minimal();
        portfolio.write("ventures/wind.yaml", WIND);
        portfolio.write(
            "conflicts/CON-1.yaml",
            &format!(
                "id: CON-1\ntitle: Both want the data team\ntype: talent\n{ventures}status: open\n"
            ),
        );
        assert_eq!(
            portfolio.findings(),
            [finding("schema", "conflicts/CON-1.yaml", line, column)],
            "{ventures}"
        );
    }
}
