//! `folio report`: every deliverable, Markdown that GitHub reads as intended, CSVs that
//! round-trip, a bounded summary, atomic and deterministic writing.

use std::collections::BTreeMap;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::repo::Repo;
use crate::support::{Portfolio, folio, repository};
use crate::timeline::noon;

const FILES: [&str; 34] = [
    "assessment-matrix.csv",
    "assessment-matrix.html",
    "assessment-matrix.md",
    "benefits.html",
    "benefits.md",
    "conflict-log.csv",
    "conflict-log.html",
    "conflict-log.md",
    "coordination-plans.html",
    "coordination-plans.md",
    "gates.html",
    "gates.md",
    "governance-playbook.html",
    "governance-playbook.md",
    "index.html",
    "initiative-dashboard.csv",
    "initiative-dashboard.html",
    "initiative-dashboard.md",
    "report.md",
    "resource-allocation.csv",
    "resource-allocation.html",
    "resource-allocation.md",
    "schedule.html",
    "schedule.md",
    "summary.md",
    "synergy-register.csv",
    "synergy-register.html",
    "synergy-register.md",
    "value-capture-log.csv",
    "value-capture-log.html",
    "value-capture-log.md",
    "ventures.csv",
    "ventures.html",
    "ventures.md",
];

/// Every file of a report folder, by name.
pub fn read_folder(folder: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(folder)
        .expect("a report folder")
        .map(|entry| {
            let path = entry.expect("an entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .expect("a name")
                .to_string();
            (name, std::fs::read_to_string(&path).expect("text"))
        })
        .collect()
}

/// Copies a portfolio folder (without its reports) into `target`.
pub fn copy_portfolio(from: &Path, target: &Path) {
    for entry in std::fs::read_dir(from).expect("a folder") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().expect("a name");
        if name == "reports" {
            continue;
        }
        if path.is_dir() {
            std::fs::create_dir_all(target.join(name)).expect("a folder");
            copy_portfolio(&path, &target.join(name));
        } else {
            std::fs::copy(&path, target.join(name)).expect("copy");
        }
    }
}

#[test]
fn the_committed_example_report_is_up_to_date() {
    // Rendered exactly as committed: `folio report example-portfolio --no-history --out
    // example-portfolio/reports --html`, from the repository's top, into a copy: without the
    // history section, so that the committed example does not change with every commit of
    // folio's own history.
    let work = tempfile::tempdir().expect("a folder");
    let copy = work.path().join("example-portfolio");
    std::fs::create_dir_all(&copy).expect("a folder");
    copy_portfolio(&repository().join("example-portfolio"), &copy);
    folio()
        .current_dir(work.path())
        .args([
            "report",
            "example-portfolio",
            "--no-history",
            "--out",
            "example-portfolio/reports",
            "--html",
        ])
        .assert()
        .code(0);
    let rendered = read_folder(&copy.join("reports"));
    let committed = read_folder(&repository().join("example-portfolio/reports"));
    assert_eq!(
        rendered.keys().collect::<Vec<_>>(),
        FILES.iter().collect::<Vec<_>>()
    );
    for (name, text) in &rendered {
        assert_eq!(
            committed.get(name),
            Some(text),
            "example-portfolio/reports/{name} is out of date: run `cargo run -- report example-portfolio --no-history --out example-portfolio/reports --html`"
        );
    }
}

/// The cells of one table row of Markdown source: split on pipes that are not escaped.
fn cells(row: &str) -> usize {
    let inner = row.trim().trim_start_matches('|');
    let mut count = 0;
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}

