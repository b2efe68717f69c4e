//! The web pages and the PDF in a real headless Chromium: `tests/browser/check.mjs` opens every
//! page (playwright-core over the DevTools protocol, Debian's Chromium, no browser download) at a
//! desktop and a phone width and reports what it saw; these tests judge it. The PDF is read back
//! with poppler's pdftotext and pdftoppm.
//!
//! They need Chromium, Node.js with `npm ci` run in tests/browser, and poppler-utils; without them
//! they say so and pass, unless FOLIO_REQUIRE_BROWSER=1 (which `.ci/run` sets after installing
//! them), when a missing tool fails the test. `FOLIO_BLESS=1` also writes the README's screenshot
//! of the example's dashboard, docs/dashboard.png.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::report::example_with_history;
use crate::support::{folio, repository};

/// The first of these on PATH, or FOLIO_CHROMIUM.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("FOLIO_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| on_path(name))
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|folder| folder.join(name))
        .find(|candidate| candidate.is_file())
}

/// Whether the tools are here; when one is missing, says which, and fails under
/// FOLIO_REQUIRE_BROWSER=1.
fn tools(needed: &[&str]) -> Option<PathBuf> {
    let mut missing = Vec::new();
    let browser = chromium();
    if browser.is_none() {
        missing.push("chromium (apt-get install chromium)".to_string());
    }
    for tool in needed {
        if *tool == "playwright-core" {
            if !repository()
                .join("tests/browser/node_modules/playwright-core")
                .is_dir()
            {
                missing.push("playwright-core (npm ci --prefix tests/browser)".into());
            }
        } else if on_path(tool).is_none() {
            missing.push((*tool).to_string());
        }
    }
    if missing.is_empty() {
        return browser;
    }
    let message = format!("skipped: {} not found", missing.join(", "));
    assert!(
        std::env::var_os("FOLIO_REQUIRE_BROWSER").is_none(),
        "FOLIO_REQUIRE_BROWSER is set but {message}"
    );
    eprintln!("{message}");
    None
}

/// Renders a portfolio's web pages into a temporary folder.
fn site(root: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("a folder");
    folio()
        .args(["report", "--as-of", "2026-11-15", "--html", "--out"])
        .arg(out.path())
        .arg(root)
        .assert()
        .code(0);
    out
}

