//! Connections through `Switchboard`: settings saved and validated, secrets in the keychain
//! (the database only knows they are set), the Test's diagnosis stored and journalled.

use switchboard_core::connection::{ConnectionSettings, Endpoints, GenesysSettings, Vendor};
use switchboard_core::secrets::Sensitive;
use switchboard_core::{ErrorCode, Switchboard};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::vendor_support::{body, genesys};
use super::{core, practice_profile};

fn genesys_settings(endpoints: Endpoints) -> ConnectionSettings {
    ConnectionSettings::Genesys(GenesysSettings {
        region: " https://MyPureCloud.de/ ".into(),
        client_id: "5b5c1c39-0000-4000-8000-000000000001".into(),
        endpoints,
    })
}

#[test]
fn settings_are_saved_normalized_and_secrets_only_marked_as_set() {
    let core = core();
    let p = core.create_profile("Acme").unwrap();
    let empty = core.connection(p.id, Vendor::Genesys).unwrap();
    assert!(empty.settings.is_none() && empty.secrets_set.is_empty());

    let view = core
        .save_connection(p.id, genesys_settings(Endpoints::default()))
        .unwrap();
    let Some(ConnectionSettings::Genesys(saved)) = &view.settings else {
        panic!("{view:?}")
    };
    assert_eq!(saved.region, "mypurecloud.de");

    let view = core
        .set_connection_secret(
            p.id,
            Vendor::Genesys,
            "client-secret",
            Some(&Sensitive::new("genesysSecretVALUE55")),
        )
        .unwrap();
    assert_eq!(view.secrets_set, ["client-secret"]);
    let json = serde_json::to_string(&view).unwrap();
    assert!(!json.contains("genesysSecretVALUE55"), "{json}");

    let view = core
        .set_connection_secret(p.id, Vendor::Genesys, "client-secret", None)
        .unwrap();
    assert!(view.secrets_set.is_empty());
}

#[test]
fn invalid_settings_and_unknown_secret_fields_are_refused_by_name() {
    let core = core();
    let p = core.create_profile("Acme").unwrap();
    let mut bad = genesys_settings(Endpoints::default());
    if let ConnectionSettings::Genesys(s) = &mut bad {
        s.region = "purecloud.example".into();
    }
    let error = core.save_connection(p.id, bad).unwrap_err();
    assert_eq!(
        (error.code(), error.field()),
        (ErrorCode::Validation, Some("region"))
    );

    let error = core
        .set_connection_secret(
            p.id,
            Vendor::Genesys,
            "password",
            Some(&Sensitive::new("x")),
        )
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::NotFound);

    let error = core
        .set_connection_secret(
            p.id,
            Vendor::Genesys,
            "client-secret",
            Some(&Sensitive::new("pasted with a newline\n")),
        )
        .unwrap_err();
    assert_eq!(error.detail().unwrap().code, "secret_whitespace");
}

#[test]
fn only_a_practice_connection_may_save_an_http_loopback_url() {
    let core = core();
    let p = core.create_profile("Acme").unwrap();
    let local = Some("http://127.0.0.1:4010".to_owned());
    // An ordinary profile cannot make itself a practice connection by saying so.
    let claimed = Endpoints {
        practice: true,
        token_base: local.clone(),
        api_base: local.clone(),
        ..Default::default()
    };
    let error = core
        .save_connection(p.id, genesys_settings(claimed))
        .unwrap_err();
    assert_eq!(error.detail().unwrap().code, "endpoint_https");
    let ordinary = Endpoints {
        practice: false,
        token_base: local.clone(),
        api_base: local.clone(),
        ..Default::default()
    };
    let error = core
        .save_connection(p.id, genesys_settings(ordinary))
        .unwrap_err();
    assert_eq!(error.field(), Some("tokenBase"));
    assert_eq!(error.detail().unwrap().code, "endpoint_https");

    let p = practice_profile(&core);
    let practice = Endpoints {
        practice: true,
        token_base: local.clone(),
        api_base: local,
        ..Default::default()
    };
    core.save_connection(p.id, genesys_settings(practice))
        .unwrap();

    let half = Endpoints {
        practice: true,
        token_base: Some("http://127.0.0.1:4010".into()),
        api_base: None,
        ..Default::default()
    };
    let error = core
        .save_connection(p.id, genesys_settings(half))
        .unwrap_err();
    assert_eq!(
        (error.field(), error.detail().unwrap().code),
        (Some("apiBase"), "practice_endpoint_required"),
        "a practice connection never falls back to the real vendor"
    );
}

async fn genesys_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(body("genesys", "token-ok", &server)),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(body("genesys", "types-ok", &server)),
        )
        .mount(&server)
        .await;
    server
}

