//! `POST /services/oauth2/token`: the username-password flow (password followed by the security
//! token) and its failure modes, each with Salesforce's body. A blocked flow, a wrong password
//! and a missing security token all get the same `invalid_grant` / `authentication failure`,
//! as on a real org (field-notes SF-1, SF-3).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;

use crate::clock::now_millis;
use crate::http::{Params, is_form, json, ok};
use crate::server::Emu;

fn refused(error: &str, description: &str) -> Response {
    json(
        StatusCode::BAD_REQUEST,
        json!({ "error": error, "error_description": description }),
    )
}

pub(super) async fn token(
    State(emu): State<Arc<Emu>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    // A JSON body or a missing Content-Type fails before the grant is even read (SF-2).
    if !is_form(&headers) {
        return refused("unsupported_grant_type", "grant type not supported");
    }
    let form = Params::parse(&String::from_utf8_lossy(&body));
    match form.get("grant_type") {
        Some("password") => {}
        // Client credentials works on My Domain only, never on login.salesforce.com (SF-5).
        Some("client_credentials") => {
            return refused("invalid_grant", "request not supported on this domain");
        }
        _ => return refused("unsupported_grant_type", "grant type not supported"),
    }
    let creds = &emu.credentials.salesforce;
    if form.get("client_id") != Some(creds.consumer_key.as_str()) {
        return refused("invalid_client_id", "client identifier invalid");
    }
    if form.get("client_secret") != Some(creds.consumer_secret.as_str()) {
        return refused("invalid_client", "invalid client credentials");
    }
    let plan = emu.faults.plan();
    let expected_password = format!("{}{}", creds.password, creds.security_token);
    let accepted = form.get("username") == Some(creds.username.as_str())
        && form.get("password") == Some(expected_password.as_str())
        && !plan.salesforce_password_flow_blocked
        && !plan.salesforce.reject_credentials;
    if !accepted {
        return refused("invalid_grant", "authentication failure");
    }
    let sf = &emu.salesforce;
    let (org_id, user_id) = {
        let org = sf.org();
        (org.org_id.clone(), org.integration_user_id.clone())
    };
    let access_token = format!("{}!{}", &org_id[..15], sf.tokens.fresh_value(96));
    sf.tokens
        .issue(&emu.faults, &access_token, vec!["api".to_owned()], "");
    ok(json!({
        "access_token": access_token,
        "instance_url": emu.endpoints.salesforce.instance_url,
        "id": format!(
            "{}/id/{}/{}",
            emu.endpoints.salesforce.login_base, org_id, user_id
        ),
        "token_type": "Bearer",
        "issued_at": now_millis().to_string(),
        // Salesforce signs id + issued_at with the consumer secret; nobody checks it offline.
        "signature": STANDARD.encode(sf.tokens.fresh_value(32)),
    }))
}