/// Parses Markdown as GitHub does and checks that every row of every table has as many cells
/// as its header; returns the text of every cell, row by row.
pub fn table_rows(name: &str, text: &str) -> Vec<Vec<String>> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    let mut rows = Vec::new();
    let mut tables = 0;
    let mut header_cells = 0;
    let mut current: Option<Vec<String>> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::TableHead) => {
                tables += 1;
                header_cells = cells(&text[range]);
                current = Some(Vec::new());
            }
            Event::Start(Tag::TableRow) => {
                let row = &text[range];
                assert_eq!(
                    cells(row),
                    header_cells,
                    "{name}: {row:?} has the wrong number of cells"
                );
                current = Some(Vec::new());
            }
            Event::Start(Tag::TableCell) => {
                if let Some(row) = current.as_mut() {
                    row.push(String::new());
                }
            }
            Event::Text(part) | Event::Code(part) => {
                if let Some(cell) = current.as_mut().and_then(|row| row.last_mut()) {
                    cell.push_str(&part);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                assert!(
                    html.trim() == "<br>",
                    "{name}: raw HTML {html:?} in the report"
                );
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                if let Some(row) = current.take() {
                    assert_eq!(row.len(), header_cells, "{name}: a row lost its cells");
                    rows.push(row);
                }
            }
            _ => {}
        }
    }
    // Every table written is read as a table (none swallowed by a paragraph or a list).
    let written = text.lines().filter(|line| line.starts_with("|---")).count();
    assert_eq!(
        tables, written,
        "{name}: {written} tables written, {tables} read as tables"
    );
    rows
}

/// The example portfolio in a repository of three commits (as of 20 Oct, 1 Nov and, as it is
/// committed, 15 Nov 2026), so that its report has a history section of its own rather than
/// that of the checkout it lives in.
pub fn example_with_history() -> Repo {
    let repo = Repo::new();
    std::fs::create_dir_all(repo.path("portfolio")).expect("a folder");
    copy_portfolio(
        &repository().join("example-portfolio"),
        &repo.path("portfolio"),
    );
    for (as_of, day) in [
        ("2026-10-20", "2026-10-20"),
        ("2026-11-01", "2026-11-01"),
        ("2026-11-15", "2026-11-15"),
    ] {
        let text = repo.read("portfolio/portfolio.yaml");
        let dated: String = text
            .lines()
            .map(|line| {
                if line.starts_with("as_of:") {
                    format!("as_of: {as_of}\n")
                } else {
                    format!("{line}\n")
                }
            })
            .collect();
        repo.write("portfolio/portfolio.yaml", &dated);
        repo.commit_at(&format!("as of {as_of}"), noon(day));
    }
    repo
}

/// Every report of a portfolio as of 2026-11-15, its web pages included.
pub fn render(root: &Path) -> (tempfile::TempDir, BTreeMap<String, String>) {
    let out = tempfile::tempdir().expect("a folder");
    // Without the history section: the example's history is that of the checkout it is in.
    folio()
        .args([
            "report",
            "--as-of",
            "2026-11-15",
            "--no-history",
            "--html",
            "--out",
        ])
        .arg(out.path())
        .arg(root)
        .assert()
        .code(0);
    let files = read_folder(out.path());
    (out, files)
}

#[test]
fn every_table_of_the_example_keeps_its_columns() {
    let (_out, files) = render(&repository().join("example-portfolio"));
    let mut tables = 0;
    for (name, text) in files.iter().filter(|(name, _)| name.ends_with(".md")) {
        tables += table_rows(name, text).len();
    }
    assert!(tables > 50, "the example's reports hold tables");
}

#[test]
fn hostile_names_cannot_break_tables_inject_html_or_ping() {
    let root = repository().join("tests/fixtures/portfolios/hostile-names");
    let (_out, files) = render(&root);
    for (name, text) in files.iter().filter(|(name, _)| name.ends_with(".md")) {
        let rows = table_rows(name, text);
        assert!(!text.contains("<script"), "{name} lets HTML through");
        assert!(!text.contains("<img"), "{name} lets HTML through");
        assert!(!text.contains('@'), "{name} would ping someone");
        if name == "synergy-register.md" {
            // The title survives whole in its one cell, newline folded.
            let title = "Auth | shared, \"quoted\" <script>x</script> @all (SYN-1)";
            assert!(
                rows.iter().any(|row| row.iter().any(|cell| cell == title)),
                "{rows:?}"
            );
        }
    }
    let report = &files["report.md"];
    assert!(
        report.contains("# Pipe \\| Studio &lt;b&gt;bold&lt;/b&gt; &#64;chairman"),
        "{report}"
    );
    assert!(report.contains("- Line one line two \\| three"), "{report}");
}

