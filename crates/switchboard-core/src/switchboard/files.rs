//! Files Switchboard wrote during this run (rule files, diagrams, certificates): the only ones
//! the host may show in the file manager, so the window can never make it open a path of its
//! choosing; and writing a new file without replacing one.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
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

/// Creates `<stem>.<ext>` in `folder`, or `<stem>-2.<ext>`, `-3` … when taken.
pub(crate) fn write_new(folder: &Path, stem: &str, ext: &str, text: &str) -> Result<PathBuf> {
    for n in 1..=999 {
        let name = match n {
            1 => format!("{stem}.{ext}"),
            n => format!("{stem}-{n}.{ext}"),
        };
        let path = folder.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(std::io::Error::new(ErrorKind::AlreadyExists, "no free file name").into())
}