/// What Chromium saw of every page of `folder`, by `desktop/NAME.html` and `phone/NAME.html`.
fn open_in_chromium(browser: &Path, folder: &Path, dashboard: Option<&Path>) -> Value {
    let shots = tempfile::tempdir().expect("a folder");
    let mut command = Command::new("node");
    command
        .arg(repository().join("tests/browser/check.mjs"))
        .arg("--chromium")
        .arg(browser)
        .arg("--site")
        .arg(folder)
        .arg("--shots")
        .arg(shots.path());
    if let Some(dashboard) = dashboard {
        command.arg("--dashboard").arg(dashboard);
    }
    let output = command.output().expect("node runs");
    assert!(
        output.status.success(),
        "check.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("check.mjs prints JSON")
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_example_opens_cleanly_in_chromium_at_desktop_and_phone_widths() {
    let Some(browser) = tools(&["node", "playwright-core"]) else {
        return;
    };
    let example = example_with_history();
    let out = site(&example.path("portfolio"));
    let dashboard = std::env::var_os("FOLIO_BLESS")
        .is_some()
        .then(|| repository().join("docs/dashboard.png"));
    let seen = open_in_chromium(&browser, out.path(), dashboard.as_deref());
    let pages = seen["pages"].as_object().expect("pages");
    assert_eq!(pages.len(), 26, "13 pages at two widths");
    let folder = format!(
        "file://{}/",
        std::fs::canonicalize(out.path())
            .expect("a folder")
            .display()
    );
    let mut charts = 0;
    for (name, page) in pages {
        assert!(
            strings(&page["console"]).is_empty(),
            "{name}: console {}",
            page["console"]
        );
        assert!(
            strings(&page["pageErrors"]).is_empty(),
            "{name}: {}",
            page["pageErrors"]
        );
        assert!(
            strings(&page["failed"]).is_empty(),
            "{name}: failed {}",
            page["failed"]
        );
        let requests = strings(&page["requests"]);
        assert_eq!(
            requests.len(),
            1,
            "{name} requests only itself: {requests:?}"
        );
        for request in &requests {
            assert!(
                request.starts_with(&folder),
                "{name} requests {request}, outside {folder}"
            );
        }
        assert_eq!(page["scripts"], 0, "{name}");
        assert!(
            page["csp"]
                .as_str()
                .is_some_and(|csp| csp.starts_with("default-src 'none'")),
            "{name}"
        );
        // Nothing wider than the window but the tables, which scroll in their own box.
        assert!(
            page["scrollWidth"].as_f64() <= page["innerWidth"].as_f64(),
            "{name} scrolls sideways: {} > {}",
            page["scrollWidth"],
            page["innerWidth"]
        );
        for chart in page["charts"].as_array().expect("charts") {
            charts += 1;
            let (width, height) = (
                chart["width"].as_f64().unwrap_or_default(),
                chart["height"].as_f64().unwrap_or_default(),
            );
            assert!(width > 100.0 && height > 40.0, "{name}: {chart}");
            assert!(
                width <= page["innerWidth"].as_f64().unwrap_or_default(),
                "{name}: the chart fits the window {chart}"
            );
            assert_eq!(chart["role"], "img", "{name}");
            assert!(
                chart["title"].as_str().is_some_and(|t| !t.is_empty()),
                "{name}"
            );
            assert!(
                chart["desc"].as_str().is_some_and(|d| d.len() > 20),
                "{name}"
            );
            assert!(chart["texts"].as_u64() > Some(3), "{name}: labels are text");
        }
        let shot = &page["screenshot"];
        let (device, _) = name.split_once('/').expect("device/page");
        let width = if device == "desktop" { 1280 } else { 390 };
        assert_eq!(shot["width"], width, "{name}: {shot}");
        assert!(shot["height"].as_u64() >= Some(800), "{name}: {shot}");
        assert!(
            shot["bytes"].as_u64() > Some(10_000),
            "{name}: a blank page? {shot}"
        );
    }
    assert_eq!(
        charts,
        2 * 11,
        "eleven charts at each width, the history's included"
    );
    let index = &pages["desktop/index.html"];
    let text = index["text"].as_str().unwrap_or_default();
    for heading in [
        "Executive summary",
        "Gates",
        "History",
        "3 commit(s) of the main line, from 20 Oct 2026 to 15 Nov 2026",
        "Schedule",
        "Benefits vs baseline",
        "Rollback triggers",
        "16,900 USD",
        "13.59%",
    ] {
        assert!(text.contains(heading), "the dashboard shows {heading:?}");
    }
    // The phone's full-page screenshot of the dashboard is long, not wide.
    let phone = &pages["phone/index.html"]["screenshot"];
    assert!(phone["height"].as_u64() > Some(3000), "{phone}");
    if dashboard.is_some() {
        assert_eq!(seen["dashboard"]["width"], 1280);
    }
}

#[test]
fn hostile_names_show_as_text_in_chromium() {
    let Some(browser) = tools(&["node", "playwright-core"]) else {
        return;
    };
    let out = site(&repository().join("tests/fixtures/portfolios/hostile-names"));
    let seen = open_in_chromium(&browser, out.path(), None);
    for (name, page) in seen["pages"].as_object().expect("pages") {
        assert!(
            strings(&page["console"]).is_empty(),
            "{name}: {}",
            page["console"]
        );
        assert_eq!(strings(&page["requests"]).len(), 1, "{name}");
        assert_eq!(page["scripts"], 0, "{name}");
        assert_eq!(
            page["injected"], 0,
            "{name}: markup from a name became an element"
        );
        assert_eq!(page["styled"], 0, "{name}: a style attribute");
        assert_eq!(page["styles"], 1, "{name}: the one stylesheet");
        for link in strings(&page["links"]) {
            assert!(
                !link.contains(':') || link == "data:,",
                "{name}: a link leaves the report: {link}"
            );
        }
        let text = page["text"].as_str().unwrap_or_default();
        assert!(
            text.contains("Pipe | Studio <b>bold</b> @chairman"),
            "{name} shows the name as written"
        );
        assert!(
            page["title"]
                .as_str()
                .is_some_and(|title| title.contains("<b>bold</b>"))
        );
    }
    let register = &seen["pages"]["desktop/synergy-register.html"];
    let text = register["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("Auth | shared, \"quoted\" <script>x</script> @all"),
        "{text}"
    );
    let assessments = &seen["pages"]["desktop/assessment-matrix.html"];
    assert!(
        assessments["text"]
            .as_str()
            .is_some_and(|t| t.contains("Alpha | Pay <img src=x onerror=alert(1)>"))
    );
}

/// The numbers of a Markdown text: `16,900`, `13.59%`, `2026-11`.
fn numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (!current.is_empty() && ",.%".contains(c)) {
            current.push(c);
        } else {
            let number = current.trim_end_matches([',', '.']).to_string();
            if number.chars().filter(char::is_ascii_digit).count() >= 2 {
                found.push(number);
            }
            current.clear();
        }
    }
    found
}

