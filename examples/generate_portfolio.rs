//! Writes a large, valid portfolio for benchmarks: `cargo run --release --example
//! generate_portfolio -- DIR [FILES]` (FILES defaults to 10,000). Every reference resolves and
//! every sum holds, so that the benchmark measures the clean path a real CI run takes.

use std::fmt::Write as _;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: generate_portfolio DIR [FILES]");
        std::process::exit(2);
    };
    let files: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    generate(Path::new(&dir), files)
}

fn write(root: &Path, relative: &str, text: &str) -> std::io::Result<()> {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

/// Splits `files` across the kinds in the proportions of a real portfolio: per venture one
/// venture file, one assessment, and about three other artifacts.
fn generate(root: &Path, files: usize) -> std::io::Result<()> {
    let ventures = (files / 5).max(2);
    write(
        root,
        "portfolio.yaml",
        "name: Generated Studio\nas_of: 2026-11-15\nentry: {dashboard: \"https://dash.example\", metrics_consolidated: true, synergies_documented: true, chairman_access: true}\n",
    )?;
    write(
        root,
        "governance.yaml",
        "roles:\n  chairman:\n    members: [{name: Chair, github: chair}]\n  board:\n    members: [{name: B1, github: b1}, {name: B2, github: b2}]\n    quorum: 2\ndecision_rights:\n  - decision: launch-initiative\n    authority: initiative-owner\n    approvals: [{role: chairman, when: \"budget > 10000\"}]\n",
    )?;
    for v in 0..ventures {
        let id = format!("v{v:05}");
        write(
            root,
            &format!("ventures/group{:02}/{id}.yaml", v % 50),
            &format!(
                "id: {id}\nname: Venture {v}\nstatus: active\nlead: Lead {v}\ncritical: {}\nindustry: software\nstage: 39\nmetrics: {{revenue_monthly: {}, burn_monthly: 40000, users: {}, growth_pct: 4.5, market_fit: 3}}\n",
                v % 7 == 0,
                50_000 + v,
                1000 + v
            ),
        )?;
        write(
            root,
            &format!("assessments/{id}-2026-10-20.yaml"),
            &format!(
                "venture: {id}\ndate: 2026-10-20\nassessor: Analyst\nscores: {{strategic_fit: 4, financial_health: 3, growth_potential: 4, resource_efficiency: 3}}\nrecommendation: continue\nrationale: \"Steady.\"\ntotal: 3.55\n"
            ),
        )?;
    }
    let pairs = ventures - 1;
    let mut written = ventures * 2 + 2;
    let mut pair = 0;
    while written < files {
        let (a, b) = (
            format!("v{:05}", pair % pairs),
            format!("v{:05}", pair % pairs + 1),
        );
        let n = pair;
        let (relative, text) = match pair % 6 {
            0 => (
                format!("synergies/SYN-{n:05}.yaml"),
                format!(
                    "id: SYN-{n:05}\ntitle: Shared service {n}\ncategory: technology\nventures: [{a}, {b}]\nvalue_potential: 4\nimplementation_effort: 2\nstrategic_importance: 3\nstatus: planned\nnet_score: 6\n"
                ),
            ),
            1 => (
                format!("conflicts/CON-{n:05}.yaml"),
                format!(
                    "id: CON-{n:05}\ntitle: Clash {n}\ntype: talent\nventures: [{a}, {b}]\nstrategy: time-sharing\nresolution: Alternate weeks.\nowner: Chair\nstatus: resolved\nidentified: 2026-10-01\nresolved_on: 2026-10-04\napproved_by: chairman\n"
                ),
            ),
            2 => (
                format!("initiatives/INI-{n:05}.yaml"),
                format!(
                    "initiative_id: INI-{n:05}\nname: Initiative {n}\nventures: [{a}, {b}]\nvalue_proposition: Save effort\nimplementation:\n  - milestone: Design\n    owner: Lead\n    deadline: \"2026-10-20\"\n    done: true\nsuccess_metrics:\n  - metric: Hours\n    baseline: \"40 hours\"\n    target: \"16 hours\"\nowner: Lead\nbudget: 5000\nstatus: launched\nprogress: 50\napproved_by: chairman\nlaunched_on: 2026-10-16\n"
                ),
            ),
            3 => (
                format!("resources/RES-{n:05}.yaml"),
                format!(
                    "id: RES-{n:05}\nname: Pool {n}\ntype: talent\nunit: percent\ncapacity: 100\nallocations: {{{a}: 50, {b}: 50}}\nholders: [Ann, Bob]\nunit_cost: 100\napproved_by: chairman\n"
                ),
            ),
            4 => {
                let mut text = String::new();
                for k in 0..3 {
                    let _ = write!(
                        text,
                        "{}id: VAL-{n:05}-{k}\ninitiative: INI-{:05}\ntype: cost-saved\namount: 250\nunit: usd\ndate: 2026-11-0{}\nevidence: Invoice {n}\n",
                        if k > 0 { "---\n" } else { "" },
                        n - 2,
                        k + 1
                    );
                }
                (format!("value/VAL-{n:05}.yaml"), text)
            }
            _ => (
                format!("rollbacks/RB-{n:05}.yaml"),
                format!(
                    "id: RB-{n:05}\ndeclared: 2026-10-20\ntrigger: other\ninitiatives: [INI-{:05}]\npost_mortem: Drill.\nclosed: 2026-10-21\n",
                    n - 3
                ),
            ),
        };
        write(root, &relative, &text)?;
        written += 1;
        pair += 1;
    }
    for (period, baseline) in [
        ("2026-08", true),
        ("2026-09", false),
        ("2026-10", false),
        ("2026-11", false),
    ] {
        write(
            root,
            &format!("metrics/{period}.yaml"),
            &format!(
                "period: {period}\nbaseline: {baseline}\nrevenue_monthly: 1000000\nresource_cost_monthly: 400000\nduplicate_effort_hours_monthly: 900\n"
            ),
        )?;
    }
    Ok(())
}
