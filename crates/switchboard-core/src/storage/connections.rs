//! The `connections` table: each profile's non-secret settings per vendor and the last Test's
//! diagnosis (stored whole in `last_test_outcome`, its time in `last_test_at`). Never a secret.

use rusqlite::{Connection, OptionalExtension, params};

use crate::connection::{ConnectionSettings, Diagnosis, Vendor};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub settings: ConnectionSettings,
    pub last_diagnosis: Option<Diagnosis>,
}

/// Saves the settings. Settings that differ from the stored ones forget the last diagnosis: it
/// described another account.
pub fn save(conn: &Connection, profile_id: i64, settings: &ConnectionSettings) -> Result<()> {
    let fields = serde_json::to_string(settings).map_err(|e| Error::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO connections (profile_id, vendor, fields) VALUES (?1, ?2, ?3)
         ON CONFLICT (profile_id, vendor) DO UPDATE SET
           last_test_at = CASE WHEN fields = excluded.fields THEN last_test_at END,
           last_test_outcome = CASE WHEN fields = excluded.fields THEN last_test_outcome END,
           fields = excluded.fields,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        params![profile_id, settings.vendor().as_str(), fields],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, profile_id: i64, vendor: Vendor) -> Result<Option<Stored>> {
    let row: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT fields, last_test_outcome FROM connections
             WHERE profile_id = ?1 AND vendor = ?2",
            params![profile_id, vendor.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(fields, outcome)| decode(vendor, &fields, outcome.as_deref()))
        .transpose()
}

/// Every connection of the profile, in vendor order.
pub fn list(conn: &Connection, profile_id: i64) -> Result<Vec<Stored>> {
    let mut found = Vec::new();
    for vendor in Vendor::ALL {
        if let Some(stored) = get(conn, profile_id, vendor)? {
            found.push(stored);
        }
    }
    Ok(found)
}

/// Records a Test's result on an existing connection.
pub fn save_diagnosis(conn: &Connection, profile_id: i64, diagnosis: &Diagnosis) -> Result<()> {
    let outcome = serde_json::to_string(diagnosis).map_err(|e| Error::Corrupt(e.to_string()))?;
    let changed = conn.execute(
        "UPDATE connections SET last_test_at = ?3, last_test_outcome = ?4
         WHERE profile_id = ?1 AND vendor = ?2",
        params![
            profile_id,
            diagnosis.vendor.as_str(),
            diagnosis.checked_at,
            outcome
        ],
    )?;
    if changed == 0 {
        return Err(Error::not_found(format!("{} connection", diagnosis.vendor)));
    }
    Ok(())
}

fn decode(vendor: Vendor, fields: &str, outcome: Option<&str>) -> Result<Stored> {
    let settings: ConnectionSettings = serde_json::from_str(fields)
        .map_err(|e| Error::Corrupt(format!("{vendor} settings: {e}")))?;
    if settings.vendor() != vendor {
        return Err(Error::Corrupt(format!("{vendor} row holds other settings")));
    }
    // A diagnosis written by a newer version (an unknown code) is only history: forget it
    // rather than make the connection unreadable.
    let last_diagnosis = outcome.and_then(|o| match serde_json::from_str(o) {
        Ok(diagnosis) => Some(diagnosis),
        Err(error) => {
            tracing::warn!(%vendor, %error, "unreadable last diagnosis ignored");
            None
        }
    });
    Ok(Stored {
        settings,
        last_diagnosis,
    })
}
