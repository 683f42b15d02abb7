//! `POST /oauth/token` with `grant_type=account_credentials`: the Server-to-Server OAuth token,
//! and the token endpoint's `{reason, error}` failures.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde_json::json;

use super::DEMO_APP_SCOPES;
use crate::http::{Params, basic_auth, is_form, json, ok};
use crate::server::Emu;

fn refused(reason: &str, error: &str) -> Response {
    json(
        StatusCode::BAD_REQUEST,
        json!({ "reason": reason, "error": error }),
    )
}

pub(super) async fn token(
    State(emu): State<Arc<Emu>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    // Parameters in the query string get 400 since Zoom's 2023 change (devforum t/124925).
    if !Params::from_query(&uri).is_empty() {
        return refused("Bad Request", "invalid_request");
    }
    let creds = &emu.credentials.zoom;
    let Some((client_id, client_secret)) = basic_auth(&headers) else {
        return refused("Client ID or client secret is missing", "invalid_client");
    };
    let rejected = emu.faults.plan().zoom.reject_credentials;
    // The Directory Sync app and the Presence Sync app, both on the demo account.
    let known = [creds, &emu.credentials.zoom_presence]
        .iter()
        .any(|app| client_id == app.client_id && client_secret == app.client_secret);
    if rejected || !known {
        return refused("Invalid client_id or client_secret", "invalid_client");
    }
    let form = if is_form(&headers) {
        Params::parse(&String::from_utf8_lossy(&body))
    } else {
        Params::default()
    };
    match form.get("grant_type") {
        None | Some("") => return refused("Missing grant type", "invalid_request"),
        Some("account_credentials") => {}
        Some(_) => return refused("unsupported grant type", "unsupported_grant_type"),
    }
    match form.get("account_id") {
        None | Some("") => return refused("Bad Request", "invalid_request"),
        Some(id) if id != creds.account_id => {
            return refused("Account does not exist", "invalid_request");
        }
        Some(_) => {}
    }
    let revoked = emu.faults.plan().zoom_revoked_scopes;
    let scopes: Vec<String> = DEMO_APP_SCOPES
        .iter()
        .filter(|s| !revoked.iter().any(|r| r == *s))
        .map(|s| (*s).to_owned())
        .collect();
    let access_token = format!(
        "eyJzdiI6IjAwMDAwMiIsImFsZyI6IkhTNTEyIn0.{}",
        emu.zoom.tokens.fresh_value(160)
    );
    let scope = scopes.join(" ");
    let expires_in = emu
        .zoom
        .tokens
        .issue(&emu.faults, &access_token, scopes, "");
    ok(json!({
        "access_token": access_token,
        "token_type": "bearer",
        "expires_in": expires_in,
        "scope": scope,
    }))
}
