//! `folio report --pdf`: prints a page of the HTML report to PDF with a headless Chromium, the
//! one program folio starts. The browser runs offline (no background networking, no component
//! updates, no sync), in a fresh profile inside a temporary folder that is removed afterwards,
//! and is stopped if it takes longer than [`TIMEOUT`]. Writing the PDF into the report folder is
//! the caller's (atomically, with the other files).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The programs tried, in order, on PATH when `--chromium` is not given.
pub const CANDIDATES: [&str; 5] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// How long a print may take before the browser is stopped.
pub const TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum PdfError {
    #[error("no Chromium to print the PDF with: none of {} is on PATH", CANDIDATES.join(", "))]
    #[diagnostic(
        code(folio::pdf::no_chromium),
        help(
            "install Chromium (Debian and Ubuntu: apt-get install chromium) or name one with --chromium PATH"
        )
    )]
    NoChromium,
    #[error("--chromium {path:?} is not a file")]
    #[diagnostic(
        code(folio::pdf::no_chromium),
        help("name the browser's executable, e.g. --chromium /usr/bin/chromium")
    )]
    NotAFile { path: PathBuf },
    #[error("could not start {path:?}: {source}")]
    #[diagnostic(code(folio::pdf::launch))]
    Launch {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path:?} did not print the PDF within {} seconds", TIMEOUT.as_secs())]
    #[diagnostic(code(folio::pdf::timeout))]
    Timeout { path: PathBuf },
    #[error("{path:?} did not print the PDF ({status}): {stderr}")]
    #[diagnostic(
        code(folio::pdf::failed),
        help("run it by hand with --headless --print-to-pdf to see why")
    )]
    Failed {
        path: PathBuf,
        status: String,
        stderr: String,
    },
    #[error("printing the PDF failed: {0}")]
    #[diagnostic(code(folio::pdf::io))]
    Io(#[from] std::io::Error),
}

/// The browser to print with: `given` when there is one, else the first candidate on PATH.
pub fn find_chromium(given: Option<&Path>) -> Result<PathBuf, PdfError> {
    if let Some(path) = given {
        return if path.is_file() {
            Ok(path.to_path_buf())
        } else {
            Err(PdfError::NotAFile {
                path: path.to_path_buf(),
            })
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in CANDIDATES {
        let file = format!("{name}{}", std::env::consts::EXE_SUFFIX);
        for folder in std::env::split_paths(&path) {
            let candidate = folder.join(&file);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err(PdfError::NoChromium)
}

/// Prints `html` (a self-contained page: it loads nothing) to PDF with `chromium`; returns the
/// PDF's bytes.
pub fn print(chromium: &Path, html: &str) -> Result<Vec<u8>, PdfError> {
    let work = tempfile::Builder::new().prefix("folio-pdf-").tempdir()?;
    let page = work.path().join("index.html");
    std::fs::write(&page, html)?;
    let pdf = work.path().join("report.pdf");
    let profile = work.path().join("profile");
    let stderr_path = work.path().join("stderr.txt");
    let stderr = std::fs::File::create(&stderr_path)?;
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(file_url(&page))
        // Whatever the browser writes besides the profile stays in the temporary folder.
        .env("HOME", work.path())
        .env("XDG_CONFIG_HOME", work.path())
        .env("XDG_CACHE_HOME", work.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .map_err(|source| PdfError::Launch {
            path: chromium.to_path_buf(),
            source,
        })?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            // Best effort: the browser is stopped and the run fails either way.
            let _ = child.kill();
            let _ = child.wait();
            return Err(PdfError::Timeout {
                path: chromium.to_path_buf(),
            });
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    if !status.success() || !bytes.starts_with(b"%PDF") {
        let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        return Err(PdfError::Failed {
            path: chromium.to_path_buf(),
            status: status.to_string(),
            stderr: tail.into_iter().rev().collect::<Vec<_>>().join("\n"),
        });
    }
    Ok(bytes)
}

/// `file://` and the absolute path, percent-encoded but for letters, digits and `/._-`.
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric()
            || b"/._-".contains(&byte)
            || (byte == b':' && cfg!(windows))
        {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}
