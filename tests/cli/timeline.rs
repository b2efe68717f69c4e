//! The gate timeline (`folio history`, and the report's history section): the portfolio carried
//! from commit to commit gives, at every commit, what reading that revision whole gives.

use serde_json::Value;

use crate::repo::Repo;
use crate::support::{folio, gates_json, run_json};

/// Governance that establishes the step: both roles, an escalation path, a cadence and the
/// SOP's four decision rights.
const ESTABLISHED: &str = "\
roles:
  chairman:
    members: [{name: Chair, github: chair}]
  board:
    members: [{name: B1, github: b1}]
escalation: [chairman, board]
cadence:
  - {meeting: Portfolio review, every: month, attendees: [chairman, board]}
decision_rights:
  - {decision: launch-initiative, approvals: [{role: chairman}]}
  - {decision: reallocate-resources, approvals: [{role: chairman}]}
  - {decision: sunset-venture, approvals: [{role: board}]}
  - {decision: resolve-conflict, approvals: [{role: chairman}]}
";

/// Seconds since the epoch at noon (UTC) of a day written YYYY-MM-DD.
pub fn noon(day: &str) -> i64 {
    let date = folio::model::date::Date::parse(day).expect("a date");
    date.days_since_epoch() * 86_400 + 12 * 3600
}

fn venture(id: &str, status: &str) -> String {
    format!("id: {id}\nname: Venture {id}\nstatus: {status}\n")
}

fn conflict(id: &str, status: &str) -> String {
    let resolution = if status == "resolved" {
        "strategy: time-sharing\nresolution: Alternate weeks\nresolved_on: 2026-09-04\n"
    } else {
        ""
    };
    format!(
        "id: {id}\ntitle: Conflict {id}\ntype: talent\nventures: [a, b]\nstatus: {status}\n{resolution}"
    )
}

