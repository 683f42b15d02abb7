//! Each vendor's Test against a mock server: the requests it sends (credentials where the
//! vendor wants them), the checks it reports, the one token refresh, and the connection rule
//! (only a practice connection may use http://, and only to loopback).

use switchboard_core::connection::{
    Code, ConnectionSettings, Diagnosis, Endpoints, SalesforceEnvironment, Vendor,
};
use switchboard_core::vendors::{self, salesforce as sf};
use wiremock::matchers::{
    basic_auth, bearer_token, body_string_contains, method, path, query_param,
};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::vendor_support::{
    assert_no_secret, body, clock, cxone, failed_code, genesys, http, salesforce, secrets, zoom,
};

fn ids(diagnosis: &Diagnosis) -> Vec<(&str, bool)> {
    diagnosis
        .checks
        .iter()
        .map(|c| (c.id.as_str(), c.ok))
        .collect()
}

async fn test(settings: ConnectionSettings) -> Diagnosis {
    let vendor = settings.vendor();
    let clock = clock();
    let diagnosis = vendors::test_with(&settings, &secrets(vendor), &http(&clock)).await;
    assert_no_secret(&diagnosis);
    diagnosis
}

fn ok(status: u16, vendor: &str, fixture: &str, server: &MockServer) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(body(vendor, fixture, server))
}

#[tokio::test]
async fn zoom_mints_with_account_credentials_in_the_body_and_counts_users() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(basic_auth("aBcDeFgHiJkLmNoPqR", "zoomSecretVALUE4711"))
        .and(body_string_contains("grant_type=account_credentials"))
        .and(body_string_contains("account_id=xYz12AbCdEfGhIjKlMnOpQ"))
        .respond_with(ok(200, "zoom", "token-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/users"))
        .and(query_param("page_size", "1"))
        .and(bearer_token("eyJzb29tLXRva2VuIn0.fixture"))
        .respond_with(ok(200, "zoom", "users-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Zoom(zoom(&server))).await;
    assert!(diagnosis.ok, "{diagnosis:#?}");
    assert_eq!(
        ids(&diagnosis),
        [
            ("settings", true),
            ("token", true),
            ("scopes", true),
            ("users", true)
        ]
    );
    assert_eq!(diagnosis.checks[3].params["totalRecords"], 42);
    assert_eq!(diagnosis.vendor, Vendor::Zoom);
    assert_eq!(
        diagnosis.checked_at, "2020-05-31T00:00:00Z",
        "stamped by the injected clock"
    );
}

#[tokio::test]
async fn zoom_refreshes_an_expired_token_once_and_carries_on() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(200, "zoom", "token-ok", &server))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ok(401, "zoom", "users-token-expired", &server))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ok(200, "zoom", "users-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Zoom(zoom(&server))).await;
    assert!(diagnosis.ok, "{diagnosis:#?}");
}

#[tokio::test]
async fn zoom_gives_up_after_one_refresh_when_the_new_token_is_refused_too() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(200, "zoom", "token-ok", &server))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ok(400, "zoom", "users-invalid-access-token", &server))
        .expect(2)
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Zoom(zoom(&server))).await;
    assert_eq!(
        failed_code(&diagnosis).as_deref(),
        Some("vendor.token_rejected")
    );
}

