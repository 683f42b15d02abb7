//! When the database cannot be opened at start-up: what the recovery screen shows, and what its
//! actions do to the files. Nothing is ever deleted: a damaged database is renamed
//! `switchboard.<UTC time>.damaged.sqlite3` (with its `-wal` and `-shm`) in the same folder.
//!
//! Backups are the `*.sqlite3` files in the `backups` folder next to the database
//! (`<data folder>/backups/`). Switchboard writes them (`backups.rs`: before a migration and
//! once a day); an admin or a backup tool may put copies there too, and the recovery screen
//! offers them all. Restoring copies one over the
//! database (after setting the damaged file aside) and leaves the backup where it was.
//!
//! From the recovery screen, only a damaged file is ever replaced: a database from a newer
//! Switchboard, a locked one or a healthy one is refused here, whatever the window asks. A backup
//! the admin chooses in Help › Restore a backup (the app running, the database healthy) is
//! restored at the next start instead ([`schedule_restore`], [`restore_scheduled`]), the current
//! file set aside as `switchboard.<UTC time>.replaced.sqlite3`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, ErrorCode, Result};
use crate::paths::AppPaths;
use crate::storage::{self, problem::OpenProblem};
use crate::time;

pub use crate::backups::BACKUP_FOLDER;

/// SQLite's files for one database: the file itself, its write-ahead log and shared memory.
const COMPANIONS: [&str; 3] = ["", "-wal", "-shm"];

/// Why the app started without its database, for the recovery screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupProblem {
    /// One of the `database_*` codes, `disk_full`, or another code if opening failed otherwise.
    pub code: ErrorCode,
    /// English detail (SQLite's or the OS's words) for the technical details and the log.
    pub message: String,
    pub data_dir: String,
    pub file_name: String,
    /// For `database_newer`: the schema version in the file, and the highest this build knows.
    pub found_version: Option<u32>,
    pub known_version: Option<u32>,
    /// Where backups are looked for (`<data folder>/backups`), to say so when there are none.
    pub backup_folder: String,
    /// Newest first; empty when the backup folder is missing or empty.
    pub backups: Vec<Backup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    /// The file name inside the backup folder: what `restore_backup` takes.
    pub name: String,
    /// When the file was last written, ISO-8601 UTC.
    pub modified: String,
    #[ts(type = "number")]
    pub size: u64,
}

/// What a recovery action did with the damaged file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recovered {
    /// Where the damaged database now is (same folder, new name).
    pub moved_to: String,
}

impl StartupProblem {
    pub fn new(paths: &AppPaths, error: &Error) -> Self {
        let (found_version, known_version) = match error {
            Error::Unopenable(OpenProblem::Newer { found, known }) => (Some(*found), Some(*known)),
            _ => (None, None),
        };
        let database = paths.database();
        StartupProblem {
            code: error.code(),
            message: error.to_string(),
            data_dir: paths.data_dir.display().to_string(),
            file_name: file_name(&database),
            found_version,
            known_version,
            backup_folder: paths.data_dir.join(BACKUP_FOLDER).display().to_string(),
            // The list only offers a way out; an unreadable folder is the same as none.
            backups: backups(paths).unwrap_or_default(),
        }
    }
}

/// The backups beside the database, newest first.
pub fn backups(paths: &AppPaths) -> Result<Vec<Backup>> {
    let folder = paths.data_dir.join(BACKUP_FOLDER);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let meta = entry.metadata()?;
        if !meta.is_file() || path.extension().is_none_or(|ext| ext != "sqlite3") {
            continue;
        }
        let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        found.push((modified, file_name(&path), meta.len()));
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(found
        .into_iter()
        .map(|(modified, name, size)| Backup {
            name,
            modified: time::format_utc(modified),
            size,
        })
        .collect())
}

/// Sets the damaged database aside and leaves its place empty, so the next open starts a new
/// one. Refused unless the file is damaged.
pub fn start_fresh(paths: &AppPaths, now: SystemTime) -> Result<Recovered> {
    ensure_damaged(paths)?;
    set_aside(paths, now, "damaged")
}

