//! A credential tested with its own service before Genesys gets it: Zendesk's `users/me` and the
//! Entra sign-in for Dynamics 365 against wiremock, the Google service account against the
//! emulator's token endpoint (which verifies the RS256 signature); each refusal diagnosed by its
//! own code.

use std::collections::BTreeMap;

use switchboard_core::connection::Code;
use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{PlannedIntegration, SecretSource};
use switchboard_core::data_actions::target_check::{Services, check};
use switchboard_core::secrets::Sensitive;
use url::Url;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use switchboard_core::vendors::clock::{Clock, Pause, SystemClock};
use switchboard_core::vendors::http::{Http, HttpConfig};
use switchboard_emulator::{Emulator, GoogleServiceAccount, RunningEmulator};

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

/// Entra's sign-in and Google's token endpoint, both on `server`.
fn services(server: &MockServer) -> Services {
    let base = Url::parse(&server.uri()).unwrap();
    Services {
        google_token: base.join("/token").unwrap(),
        entra_login: base.clone(),
        salesforce_login: Some(base),
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
    let login = services(&server);
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
    let login = services(&server);
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
    let login = services(&server);
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

fn google(account: &GoogleServiceAccount, subject: Option<&str>) -> PlannedIntegration {
    let mut fields = BTreeMap::from([
        ("clientEmail".into(), account.client_email.clone()),
        ("clientId".into(), account.client_id.clone()),
        ("privateKeyId".into(), account.private_key_id.clone()),
        (
            "scopes".into(),
            "https://www.googleapis.com/auth/spreadsheets, https://www.googleapis.com/auth/drive.readonly"
                .into(),
        ),
    ]);
    if let Some(subject) = subject {
        fields.insert("impersonateUserEmail".into(), subject.into());
    }
    PlannedIntegration {
        name: "Sheets".into(),
        kind: Kind::Google,
        credential_type: "googleCloudPlatform".into(),
        fields,
        secrets: BTreeMap::from([("privateKey".into(), SecretSource::Keychain)]),
        notes: String::new(),
    }
}

/// The emulator's Google token endpoint (Entra is not used by these tests).
fn google_services(emulator: &RunningEmulator) -> Services {
    let token = Url::parse(&emulator.endpoints().google.token_uri).unwrap();
    Services {
        entra_login: token.clone(),
        google_token: token,
        salesforce_login: None,
    }
}

/// A clock `behind` the real one, as on a computer whose time is wrong.
struct Behind(Duration);

impl Clock for Behind {
    fn now(&self) -> SystemTime {
        SystemTime::now() - self.0
    }
    fn sleep(&self, wait: Duration) -> Pause<'_> {
        SystemClock.sleep(wait)
    }
}

#[tokio::test]
async fn a_google_key_signs_in_and_each_documented_refusal_is_named() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    let account = emulator.credentials().google.clone();
    let services = google_services(&emulator);
    let key = secret("privateKey", &account.private_key);
    let run = |item: PlannedIntegration, http: Http| {
        let (key, services) = (key.clone(), services.clone());
        async move { check(&http, &item, &key, &services).await.unwrap() }
    };

    run(google(&account, None), http())
        .await
        .expect("Google accepts the signed assertion");
    run(google(&account, Some("agent@acme.example")), http())
        .await
        .expect("delegation in place");

    emulator
        .faults()
        .update(|p| p.google_delegation_missing = true);
    let refused = run(google(&account, Some("agent@acme.example")), http())
        .await
        .unwrap_err();
    assert_eq!(refused.code, Code::GoogleDelegationMissing);
    assert_eq!(refused.params["subject"], "agent@acme.example");
    assert_eq!(refused.params["clientId"], account.client_id.as_str());
    emulator
        .faults()
        .update(|p| p.google_delegation_missing = false);

    emulator.faults().update(|p| p.google_key_revoked = true);
    let refused = run(google(&account, None), http()).await.unwrap_err();
    assert_eq!(refused.code, Code::GoogleKeyRevoked);
    assert_eq!(refused.params["keyId"], account.private_key_id.as_str());
    emulator.faults().update(|p| p.google_key_revoked = false);

    let two_hours_late = Http::new(
        HttpConfig {
            https_only: false,
            ..HttpConfig::default()
        },
        Arc::new(Behind(Duration::from_secs(7200))),
    )
    .unwrap();
    let refused = run(google(&account, None), two_hours_late)
        .await
        .unwrap_err();
    assert_eq!(refused.code, Code::GoogleClockSkew);

    let mut wrong_scope = google(&account, None);
    wrong_scope
        .fields
        .insert("scopes".into(), "spreadsheets".into());
    let refused = run(wrong_scope, http()).await.unwrap_err();
    assert_eq!(refused.code, Code::GoogleInvalidScope);

    let mut unknown = google(&account, None);
    unknown.fields.insert(
        "clientEmail".into(),
        "gone@acme.iam.gserviceaccount.com".into(),
    );
    let refused = run(unknown, http()).await.unwrap_err();
    assert_eq!(refused.code, Code::GoogleInvalidClient);
}