/// A history of a portfolio in the sub-folder `studio/` that holds what carrying a portfolio
/// from commit to commit must get right: renames, removals, multi-document files split and
/// merged, `ignore:` globs added (one not a glob), a file changed while ignored and then no
/// longer ignored, governance established, broken and repaired, a file that stops parsing, a
/// schema error, a duplicate id, a symbolic link, `as_of` set and removed, value that grows
/// month by month, a commit outside the portfolio, and the portfolio moved away and back.
/// Returns the repository and its commits, oldest first.
pub fn eventful_history() -> (Repo, Vec<String>) {
    let repo = Repo::new();
    let mut commits = Vec::new();
    let mut commit = |message: &str, day: &str| commits.push(repo.commit_at(message, noon(day)));
    repo.write("README.md", "# The studio\n");
    repo.write("other.yaml", "not: part of the portfolio\n");
    repo.write(
        "studio/portfolio.yaml",
        "name: S\nstage_started: 2026-09-01\n",
    );
    repo.write(
        "studio/governance.yaml",
        &ESTABLISHED.replace("escalation: [chairman, board]\n", ""),
    );
    repo.write("studio/ventures/a.yaml", &venture("a", "active"));
    repo.write("studio/ventures/b.yaml", &venture("b", "active"));
    repo.write("studio/conflicts/C1.yaml", &conflict("C1", "open"));
    repo.write(
        "studio/initiatives/INI-1.yaml",
        "initiative_id: INI-1\nname: Shared auth\nventures: [a, b]\nvalue_proposition: One login\nowner: Ann\nstatus: launched\nimplementation: [{milestone: Design, deadline: 2026-10-01}]\nsuccess_metrics: [{metric: Hours, target: 16}]\n",
    );
    repo.write(
        "studio/value/E1.yaml",
        "id: E1\ninitiative: INI-1\ntype: cost-saved\namount: 4000\nunit: usd-per-month\ndate: 2026-09-01\nevidence: Invoices\n",
    );
    commit("base", "2026-09-01");

    repo.write(
        "studio/ventures/cd.yaml",
        &format!("{}---\n{}", venture("c", "active"), venture("d", "active")),
    );
    repo.write("studio/conflicts/C1.yaml", &conflict("C1", "resolved"));
    commit("c and d in one file; C1 resolved", "2026-09-05");

    repo.rename("studio/ventures/a.yaml", "studio/ventures/x/a.yaml");
    repo.write(
        "studio/metrics/2026-08.yaml",
        "period: 2026-08\nbaseline: true\nrevenue_monthly: 100000\nresource_cost_monthly: 50000\nduplicate_effort_hours_monthly: 400\n",
    );
    repo.write(
        "studio/metrics/2026-09.yaml",
        "period: 2026-09\nrevenue_monthly: 115000\nresource_cost_monthly: 44000\nduplicate_effort_hours_monthly: 300\n",
    );
    commit("move a; metrics", "2026-09-20");

    repo.write("studio/governance.yaml", ESTABLISHED);
    commit("governance established", "2026-10-03");

    repo.write(
        "studio/portfolio.yaml",
        "name: S\nstage_started: 2026-09-01\nignore: [\"ventures/x/**\", \"[\"]\n",
    );
    commit(
        "ignore a's folder, and a pattern that is no glob",
        "2026-10-10",
    );

    repo.write("studio/ventures/x/a.yaml", &venture("a", "paused"));
    repo.write("studio/conflicts/C2.yaml", &conflict("C2", "escalated"));
    commit("a paused while ignored; C2 escalated", "2026-10-15");

    repo.write(
        "studio/portfolio.yaml",
        "name: S\nstage_started: 2026-09-01\nas_of: 2026-12-31\n",
    );
    commit("stop ignoring; as_of set", "2026-10-20");

    repo.remove("studio/ventures/cd.yaml");
    repo.write("studio/ventures/c.yaml", &venture("c", "active"));
    repo.write("studio/ventures/d.yaml", &venture("d", "sunset"));
    repo.write("studio/governance.yaml", "roles: [broken\n");
    commit("split cd, sunset d; break governance", "2026-11-01");

    repo.write("studio/ventures/c.yaml", "id: c\nstatus: [\n");
    repo.write("studio/ventures/twin.yaml", &venture("b", "active"));
    commit("c stops parsing; a duplicate of b", "2026-11-05");

    repo.write(
        "README.md",
        "# The studio\n\nNothing of the portfolio changes.\n",
    );
    repo.write("other.yaml", "still: not part of it\n");
    commit("outside the portfolio only", "2026-11-06");

    repo.write(
        "studio/portfolio.yaml",
        "name: S\nstage_started: 2026-09-01\n",
    );
    repo.write("studio/governance.yaml", ESTABLISHED);
    repo.remove("studio/conflicts/C2.yaml");
    repo.write(
        "studio/value/E2.yaml",
        "id: E2\ninitiative: INI-1\ntype: cost-saved\namount: -90000\nunit: usd\ndate: 2026-11-09\nevidence: Write-off\n",
    );
    commit(
        "as_of removed; governance repaired; value lost",
        "2026-11-10",
    );

    repo.write(
        "studio/synergies/S1.yaml",
        "id: S1\ntitle: Shared auth\ncategory: technology\nventures: [a, b]\nvalue_potential: 9\nimplementation_effort: 2\nstrategic_importance: 4\n",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink("b.yaml", repo.path("studio/ventures/link.yaml")).expect("a link");
    repo.write("studio/ventures/c.yaml", &venture("c", "active"));
    commit(
        "a synergy breaking its schema; a link; c repaired",
        "2026-11-20",
    );

    std::fs::create_dir_all(repo.path("attic")).expect("a folder");
    repo.rename("studio", "attic/studio");
    commit("the portfolio moves away", "2026-12-01");

    repo.rename("attic/studio", "studio");
    repo.remove("studio/value/E2.yaml");
    commit("and comes back, without the loss", "2026-12-02");
    (repo, commits)
}

/// Carries the portfolio at `root` along `commits` (oldest first) and, at every commit, holds
/// what reading that revision whole gives: files, documents, findings and texts, the gates of
/// the model (both as `Carried::checked` and as `Carried::model` build it) and where each
/// record comes from. Returns how many commits changed the portfolio.
pub fn assert_carried_equals_whole(root: &std::path::Path, commits: &[String]) -> usize {
    use folio::model::date::Date;
    use folio::portfolio::{self, AsOf, Cache, Carried};

    let git = folio::source::GitRepository::open(root).expect("the repository");
    let as_of = AsOf::today(Date::parse("2027-01-15").expect("a date"));
    let mut carried = Carried::default();
    let documents = |checked: &portfolio::Checked| -> Vec<(String, usize, bool)> {
        checked
            .loaded
            .documents
            .iter()
            .map(|document| {
                (
                    document.file.to_string(),
                    document.index,
                    document.typed.is_some(),
                )
            })
            .collect()
    };
    let mut changed_commits = 0;
    for id in commits {
        let commit = git.resolve(id).expect("a commit");
        if carried.advance(&git, &commit).expect("the next commit") {
            changed_commits += 1;
        }
        let incremental = carried.checked();
        let whole = portfolio::read(
            git.read(&commit, &|_, _| false).expect("the files"),
            Some(commit.clone()),
            &Cache::passing(),
        )
        .expect("a whole reading");
        assert_eq!(
            incremental.loaded.files, whole.loaded.files,
            "files at {id}"
        );
        assert_eq!(documents(&incremental), documents(&whole), "at {id}");
        assert_eq!(
            incremental.findings.items, whole.findings.items,
            "findings at {id}"
        );
        assert_eq!(incremental.loaded.texts, whole.loaded.texts, "at {id}");
        assert_eq!(carried.is_empty(), whole.loaded.files.is_empty());

        let gates = portfolio::read_and_check(root, Some(id), as_of).expect("a whole check");
        let evaluate = |model: &folio::model::Model| {
            let date = portfolio::evaluation_date(model, Some(&commit), as_of);
            serde_json::to_value(folio::gates::evaluate(model, date)).expect("JSON")
        };
        let expected = evaluate(&gates.model);
        assert_eq!(evaluate(&incremental.model), expected, "gates at {id}");
        // The model alone, as the timeline builds it, is the same model.
        let model = carried.model();
        assert_eq!(evaluate(&model), expected, "the model alone at {id}");
        let places = |model: &folio::model::Model| -> Vec<(usize, String)> {
            let ventures = model
                .ventures
                .iter()
                .map(|item| (item.document, item.file.to_string()));
            let conflicts = model
                .conflicts
                .iter()
                .map(|item| (item.document, item.file.to_string()));
            ventures.chain(conflicts).collect()
        };
        assert_eq!(places(&model), places(&incremental.model), "at {id}");
    }
    changed_commits
}

/// Carrying the portfolio commit by commit (each reading only the files it changed) gives, at
/// every commit, the files, documents, reading and schema findings of reading the revision
/// whole, and the gates `folio gates --rev` computes from a whole reading; so does the
/// timeline, seeded or not.
#[test]
fn carrying_a_history_equals_reading_every_revision_whole() {
    use folio::model::date::Date;
    use folio::portfolio::{self, AsOf};

    let (repo, commits) = eventful_history();
    let root = repo.path("studio");
    let git = folio::source::GitRepository::open(&root).expect("the repository");
    let as_of = AsOf::today(Date::parse("2027-01-15").expect("a date"));
    assert_eq!(
        assert_carried_equals_whole(&root, &commits),
        commits.len() - 1,
        "one commit changes nothing in the portfolio"
    );

    // The timeline itself: every commit but the one without a portfolio, each as a whole
    // reading evaluates it; with the work tree's reading as a seed (what `folio report` gives
    // it) too.
    let today = Date::parse("2027-01-15").expect("a date");
    let work_tree = portfolio::read_model(&root, None, true).expect("the work tree");
    let timeline = folio::history::timeline(&git, "HEAD", today, Vec::new()).expect("the timeline");
    let seeded = folio::history::timeline(&git, "HEAD", today, work_tree.files).expect("seeded");
    assert_eq!(
        serde_json::to_value(&seeded).expect("JSON"),
        serde_json::to_value(&timeline).expect("JSON")
    );
    assert_eq!(timeline.commits.len(), commits.len() - 1);
    for point in &timeline.commits {
        let checked = portfolio::read_and_check(&root, Some(&point.commit), as_of).expect("read");
        let evaluation = folio::gates::evaluate(&checked.model, checked.evaluation_date(as_of));
        let expected = folio::timeline::Point::of(
            checked.commit.as_ref().expect("a commit"),
            &evaluation,
            point.changed,
        );
        assert_eq!(
            serde_json::to_value(point).expect("JSON"),
            serde_json::to_value(&expected).expect("JSON"),
            "at {}",
            point.commit
        );
    }
}

fn history(repo: &Repo, args: &[&str]) -> (i32, Value) {
    run_json(
        folio()
            .current_dir(repo.path("studio"))
            .args(["history", "--format", "json"])
            .args(args),
    )
}

/// `folio history --format json` agrees with `folio gates --rev C --format json` at every
/// commit, status for status and figure for figure; it says when each gate first passed and
/// which regressed.
#[test]
fn the_timeline_is_what_folio_gates_says_at_each_commit() {
    let (repo, commits) = eventful_history();
    let (code, timeline) = history(&repo, &[]);
    assert_eq!(code, 0, "{timeline}");
    let points = timeline["commits"].as_array().expect("commits");
    let listed: Vec<&str> = points
        .iter()
        .filter_map(|point| point["commit"].as_str())
        .collect();
    let mut expected: Vec<&str> = commits.iter().map(String::as_str).collect();
    expected.remove(commits.len() - 2);
    assert_eq!(
        listed, expected,
        "oldest first, without the portfolio's absence"
    );
    for point in points {
        let commit = point["commit"].as_str().expect("a commit");
        let (code, gates) = gates_json(&repo.path("studio"), &["--rev", commit]);
        assert_eq!(code, 0);
        assert_eq!(point["as_of"], gates["as_of"], "at {commit}");
        for result in gates["results"].as_array().expect("results") {
            let id = result["id"].as_str().expect("an id");
            assert_eq!(point["gates"][id], result["status"], "{id} at {commit}");
        }
        for (figure, value) in point["metrics"].as_object().expect("metrics") {
            assert_eq!(&gates["metrics"][figure], value, "{figure} at {commit}");
        }
    }

    let gate = |id: &str| {
        timeline["gates"]
            .as_array()
            .expect("gates")
            .iter()
            .find(|gate| gate["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} in {timeline}"))
    };
    // Established on 3 Oct, broken on 1 Nov, repaired on 10 Nov.
    let governance = gate("governance-established");
    assert_eq!(governance["first_passed"]["commit"], commits[3].as_str());
    assert_eq!(governance["first_passed"]["date"], "2026-10-03");
    assert_eq!(governance["regressed"], true);
    assert_eq!(governance["regressions"][0]["commit"], commits[7].as_str());
    assert_eq!(governance["status"], "pass");
    // 4,000 a month from 1 Sep: 12,000 by 1 Nov (as_of 31 Dec counts 16,000 from 20 Oct).
    let value = gate("value-captured");
    assert_eq!(value["first_passed"]["date"], "2026-10-20", "{value}");
    assert_eq!(value["regressed"], true, "the write-off of 10 Nov");
    // The loss fires the trigger on 10 Nov; it is gone on 2 Dec.
    let negative = gate("negative-synergy-value");
    assert_eq!(negative["regressions"][0]["date"], "2026-11-10");
    assert_eq!(negative["status"], "pass");
    assert_eq!(gate("plans-created")["first_passed"], Value::Null);
    assert_eq!(points[0]["changed"], true);
    assert_eq!(points[9]["changed"], false, "outside the portfolio only");
    assert_eq!(points[9]["metrics"], points[8]["metrics"]);

    // A range: the commits after A, up to B.
    let (_, part) = history(
        &repo,
        &["--range", &format!("{}..{}", commits[2], commits[5])],
    );
    let listed: Vec<&str> = part["commits"]
        .as_array()
        .expect("commits")
        .iter()
        .filter_map(|point| point["commit"].as_str())
        .collect();
    assert_eq!(listed, [&commits[3], &commits[4], &commits[5]]);
    assert_eq!(part["commits"][0]["changed"], true);
}

#[test]
fn the_markdown_timeline_lists_gates_then_commits() {
    let (repo, commits) = eventful_history();
    let output = folio()
        .current_dir(repo.path("studio"))
        .args(["history"])
        .output()
        .expect("folio runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("# Gate timeline\n"), "{text}");
    let rows = crate::report::table_rows("history", &text);
    let governance = rows
        .iter()
        .find(|row| row[0] == "governance-established")
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(
        governance[2..],
        [
            format!("2026-10-03 {}", &commits[3][..7]),
            "1".to_string(),
            format!("2026-11-01 {}", &commits[7][..7]),
            "pass".to_string(),
        ],
        "first passed, regressions, last regressed, now"
    );
    // The commit that broke governance, evaluated as of the `as_of` then set.
    assert!(
        text.contains(&format!(
            "| 2026-11-01 | `{}` | 2026-12-31 | ",
            &commits[7][..7]
        )),
        "{text}"
    );
    assert!(text.contains("`governance-established` → fail"), "{text}");

    // Outside a git repository folio cannot run.
    let plain = tempfile::tempdir().expect("a folder");
    std::fs::write(plain.path().join("portfolio.yaml"), "name: S\n").expect("write");
    folio().arg("history").arg(plain.path()).assert().code(2);
}

fn report(repo: &Repo, args: &[&str]) -> std::collections::BTreeMap<String, String> {
    let out = tempfile::tempdir().expect("a folder");
    folio()
        .current_dir(repo.path("studio"))
        .args(["report", "--out"])
        .arg(out.path())
        .args(args)
        .assert()
        .code(0);
    crate::report::read_folder(out.path())
}

/// The Mermaid blocks of a Markdown text, each checked as the report's tests check charts.
fn charts(name: &str, text: &str) -> Vec<String> {
    let blocks: Vec<String> = text
        .split("```mermaid\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap_or_default().to_string())
        .collect();
    for block in &blocks {
        crate::report::check_mermaid_block(name, block);
    }
    blocks
}

/// Inside a git repository report.md gains a "History" section (each gate's first pass and
/// regressions, charts of value captured and the conflict resolution rate by commit and by
/// month beside tables of the same numbers) and history.md holds the months and the last
/// commits; `--no-history` and a portfolio outside git have neither; `--rev` ends the history
/// at that revision.
#[test]
fn the_report_has_a_history_section_inside_a_git_repository() {
    let (repo, commits) = eventful_history();
    let files = report(&repo, &[]);
    let text = &files["report.md"];
    let section = text
        .split("## History\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_else(|| panic!("no history section: {text}"));
    assert!(
        section.starts_with(&format!(
            "\n13 commit(s) of the main line, from 1 Sep 2026 to 2 Dec 2026, up to `{}`",
            &commits[13][..7]
        )),
        "{section}"
    );
    crate::report::table_rows("report.md", text);
    let rows = crate::report::table_rows("report.md's history", section);
    let row = |first: &str| {
        rows.iter()
            .find(|row| row[0] == first)
            .unwrap_or_else(|| panic!("no row {first}: {rows:?}"))
            .clone()
    };
    assert_eq!(
        row("governance-established")[2..],
        [
            format!("3 Oct 2026 ({})", &commits[3][..7]),
            "1".into(),
            format!("1 Nov 2026 ({})", &commits[7][..7]),
            "✅ pass".into()
        ]
    );
    assert_eq!(row("plans-created")[2], "not yet");
    assert_eq!(
        row("negative-synergy-value")[1..],
        [
            "2".to_string(),
            format!("20 Nov 2026 ({})", &commits[11][..7]),
            "✅ pass".into()
        ],
        "fired at two commits"
    );
    // The by-commit table holds the numbers the chart draws: every commit (13 ≤ 30).
    let by_commit: Vec<&Vec<String>> = rows
        .iter()
        .filter(|row| row.len() == 7 && row[1].ends_with(" 2026"))
        .collect();
    assert_eq!(by_commit.len(), 13, "{rows:?}");
    assert_eq!(
        by_commit[10][2..5],
        ["-78,000 USD", "0 h", "100%"],
        "10 Nov: three months of 4,000 less the 90,000 lost; C2 removed, C1 resolved"
    );
    // Four months: September to December, each its last commit.
    assert_eq!(row("2026-10")[1], &commits[6][..7]);
    assert_eq!(row("2026-12")[1], &commits[13][..7]);
    let blocks = charts("report.md", section);
    assert_eq!(blocks.len(), 4, "value and rate, by commit and by month");
    assert!(
        blocks[0].contains("title \"Value captured by commit (USD)\""),
        "{}",
        blocks[0]
    );
    assert!(blocks[0].contains("-78000.0"), "{}", blocks[0]);
    assert!(blocks[3].contains("x-axis [\"2026-09\", \"2026-10\", \"2026-11\", \"2026-12\"]"));
    assert!(text.contains("- [History](history.md)"));

    let history = &files["history.md"];
    let rows = crate::report::table_rows("history.md", history);
    let months = rows
        .iter()
        .filter(|row| row[0].len() == 7 && row[0].starts_with("2026-"))
        .count();
    assert_eq!(months, 4);
    let commit_rows = rows
        .iter()
        .filter(|row| row[0].ends_with(" 2026") && row.len() == 14)
        .count();
    assert_eq!(commit_rows, 13, "every commit, fewer than fifty");
    assert!(
        history.contains("`governance-established` → fail"),
        "{history}"
    );

    // Without the history.
    let plain = report(&repo, &["--no-history"]);
    assert!(!plain["report.md"].contains("## History"));
    assert!(!plain.contains_key("history.md"));
    // Up to a revision: its own history.
    let early = report(&repo, &["--rev", &commits[5]]);
    assert!(
        early["report.md"].contains(&format!(
            "6 commit(s) of the main line, from 1 Sep 2026 to 15 Oct 2026, up to `{}`",
            &commits[5][..7]
        )),
        "{}",
        early["report.md"]
    );
    // Outside a git repository: no history, and no error.
    let outside = tempfile::tempdir().expect("a folder");
    for file in ["portfolio.yaml", "governance.yaml"] {
        std::fs::copy(repo.path("studio").join(file), outside.path().join(file)).expect("copy");
    }
    let out = tempfile::tempdir().expect("a folder");
    folio()
        .arg("report")
        .arg(outside.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(0);
    let files = crate::report::read_folder(out.path());
    assert!(!files["report.md"].contains("## History"));
    assert!(!files.contains_key("history.md"));
}

/// The web report shows the same history: index.html's "History" has each gate's first pass, a
/// chart of the value captured by commit with its accessible name, and the table of every
/// commit's figures beside it; `--no-history` leaves it out.
#[test]
fn the_web_report_has_the_history_section_too() {
    let (repo, commits) = eventful_history();
    let files = report(&repo, &["--html"]);
    let index = &files["index.html"];
    let section = index
        .split("<section class=\"sheet\" id=\"history\">")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap_or_else(|| panic!("no history section: {index}"));
    assert!(
        section.contains(&format!(
            "<tr><td><code>governance-established</code></td><td>step</td><td>3 Oct 2026 (<code>{}</code>)</td><td class=\"num\">1</td><td>1 Nov 2026 (<code>{}</code>)</td>",
            &commits[3][..7],
            &commits[7][..7]
        )),
        "{section}"
    );
    assert!(section.contains(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"history-title history-desc\""
    ));
    assert!(section.contains("<title id=\"history-title\">Value captured by commit (USD)</title>"));
    // Every commit's row (13 ≤ 30): the date cell followed by the value captured.
    let by_commit = section.matches(" 2026</td><td class=\"num\">").count();
    assert_eq!(by_commit, 13, "{section}");
    assert!(
        section.contains(&format!(
            "<td><code>{}</code></td><td>10 Nov 2026</td><td class=\"num\">-78,000 USD</td>",
            &commits[10][..7]
        )),
        "{section}"
    );
    assert!(section.contains("<a href=\"history.md\">history.md</a>"));
    let plain = report(&repo, &["--html", "--no-history"]);
    assert!(!plain["index.html"].contains("id=\"history\""));
}

/// However long the history, report.md draws at most 30 commits and 30 months and history.md
/// lists a row per month and the last 50 commits.
#[test]
fn the_history_section_stays_bounded() {
    let repo = Repo::new();
    repo.write("studio/portfolio.yaml", "name: S\n");
    repo.write("studio/governance.yaml", ESTABLISHED);
    repo.write("studio/ventures/a.yaml", &venture("a", "active"));
    repo.write("studio/ventures/b.yaml", &venture("b", "active"));
    let start = noon("2024-01-01");
    for n in 0..90 {
        // Every 12 days for 90 commits: 36 months.
        repo.write(
            &format!("studio/conflicts/C{n}.yaml"),
            &conflict(
                &format!("C{n}"),
                if n % 3 == 0 { "open" } else { "resolved" },
            ),
        );
        repo.commit_at(&format!("conflict {n}"), start + n * 12 * 86_400);
    }
    let files = report(&repo, &[]);
    let text = &files["report.md"];
    assert!(
        text.contains("30 of the 90 commits, evenly spread, the first and the last included."),
        "{text}"
    );
    assert!(
        text.contains("The last commit of each month, for the last 30 of 36 months."),
        "{text}"
    );
    for block in charts("report.md", text) {
        if block.contains("by commit") || block.contains("by month") {
            let labels = block
                .lines()
                .find(|line| line.trim_start().starts_with("x-axis"))
                .map(|line| line.matches('"').count() / 2);
            assert_eq!(labels, Some(30), "{block}");
        }
    }
    let history = &files["history.md"];
    assert!(history.contains("## The last 50 commits"), "{history}");
    let rows = crate::report::table_rows("history.md", history);
    assert_eq!(
        rows.iter().filter(|row| row.len() == 14).count(),
        2 + 36 + 50
    );
}

/// The report reads the work tree and shares that reading with the history's first commit
/// wherever a file holds the same bytes: a work tree that differs from the commit (a file
/// changed, one removed, one added) changes the report's own gates, never its history.
#[test]
fn the_history_is_of_the_commits_whatever_the_work_tree_holds() {
    let repo = Repo::new();
    repo.write("studio/portfolio.yaml", "name: S\n");
    repo.write("studio/governance.yaml", ESTABLISHED);
    repo.write("studio/ventures/a.yaml", &venture("a", "active"));
    repo.write("studio/ventures/b.yaml", &venture("b", "active"));
    repo.write("studio/conflicts/C1.yaml", &conflict("C1", "resolved"));
    repo.commit_at("the studio", noon("2026-10-01"));
    let history_of = |files: &std::collections::BTreeMap<String, String>| {
        let section = files["report.md"]
            .split("## History\n")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .map(str::to_string)
            .unwrap_or_else(|| panic!("no history section: {}", files["report.md"]));
        (section, files["history.md"].clone())
    };
    let clean = report(&repo, &[]);
    assert!(
        clean["report.md"].contains("| `governance-established` | step | ✅ pass"),
        "{}",
        clean["report.md"]
    );

    repo.write("studio/governance.yaml", "roles: {}\n");
    repo.write("studio/ventures/a.yaml", &venture("a", "sunset"));
    repo.remove("studio/conflicts/C1.yaml");
    repo.write("studio/conflicts/C2.yaml", &conflict("C2", "open"));
    let dirty = report(&repo, &[]);
    assert!(
        dirty["report.md"].contains("| `governance-established` | step | ❌ fail"),
        "the report's own gates are the work tree's: {}",
        dirty["report.md"]
    );
    assert_eq!(history_of(&dirty), history_of(&clean));
    let (section, _) = history_of(&clean);
    assert!(
        section.contains("100%"),
        "C1 resolved at the commit: {section}"
    );
}
