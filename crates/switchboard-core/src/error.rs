//! The error every core operation returns, and the `{code, message, field?}` shape it takes when
//! it crosses to the UI or to `switchboard-cli --json`.
//!
//! The UI branches on [`ErrorCode`] and shows its own translated text; `message` is English detail
//! for logs and a "details" disclosure. Add a code only when a consumer treats it differently.

use serde::Serialize;

use crate::failure::{Code, Failure, Params};
use crate::storage::problem::OpenProblem;
use crate::validate::FieldError;
use crate::vendor::Vendor;
use ts_rs::TS;

pub type Result<T> = std::result::Result<T, Error>;

/// Stable codes the UI translates (`error.<code>` in its catalogues).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    KeychainUnavailable,
    /// The keychain did not answer in time (e.g. a Secret Service prompt nobody answers).
    KeychainTimeout,
    Storage,
    /// The database file is not a database, or is damaged.
    DatabaseCorrupt,
    /// The database was written by a newer Switchboard (its schema is ahead of this build's).
    DatabaseNewer,
    /// Another program holds the database past the busy timeout.
    DatabaseLocked,
    /// The disk holding the database is full.
    DiskFull,
    /// The database or its folder cannot be written.
    DatabaseReadOnly,
    /// Any other failure to open the database; the message carries the OS's words.
    DatabaseIo,
    /// The app started without its database (the recovery screen is showing).
    DatabaseUnavailable,
    InvalidLink,
    /// A live call to a vendor failed; the reply's `failure` says why, like a diagnosis check.
    Vendor,
    /// The profile has no connection to the vendor a live step needs; `field` names the vendor.
    ConnectionMissing,
    /// A verified step is Done only through its live check.
    LiveCheckRequired,
    /// Another apply (another window, the CLI) is applying this profile's plan right now.
    ApplyRunning,
    /// An earlier apply stopped with a plan that is not the one shown: the admin chooses to
    /// finish it or discard it (the latest run says what it was).
    ApplyPlanChanged,
    /// A profile file written by a newer Switchboard (its format version is ahead of this build's).
    ProfileFileNewer,
    /// The file given to import is not a Switchboard profile file.
    ProfileFileInvalid,
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value the user entered is not acceptable; `field` names the input to focus and
    /// `detail` says why, as the same code the UI translates for inline field errors.
    #[error("{field} is invalid ({})", detail.code)]
    Validation { field: String, detail: FieldError },
    #[error("{what} not found")]
    NotFound { what: String },
    #[error("{0}")]
    Conflict(String),
    /// No usable OS keychain. Never answered by falling back to a weaker store.
    #[error("the OS keychain is not available: {0}")]
    KeychainUnavailable(String),
    #[error("keychain error: {0}")]
    Keychain(String),
    #[error("the OS keychain did not answer within {} s", .0.as_secs())]
    KeychainTimeout(std::time::Duration),
    #[error("database error: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// The database could not be opened, and why (see `storage::problem`).
    #[error("{0}")]
    Unopenable(OpenProblem),
    #[error("the database is not open")]
    DatabaseUnavailable,
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("not an allowed vendor link: {0}")]
    InvalidLink(String),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    #[error("the vendor call failed: {}", .0.code.as_str())]
    Vendor(Failure),
    #[error("the profile has no {0} connection")]
    ConnectionMissing(Vendor),
    #[error("step {0} is done only when its live check passes")]
    LiveCheckRequired(String),
    #[error("another apply has been running since {since}")]
    ApplyRunning { since: String },
    #[error("apply run {run} stopped with another plan; resume or discard it")]
    ApplyPlanChanged { run: i64 },
    #[error("the profile file is version {found}; this Switchboard reads up to version {known}")]
    ProfileFileNewer { found: u64, known: u32 },
    #[error("not a Switchboard profile file: {0}")]
    ProfileFileInvalid(String),
}

impl Error {
    /// The practice tenant's emulator failed to start or answer.
    pub fn emulator(error: impl std::fmt::Display) -> Self {
        Error::Io(std::io::Error::other(format!("practice emulator: {error}")))
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Self {
        Error::Vendor(failure)
    }
}

impl Error {
    pub fn not_found(what: impl Into<String>) -> Self {
        Error::NotFound { what: what.into() }
    }

