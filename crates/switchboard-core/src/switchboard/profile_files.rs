//! Profiles that travel without their secrets: export a profile as a profile file (format in
//! `profile_file.rs`), read one before importing it, import it as a new profile (a copy beside
//! one of the same name, or replacing it when the admin confirmed), or import only its reusable
//! parts (presence rule, directory translation rules, Genesys data-actions plan) into another
//! profile. After an import the admin is told which secrets to enter again, by name.
//!
//! A practice profile may be exported (its rules and plans are worth carrying), but an import
//! always makes a normal profile and leaves the practice connections out: they point at this
//! computer's emulator and its made-up accounts, which mean nothing to a real customer.

use std::path::Path;
use std::time::SystemTime;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::presence_files::SavedFile;
use super::profiles::{ProfileSummary, summarize};
use super::{Switchboard, data_actions, directory, presence};
use crate::catalogue::{self, FieldKind};
use crate::error::{Error, Result};
use crate::profile_file::{self, DocumentEntry, ProfileFile, ProfileHead, SecretName, StepEntry};
use crate::storage::progress::StepRecord;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::storage::{connections, journal, profiles, progress, secret_refs};
use crate::time::format_utc;
use crate::vendor::Vendor;

/// What the admin chose for an import: the new profile's name (else the file's), and whether a
/// profile of that name is replaced (only after the window asked and the admin confirmed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportChoice {
    #[serde(default)]
    pub as_name: Option<String>,
    #[serde(default)]
    pub replace: bool,
}

/// Where a secret to enter again goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SecretPlace {
    /// A connection's secret (`vendor`, `field`): entered on the Connections page.
    Connection,
    /// A flow step's secret field (`flowId`, `stepId`, `field`).
    Flow,
    /// A planned Genesys integration's credential (`flowId`, `integration`, `field`).
    DataAction,
}

/// One secret the imported profile needs, by name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecretToEnter {
    pub place: SecretPlace,
    pub vendor: Option<Vendor>,
    pub flow_id: Option<String>,
    pub step_id: Option<String>,
    pub integration: Option<String>,
    pub field: String,
}

/// A profile file read before importing it, for the window to ask how.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileFilePreview {
    pub name: String,
    pub practice: bool,
    pub exported_at: String,
    /// The profile of the same name already here, if any: import as `copyName` or replace it.
    pub existing: Option<i64>,
    pub copy_name: String,
    pub connections: Vec<Vendor>,
    pub secrets: Vec<SecretToEnter>,
    pub reusable: ReusableParts,
    pub unknown_keys: Vec<String>,
}

