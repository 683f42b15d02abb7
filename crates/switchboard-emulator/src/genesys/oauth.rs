//! `POST https://login.{domain}/oauth/token` with `grant_type=client_credentials` and HTTP Basic
//! client authentication; the demo client exists in the org's region only, as in Genesys where
//! each region has its own login host.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::json;

use super::region;
use crate::http::{Params, basic_auth, is_form, json, ok};
use crate::server::Emu;

fn refused(error: &str, description: &str) -> Response {
    json(
        StatusCode::BAD_REQUEST,
        json!({ "error": error, "description": description, "error_description": description }),
    )
}

pub(super) async fn token(
    State(emu): State<Arc<Emu>>,
    Path(params): Path<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(domain) = region(&params) else {
        return json(StatusCode::NOT_FOUND, json!({ "error": "not_found" }));
    };
    let creds = &emu.credentials.genesys;
    let Some((client_id, client_secret)) = basic_auth(&headers) else {
        return refused("invalid_client", "client not found");
    };
    // Another region's login host does not know the client (field-notes GC-1).
    if client_id != creds.client_id || domain != creds.region_domain {
        return refused("invalid_client", "client not found");
    }
    let plan = emu.faults.plan();
    if client_secret != creds.client_secret || plan.genesys.reject_credentials {
        return refused("invalid_client", "authentication failed");
    }
    let form = if is_form(&headers) {
        Params::parse(&String::from_utf8_lossy(&body))
    } else {
        Params::default()
    };
    match form.get("grant_type") {
        Some("client_credentials") => {}
        Some(other) if !other.is_empty() => {
            return refused("unsupported_grant_type", "grant type not supported");
        }
        _ => return refused("invalid_request", "grant_type is required"),
    }
    if plan.genesys_grant_type_disabled {
        return refused(
            "unauthorized_client",
            "client is not authorized to use the client_credential grant type",
        );
    }
    let access_token = emu.genesys.tokens.fresh_value(86);
    let expires_in = emu
        .genesys
        .tokens
        .issue(&emu.faults, &access_token, Vec::new(), domain);
    ok(json!({ "access_token": access_token, "token_type": "bearer", "expires_in": expires_in }))
}
