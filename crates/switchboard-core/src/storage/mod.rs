//! SQLite storage: opening the database, its migrations, and one module per table.
//!
//! One file in the app data directory, WAL mode, foreign keys on. Migrations are append-only SQL
//! files applied through `rusqlite_migration` (schema version in `PRAGMA user_version`).

pub mod apply_runs;
pub mod connections;
pub mod journal;
pub mod keychain_pending;
pub mod profiles;
pub mod progress;
pub mod secret_refs;
pub mod settings;
pub mod step_documents;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::error::Result;

/// Every migration, oldest first. Append only: a released migration is never edited.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001_init.sql")),
        M::up(include_str!("migrations/0002_secret_refs.sql")),
        M::up(include_str!("migrations/0003_practice_profiles.sql")),
        M::up(include_str!("migrations/0004_apply_runs.sql")),
        M::up(include_str!("migrations/0005_step_documents.sql")),
        M::up(include_str!("migrations/0006_keychain_names.sql")),
        M::up(include_str!("migrations/0007_apply_claims.sql")),
    ])
}

/// Opens (creating if needed) the database at `path` and brings it to the latest schema.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut conn = Connection::open(path)?;
    configure(&mut conn)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// A private database for tests and dry runs.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&mut conn)?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &mut Connection) -> Result<()> {
    // A write transaction takes the write lock when it begins (IMMEDIATE), so the app and the
    // CLI on one file wait for each other up front instead of failing halfway with SQLITE_BUSY.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // NORMAL is durable enough with WAL and much faster on every autosave.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // The CLI and the app may share the file; wait rather than fail on a brief lock.
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(())
}