/// How many of each reusable part a file holds (or an import copied).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReusableParts {
    pub presence_rules: u32,
    pub directory_rules: u32,
    pub data_action_plans: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileImported {
    pub profile: ProfileSummary,
    /// The name of the profile replaced, when the admin chose to replace one.
    pub replaced: Option<String>,
    pub secrets: Vec<SecretToEnter>,
    /// Connections not imported: a practice file's (they point at this computer's emulator).
    pub skipped_connections: Vec<Vendor>,
    /// Steps and documents of flows or steps this build does not have, by file path.
    pub skipped: Vec<String>,
    pub unknown_keys: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartsImported {
    pub parts: ReusableParts,
    /// The data-action credentials of the imported plans, to enter in this profile.
    pub secrets: Vec<SecretToEnter>,
    pub unknown_keys: Vec<String>,
}

impl Switchboard {
    /// The profile as a profile file's text. Never a secret: connections keep their settings,
    /// steps their non-secret values, and the keychain entries are listed by name.
    pub fn profile_file_text(&self, profile_id: i64) -> Result<String> {
        let file = profile_file(&self.db(), profile_id, SystemTime::now())?;
        Ok(file.to_json())
    }

    /// Writes the profile file into `folder` as `profile-<name>-<date>.json` (never replacing a file).
    pub fn export_profile(&self, profile_id: i64, folder: &Path) -> Result<SavedFile> {
        let now = SystemTime::now();
        let (file, stem) = {
            let db = self.db();
            let file = profile_file(&db, profile_id, now)?;
            let stem = file_stem(&file.profile.name, now);
            (file, stem)
        };
        let path = super::files::write_new(folder, &stem, "json", &file.to_json())?;
        self.remember_written(&path);
        self.journal_profile_export(profile_id, &path)?;
        Ok(SavedFile {
            path: path.display().to_string(),
        })
    }

    /// Journals an export written by a host to a path it chose (the CLI's `-o`).
    pub fn journal_profile_export(&self, profile_id: i64, path: &Path) -> Result<()> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        journal::record(
            &self.db(),
            Some(profile_id),
            None,
            "profile.export",
            "ok",
            name.as_deref(),
        )
    }

    /// Reads a profile file without importing it: what it holds, and whether its name is taken.
    pub fn preview_profile_file(&self, text: &str) -> Result<ProfileFilePreview> {
        let read = profile_file::read(text)?;
        let file = read.file;
        let db = self.db();
        let existing = profiles::find_by_name(&db, &file.profile.name)?.map(|p| p.id);
        Ok(ProfileFilePreview {
            copy_name: free_name(&db, &file.profile.name)?,
            existing,
            name: file.profile.name.clone(),
            practice: file.profile.practice,
            exported_at: file.exported_at.clone(),
            connections: file.connections.iter().map(|c| c.vendor()).collect(),
            secrets: needed_secrets(&file),
            reusable: reusable_parts(&file.documents),
            unknown_keys: read.unknown_keys,
        })
    }

    /// Imports a profile file as a new profile. The name is the admin's `as_name`, else the
    /// file's; a name already taken is imported as a copy (`Acme (2)`) unless the admin chose it
    /// (`as_name`: refused as a conflict) or confirmed `replace` (the existing profile and its
    /// keychain entries are deleted in the same transaction as the import).
    pub fn import_profile(&self, text: &str, choice: &ImportChoice) -> Result<ProfileImported> {
        let read = profile_file::read(text)?;
        let file = read.file;
        let prepared = prepare(&file)?;
        let wanted = choice
            .as_name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or(&file.profile.name)
            .to_owned();
        let existing = profiles::find_by_name(&self.db(), &wanted)?;
        let mut created = None;
        let replaced = match existing {
            Some(old) if choice.replace => {
                self.remove_profile_entries(old.id, |db| {
                    profiles::delete(db, old.id)?;
                    created = Some(insert(db, &wanted, &prepared)?);
                    Ok(())
                })?;
                Some(old.name)
            }
            Some(_) if choice.as_name.is_some() => {
                return Err(Error::Conflict(format!(
                    "a profile named {wanted} already exists"
                )));
            }
            existing => {
                let mut db = self.db();
                let tx = db.transaction()?;
                let name = match existing {
                    Some(_) => free_name(&tx, &wanted)?,
                    None => wanted.clone(),
                };
                created = Some(insert(&tx, &name, &prepared)?);
                tx.commit()?;
                None
            }
        };
        let profile_id = created.ok_or_else(|| Error::Corrupt("import made no profile".into()))?;
        let db = self.db();
        journal::record(
            &db,
            Some(profile_id),
            None,
            "profile.import",
            "ok",
            Some(&file.profile.name),
        )?;
        Ok(ProfileImported {
            profile: summarize(&db, profiles::get(&db, profile_id)?)?,
            replaced,
            secrets: needed_secrets(&file),
            skipped_connections: prepared.skipped_connections,
            skipped: prepared.skipped,
            unknown_keys: read.unknown_keys,
        })
    }

    /// Copies the file's reusable parts (presence rules, directory translation rules, Genesys
    /// data-actions plans) into the profile, over its own of the same step. Nothing else.
    pub fn import_profile_parts(&self, profile_id: i64, text: &str) -> Result<PartsImported> {
        let read = profile_file::read(text)?;
        let file = read.file;
        let mut db = self.db();
        profiles::get(&db, profile_id)?;
        let tx = db.transaction()?;
        let mut parts = ReusableParts::default();
        for doc in &file.documents {
            let Some(count) = reusable_count(&mut parts, doc) else {
                continue;
            };
            if catalogue::flow(&doc.flow_id)
                .and_then(|f| f.step(&doc.step_id))
                .is_none()
            {
                continue;
            }
            let at = DocRef {
                profile_id,
                flow_id: &doc.flow_id,
                step_id: &doc.step_id,
                kind: DocKind::Editor,
            };
            step_documents::save(&tx, at, &doc.body)?;
            *count += 1;
        }
        journal::record(
            &tx,
            Some(profile_id),
            None,
            "profile.import_parts",
            "ok",
            Some(&file.profile.name),
        )?;
        tx.commit()?;
        let plans_imported = parts.data_action_plans > 0;
        Ok(PartsImported {
            parts,
            secrets: secrets_to_enter(&file.secrets)
                .into_iter()
                .filter(|s| plans_imported && s.place == SecretPlace::DataAction)
                .collect(),
            unknown_keys: read.unknown_keys,
        })
    }
}

