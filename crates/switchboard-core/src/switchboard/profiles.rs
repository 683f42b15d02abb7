//! Customer profiles: create, rename, delete (with their keychain entries), and each one's
//! progress per flow.

use serde::Serialize;

use super::settings::{RESUME_KEY, Resume};
use rusqlite::Connection;

use super::{Switchboard, load};
use crate::catalogue;
use crate::error::{Error, Result};
use crate::locale::Locale;
use crate::storage::profiles::Profile;
use crate::storage::{journal, profiles, settings};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlowProgress {
    pub flow_id: String,
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
    pub practice: bool,
    pub progress: Vec<FlowProgress>,
}

/// A deleted profile: the keychain entries that could not be removed yet, by name.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileDeleted {
    pub left_in_keychain: Vec<String>,
}

impl Switchboard {
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

    /// Deletes the profile, its progress and every keychain entry it owns. Returns the entries
    /// the keychain would not remove now (named for the admin; the sweep at start retries them).
    pub fn delete_profile(&self, id: i64) -> Result<ProfileDeleted> {
        let profile = profiles::get(&self.db(), id)?;
        let left_in_keychain = self.remove_profile_entries(id, |db| profiles::delete(db, id))?;
        let db = self.db();
        journal::record(&db, None, None, "profile.delete", "ok", Some(&profile.name))?;
        let resume = settings::get(&db, RESUME_KEY)?;
        let resume: Option<Resume> = resume.and_then(|r| serde_json::from_str(&r).ok());
        if resume.is_some_and(|r| r.profile_id == id) {
            settings::set(&db, RESUME_KEY, None)?;
        }
        Ok(ProfileDeleted { left_in_keychain })
    }
}

/// The profile with its progress per flow (Done steps of the steps that apply).
pub(super) fn summarize(db: &Connection, profile: Profile) -> Result<ProfileSummary> {
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