#[test]
fn csvs_round_trip_and_defuse_formulas() {
    let root = repository().join("tests/fixtures/portfolios/hostile-names");
    let (_out, files) = render(&root);
    let read = |name: &str| -> Vec<Vec<String>> {
        let mut reader = csv::Reader::from_reader(files[name].as_bytes());
        reader
            .records()
            .map(|record| {
                record
                    .expect("a record")
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    };
    let synergies = read("synergy-register.csv");
    assert_eq!(
        synergies[0][1],
        "Auth | shared, \"quoted\" <script>x</script>\n@all"
    );
    assert_eq!(synergies[0][7], "6");
    let conflicts = read("conflict-log.csv");
    assert_eq!(
        conflicts[0][5], "'=1+1 | alternate\nweeks",
        "a formula is defused"
    );
    assert_eq!(conflicts[0][6], "'@owner");
    let value = read("value-capture-log.csv");
    assert_eq!(value[0][6], "Invoice, \"line 4\" | @finance\n=SUM(A1:A9)");
    assert_eq!(value[0][3], "1200");
    let assessments = read("assessment-matrix.csv");
    assert_eq!(
        assessments[0][1],
        "Alpha | Pay <img src=x onerror=alert(1)>"
    );
    assert_eq!(assessments[0][7], "3.55");
    // Every CSV of the example reads back with its header's width.
    let (_out, example) = render(&repository().join("example-portfolio"));
    for (name, text) in example.iter().filter(|(name, _)| name.ends_with(".csv")) {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let width = reader.headers().expect("a header").len();
        for record in reader.records() {
            assert_eq!(record.expect("a record").len(), width, "{name}");
        }
    }
}

#[test]
fn reports_are_deterministic() {
    // With the history section: the example committed three times.
    let example = example_with_history();
    let out = tempfile::tempdir().expect("a folder");
    let render_with_history = || {
        folio()
            .args(["report", "--as-of", "2026-11-15", "--html", "--out"])
            .arg(out.path())
            .arg(example.path("portfolio"))
            .assert()
            .code(0);
        read_folder(out.path())
    };
    let first = render_with_history();
    assert!(first.contains_key("history.md"));
    let second = render_with_history();
    for (name, text) in &first {
        assert!(
            second.get(name) == Some(text),
            "{name} differs between two runs"
        );
    }
    assert_eq!(first.len(), second.len());
}

#[test]
fn without_out_the_report_goes_to_stdout() {
    folio()
        .args(["report", "--as-of", "2026-11-15"])
        .arg(repository().join("example-portfolio"))
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with(
            "# Halyard Studio Portfolio: portfolio coordination report",
        ));
}

#[test]
fn the_summary_of_three_thousand_ventures_stays_within_64_kb() {
    let portfolio = Portfolio::minimal();
    portfolio.write("portfolio.yaml", "name: Big Studio\nas_of: 2026-11-15\n");
    for index in 0..3000 {
        let id = format!("v{index:04}");
        portfolio.write(
            &format!("ventures/{id}.yaml"),
            &format!(
                "id: {id}\nname: Venture {index} with a long and descriptive name\nstatus: active\n"
            ),
        );
        let next = format!("v{:04}", (index + 1) % 3000);
        portfolio.write(
            &format!("synergies/SYN-{index:04}.yaml"),
            &format!("id: SYN-{index:04}\ntitle: Shared service number {index} between two ventures of the studio\ncategory: technology\nventures: [{id}, {next}]\nvalue_potential: {}\nimplementation_effort: 2\nstrategic_importance: 3\n", index % 5 + 1),
        );
        portfolio.write(
            &format!("initiatives/INI-{index:04}.yaml"),
            &format!("initiative_id: INI-{index:04}\nname: Initiative {index} with a long name that goes on and on\nventures: [{id}]\nvalue_proposition: Save effort\nimplementation: [{{milestone: Design, deadline: 2026-12-01}}]\nsuccess_metrics: [{{metric: Hours, target: 16}}]\n"),
        );
    }
    let (_out, files) = render(portfolio.root());
    let summary = &files["summary.md"];
    assert!(
        summary.len() <= 64 * 1024,
        "the summary is {} bytes",
        summary.len()
    );
    assert!(
        summary.contains("3000 ventures") || summary.contains("… and"),
        "it says it summarised"
    );
    table_rows("summary.md", summary);
}

#[test]
fn the_step_summary_is_appended_under_github_actions() {
    let work = tempfile::tempdir().expect("a folder");
    let step_summary = work.path().join("step-summary.md");
    std::fs::write(&step_summary, "earlier step\n").expect("write");
    let out = work.path().join("reports");
    folio()
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &step_summary)
        .args(["report", "--as-of", "2026-11-15", "--out"])
        .arg(&out)
        .arg(repository().join("example-portfolio"))
        .assert()
        .code(0);
    let written = std::fs::read_to_string(&step_summary).expect("the step summary");
    let summary = std::fs::read_to_string(out.join("summary.md")).expect("summary.md");
    assert_eq!(written, format!("earlier step\n{summary}"));
}