#[test]
fn the_pdf_of_the_example_has_its_sections_pages_and_the_markdowns_numbers() {
    let Some(browser) = tools(&["pdftotext", "pdftoppm", "pdfinfo"]) else {
        return;
    };
    let example = example_with_history();
    let out = tempfile::tempdir().expect("a folder");
    folio()
        .args(["report", "--as-of", "2026-11-15", "--pdf", "--chromium"])
        .arg(&browser)
        .arg("--out")
        .arg(out.path())
        .arg(example.path("portfolio"))
        .assert()
        .code(0);
    let pdf = out.path().join("report.pdf");
    let bytes = std::fs::read(&pdf).expect("report.pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    // --pdf writes the web pages too, and leaves no temporary folder behind.
    let files = read_folder_names(out.path());
    assert!(files.contains(&"index.html".to_string()), "{files:?}");
    assert!(!files.iter().any(|name| name.starts_with('.')), "{files:?}");

    let info = run("pdfinfo", &[pdf.as_os_str()]);
    let pages: u32 = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("a page count");
    // A page for the summary and one per section: 5 to 12 pages for the example.
    assert!((5..=12).contains(&pages), "{pages} pages");

    let text = run("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
    for section in [
        "Portfolio coordination report",
        "Executive summary",
        "Gates",
        "History",
        "Schedule",
        "Benefits vs baseline",
        "Portfolio overview",
        "Rollback triggers",
        "Lessons learned",
        "Recommendations",
    ] {
        assert!(text.contains(section), "the PDF lacks {section:?}");
    }
    assert!(
        text.contains("3 commit(s) of the main line"),
        "the PDF has the history"
    );
    // The footer: the portfolio and the date on every page, and page numbers.
    let squeezed: String = text.split_whitespace().collect();
    assert_eq!(
        squeezed
            .matches("HalyardStudioPortfolio·asof15Nov2026")
            .count(),
        pages as usize,
        "{text}"
    );
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    // The executive summary's numbers are the Markdown report's.
    let markdown = std::fs::read_to_string(out.path().join("report.md")).expect("report.md");
    let summary = markdown
        .split("## Executive summary")
        .nth(1)
        .and_then(|rest| rest.split("## ").next())
        .expect("a summary");
    let expected = numbers(summary);
    assert!(expected.len() >= 8, "{expected:?}");
    for number in &expected {
        assert!(
            text.contains(number.as_str()),
            "the PDF lacks {number} of report.md"
        );
    }
    // And the benefits table's.
    let benefits = markdown
        .split("## Benefits vs baseline")
        .nth(1)
        .and_then(|rest| rest.split("## ").next())
        .expect("benefits");
    for number in numbers(benefits) {
        assert!(text.contains(number.as_str()), "the PDF lacks {number}");
    }

    // Its first page renders.
    let first = out.path().join("first");
    run(
        "pdftoppm",
        &[
            "-png".as_ref(),
            "-r".as_ref(),
            "50".as_ref(),
            "-f".as_ref(),
            "1".as_ref(),
            "-l".as_ref(),
            "1".as_ref(),
            pdf.as_os_str(),
            first.as_os_str(),
        ],
    );
    let png = std::fs::read_dir(out.path())
        .expect("a folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("first") && name.ends_with(".png"))
        })
        .expect("the first page as PNG");
    let image = std::fs::read(&png).expect("a PNG");
    assert!(image.starts_with(b"\x89PNG"));
    let width = u32::from_be_bytes([image[16], image[17], image[18], image[19]]);
    assert!(
        (400..=450).contains(&width),
        "A4 at 50 dpi is 413 pixels wide: {width}"
    );
    assert!(image.len() > 5_000, "the first page is not blank");
}

fn read_folder_names(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("a folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().to_string())
        .collect()
}

fn run(program: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(program).args(args).output().expect(program);
    assert!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).to_string()
}
