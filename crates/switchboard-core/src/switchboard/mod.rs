//! The core's entry point for hosts: every operation the app's commands and the CLI perform.
//!
//! One [`Switchboard`] owns the database connection, the secret store and (for the practice
//! tenant) the host's [`PracticeResolver`]. Each method is one user-level action (create a
//! profile, set a field, mark a step done), saved at once and journalled; hosts only translate
//! arguments and errors. The methods are filed by what they serve, one file each below.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

use crate::catalogue::{self, FieldKind, Flow, Step};
use crate::error::{Error, Result};
use crate::flow::{self, FlowState};
use crate::paths::AppPaths;
use crate::practice::PracticeResolver;
use crate::secrets::{SecretKey, SecretStore};
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind};
use crate::storage::{self, progress, secret_refs};

pub mod address_book;
pub mod backups;
pub mod checks;
pub mod connections;
pub mod cxone_lists;
pub mod data_actions;
pub mod directory;
pub mod files;
pub mod journal;
pub mod keychain;
pub mod names;
pub mod plan_secrets;
pub mod planned_statuses;
pub mod practice;
pub mod presence;
pub mod presence_files;
pub mod profile_files;
pub mod profiles;
pub mod review;
pub mod settings;
pub mod steps;
pub mod zcc;
pub mod zcc_editors;
pub mod zcc_steps;
pub mod zoom_checks;

pub use crate::storage::profiles::Profile;

pub struct Switchboard {
    db: Mutex<Connection>,
    secrets: Box<dyn SecretStore>,
    /// Where the practice tenant's emulator runs; `None` in hosts that have none.
    practice: Option<Box<dyn PracticeResolver>>,
    /// Files written during this run: the only ones a host may reveal.
    written: Mutex<HashSet<PathBuf>>,
    /// The database file, for its backups; `None` in memory.
    database: Option<PathBuf>,
}

impl Switchboard {
    /// Opens (or creates) the database under `paths` and migrates it.
    pub fn open(paths: &AppPaths, secrets: Box<dyn SecretStore>) -> Result<Self> {
        Ok(Switchboard {
            db: Mutex::new(storage::open(&paths.database())?),
            secrets,
            practice: None,
            written: Mutex::default(),
            database: Some(paths.database()),
        })
    }

    pub fn in_memory(secrets: Box<dyn SecretStore>) -> Result<Self> {
        Ok(Switchboard {
            db: Mutex::new(storage::open_in_memory()?),
            secrets,
            practice: None,
            written: Mutex::default(),
            database: None,
        })
    }

    fn db(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written (each change is one
        // statement or transaction), so a poisoned lock is still safe to use.
        self.db
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Hands the core the host's way to the practice tenant's emulator: a practice profile's
    /// connections are pointed at it whenever they are read for a vendor call.
    pub fn with_practice(mut self, resolver: Box<dyn PracticeResolver>) -> Self {
        self.practice = Some(resolver);
        self
    }
}

pub(crate) fn find_flow(flow_id: &str) -> Result<&'static Flow> {
    catalogue::flow(flow_id).ok_or_else(|| Error::not_found(format!("flow {flow_id}")))
}

pub(crate) fn find_step<'f>(flow: &'f Flow, step_id: &str) -> Result<&'f Step> {
    flow.step(step_id)
        .ok_or_else(|| Error::not_found(format!("step {step_id}")))
}

pub(crate) fn find_field<'f>(
    flow: &'f Flow,
    step_id: &str,
    field_id: &str,
) -> Result<(&'f Step, &'f catalogue::Field)> {
    let step = find_step(flow, step_id)?;
    let field = step
        .fields
        .iter()
        .find(|f| f.id == field_id)
        .ok_or_else(|| Error::not_found(format!("field {field_id}")))?;
    Ok((step, field))
}

pub(crate) fn load(db: &Connection, profile_id: i64, flow: &'static Flow) -> Result<FlowState> {
    Ok(FlowState {
        flow,
        records: progress::load_flow(db, profile_id, &flow.id)?,
        secrets_set: secret_refs::fields_set(db, profile_id, &flow::secret_scope(&flow.id))?,
        checks: step_documents::all(db, profile_id, &flow.id, DocKind::Check)?,
        practice: storage::profiles::get(db, profile_id)?.practice,
        from_connections: connection_values(db, profile_id, flow)?,
        borrowed_secrets: HashMap::new(),
        derived: data_actions::derived_values(db, profile_id, flow)?,
        not_needed: storage::flow_marks::not_needed(db, profile_id, &flow.id)?,
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
        let Some(stored) = storage::connections::get(db, profile_id, vendor)? else {
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

pub(crate) fn save_status(
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
