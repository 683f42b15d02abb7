//! The schema: migrations validate, and a database written by the first schema upgrades intact.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};
use switchboard_core::storage;

#[test]
fn migrations_validate() {
    storage::migrations()
        .validate()
        .expect("every migration applies on an empty database");
}

#[test]
fn a_database_written_by_the_first_schema_upgrades_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("switchboard.sqlite3");
    {
        // Exactly what version 0.1's first schema wrote, applied alone.
        let mut conn = Connection::open(&path).unwrap();
        Migrations::new(vec![M::up(include_str!(
            "../../src/storage/migrations/0001_init.sql"
        ))])
        .to_latest(&mut conn)
        .unwrap();
        conn.execute("INSERT INTO profiles (name) VALUES ('Acme Corp')", [])
            .unwrap();
        conn.execute(
            "INSERT INTO step_progress (profile_id, flow_id, step_id, status, fields)
             VALUES (1, 'zoom-directory-sync', 'x', 'done', '{\"a\":\"b\"}')",
            [],
        )
        .unwrap();
    }
    let conn = storage::open(&path).expect("the old database opens and migrates");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(
        version,
        i64::from(storage::SCHEMA_VERSION),
        "the database is at the latest schema"
    );
    let name: String = conn
        .query_row("SELECT name FROM profiles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Acme Corp", "profiles survive the upgrade");
    let key: String = conn
        .query_row("SELECT keychain_key FROM profiles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(key.len(), 32, "an existing profile gets its keychain key");
    let status: String = conn
        .query_row("SELECT status FROM step_progress", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "done", "progress survives the upgrade");
    conn.execute(
        "INSERT INTO secret_refs (profile_id, scope, field) VALUES (1, 's', 'f')",
        [],
    )
    .expect("the new table is usable");
}

#[test]
fn the_database_uses_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let conn = storage::open(&dir.path().join("db.sqlite3")).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1, "deleting a profile must cascade to its progress");
}

/// The app and the CLI may write to one file at once: a write transaction takes the write lock
/// when it begins, so the second writer waits (or is told at once) rather than failing halfway.
#[test]
fn a_write_transaction_takes_the_write_lock_when_it_begins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("switchboard.sqlite3");
    let mut app = storage::open(&path).unwrap();
    let mut cli = storage::open(&path).unwrap();
    cli.busy_timeout(std::time::Duration::from_millis(50))
        .unwrap();
    let writing = app.transaction().unwrap();
    let second = cli.transaction();
    assert!(
        second.is_err(),
        "the second writer cannot begin while the first holds the write lock"
    );
    drop(second);
    writing.commit().unwrap();
    assert!(cli.transaction().is_ok(), "and can once it is done");
}