/// Wiremock speaks plain http on loopback, which only the practice profile may use.
async fn saved_and_tested(core: &Switchboard, server: &MockServer) -> i64 {
    let p = practice_profile(core);
    core.save_connection(p.id, ConnectionSettings::Genesys(genesys(server)))
        .unwrap();
    core.set_connection_secret(
        p.id,
        Vendor::Genesys,
        "client-secret",
        Some(&Sensitive::new("genesysSecretVALUE55")),
    )
    .unwrap();
    let diagnosis = core.test_connection(p.id, Vendor::Genesys).await.unwrap();
    assert!(diagnosis.ok, "{diagnosis:#?}");
    p.id
}

#[tokio::test]
async fn a_test_stores_its_diagnosis_and_journals_the_outcome_without_secrets() {
    let server = genesys_server().await;
    let core = core();
    let id = saved_and_tested(&core, &server).await;

    let view = core.connection(id, Vendor::Genesys).unwrap();
    let last = view.last_diagnosis.expect("stored");
    assert!(last.ok);
    assert_eq!(last.checks.len(), 3);

    let entry = &core.journal(1).unwrap()[0];
    assert_eq!(
        (
            entry.action.as_str(),
            entry.outcome.as_str(),
            entry.vendor.as_deref()
        ),
        ("connection.test", "ok", Some("genesys"))
    );
    let journal = serde_json::to_string(&core.journal(50).unwrap()).unwrap();
    assert!(!journal.contains("genesysSecretVALUE55"));
}

#[tokio::test]
async fn changed_settings_forget_the_last_diagnosis() {
    let server = genesys_server().await;
    let core = core();
    let id = saved_and_tested(&core, &server).await;

    let ConnectionSettings::Genesys(mut changed) = core
        .connection(id, Vendor::Genesys)
        .unwrap()
        .settings
        .unwrap()
    else {
        unreachable!()
    };
    let same = core
        .save_connection(id, ConnectionSettings::Genesys(changed.clone()))
        .unwrap();
    assert!(
        same.last_diagnosis.is_some(),
        "saving the same settings keeps it"
    );
    changed.client_id = "another-client".into();
    let view = core
        .save_connection(id, ConnectionSettings::Genesys(changed))
        .unwrap();
    assert!(view.last_diagnosis.is_none());
}

#[tokio::test]
async fn deleting_a_profile_clears_its_connection_secrets() {
    let server = genesys_server().await;
    let store = std::sync::Arc::new(switchboard_core::secrets::MemoryStore::new());
    let core = Switchboard::in_memory(Box::new(store.clone())).unwrap();
    let id = saved_and_tested(&core, &server).await;
    assert_eq!(store.len(), 1);
    core.delete_profile(id).unwrap();
    assert!(store.is_empty());
}

#[tokio::test]
async fn testing_a_connection_never_saved_is_not_found() {
    let core = core();
    let p = core.create_profile("Acme").unwrap();
    let error = core.test_connection(p.id, Vendor::Zoom).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::NotFound);
}

#[test]
fn the_test_future_can_cross_threads_as_tauri_commands_require() {
    fn assert_send<T: Send>(_: &T) {}
    let core = core();
    let future = core.test_connection(1, Vendor::Zoom);
    assert_send(&future);
}

/// A keychain entry no database record owns (left by a deleted customer whose profile id SQLite
/// hands out again, or written for another data folder) is never sent to a vendor.
#[tokio::test]
async fn a_keychain_entry_no_record_owns_is_never_used() {
    let store = switchboard_core::secrets::MemoryStore::new();
    let left_behind = switchboard_core::secrets::SecretKey::new(
        1,
        Vendor::Genesys.secret_scope(),
        "client-secret",
    );
    switchboard_core::secrets::SecretStore::set(
        &store,
        &switchboard_core::secrets::Account::legacy(&left_behind),
        &Sensitive::new("oldCustomerSECRET9"),
    )
    .unwrap();
    let core = Switchboard::in_memory(Box::new(store)).unwrap();
    let p = practice_profile(&core);
    assert_eq!(
        p.id, left_behind.profile_id,
        "the new profile got the old id"
    );
    let server = genesys_server().await;
    core.save_connection(p.id, ConnectionSettings::Genesys(genesys(&server)))
        .unwrap();

    let diagnosis = core.test_connection(p.id, Vendor::Genesys).await.unwrap();
    let codes: Vec<_> = diagnosis
        .failed_codes()
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(codes, ["settings.missing_secret"], "{diagnosis:#?}");
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing reached the vendor"
    );
}
