//! The `apply_runs` table: every run that applies a plan to a vendor, its plan and how far it
//! got, so a failed run can be found and resumed. Plans never hold secrets.
//!
//! A run is *claimed* while an apply works on it: a lease that the journal and a heartbeat
//! renew, released when the run ends. Claiming happens in one IMMEDIATE transaction, so of two
//! applies started at once (the app and the CLI, two windows) exactly one gets the run; a crashed
//! apply's lease simply runs out.

use std::sync::{Mutex, PoisonError};

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::address_book::apply::{ApplyLog, ApplyRun, RunState};
use crate::address_book::plan::AddressBookPlan;
use crate::error::{Error, Result};

/// The `kind` of an address-book run.
pub const ADDRESS_BOOK: &str = "address-book";

const COLUMNS: &str =
    "id, plan_json, state, error_code, book_id, added, present, assigned, rejected, updated_at";

/// How long a claim holds without being renewed. The journal renews it after every recorded
/// step and the host every [`RENEW_EVERY`], so only a crashed apply lets it run out.
pub const LEASE_SECONDS: u32 = 60;
pub const RENEW_EVERY: std::time::Duration = std::time::Duration::from_secs(15);

/// The admin's answer when an unfinished run's plan is not the plan shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Unfinished {
    /// Finish the earlier run, with its own plan.
    Resume,
    /// Keep it on record as discarded and apply the plan shown.
    Discard,
}

fn lease() -> String {
    format!("strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+{LEASE_SECONDS} seconds')")
}

/// Claims the run that will apply `plan`: the unfinished run if its plan is `plan` (or the admin
/// chose to resume it), else a new one. Refused while another apply holds a claim, and when an
/// unfinished run of another plan exists and the admin has not chosen.
pub fn claim(
    conn: &mut Connection,
    profile_id: i64,
    kind: &str,
    plan: &AddressBookPlan,
    choice: Option<Unfinished>,
) -> Result<ApplyRun> {
    let id = claim_plan(conn, profile_id, kind, plan, choice)?;
    load(conn, "WHERE id = ?1", params![id])?.ok_or_else(|| Error::not_found("apply run"))
}

