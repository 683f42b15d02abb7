//! Genesys data-action setup beyond the basic sequence: the Google type a client must discover,
//! config schemas, real certificates with known expiry, the organization id, the reported state
//! that settles after a delay, and the data action whose test proves the integration works.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::Method;
use serde_json::{Value, json};
use switchboard_emulator::{EmulatorConfig, GENESYS_STATE_DELAY_MS, RunningEmulator};

use crate::contract::assert_valid;
use crate::genesys::call;
use crate::support::{genesys_session, get, start, start_with};

#[tokio::test]
async fn google_data_actions_type_is_discovered_through_its_credentials_map() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let (_, types) = get(
        &format!("{api}/api/v2/integrations/types?pageSize=100"),
        &token,
    )
    .await;
    assert_valid("genesys", "GET /api/v2/integrations/types 200", &types);
    let google = types["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .find(|t| t["name"] == "Google Cloud Data Actions")
        .expect("a Google type");
    let type_id = google["id"].as_str().expect("id");
    assert_eq!(type_id, "google-cloud-data-actions");
    let (status, kind) = get(
        &format!("{api}/api/v2/integrations/types/{type_id}"),
        &token,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(kind["maxInstances"], 100);
    let slot = &kind["credentials"]["googleServiceAccount"];
    assert_eq!(
        slot["credentialTypes"],
        json!(["googleCloudPlatform", "googleGSuite"])
    );

    let (_, credential_types) = get(
        &format!("{api}/api/v2/integrations/credentials/types"),
        &token,
    )
    .await;
    assert_valid(
        "genesys",
        "GET /api/v2/integrations/credentials/types 200",
        &credential_types,
    );
    for name in ["googleCloudPlatform", "googleGSuite"] {
        let found = credential_types["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("{name} listed"));
        assert_eq!(
            found["required"],
            json!([
                "clientId",
                "clientEmail",
                "privateKeyId",
                "privateKey",
                "scopes"
            ])
        );
        assert!(found["properties"]["impersonateUserEmail"].is_object());
    }

    let integrations = format!("{api}/api/v2/integrations");
    let fields = json!({
        "clientId": "1234567890", "clientEmail": "genesys@demo.iam.gserviceaccount.com",
        "privateKeyId": "abc123", "scopes": "https://www.googleapis.com/auth/cloud-platform",
    });
    let credential = |fields: Value| json!({ "name": "Google", "type": { "name": "googleCloudPlatform" }, "credentialFields": fields });
    let (status, refused) = call(
        Method::POST,
        &format!("{integrations}/credentials"),
        &token,
        Some(credential(fields.clone())),
    )
    .await;
    assert_eq!(status, 400, "privateKey is required: {refused}");
    let mut complete = fields;
    complete["privateKey"] =
        json!("-----BEGIN PRIVATE KEY-----\nMII...\n-----END PRIVATE KEY-----\n");
    let (status, info) = call(
        Method::POST,
        &format!("{integrations}/credentials"),
        &token,
        Some(credential(complete)),
    )
    .await;
    assert_eq!(status, 200, "{info}");
    let credential_id = info["id"].as_str().expect("id");
    let (_, stored) = get(
        &format!("{integrations}/credentials/{credential_id}"),
        &token,
    )
    .await;
    assert!(stored["credentialFields"].get("privateKey").is_none());
    assert_eq!(stored["credentialFields"]["privateKeyId"], "abc123");
}

#[tokio::test]
async fn config_schemas_answer_per_type_and_config_type() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let types = format!("{api}/api/v2/integrations/types");
    let key = "GET /api/v2/integrations/types/{typeId}/configschemas/{configType} 200";
    for (type_id, config_type) in [
        ("custom-rest-actions", "properties"),
        ("custom-rest-actions", "advanced"),
        ("google-cloud-data-actions", "properties"),
    ] {
        let (status, schema) = get(
            &format!("{types}/{type_id}/configschemas/{config_type}"),
            &token,
        )
        .await;
        assert_eq!(status, 200, "{type_id} {config_type}");
        assert_valid("genesys", key, &schema);
        assert_eq!(schema["type"], "object");
    }
    let (_, app) = get(
        &format!("{types}/embedded-client-app/configschemas/properties"),
        &token,
    )
    .await;
    assert_valid("genesys", key, &app);
    assert_eq!(app["required"], json!(["url"]));
    // The type advertises the same URIs it is served at.
    let (_, kind) = get(&format!("{types}/custom-rest-actions"), &token).await;
    assert_eq!(
        kind["configPropertiesSchemaUri"],
        "/api/v2/integrations/types/custom-rest-actions/configschemas/properties"
    );
    let (status, body) = get(
        &format!("{types}/custom-rest-actions/configschemas/basic"),
        &token,
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not.found")));
    let (status, _) = get(
        &format!("{types}/no-such-type/configschemas/properties"),
        &token,
    )
    .await;
    assert_eq!(status, 404);
}

/// One DER element at the start of `der`: (tag, contents, rest).
fn element(der: &[u8]) -> (u8, &[u8], &[u8]) {
    let tag = der[0];
    let (len, header) = match der[1] {
        n if n < 0x80 => (usize::from(n), 2),
        n => {
            let bytes = usize::from(n & 0x7f);
            let len = der[2..2 + bytes]
                .iter()
                .fold(0, |acc, b| acc << 8 | usize::from(*b));
            (len, 2 + bytes)
        }
    };
    (tag, &der[header..header + len], &der[header + len..])
}

/// `notAfter` of a PEM certificate as `YYYY-MM-DDTHH:MM:SSZ`, decoded by hand so the test needs
/// neither openssl nor an X.509 crate: Certificate → tbsCertificate → [version], serial,
/// signature, issuer, validity (notBefore, notAfter).
fn not_after(pem: &str) -> String {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = STANDARD.decode(body).expect("base64");
    let (_, certificate, _) = element(&der);
    let (_, tbs, _) = element(certificate);
    let (tag, _, mut rest) = element(tbs);
    if tag != 0xa0 {
        rest = tbs; // no explicit version: the serial comes first
    }
    for _ in 0..3 {
        rest = element(rest).2; // serial, signature algorithm, issuer
    }
    let (_, validity, _) = element(rest);
    let (_, _, after) = element(validity);
    let (tag, time, _) = element(after);
    let text = std::str::from_utf8(time).expect("ASCII time");
    let full = match tag {
        0x17 => format!("20{text}"), // UTCTime: years 2000-2049 here
        _ => text.to_owned(),        // GeneralizedTime
    };
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        &full[0..4],
        &full[4..6],
        &full[6..8],
        &full[8..10],
        &full[10..12],
        &full[12..14]
    )
}

#[tokio::test]
async fn certificates_are_real_x509_with_known_expiry_dates() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let url = format!("{api}/api/v2/integrations/actions/certificates");
    for (status, expiry) in [
        ("Current", "2027-09-15T23:59:59Z"),
        ("Upcoming", "2028-09-14T23:59:59Z"),
    ] {
        let (code, listing) = get(&format!("{url}?status={status}&type=Client"), &token).await;
        assert_eq!(code, 200);
        assert_valid(
            "genesys",
            "GET /api/v2/integrations/actions/certificates 200",
            &listing,
        );
        let entity = &listing["entities"][0];
        assert_eq!(entity["status"], status);
        assert_eq!(
            entity["signingAuthority"],
            "DigiCert Global G2 TLS RSA SHA256 2020 CA1"
        );
        let pem = entity["certificate"].as_str().expect("PEM");
        assert_eq!(not_after(pem), expiry, "{status}");
    }
}

