//! Why the database could not be opened, sorted into the few cases the app answers differently:
//! a damaged file (start fresh or restore), a file from a newer Switchboard (never overwrite it),
//! a file another program holds, a full disk, a read-only place, and any other I/O failure.
//!
//! `storage::open` turns every failure into one of these, so the hosts never see a raw SQLite
//! error at start-up and the recovery screen can say what happened in the user's language.

use std::fmt;

use rusqlite::ffi::ErrorCode as Sqlite;

use crate::error::{Error, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenProblem {
    /// Not a database at all, or a malformed one; the text is SQLite's.
    Corrupt(String),
    /// The schema version in the file (`PRAGMA user_version`) is above every migration we know.
    Newer {
        found: u32,
        known: u32,
    },
    /// Another program held a lock past the busy timeout.
    Locked(String),
    DiskFull(String),
    ReadOnly(String),
    /// Anything else, with the OS's or SQLite's own words.
    Io(String),
}

impl OpenProblem {
    pub fn code(&self) -> ErrorCode {
        match self {
            OpenProblem::Corrupt(_) => ErrorCode::DatabaseCorrupt,
            OpenProblem::Newer { .. } => ErrorCode::DatabaseNewer,
            OpenProblem::Locked(_) => ErrorCode::DatabaseLocked,
            OpenProblem::DiskFull(_) => ErrorCode::DiskFull,
            OpenProblem::ReadOnly(_) => ErrorCode::DatabaseReadOnly,
            OpenProblem::Io(_) => ErrorCode::DatabaseIo,
        }
    }
}

impl fmt::Display for OpenProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenProblem::Corrupt(why) => write!(f, "the database file is damaged: {why}"),
            OpenProblem::Newer { found, known } => write!(
                f,
                "the database has schema version {found}, written by a newer Switchboard; \
                 this one knows versions up to {known}"
            ),
            OpenProblem::Locked(why) => write!(f, "another program holds the database: {why}"),
            OpenProblem::DiskFull(why) => write!(f, "the disk is full: {why}"),
            OpenProblem::ReadOnly(why) => write!(f, "the database cannot be written: {why}"),
            OpenProblem::Io(why) => write!(f, "the database could not be opened: {why}"),
        }
    }
}

/// The failure of an open as an [`Error::Unopenable`]; errors already sorted pass through.
pub fn classify(error: Error) -> Error {
    let problem = match error {
        Error::Unopenable(_) => return error,
        Error::Storage(ref e) => from_sqlite(e),
        Error::Migration(ref e) => from_migration(e),
        Error::Io(ref e) => from_io(e),
        ref other => OpenProblem::Io(other.to_string()),
    };
    Error::Unopenable(problem)
}

fn from_migration(error: &rusqlite_migration::Error) -> OpenProblem {
    match error {
        rusqlite_migration::Error::RusqliteError { err, .. } => from_sqlite(err),
        // `storage::open` compares versions first; this is the same refusal said by the crate.
        other => OpenProblem::Io(other.to_string()),
    }
}

fn from_sqlite(error: &rusqlite::Error) -> OpenProblem {
    let text = error.to_string();
    match error.sqlite_error_code() {
        Some(Sqlite::NotADatabase | Sqlite::DatabaseCorrupt) => OpenProblem::Corrupt(text),
        Some(Sqlite::DatabaseBusy | Sqlite::DatabaseLocked) => OpenProblem::Locked(text),
        Some(Sqlite::DiskFull) => OpenProblem::DiskFull(text),
        Some(Sqlite::ReadOnly | Sqlite::PermissionDenied) => OpenProblem::ReadOnly(text),
        _ => OpenProblem::Io(text),
    }
}

fn from_io(error: &std::io::Error) -> OpenProblem {
    use std::io::ErrorKind;
    let text = error.to_string();
    match error.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => OpenProblem::DiskFull(text),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => OpenProblem::ReadOnly(text),
        _ => OpenProblem::Io(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: std::ffi::c_int) -> Error {
        Error::Storage(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
    }

    #[test]
    fn sqlite_failures_get_the_code_the_recovery_screen_answers() {
        let cases = [
            (rusqlite::ffi::SQLITE_NOTADB, ErrorCode::DatabaseCorrupt),
            (rusqlite::ffi::SQLITE_CORRUPT, ErrorCode::DatabaseCorrupt),
            (rusqlite::ffi::SQLITE_BUSY, ErrorCode::DatabaseLocked),
            (rusqlite::ffi::SQLITE_FULL, ErrorCode::DiskFull),
            (rusqlite::ffi::SQLITE_READONLY, ErrorCode::DatabaseReadOnly),
            (rusqlite::ffi::SQLITE_IOERR, ErrorCode::DatabaseIo),
        ];
        for (code, expected) in cases {
            assert_eq!(
                classify(sqlite(code)).code(),
                expected,
                "sqlite code {code}"
            );
        }
    }

    #[test]
    fn os_failures_keep_the_os_message() {
        let full = classify(Error::Io(std::io::Error::from(
            std::io::ErrorKind::StorageFull,
        )));
        assert_eq!(full.code(), ErrorCode::DiskFull);
        let denied = classify(Error::Io(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "Permission denied (os error 13)",
        )));
        assert_eq!(denied.code(), ErrorCode::DatabaseReadOnly);
        assert!(denied.to_string().contains("os error 13"), "{denied}");
    }

    #[test]
    fn a_newer_schema_names_both_versions() {
        let text = OpenProblem::Newer { found: 9, known: 5 }.to_string();
        assert!(
            text.contains("version 9") && text.contains("up to 5"),
            "{text}"
        );
    }
}
