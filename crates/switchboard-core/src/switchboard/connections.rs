//! Vendor connections: settings in SQLite, secrets in the keychain, the live Test over HTTP.
//! Every vendor call reads its connection through [`Switchboard::connection_inputs`], which is
//! where a practice profile's connections are pointed at the running emulator.

use rusqlite::Connection;

use super::Switchboard;
use crate::connection::{ConnectionSecrets, ConnectionSettings, ConnectionView, Diagnosis, Vendor};
use crate::error::{Error, Result};
use crate::secrets::{SecretKey, Sensitive};
use crate::storage::{connections, journal, profiles, secret_refs};
use crate::validate::Rule;

impl Switchboard {
    pub fn connection(&self, profile_id: i64, vendor: Vendor) -> Result<ConnectionView> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        connection_view(&db, profile_id, vendor)
    }

    /// Every connection of the profile as the Connections page shows it (a practice profile's
    /// pointed at the running emulator first).
    pub async fn connections(&self, profile_id: i64) -> Result<Vec<ConnectionView>> {
        if self.is_practice(profile_id)? {
            self.point_practice_profile().await?;
        }
        Vendor::ALL
            .into_iter()
            .map(|vendor| self.connection(profile_id, vendor))
            .collect()
    }

    /// Saves a connection's non-secret settings; an invalid field is refused and named. The
    /// practice flag (plain http to loopback) follows the profile, never the settings sent.
    pub fn save_connection(
        &self,
        profile_id: i64,
        settings: ConnectionSettings,
    ) -> Result<ConnectionView> {
        let db = self.db();
        let practice = profiles::get(&db, profile_id)?.practice;
        let settings = settings.normalized().for_profile(practice);
        settings.validate()?;
        let vendor = settings.vendor();
        connections::save(&db, profile_id, &settings)?;
        journal::record(
            &db,
            Some(profile_id),
            Some(vendor.as_str()),
            "connection.save",
            "ok",
            None,
        )?;
        connection_view(&db, profile_id, vendor)
    }

    /// Saves (`Some`) or clears (`None`) one of the connection's secrets, e.g. `client-secret`.
    pub fn set_connection_secret(
        &self,
        profile_id: i64,
        vendor: Vendor,
        field: &str,
        value: Option<&Sensitive>,
    ) -> Result<ConnectionView> {
        if !vendor.secret_fields().iter().any(|f| f.id == field) {
            return Err(Error::not_found(format!("{vendor} secret {field}")));
        }
        profiles::get(&self.db(), profile_id)?;
        let key = SecretKey::new(profile_id, vendor.secret_scope(), field);
        let action = self.store_secret(&key, Rule::Secret, value)?;
        let db = self.db();
        journal::record(
            &db,
            Some(profile_id),
            Some(vendor.as_str()),
            action,
            "ok",
            Some(&key.label()),
        )?;
        connection_view(&db, profile_id, vendor)
    }

    /// Tests the saved connection against the vendor and stores the diagnosis. The database
    /// lock is never held across the vendor calls; a result for settings changed meanwhile is
    /// returned but not stored.
    pub async fn test_connection(&self, profile_id: i64, vendor: Vendor) -> Result<Diagnosis> {
        let (settings, secrets) = match self.connection_inputs(profile_id, vendor).await {
            Err(Error::ConnectionMissing(_)) => {
                return Err(Error::not_found(format!("{vendor} connection")));
            }
            other => other?,
        };
        let diagnosis = crate::vendors::test(&settings, &secrets).await;
        let db = self.db();
        let current = connections::get(&db, profile_id, vendor)?;
        if current.is_some_and(|c| c.settings == settings) {
            connections::save_diagnosis(&db, profile_id, &diagnosis)?;
        }
        let codes: Vec<&str> = diagnosis
            .failed_codes()
            .iter()
            .map(|c| c.as_str())
            .collect();
        let outcome = if diagnosis.ok { "ok" } else { "failed" };
        let detail = (!codes.is_empty()).then(|| codes.join(","));
        journal::record(
            &db,
            Some(profile_id),
            Some(vendor.as_str()),
            "connection.test",
            outcome,
            detail.as_deref(),
        )?;
        Ok(diagnosis)
    }

    /// A connection's saved settings as every vendor call reads them: a practice profile's are
    /// first pointed at the emulator the host runs now (its port changes with every start).
    pub(crate) async fn connection_settings(
        &self,
        profile_id: i64,
        vendor: Vendor,
    ) -> Result<Option<ConnectionSettings>> {
        let practice = self.is_practice(profile_id)?;
        if practice {
            self.point_practice_profile().await?;
        }
        let db = self.db();
        Ok(connections::get(&db, profile_id, vendor)?
            .map(|stored| stored.settings.for_profile(practice)))
    }

    /// Whether the profile is the practice tenant's (read without summarising its flows).
    fn is_practice(&self, profile_id: i64) -> Result<bool> {
        Ok(profiles::get(&self.db(), profile_id)?.practice)
    }

    /// The saved settings and keychain secrets of one of the profile's connections.
    pub(crate) async fn connection_inputs(
        &self,
        profile_id: i64,
        vendor: Vendor,
    ) -> Result<(ConnectionSettings, ConnectionSecrets)> {
        let settings = self
            .connection_settings(profile_id, vendor)
            .await?
            .ok_or(Error::ConnectionMissing(vendor))?;
        let mut secrets = ConnectionSecrets::default();
        for field in vendor.secret_fields() {
            let key = SecretKey::new(profile_id, vendor.secret_scope(), field.id);
            if let Some(value) = self.saved_secret(&key)? {
                secrets.insert(field.id, value);
            }
        }
        Ok((settings, secrets))
    }
}

fn connection_view(db: &Connection, profile_id: i64, vendor: Vendor) -> Result<ConnectionView> {
    let stored = connections::get(db, profile_id, vendor)?;
    let mut secrets_set: Vec<String> =
        secret_refs::fields_set(db, profile_id, &vendor.secret_scope())?
            .into_iter()
            .collect();
    secrets_set.sort();
    let (settings, last_diagnosis) = match stored {
        Some(s) => (Some(s.settings), s.last_diagnosis),
        None => (None, None),
    };
    Ok(ConnectionView {
        vendor,
        settings,
        secrets_set,
        last_diagnosis,
    })
}
