//! Google's OAuth token endpoint for service accounts (`{token_uri}`, standing for
//! `https://oauth2.googleapis.com/token`): a `jwt-bearer` assertion signed RS256 is checked as
//! Google does — the signature against the public key of the practice service account's key
//! (a fixed test key pair, `practice-service-account.pem`, not a secret), its key id, issuer,
//! audience, a lifetime of at most an hour around now, and Google scopes — and each documented
//! refusal is answered with Google's own `error` and `error_description`. Faults: the key
//! deleted (`google_key_revoked`), no domain-wide delegation (`google_delegation_missing`).

use std::sync::{Arc, LazyLock};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::signature::{KeyPair, RSA_PKCS1_2048_8192_SHA256, RsaKeyPair, UnparsedPublicKey};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::http::{Params, json};
use crate::server::Emu;

/// The practice service account's private key (PKCS#8 PEM), as its JSON key file holds it.
pub const PRACTICE_KEY_PEM: &str = include_str!("practice-service-account.pem");
const KEY_ID: &str = "5d1c0f0e7a3b4c2d9e8f7a6b5c4d3e2f1a0b9c8d";
const CLIENT_EMAIL: &str = "switchboard-practice@switchboard-demo.iam.gserviceaccount.com";
const CLIENT_ID: &str = "104857600000000000001";
const JWT_BEARER: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/// Google accepts assertions of at most an hour, and tolerates a little clock drift.
const MAX_LIFETIME: u64 = 3600;
const DRIFT: u64 = 300;

/// The practice service account, announced like the demo credentials (a key file's fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoogleServiceAccount {
    pub client_email: String,
    pub client_id: String,
    pub private_key_id: String,
    pub private_key: String,
}

impl GoogleServiceAccount {
    pub(crate) fn practice() -> Self {
        GoogleServiceAccount {
            client_email: CLIENT_EMAIL.to_owned(),
            client_id: CLIENT_ID.to_owned(),
            private_key_id: KEY_ID.to_owned(),
            private_key: PRACTICE_KEY_PEM.to_owned(),
        }
    }
}

/// The announced key's public half (PKCS#1 `RSAPublicKey`, what `ring` verifies with).
static PUBLIC_KEY: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let body: String = PRACTICE_KEY_PEM
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let der = STANDARD.decode(body).expect("the fixture key is base64");
    let pair = RsaKeyPair::from_pkcs8(&der).expect("the fixture key is PKCS#8 RSA");
    pair.public_key().as_ref().to_vec()
});

pub(crate) fn routes() -> Router<Arc<Emu>> {
    Router::new().route("/token", post(token))
}

fn refused(status: StatusCode, error: &str, description: &str) -> Response {
    json(
        status,
        json!({ "error": error, "error_description": description }),
    )
}

fn bad_signature() -> Response {
    refused(
        StatusCode::BAD_REQUEST,
        "invalid_grant",
        "Invalid JWT Signature.",
    )
}

async fn token(State(emu): State<Arc<Emu>>, body: Bytes) -> Response {
    let form = Params::parse(&String::from_utf8_lossy(&body));
    if form.get("grant_type") != Some(JWT_BEARER) {
        return refused(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Invalid grant_type: ",
        );
    }
    let assertion = form.get("assertion").unwrap_or_default();
    let parts: Vec<&str> = assertion.split('.').collect();
    let decode = |part: &str| -> Option<Value> {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).ok()?).ok()
    };
    let (Some(header), Some(claims), Some(signature)) = (
        parts.first().and_then(|p| decode(p)),
        parts.get(1).and_then(|p| decode(p)),
        parts.get(2).and_then(|p| URL_SAFE_NO_PAD.decode(p).ok()),
    ) else {
        return refused(StatusCode::BAD_REQUEST, "invalid_grant", "Invalid JWT.");
    };
    let plan = emu.faults.plan();
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    if text(&claims, "iss") != CLIENT_EMAIL {
        return refused(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "The OAuth client was not found.",
        );
    }
    let signed = format!("{}.{}", parts[0], parts[1]);
    let verified = UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, PUBLIC_KEY.as_slice())
        .verify(signed.as_bytes(), &signature)
        .is_ok();
    if !verified
        || text(&header, "alg") != "RS256"
        || text(&header, "kid") != KEY_ID
        || plan.google_key_revoked
    {
        return bad_signature();
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let number = |key: &str| claims.get(key).and_then(Value::as_u64).unwrap_or(0);
    let (iat, exp) = (number("iat"), number("exp"));
    let timely = exp > iat && exp - iat <= MAX_LIFETIME && iat <= now + DRIFT && exp + DRIFT >= now;
    if !timely {
        return refused(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.",
        );
    }
    if text(&claims, "aud") != emu.endpoints.google.token_uri {
        return refused(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Invalid JWT: Failed audience check. The expected audience is the token endpoint.",
        );
    }
    let scope = text(&claims, "scope");
    let scopes: Vec<&str> = scope.split(' ').filter(|s| !s.is_empty()).collect();
    if scopes.is_empty()
        || !scopes
            .iter()
            .all(|s| s.starts_with("https://www.googleapis.com/auth/"))
    {
        return refused(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            "Invalid OAuth scope or ID token audience provided.",
        );
    }
    if claims.get("sub").is_some() && plan.google_delegation_missing {
        return refused(
            StatusCode::UNAUTHORIZED,
            "unauthorized_client",
            "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.",
        );
    }
    json(
        StatusCode::OK,
        json!({
            "access_token": format!("ya29.practice-{iat}"),
            "expires_in": 3599,
            "token_type": "Bearer",
        }),
    )
}
