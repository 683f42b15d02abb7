//! The presence rule file: a rule (with the catalog it was checked against) exported from one
//! customer and imported at another, so a support engineer reuses a proven rule.
//!
//! ```json
//! {
//!   "format": "switchboard.presence-rule",
//!   "version": 1,
//!   "rule": {
//!     "name": "Support agents",
//!     "states": [
//!       { "acd": "Available", "salesforce": "Available_for_Chat" },
//!       { "acd": "Lunch", "salesforce": "Lunch_Break" }
//!     ],
//!     "subscriberStates": [
//!       { "salesforce": "Available_for_Chat", "acd": { "state": "Available" } },
//!       { "salesforce": "Lunch_Break", "acd": { "state": "Lunch" } }
//!     ],
//!     "teams": [ { "id": 4021, "name": "Support FR" } ],
//!     "users": []
//!   },
//!   "catalog": {
//!     "acdStates": [ "Available", "Lunch" ],
//!     "salesforceStatuses": [
//!       { "developerName": "Available_for_Chat", "label": "Available for chat",
//!         "kind": "online" },
//!       { "developerName": "Lunch_Break", "label": "Lunch break", "kind": "busy" }
//!     ]
//!   },
//!   "exportedAt": "2025-03-14T09:30:00Z"
//! }
//! ```
//!
//! A subscriber row's `acd` is `{"state": NAME}` or `"previous"` (Previous state). `catalog` may
//! be `null`; a status's `kind` is `online`, `busy` or `unknown`. `teams` and `users` keep the ids of the tenant the rule came from: they mean nothing
//! at another customer, so the UI re-matches them by `name` after an import. A key this format
//! does not have (a typo in a hand-edited file, a field of a later build) is not an error, but it
//! is named in [`RuleFile::ignored_keys`] so the admin learns their edit did nothing.

use serde::{Deserialize, Serialize};

use super::rule::{Catalog, PresenceRule};
use crate::unknown_keys::unknown_keys;

/// The `format` every rule file carries.
pub const FORMAT: &str = "switchboard.presence-rule";
/// The only `version` this build reads and writes.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleFile {
    pub format: String,
    pub version: u32,
    pub rule: PresenceRule,
    /// The live lists the rule was checked against at export, if any.
    #[serde(default)]
    pub catalog: Option<Catalog>,
    /// Informational; a hand-written file may leave it out.
    #[serde(default)]
    pub exported_at: String,
    /// Filled by [`import`]: the keys of the file this format does not have, by path
    /// (`rule.states.0.colour`). Never written to a file.
    #[serde(skip)]
    pub ignored_keys: Vec<String>,
}

/// Why a file cannot be imported; the UI translates the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code")]
pub enum RuleFileError {
    /// Not JSON at all; where the parser stopped (1-based).
    #[error("rule_file.not_json")]
    #[serde(rename = "rule_file.not_json")]
    NotJson { line: usize, column: usize },
    /// JSON, but not a presence rule file (another export, or a bare rule).
    #[error("rule_file.wrong_format")]
    #[serde(rename = "rule_file.wrong_format")]
    WrongFormat,
    /// A presence rule file of a version this build does not read, as written in the file.
    #[error("rule_file.unsupported_version")]
    #[serde(rename = "rule_file.unsupported_version")]
    UnsupportedVersion { version: serde_json::Value },
    /// The right format and version, but a field is missing or of the wrong type.
    #[error("rule_file.invalid")]
    #[serde(rename = "rule_file.invalid")]
    Invalid { detail: String },
    /// Larger than [`MAX_FILE_BYTES`] (`max_kb`): no presence rule is that long.
    #[error("rule_file.too_large")]
    #[serde(rename = "rule_file.too_large")]
    TooLarge { max_kb: usize },
}

/// The largest rule file read; a rule with every state of a large tenant is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

impl RuleFileError {
    pub fn code(&self) -> &'static str {
        match self {
            RuleFileError::NotJson { .. } => "rule_file.not_json",
            RuleFileError::WrongFormat => "rule_file.wrong_format",
            RuleFileError::UnsupportedVersion { .. } => "rule_file.unsupported_version",
            RuleFileError::Invalid { .. } => "rule_file.invalid",
            RuleFileError::TooLarge { .. } => "rule_file.too_large",
        }
    }
}

/// The file's text, pretty-printed; `now` is the export time as the host formats it (RFC 3339).
pub fn export(rule: &PresenceRule, catalog: Option<&Catalog>, now: &str) -> String {
    let file = RuleFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        rule: rule.clone(),
        catalog: catalog.cloned(),
        exported_at: now.to_owned(),
        ignored_keys: Vec::new(),
    };
    serde_json::to_string_pretty(&file).expect("a rule file serialises")
}

/// Reads a rule file. Format and version are checked before the rest, so a newer file says so
/// rather than failing on a field this build does not know.
pub fn import(json: &str) -> Result<RuleFile, RuleFileError> {
    if json.len() > MAX_FILE_BYTES {
        return Err(RuleFileError::TooLarge {
            max_kb: MAX_FILE_BYTES / 1024,
        });
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| RuleFileError::NotJson {
            line: e.line(),
            column: e.column(),
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(RuleFileError::WrongFormat);
    }
    let version = value.get("version").cloned().unwrap_or_default();
    if version.as_u64() != Some(u64::from(VERSION)) {
        return Err(RuleFileError::UnsupportedVersion { version });
    }
    let mut file: RuleFile =
        serde_json::from_value(value.clone()).map_err(|e| RuleFileError::Invalid {
            detail: e.to_string(),
        })?;
    let known = serde_json::to_value(&file).expect("a rule file serialises");
    file.ignored_keys = unknown_keys(&value, &known);
    Ok(file)
}
