//! A database that cannot be opened: each cause gets its own code, and the recovery actions set
//! a damaged file aside (never delete it), start fresh or restore a backup, and refuse to touch
//! a file that is not damaged.

use std::fs;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rusqlite::Connection;
use switchboard_core::paths::AppPaths;
use switchboard_core::recovery::{self, BACKUP_FOLDER, StartupProblem};
use switchboard_core::secrets::MemoryStore;
use switchboard_core::storage::{self, SCHEMA_VERSION};
use switchboard_core::{Error, ErrorCode, Switchboard};

/// 2020-05-31T00:00:00Z, so the set-aside names are known in advance.
fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_590_883_200)
}

fn data_dir() -> (tempfile::TempDir, AppPaths) {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().join("data"));
    fs::create_dir_all(&paths.data_dir).unwrap();
    (dir, paths)
}

fn open_error(paths: &AppPaths) -> Error {
    match Switchboard::open(paths, Box::new(MemoryStore::new())) {
        Ok(_) => panic!("the database opened"),
        Err(error) => error,
    }
}

/// A healthy database with one profile, written by this build.
fn healthy(paths: &AppPaths, profile: &str) {
    let core = Switchboard::open(paths, Box::new(MemoryStore::new())).unwrap();
    core.create_profile(profile).unwrap();
}

fn random_bytes(paths: &AppPaths) {
    let noise: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    fs::write(paths.database(), noise).unwrap();
}

#[test]
fn a_file_of_random_bytes_is_corrupt() {
    let (_dir, paths) = data_dir();
    random_bytes(&paths);
    assert_eq!(open_error(&paths).code(), ErrorCode::DatabaseCorrupt);
}

#[test]
fn a_truncated_database_is_corrupt() {
    let (_dir, paths) = data_dir();
    {
        let conn = storage::open(&paths.database()).unwrap();
        conn.execute_batch(
            "CREATE TABLE filler (t TEXT);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
             INSERT INTO filler SELECT hex(randomblob(100)) FROM n;
             PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .unwrap();
    }
    let full = fs::read(paths.database()).unwrap();
    fs::write(paths.database(), &full[..full.len() / 2]).unwrap();
    assert_eq!(open_error(&paths).code(), ErrorCode::DatabaseCorrupt);
}

#[test]
fn a_schema_from_a_newer_build_is_refused_with_both_versions_and_left_untouched() {
    let (_dir, paths) = data_dir();
    Connection::open(paths.database())
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let before = fs::read(paths.database()).unwrap();

    let error = open_error(&paths);
    assert_eq!(error.code(), ErrorCode::DatabaseNewer);
    let problem = StartupProblem::new(&paths, &error);
    assert_eq!(problem.found_version, Some(999));
    assert_eq!(problem.known_version, Some(SCHEMA_VERSION));
    assert_eq!(problem.file_name, "switchboard.sqlite3");
    assert_eq!(
        fs::read(paths.database()).unwrap(),
        before,
        "not one byte written"
    );
}

#[test]
fn a_database_held_by_another_program_is_locked() {
    let (_dir, paths) = data_dir();
    // A rollback-journal file held in an exclusive transaction keeps even readers out, as a
    // stuck tool would. (On a WAL file SQLite's own read retries add seconds before BUSY.)
    let holder = Connection::open(paths.database()).unwrap();
    holder
        .execute_batch("CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);")
        .unwrap();

    let started = Instant::now();
    let error = storage::open_waiting(&paths.database(), Duration::from_millis(100)).unwrap_err();
    assert_eq!(error.code(), ErrorCode::DatabaseLocked, "{error}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "waited {:?}",
        started.elapsed()
    );
    drop(holder);
    storage::open(&paths.database()).expect("opens once the lock is gone");
}

#[test]
fn starting_fresh_sets_the_damaged_file_and_its_log_aside_and_opens_a_new_database() {
    let (_dir, paths) = data_dir();
    random_bytes(&paths);
    let db = paths.database().display().to_string();
    fs::write(format!("{db}-wal"), b"old log").unwrap();
    fs::write(format!("{db}-shm"), b"old shm").unwrap();

    let recovered = recovery::start_fresh(&paths, now()).unwrap();
    let moved = paths
        .data_dir
        .join("switchboard.20200531T000000Z.damaged.sqlite3");
    assert_eq!(recovered.moved_to, moved.display().to_string());
    assert_eq!(
        fs::read(&moved).unwrap().len(),
        8192,
        "the damaged file is kept whole"
    );
    assert_eq!(
        fs::read(format!("{}-wal", moved.display())).unwrap(),
        b"old log"
    );
    // The shared-memory file is an index SQLite rebuilds (reading it may rewrite it): moved, not compared.
    assert!(fs::metadata(format!("{}-shm", moved.display())).is_ok());

    let core = Switchboard::open(&paths, Box::new(MemoryStore::new())).expect("a new database");
    assert!(core.list_profiles().unwrap().is_empty());
}

#[test]
fn a_second_fresh_start_in_the_same_second_does_not_overwrite_the_first() {
    let (_dir, paths) = data_dir();
    random_bytes(&paths);
    recovery::start_fresh(&paths, now()).unwrap();
    random_bytes(&paths);
    let second = recovery::start_fresh(&paths, now()).unwrap();
    assert!(
        second
            .moved_to
            .ends_with("switchboard.20200531T000000Z-2.damaged.sqlite3")
    );
    assert!(
        paths
            .data_dir
            .join("switchboard.20200531T000000Z.damaged.sqlite3")
            .exists()
    );
}

#[test]
fn only_a_damaged_file_is_replaced() {
    let (_dir, paths) = data_dir();
    healthy(&paths, "Acme Corp");
    let refused = recovery::start_fresh(&paths, now()).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Conflict);

    Connection::open(paths.database())
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let refused = recovery::start_fresh(&paths, now()).unwrap_err();
    assert_eq!(
        refused.code(),
        ErrorCode::Conflict,
        "a newer file is never overwritten"
    );
    assert!(paths.database().exists());
}

