//! `folio check`: read the portfolio (work tree or revision), check it, write the findings —
//! of the whole portfolio, or of the files named on the command line (standard input included).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{IntoDiagnostic, Result, miette};

use super::{Context, Outcome, parse_as_of, portfolio_root};
use crate::cli::{CheckArgs, Format};
use crate::finding::Findings;
use crate::output::{self, human::Style};
use crate::portfolio::{self, AsOf, Cache, read_and_check};
use crate::source::{self, RawFile, SourceError};

/// What `folio check` reads, and whose findings it reports.
enum Scope {
    /// A whole portfolio: every finding.
    Portfolio(PathBuf),
    /// Files of one portfolio: the whole portfolio is checked (the cross-file rules need it),
    /// and only these files' findings are reported.
    Files {
        root: PathBuf,
        files: BTreeSet<String>,
    },
    /// Standard input, standing for one file of a portfolio.
    Stdin { root: PathBuf, file: String },
    /// Files were named, none inside a portfolio: nothing to check.
    Nothing,
}

/// Reads the command line's paths as a scope. A folder is a ROOT, used as given; files are
/// placed in their portfolio; no path means the portfolio around the current folder.
fn scope(args: &CheckArgs, context: &Context) -> Result<Scope> {
    let stdin = Path::new("-");
    let scope = match args.paths.as_slice() {
        [] => Scope::Portfolio(portfolio_root(None, context)?),
        [path] if path == stdin => {
            let Some(stands_for) = &args.stdin_path else {
                return Err(miette!(
                    help = "e.g. `folio check - --stdin-path ventures/solar.yaml < draft.yaml`",
                    "`folio check -` needs --stdin-path PATH: the file that standard input stands for"
                ));
            };
            if !source::is_yaml(&stands_for.to_string_lossy()) {
                return Err(miette!(
                    "--stdin-path {:?} is not a YAML file (.yaml or .yml)",
                    stands_for.display().to_string()
                ));
            }
            let located = source::locate(stands_for, &context.cwd)?;
            Scope::Stdin {
                root: located.root,
                file: located.file,
            }
        }
        paths if paths.iter().any(|path| path == stdin) => {
            return Err(miette!(
                help = "check standard input in a run of its own",
                "`-` (standard input) cannot be checked with other paths"
            ));
        }
        // One path that is not a YAML file is a ROOT, even one that does not exist (which
        // reading reports).
        [root] if root.is_dir() || !source::is_yaml(&root.to_string_lossy()) => {
            Scope::Portfolio(root.clone())
        }
        paths => files_scope(paths, context)?,
    };
    if args.stdin_path.is_some() && !matches!(scope, Scope::Stdin { .. }) {
        return Err(miette!(
            help = "e.g. `folio check - --stdin-path ventures/solar.yaml < draft.yaml`",
            "--stdin-path names the file that standard input (`-`) stands for; `-` is missing"
        ));
    }
    if args.rev.is_some() && !matches!(scope, Scope::Portfolio(_)) {
        return Err(miette!(
            help = "give the portfolio's folder, or no path",
            "--rev checks a whole portfolio at a revision, not files or standard input"
        ));
    }
    Ok(scope)
}

/// Places each file in its portfolio: they must all be in one. Files outside every portfolio
/// (a workflow, a tool's configuration) are skipped: pre-commit passes every staged YAML file.
fn files_scope(paths: &[PathBuf], context: &Context) -> Result<Scope> {
    let mut root: Option<PathBuf> = None;
    let mut files = BTreeSet::new();
    for path in paths {
        if path.is_dir() {
            return Err(miette!(
                help = "give one folder (the portfolio root), or files",
                "{} is a folder: a portfolio root is checked alone, not with other paths",
                path.display()
            ));
        }
        if let Err(error) = std::fs::symlink_metadata(path) {
            return Err(SourceError::Io {
                path: path.clone(),
                source: error,
            }
            .into());
        }
        let located = match source::locate(path, &context.cwd) {
            Ok(located) => located,
            Err(SourceError::NoPortfolio { .. }) => continue,
            Err(error) => return Err(error.into()),
        };
        match &root {
            Some(first) if *first != located.root => {
                return Err(miette!(
                    help = "check each portfolio's files in a run of their own",
                    "the files belong to two portfolios, {} and {}",
                    first.display(),
                    located.root.display()
                ));
            }
            Some(_) => {}
            None => root = Some(located.root),
        }
        files.insert(located.file);
    }
    Ok(match root {
        Some(root) => Scope::Files { root, files },
        None => Scope::Nothing,
    })
}

pub fn run(
    args: &CheckArgs,
    context: &Context,
    input: &mut dyn Read,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let as_of = AsOf {
        given: parse_as_of(args.as_of.as_deref())?,
        today: context.today,
    };
    // The portfolio checked, and the files whose findings are reported (all when `None`).
    let (root, checked, reported) = match scope(args, context)? {
        Scope::Portfolio(root) => {
            let checked = read_and_check(&root, args.rev.as_deref(), as_of)?;
            (root, checked, None)
        }
        Scope::Files { root, files } => {
            let checked = read_and_check(&root, None, as_of)?;
            (root, checked, Some(files))
        }
        Scope::Stdin { root, file } => {
            let mut files = source::read_work_tree(&root)?;
            files.retain(|raw| raw.path != file);
            files.push(RawFile {
                path: file.clone(),
                content: source::read_input(input)?,
                blob: None,
            });
            let checked = portfolio::check(files, None, &Cache::default(), as_of)?;
            (root, checked, Some(BTreeSet::from([file])))
        }
        Scope::Nothing => {
            let nothing = portfolio::read(Vec::new(), None, &Cache::default())?;
            (context.cwd.clone(), nothing, Some(BTreeSet::new()))
        }
    };
    let reported_file = |file: &str| reported.as_ref().is_none_or(|files| files.contains(file));
    let findings = match &reported {
        None => checked.findings,
        Some(files) => checked.findings.only_in(files),
    };
    let loaded = &checked.loaded;
    let covered = Covered {
        texts: &loaded.texts,
        documents: loaded
            .documents
            .iter()
            .filter(|document| reported_file(&document.file))
            .count(),
        files: loaded
            .texts
            .keys()
            .filter(|file| reported_file(file))
            .count(),
    };
    write(args, context, &root, &findings, &covered, out)?;
    portfolio::discard((checked.loaded, checked.model));
    Ok(if findings.has_errors() {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// What the human summary needs: the files' texts (for snippets), and how many documents and
/// files were checked (of those reported).
struct Covered<'a> {
    texts: &'a BTreeMap<Arc<str>, Arc<str>>,
    documents: usize,
    files: usize,
}

fn write(
    args: &CheckArgs,
    context: &Context,
    root: &Path,
    findings: &Findings,
    covered: &Covered<'_>,
    out: &mut dyn Write,
) -> Result<()> {
    let format = args.format.unwrap_or(if context.github_actions {
        Format::Github
    } else {
        Format::Human
    });
    match format {
        Format::Human => output::human::write(
            findings,
            covered.texts,
            (covered.documents, covered.files),
            Style {
                color: context.color,
                width: 100,
                quiet: context.quiet,
            },
            out,
        ),
        Format::Json => output::json::write(findings, out),
        Format::Github => {
            let root = std::path::absolute(root).into_diagnostic()?;
            output::github::write(findings, &root, &context.cwd, context.quiet, out)
        }
        Format::Sarif => {
            let root = std::path::absolute(root).into_diagnostic()?;
            output::sarif::write(findings, &root, &context.cwd, out)
        }
    }
    .into_diagnostic()
}