/// Builds the profile file from the database.
fn profile_file(db: &Connection, profile_id: i64, now: SystemTime) -> Result<ProfileFile> {
    let profile = profiles::get(db, profile_id)?;
    let connections = connections::list(db, profile_id)?
        .into_iter()
        .map(|c| c.settings)
        .collect();
    let steps = progress::for_profile(db, profile_id)?
        .into_iter()
        .map(|(flow_id, step_id, record)| StepEntry {
            fields: without_secret_fields(&flow_id, record.fields),
            flow_id,
            step_id,
            status: record.status,
        })
        .collect();
    let documents = step_documents::for_profile(db, profile_id)?
        .into_iter()
        .map(|d| {
            let body = serde_json::from_str(&d.body)
                .map_err(|e| Error::Corrupt(format!("document {}: {e}", d.step_id)))?;
            Ok(DocumentEntry {
                flow_id: d.flow_id,
                step_id: d.step_id,
                kind: d.kind,
                body,
            })
        })
        .collect::<Result<_>>()?;
    let mut secrets: Vec<SecretName> = secret_refs::for_profile(db, profile_id)?
        .into_iter()
        .map(|k| SecretName {
            scope: k.scope,
            field: k.field,
        })
        .collect();
    secrets.sort();
    Ok(ProfileFile {
        format: profile_file::FORMAT.into(),
        version: profile_file::VERSION,
        exported_at: format_utc(now),
        profile: ProfileHead {
            name: profile.name,
            practice: profile.practice,
        },
        connections,
        steps,
        documents,
        secrets,
    })
}

/// A step's values less any the catalogue marks secret. Secret fields are kept in the keychain
/// and never in `step_progress`; this is the second lock on that door.
fn without_secret_fields(
    flow_id: &str,
    mut fields: std::collections::BTreeMap<String, String>,
) -> std::collections::BTreeMap<String, String> {
    if let Some(flow) = catalogue::flow(flow_id) {
        for (_, field) in flow.fields() {
            if field.kind == FieldKind::Secret {
                fields.remove(&field.id);
            }
        }
    }
    fields
}

/// The file's content checked and sorted before anything is written.
struct Prepared {
    connections: Vec<crate::connection::ConnectionSettings>,
    skipped_connections: Vec<Vendor>,
    steps: Vec<StepEntry>,
    documents: Vec<(DocumentEntry, DocKind)>,
    skipped: Vec<String>,
}

fn prepare(file: &ProfileFile) -> Result<Prepared> {
    let mut prepared = Prepared {
        connections: Vec::new(),
        skipped_connections: Vec::new(),
        steps: Vec::new(),
        documents: Vec::new(),
        skipped: Vec::new(),
    };
    for (i, settings) in file.connections.iter().enumerate() {
        if file.profile.practice {
            prepared.skipped_connections.push(settings.vendor());
            continue;
        }
        let settings = settings.clone().normalized().for_profile(false);
        if let Err(Error::Validation { field, detail }) = settings.validate() {
            return Err(Error::Validation {
                field: format!("connections.{i}.{field}"),
                detail,
            });
        }
        prepared.connections.push(settings);
    }
    for (i, step) in file.steps.iter().enumerate() {
        let known = catalogue::flow(&step.flow_id).is_some_and(|f| f.step(&step.step_id).is_some());
        if !known {
            prepared.skipped.push(format!("steps.{i}"));
            continue;
        }
        let mut step = step.clone();
        step.fields = without_secret_fields(&step.flow_id, step.fields);
        prepared.steps.push(step);
    }
    for (i, doc) in file.documents.iter().enumerate() {
        let known = catalogue::flow(&doc.flow_id).is_some_and(|f| f.step(&doc.step_id).is_some());
        match DocKind::parse(&doc.kind) {
            Some(kind) if known => prepared.documents.push((doc.clone(), kind)),
            _ => prepared.skipped.push(format!("documents.{i}")),
        }
    }
    if let Some((path, error)) =
        crate::validate::first_too_long(&file.steps, crate::validate::MAX_DOCUMENT_TEXT)
    {
        return Err(Error::invalid(format!("steps.{path}"), error));
    }
    Ok(prepared)
}

