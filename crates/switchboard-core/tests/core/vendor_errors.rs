//! Every vendor error string the field notes list for the four logins (and the first API call
//! after them) maps to its own diagnosis code, and no diagnosis ever carries a secret.

use std::collections::HashSet;

use switchboard_core::connection::{Code, ConnectionSettings, Diagnosis, Vendor, codes};
use switchboard_core::vendors;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::vendor_support::{
    assert_no_secret, body, clock, cxone, failed_code, genesys, http, salesforce, secrets, zoom,
};

/// Where a vendor's token request and its one read go.
fn routes(vendor: Vendor) -> (&'static str, &'static str) {
    match vendor {
        Vendor::Zoom => ("/oauth/token", "/v2/users"),
        Vendor::Cxone => (
            "/auth/token",
            "/inContactAPI/services/v34.0/unavailable-codes",
        ),
        Vendor::Salesforce => ("/services/oauth2/token", "/services/data/v67.0/query"),
        Vendor::Genesys => ("/oauth/token", "/api/v2/integrations/types"),
    }
}

fn settings(vendor: Vendor, server: &MockServer) -> ConnectionSettings {
    match vendor {
        Vendor::Zoom => ConnectionSettings::Zoom(zoom(server)),
        Vendor::Cxone => ConnectionSettings::Cxone(cxone(server)),
        Vendor::Salesforce => ConnectionSettings::Salesforce(salesforce(server)),
        Vendor::Genesys => ConnectionSettings::Genesys(genesys(server)),
    }
}

/// Serves `token` (status, fixture) for the token request and, when given, `read` for the API
/// read; a good token and CXone's discovery otherwise.
async fn run(vendor: Vendor, token: Answer, read: Option<Answer>) -> Diagnosis {
    let server = MockServer::start().await;
    let name = vendor.as_str();
    let (token_path, read_path) = routes(vendor);
    Mock::given(method("POST"))
        .and(path(token_path))
        .respond_with(ResponseTemplate::new(token.0).set_body_json(body(name, token.1, &server)))
        .mount(&server)
        .await;
    Mock::given(path("/.well-known/cxone-configuration"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(
            "cxone",
            "discovery-ok",
            &server,
        )))
        .mount(&server)
        .await;
    if let Some((status, fixture)) = read {
        Mock::given(method("GET"))
            .and(path(read_path))
            .respond_with(ResponseTemplate::new(status).set_body_json(body(name, fixture, &server)))
            .mount(&server)
            .await;
    }
    let clock = clock();
    let diagnosis =
        vendors::test_with(&settings(vendor, &server), &secrets(vendor), &http(&clock)).await;
    assert_no_secret(&diagnosis);
    diagnosis
}

