//! The `step_documents` table: JSON a live step keeps beside its fields (last check, drafts,
//! editor settings), one per profile, flow, step and kind.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// What a document is for; one of each per step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Check,
    Draft,
    Editor,
}

impl DocKind {
    pub const ALL: [DocKind; 3] = [DocKind::Check, DocKind::Draft, DocKind::Editor];

    pub fn parse(text: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Check => "check",
            DocKind::Draft => "draft",
            DocKind::Editor => "editor",
        }
    }
}

/// Where a document lives.
#[derive(Debug, Clone, Copy)]
pub struct DocRef<'a> {
    pub profile_id: i64,
    pub flow_id: &'a str,
    pub step_id: &'a str,
    pub kind: DocKind,
}

pub fn save<T: Serialize>(conn: &Connection, at: DocRef<'_>, doc: &T) -> Result<()> {
    let body = serde_json::to_string(doc).map_err(|e| Error::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO step_documents (profile_id, flow_id, step_id, kind, body)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO UPDATE SET body = excluded.body,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        params![
            at.profile_id,
            at.flow_id,
            at.step_id,
            at.kind.as_str(),
            body
        ],
    )?;
    Ok(())
}

pub fn load<T: DeserializeOwned>(conn: &Connection, at: DocRef<'_>) -> Result<Option<T>> {
    let body: Option<String> = conn
        .query_row(
            "SELECT body FROM step_documents
             WHERE profile_id = ?1 AND flow_id = ?2 AND step_id = ?3 AND kind = ?4",
            params![at.profile_id, at.flow_id, at.step_id, at.kind.as_str()],
            |row| row.get(0),
        )
        .optional()?;
    body.map(|b| serde_json::from_str(&b).map_err(|e| Error::Corrupt(e.to_string())))
        .transpose()
}

/// Every document of one kind in a flow, by step id.
pub fn all<T: DeserializeOwned>(
    conn: &Connection,
    profile_id: i64,
    flow_id: &str,
    kind: DocKind,
) -> Result<HashMap<String, T>> {
    let mut stmt = conn.prepare(
        "SELECT step_id, body FROM step_documents
         WHERE profile_id = ?1 AND flow_id = ?2 AND kind = ?3",
    )?;
    let rows = stmt.query_map(params![profile_id, flow_id, kind.as_str()], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (step, body) = row?;
        // A document written by a newer version (or damaged) is skipped, not fatal: the step
        // falls back to its defaults.
        if let Ok(doc) = serde_json::from_str(&body) {
            out.insert(step, doc);
        }
    }
    Ok(out)
}

/// One stored document as it is kept: where it lives and its JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    pub flow_id: String,
    pub step_id: String,
    pub kind: String,
    pub body: String,
}

/// Every document of the profile, in a stable order (for the profile file).
pub fn for_profile(conn: &Connection, profile_id: i64) -> Result<Vec<RawDocument>> {
    let mut stmt = conn.prepare(
        "SELECT flow_id, step_id, kind, body FROM step_documents WHERE profile_id = ?1
         ORDER BY flow_id, step_id, kind",
    )?;
    let rows = stmt.query_map([profile_id], |row| {
        Ok(RawDocument {
            flow_id: row.get(0)?,
            step_id: row.get(1)?,
            kind: row.get(2)?,
            body: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
