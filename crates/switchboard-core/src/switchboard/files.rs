//! Files Switchboard wrote during this run (rule files, diagrams): the only ones the host may
//! show in the file manager, so the window can never make it open a path of its choosing.

use std::path::{Path, PathBuf};
use std::sync::PoisonError;

use super::Switchboard;
use crate::error::{Error, Result};
use crate::exports;
use crate::validate::FieldError;

impl Switchboard {
    /// Remembers a file this run wrote, by its resolved path.
    pub(crate) fn remember_written(&self, path: &Path) {
        if let Ok(path) = path.canonicalize() {
            self.written
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(path);
        }
    }

    /// The folder holding `path` when it is a file this run wrote (and still inside the user's
    /// Downloads or home folder); anything else is refused with `not_allowed` on `path`.
    pub fn revealable_folder(&self, path: &Path) -> Result<PathBuf> {
        let refused = || Error::invalid("path", FieldError::new("not_allowed"));
        let file = path.canonicalize().map_err(|_| refused())?;
        let written = self
            .written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(&file);
        if !written {
            return Err(refused());
        }
        exports::revealable_folder(&file, &exports::roots())
    }
}