/// Writes the prepared profile under `name`; returns its id.
fn insert(db: &Connection, name: &str, prepared: &Prepared) -> Result<i64> {
    let profile = profiles::create(db, name)?;
    for settings in &prepared.connections {
        connections::save(db, profile.id, settings)?;
    }
    for step in &prepared.steps {
        let record = StepRecord {
            status: step.status,
            fields: step.fields.clone(),
            updated_at: None,
        };
        progress::save_step(db, profile.id, &step.flow_id, &step.step_id, &record)?;
    }
    for (doc, kind) in &prepared.documents {
        let at = DocRef {
            profile_id: profile.id,
            flow_id: &doc.flow_id,
            step_id: &doc.step_id,
            kind: *kind,
        };
        step_documents::save(db, at, &doc.body)?;
    }
    Ok(profile.id)
}

/// The first free name among `name`, `name (2)`, `name (3)` …
fn free_name(db: &Connection, name: &str) -> Result<String> {
    let name = name.trim();
    let mut candidate = name.to_owned();
    let mut n = 1;
    while profiles::find_by_name(db, &candidate)?.is_some() {
        n += 1;
        candidate = format!("{name} ({n})");
    }
    Ok(candidate)
}

/// The secrets the imported profile needs: a practice file's connection secrets are left out
/// with its connections.
fn needed_secrets(file: &ProfileFile) -> Vec<SecretToEnter> {
    secrets_to_enter(&file.secrets)
        .into_iter()
        .filter(|s| !(file.profile.practice && s.place == SecretPlace::Connection))
        .collect()
}

/// The secrets the file names, as the places the admin enters them again.
pub(crate) fn secrets_to_enter(names: &[SecretName]) -> Vec<SecretToEnter> {
    let data_actions_flow = catalogue::flows()
        .iter()
        .find(|f| f.step(data_actions::STEP).is_some())
        .map(|f| f.id.clone());
    names
        .iter()
        .filter_map(|name| {
            let blank = |place| SecretToEnter {
                place,
                vendor: None,
                flow_id: None,
                step_id: None,
                integration: None,
                field: name.field.clone(),
            };
            if let Some(vendor) = name.scope.strip_prefix("connection:") {
                let vendor = Vendor::parse(vendor)?;
                vendor.secret_fields().iter().find(|f| f.id == name.field)?;
                Some(SecretToEnter {
                    vendor: Some(vendor),
                    ..blank(SecretPlace::Connection)
                })
            } else if let Some(flow_id) = name.scope.strip_prefix("flow:") {
                let (step, _) = catalogue::flow(flow_id)?.field(&name.field)?;
                Some(SecretToEnter {
                    flow_id: Some(flow_id.to_owned()),
                    step_id: Some(step.id.clone()),
                    ..blank(SecretPlace::Flow)
                })
            } else if name.scope == data_actions::SECRET_SCOPE {
                let (integration, field) = name.field.rsplit_once('/')?;
                Some(SecretToEnter {
                    flow_id: data_actions_flow.clone(),
                    integration: Some(integration.to_owned()),
                    field: field.to_owned(),
                    ..blank(SecretPlace::DataAction)
                })
            } else {
                None
            }
        })
        .collect()
}

fn reusable_parts(documents: &[DocumentEntry]) -> ReusableParts {
    let mut parts = ReusableParts::default();
    for doc in documents {
        if let Some(count) = reusable_count(&mut parts, doc) {
            *count += 1;
        }
    }
    parts
}

/// The counter of the reusable part `doc` is, if it is one: a step's editor document of the
/// presence rule, the directory sync rules or the data-actions plan.
fn reusable_count<'p>(parts: &'p mut ReusableParts, doc: &DocumentEntry) -> Option<&'p mut u32> {
    if doc.kind != "editor" {
        return None;
    }
    match doc.step_id.as_str() {
        presence::STEP => Some(&mut parts.presence_rules),
        directory::STEP => Some(&mut parts.directory_rules),
        data_actions::STEP => Some(&mut parts.data_action_plans),
        _ => None,
    }
}

/// `profile-<name>-<date>`, or `profile-<date>` when the name gives no slug.
fn file_stem(name: &str, now: SystemTime) -> String {
    let date = format_utc(now);
    let date = date.get(..10).unwrap_or(&date);
    match super::names::file_slug(name, 40) {
        slug if slug.is_empty() => format!("profile-{date}"),
        slug => format!("profile-{slug}-{date}"),
    }
}
