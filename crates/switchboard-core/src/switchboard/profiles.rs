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
    /// Marked as not needed for this customer: left out of the profile's progress.
    pub not_needed: bool,
}

/// Where a profile's work goes on: the step "Continue" opens, with its titles.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NextAction {
    pub profile_id: i64,
    pub flow_id: String,
    pub flow_title: String,
    pub step_id: String,
    pub step_title: String,
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

    /// For each profile with work left, the step to go on with: in the first flow already
    /// started (catalogue order), else the first flow not started; flows marked not needed and
    /// finished flows are passed over.
    pub fn next_actions(&self, locale: Locale) -> Result<Vec<NextAction>> {
        let db = self.db();
        let mut out = Vec::new();
        for profile in profiles::list(&db)? {
            let states = catalogue::flows()
                .iter()
                .map(|flow| load(&db, profile.id, flow))
                .collect::<Result<Vec<_>>>()?;
            let open = || {
                states
                    .iter()
                    .filter(|s| !s.not_needed)
                    .filter_map(|s| Some((s, s.next_step()?)))
            };
            let started = open().find(|(s, _)| {
                s.records
                    .values()
                    .any(|r| r.status != crate::storage::progress::StepStatus::NotStarted)
            });
            if let Some((state, step)) = started.or_else(|| open().next()) {
                out.push(NextAction {
                    profile_id: profile.id,
                    flow_id: state.flow.id.clone(),
                    flow_title: state.flow.title.get(locale).to_owned(),
                    step_id: step.id.clone(),
                    step_title: step.title.get(locale).to_owned(),
                });
            }
        }
        Ok(out)
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
                not_needed: summary.not_needed,
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
