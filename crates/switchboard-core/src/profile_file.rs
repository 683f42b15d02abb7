//! The profile file: one customer's setup as a versioned JSON document that travels to another
//! computer or another customer — its connections' non-secret settings, step progress and
//! values, step documents (drafts, plans, rules) and the *names* of the secrets it needs.
//! Never a secret: the keychain values stay behind and the admin enters them again after import.
//!
//! `{"format": "switchboard-profile", "version": 1, "exportedAt", "profile": {name, practice},
//! "connections": [settings…], "steps": [{flowId, stepId, status, fields}],
//! "documents": [{flowId, stepId, kind, body}], "secrets": [{scope, field}]}`.
//!
//! Reading refuses another kind of JSON (`profile_file_invalid`) and a newer version
//! (`profile_file_newer`) before looking at anything else, and names the keys it did not read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::connection::ConnectionSettings;
use crate::error::{Error, Result};
use crate::storage::progress::StepStatus;
use crate::unknown_keys::unknown_keys;

/// The `format` value that marks a profile file.
pub const FORMAT: &str = "switchboard-profile";
/// The version this build writes, and the newest it reads.
pub const VERSION: u32 = 1;
/// A profile file bigger than this is not one (a profile's documents are a few hundred KB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileFile {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub profile: ProfileHead,
    #[serde(default)]
    pub connections: Vec<ConnectionSettings>,
    #[serde(default)]
    pub steps: Vec<StepEntry>,
    #[serde(default)]
    pub documents: Vec<DocumentEntry>,
    /// The keychain entries the profile had, by name only: what to enter again after import.
    #[serde(default)]
    pub secrets: Vec<SecretName>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileHead {
    pub name: String,
    /// Exported from the practice profile (its connections point at this computer's emulator).
    #[serde(default)]
    pub practice: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepEntry {
    pub flow_id: String,
    pub step_id: String,
    pub status: StepStatus,
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentEntry {
    pub flow_id: String,
    pub step_id: String,
    /// `check`, `draft` or `editor` (see `storage::step_documents::DocKind`).
    pub kind: String,
    pub body: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretName {
    /// `connection:<vendor>`, `flow:<flow id>` or `data-actions`.
    pub scope: String,
    /// The field, e.g. `client-secret`, or `<integration>/<field>` for data actions.
    pub field: String,
}

/// A file read: what it holds and the keys this build did not read.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub file: ProfileFile,
    pub unknown_keys: Vec<String>,
}

impl ProfileFile {
    pub fn to_json(&self) -> String {
        // Plain data (strings, numbers, JSON values): serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Reads a profile file: another kind of file is `profile_file_invalid`, a newer version
/// `profile_file_newer`, each before the rest is parsed, so the admin hears the real reason.
pub fn read(text: &str) -> Result<Read> {
    if text.len() > MAX_BYTES {
        return Err(Error::ProfileFileInvalid("the file is too large".into()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text)
        .map_err(|e| Error::ProfileFileInvalid(format!("not JSON: {e}")))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(Error::ProfileFileInvalid(format!(
            "no \"format\": \"{FORMAT}\""
        )));
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| Error::ProfileFileInvalid("no version number".into()))?;
    if version > u64::from(VERSION) {
        return Err(Error::ProfileFileNewer {
            found: version,
            known: VERSION,
        });
    }
    let file: ProfileFile = serde_json::from_value(value.clone())
        .map_err(|e| Error::ProfileFileInvalid(e.to_string()))?;
    let known = serde_json::to_value(&file).unwrap_or_default();
    Ok(Read {
        unknown_keys: unknown_keys(&value, &known),
        file,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use serde_json::json;

    fn minimal() -> Value {
        json!({"format": FORMAT, "version": 1, "exportedAt": "2026-12-03T10:00:00Z",
               "profile": {"name": "Acme"}})
    }

    #[test]
    fn a_minimal_file_reads_with_empty_lists() {
        let read = read(&minimal().to_string()).unwrap();
        assert_eq!(read.file.profile.name, "Acme");
        assert!(read.file.connections.is_empty() && read.file.secrets.is_empty());
        assert!(read.unknown_keys.is_empty());
    }

    #[test]
    fn a_newer_version_is_refused_with_its_own_code() {
        let mut file = minimal();
        file["version"] = json!(2);
        file["somethingNew"] = json!({"x": 1});
        let error = read(&file.to_string()).unwrap_err();
        assert_eq!(error.code(), ErrorCode::ProfileFileNewer);
    }

    #[test]
    fn other_json_and_other_text_are_not_profile_files() {
        for text in [
            "not json",
            "[]",
            r#"{"format": "switchboard-presence-rule", "version": 1}"#,
            r#"{"format": "switchboard-profile"}"#,
            r#"{"format": "switchboard-profile", "version": 1}"#,
        ] {
            let error = read(text).unwrap_err();
            assert_eq!(error.code(), ErrorCode::ProfileFileInvalid, "{text}");
        }
    }

    #[test]
    fn keys_this_build_does_not_read_are_named() {
        let mut file = minimal();
        file["profile"]["colour"] = json!("red");
        file["steps"] = json!([{"flowId": "f", "stepId": "s", "status": "done", "note": "x"}]);
        let read = read(&file.to_string()).unwrap();
        assert_eq!(read.unknown_keys, vec!["profile.colour", "steps.0.note"]);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", minimal());
        assert!(read(&text).is_ok());
    }
}