#[test]
fn without_a_backup_folder_there_are_no_backups() {
    let (_dir, paths) = data_dir();
    random_bytes(&paths);
    let problem = StartupProblem::new(&paths, &open_error(&paths));
    assert!(problem.backups.is_empty());
    assert_eq!(problem.data_dir, paths.data_dir.display().to_string());
}

#[test]
fn a_listed_backup_is_restored_after_the_damaged_file_is_set_aside() {
    let (_dir, paths) = data_dir();
    healthy(&paths, "Restored Corp");
    let backups = paths.data_dir.join(BACKUP_FOLDER);
    fs::create_dir_all(&backups).unwrap();
    {
        // A consistent single-file copy, as a backup tool would make.
        let conn = Connection::open(paths.database()).unwrap();
        conn.execute(
            "VACUUM INTO ?1",
            [backups.join("monday.sqlite3").display().to_string()],
        )
        .unwrap();
    }
    fs::write(backups.join("notes.txt"), "not a backup").unwrap();
    for companion in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{companion}", paths.database().display()));
    }
    random_bytes(&paths);

    let problem = StartupProblem::new(&paths, &open_error(&paths));
    let names: Vec<_> = problem.backups.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        ["monday.sqlite3"],
        "only *.sqlite3 files are offered"
    );
    assert!(problem.backups[0].size > 0);

    let recovered = recovery::restore_backup(&paths, "monday.sqlite3", now()).unwrap();
    assert!(recovered.moved_to.ends_with(".damaged.sqlite3"));
    let core = Switchboard::open(&paths, Box::new(MemoryStore::new())).unwrap();
    let profiles = core.list_profiles().unwrap();
    assert_eq!(profiles[0].name, "Restored Corp");
    assert!(
        backups.join("monday.sqlite3").exists(),
        "the backup stays where it was"
    );
}

#[test]
fn a_backup_name_that_is_not_listed_is_refused() {
    let (_dir, paths) = data_dir();
    random_bytes(&paths);
    for name in ["../switchboard.sqlite3", "missing.sqlite3", "/etc/passwd"] {
        let error = recovery::restore_backup(&paths, name, now()).unwrap_err();
        assert_eq!(error.code(), ErrorCode::NotFound, "{name}");
    }
    assert!(paths.database().exists(), "nothing moved");
}
