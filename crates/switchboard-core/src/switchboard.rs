//! The core's entry point for hosts: every operation the app's commands and the CLI perform.
//!
//! One [`Switchboard`] owns the database connection and the secret store. Each method is one
//! user-level action (create a profile, set a field, mark a step done), saved at once and
//! journalled; hosts only translate arguments and errors.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::catalogue::{self, FieldKind, Flow, Step};
use crate::connection::{ConnectionSettings, ConnectionView, Diagnosis, Vendor};
use crate::error::{Error, ErrorReply, Result};
use crate::flow::{self, FlowState, FlowSummary, FlowView};
use crate::locale::Locale;
use crate::paths::AppPaths;
use crate::secrets::{SecretKey, SecretStore, Sensitive};
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind};
use crate::storage::{self, connections, journal, profiles, progress, secret_refs, settings};
use crate::{validate, vendors};

mod address_book;
mod directory;
mod live;
mod names;
mod planned_statuses;
mod presence;
mod presence_files;
mod zoom_checks;

pub use address_book::{AddressBookDraft, Applied, EntryCheck, RunView, check_entry, preview_csv};
pub use directory::{DirectoryPreview, DirectorySyncDoc, DirectorySyncView, PreviewRow};
pub use names::suggest_developer_name;
pub use planned_statuses::{PlannedKind, PlannedStatus};
pub use presence::PresenceRuleView;
pub use presence_files::SavedFile;

pub use crate::storage::profiles::Profile;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowProgress {
    pub flow_id: String,
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
    pub practice: bool,
    pub progress: Vec<FlowProgress>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KeychainStatus {
    pub available: bool,
    pub error: Option<ErrorReply>,
}

/// Where the user was when they last closed the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resume {
    pub profile_id: i64,
    pub flow_id: Option<String>,
}

const LOCALE_KEY: &str = "locale";
const RESUME_KEY: &str = "resume";

pub struct Switchboard {
    db: Mutex<Connection>,
    secrets: Box<dyn SecretStore>,
}

impl Switchboard {
    /// Opens (or creates) the database under `paths` and migrates it.
    pub fn open(paths: &AppPaths, secrets: Box<dyn SecretStore>) -> Result<Self> {
        Ok(Switchboard {
            db: Mutex::new(storage::open(&paths.database())?),
            secrets,
        })
    }

    pub fn in_memory(secrets: Box<dyn SecretStore>) -> Result<Self> {
        Ok(Switchboard {
            db: Mutex::new(storage::open_in_memory()?),
            secrets,
        })
    }

