//! What the vendor tests share: recorded bodies, an HTTP layer on a manual clock (no test
//! sleeps), practice settings pointed at a `wiremock` server, and recognisable secrets.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;
use switchboard_core::connection::{
    ConnectionSecrets, CxoneSettings, Diagnosis, Endpoints, GenesysSettings, SalesforceEnvironment,
    SalesforceSettings, Vendor, ZoomSettings,
};
use switchboard_core::secrets::Sensitive;
use switchboard_core::vendors::clock::ManualClock;
use switchboard_core::vendors::http::{Http, HttpConfig, RetryPolicy};
use wiremock::MockServer;

/// Sun, 31 May 2020 00:00:00 GMT: the manual clock's "now".
pub fn epoch() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_590_883_200)
}

pub fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::at(epoch()))
}

/// The default retry policy on a manual clock, with short timeouts so a failing test fails fast.
pub fn http(clock: &Arc<ManualClock>) -> Http {
    let config = HttpConfig {
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        https_only: false,
        retry: RetryPolicy::default(),
    };
    Http::new(config, clock.clone()).expect("http client")
}

/// A recorded body, `{{server}}` replaced by the mock server's address.
pub fn body(vendor: &str, name: &str, server: &MockServer) -> Value {
    let path = format!(
        "{}/tests/fixtures/vendors/{vendor}/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text.replace("{{server}}", &server.uri())).expect("fixture is JSON")
}

pub fn practice(server: &MockServer, api: bool) -> Endpoints {
    Endpoints {
        practice: true,
        token_base: Some(server.uri()),
        api_base: api.then(|| server.uri()),
        ..Default::default()
    }
}

pub fn zoom(server: &MockServer) -> ZoomSettings {
    ZoomSettings {
        account_id: "xYz12AbCdEfGhIjKlMnOpQ".into(),
        client_id: "aBcDeFgHiJkLmNoPqR".into(),
        endpoints: practice(server, true),
    }
}

pub fn cxone(server: &MockServer) -> CxoneSettings {
    CxoneSettings {
        access_key_id: "AKIDFIXTURE0001".into(),
        client_id: "registered-client-7".into(),
        cloud: Default::default(),
        area: None,
        tenant_id: None,
        // The API host comes from discovery (`{{server}}` in the fixture).
        endpoints: practice(server, false),
    }
}

pub fn salesforce(server: &MockServer) -> SalesforceSettings {
    SalesforceSettings {
        environment: SalesforceEnvironment::Production,
        my_domain_host: None,
        username: "integration@acme.example".into(),
        consumer_key: "3MVG9FixtureConsumerKey".into(),
        // The API host is the token's `instance_url` (`{{server}}` in the fixture).
        endpoints: practice(server, false),
    }
}

pub fn genesys(server: &MockServer) -> GenesysSettings {
    GenesysSettings {
        region: "mypurecloud.de".into(),
        client_id: "5b5c1c39-0000-4000-8000-000000000001".into(),
        endpoints: practice(server, true),
    }
}

/// Every secret value handed to a vendor in these tests; none may ever appear in a diagnosis.
pub const SECRET_VALUES: &[&str] = &[
    "zoomSecretVALUE4711",
    "cxoneKeySecretVALUE0042",
    "cxoneClientSecretVALUE0043",
    "sfConsumerSecretVALUE77",
    "sfPasswordVALUE88",
    "sfTokenVALUE99",
    "genesysSecretVALUE55",
];

pub fn secrets(vendor: Vendor) -> ConnectionSecrets {
    let s = ConnectionSecrets::default();
    match vendor {
        Vendor::Zoom => s.with("client-secret", Sensitive::new(SECRET_VALUES[0])),
        Vendor::Cxone => s
            .with("access-key-secret", Sensitive::new(SECRET_VALUES[1]))
            .with("client-secret", Sensitive::new(SECRET_VALUES[2])),
        Vendor::Salesforce => s
            .with("consumer-secret", Sensitive::new(SECRET_VALUES[3]))
            .with("password", Sensitive::new(SECRET_VALUES[4]))
            .with("security-token", Sensitive::new(SECRET_VALUES[5])),
        Vendor::Genesys => s.with("client-secret", Sensitive::new(SECRET_VALUES[6])),
    }
}

/// The code of the first failed check, as the UI receives it.
pub fn failed_code(diagnosis: &Diagnosis) -> Option<String> {
    let json = serde_json::to_value(diagnosis).unwrap();
    json["checks"]
        .as_array()?
        .iter()
        .find(|c| c["ok"] == false)
        .map(|c| c["code"].as_str().unwrap().to_owned())
}

/// Fails the test if any secret value appears in the diagnosis as serialized for the UI.
pub fn assert_no_secret(diagnosis: &Diagnosis) {
    let json = serde_json::to_string(diagnosis).unwrap();
    for secret in SECRET_VALUES {
        assert!(!json.contains(secret), "secret leaked into {json}");
    }
}
