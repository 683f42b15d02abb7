//! The Directory Sync editor step: its settings (ACD directory, attribute map, Add Extension,
//! phone number translation) kept with the profile, and the live preview of the translation on
//! the Zoom users, read page by page so memory stays flat however large the account.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::directory::attributes::{
    self, AcdAttribute, AttributeMap, AttributePair, ZoomAttribute,
};
use crate::directory::phone::{self, Region};
use crate::directory::translation::{Translation, TranslationRules, TranslationStatus};
use crate::error::{Error, Result};
use crate::locale::Locale;
use crate::storage::profiles;
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::validate;
use crate::vendors::http::Http;
use crate::vendors::zoom::session::{PhoneUser, ZoomDirectory};
use ts_rs::TS;

use super::address_book::default_region;
use super::{Switchboard, find_flow, load, save_status};

pub(super) const STEP: &str = "cxone-directory-sync";
const BOOK_NAME_FIELD: &str = "cxone-address-book-name";
/// The preview lists this many users, then this many more flagged ones.
const FIRST_ROWS: usize = 200;
const FLAGGED_ROWS: usize = 200;
/// Regions offered for pattern sets: the seeds' countries first.
const REGIONS: &[&str] = &[
    "FR", "JP", "US", "CA", "BE", "CH", "GB", "DE", "ES", "IT", "NL", "AU", "SG",
];

