//! Automatic backups: an online backup restores the data it copied, rotation keeps the last
//! seven, a database at an older schema is backed up before its migration, the daily backup is
//! due a day after the newest, and a restore chosen while running happens at the next start.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::Connection;
use switchboard_core::Switchboard;
use switchboard_core::paths::AppPaths;
use switchboard_core::recovery;
use switchboard_core::secrets::MemoryStore;
use switchboard_core::storage;

fn at(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_796_000_000 + secs)
}

fn open(paths: &AppPaths) -> Switchboard {
    Switchboard::open(paths, Box::new(MemoryStore::new())).unwrap()
}

fn names(paths: &AppPaths) -> Vec<String> {
    let mut names: Vec<String> = recovery::backups(paths)
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_restores_the_data_it_copied() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().to_path_buf());
    let core = open(&paths);
    let acme = core.create_profile("Acme").unwrap().id;
    let name = core.back_up(at(0)).unwrap();
    core.rename_profile(acme, "Changed after the backup")
        .unwrap();
    drop(core);

    recovery::schedule_restore(&paths, &name).unwrap();
    let restored = recovery::restore_scheduled(&paths, at(60))
        .unwrap()
        .expect("restored");
    assert!(
        restored.moved_to.ends_with(".replaced.sqlite3"),
        "{}",
        restored.moved_to
    );
    assert!(
        std::path::Path::new(&restored.moved_to).exists(),
        "the replaced file is kept"
    );
    let core = open(&paths);
    assert_eq!(core.profile(acme).unwrap().name, "Acme");
    assert_eq!(
        recovery::restore_scheduled(&paths, at(120)).unwrap(),
        None,
        "once only"
    );
}

#[test]
fn a_restore_names_only_a_listed_backup() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().to_path_buf());
    drop(open(&paths));
    let refused = recovery::schedule_restore(&paths, "../switchboard.sqlite3").unwrap_err();
    assert_eq!(refused.code(), switchboard_core::ErrorCode::NotFound);
}

#[test]
fn the_daily_backup_is_due_a_day_after_the_newest_and_seven_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().to_path_buf());
    let core = open(&paths);
    let day = 24 * 60 * 60;
    assert!(
        core.backup_if_due(at(0)).unwrap().is_some(),
        "none yet: due"
    );
    assert_eq!(
        core.backup_if_due(at(day - 1)).unwrap(),
        None,
        "not a day yet"
    );
    let kept_by_hand = dir.path().join("backups").join("before-upgrade.sqlite3");
    std::fs::write(&kept_by_hand, b"an admin's own copy").unwrap();
    for n in 1..=9 {
        assert!(
            core.backup_if_due(at(n * day)).unwrap().is_some(),
            "day {n}"
        );
    }
    let left = names(&paths);
    assert_eq!(
        left.len(),
        8,
        "seven automatic ones and the admin's: {left:?}"
    );
    assert!(kept_by_hand.exists());
    assert!(left.iter().any(|n| n.starts_with("switchboard.")
        && n.contains(&switchboard_core::time::compact_utc(at(9 * day)))));
    assert!(
        !left
            .iter()
            .any(|n| n.contains(&switchboard_core::time::compact_utc(at(2 * day)))),
        "the oldest went"
    );
}

#[test]
fn a_database_at_an_older_schema_is_backed_up_before_its_migration() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().to_path_buf());
    {
        let mut conn = Connection::open(paths.database()).unwrap();
        storage::migrations().to_version(&mut conn, 3).unwrap();
        conn.execute("INSERT INTO profiles (name) VALUES ('Old')", [])
            .unwrap();
    }
    let core = open(&paths);
    assert!(core.profile_by_name("Old").is_ok());
    let backups = names(&paths);
    assert_eq!(backups.len(), 1, "{backups:?}");
    let copy = Connection::open(dir.path().join("backups").join(&backups[0])).unwrap();
    let version: u32 = copy
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 3, "the copy is the file as it was");
    drop(core);
    assert_eq!(
        open_again_count(&paths),
        1,
        "a current database is not backed up on open"
    );
}

fn open_again_count(paths: &AppPaths) -> usize {
    drop(open(paths));
    names(paths).len()
}