/// [`claim`] for any kind of plan: the claimed run's id.
pub fn claim_plan<P: Serialize>(
    conn: &mut Connection,
    profile_id: i64,
    kind: &str,
    plan: &P,
    choice: Option<Unfinished>,
) -> Result<i64> {
    let shown = serde_json::to_value(plan).map_err(|e| Error::Corrupt(e.to_string()))?;
    let tx = conn.transaction()?;
    let held: Option<String> = tx
        .query_row(
            "SELECT updated_at FROM apply_runs WHERE profile_id = ?1 AND kind = ?2
               AND claimed_until > strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            params![profile_id, kind],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(since) = held {
        return Err(Error::ApplyRunning { since });
    }
    let unfinished: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, plan_json FROM apply_runs WHERE profile_id = ?1 AND kind = ?2
               AND state IN ('running', 'failed') ORDER BY id DESC LIMIT 1",
            params![profile_id, kind],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    // Plans compare as JSON values, so a plan saved by an older build with the same content
    // (keys in another order) still counts as the same plan.
    let same =
        |saved: &str| serde_json::from_str::<serde_json::Value>(saved).ok() == Some(shown.clone());
    let claimed = match unfinished {
        Some((id, saved)) if same(&saved) || choice == Some(Unfinished::Resume) => id,
        Some((id, _)) if choice == Some(Unfinished::Discard) => {
            tx.execute(
                "UPDATE apply_runs SET state = 'discarded', claimed_until = NULL,
                   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
                [id],
            )?;
            insert(&tx, profile_id, kind, &shown)?
        }
        Some((id, _)) => return Err(Error::ApplyPlanChanged { run: id }),
        None => insert(&tx, profile_id, kind, &shown)?,
    };
    tx.execute(
        &format!(
            "UPDATE apply_runs SET claimed_until = {}, state = 'running' WHERE id = ?1",
            lease()
        ),
        [claimed],
    )?;
    tx.commit()?;
    Ok(claimed)
}

fn insert(conn: &Connection, profile_id: i64, kind: &str, plan: &serde_json::Value) -> Result<i64> {
    conn.execute(
        "INSERT INTO apply_runs (profile_id, kind, plan_json) VALUES (?1, ?2, ?3)",
        params![profile_id, kind, plan.to_string()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves a run's progress (a plan kind's own record of what it did), renewing its claim.
pub fn save_progress<T: Serialize + ?Sized>(
    conn: &Connection,
    run_id: i64,
    progress: &T,
) -> Result<()> {
    let json = serde_json::to_string(progress).map_err(|e| Error::Corrupt(e.to_string()))?;
    conn.execute(
        &format!(
            "UPDATE apply_runs SET progress = ?2, claimed_until = {},
               updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
            lease()
        ),
        params![run_id, json],
    )?;
    Ok(())
}

/// The plan a run was claimed for (a resumed run finishes its own plan, not the one shown).
pub fn plan_of<P: DeserializeOwned>(conn: &Connection, run_id: i64) -> Result<P> {
    let json: String = conn.query_row(
        "SELECT plan_json FROM apply_runs WHERE id = ?1",
        [run_id],
        |row| row.get(0),
    )?;
    serde_json::from_str(&json).map_err(|e| Error::Corrupt(format!("apply run {run_id}: {e}")))
}

/// The progress last saved for a run (empty when none was).
pub fn progress_of<T: DeserializeOwned + Default>(conn: &Connection, run_id: i64) -> Result<T> {
    let json: Option<String> = conn
        .query_row(
            "SELECT progress FROM apply_runs WHERE id = ?1",
            [run_id],
            |row| row.get(0),
        )
        .optional()?
        .flatten();
    match json {
        Some(json) => serde_json::from_str(&json).map_err(|e| Error::Corrupt(e.to_string())),
        None => Ok(T::default()),
    }
}

/// Ends a run: done, or failed with `error_code`; its claim is released.
pub fn finish(conn: &Connection, run_id: i64, error_code: Option<&str>) -> Result<()> {
    conn.execute(
        "UPDATE apply_runs SET state = CASE WHEN ?2 IS NULL THEN 'done' ELSE 'failed' END,
           error_code = ?2, claimed_until = NULL,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
        params![run_id, error_code],
    )?;
    Ok(())
}

/// Extends the claim of a run still running (the host's heartbeat during long vendor calls).
pub fn renew(conn: &Connection, run_id: i64) -> Result<()> {
    conn.execute(
        &format!(
            "UPDATE apply_runs SET claimed_until = {} WHERE id = ?1 AND state = 'running'",
            lease()
        ),
        [run_id],
    )?;
    Ok(())
}

/// A new run of `plan`, `Running`, nothing done yet.
pub fn start(
    conn: &Connection,
    profile_id: i64,
    kind: &str,
    plan: &AddressBookPlan,
) -> Result<ApplyRun> {
    let plan = serde_json::to_value(plan).map_err(|e| Error::Corrupt(e.to_string()))?;
    let id = insert(conn, profile_id, kind, &plan)?;
    load(conn, "WHERE id = ?1", params![id])?.ok_or_else(|| Error::not_found("apply run"))
}

/// Writes where the run got to. The plan is written once, when the run is claimed. A running
/// run's claim is renewed; a finished one's released.
pub fn save(conn: &Connection, run: &ApplyRun) -> Result<()> {
    let (state, error_code) = match &run.state {
        RunState::Running => ("running", None),
        RunState::Done => ("done", None),
        RunState::Failed { code } => ("failed", Some(code.as_str())),
        RunState::Discarded => ("discarded", None),
    };
    let rejected =
        serde_json::to_string(&run.rejected).map_err(|e| Error::Corrupt(e.to_string()))?;
    let changed = conn.execute(
        &format!(
            "UPDATE apply_runs SET state = ?2, error_code = ?3, book_id = ?4, added = ?5,
               present = ?6, assigned = ?7, rejected = ?8,
               claimed_until = CASE WHEN ?2 = 'running' THEN {} END,
               updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?1",
            lease()
        ),
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

/// Ends the claim whatever the run's state (the apply stopped before it could record why).
pub fn release(conn: &Connection, run_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE apply_runs SET claimed_until = NULL WHERE id = ?1",
        [run_id],
    )?;
    Ok(())
}

/// The latest run of `kind` that did not finish (running when the app stopped, or failed).
pub fn unfinished(conn: &Connection, profile_id: i64, kind: &str) -> Result<Option<ApplyRun>> {
    load(
        conn,
        "WHERE profile_id = ?1 AND kind = ?2 AND state IN ('running', 'failed')
         ORDER BY id DESC LIMIT 1",
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
            "discarded" => RunState::Discarded,
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

/// A run as recorded, whatever its kind (the hand-over report itemises what each did).
#[derive(Debug, Clone)]
pub struct Recorded {
    pub id: i64,
    pub kind: String,
    pub plan: serde_json::Value,
    /// `running`, `done` or `failed`.
    pub state: String,
    pub error_code: Option<String>,
    pub book_id: Option<i64>,
    pub added: i64,
    pub present: i64,
    pub assigned: i64,
    /// The kind's own record of what it did, if it keeps one.
    pub progress: Option<serde_json::Value>,
    pub updated_at: String,
}

/// Every run of the profile but the discarded ones, oldest first.
pub fn recorded(conn: &Connection, profile_id: i64) -> Result<Vec<Recorded>> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, plan_json, state, error_code, book_id, added, present, assigned,
                progress, updated_at
         FROM apply_runs WHERE profile_id = ?1 AND state != 'discarded' ORDER BY id",
    )?;
    let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    let rows = stmt.query_map([profile_id], |row| {
        Ok(Recorded {
            id: row.get(0)?,
            kind: row.get(1)?,
            plan: json(row.get(2)?).unwrap_or_default(),
            state: row.get(3)?,
            error_code: row.get(4)?,
            book_id: row.get(5)?,
            added: row.get(6)?,
            present: row.get(7)?,
            assigned: row.get(8)?,
            progress: json(row.get(9)?),
            updated_at: row.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