/// A status and the fixture served with it.
type Answer = (u16, &'static str);

/// (vendor, token answer, read answer, expected code)
const CASES: &[(Vendor, Answer, Option<Answer>, &str)] = &[
    // Zoom, field notes Z-1, Z-2, Z-3, Z-5, Z-7
    (
        Vendor::Zoom,
        (400, "token-invalid-client"),
        None,
        "zoom.invalid_client",
    ),
    (
        Vendor::Zoom,
        (400, "token-invalid-client-secret"),
        None,
        "zoom.invalid_client_secret",
    ),
    (
        Vendor::Zoom,
        (400, "token-client-id-mismatch"),
        None,
        "zoom.client_id_mismatch",
    ),
    (
        Vendor::Zoom,
        (400, "token-credentials-missing"),
        None,
        "zoom.credentials_missing",
    ),
    (
        Vendor::Zoom,
        (400, "token-unsupported-grant-type"),
        None,
        "zoom.not_server_to_server_app",
    ),
    (
        Vendor::Zoom,
        (200, "token-no-access-token"),
        None,
        "zoom.no_token_issued",
    ),
    (
        Vendor::Zoom,
        (200, "token-ok"),
        Some((400, "users-missing-scopes")),
        "zoom.missing_scopes",
    ),
    (
        Vendor::Zoom,
        (200, "token-ok"),
        Some((403, "users-api-access-denied")),
        "zoom.api_access_denied",
    ),
    (
        Vendor::Zoom,
        (200, "token-ok"),
        Some((429, "rate-limit-daily")),
        "zoom.daily_rate_limit",
    ),
    (
        Vendor::Zoom,
        (200, "token-ok"),
        Some((429, "rate-limit-per-second")),
        "rate_limited",
    ),
    // CXone, CX-1
    (
        Vendor::Cxone,
        (400, "token-invalid-client"),
        None,
        "cxone.invalid_client",
    ),
    (
        Vendor::Cxone,
        (400, "token-invalid-grant"),
        None,
        "cxone.invalid_access_key",
    ),
    (
        Vendor::Cxone,
        (400, "token-unauthorized-client"),
        None,
        "cxone.unauthorized_client",
    ),
    (
        Vendor::Cxone,
        (200, "token-ok"),
        Some((403, "forbidden")),
        "cxone.missing_permissions",
    ),
    // Salesforce, SF-1, SF-2, SF-3, SF-5, SF-6, SP-3
    (
        Vendor::Salesforce,
        (400, "token-authentication-failure"),
        None,
        "salesforce.authentication_failure",
    ),
    (
        Vendor::Salesforce,
        (400, "token-unsupported-grant-type"),
        None,
        "salesforce.unsupported_grant_type",
    ),
    (
        Vendor::Salesforce,
        (400, "token-security-token-required"),
        None,
        "salesforce.security_token_required",
    ),
    (
        Vendor::Salesforce,
        (400, "token-invalid-login"),
        None,
        "salesforce.invalid_login",
    ),
    (
        Vendor::Salesforce,
        (400, "token-not-supported-on-domain"),
        None,
        "salesforce.login_host_not_supported",
    ),
    (
        Vendor::Salesforce,
        (400, "token-invalid-client-id"),
        None,
        "salesforce.invalid_consumer_key",
    ),
    (
        Vendor::Salesforce,
        (400, "token-invalid-client"),
        None,
        "salesforce.invalid_consumer_secret",
    ),
    (
        Vendor::Salesforce,
        (400, "token-user-not-approved"),
        None,
        "salesforce.user_not_approved",
    ),
    (
        Vendor::Salesforce,
        (200, "token-ok"),
        Some((403, "query-request-limit-exceeded")),
        "salesforce.request_limit_exceeded",
    ),
    (
        Vendor::Salesforce,
        (200, "token-ok"),
        Some((400, "query-invalid-type")),
        "salesforce.omni_channel_unavailable",
    ),
    // Genesys, GC-1, GC-2
    (
        Vendor::Genesys,
        (400, "token-unauthorized-client"),
        None,
        "genesys.wrong_grant_type",
    ),
    (
        Vendor::Genesys,
        (400, "token-client-not-found"),
        None,
        "genesys.client_not_found_in_region",
    ),
    (
        Vendor::Genesys,
        (401, "token-authentication-failed"),
        None,
        "genesys.invalid_client_secret",
    ),
    (
        Vendor::Genesys,
        (200, "token-ok"),
        Some((403, "types-missing-permissions")),
        "genesys.missing_permissions",
    ),
];

#[tokio::test]
async fn every_field_notes_error_string_maps_to_its_own_code() {
    let mut seen = HashSet::new();
    for (vendor, token, read, expected) in CASES {
        let diagnosis = run(*vendor, *token, *read).await;
        assert!(!diagnosis.ok, "{vendor} {token:?} {read:?}");
        assert_eq!(
            failed_code(&diagnosis).as_deref(),
            Some(*expected),
            "{vendor} {token:?} {read:?}: {diagnosis:#?}"
        );
        assert!(seen.insert(*expected), "{expected} is used for two strings");
        let code = Code::parse(expected).expect("a listed code");
        assert!(codes().contains(&code), "{expected} missing from codes()");
    }
}

#[tokio::test]
async fn zoom_missing_scopes_are_named_from_the_token_scope_string() {
    let diagnosis = run(
        Vendor::Zoom,
        (200, "token-ok-granular-partial"),
        Some((200, "users-ok")),
    )
    .await;
    let json = serde_json::to_value(&diagnosis).unwrap();
    let scopes = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "scopes")
        .unwrap();
    assert_eq!(scopes["ok"], false);
    assert_eq!(scopes["code"], "zoom.missing_scopes");
    assert_eq!(
        scopes["params"]["missing"],
        serde_json::json!([
            "phone:read:admin",
            "user:write:admin",
            "zoom_events_basic:read:admin"
        ]),
        "granular names count for their classic need"
    );
    let users = json["checks"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (users["id"].as_str(), users["ok"].as_bool()),
        (Some("users"), Some(true)),
        "the user count still runs and passes"
    );
}

#[tokio::test]
async fn zoom_missing_scopes_are_named_from_zooms_error_message() {
    for (fixture, expected) in [
        ("users-missing-scopes", vec!["user:read:list_users:admin"]),
        (
            "users-missing-scopes-spaced",
            vec![
                "user:write:admin",
                "user:read:admin",
                "user:read",
                "user:write",
            ],
        ),
    ] {
        let diagnosis = run(Vendor::Zoom, (200, "token-ok"), Some((400, fixture))).await;
        let check = diagnosis.checks.last().unwrap();
        assert_eq!(check.code, Some(Code::ZoomMissingScopes));
        assert_eq!(check.params["missing"], serde_json::json!(expected));
    }
}

#[tokio::test]
async fn the_salesforce_ambiguous_refusal_names_both_causes_and_whether_a_token_was_sent() {
    let diagnosis = run(
        Vendor::Salesforce,
        (400, "token-authentication-failure"),
        None,
    )
    .await;
    let check = diagnosis.checks.last().unwrap();
    assert_eq!(
        check.params["likelyCauses"],
        serde_json::json!([
            "username_password_flow_disabled",
            "password_or_security_token"
        ])
    );
    assert_eq!(check.params["securityTokenSet"], true);
}

#[tokio::test]
async fn a_secret_echoed_by_a_vendor_never_reaches_the_diagnosis() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "error": "invalid_request",
            "error_description": "bad client_secret genesysSecretVALUE55 for client",
        })))
        .mount(&server)
        .await;
    let clock = clock();
    let diagnosis = vendors::test_with(
        &ConnectionSettings::Genesys(genesys(&server)),
        &secrets(Vendor::Genesys),
        &http(&clock),
    )
    .await;
    assert_eq!(
        failed_code(&diagnosis).as_deref(),
        Some("genesys.token_request_rejected")
    );
    assert_no_secret(&diagnosis);
    let json = serde_json::to_string(&diagnosis).unwrap();
    assert!(json.contains("<redacted>"), "{json}");
}
