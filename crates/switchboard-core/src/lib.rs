//! Switchboard's core: everything the app does that does not need a window.
//!
//! It owns the customer profiles, the step catalogue of every flow, step progress, the audit
//! journal (SQLite), the secrets (behind [`secrets::SecretStore`]) and field validation. Two hosts
//! sit on it: the Tauri app (`src-tauri`) and `switchboard-cli`. It deliberately knows nothing of
//! Tauri, windows or the clipboard: the hosts pass in paths, the secret store and the locale.
//! The vendor clients (`vendors`) test each [`connection`] over HTTP through one shared layer.

pub mod address_book;
pub mod backups;
pub mod catalogue;
pub mod connection;
pub mod data_actions;
pub mod directory;
pub mod error;
pub mod exports;
pub mod failure;
pub mod flow;
pub mod glossary;
pub mod journal_csv;
pub mod links;
pub mod locale;
pub mod paths;
pub mod practice;
pub mod presence;
pub mod profile_file;
pub mod recovery;
pub mod report;
pub mod scrub;
pub mod secrets;
pub mod storage;
pub mod switchboard;
pub mod time;
pub mod unknown_keys;
pub mod validate;
pub mod vendor;
pub mod vendors;
pub mod xml;
pub mod zcc;

pub use error::{Error, ErrorCode, ErrorReply, Result};
pub use locale::Locale;
pub use switchboard::Switchboard;