#[tokio::test]
async fn a_key_signed_by_another_key_pair_is_refused_as_a_revoked_key() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    let account = emulator.credentials().google.clone();
    let other = secret("privateKey", OTHER_KEY);
    let refused = check(
        &http(),
        &google(&account, None),
        &other,
        &google_services(&emulator),
    )
    .await
    .unwrap()
    .unwrap_err();
    assert_eq!(refused.code, Code::GoogleKeyRevoked);
}

#[tokio::test]
async fn a_key_that_is_not_pkcs8_rsa_is_named_and_never_repeated() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    let account = emulator.credentials().google.clone();
    let pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA-secret-material\n-----END RSA PRIVATE KEY-----\n";
    let refused = check(
        &http(),
        &google(&account, None),
        &secret("privateKey", pkcs1),
        &google_services(&emulator),
    )
    .await
    .unwrap()
    .unwrap_err();
    assert_eq!(refused.code, Code::GoogleKeyUnreadable);
    let shown = format!("{refused:?}");
    assert!(!shown.contains("secret-material"), "{shown}");
}

/// Another valid PKCS#8 RSA key: it signs well, but not as the announced key.
const OTHER_KEY: &str = include_str!("../fixtures/google-other-service-account.pem");

fn salesforce(username: &str) -> PlannedIntegration {
    PlannedIntegration {
        name: "CRM lookups".into(),
        kind: Kind::Salesforce,
        credential_type: "salesforce".into(),
        fields: BTreeMap::from([
            ("username".into(), username.into()),
            ("loginUrl".into(), "login.salesforce.com".into()),
        ]),
        secrets: BTreeMap::from([
            ("password".into(), SecretSource::Keychain),
            ("securityToken".into(), SecretSource::Keychain),
        ]),
        notes: String::new(),
    }
}

#[tokio::test]
async fn a_salesforce_user_signs_in_with_soap_login_and_a_missing_token_or_wrong_password_is_named()
{
    let emulator = Emulator::start(Default::default()).await.unwrap();
    let creds = emulator.credentials().salesforce.clone();
    let services = Services {
        salesforce_login: Some(Url::parse(&emulator.endpoints().salesforce.login_base).unwrap()),
        ..Services::vendors()
    };
    let item = salesforce(&creds.username);
    let with = |password: &str, token: Option<&str>| {
        let mut secrets = secret("password", password);
        if let Some(token) = token {
            secrets.insert("securityToken".into(), Sensitive::new(token));
        }
        secrets
    };
    let ok = check(
        &http(),
        &item,
        &with(&creds.password, Some(&creds.security_token)),
        &services,
    )
    .await;
    assert!(matches!(ok, Some(Ok(()))), "{ok:?}");
    let no_token = check(&http(), &item, &with(&creds.password, None), &services).await;
    assert_eq!(
        no_token.unwrap().unwrap_err().code,
        Code::SalesforceSecurityTokenRequired
    );
    let wrong = check(
        &http(),
        &item,
        &with("not-the-password", Some(&creds.security_token)),
        &services,
    )
    .await;
    assert_eq!(
        wrong.unwrap().unwrap_err().code,
        Code::SalesforceInvalidLogin
    );
}

#[tokio::test]
async fn salesforce_soap_faults_are_each_named_and_no_secret_is_quoted_back() {
    let server = MockServer::start().await;
    let fault = |code: &str, text: &str| {
        ResponseTemplate::new(500).set_body_string(format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com"><soapenv:Body><soapenv:Fault><faultcode>{code}</faultcode><faultstring>{text}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>"#
        ))
    };
    let cases = [
        (
            "api@acme.example",
            "sf:API_DISABLED_FOR_ORG",
            Code::SalesforceApiDisabled,
        ),
        (
            "expired@acme.example",
            "sf:INVALID_OPERATION_WITH_EXPIRED_PASSWORD",
            Code::SalesforcePasswordExpired,
        ),
        (
            "domain@acme.example",
            "sf:LOGIN_DURING_RESTRICTED_DOMAIN",
            Code::SalesforceLoginHostNotSupported,
        ),
        (
            "other@acme.example",
            "sf:SOMETHING_NEW",
            Code::SalesforceTokenRequestRejected,
        ),
    ];
    for (user, code, _) in &cases {
        Mock::given(method("POST"))
            .and(path("/services/Soap/u/64.0"))
            .and(header("SOAPAction", "login"))
            .and(body_string_contains(*user))
            // Salesforce quoting the password back must never reach the diagnosis.
            .respond_with(fault(code, "refused for p&amp;ss-tok3n"))
            .mount(&server)
            .await;
    }
    let services = Services {
        salesforce_login: Some(Url::parse(&server.uri()).unwrap()),
        ..Services::vendors()
    };
    for (user, _, expected) in cases {
        let mut secrets = secret("password", "p&ss");
        secrets.insert("securityToken".into(), Sensitive::new("-tok3n"));
        let failure = check(&http(), &salesforce(user), &secrets, &services)
            .await
            .unwrap()
            .unwrap_err();
        assert_eq!(failure.code, expected, "{user}");
        let shown = format!("{failure:?}");
        assert!(
            !shown.contains("tok3n") && !shown.contains("p&amp;ss"),
            "{shown}"
        );
    }
}
