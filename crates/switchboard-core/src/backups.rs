//! Automatic backups of the database: an SQLite online backup (consistent while the app writes)
//! into `<data folder>/backups/` (`recovery::BACKUP_FOLDER`), before every migration that will
//! run and once a day while the app runs, keeping the last [`KEEP`]. They are named
//! `switchboard.<UTC time>.sqlite3`, which `recovery` lists and restores; only files of that
//! form are rotated, so a copy an admin put in the folder is never removed.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rusqlite::{Connection, MAIN_DB};

use crate::error::Result;
use crate::time;

/// The folder, beside the database, whose `*.sqlite3` files are offered as backups.
pub const BACKUP_FOLDER: &str = "backups";

/// How many automatic backups are kept.
pub const KEEP: usize = 7;
/// How long after the newest backup the next one is due.
pub const INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);

/// The backup folder of the database at `database`.
pub fn folder(database: &Path) -> PathBuf {
    database
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_FOLDER)
}

/// Copies the open database `conn` (whose file is `database`) into the backup folder, then
/// removes the oldest automatic backups beyond [`KEEP`]. Returns the new file.
pub fn back_up(conn: &Connection, database: &Path, now: SystemTime) -> Result<PathBuf> {
    let folder = folder(database);
    fs::create_dir_all(&folder)?;
    let stem = stem(database);
    let stamp = time::compact_utc(now);
    let target = (1..)
        .map(|n| match n {
            1 => folder.join(format!("{stem}.{stamp}.sqlite3")),
            n => folder.join(format!("{stem}.{stamp}-{n}.sqlite3")),
        })
        .find(|p| !p.exists())
        .expect("some numbered name is free");
    conn.backup(MAIN_DB, &target, None)?;
    rotate(&folder, &stem, KEEP)?;
    Ok(target)
}

/// Whether a backup is due at `now`: none yet, or the newest is [`INTERVAL`] old.
pub fn is_due(database: &Path, now: SystemTime) -> Result<bool> {
    let newest = automatic(&folder(database), &stem(database))?
        .into_iter()
        .map(|(at, _)| at)
        .max();
    Ok(newest.is_none_or(|at| now.duration_since(at).is_ok_and(|age| age >= INTERVAL)))
}

/// Removes the oldest automatic backups so that `keep` remain.
fn rotate(folder: &Path, stem: &str, keep: usize) -> Result<()> {
    let mut found = automatic(folder, stem)?;
    found.sort_by(|a, b| b.cmp(a));
    for (_, path) in found.into_iter().skip(keep) {
        fs::remove_file(path)?;
    }
    Ok(())
}

/// The automatic backups in `folder`, with the time their name carries.
fn automatic(folder: &Path, stem: &str) -> Result<Vec<(SystemTime, PathBuf)>> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if let Some(at) = name.as_deref().and_then(|n| stamp_of(n, stem)) {
            found.push((at, path));
        }
    }
    Ok(found)
}

/// The time in `<stem>.<YYYYMMDDTHHMMSSZ>[-n].sqlite3`, the only names rotation touches.
fn stamp_of(name: &str, stem: &str) -> Option<SystemTime> {
    let rest = name.strip_prefix(stem)?.strip_prefix('.')?;
    let rest = rest.strip_suffix(".sqlite3")?;
    let (stamp, counter) = rest.split_once('-').unwrap_or((rest, "1"));
    counter.parse::<u32>().ok()?;
    let b = stamp.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let iso = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &stamp[0..4],
        &stamp[4..6],
        &stamp[6..8],
        &stamp[9..11],
        &stamp[11..13],
        &stamp[13..15]
    );
    time::parse_utc(&iso)
}

fn stem(database: &Path) -> String {
    database
        .file_stem()
        .map_or("switchboard".into(), |s| s.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn only_automatic_backup_names_carry_a_time() {
        let at = stamp_of("switchboard.20261203T101500Z.sqlite3", "switchboard").unwrap();
        assert_eq!(time::format_utc(at), "2026-12-03T10:15:00Z");
        assert!(stamp_of("switchboard.20261203T101500Z-2.sqlite3", "switchboard").is_some());
        for other in [
            "my-copy.sqlite3",
            "switchboard.20261203T101500Z.damaged.sqlite3",
            "switchboard.sqlite3",
            "switchboard.2026.sqlite3",
        ] {
            assert_eq!(stamp_of(other, "switchboard"), None, "{other}");
        }
        assert!(UNIX_EPOCH < at);
    }
}
