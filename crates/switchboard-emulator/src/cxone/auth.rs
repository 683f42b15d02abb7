//! `POST /auth/token` (access key through the `password` grant, and `refresh_token`) and
//! `GET /.well-known/cxone-configuration?tenantId=` discovery.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::json;

use crate::clock::now_unix;
use crate::http::{Params, basic_auth, is_form, json, ok, with_header};
use crate::server::Emu;

/// The token endpoint's answers carry `Cache-Control: no-store` and `Pragma: no-cache` (spec).
fn no_store(response: Response) -> Response {
    with_header(
        with_header(response, "cache-control", "no-store"),
        "pragma",
        "no-cache",
    )
}

fn refused(error: &str, description: &str) -> Response {
    no_store(json(
        StatusCode::BAD_REQUEST,
        json!({ "error": error, "error_description": description }),
    ))
}

pub(super) async fn token(
    State(emu): State<Arc<Emu>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !is_form(&headers) {
        return refused(
            "invalid_request",
            "Content-Type must be application/x-www-form-urlencoded",
        );
    }
    let form = Params::parse(&String::from_utf8_lossy(&body));
    let creds = &emu.credentials.cxone;
    let rejected = emu.faults.plan().cxone.reject_credentials;
    // The client may authenticate in the body or with HTTP Basic.
    let client = basic_auth(&headers).or_else(|| {
        Some((
            form.get("client_id")?.to_owned(),
            form.get("client_secret")?.to_owned(),
        ))
    });
    let grant_type = form.get("grant_type").unwrap_or("");
    if !matches!(grant_type, "password" | "refresh_token") {
        return if grant_type.is_empty() {
            refused("invalid_request", "grant_type is required")
        } else {
            refused("unsupported_grant_type", "The grant type is not supported")
        };
    }
    match client {
        Some((id, secret)) if id == creds.client_id && secret == creds.client_secret => {}
        _ => return refused("invalid_client", "Client authentication failed"),
    }
    if grant_type == "password" {
        let key_ok = form.get("username") == Some(creds.access_key_id.as_str())
            && form.get("password") == Some(creds.access_key_secret.as_str());
        if rejected || !key_ok {
            return refused("invalid_grant", "Invalid access key or access key secret");
        }
    } else {
        let refresh = form.get("refresh_token").unwrap_or("");
        let mut bearer = HeaderMap::new();
        if let Ok(value) = format!("Bearer {refresh}").parse() {
            bearer.insert("authorization", value);
        }
        let valid = matches!(
            emu.cxone.refresh_tokens.check(&emu.faults, &bearer, false),
            crate::tokens::Access::Granted(_)
        );
        if rejected || !valid {
            return refused("invalid_grant", "The refresh token is invalid or expired");
        }
    }
    let access_token = jwt(&emu, "access", &emu.cxone.tokens.fresh_value(43));
    let refresh_token = emu.cxone.refresh_tokens.fresh_value(64);
    let expires_in = emu
        .cxone
        .tokens
        .issue(&emu.faults, &access_token, Vec::new(), "");
    emu.cxone
        .refresh_tokens
        .issue(&emu.faults, &refresh_token, Vec::new(), "");
    no_store(ok(json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": expires_in,
        "id_token": jwt(&emu, "id", &emu.cxone.tokens.fresh_value(43)),
        "refresh_token": refresh_token,
        "issued_token_type": "urn:ietf:params:oauth:token-type:access_token",
    })))
}

/// A JWT-shaped token whose claims carry `tenantId`, which third-party clients read from the
/// `id_token`. The signature is random: nobody can verify it against NICE's keys anyway.
fn jwt(emu: &Emu, kind: &str, nonce: &str) -> String {
    let now = now_unix();
    let header = json!({ "alg": "RS256", "typ": "JWT", "kid": "switchboard-emulator" });
    let claims = json!({
        "iss": emu.endpoints.cxone.auth_base,
        "sub": format!("user:{}", emu.credentials.cxone.access_key_id),
        "aud": emu.credentials.cxone.client_id,
        "tenantId": emu.credentials.cxone.tenant_id,
        "token_use": kind,
        "iat": now,
        "exp": now + 3600,
    });
    let encode = |v: serde_json::Value| URL_SAFE_NO_PAD.encode(v.to_string());
    format!("{}.{}.{nonce}", encode(header), encode(claims))
}

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, len)| g.len() == len && g.chars().all(|c| c.is_ascii_hexdigit()))
}

pub(super) async fn discovery(State(emu): State<Arc<Emu>>, uri: Uri) -> Response {
    let params = Params::from_query(&uri);
    let Some(tenant_id) = params.get("tenantId").filter(|t| !t.is_empty()) else {
        return refused("invalid_request", "tenantId is required");
    };
    if !is_uuid(tenant_id) {
        return refused("invalid_request", "tenantId must be a UUID");
    }
    if !tenant_id.eq_ignore_ascii_case(&emu.credentials.cxone.tenant_id) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let endpoints = &emu.endpoints.cxone;
    ok(json!({
        "private": false,
        "ui_endpoint": format!("{}/ui", endpoints.api_base),
        "auth_endpoint": endpoints.auth_base,
        "api_endpoint": endpoints.api_base,
        "region": "na1",
        "area": "na1",
        "cluster": "c52",
        "domain": "niceincontact.com",
        "uhDomain": "nice-incontact.com",
        "acdDomain": "nice-incontact.com",
        "globaldomain": "niceincontact.com",
        "tenantId": emu.credentials.cxone.tenant_id,
    }))
}
