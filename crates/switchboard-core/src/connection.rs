//! Vendor connections: which account a profile talks to, where the requests go, and the
//! [`Diagnosis`] a connection **Test** returns.
//!
//! Non-secret settings are stored in SQLite (`storage::connections`); the secrets of a connection
//! live in the keychain under the scope `connection:<vendor>` and reach the vendor clients only as
//! [`ConnectionSecrets`]. Every base URL can be overridden so tests and the practice tenant can
//! point a connection at 127.0.0.1; only a *practice* connection may use plain `http://`, and only
//! to loopback.

use serde::Serialize;
use ts_rs::TS;

mod diagnosis;
mod endpoint;
mod hosts;
mod secrets;
mod settings;

pub use crate::failure::{Code, Failure, Params, codes};
pub use crate::vendor::{SecretField, Vendor};
pub use diagnosis::{Check, Diagnosis};
pub(crate) use endpoint::join;
pub use endpoint::{Endpoints, check_endpoint, is_loopback};
pub use hosts::is_vendor_host;
pub use secrets::ConnectionSecrets;
pub use settings::{
    ConnectionSettings, CxoneCloud, CxoneSettings, GenesysSettings, SalesforceEnvironment,
    SalesforceSettings, ZoomSettings,
};

/// A connection as the UI shows it: its settings (absent until first saved), which secrets are
/// saved in the keychain (names only) and the last Test's diagnosis.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionView {
    pub vendor: Vendor,
    pub settings: Option<ConnectionSettings>,
    pub secrets_set: Vec<String>,
    pub last_diagnosis: Option<Diagnosis>,
}
