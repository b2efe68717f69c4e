//! Output formats of findings, one file each (human, json, github, sarif). Writers take a `Write`: the library never prints.

pub mod decisions;
pub mod gates;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod timeline;

use std::path::{Component, Path, PathBuf};

/// `path` relative to `base`, both absolute, with `..` where `path` is not below `base`; `/`
/// separators, as GitHub expects them.
pub fn relative_to(path: &Path, base: &Path) -> String {
    let path: Vec<Component> = path.components().collect();
    let base: Vec<Component> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in common..base.len() {
        relative.push("..");
    }
    for part in &path[common..] {
        relative.push(part.as_os_str());
    }
    relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_made_relative_to_the_current_directory() {
        let file = Path::new("/repo/portfolio/ventures/a.yaml");
        assert_eq!(
            relative_to(file, Path::new("/repo")),
            "portfolio/ventures/a.yaml"
        );
        assert_eq!(
            relative_to(file, Path::new("/repo/other")),
            "../portfolio/ventures/a.yaml"
        );
    }
}