#[test]
fn templates_are_overridden_by_name_and_strict() {
    let root = repository().join("example-portfolio");
    let templates = tempfile::tempdir().expect("a folder");
    std::fs::write(
        templates.path().join("report.md.j2"),
        "Custom report for {{ portfolio.name }}: {{ counts.ventures }} ventures\n",
    )
    .expect("write");
    folio()
        .args(["report", "--as-of", "2026-11-15", "--templates"])
        .arg(templates.path())
        .arg(&root)
        .assert()
        .code(0)
        .stdout("Custom report for Halyard Studio Portfolio: 5 ventures\n");

    // A misspelt field is an error, not an empty cell.
    std::fs::write(
        templates.path().join("report.md.j2"),
        "{{ portfolio.nmae }}\n",
    )
    .expect("write");
    folio()
        .args(["report", "--templates"])
        .arg(templates.path())
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("report.md.j2"));

    // A file named after no template is refused.
    std::fs::remove_file(templates.path().join("report.md.j2")).expect("remove");
    std::fs::write(templates.path().join("reprot.md.j2"), "x").expect("write");
    folio()
        .args(["report", "--templates"])
        .arg(templates.path())
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "\"reprot.md.j2\" is not the name of a report template",
        ));
}

#[test]
fn a_failed_run_leaves_the_previous_report_untouched() {
    let root = repository().join("example-portfolio");
    let (out, before) = render(&root);
    let templates = tempfile::tempdir().expect("a folder");
    // report.md renders; gates.md fails halfway.
    std::fs::write(
        templates.path().join("gates.md.j2"),
        "# Gates\n{{ no_such_field }}\n",
    )
    .expect("write");
    folio()
        .args(["report", "--as-of", "2026-11-20", "--templates"])
        .arg(templates.path())
        .arg("--out")
        .arg(out.path())
        .arg(&root)
        .assert()
        .code(2);
    assert_eq!(read_folder(out.path()), before, "nothing was written");
}

#[test]
fn a_summary_that_would_overflow_is_summarised_and_says_where_the_report_is() {
    let portfolio = Portfolio::minimal();
    let name = "A very long studio name ".repeat(3000);
    portfolio.write(
        "portfolio.yaml",
        &format!("name: \"{name}\"\nas_of: 2026-11-15\n"),
    );
    let out = tempfile::tempdir().expect("a folder");
    folio()
        .current_dir(out.path())
        .args(["report", "--out", "reports"])
        .arg(portfolio.root())
        .assert()
        .code(0);
    let summary =
        std::fs::read_to_string(out.path().join("reports/summary.md")).expect("summary.md");
    assert!(summary.len() <= 64 * 1024, "{} bytes", summary.len());
    assert!(
        summary.contains("shortened to stay within 64 KB"),
        "{summary}"
    );
    assert!(
        summary.contains("The full report is in `reports/report.md`"),
        "{summary}"
    );
    table_rows("summary.md", &summary);
}

/// Every code span of a Markdown text, as GitHub reads it.
fn code_spans(text: &str) -> Vec<String> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    Parser::new_ext(text, options)
        .filter_map(|event| match event {
            Event::Code(code) => Some(code.to_string()),
            _ => None,
        })
        .collect()
}

