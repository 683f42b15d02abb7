//! The permission preflight: before anything is created, the connection's OAuth client is
//! checked for every permission the plan's steps need, read from its own grants
//! (`authorization/subjects/me`). A missing permission blocks the plan and is named with where
//! to add it; a grants answer that is refused or unreadable is said as "could not check" (a
//! warning), never taken for a pass.

use serde::Serialize;
use ts_rs::TS;

use crate::connection::{Code, Failure};
use crate::error::FailureReply;
use crate::vendors::genesys::session::GenesysSession;

/// Reading what exists (every step starts by listing integrations and credentials).
pub const VIEW: &str = "integrations:integration:view";
/// Creating an integration or its credential.
pub const ADD: &str = "integrations:integration:add";
/// Writing `config/current`, enabling.
pub const EDIT: &str = "integrations:integration:edit";

/// One finding of the preflight.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(rename = "DataActionPreflightFinding")]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// True when the plan cannot be applied until it is fixed; false for "could not check".
    pub blocking: bool,
    pub failure: FailureReply,
}

/// Checks the client's grants for `needed`: `None` when all are granted.
pub async fn permissions(session: &GenesysSession, needed: &[&str]) -> Option<Finding> {
    match session.grants().await {
        Ok(grants) => {
            let missing = grants.missing(needed);
            if missing.is_empty() {
                return None;
            }
            let failure = Failure::new(Code::GenesysPreflightMissingPermissions)
                .with("permissions", missing.join(", "))
                .with("client", grants.subject.clone())
                .with("roles", grants.roles.join(", "));
            Some(Finding {
                blocking: true,
                failure: failure.into(),
            })
        }
        Err(refused) => {
            tracing::warn!(code = %refused.code, "the OAuth client's grants could not be read");
            let failure = Failure::new(Code::GenesysPermissionsUnchecked)
                .with("reason", refused.code.as_str());
            Some(Finding {
                blocking: false,
                failure: failure.into(),
            })
        }
    }
}
