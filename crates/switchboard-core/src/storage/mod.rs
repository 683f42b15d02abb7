//! SQLite storage: opening the database, its migrations, and one module per table.
//!
//! One file in the app data directory, WAL mode, foreign keys on. Migrations are append-only SQL
//! files applied through `rusqlite_migration` (schema version in `PRAGMA user_version`).
//! Opening never writes to a file it cannot use: a newer schema or a damaged file is refused
//! first, and every failure is sorted by [`problem`] for the recovery screen.

pub mod apply_runs;
pub mod connections;
pub mod flow_marks;
pub mod journal;
pub mod keychain_pending;
pub mod problem;
pub mod profiles;
pub mod progress;
pub mod secret_refs;
pub mod settings;
pub mod step_documents;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, Result};
use problem::OpenProblem;

/// Every migration, oldest first. Append only: a released migration is never edited.
const MIGRATIONS: [&str; 9] = [
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_secret_refs.sql"),
    include_str!("migrations/0003_practice_profiles.sql"),
    include_str!("migrations/0004_apply_runs.sql"),
    include_str!("migrations/0005_step_documents.sql"),
    include_str!("migrations/0006_keychain_names.sql"),
    include_str!("migrations/0007_apply_claims.sql"),
    include_str!("migrations/0008_apply_progress.sql"),
    include_str!("migrations/0009_flow_not_needed.sql"),
];

/// The schema version this build writes: a file above it comes from a newer Switchboard.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// How long a statement waits for another program's lock before failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// Opens (creating if needed) the database at `path` and brings it to the latest schema. A
/// failure is an [`Error::Unopenable`] saying why.
pub fn open(path: &Path) -> Result<Connection> {
    open_waiting(path, BUSY_TIMEOUT)
}

/// [`open`] with its own busy timeout, so a test of a locked file need not wait five seconds.
pub fn open_waiting(path: &Path, busy: Duration) -> Result<Connection> {
    open_checked(path, busy).map_err(problem::classify)
}

fn open_checked(path: &Path, busy: Duration) -> Result<Connection> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let found = if path.exists() {
        Some(probe(path, busy)?)
    } else {
        None
    };
    let mut conn = Connection::open(path)?;
    configure(&mut conn, busy)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // A file at an older schema is copied before a migration changes it. A backup that fails
    // (a full disk) is logged, not fatal: the migrations run in one transaction, so a failed
    // one leaves the file as it was, and refusing to start would cost the admin more.
    if found.is_some_and(|v| v > 0 && v < SCHEMA_VERSION)
        && let Err(error) = crate::backups::back_up(&conn, path, std::time::SystemTime::now())
    {
        tracing::warn!(%error, "no backup before the migration");
    }
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// Refuses a file from a newer build or a damaged one through a read-only connection: closing
/// a writable one would checkpoint its log into the file (or delete the log), and a file this
/// build cannot use must be left exactly as it was found. Returns the file's schema version.
fn probe(path: &Path, busy: Duration) -> Result<u32> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(busy)?;
    let found: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::Unopenable(OpenProblem::Newer {
            found,
            known: SCHEMA_VERSION,
        }));
    }
    // A truncated or half-overwritten file can still answer `user_version`; `quick_check`
    // reads every page (milliseconds for this app's few megabytes) and names the first damage.
    let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    if verdict == "ok" {
        Ok(found)
    } else {
        Err(Error::Unopenable(OpenProblem::Corrupt(verdict)))
    }
}

/// A private database for tests and dry runs.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&mut conn, BUSY_TIMEOUT)?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &mut Connection, busy: Duration) -> Result<()> {
    // A write transaction takes the write lock when it begins (IMMEDIATE), so the app and the
    // CLI on one file wait for each other up front instead of failing halfway with SQLITE_BUSY.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // NORMAL is durable enough with WAL and much faster on every autosave.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // The CLI and the app may share the file; wait rather than fail on a brief lock.
    conn.busy_timeout(busy)?;
    Ok(())
}
