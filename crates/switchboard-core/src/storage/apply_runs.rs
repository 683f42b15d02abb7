//! The `apply_runs` table: every run that applies a plan to a vendor, its plan and how far it
//! got, so a failed run can be found and resumed. Plans never hold secrets.

use std::sync::{Mutex, PoisonError};

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::address_book::apply::{ApplyLog, ApplyRun, RunState};
use crate::address_book::plan::AddressBookPlan;
use crate::error::{Error, Result};

/// The `kind` of an address-book run.
pub const ADDRESS_BOOK: &str = "address-book";

const COLUMNS: &str =
    "id, plan_json, state, error_code, book_id, added, present, assigned, rejected, updated_at";

/// A new run of `plan`, `Running`, nothing done yet.
pub fn start(
    conn: &Connection,
    profile_id: i64,
    kind: &str,
    plan: &AddressBookPlan,
) -> Result<ApplyRun> {
    let plan_json = serde_json::to_string(plan).map_err(|e| Error::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO apply_runs (profile_id, kind, plan_json) VALUES (?1, ?2, ?3)",
        params![profile_id, kind, plan_json],
    )?;
    let id = conn.last_insert_rowid();
    load(conn, "WHERE id = ?1", params![id])?.ok_or_else(|| Error::not_found("apply run"))
}

/// Writes where the run got to. The plan is written once, by [`start`].
pub fn save(conn: &Connection, run: &ApplyRun) -> Result<()> {
    let (state, error_code) = match &run.state {
        RunState::Running => ("running", None),
        RunState::Done => ("done", None),
        RunState::Failed { code } => ("failed", Some(code.as_str())),
    };
    let rejected =
        serde_json::to_string(&run.rejected).map_err(|e| Error::Corrupt(e.to_string()))?;
    let changed = conn.execute(
        "UPDATE apply_runs SET state = ?2, error_code = ?3, book_id = ?4, added = ?5,
           present = ?6, assigned = ?7, rejected = ?8,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ?1",
        params![
            run.id,
            state,
            error_code,
            run.book_id,
            run.added as i64,
            run.present as i64,
            run.assigned as i64,
            rejected
        ],
    )?;
    if changed == 0 {
        return Err(Error::not_found("apply run"));
    }
    Ok(())
}

/// The latest run of `kind` that did not finish (running when the app stopped, or failed).
pub fn unfinished(conn: &Connection, profile_id: i64, kind: &str) -> Result<Option<ApplyRun>> {
    load(
        conn,
        "WHERE profile_id = ?1 AND kind = ?2 AND state <> 'done' ORDER BY id DESC LIMIT 1",
        params![profile_id, kind],
    )
}

/// The latest run of `kind`, whatever its state.
pub fn latest(conn: &Connection, profile_id: i64, kind: &str) -> Result<Option<ApplyRun>> {
    load(
        conn,
        "WHERE profile_id = ?1 AND kind = ?2 ORDER BY id DESC LIMIT 1",
        params![profile_id, kind],
    )
}

fn load(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Option<ApplyRun>> {
    let sql = format!("SELECT {COLUMNS} FROM apply_runs {filter}");
    let raw = conn.query_row(&sql, args, raw_run).optional()?;
    raw.map(RawRun::into_run).transpose()
}

struct RawRun {
    id: i64,
    plan: String,
    state: String,
    error_code: Option<String>,
    book_id: Option<i64>,
    counts: [i64; 3],
    rejected: String,
    updated_at: String,
}

fn raw_run(row: &Row<'_>) -> rusqlite::Result<RawRun> {
    Ok(RawRun {
        id: row.get(0)?,
        plan: row.get(1)?,
        state: row.get(2)?,
        error_code: row.get(3)?,
        book_id: row.get(4)?,
        counts: [row.get(5)?, row.get(6)?, row.get(7)?],
        rejected: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

impl RawRun {
    fn into_run(self) -> Result<ApplyRun> {
        let corrupt = |e: serde_json::Error| Error::Corrupt(format!("apply run {}: {e}", self.id));
        let state = match self.state.as_str() {
            "running" => RunState::Running,
            "done" => RunState::Done,
            "failed" => RunState::Failed {
                code: self.error_code.clone().unwrap_or_default(),
            },
            other => return Err(Error::Corrupt(format!("apply run state {other}"))),
        };
        let count = |n: i64| usize::try_from(n).unwrap_or_default();
        Ok(ApplyRun {
            id: self.id,
            plan: serde_json::from_str(&self.plan).map_err(corrupt)?,
            state,
            book_id: self.book_id,
            added: count(self.counts[0]),
            present: count(self.counts[1]),
            assigned: count(self.counts[2]),
            rejected: serde_json::from_str(&self.rejected).map_err(corrupt)?,
            updated_at: self.updated_at,
        })
    }
}

/// [`ApplyLog`] over the app's database: each record takes the lock just long enough to save,
/// never across the apply's vendor calls.
pub struct Journal<'a> {
    db: &'a Mutex<Connection>,
}

impl<'a> Journal<'a> {
    pub fn new(db: &'a Mutex<Connection>) -> Self {
        Journal { db }
    }
}

impl ApplyLog for Journal<'_> {
    fn record(&mut self, run: &ApplyRun) -> Result<()> {
        let conn = self.db.lock().unwrap_or_else(PoisonError::into_inner);
        save(&conn, run)
    }
}
