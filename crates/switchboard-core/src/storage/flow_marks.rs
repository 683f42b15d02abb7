//! The `flow_not_needed` table: the flows an admin marked as not needed for a customer.

use rusqlite::{Connection, params};

use crate::error::Result;

pub fn not_needed(conn: &Connection, profile_id: i64, flow_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM flow_not_needed WHERE profile_id = ?1 AND flow_id = ?2)",
        params![profile_id, flow_id],
        |r| r.get(0),
    )?)
}

/// Marks the flow not needed (`true`) or needed again (`false`); either is idempotent.
pub fn set_not_needed(
    conn: &Connection,
    profile_id: i64,
    flow_id: &str,
    not_needed: bool,
) -> Result<()> {
    if not_needed {
        conn.execute(
            "INSERT OR IGNORE INTO flow_not_needed (profile_id, flow_id) VALUES (?1, ?2)",
            params![profile_id, flow_id],
        )?;
    } else {
        conn.execute(
            "DELETE FROM flow_not_needed WHERE profile_id = ?1 AND flow_id = ?2",
            params![profile_id, flow_id],
        )?;
    }
    Ok(())
}