    /// A validation failure with a bare code (`required`, `too_long`, a rule's code …).
    pub fn validation(field: impl Into<String>, code: &'static str) -> Self {
        Error::Validation {
            field: field.into(),
            detail: FieldError::new(code),
        }
    }

    pub fn invalid(field: impl Into<String>, detail: FieldError) -> Self {
        Error::Validation {
            field: field.into(),
            detail,
        }
    }

    /// Exhaustive on purpose: a new variant must choose its code.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Validation { .. } => ErrorCode::Validation,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::KeychainUnavailable(_) => ErrorCode::KeychainUnavailable,
            Error::KeychainTimeout(_) => ErrorCode::KeychainTimeout,
            Error::Keychain(_) | Error::Io(_) | Error::Corrupt(_) => ErrorCode::Internal,
            Error::Storage(_) | Error::Migration(_) => ErrorCode::Storage,
            Error::Unopenable(problem) => problem.code(),
            Error::DatabaseUnavailable => ErrorCode::DatabaseUnavailable,
            Error::InvalidLink(_) => ErrorCode::InvalidLink,
            Error::Vendor(_) => ErrorCode::Vendor,
            Error::ConnectionMissing(_) => ErrorCode::ConnectionMissing,
            Error::LiveCheckRequired(_) => ErrorCode::LiveCheckRequired,
            Error::ApplyRunning { .. } => ErrorCode::ApplyRunning,
            Error::ApplyPlanChanged { .. } => ErrorCode::ApplyPlanChanged,
            Error::ProfileFileNewer { .. } => ErrorCode::ProfileFileNewer,
            Error::ProfileFileInvalid(_) => ErrorCode::ProfileFileInvalid,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            Error::ConnectionMissing(vendor) => Some(vendor.as_str()),
            _ => None,
        }
    }

    pub fn detail(&self) -> Option<&FieldError> {
        match self {
            Error::Validation { detail, .. } => Some(detail),
            _ => None,
        }
    }
}

/// What an error looks like on the wire: `{"code": "...", "message": "...", "field": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ErrorReply {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For `validation`: the rule that failed, translated by the UI like an inline field error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<FieldError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<Box<FailureReply>>,
}

/// A vendor failure as the UI reads it: the diagnosis code and the values its message needs.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FailureReply {
    pub code: Code,
    pub params: Params,
}

impl From<Failure> for FailureReply {
    fn from(failure: Failure) -> Self {
        FailureReply {
            code: failure.code,
            params: failure.params,
        }
    }
}

impl From<&Error> for ErrorReply {
    fn from(error: &Error) -> Self {
        ErrorReply {
            code: error.code(),
            message: error.to_string(),
            field: error.field().map(str::to_owned),
            detail: error.detail().cloned(),
            failure: match error {
                Error::Vendor(f) => Some(Box::new(FailureReply::from(f.clone()))),
                _ => None,
            },
        }
    }
}

impl From<Error> for ErrorReply {
    fn from(error: Error) -> Self {
        ErrorReply::from(&error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_error_serialises_with_code_message_and_field() {
        let reply = ErrorReply::from(Error::validation("zoom-account-id", "zoom_account_id"));
        let json = serde_json::to_value(&reply).unwrap();
        assert_eq!(json["code"], "validation");
        assert_eq!(json["field"], "zoom-account-id");
        assert_eq!(
            json["detail"]["code"], "zoom_account_id",
            "the UI translates the rule"
        );
        assert!(
            json["message"]
                .as_str()
                .unwrap()
                .contains("zoom-account-id")
        );
    }

    #[test]
    fn errors_without_field_omit_it_on_the_wire() {
        let reply = ErrorReply::from(Error::KeychainUnavailable("no secret service".into()));
        let json = serde_json::to_value(&reply).unwrap();
        assert_eq!(json["code"], "keychain_unavailable");
        assert!(
            json.get("field").is_none(),
            "field must be absent, not null: {json}"
        );
    }
}