#[tokio::test]
async fn organization_id_is_seeded_and_stable_for_a_seed() {
    let first = start().await;
    let again = start().await;
    let other = start_with(EmulatorConfig {
        seed: 7,
        ..EmulatorConfig::default()
    })
    .await;
    let mut ids = Vec::new();
    for emu in [&first, &again, &other] {
        let (token, api) = genesys_session(emu).await;
        let (status, org) = get(&format!("{api}/api/v2/organizations/me"), &token).await;
        assert_eq!(status, 200);
        assert_valid("genesys", "GET /api/v2/organizations/me 200", &org);
        assert_eq!(org["state"], "active");
        assert_eq!(org["domain"], org["thirdPartyOrgName"]);
        ids.push(org["id"].as_str().expect("id").to_owned());
    }
    assert_eq!(ids[0], ids[1], "same seed, same org");
    assert_ne!(ids[0], ids[2], "another seed, another org");
    assert_eq!(ids[0].len(), 36, "a UUID");
}

async fn patch_state(integrations: &str, id: &str, token: &str, state: &str) -> Value {
    let (status, body) = call(
        Method::PATCH,
        &format!("{integrations}/{id}"),
        token,
        Some(json!({ "intendedState": state })),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_valid(
        "genesys",
        "PATCH /api/v2/integrations/{integrationId} 200",
        &body,
    );
    body
}

/// A Web Services integration with its `basicAuth` credential set, still disabled; its id.
async fn configured_web_services(emu: &RunningEmulator) -> (String, String, String) {
    let (token, api) = genesys_session(emu).await;
    let integrations = format!("{api}/api/v2/integrations");
    let (_, created) = call(
        Method::POST,
        &integrations,
        &token,
        Some(json!({ "integrationType": { "id": "custom-rest-actions" } })),
    )
    .await;
    let id = created["id"].as_str().expect("id").to_owned();
    let credential = json!({ "name": format!("Integration-{id}"), "type": { "name": "basicAuth" },
        "credentialFields": { "userName": "svc", "password": "pw" } });
    let (_, info) = call(
        Method::POST,
        &format!("{integrations}/credentials"),
        &token,
        Some(credential),
    )
    .await;
    let config = json!({ "name": "Accounts", "version": 1,
        "credentials": { "basicAuth": { "id": info["id"] } } });
    let (status, _) = call(
        Method::PUT,
        &format!("{integrations}/{id}/config/current"),
        &token,
        Some(config),
    )
    .await;
    assert_eq!(status, 200);
    (token, integrations, id)
}

#[tokio::test]
async fn enabling_reports_activating_then_active_and_missing_credentials_settle_in_error() {
    let emu = start().await;
    let (token, integrations, id) = configured_web_services(&emu).await;
    let enabled = patch_state(&integrations, &id, &token, "ENABLED").await;
    assert_eq!(enabled["intendedState"], "ENABLED");
    assert_eq!(enabled["reportedState"]["code"], "ACTIVATING");
    let (_, still) = get(&format!("{integrations}/{id}"), &token).await;
    assert_eq!(still["reportedState"]["code"], "ACTIVATING");

    let (_, bare) = call(
        Method::POST,
        &integrations,
        &token,
        Some(json!({ "integrationType": { "id": "zendesk-data-actions" } })),
    )
    .await;
    let bare_id = bare["id"].as_str().expect("id");
    patch_state(&integrations, bare_id, &token, "ENABLED").await;

    tokio::time::sleep(Duration::from_millis(GENESYS_STATE_DELAY_MS + 150)).await;
    let (_, active) = get(&format!("{integrations}/{id}"), &token).await;
    assert_valid(
        "genesys",
        "GET /api/v2/integrations/{integrationId} 200",
        &active,
    );
    assert_eq!(active["reportedState"]["code"], "ACTIVE");
    let (_, failed) = get(&format!("{integrations}/{bare_id}"), &token).await;
    assert_eq!(failed["reportedState"]["code"], "ERROR");
    assert_eq!(
        failed["reportedState"]["detail"]["message"],
        "Missing required credentials."
    );
}

/// An emulator whose integrations settle in 100 ms, for tests that go back and forth.
async fn quick() -> RunningEmulator {
    start_with(EmulatorConfig {
        genesys_state_delay_ms: 100,
        ..EmulatorConfig::default()
    })
    .await
}

async fn settle() {
    tokio::time::sleep(Duration::from_millis(200)).await;
}

#[tokio::test]
async fn disabling_reports_deactivating_then_inactive() {
    let emu = quick().await;
    let (token, integrations, id) = configured_web_services(&emu).await;
    patch_state(&integrations, &id, &token, "ENABLED").await;
    settle().await;
    let disabled = patch_state(&integrations, &id, &token, "DISABLED").await;
    assert_eq!(disabled["reportedState"]["code"], "DEACTIVATING");
    settle().await;
    let (_, inactive) = get(&format!("{integrations}/{id}"), &token).await;
    assert_eq!(inactive["reportedState"]["code"], "INACTIVE");
}

#[tokio::test]
async fn data_action_is_listed_and_tested_only_while_its_integration_is_active() {
    let emu = quick().await;
    let (token, integrations, id) = configured_web_services(&emu).await;
    let actions = format!("{integrations}/actions?integrationId={id}");
    let (status, listing) = get(&actions, &token).await;
    assert_eq!((status, listing["total"].as_u64()), (200, Some(0)));

    patch_state(&integrations, &id, &token, "ENABLED").await;
    settle().await;
    let (status, listing) = get(&actions, &token).await;
    assert_eq!(status, 200);
    assert_valid("genesys", "GET /api/v2/integrations/actions 200", &listing);
    assert_eq!(listing["total"], 1);
    let action = &listing["entities"][0];
    assert_eq!(action["integrationId"], id.as_str());
    assert_eq!(action["name"], "Get account");
    assert_eq!(action["category"], "Accounts");
    let action_id = action["id"].as_str().expect("id").to_owned();
    assert!(action_id.starts_with("custom_-_"), "{action_id}");

    let test = format!("{integrations}/actions/{action_id}/test");
    let (status, result) = call(
        Method::POST,
        &test,
        &token,
        Some(json!({ "accountId": "001A" })),
    )
    .await;
    assert_eq!(status, 200, "{result}");
    assert_valid(
        "genesys",
        "POST /api/v2/integrations/actions/{actionId}/test 200",
        &result,
    );
    assert_eq!(result["success"], true);
    assert_eq!(result["operations"][0]["step"], 1);
    assert_eq!(result["finalResult"]["accountId"], "001A");

    patch_state(&integrations, &id, &token, "DISABLED").await;
    settle().await;
    let (status, refused) = call(Method::POST, &test, &token, Some(json!({}))).await;
    assert_eq!(status, 400);
    assert_valid("genesys", "error", &refused);
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("is not active (state INACTIVE)")),
        "{refused}"
    );
    let (_, listing) = get(&actions, &token).await;
    assert_eq!(listing["total"], 0);
    let (status, _) = call(
        Method::POST,
        &format!("{integrations}/actions/custom_-_nope/test"),
        &token,
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 404);
}
