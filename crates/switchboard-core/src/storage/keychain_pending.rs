//! The `keychain_pending` table: keychain writes in flight and entries still to remove. A row is
//! written before the keychain is touched and deleted once the database agrees with it, so a
//! crash or a keychain refusal in between is finished (or undone) by the next sweep.

use rusqlite::{Connection, params};

use crate::error::Result;
use crate::secrets::Account;

/// What was being done to the entry when the row was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Saving a value: kept if the database records the secret as set, removed otherwise.
    Set,
    /// Removing the entry (secret cleared, profile deleted): removed whatever happens.
    Delete,
}

impl Intent {
    fn as_str(self) -> &'static str {
        match self {
            Intent::Set => "set",
            Intent::Delete => "delete",
        }
    }
}

/// One entry in flight: its name and which secret of which profile it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub account: Account,
    pub intent: Intent,
    pub profile_key: String,
    pub scope: String,
    pub field: String,
}

pub fn add(conn: &Connection, pending: &Pending) -> Result<()> {
    conn.execute(
        "INSERT INTO keychain_pending (account, intent, profile_key, scope, field)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (account) DO UPDATE SET intent = excluded.intent,
           since = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        params![
            pending.account.as_str(),
            pending.intent.as_str(),
            pending.profile_key,
            pending.scope,
            pending.field
        ],
    )?;
    Ok(())
}

pub fn remove(conn: &Connection, account: &Account) -> Result<()> {
    conn.execute(
        "DELETE FROM keychain_pending WHERE account = ?1",
        [account.as_str()],
    )?;
    Ok(())
}

pub fn all(conn: &Connection) -> Result<Vec<Pending>> {
    let mut stmt = conn.prepare(
        "SELECT account, intent, profile_key, scope, field FROM keychain_pending ORDER BY since",
    )?;
    let rows = stmt.query_map([], |row| {
        let intent: String = row.get(1)?;
        Ok(Pending {
            account: Account::from_stored(row.get(0)?),
            intent: if intent == "set" {
                Intent::Set
            } else {
                Intent::Delete
            },
            profile_key: row.get(2)?,
            scope: row.get(3)?,
            field: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether the profile with `profile_key` (if it still exists) records `scope/field` as set.
pub fn is_recorded(conn: &Connection, pending: &Pending) -> Result<bool> {
    let found: i64 = conn.query_row(
        "SELECT count(*) FROM secret_refs r JOIN profiles p ON p.id = r.profile_id
         WHERE p.keychain_key = ?1 AND r.scope = ?2 AND r.field = ?3",
        params![pending.profile_key, pending.scope, pending.field],
        |row| row.get(0),
    )?;
    Ok(found > 0)
}

/// A removal interrupted after the keychain but before the database: the record goes too.
pub fn forget_record(conn: &Connection, pending: &Pending) -> Result<()> {
    conn.execute(
        "DELETE FROM secret_refs WHERE scope = ?2 AND field = ?3
           AND profile_id = (SELECT id FROM profiles WHERE keychain_key = ?1)",
        params![pending.profile_key, pending.scope, pending.field],
    )?;
    Ok(())
}