#[tokio::test]
async fn cxone_discovers_the_api_host_for_the_tenant_in_its_token_and_reads_codes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/token"))
        .and(basic_auth(
            "registered-client-7",
            "cxoneClientSecretVALUE0043",
        ))
        .and(body_string_contains("grant_type=password"))
        .and(body_string_contains("username=AKIDFIXTURE0001"))
        .and(body_string_contains("password=cxoneKeySecretVALUE0042"))
        .respond_with(ok(200, "cxone", "token-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/.well-known/cxone-configuration"))
        .and(query_param(
            "tenantId",
            "11eb0358-8e9e-4b6c-9a6c-0242ac110002",
        ))
        .respond_with(ok(200, "cxone", "discovery-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/inContactAPI/services/v34.0/unavailable-codes"))
        .and(bearer_token("eyJjeG9uZS10b2tlbiJ9.fixture"))
        .respond_with(ok(200, "cxone", "unavailable-codes-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Cxone(cxone(&server))).await;
    assert!(diagnosis.ok, "{diagnosis:#?}");
    assert_eq!(
        ids(&diagnosis),
        [
            ("settings", true),
            ("token", true),
            ("discovery", true),
            ("unavailable_codes", true)
        ]
    );
    assert_eq!(diagnosis.checks[2].params["area"], "na1");
    assert_eq!(diagnosis.checks[3].params["totalRecords"], 7);
}

#[tokio::test]
async fn cxone_flags_an_area_that_differs_from_the_tenants_and_an_unknown_tenant() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(200, "cxone", "token-ok", &server))
        .mount(&server)
        .await;
    Mock::given(path("/.well-known/cxone-configuration"))
        .and(query_param(
            "tenantId",
            "11eb0358-8e9e-4b6c-9a6c-0242ac110002",
        ))
        .respond_with(ok(200, "cxone", "discovery-ok", &server))
        .mount(&server)
        .await;
    Mock::given(path("/.well-known/cxone-configuration"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/inContactAPI/services/v34.0/unavailable-codes"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;

    let mut settings = cxone(&server);
    settings.area = Some("eu1".into());
    let diagnosis = test(ConnectionSettings::Cxone(settings.clone())).await;
    let area = diagnosis.checks.iter().find(|c| c.id == "area").unwrap();
    assert_eq!(area.code, Some(Code::CxoneAreaMismatch));
    assert_eq!(
        (
            area.params["configured"].as_str(),
            area.params["actual"].as_str()
        ),
        (Some("eu1"), Some("na1"))
    );
    assert!(
        diagnosis.checks.last().unwrap().ok,
        "204 (no codes yet) is a working read"
    );

    settings.tenant_id = Some("00000000-0000-4000-8000-000000000000".into());
    let diagnosis = test(ConnectionSettings::Cxone(settings)).await;
    assert_eq!(
        failed_code(&diagnosis).as_deref(),
        Some("cxone.tenant_not_found")
    );
}

#[tokio::test]
async fn salesforce_appends_the_security_token_and_queries_presence_statuses() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/services/oauth2/token"))
        .and(body_string_contains("grant_type=password"))
        .and(body_string_contains("client_id=3MVG9FixtureConsumerKey"))
        .and(body_string_contains(
            "client_secret=sfConsumerSecretVALUE77",
        ))
        .and(body_string_contains("username=integration%40acme.example"))
        .and(body_string_contains(
            "password=sfPasswordVALUE88sfTokenVALUE99",
        ))
        .respond_with(ok(200, "salesforce", "token-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/services/data/v67.0/query"))
        .and(query_param("q", sf::PRESENCE_QUERY))
        .and(bearer_token("00Dxx0000001gPL!AQ4AQFixtureSessionId"))
        .respond_with(ok(200, "salesforce", "query-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Salesforce(salesforce(&server))).await;
    assert!(diagnosis.ok, "{diagnosis:#?}");
    assert_eq!(
        ids(&diagnosis),
        [
            ("settings", true),
            ("token", true),
            ("presence_statuses", true)
        ]
    );
    assert_eq!(diagnosis.checks[2].params["count"], 2);
    assert_eq!(diagnosis.checks[1].params["instanceHost"], "127.0.0.1");
}

#[tokio::test]
async fn salesforce_logs_in_again_once_on_invalid_session_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(200, "salesforce", "token-ok", &server))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ok(401, "salesforce", "query-session-expired", &server))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ok(200, "salesforce", "query-ok", &server))
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Salesforce(salesforce(&server))).await;
    assert!(diagnosis.ok, "{diagnosis:#?}");
}

#[tokio::test]
async fn salesforce_never_retries_an_exhausted_daily_allowance() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(200, "salesforce", "token-ok", &server))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ok(403, "salesforce", "query-request-limit-exceeded", &server)
                .insert_header("Sforce-Limit-Info", "api-usage=15000/15000"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Salesforce(salesforce(&server))).await;
    let check = diagnosis.checks.last().unwrap();
    assert_eq!(check.code, Some(Code::SalesforceRequestLimitExceeded));
    assert_eq!(check.params["usage"], "api-usage=15000/15000");
}