/// Whether a Mermaid label line's first word would begin a statement.
fn starts_a_statement(label: &str) -> bool {
    const KEYWORDS: [&str; 14] = [
        "title",
        "dateformat",
        "axisformat",
        "todaymarker",
        "excludes",
        "includes",
        "section",
        "click",
        "x-axis",
        "y-axis",
        "quadrant-1",
        "quadrant-2",
        "line",
        "bar",
    ];
    let first = label.split_whitespace().next().unwrap_or_default();
    KEYWORDS.contains(&first.to_lowercase().as_str()) || label.trim_start().starts_with("%%")
}

/// Checks that a Mermaid block holds only the statements its template writes: each header
/// statement once, then sections and milestones, points or slices whose labels cannot start a
/// statement of their own.
pub fn check_mermaid_block(name: &str, block: &str) {
    let lines: Vec<&str> = block
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let kind = lines
        .iter()
        .find(|line| !line.starts_with("%%{init"))
        .map(|line| line.trim())
        .unwrap_or_default();
    let header: &[&str] = if kind == "gantt" {
        &["gantt", "title ", "dateFormat ", "todayMarker off"]
    } else if kind == "quadrantChart" {
        &[
            "quadrantChart",
            "title ",
            "x-axis ",
            "y-axis ",
            "quadrant-1 ",
            "quadrant-2 ",
            "quadrant-3 ",
            "quadrant-4 ",
        ]
    } else if kind.starts_with("pie title ") {
        &["pie title "]
    } else if kind == "xychart-beta" {
        &["%%{init", "xychart-beta", "title ", "x-axis ", "y-axis "]
    } else {
        panic!("{name}: an unexpected chart {kind:?}");
    };
    for statement in header {
        let count = lines
            .iter()
            .filter(|line| line.trim_start().starts_with(statement))
            .count();
        assert_eq!(
            count, 1,
            "{name}: {statement:?} appears {count} times in {block}"
        );
    }
    for line in &lines {
        let trimmed = line.trim();
        if header
            .iter()
            .any(|statement| trimmed.starts_with(statement))
        {
            continue;
        }
        let body = if kind == "gantt" {
            if let Some(section) = trimmed.strip_prefix("section ") {
                section
            } else {
                let (label, rest) = trimmed
                    .split_once(" :milestone, ")
                    .unwrap_or_else(|| panic!("{name}: {line:?} is not a milestone"));
                assert!(
                    rest.ends_with(", 0d") && !rest.contains(':'),
                    "{name}: {line:?}"
                );
                label
            }
        } else if kind == "xychart-beta" {
            assert!(trimmed.starts_with("line ["), "{name}: {line:?}");
            continue;
        } else {
            // A quoted label, then its place or value.
            let label = trimmed
                .strip_prefix('"')
                .and_then(|rest| rest.split_once('"'))
                .map(|(label, _)| label)
                .unwrap_or_else(|| panic!("{name}: {line:?} is not a quoted point"));
            assert!(!label.contains('"'), "{name}: {line:?}");
            label
        };
        assert!(
            !starts_a_statement(body),
            "{name}: {line:?} begins a Mermaid statement"
        );
    }
}

/// What GitHub shows of the reports: ids and conditions in code spans read exactly as written
/// (no entity, no backslash), and every Mermaid block keeps the statements its template writes,
/// for the example and for names written to break both.
#[test]
fn reports_read_as_written_on_github() {
    for root in [
        repository().join("example-portfolio"),
        repository().join("tests/fixtures/portfolios/hostile-names"),
    ] {
        let (_out, files) = render(&root);
        let mut blocks = 0;
        for (name, text) in files.iter().filter(|(name, _)| name.ends_with(".md")) {
            for code in code_spans(text) {
                for escape in ["&gt;", "&lt;", "&amp;", "&#", "\\_", "\\|", "\\["] {
                    assert!(
                        !code.contains(escape),
                        "{name}: the code span {code:?} shows {escape:?}"
                    );
                }
            }
            for block in text.split("```mermaid\n").skip(1) {
                let block = block.split("```").next().unwrap_or_default();
                check_mermaid_block(name, block);
                blocks += 1;
            }
        }
        assert!(blocks >= 3, "{root:?}: the charts are drawn");
    }
    let (_out, files) = render(&repository().join("tests/fixtures/portfolios/hostile-names"));
    let playbook = code_spans(&files["governance-playbook.md"]);
    for condition in [
        "budget > 10000",
        "shift_pct > 20 and 'a_b' not in ['x|y', 'a_b']",
        "amount >= 50000",
    ] {
        assert!(
            playbook.iter().any(|code| code == condition),
            "{condition:?} is not shown as written: {playbook:?}"
        );
    }
    let dashboard = code_spans(&files["initiative-dashboard.md"]);
    assert!(
        dashboard.iter().any(|code| code == "INIT_2"),
        "{dashboard:?}"
    );
    // The two synergies at one place share one point.
    let register = &files["synergy-register.md"];
    assert!(register.contains("\"SYN-1 SYN_2\": ["), "{register}");
    // Hours count beside money.
    assert!(
        files["initiative-dashboard.md"].contains("| 0 USD | 120 h |"),
        "{}",
        files["initiative-dashboard.md"]
    );
}