    fn db(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written (each change is one
        // statement or transaction), so a poisoned lock is still safe to use.
        self.db
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    // --- settings ---

    pub fn saved_locale(&self) -> Result<Option<Locale>> {
        Ok(settings::get(&self.db(), LOCALE_KEY)?
            .as_deref()
            .and_then(Locale::from_tag))
    }

    pub fn set_locale(&self, locale: Locale) -> Result<()> {
        settings::set(&self.db(), LOCALE_KEY, Some(locale.code()))
    }

    pub fn resume(&self) -> Result<Option<Resume>> {
        let db = self.db();
        let Some(saved) = settings::get(&db, RESUME_KEY)? else {
            return Ok(None);
        };
        let resume: Resume =
            serde_json::from_str(&saved).map_err(|e| Error::Corrupt(e.to_string()))?;
        // A profile deleted elsewhere (e.g. by the CLI) is simply forgotten.
        if profiles::get(&db, resume.profile_id).is_err() {
            return Ok(None);
        }
        Ok(Some(resume))
    }

    pub fn set_resume(&self, resume: Option<&Resume>) -> Result<()> {
        let value = resume.map(|r| serde_json::to_string(r).expect("resume serialises"));
        settings::set(&self.db(), RESUME_KEY, value.as_deref())
    }

    pub fn keychain_status(&self) -> KeychainStatus {
        match self.secrets.check() {
            Ok(()) => KeychainStatus {
                available: true,
                error: None,
            },
            Err(error) => KeychainStatus {
                available: false,
                error: Some(ErrorReply::from(&error)),
            },
        }
    }

    // --- profiles ---

    pub fn list_profiles(&self) -> Result<Vec<ProfileSummary>> {
        let db = self.db();
        profiles::list(&db)?
            .into_iter()
            .map(|p| summarize(&db, p))
            .collect()
    }

    pub fn profile(&self, id: i64) -> Result<ProfileSummary> {
        let db = self.db();
        let profile = profiles::get(&db, id)?;
        summarize(&db, profile)
    }

    pub fn profile_by_name(&self, name: &str) -> Result<ProfileSummary> {
        let db = self.db();
        let profile = profiles::find_by_name(&db, name)?
            .ok_or_else(|| Error::not_found(format!("profile {name}")))?;
        summarize(&db, profile)
    }

    pub fn create_profile(&self, name: &str) -> Result<ProfileSummary> {
        let db = self.db();
        let profile = profiles::create(&db, name)?;
        journal::record(
            &db,
            Some(profile.id),
            None,
            "profile.create",
            "ok",
            Some(&profile.name),
        )?;
        summarize(&db, profile)
    }

    pub fn rename_profile(&self, id: i64, name: &str) -> Result<ProfileSummary> {
        let db = self.db();
        let profile = profiles::rename(&db, id, name)?;
        journal::record(
            &db,
            Some(id),
            None,
            "profile.rename",
            "ok",
            Some(&profile.name),
        )?;
        summarize(&db, profile)
    }

    /// Deletes the profile, its progress and every keychain entry it owns. The keychain goes
    /// first: if it cannot be reached, nothing is deleted and no secret is orphaned.
    pub fn delete_profile(&self, id: i64) -> Result<()> {
        let db = self.db();
        let profile = profiles::get(&db, id)?;
        for key in secret_refs::for_profile(&db, id)? {
            self.secrets.delete(&key)?;
        }
        profiles::delete(&db, id)?;
        journal::record(&db, None, None, "profile.delete", "ok", Some(&profile.name))?;
        let resume = settings::get(&db, RESUME_KEY)?;
        let resume: Option<Resume> = resume.and_then(|r| serde_json::from_str(&r).ok());
        if resume.is_some_and(|r| r.profile_id == id) {
            settings::set(&db, RESUME_KEY, None)?;
        }
        Ok(())
    }

    // --- flows ---

    pub fn list_flows(&self, profile_id: i64, locale: Locale) -> Result<Vec<FlowSummary>> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        catalogue::flows()
            .iter()
            .map(|flow| Ok(load(&db, profile_id, flow)?.summary(locale)))
            .collect()
    }

    pub fn flow_view(&self, profile_id: i64, flow_id: &str, locale: Locale) -> Result<FlowView> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        Ok(load(&db, profile_id, find_flow(flow_id)?)?.view(profile_id, locale))
    }

    /// The flow as the user opens it; also remembered as where to resume after a restart.
    pub fn open_flow(&self, profile_id: i64, flow_id: &str, locale: Locale) -> Result<FlowView> {
        let view = self.flow_view(profile_id, flow_id, locale)?;
        self.set_resume(Some(&Resume {
            profile_id,
            flow_id: Some(flow_id.to_owned()),
        }))?;
        Ok(view)
    }

    /// Saves a non-secret value. An invalid value is kept (the rest of the draft is never lost)
    /// and the step turns Needs attention; the view's field error says why.
    pub fn set_field(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        field_id: &str,
        value: &str,
        locale: Locale,
    ) -> Result<FlowView> {
        let mut db = self.db();
        let flow = find_flow(flow_id)?;
        let (step, field) = find_field(flow, step_id, field_id)?;
        if field.kind == FieldKind::Secret {
            return Err(Error::not_found(format!("non-secret field {field_id}")));
        }
        let tx = db.transaction()?;
        profiles::get(&tx, profile_id)?;
        let mut state = load(&tx, profile_id, flow)?;
        let record = state.records.entry(step.id.clone()).or_default();
        let value = validate::normalize(field.rule, value);
        if value.is_empty() {
            record.fields.remove(field_id);
        } else {
            record.fields.insert(field_id.to_owned(), value);
        }
        let before = record.status;
        let after = flow::status_after_edit(&state, step, before);
        save_status(&tx, profile_id, &mut state, step, after)?;
        profiles::touch(&tx, profile_id)?;
        tx.commit()?;
        Ok(state.view(profile_id, locale))
    }

