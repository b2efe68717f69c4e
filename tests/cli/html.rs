//! `folio report --html`: the web pages as text (what a browser makes of them is in
//! `browser.rs`): escaping of what users wrote, the policy that forbids scripts and requests,
//! the charts' accessible names, links between pages, long tables in groups and charts that keep
//! to their top N at scale, templates overridden by name, and the errors of --pdf.

use crate::report::{read_folder, render};
use crate::support::{Portfolio, folio, repository};

const PAGES: [&str; 13] = [
    "index.html",
    "schedule.html",
    "ventures.html",
    "assessment-matrix.html",
    "synergy-register.html",
    "conflict-log.html",
    "coordination-plans.html",
    "resource-allocation.html",
    "governance-playbook.html",
    "initiative-dashboard.html",
    "value-capture-log.html",
    "benefits.html",
    "gates.html",
];

/// Every `href="…"` of a page.
fn links(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn every_page_forbids_scripts_and_requests_and_links_only_inside_the_report() {
    let (_out, files) = render(&repository().join("example-portfolio"));
    for page in PAGES {
        let html = &files[page];
        assert!(html.starts_with("<!DOCTYPE html>"), "{page}");
        assert!(
            html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:;"),
            "{page} has no policy"
        );
        assert!(!html.contains("<script"), "{page}");
        assert!(!html.contains("<link rel=\"stylesheet\""), "{page}");
        assert!(!html.contains("@import"), "{page}");
        assert!(!html.contains("url("), "{page} loads something from CSS");
        for href in links(html) {
            let relative = !href.contains(':') && !href.starts_with("//");
            assert!(
                relative || href == "data:,",
                "{page} links outside the report: {href}"
            );
        }
        // Every other page is one link away.
        for other in PAGES {
            assert!(links(html).contains(&other), "{page} does not link {other}");
        }
    }
    // The schedule links each step to its deliverable's page.
    let schedule = &files["schedule.html"];
    assert!(schedule.contains("<a href=\"assessment-matrix.html\">assessment matrix</a>"));
    assert!(schedule.contains("<a href=\"index.html\">portfolio coordination report</a>"));
    // Gate evidence links to the portfolio's files, from the report folder.
    assert!(
        files["gates.html"].contains(
            "/ventures/fintech/paylane.yaml\">ventures&#x2f;fintech&#x2f;paylane.yaml</a>"
        )
    );
}

#[test]
fn every_chart_has_an_accessible_name_and_the_table_of_its_numbers() {
    let (_out, files) = render(&repository().join("example-portfolio"));
    let charts = [
        ("synergy-register.html", "quadrant"),
        ("coordination-plans.html", "timeline"),
        ("initiative-dashboard.html", "timeline"),
        ("value-capture-log.html", "value_by_type"),
        ("value-capture-log.html", "hours_by_type"),
        ("value-capture-log.html", "value_over_time"),
        ("benefits.html", "benefits"),
        ("index.html", "benefits"),
        ("index.html", "value_over_time"),
        ("resource-allocation.html", "resources"),
    ];
    for (page, chart) in charts {
        let html = &files[page];
        let open = format!(
            "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{chart}-title {chart}-desc\""
        );
        let at = html
            .find(&open)
            .unwrap_or_else(|| panic!("{page} has no chart {chart}"));
        let svg = &html[at..];
        let svg = &svg[..svg.find("</svg>").expect("the chart ends")];
        assert!(
            svg.contains(&format!("<title id=\"{chart}-title\">")),
            "{page} {chart}"
        );
        assert!(
            svg.contains(&format!("<desc id=\"{chart}-desc\">")),
            "{page} {chart}"
        );
        assert!(
            svg.contains("<text"),
            "{page} {chart} writes its labels as text"
        );
        // The table of the same numbers follows the chart inside its figure.
        let figure_end = html[at..].find("</figure>").expect("a figure") + at;
        assert!(
            html[at..figure_end].contains("<table>"),
            "{page} {chart} has no table beside it"
        );
    }
    // The same numbers: the value by type, in the chart and its table.
    let value = &files["value-capture-log.html"];
    assert!(value.contains("\n 13,700\n</text>"), "the bar's label");
    assert!(value.contains("<td>cost-saved</td><td class=\"num\">13,700 USD</td>"));
    // Grey-safe: the benefits lines differ by dash and marker, not only colour.
    let benefits = &files["benefits.html"];
    assert!(benefits.contains("stroke-dasharray") || benefits.matches("<line").count() > 2);
    assert!(benefits.contains("<polygon"), "triangles mark one series");
    assert!(benefits.contains("<circle"), "circles mark another");
}

#[test]
fn hostile_names_are_text_in_every_page_and_chart() {
    let root = repository().join("tests/fixtures/portfolios/hostile-names");
    let (_out, files) = render(&root);
    for page in PAGES {
        let html = &files[page];
        for injected in ["<b>", "<script", "<img", "href=\"javascript", "</style><"] {
            assert!(
                !html.to_lowercase().contains(injected),
                "{page} lets {injected:?} through"
            );
        }
        assert!(!html.contains(" style=\""), "{page} has an inline style");
        for href in links(html) {
            assert!(
                !href.contains(':') || href == "data:,",
                "{page} links outside: {href}"
            );
            assert!(!href.contains('<') && !href.contains('"'), "{page}: {href}");
        }
        // The name, escaped, in the header of every page and in the print footer's CSS string.
        assert!(
            html.contains("Pipe | Studio &lt;b&gt;bold&lt;&#x2f;b&gt; @chairman"),
            "{page}"
        );
        assert!(
            html.contains("content: \"Pipe \\00007C Studio \\00003Cb\\00003Ebold"),
            "{page}"
        );
    }
    let register = &files["synergy-register.html"];
    assert!(
        register.contains(
            "Auth | shared, &quot;quoted&quot; &lt;script&gt;x&lt;&#x2f;script&gt;\n@all"
        ),
        "{register}"
    );
    // In the chart, the synergy's id is SVG text, escaped by the chart library.
    assert!(register.contains("SYN-1 +1"), "two synergies share a place");
    let assessments = &files["assessment-matrix.html"];
    assert!(assessments.contains("Alpha | Pay &lt;img src=x onerror=alert(1)&gt;"));
    let playbook = &files["governance-playbook.html"];
    assert!(
        playbook.contains("<code>budget &gt; 10000</code>"),
        "{playbook}"
    );
}

#[test]
fn at_scale_long_tables_come_in_groups_and_charts_keep_to_their_top() {
    let portfolio = Portfolio::minimal();
    portfolio.write("portfolio.yaml", "name: Big Studio\nas_of: 2026-11-15\n");
    let ventures = 250;
    for index in 0..ventures {
        let id = format!("v{index:03}");
        portfolio.write(
            &format!("ventures/{id}.yaml"),
            &format!("id: {id}\nname: Venture {index}\nstatus: active\n"),
        );
        portfolio.write(
            &format!("initiatives/INI-{index:03}.yaml"),
            &format!("initiative_id: INI-{index:03}\nname: Initiative {index}\nventures: [{id}]\nvalue_proposition: Save effort\nimplementation: [{{milestone: Design, deadline: 2026-12-01}}, {{milestone: Build, deadline: 2026-11-0{}}}]\nsuccess_metrics: [{{metric: Hours, target: 16}}]\n", index % 9 + 1),
        );
        portfolio.write(
            &format!("resources/pool-{index:03}.yaml"),
            &format!("id: pool-{index:03}\nname: Pool {index}\ntype: budget\nunit: usd\ncapacity: 100\nallocations: {{{id}: {}}}\n", index % 120),
        );
    }
    let (_out, files) = render(portfolio.root());
    let ventures_page = &files["ventures.html"];
    assert_eq!(
        ventures_page.matches("<details").count(),
        3,
        "250 rows in groups of 100"
    );
    assert!(ventures_page.contains("<summary>Ventures 1–100 of 250</summary>"));
    assert!(ventures_page.contains("<summary>Ventures 201–250 of 250</summary>"));
    assert_eq!(ventures_page.matches("<details open>").count(), 1);

    let plans = &files["coordination-plans.html"];
    assert!(
        plans.contains("the 20 initiatives that need attention first (most overdue, then the nearest next milestone), of 250"),
        "the timeline keeps to 20 rows"
    );
    let timeline = &plans[plans.find("<svg").expect("a timeline")..];
    let timeline = &timeline[..timeline.find("</svg>").expect("its end")];
    assert!(timeline.contains("INI-"), "rows are named");
    assert!(
        timeline.contains("20 initiatives"),
        "its description counts them"
    );
    assert!(timeline.contains("230 more initiatives are not drawn"));
    let resources = &files["resource-allocation.html"];
    assert!(
        resources.contains("the 20 resources of the highest use, of 250"),
        "{}",
        &resources[..2000.min(resources.len())]
    );
    // The sizes grow with the rows, not with their square.
    assert!(files["ventures.html"].len() < 400 * ventures * 4);
}

#[test]
fn html_templates_are_overridden_by_name_and_escaped() {
    let templates = tempfile::tempdir().expect("a folder");
    std::fs::write(
        templates.path().join("index.html.j2"),
        "<h1>{{ portfolio.name }}</h1>{{ portfolio.name | code }}\n",
    )
    .expect("write");
    let out = tempfile::tempdir().expect("a folder");
    folio()
        .args(["report", "--as-of", "2026-11-15", "--html", "--templates"])
        .arg(templates.path())
        .arg("--out")
        .arg(out.path())
        .arg(repository().join("tests/fixtures/portfolios/hostile-names"))
        .assert()
        .code(0);
    let files = read_folder(out.path());
    assert_eq!(
        files["index.html"],
        "<h1>Pipe | Studio &lt;b&gt;bold&lt;&#x2f;b&gt; @chairman</h1><code>Pipe | Studio &lt;b&gt;bold&lt;/b&gt; @chairman</code>\n"
    );
}

#[test]
fn html_and_pdf_need_a_folder_and_pdf_a_browser() {
    let example = repository().join("example-portfolio");
    folio()
        .args(["report", "--html"])
        .arg(&example)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--out"));
    let out = tempfile::tempdir().expect("a folder");
    // No browser on PATH: a clear error, exit 2, and nothing written.
    let empty = tempfile::tempdir().expect("a folder");
    folio()
        .env("PATH", empty.path())
        .args(["report", "--pdf", "--out"])
        .arg(out.path())
        .arg(&example)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no Chromium to print the PDF with: none of chromium, chromium-browser, google-chrome, google-chrome-stable, chrome is on PATH",
        ))
        .stderr(predicates::str::contains("--chromium PATH"));
    folio()
        .args([
            "report",
            "--pdf",
            "--chromium",
            "/no/such/chromium",
            "--out",
        ])
        .arg(out.path())
        .arg(&example)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "\"/no/such/chromium\" is not a file",
        ));
    assert_eq!(
        std::fs::read_dir(out.path()).expect("a folder").count(),
        0,
        "nothing was written"
    );
    // A browser that fails: exit 2 with what it said.
    let fake = empty.path().join("chromium");
    std::fs::write(&fake, "#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n").expect("write");
    make_executable(&fake);
    folio()
        .args(["report", "--pdf", "--chromium"])
        .arg(&fake)
        .arg("--out")
        .arg(out.path())
        .arg(&example)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot open display"));
    assert_eq!(std::fs::read_dir(out.path()).expect("a folder").count(), 0);
}

#[cfg(unix)]
fn make_executable(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[cfg(not(unix))]
fn make_executable(_path: &std::path::Path) {}
