//! Where files the admin exports go (rule files, diagrams), and which of them the app may show
//! in the file manager: only files under those user folders, never an arbitrary path a caller
//! names.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::validate::FieldError;

/// The user's Downloads folder, else their home folder.
pub fn folder() -> Option<PathBuf> {
    dirs::download_dir()
        .filter(|d| d.is_dir())
        .or_else(dirs::home_dir)
}

/// The folders whose files may be revealed: Downloads and home.
pub fn roots() -> Vec<PathBuf> {
    [dirs::download_dir(), dirs::home_dir()]
        .into_iter()
        .flatten()
        .collect()
}

/// The folder holding `path`, an existing file inside one of `roots` (symbolic links resolved
/// first); anything else is refused with `not_allowed` on `path`.
pub fn revealable_folder(path: &Path, roots: &[PathBuf]) -> Result<PathBuf> {
    let refused = || Error::invalid("path", FieldError::new("not_allowed"));
    let file = path.canonicalize().map_err(|_| refused())?;
    let inside = roots
        .iter()
        .filter_map(|root| root.canonicalize().ok())
        .any(|root| file.starts_with(&root) && file != root);
    if !inside {
        return Err(refused());
    }
    file.parent().map(Path::to_path_buf).ok_or_else(refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_existing_file_inside_a_root_is_revealed() {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let roots = [root.path().to_path_buf()];
        let file = root.path().join("rule.json");
        std::fs::write(&file, "{}").unwrap();
        let stranger = outside.path().join("secret.txt");
        std::fs::write(&stranger, "x").unwrap();

        let folder = revealable_folder(&file, &roots).unwrap();
        assert_eq!(folder, root.path().canonicalize().unwrap());
        for refused in [
            stranger.as_path(),
            root.path(),
            &root.path().join("missing.json"),
        ] {
            let error = revealable_folder(refused, &roots).unwrap_err();
            assert_eq!(
                error.detail().map(|d| d.code),
                Some("not_allowed"),
                "{refused:?}"
            );
        }
    }
}