    /// Saves a secret to the keychain; the database only learns that it is set. An invalid
    /// secret is refused whole: nothing half-valid is stored.
    pub fn set_secret(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        field_id: &str,
        value: &Sensitive,
        locale: Locale,
    ) -> Result<FlowView> {
        self.change_secret(profile_id, flow_id, step_id, field_id, Some(value), locale)
    }

    pub fn clear_secret(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        field_id: &str,
        locale: Locale,
    ) -> Result<FlowView> {
        self.change_secret(profile_id, flow_id, step_id, field_id, None, locale)
    }

    /// Sets (`Some`) or clears (`None`) a secret field: keychain first, then the record that it
    /// is set, the journal, and the step's status.
    fn change_secret(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        field_id: &str,
        value: Option<&Sensitive>,
        locale: Locale,
    ) -> Result<FlowView> {
        let db = self.db();
        let flow = find_flow(flow_id)?;
        let (step, field) = find_field(flow, step_id, field_id)?;
        if field.kind != FieldKind::Secret {
            return Err(Error::not_found(format!("secret field {field_id}")));
        }
        profiles::get(&db, profile_id)?;
        let key = SecretKey::new(profile_id, flow::secret_scope(flow_id), field_id);
        let action = self.store_secret(&db, &key, field.rule, value)?;
        journal::record(
            &db,
            Some(profile_id),
            None,
            action,
            "ok",
            Some(&key.account()),
        )?;
        let mut state = load(&db, profile_id, flow)?;
        let after = flow::status_after_edit(&state, step, state.status(step_id));
        save_status(&db, profile_id, &mut state, step, after)?;
        Ok(state.view(profile_id, locale))
    }

    /// Saves (`Some`, after checking it against `rule`) or clears (`None`) one keychain entry
    /// and records only that it is set; returns the journal action.
    fn store_secret(
        &self,
        db: &Connection,
        key: &SecretKey,
        rule: validate::Rule,
        value: Option<&Sensitive>,
    ) -> Result<&'static str> {
        match value {
            Some(value) => {
                if let Some(error) = validate::check(rule, value.expose(), true, &[]) {
                    return Err(Error::invalid(key.field.clone(), error));
                }
                self.secrets.set(key, value)?;
                secret_refs::mark_set(db, key)?;
                Ok("secret.set")
            }
            None => {
                self.secrets.delete(key)?;
                secret_refs::mark_cleared(db, key)?;
                Ok("secret.clear")
            }
        }
    }

    /// Changes a step's status; Done is refused while the step is pending or a required value
    /// is missing or invalid (the error names the field to fix).
    pub fn set_step_status(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        status: StepStatus,
        locale: Locale,
    ) -> Result<FlowView> {
        let db = self.db();
        let flow = find_flow(flow_id)?;
        let step = flow
            .step(step_id)
            .ok_or_else(|| Error::not_found(format!("step {step_id}")))?;
        profiles::get(&db, profile_id)?;
        let mut state = load(&db, profile_id, flow)?;
        flow::check_status_change(&state, step, status)?;
        save_status(&db, profile_id, &mut state, step, status)?;
        journal::record(
            &db,
            Some(profile_id),
            None,
            "step.status",
            status.as_str(),
            Some(&format!("{flow_id}/{step_id}")),
        )?;
        Ok(state.view(profile_id, locale))
    }

    /// The value of a copy field built from saved secrets (e.g. password + security token), for
    /// the host to put on the clipboard. Only on an explicit click; never returned to the UI.
    pub fn secret_copy(&self, profile_id: i64, flow_id: &str, copy_id: &str) -> Result<Sensitive> {
        let db = self.db();
        let flow = find_flow(flow_id)?;
        profiles::get(&db, profile_id)?;
        let state = load(&db, profile_id, flow)?;
        let value = state.resolve_secret_copy(copy_id, |field| {
            let own = SecretKey::new(profile_id, flow::secret_scope(flow_id), field);
            match self.secrets.get(&own)? {
                Some(value) => Ok(Some(value)),
                // Not typed in the flow: the connection's own entry (same value, one place).
                None => match state.borrowed_secrets.get(field) {
                    Some(key) => self.secrets.get(key),
                    None => Ok(None),
                },
            }
        })?;
        journal::record(
            &db,
            Some(profile_id),
            None,
            "secret.copy",
            "ok",
            Some(&format!("{flow_id}/{copy_id}")),
        )?;
        Ok(value)
    }

    pub fn journal(&self, limit: u32) -> Result<Vec<journal::Entry>> {
        journal::recent(&self.db(), limit)
    }

    /// The secret itself, for the few places that must send it to a vendor. Never for the UI.
    pub fn secret(
        &self,
        profile_id: i64,
        flow_id: &str,
        field_id: &str,
    ) -> Result<Option<Sensitive>> {
        self.secrets.get(&SecretKey::new(
            profile_id,
            flow::secret_scope(flow_id),
            field_id,
        ))
    }
}