#[tokio::test]
async fn a_practice_connection_refuses_an_instance_off_this_computer() {
    let server = MockServer::start().await;
    let mut token = body("salesforce", "token-ok", &server);
    token["instance_url"] = "https://na1.salesforce.com".into();
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(token))
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Salesforce(salesforce(&server))).await;
    assert_eq!(
        failed_code(&diagnosis).as_deref(),
        Some("vendor.untrusted_endpoint")
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[test]
fn salesforce_logs_in_on_the_environments_host() {
    let mut settings = salesforce_settings(SalesforceEnvironment::Production, None);
    assert_eq!(sf::login_base(&settings), "https://login.salesforce.com");
    settings.environment = SalesforceEnvironment::Sandbox;
    assert_eq!(sf::login_base(&settings), "https://test.salesforce.com");
    let settings = salesforce_settings(
        SalesforceEnvironment::MyDomain,
        Some("acme.my.salesforce.com"),
    );
    assert_eq!(sf::login_base(&settings), "https://acme.my.salesforce.com");
}

fn salesforce_settings(
    environment: SalesforceEnvironment,
    host: Option<&str>,
) -> switchboard_core::connection::SalesforceSettings {
    switchboard_core::connection::SalesforceSettings {
        environment,
        my_domain_host: host.map(str::to_owned),
        username: "admin@acme.example".into(),
        consumer_key: "3MVG9".into(),
        endpoints: Endpoints::default(),
    }
}

#[tokio::test]
async fn genesys_mints_client_credentials_and_lists_integration_types() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(basic_auth(
            "5b5c1c39-0000-4000-8000-000000000001",
            "genesysSecretVALUE55",
        ))
        .and(body_string_contains("grant_type=client_credentials"))
        .respond_with(ok(200, "genesys", "token-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/integrations/types"))
        .and(bearer_token("genesys-fixture-access-token"))
        .respond_with(ok(200, "genesys", "types-ok", &server))
        .expect(1)
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Genesys(genesys(&server))).await;
    assert!(diagnosis.ok, "{diagnosis:#?}");
    assert_eq!(diagnosis.checks[2].params["count"], 3);
    assert_eq!(diagnosis.checks[1].params["region"], "mypurecloud.de");
}

#[tokio::test]
async fn genesys_names_the_missing_permissions_and_the_region_of_an_unknown_client() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(200, "genesys", "token-ok", &server))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ok(403, "genesys", "types-missing-permissions", &server))
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Genesys(genesys(&server))).await;
    let check = diagnosis.checks.last().unwrap();
    assert_eq!(
        check.params["permissions"],
        serde_json::json!(["integrations:integration:view"])
    );

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(400, "genesys", "token-client-not-found", &server))
        .mount(&server)
        .await;
    let diagnosis = test(ConnectionSettings::Genesys(genesys(&server))).await;
    assert_eq!(
        diagnosis.checks.last().unwrap().params["region"],
        "mypurecloud.de"
    );
}

#[tokio::test]
async fn a_missing_secret_fails_the_settings_check_before_any_request() {
    let server = MockServer::start().await;
    let clock = clock();
    let diagnosis = vendors::test_with(
        &ConnectionSettings::Zoom(zoom(&server)),
        &Default::default(),
        &http(&clock),
    )
    .await;
    assert_eq!(ids(&diagnosis), [("settings", false)]);
    assert_eq!(
        failed_code(&diagnosis).as_deref(),
        Some("settings.missing_secret")
    );
    assert_eq!(diagnosis.checks[0].params["field"], "client-secret");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn an_ordinary_connection_may_not_use_http_even_to_loopback() {
    let server = MockServer::start().await;
    let mut settings = zoom(&server);
    settings.endpoints.practice = false;
    let diagnosis = test(ConnectionSettings::Zoom(settings)).await;
    let check = &diagnosis.checks[0];
    assert_eq!(check.code, Some(Code::SettingsInvalid));
    assert_eq!(check.params["field"], "tokenBase");
    assert_eq!(check.params["rule"], "endpoint_https");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_practice_connection_uses_http_to_loopback_but_nothing_else() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(200, "genesys", "token-ok", &server))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ok(200, "genesys", "types-ok", &server))
        .mount(&server)
        .await;
    let settings = genesys(&server);
    assert!(
        settings
            .endpoints
            .token_base
            .as_deref()
            .unwrap()
            .starts_with("http://127.0.0.1")
    );
    assert!(test(ConnectionSettings::Genesys(settings.clone())).await.ok);

    let mut off_machine = settings;
    off_machine.endpoints.api_base = Some("http://192.0.2.10:8080".into());
    let diagnosis = test(ConnectionSettings::Genesys(off_machine)).await;
    assert_eq!(diagnosis.checks[0].params["rule"], "endpoint_loopback");
}
