//! The audit journal: what the app did, for which profile and vendor, when, with what outcome.
//! Callers pass descriptions, never values: a secret must not be handed to [`record`].

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "JournalEntry")]
pub struct Entry {
    pub at: String,
    #[ts(type = "number | null")]
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

/// Which entries of a profile's journal to show: every filter optional, then a page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "JournalQuery")]
pub struct Query {
    #[serde(default)]
    pub vendor: Option<String>,
    #[serde(default)]
    pub outcome: Option<String>,
    /// Words looked for in the action and the detail, ignoring case.
    #[serde(default)]
    pub search: Option<String>,
    #[serde(default)]
    pub offset: u32,
    /// At most this many entries; 0 means all (the CSV export).
    #[serde(default)]
    pub limit: u32,
}

/// The profile's entries matching `query`, most recent first, and how many match in all.
pub fn query(conn: &Connection, profile_id: i64, query: &Query) -> Result<(Vec<Entry>, u32)> {
    let blank = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let vendor = blank(&query.vendor);
    let outcome = blank(&query.outcome);
    // LIKE with its wildcards escaped, so a search for `50%` finds `50%`.
    let search = blank(&query.search).map(|s| {
        let escaped = s
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    });
    let filter = "FROM journal WHERE profile_id = ?1
         AND (?2 IS NULL OR vendor = ?2)
         AND (?3 IS NULL OR outcome = ?3)
         AND (?4 IS NULL OR action LIKE ?4 ESCAPE '\\' OR coalesce(detail, '') LIKE ?4 ESCAPE '\\')";
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) {filter}"),
        params![profile_id, vendor, outcome, search],
        |row| row.get(0),
    )?;
    let limit = if query.limit == 0 {
        -1
    } else {
        i64::from(query.limit)
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT at, profile_id, vendor, action, outcome, detail {filter}
         ORDER BY id DESC LIMIT ?5 OFFSET ?6"
    ))?;
    let rows = stmt.query_map(
        params![profile_id, vendor, outcome, search, limit, query.offset],
        |row| {
            Ok(Entry {
                at: row.get(0)?,
                profile_id: row.get(1)?,
                vendor: row.get(2)?,
                action: row.get(3)?,
                outcome: row.get(4)?,
                detail: row.get(5)?,
            })
        },
    )?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// The distinct values of `column` (`vendor` or `outcome`) in the profile's journal, sorted.
pub fn distinct(conn: &Connection, profile_id: i64, column: Column) -> Result<Vec<String>> {
    let column = match column {
        Column::Vendor => "vendor",
        Column::Outcome => "outcome",
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT DISTINCT {column} FROM journal WHERE profile_id = ?1 AND {column} IS NOT NULL
         ORDER BY {column}"
    ))?;
    let rows = stmt.query_map([profile_id], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A journal column the viewer filters on.
#[derive(Debug, Clone, Copy)]
pub enum Column {
    Vendor,
    Outcome,
}