// --- vendor connections: settings in SQLite, secrets in the keychain, Test over HTTP ---
impl Switchboard {
    pub fn connection(&self, profile_id: i64, vendor: Vendor) -> Result<ConnectionView> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        connection_view(&db, profile_id, vendor)
    }

    /// Saves a connection's non-secret settings; an invalid field is refused and named.
    pub fn save_connection(
        &self,
        profile_id: i64,
        settings: ConnectionSettings,
    ) -> Result<ConnectionView> {
        let settings = settings.normalized();
        settings.validate()?;
        let vendor = settings.vendor();
        let db = self.db();
        profiles::get(&db, profile_id)?;
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
        let db = self.db();
        profiles::get(&db, profile_id)?;
        let key = SecretKey::new(profile_id, vendor.secret_scope(), field);
        let action = self.store_secret(&db, &key, validate::Rule::Secret, value)?;
        journal::record(
            &db,
            Some(profile_id),
            Some(vendor.as_str()),
            action,
            "ok",
            Some(&key.account()),
        )?;
        connection_view(&db, profile_id, vendor)
    }

    /// Tests the saved connection against the vendor and stores the diagnosis. The database
    /// lock is never held across the vendor calls; a result for settings changed meanwhile is
    /// returned but not stored.
    pub async fn test_connection(&self, profile_id: i64, vendor: Vendor) -> Result<Diagnosis> {
        let (settings, secrets) = match self.connection_inputs(profile_id, vendor) {
            Err(Error::ConnectionMissing(_)) => {
                return Err(Error::not_found(format!("{vendor} connection")));
            }
            other => other?,
        };
        let diagnosis = vendors::test(&settings, &secrets).await;
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

fn find_flow(flow_id: &str) -> Result<&'static Flow> {
    catalogue::flow(flow_id).ok_or_else(|| Error::not_found(format!("flow {flow_id}")))
}

fn find_field<'f>(
    flow: &'f Flow,
    step_id: &str,
    field_id: &str,
) -> Result<(&'f Step, &'f catalogue::Field)> {
    let step = flow
        .step(step_id)
        .ok_or_else(|| Error::not_found(format!("step {step_id}")))?;
    let field = step
        .fields
        .iter()
        .find(|f| f.id == field_id)
        .ok_or_else(|| Error::not_found(format!("field {field_id}")))?;
    Ok((step, field))
}

fn load(db: &Connection, profile_id: i64, flow: &'static Flow) -> Result<FlowState> {
    Ok(FlowState {
        flow,
        records: progress::load_flow(db, profile_id, &flow.id)?,
        secrets_set: secret_refs::fields_set(db, profile_id, &flow::secret_scope(&flow.id))?,
        checks: step_documents::all(db, profile_id, &flow.id, DocKind::Check)?,
        practice: profiles::get(db, profile_id)?.practice,
        from_connections: connection_values(db, profile_id, flow)?,
        borrowed_secrets: HashMap::new(),
    }
    .with_borrowed_secrets(connection_secrets(db, profile_id, flow)?))
}

