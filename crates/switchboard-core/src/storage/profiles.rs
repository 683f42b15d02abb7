//! The `profiles` table: one row per customer.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::validate::{FieldError, MAX_TEXT};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
    /// Rehearses against the built-in emulator; nothing leaves the computer.
    pub practice: bool,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Profile> {
    Ok(Profile {
        id: row.get(0)?,
        name: row.get(1)?,
        created_at: row.get(2)?,
        updated_at: row.get(3)?,
        practice: row.get(4)?,
    })
}

const COLUMNS: &str = "id, name, created_at, updated_at, practice";

pub fn list(conn: &Connection) -> Result<Vec<Profile>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM profiles ORDER BY name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Profile> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM profiles WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("profile {id}")))
}

pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<Profile>> {
    let sql = format!("SELECT {COLUMNS} FROM profiles WHERE name = ?1 COLLATE NOCASE");
    Ok(conn.query_row(&sql, [name.trim()], from_row).optional()?)
}

/// Profile names are what support engineers search by: trimmed, non-empty, unique ignoring case.
fn checked_name(conn: &Connection, name: &str, except: Option<i64>) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::validation("name", "required"));
    }
    if name.chars().count() > MAX_TEXT {
        let too_long = FieldError::new("too_long").with("max", MAX_TEXT);
        return Err(Error::invalid("name", too_long));
    }
    if let Some(existing) = find_by_name(conn, name)?
        && Some(existing.id) != except
    {
        return Err(Error::Conflict(format!(
            "a profile named {name} already exists"
        )));
    }
    Ok(name.to_owned())
}

pub fn create(conn: &Connection, name: &str) -> Result<Profile> {
    let name = checked_name(conn, name, None)?;
    conn.execute(
        "INSERT INTO profiles (name, keychain_key) VALUES (?1, lower(hex(randomblob(16))))",
        [&name],
    )?;
    get(conn, conn.last_insert_rowid())
}

pub fn rename(conn: &Connection, id: i64, name: &str) -> Result<Profile> {
    get(conn, id)?;
    let name = checked_name(conn, name, Some(id))?;
    conn.execute(
        "UPDATE profiles SET name = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?2",
        params![name, id],
    )?;
    get(conn, id)
}

/// Deletes the profile and, through foreign keys, its connections, progress and secret refs.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    let deleted = conn.execute("DELETE FROM profiles WHERE id = ?1", [id])?;
    if deleted == 0 {
        return Err(Error::not_found(format!("profile {id}")));
    }
    Ok(())
}

/// The profile's never-reused key, which names its keychain entries.
pub fn keychain_key(conn: &Connection, id: i64) -> Result<String> {
    conn.query_row(
        "SELECT keychain_key FROM profiles WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("profile {id}")))
}

pub fn touch(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE profiles SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// The practice profile, if one was made.
pub fn practice(conn: &Connection) -> Result<Option<Profile>> {
    let sql = format!("SELECT {COLUMNS} FROM profiles WHERE practice = 1 ORDER BY id LIMIT 1");
    Ok(conn.query_row(&sql, [], from_row).optional()?)
}

/// Creates the practice profile under the first free name among `name`, `name (2)`, …
pub fn create_practice(conn: &Connection, name: &str) -> Result<Profile> {
    let mut candidate = name.to_owned();
    let mut n = 1;
    while find_by_name(conn, &candidate)?.is_some() {
        n += 1;
        candidate = format!("{name} ({n})");
    }
    conn.execute(
        "INSERT INTO profiles (name, practice, keychain_key)
         VALUES (?1, 1, lower(hex(randomblob(16))))",
        [&candidate],
    )?;
    get(conn, conn.last_insert_rowid())
}
