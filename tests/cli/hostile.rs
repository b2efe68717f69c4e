//! Hostile input: each gives a finding at a position and exit 1, never a panic or a hang. (Time
//! and memory are measured by `bench/check.sh`; here the 30-second timeout of every run only
//! turns a hang into a failure.)

use crate::support::Portfolio;

/// Writes one hostile venture file into a minimal portfolio and returns the findings in it.
fn findings_for(bytes: &[u8]) -> (i32, Vec<(String, u64, u64)>) {
    let portfolio = Portfolio::minimal();
    portfolio.write_bytes("ventures/hostile.yaml", bytes);
    let (code, report) = portfolio.check_json();
    let found = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|finding| finding["file"] == "ventures/hostile.yaml")
        .map(|finding| {
            (
                finding["rule"].as_str().unwrap_or_default().to_string(),
                finding["line"].as_u64().unwrap_or_default(),
                finding["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    (code, found)
}

#[test]
fn an_alias_bomb_stops_at_the_alias_that_passes_the_budget() {
    let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(", ");
        bomb.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    // Counted in nodes made by aliases: b's nine `*a` make 9 × 10 = 90 (a is a list of 9), c's
    // nine `*b` make 9 × 91 = 819, d's nine `*c` make 9 × 820 = 7,380: 8,289 in all. e's first
    // `*d` would make 7,381 more, past 10,000: reading stops there, at line 5, column 8.
    let (code, found) = findings_for(bomb.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(found, [("alias-limit".to_string(), 5, 8)]);
}

#[test]
fn nesting_twenty_thousand_deep_is_refused() {
    let flow = format!(
        "id: deep\nname: {}{}\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    let (code, found) = findings_for(flow.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "nesting-too-deep");
    assert_eq!(found[0].1, 2);

    let block = format!("id: deep\nname:\n{}x\n", "- ".repeat(20_000));
    let (code, found) = findings_for(block.as_bytes());
    assert_eq!(code, 1);
    // The root mapping is the first level, so the 64th dash (column 2 × 64 − 1) opens the 65th.
    assert_eq!(found, [("nesting-too-deep".to_string(), 3, 127)]);
}

#[test]
fn duplicate_keys_are_found_at_the_second_key() {
    let (code, found) = findings_for(b"id: hostile\nname: A\nstatus: active\nname: B\n");
    assert_eq!(code, 1);
    assert_eq!(found, [("duplicate-key".to_string(), 4, 1)]);
}

#[test]
fn yaml_tags_are_found_where_they_stand() {
    let (code, found) = findings_for(
        b"id: hostile\nname: !!python/object:os.system echo\nstatus: !custom active\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [
            ("yaml-tag".to_string(), 2, 7),
            ("yaml-tag".to_string(), 3, 9)
        ]
    );
}

#[test]
fn bad_utf8_is_found_at_its_byte() {
    let (code, found) = findings_for(b"id: hostile\nname: Caf\xe9\nstatus: active\n");
    assert_eq!(code, 1);
    assert_eq!(found, [("not-utf8".to_string(), 2, 10)]);
}

#[test]
fn a_five_mebibyte_file_is_not_read() {
    let mut big = b"id: hostile\nname: A\nstatus: active\nnotes: \"".to_vec();
    big.resize(5 * 1024 * 1024, b'x');
    big.extend_from_slice(b"\"\n");
    let (code, found) = findings_for(&big);
    assert_eq!(code, 1);
    assert_eq!(found, [("file-too-large".to_string(), 1, 1)]);
}

#[test]
fn non_string_keys_are_refused() {
    let (code, found) =
        findings_for(b"id: hostile\nname: A\nstatus: active\n? [a, b]\n: c\ntrue: 1\n");
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [
            ("non-string-key".to_string(), 4, 3),
            ("non-string-key".to_string(), 6, 1)
        ]
    );
}

#[test]
fn broken_yaml_is_a_syntax_finding() {
    let (code, found) = findings_for(b"id: hostile\nname: [unclosed\nstatus: active\n");
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "yaml-syntax");
}

#[cfg(unix)]
#[test]
fn symlinks_are_never_followed() {
    let outside = Portfolio::empty();
    outside.write("secret.yaml", "id: secret\nname: Secret\nstatus: active\n");
    let portfolio = Portfolio::minimal();
    std::fs::create_dir_all(portfolio.path("ventures")).expect("a folder");
    std::os::unix::fs::symlink(
        outside.path("secret.yaml"),
        portfolio.path("ventures/secret.yaml"),
    )
    .expect("a link");
    std::os::unix::fs::symlink(outside.root(), portfolio.path("ventures/elsewhere"))
        .expect("a link");
    let (code, report) = portfolio.check_json();
    assert_eq!(code, 1);
    let found = crate::support::findings_of(&report);
    assert_eq!(
        found,
        [
            (
                "symlink".to_string(),
                "ventures/elsewhere".to_string(),
                1,
                1
            ),
            (
                "symlink".to_string(),
                "ventures/secret.yaml".to_string(),
                1,
                1
            ),
        ]
    );
    assert!(
        !report.to_string().contains("Secret"),
        "the link's target was read"
    );
}

#[test]
fn a_file_of_two_hundred_thousand_duplicate_keys_is_reported_in_every_format() {
    let portfolio = Portfolio::minimal();
    let mut text = String::from("id: hostile\nname: A\nstatus: active\n");
    text.push_str(&"a: 1\n".repeat(199_000));
    portfolio.write("ventures/hostile.yaml", &text);
    for format in ["human", "json", "github", "sarif"] {
        let output = crate::support::folio()
            .args(["check", "--format", format])
            .arg(portfolio.root())
            .output()
            .expect("folio runs");
        assert_eq!(output.status.code(), Some(1), "{format}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        if format == "human" {
            // Snippets for the first findings, one line for each of the rest.
            assert!(
                stdout.contains("more finding(s), one line each"),
                "{format}"
            );
            assert!(stdout.contains("ventures/hostile.yaml:199003:1: key \"a\" appears twice"));
        }
    }
}