/// Sets the damaged database aside and copies the backup `name` (one listed by [`backups`]) in
/// its place. Refused unless the file is damaged (or missing).
pub fn restore_backup(paths: &AppPaths, name: &str, now: SystemTime) -> Result<Recovered> {
    // Only a listed name: the window cannot make us copy any path it likes.
    if !backups(paths)?.iter().any(|b| b.name == name) {
        return Err(Error::not_found(format!("backup {name}")));
    }
    ensure_damaged(paths)?;
    let recovered = set_aside(paths, now, "damaged")?;
    fs::copy(
        paths.data_dir.join(BACKUP_FOLDER).join(name),
        paths.database(),
    )?;
    Ok(recovered)
}

fn ensure_damaged(paths: &AppPaths) -> Result<()> {
    // A short wait: a file another program holds is "locked", not damaged, and that answer is
    // all this needs.
    match storage::open_waiting(&paths.database(), Duration::from_millis(200)) {
        Err(Error::Unopenable(OpenProblem::Corrupt(_))) => Ok(()),
        Ok(_) => Err(Error::Conflict(
            "the database opens normally: there is nothing to replace".into(),
        )),
        Err(other) => Err(Error::Conflict(format!(
            "only a damaged database is replaced, and this one is not damaged: {other}"
        ))),
    }
}

/// The file, in the backup folder, naming the backup to restore at the next start.
pub const RESTORE_MARKER: &str = "restore-on-start";

/// Help › Restore a backup, while the app runs: the open core lives in the app's `OnceLock`
/// for the whole run (commands borrow it without a lock), so swapping its database under
/// commands in flight is not safe. The choice is written down instead, and the next start
/// restores it before opening anything ([`restore_scheduled`]). The name must be a listed backup.
pub fn schedule_restore(paths: &AppPaths, name: &str) -> Result<()> {
    if !backups(paths)?.iter().any(|b| b.name == name) {
        return Err(Error::not_found(format!("backup {name}")));
    }
    fs::write(
        paths.data_dir.join(BACKUP_FOLDER).join(RESTORE_MARKER),
        name,
    )?;
    Ok(())
}

/// At start, before the database is opened: restores the backup [`schedule_restore`] named,
/// setting the current database aside as `switchboard.<time>.replaced.sqlite3` (never deleted).
/// The marker is removed first, so a restore that fails is not retried at every start.
pub fn restore_scheduled(paths: &AppPaths, now: SystemTime) -> Result<Option<Recovered>> {
    let marker = paths.data_dir.join(BACKUP_FOLDER).join(RESTORE_MARKER);
    let name = match fs::read_to_string(&marker) {
        Ok(name) => name.trim().to_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    fs::remove_file(&marker)?;
    if !backups(paths)?.iter().any(|b| b.name == name) {
        return Err(Error::not_found(format!("backup {name}")));
    }
    let recovered = set_aside(paths, now, "replaced")?;
    fs::copy(
        paths.data_dir.join(BACKUP_FOLDER).join(&name),
        paths.database(),
    )?;
    Ok(Some(recovered))
}

/// Renames the database and its companions to `<stem>.<time>.<label>.<ext>` in the same folder.
fn set_aside(paths: &AppPaths, now: SystemTime, label: &str) -> Result<Recovered> {
    let database = paths.database();
    let target = free_name(&database, &time::compact_utc(now), label);
    // The database first: if that fails nothing has moved. A log left behind would be replayed
    // into the new database, so a companion that cannot move is an error too.
    for suffix in COMPANIONS {
        let from = with_suffix(&database, suffix);
        if from.exists() {
            fs::rename(&from, with_suffix(&target, suffix))?;
        }
    }
    Ok(Recovered {
        moved_to: target.display().to_string(),
    })
}

/// `switchboard.<stamp>.<label>.sqlite3`, or `…<stamp>-2…` if that name is taken.
fn free_name(database: &Path, stamp: &str, label: &str) -> PathBuf {
    let stem = database
        .file_stem()
        .map_or("switchboard".into(), |s| s.to_string_lossy());
    let ext = database
        .extension()
        .map_or("sqlite3".into(), |s| s.to_string_lossy());
    let name = |n: u32| match n {
        1 => format!("{stem}.{stamp}.{label}.{ext}"),
        n => format!("{stem}.{stamp}-{n}.{label}.{ext}"),
    };
    (1..)
        .map(|n| database.with_file_name(name(n)))
        .find(|candidate| {
            COMPANIONS
                .iter()
                .all(|s| !with_suffix(candidate, s).exists())
        })
        .expect("some numbered name is free")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
