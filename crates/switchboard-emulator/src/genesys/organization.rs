//! `GET /api/v2/organizations/me`: the org the token belongs to, so a client can record which
//! org it configured (the id is what support and the Genesys UI show as "Organization ID").
//! Fields follow the platform-client-sdk-go `Organization` model; values are seeded, so a seed
//! always gives the same org id. Any valid token may read it: Genesys asks no permission here.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{Value, json};

use super::authorize;
use crate::http::ok;
use crate::seed::Rng;
use crate::server::Emu;

#[derive(Debug, Clone)]
pub(crate) struct Organization {
    pub id: String,
    pub default_site_id: String,
    /// The org's short name, typed at login ("Organization" field) and used as its domain.
    pub short_name: String,
}

impl Organization {
    /// Drawn from its own stream so the integration ids of a seed stay what they were.
    pub(crate) fn seeded(rng: &Rng) -> Self {
        let mut rng = rng.derive("genesys-organization");
        let id = rng.uuid();
        let default_site_id = rng.uuid();
        let short_name = format!("switchboard-demo-{}", rng.alnum(5).to_lowercase());
        Self {
            id,
            default_site_id,
            short_name,
        }
    }

    fn render(&self) -> Value {
        json!({
            "id": self.id,
            "name": "Switchboard Demo",
            "defaultLanguage": "en-us",
            "defaultCountryCode": "US",
            "thirdPartyOrgName": self.short_name,
            "domain": self.short_name,
            "version": 1,
            "state": "active",
            "defaultSiteId": self.default_site_id,
            "voicemailEnabled": true,
            "productPlatform": "PureCloud",
            "selfUri": format!("/api/v2/organizations/{}", self.id),
        })
    }
}

pub(super) async fn me(
    State(emu): State<Arc<Emu>>,
    Path(params): Path<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[]) {
        return *refusal;
    }
    ok(emu.genesys.organization.render())
}
