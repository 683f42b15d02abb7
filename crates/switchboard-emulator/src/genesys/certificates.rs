//! `GET /api/v2/integrations/actions/certificates`: the client certificates data actions present
//! to the services they call (mTLS), during a rotation both the current and the upcoming one.
//!
//! The two PEM files were generated once, offline, with openssl (RSA 2048, SHA-256), each signed
//! by a throwaway stand-in CA named like Genesys' real issuer ("DigiCert Global G2 TLS RSA SHA256
//! 2020 CA1"; it is not DigiCert's). Their private keys were discarded. Subject
//! `CN=data-actions-client.mypurecloud.com, O=Genesys Cloud Services, Inc.`, extended key usage
//! clientAuth. Validity (UTC):
//!
//! | status   | notBefore            | notAfter             | serial |
//! |----------|----------------------|----------------------|--------|
//! | Current  | 2026-01-15T00:00:00Z | 2027-09-15T23:59:59Z | 0x1000 |
//! | Upcoming | 2026-11-01T00:00:00Z | 2028-09-14T23:59:59Z | 0x1001 |
//!
//! `ActionCertificate` has no expiry field ([SDKGO] `actioncertificate.go`:
//! signingAuthority, certificate, status, type), so none is invented: clients read `notAfter`
//! from the PEM.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde_json::{Value, json};

use super::access::CERTIFICATE_VIEW;
use super::{authorize, bad_request, page};
use crate::http::{Params, ok};
use crate::server::Emu;

const CURRENT: &str = include_str!("certificates/current.pem");
const UPCOMING: &str = include_str!("certificates/upcoming.pem");
const SIGNING_AUTHORITY: &str = "DigiCert Global G2 TLS RSA SHA256 2020 CA1";

pub(super) async fn list(
    State(emu): State<Arc<Emu>>,
    Path(params): Path<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[CERTIFICATE_VIEW]) {
        return *refusal;
    }
    let query = Params::from_query(&uri);
    let status = query.get("status");
    if status.is_some_and(|s| !matches!(s, "Current" | "Upcoming")) {
        return bad_request("Value is not valid for field [status]: Current or Upcoming.");
    }
    if query.get("type").is_some_and(|t| t != "Client") {
        return bad_request("Value is not valid for field [type]: Client.");
    }
    let entities: Vec<Value> = [("Current", CURRENT), ("Upcoming", UPCOMING)]
        .iter()
        .filter(|(s, _)| status.is_none_or(|want| want == *s))
        .map(|(s, pem)| {
            json!({
                "signingAuthority": SIGNING_AUTHORITY,
                "certificate": pem,
                "status": s,
                "type": "Client",
            })
        })
        .collect();
    ok(page(
        &entities,
        "/api/v2/integrations/actions/certificates",
        25,
        1,
    ))
}