/// The schedule as the chairman reads it, two days after a milestone's deadline and inside the
/// seventh step's window: done, due and late steps, the overdue milestones (one day after a
/// deadline, not on it), and the dashboard's mark.
#[test]
fn the_schedule_shows_each_steps_status_and_the_overdue_milestones() {
    let out = tempfile::tempdir().expect("a folder");
    let render_as_of = |date: &str| {
        folio()
            .args(["report", "--as-of", date, "--out"])
            .arg(out.path())
            .arg(repository().join("tests/fixtures/portfolios/mid-stage"))
            .assert()
            .code(0);
        read_folder(out.path())
    };

    // 2026-11-06: day 24 of the stage. "Migrate CareSync" is due today, not overdue;
    // "Create the organisation" (2026-11-04) is two days late.
    let files = render_as_of("2026-11-06");
    let rows = table_rows("schedule.md", &files["schedule.md"]);
    let status = |step: &str| {
        rows.iter()
            .find(|row| row.first().is_some_and(|cell| cell == step))
            .map(|row| row[4].clone())
            .unwrap_or_else(|| panic!("no step {step} in {rows:?}"))
    };
    assert_eq!(status("1"), "✅ done");
    assert_eq!(status("3"), "❌ late");
    assert_eq!(status("6"), "❌ late");
    assert_eq!(status("7"), "⏳ due");
    assert_eq!(status("9"), "⏳ due");
    assert!(
        files["schedule.md"].contains("Day 24 of 30"),
        "{}",
        files["schedule.md"]
    );
    // The overdue table's rows (its header row included in what `table_rows` returns).
    let overdue: Vec<&Vec<String>> = rows
        .iter()
        .filter(|row| row.len() == 4 && row[0] != "initiative")
        .collect();
    assert_eq!(
        overdue,
        [&vec![
            "CLOUD-001".to_string(),
            "Create the organisation and cost-allocation tags".to_string(),
            "4 Nov 2026".to_string(),
            "2 day(s)".to_string()
        ]]
    );
    assert!(
        files["initiative-dashboard.md"]
            .contains("Create the organisation and cost-allocation tags (4 Nov 2026) ⚠️ overdue"),
        "{}",
        files["initiative-dashboard.md"]
    );

    // The day after its deadline, "Migrate CareSync" is overdue too.
    let files = render_as_of("2026-11-07");
    let rows = table_rows("schedule.md", &files["schedule.md"]);
    assert!(
        rows.iter()
            .any(|row| row.len() == 4 && row[1] == "Migrate CareSync" && row[3] == "1 day(s)"),
        "{rows:?}"
    );
}