/// What the admin enters on CXone's Directory Sync page, prepared here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DirectorySyncDoc {
    pub acd_directory: String,
    pub attributes: Vec<AttributePair>,
    pub add_extension: bool,
    pub translation: bool,
    pub rules: TranslationRules,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DirectorySyncView {
    pub doc: DirectorySyncDoc,
    /// For each ACD attribute, the Zoom attributes it may be paired with.
    pub zoom_options: BTreeMap<AcdAttribute, Vec<ZoomAttribute>>,
    pub map_problems: Vec<attributes::MapProblem>,
    pub rule_problems: Vec<crate::directory::RuleProblem>,
    pub regions: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    pub name: String,
    pub email: String,
    pub extension: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub status: TranslationStatus,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryPreview {
    pub total_users: u64,
    pub phone_users: u64,
    pub pages: u64,
    pub counts: BTreeMap<TranslationStatus, u64>,
    pub rows: Vec<PreviewRow>,
    pub truncated: bool,
}

impl DirectorySyncDoc {
    fn view(self) -> DirectorySyncView {
        let map = AttributeMap {
            pairs: self.attributes.clone(),
        };
        DirectorySyncView {
            zoom_options: attributes::all_acd()
                .iter()
                .map(|a| (*a, attributes::zoom_options_for(*a)))
                .collect(),
            map_problems: map.problems(),
            rule_problems: self.rules.problems(),
            regions: REGIONS.to_vec(),
            doc: self,
        }
    }
}

/// Keeps the preview small: every count, the first users, then the users that need a look.
struct PreviewBuilder {
    rules: Option<TranslationRules>,
    check_region: Region,
    preview: DirectoryPreview,
    flagged: usize,
}

impl PreviewBuilder {
    fn visit(&mut self, user: PhoneUser) {
        self.preview.phone_users += 1;
        let before = user.numbers.first().cloned();
        let translation = match (&self.rules, &before) {
            (Some(rules), Some(number)) => rules.translate(number),
            (_, number) => plain_check(number.as_deref(), self.check_region),
        };
        *self.preview.counts.entry(translation.status).or_default() += 1;
        let flagged = matches!(
            translation.status,
            TranslationStatus::NoMatch | TranslationStatus::Invalid
        );
        let listed = self.preview.rows.len();
        let keep = listed < FIRST_ROWS || (flagged && self.flagged < FLAGGED_ROWS);
        if !keep {
            self.preview.truncated = true;
            return;
        }
        if listed >= FIRST_ROWS {
            self.flagged += 1;
        }
        self.preview.rows.push(PreviewRow {
            name: user.name,
            email: user.email,
            extension: user.extension_number,
            before,
            after: translation.after,
            status: translation.status,
            reason: translation.reason.map(|r| r.to_string()),
        });
    }
}

/// Without translation, each number is only checked: valid as it is (Unchanged), or not.
fn plain_check(number: Option<&str>, region: Region) -> Translation {
    let before = number.unwrap_or_default().to_owned();
    let (status, reason) = if before.trim().is_empty() {
        (TranslationStatus::Empty, None)
    } else {
        match phone::parse(&before, region) {
            Ok(_) => (TranslationStatus::Unchanged, None),
            Err(e) => (TranslationStatus::Invalid, Some(e.code())),
        }
    };
    Translation {
        after: (status == TranslationStatus::Unchanged).then(|| before.clone()),
        before,
        status,
        set: None,
        pattern: None,
        reason,
    }
}

impl Switchboard {
    pub fn directory_sync(
        &self,
        profile_id: i64,
        flow_id: &str,
        locale: Locale,
    ) -> Result<DirectorySyncView> {
        let flow = find_flow(flow_id)?;
        let db = self.db();
        profiles::get(&db, profile_id)?;
        let saved: Option<DirectorySyncDoc> =
            step_documents::load(&db, editor_ref(profile_id, flow_id))?;
        let doc = match saved {
            Some(doc) => doc,
            None => {
                let state = load(&db, profile_id, flow)?;
                let region: Region = default_region(locale).parse().expect("known region");
                DirectorySyncDoc {
                    acd_directory: state
                        .values()
                        .get(BOOK_NAME_FIELD)
                        .cloned()
                        .unwrap_or_default(),
                    attributes: AttributeMap::seed_default().pairs,
                    add_extension: true,
                    translation: false,
                    rules: TranslationRules::example(region),
                }
            }
        };
        Ok(doc.view())
    }

    pub fn save_directory_sync(
        &self,
        profile_id: i64,
        flow_id: &str,
        doc: DirectorySyncDoc,
    ) -> Result<DirectorySyncView> {
        if let Some((field, error)) = validate::first_too_long(&doc, validate::MAX_DOCUMENT_TEXT) {
            return Err(Error::invalid(field, error));
        }
        let flow = find_flow(flow_id)?;
        let db = self.db();
        profiles::get(&db, profile_id)?;
        step_documents::save(&db, editor_ref(profile_id, flow_id), &doc)?;
        let mut state = load(&db, profile_id, flow)?;
        if state.status(STEP) == StepStatus::NotStarted
            && let Some(step) = flow.step(STEP)
        {
            save_status(&db, profile_id, &mut state, step, StepStatus::InProgress)?;
        }
        Ok(doc.view())
    }

    /// The translation applied to every Zoom Phone user's number, through the Directory Sync
    /// app's credentials; the user count comes from the Zoom user list.
    pub async fn preview_directory(
        &self,
        profile_id: i64,
        flow_id: &str,
        locale: Locale,
    ) -> Result<DirectoryPreview> {
        let doc = self.directory_sync(profile_id, flow_id, locale)?.doc;
        let (app, endpoints) = self.directory_zoom_app(profile_id, flow_id).await?;
        let http = Http::for_connection(endpoints.practice)?.redacting([&app.client_secret]);
        let directory = ZoomDirectory::open(&endpoints, &app, http).await?;
        let total_users = directory.user_count().await?;
        let check_region = doc
            .rules
            .sets
            .first()
            .map(|s| s.region)
            .unwrap_or_else(|| default_region(locale).parse().expect("known region"));
        let mut builder = PreviewBuilder {
            rules: doc.translation.then_some(doc.rules),
            check_region,
            preview: DirectoryPreview {
                total_users,
                phone_users: 0,
                pages: 0,
                counts: BTreeMap::new(),
                rows: Vec::new(),
                truncated: false,
            },
            flagged: 0,
        };
        let pages = directory
            .each_phone_user(|user| builder.visit(user))
            .await?;
        builder.preview.pages = pages;
        Ok(builder.preview)
    }
}

fn editor_ref(profile_id: i64, flow_id: &str) -> DocRef<'_> {
    DocRef {
        profile_id,
        flow_id,
        step_id: STEP,
        kind: DocKind::Editor,
    }
}
