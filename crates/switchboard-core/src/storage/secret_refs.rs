//! The `secret_refs` table: which keychain entries a profile owns. Never their values.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;
use crate::secrets::SecretKey;

pub fn mark_set(conn: &Connection, key: &SecretKey) -> Result<()> {
    conn.execute(
        "INSERT INTO secret_refs (profile_id, scope, field) VALUES (?1, ?2, ?3)
         ON CONFLICT DO UPDATE SET set_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        params![key.profile_id, key.scope, key.field],
    )?;
    Ok(())
}

pub fn mark_cleared(conn: &Connection, key: &SecretKey) -> Result<()> {
    conn.execute(
        "DELETE FROM secret_refs WHERE profile_id = ?1 AND scope = ?2 AND field = ?3",
        params![key.profile_id, key.scope, key.field],
    )?;
    Ok(())
}

/// Whether the database records `key` as set (its keychain entry belongs to this profile).
pub fn is_set(conn: &Connection, key: &SecretKey) -> Result<bool> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM secret_refs WHERE profile_id = ?1 AND scope = ?2 AND field = ?3",
            params![key.profile_id, key.scope, key.field],
            |row| row.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// The fields of `scope` that have a secret saved.
pub fn fields_set(conn: &Connection, profile_id: i64, scope: &str) -> Result<HashSet<String>> {
    let mut stmt =
        conn.prepare("SELECT field FROM secret_refs WHERE profile_id = ?1 AND scope = ?2")?;
    let rows = stmt.query_map(params![profile_id, scope], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn for_profile(conn: &Connection, profile_id: i64) -> Result<Vec<SecretKey>> {
    let mut stmt = conn.prepare("SELECT scope, field FROM secret_refs WHERE profile_id = ?1")?;
    let rows = stmt.query_map([profile_id], |row| {
        Ok(SecretKey::new(
            profile_id,
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every keychain entry the profile owns, as (scope, field, when it was last set), by scope
/// and field.
pub fn saved(conn: &Connection, profile_id: i64) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT scope, field, set_at FROM secret_refs WHERE profile_id = ?1 ORDER BY scope, field",
    )?;
    let rows = stmt.query_map([profile_id], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
