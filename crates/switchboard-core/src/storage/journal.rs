//! The audit journal: what the app did, for which profile and vendor, when, with what outcome.
//! Callers pass descriptions, never values: a secret must not be handed to [`record`].

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub at: String,
    pub profile_id: Option<i64>,
    pub vendor: Option<String>,
    pub action: String,
    pub outcome: String,
    pub detail: Option<String>,
}

pub fn record(
    conn: &Connection,
    profile_id: Option<i64>,
    vendor: Option<&str>,
    action: &str,
    outcome: &str,
    detail: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO journal (profile_id, vendor, action, outcome, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![profile_id, vendor, action, outcome, detail],
    )?;
    Ok(())
}

/// Most recent first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(
        "SELECT at, profile_id, vendor, action, outcome, detail FROM journal ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |row| {
        Ok(Entry {
            at: row.get(0)?,
            profile_id: row.get(1)?,
            vendor: row.get(2)?,
            action: row.get(3)?,
            outcome: row.get(4)?,
            detail: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
