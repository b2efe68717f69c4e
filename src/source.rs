//! Where portfolio files come from: the work tree. This module and the writers of reports are
//! the only code that touches the file system.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

/// Files larger than this are not read (`file-too-large`).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Why folio could not read a portfolio at all (as opposed to a finding in one of its files).
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum SourceError {
    #[error("portfolio root {path:?} does not exist or is not a folder")]
    #[diagnostic(
        code(folio::no_root),
        help("pass the folder that holds portfolio.yaml")
    )]
    NotAFolder { path: PathBuf },
    #[error("could not read {path:?}")]
    #[diagnostic(code(folio::io))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// One YAML file of the portfolio, as found on disk.
#[derive(Debug)]
pub struct RawFile {
    /// The path relative to the portfolio root, with `/` separators.
    pub path: String,
    pub content: Content,
}

#[derive(Debug)]
pub enum Content {
    Bytes(Vec<u8>),
    /// The file is larger than [`MAX_FILE_BYTES`]; it holds this many bytes.
    TooLarge(u64),
    /// A symbolic link, never followed.
    Symlink,
}

/// Whether a file name is a YAML file's.
pub fn is_yaml(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

/// Lists every YAML file under `root` (hidden files and folders skipped, links never followed)
/// and reads them in parallel, none past [`MAX_FILE_BYTES`].
pub fn read_work_tree(root: &Path) -> Result<Vec<RawFile>, SourceError> {
    if !root.is_dir() {
        return Err(SourceError::NotAFolder {
            path: root.to_path_buf(),
        });
    }
    let mut found = Vec::new();
    let walk = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walk {
        let entry = entry.map_err(|error| {
            let path = error.path().unwrap_or(root).to_path_buf();
            SourceError::Io {
                path,
                source: error.into(),
            }
        })?;
        let name = entry.file_name().to_string_lossy();
        let file_type = entry.file_type();
        let is_link = file_type.is_symlink();
        // A link is reported when it stands for a YAML file or a folder; stat-ing the target
        // tells which, without reading it.
        let wanted = if is_link {
            is_yaml(&name) || std::fs::metadata(entry.path()).is_ok_and(|meta| meta.is_dir())
        } else {
            file_type.is_file() && is_yaml(&name)
        };
        if wanted {
            found.push((entry.path().to_path_buf(), is_link));
        }
    }
    found
        .into_par_iter()
        .map(|(path, is_link)| {
            let relative = relative_path(root, &path);
            let content = if is_link {
                Content::Symlink
            } else {
                read_bounded(&path)?
            };
            Ok(RawFile {
                path: relative,
                content,
            })
        })
        .collect()
}

fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_bounded(path: &Path) -> Result<Content, SourceError> {
    let io_error = |source| SourceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map_err(io_error)?.len();
        return Ok(Content::TooLarge(size));
    }
    Ok(Content::Bytes(bytes))
}
