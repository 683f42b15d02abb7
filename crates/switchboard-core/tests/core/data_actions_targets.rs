//! A credential tested with its own service before Genesys gets it: Zendesk's `users/me` and the
//! Entra sign-in for Dynamics 365, against wiremock, each refusal diagnosed by its own code.

use std::collections::BTreeMap;

use switchboard_core::connection::Code;
use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{PlannedIntegration, SecretSource};
use switchboard_core::data_actions::target_check::check;
use switchboard_core::secrets::Sensitive;
use url::Url;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::directory_support::http;

fn zendesk(server: &MockServer) -> PlannedIntegration {
    PlannedIntegration {
        name: "Support desk".into(),
        kind: Kind::Zendesk,
        credential_type: "zendeskApiToken".into(),
        fields: BTreeMap::from([
            ("userEmail".into(), "agent@acme.example".into()),
            ("baseUrl".into(), server.uri()),
        ]),
        secrets: BTreeMap::from([("apiToken".into(), SecretSource::Keychain)]),
        notes: String::new(),
    }
}

fn dynamics() -> PlannedIntegration {
    PlannedIntegration {
        name: "CRM".into(),
        kind: Kind::Dynamics,
        credential_type: "msDynamics".into(),
        fields: BTreeMap::from([
            ("username".into(), "svc@acme.example".into()),
            (
                "orgWebAddress".into(),
                "https://acme.crm4.dynamics.com".into(),
            ),
            (
                "applicationId".into(),
                "7de3af06-c0b3-4f9b-af45-72f4a1403797".into(),
            ),
        ]),
        secrets: BTreeMap::from([("password".into(), SecretSource::Keychain)]),
        notes: String::new(),
    }
}

fn secret(field: &str, value: &str) -> BTreeMap<String, Sensitive> {
    BTreeMap::from([(field.to_owned(), Sensitive::new(value))])
}

#[tokio::test]
async fn zendesk_accepts_a_good_token_and_a_refusal_is_named() {
    let server = MockServer::start().await;
    // `agent@acme.example/token:good-token-42` in Basic authentication.
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me.json"))
        .and(header(
            "authorization",
            "Basic YWdlbnRAYWNtZS5leGFtcGxlL3Rva2VuOmdvb2QtdG9rZW4tNDI=",
        ))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"user": {"id": 42, "email": "agent@acme.example"}}),
            ),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me.json"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(serde_json::json!({"error": "Couldn't authenticate you"})),
        )
        .mount(&server)
        .await;
    let login = Url::parse(&server.uri()).unwrap();
    let item = zendesk(&server);
    let ok = check(&http(), &item, &secret("apiToken", "good-token-42"), &login).await;
    assert!(matches!(ok, Some(Ok(()))), "{ok:?}");
    let refused = check(&http(), &item, &secret("apiToken", "wrong-token-1"), &login).await;
    assert_eq!(
        refused.unwrap().unwrap_err().code,
        Code::ZendeskUnauthorized
    );
}

#[tokio::test]
async fn the_entra_sign_in_for_dynamics_names_a_wrong_password_and_mfa() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/organizations/oauth2/v2.0/token"))
        .and(body_string_contains("password=right-pw"))
        .and(body_string_contains(
            "scope=https%3A%2F%2Facme.crm4.dynamics.com%2F.default",
        ))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"access_token": "eyJ0eXAi", "token_type": "Bearer"}),
            ),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/organizations/oauth2/v2.0/token"))
        .and(body_string_contains("password=wrong-pw"))
        .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "error": "invalid_grant",
            "error_description": "AADSTS50126: Error validating credentials due to invalid username or password.\r\nTrace ID: 0f3c\r\nCorrelation ID: 9a1b"
        })))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/organizations/oauth2/v2.0/token"))
        .and(body_string_contains("password=mfa-pw"))
        .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "error": "invalid_grant",
            "error_description": "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000007-0000-0000-c000-000000000000'."
        })))
        .mount(&server)
        .await;
    let login = Url::parse(&server.uri()).unwrap();
    let item = dynamics();
    assert!(matches!(
        check(&http(), &item, &secret("password", "right-pw"), &login).await,
        Some(Ok(()))
    ));
    let wrong = check(&http(), &item, &secret("password", "wrong-pw"), &login)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(wrong.code, Code::EntraInvalidCredentials);
    assert_eq!(wrong.params["aadsts"], "AADSTS50126");
    let mfa = check(&http(), &item, &secret("password", "mfa-pw"), &login)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(mfa.code, Code::EntraMfaRequired);
}

#[tokio::test]
async fn kinds_the_app_cannot_reach_itself_are_not_tested() {
    let server = MockServer::start().await;
    let login = Url::parse(&server.uri()).unwrap();
    let lambda = PlannedIntegration {
        name: "Lambda".into(),
        kind: Kind::AwsLambda,
        credential_type: "amazonWebServicesARN".into(),
        fields: BTreeMap::new(),
        secrets: BTreeMap::new(),
        notes: String::new(),
    };
    assert!(
        check(&http(), &lambda, &BTreeMap::new(), &login)
            .await
            .is_none()
    );
}
