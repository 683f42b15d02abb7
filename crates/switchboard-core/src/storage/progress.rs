//! The `step_progress` table: per profile, flow and step, the status and the non-secret values
//! the admin entered, with timestamps.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    #[default]
    NotStarted,
    InProgress,
    NeedsAttention,
    Done,
}

impl StepStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "not_started",
            StepStatus::InProgress => "in_progress",
            StepStatus::NeedsAttention => "needs_attention",
            StepStatus::Done => "done",
        }
    }

    pub fn parse(value: &str) -> Option<StepStatus> {
        [
            StepStatus::NotStarted,
            StepStatus::InProgress,
            StepStatus::NeedsAttention,
            StepStatus::Done,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepRecord {
    pub status: StepStatus,
    pub fields: BTreeMap<String, String>,
    pub updated_at: Option<String>,
}

/// Every recorded step of one flow of one profile, by step id.
pub fn load_flow(
    conn: &Connection,
    profile_id: i64,
    flow_id: &str,
) -> Result<HashMap<String, StepRecord>> {
    let mut stmt = conn.prepare(
        "SELECT step_id, status, fields, updated_at FROM step_progress
         WHERE profile_id = ?1 AND flow_id = ?2",
    )?;
    let rows = stmt.query_map(params![profile_id, flow_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get(3)?,
        ))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (step_id, status, fields, updated_at) = row?;
        let status = StepStatus::parse(&status)
            .ok_or_else(|| Error::Corrupt(format!("step status {status}")))?;
        let fields = serde_json::from_str(&fields).map_err(|e| Error::Corrupt(e.to_string()))?;
        out.insert(
            step_id,
            StepRecord {
                status,
                fields,
                updated_at,
            },
        );
    }
    Ok(out)
}

/// Writes one step's status and values, creating the row on first change.
pub fn save_step(
    conn: &Connection,
    profile_id: i64,
    flow_id: &str,
    step_id: &str,
    record: &StepRecord,
) -> Result<()> {
    let fields =
        serde_json::to_string(&record.fields).map_err(|e| Error::Corrupt(e.to_string()))?;
    let done = record.status == StepStatus::Done;
    conn.execute(
        "INSERT INTO step_progress (profile_id, flow_id, step_id, status, fields, done_at)
         VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?6 THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END)
         ON CONFLICT (profile_id, flow_id, step_id) DO UPDATE SET
           status = excluded.status,
           fields = excluded.fields,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           done_at = CASE WHEN ?6 THEN coalesce(step_progress.done_at, excluded.done_at) END",
        params![
            profile_id,
            flow_id,
            step_id,
            record.status.as_str(),
            fields,
            done
        ],
    )?;
    Ok(())
}

/// Done and total step counts per flow for one profile, counting only recorded statuses.
pub fn done_steps(
    conn: &Connection,
    profile_id: i64,
) -> Result<HashMap<(String, String), StepStatus>> {
    let mut stmt =
        conn.prepare("SELECT flow_id, step_id, status FROM step_progress WHERE profile_id = ?1")?;
    let rows = stmt.query_map([profile_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
        ))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (flow, step, status) = row?;
        let status = StepStatus::parse(&status).ok_or_else(|| Error::Corrupt(status.clone()))?;
        out.insert((flow, step), status);
    }
    Ok(out)
}

pub fn step_exists(
    conn: &Connection,
    profile_id: i64,
    flow_id: &str,
    step_id: &str,
) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM step_progress WHERE profile_id = ?1 AND flow_id = ?2 AND step_id = ?3",
            params![profile_id, flow_id, step_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Every recorded step of the profile as `(flow, step, record)`, in a stable order.
pub fn for_profile(
    conn: &Connection,
    profile_id: i64,
) -> Result<Vec<(String, String, StepRecord)>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT flow_id FROM step_progress WHERE profile_id = ?1 ORDER BY flow_id",
    )?;
    let flows: Vec<String> = stmt
        .query_map([profile_id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for flow in flows {
        let mut steps: Vec<_> = load_flow(conn, profile_id, &flow)?.into_iter().collect();
        steps.sort_by(|a, b| a.0.cmp(&b.0));
        out.extend(
            steps
                .into_iter()
                .map(|(step, record)| (flow.clone(), step, record)),
        );
    }
    Ok(out)
}