/// The flow's secret fields whose connection holds the secret in the keychain
/// (`from_connection` = `<vendor>.<secret field>`): field id → that keychain entry.
fn connection_secrets(
    db: &Connection,
    profile_id: i64,
    flow: &Flow,
) -> Result<HashMap<String, SecretKey>> {
    let mut out = HashMap::new();
    for (_, field) in flow.fields() {
        if field.kind != FieldKind::Secret {
            continue;
        }
        let Some((vendor, name)) = field.connection_source() else {
            continue;
        };
        if secret_refs::fields_set(db, profile_id, &vendor.secret_scope())?.contains(name) {
            let key = SecretKey::new(profile_id, vendor.secret_scope(), name);
            out.insert(field.id.clone(), key);
        }
    }
    Ok(out)
}

/// The flow's fields that a connection of the profile already holds (`from_connection`).
fn connection_values(
    db: &Connection,
    profile_id: i64,
    flow: &Flow,
) -> Result<HashMap<String, String>> {
    let mut out = HashMap::new();
    for (_, field) in flow.fields() {
        let Some((vendor, key)) = field.connection_source() else {
            continue;
        };
        let Some(stored) = connections::get(db, profile_id, vendor)? else {
            continue;
        };
        let settings = serde_json::to_value(&stored.settings).unwrap_or_default();
        let Some(value) = settings.get(key).and_then(|v| v.as_str()) else {
            continue;
        };
        // Settings spell choices snake_case, the catalogue kebab-case; a setting with no
        // matching option (a My Domain org for CXone's platform list) is left for the admin.
        let value = match field.kind {
            FieldKind::Choice => value.replace('_', "-"),
            _ => value.to_owned(),
        };
        let offered =
            field.kind != FieldKind::Choice || field.option_values().contains(&value.as_str());
        if offered && !value.trim().is_empty() {
            out.insert(field.id.clone(), value);
        }
    }
    Ok(out)
}

fn save_status(
    db: &Connection,
    profile_id: i64,
    state: &mut FlowState,
    step: &Step,
    status: StepStatus,
) -> Result<()> {
    let record = state.records.entry(step.id.clone()).or_default();
    record.status = status;
    progress::save_step(db, profile_id, &state.flow.id, &step.id, record)?;
    // Reload so the view carries the stored timestamps.
    state.records = progress::load_flow(db, profile_id, &state.flow.id)?;
    Ok(())
}

fn summarize(db: &Connection, profile: Profile) -> Result<ProfileSummary> {
    let progress = catalogue::flows()
        .iter()
        .map(|flow| {
            let summary = load(db, profile.id, flow)?.summary(Locale::En);
            Ok(FlowProgress {
                flow_id: flow.id.clone(),
                done: summary.done,
                total: summary.total,
            })
        })
        .collect::<Result<_>>()?;
    Ok(ProfileSummary {
        id: profile.id,
        name: profile.name,
        created_at: profile.created_at,
        updated_at: profile.updated_at,
        practice: profile.practice,
        progress,
    })
}

// --- the practice tenant ---
impl Switchboard {
    /// Creates the practice profile once, then reopens it, (re)pointing its four connections at
    /// the running emulator described by `tenant` (its port changes on every app start).
    pub fn open_practice_profile(
        &self,
        tenant: &crate::practice::PracticeTenant,
    ) -> Result<ProfileSummary> {
        let profile = {
            let db = self.db();
            match profiles::practice(&db)? {
                Some(profile) => profile,
                None => {
                    let profile =
                        profiles::create_practice(&db, crate::practice::PRACTICE_PROFILE_NAME)?;
                    journal::record(&db, Some(profile.id), None, "practice.create", "ok", None)?;
                    profile
                }
            }
        };
        // Only a new emulator (a new port, after a restart) changes anything: reopening the same
        // one must not rewrite the keychain or clear the last test results.
        let mut changed = false;
        for settings in &tenant.settings {
            let current = self.connection(profile.id, settings.vendor())?.settings;
            if current.as_ref() != Some(settings) {
                self.save_connection(profile.id, settings.clone())?;
                changed = true;
            }
        }
        if changed {
            for (vendor, field, value) in &tenant.secrets {
                self.set_connection_secret(profile.id, *vendor, field, Some(value))?;
            }
        }
        self.profile(profile.id)
    }

    /// The practice profile, if one was made (its emulator must be running to test it).
    pub fn practice_profile(&self) -> Result<Option<ProfileSummary>> {
        let db = self.db();
        profiles::practice(&db)?
            .map(|p| summarize(&db, p))
            .transpose()
    }
}
