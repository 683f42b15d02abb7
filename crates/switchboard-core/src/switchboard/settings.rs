//! The app's own settings: the UI language, where to resume after a restart, and whether the
//! keychain can be reached.

use serde::{Deserialize, Serialize};

use super::Switchboard;
use crate::error::{Error, ErrorReply, Result};
use crate::locale::Locale;
use crate::storage::{profiles, settings};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct KeychainStatus {
    pub available: bool,
    pub error: Option<ErrorReply>,
}

/// Where the user was when they last closed the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Resume {
    pub profile_id: i64,
    pub flow_id: Option<String>,
}

const LOCALE_KEY: &str = "locale";
const PRACTICE_KEY: &str = "practice.attached";
pub(super) const RESUME_KEY: &str = "resume";

impl Switchboard {
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

    /// Remembers a running emulator (its announcement line) for the practice profile, so that
    /// separate CLI runs rehearse against the same one; `None` forgets it.
    /// Returns the announcement's keys this build does not read, for the host to mention.
    pub fn attach_practice(&self, announcement: Option<&str>) -> Result<Vec<String>> {
        let mut ignored = Vec::new();
        if let Some(line) = announcement {
            crate::practice::PracticeTenant::from_announcement(line)?;
            ignored = crate::practice::ignored_announcement_keys(line)?;
        }
        settings::set(&self.db(), PRACTICE_KEY, announcement.map(str::trim))?;
        Ok(ignored)
    }

    /// The announcement line `attach_practice` saved, if any.
    pub fn attached_practice(&self) -> Result<Option<String>> {
        settings::get(&self.db(), PRACTICE_KEY)
    }

    /// The UI's language: the saved one, else the OS language (`os`, a BCP 47 tag the host
    /// read) when Switchboard speaks it, else English.
    pub fn ui_locale(&self, os: Option<&str>) -> Result<Locale> {
        let os = os.and_then(Locale::from_tag);
        Ok(self.saved_locale()?.or(os).unwrap_or_default())
    }
}