/// Reports grow with the portfolio, not with its square: past twenty ventures the allocation
/// matrix lists the allocations that exist instead of a grid, report.md lists the ventures of
/// the largest revenue and points to ventures.md for the rest, and the charts keep to a
/// readable number of points and plans.
#[test]
fn reports_grow_linearly_with_the_portfolio() {
    let portfolio = Portfolio::minimal();
    portfolio.write("portfolio.yaml", "name: Big Studio\nas_of: 2026-11-15\n");
    let ventures = 60;
    let ids: Vec<String> = (0..ventures).map(|index| format!("v{index:02}")).collect();
    for (index, id) in ids.iter().enumerate() {
        portfolio.write(
            &format!("ventures/{id}.yaml"),
            &format!(
                "id: {id}\nname: Venture {index}\nstatus: active\nmetrics: {{revenue_monthly: {}}}\n",
                1000 * (index + 1)
            ),
        );
        portfolio.write(
            &format!("initiatives/INI-{index:02}.yaml"),
            &format!("initiative_id: INI-{index:02}\nname: Initiative {index}\nventures: [{id}]\nvalue_proposition: Save effort\nimplementation: [{{milestone: Design, deadline: 2026-12-01}}]\nsuccess_metrics: [{{metric: Hours, target: 16}}]\n"),
        );
    }
    let allocations: Vec<String> = ids.iter().map(|id| format!("{id}: 1")).collect();
    for resource in ["pool", "fund"] {
        portfolio.write(
            &format!("resources/{resource}.yaml"),
            &format!(
                "id: {resource}\nname: {resource}\ntype: budget\nunit: usd\ncapacity: 1000\nallocations: {{{}}}\n",
                allocations.join(", ")
            ),
        );
    }
    let (_out, files) = render(portfolio.root());

    let matrix = &files["resource-allocation.md"];
    assert!(
        !matrix.contains("## By venture"),
        "no grid of 2 × {ventures}"
    );
    let rows = table_rows("resource-allocation.md", matrix);
    let allocation_rows = rows.iter().filter(|row| row.len() == 4).count();
    assert_eq!(
        allocation_rows,
        1 + 2 * ventures,
        "a header and one row per allocation"
    );
    let csv_rows = files["resource-allocation.csv"].lines().count();
    assert_eq!(csv_rows, 1 + 2 * ventures);

    let report = &files["report.md"];
    assert!(
        report.contains("The 25 ventures of the largest revenue, of 60"),
        "{report}"
    );
    assert!(
        report.contains("| Venture 59 (`v59`) |"),
        "the largest first"
    );
    assert!(
        !report.contains("| Venture 0 (`v00`) |"),
        "the smallest left to ventures.md"
    );
    assert!(files["ventures.md"].contains("| Venture 0 (`v00`) |"));

    let plans = &files["coordination-plans.md"];
    assert!(
        plans.contains("The chart shows the first 30 of 60 plans"),
        "{plans}"
    );
    let gantt = plans
        .split("```mermaid\n")
        .nth(1)
        .and_then(|block| block.split("```").next())
        .unwrap_or_default();
    assert_eq!(
        gantt.matches("    section ").count(),
        31,
        "the report date and 30 plans"
    );
}

/// Sums too large to be finite stay in the table but out of the pie chart, which Mermaid could
/// not draw with them.
#[test]
fn the_value_pie_leaves_out_sums_that_are_not_finite() {
    let work = tempfile::tempdir().expect("a folder");
    copy_portfolio(&repository().join("example-portfolio"), work.path());
    let huge = "kind: ValueEvent\nid: VE-HUGE-1\ninitiative: AWS-CONSOLIDATED\ntype: revenue\namount: 1.0e308\nunit: usd\ndate: 2026-11-01\nevidence: \"A test of an overflowing sum.\"\n---\nid: VE-HUGE-2\ninitiative: AWS-CONSOLIDATED\ntype: revenue\namount: 1.0e308\nunit: usd\ndate: 2026-11-02\nevidence: \"A test of an overflowing sum.\"\n";
    std::fs::write(work.path().join("value/huge.yaml"), huge).expect("write");
    let (_out, files) = render(work.path());
    let text = &files["value-capture-log.md"];
    let pie = text
        .split("```mermaid\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap_or_else(|| panic!("no pie chart: {text}"));
    check_mermaid_block("value-capture-log.md", pie);
    assert!(pie.contains("\"cost-saved\" : 13700.0"), "{pie}");
    assert!(!pie.contains("\"revenue\""), "{pie}");
    let rows = table_rows("value-capture-log.md", text);
    assert!(
        rows.iter().any(|row| row[0] == "revenue"),
        "the table keeps the revenue row: {rows:?}"
    );
}
