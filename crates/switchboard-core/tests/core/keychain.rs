//! The real OS keychain. Runs for real under `scripts/test` (a D-Bus session with an unlocked
//! gnome-keyring); elsewhere it skips unless `SWITCHBOARD_REQUIRE_KEYCHAIN=1` demands it.

use switchboard_core::ErrorCode;
use switchboard_core::secrets::{Account, KeychainStore, SecretStore, Sensitive};

#[test]
fn real_secret_service_stores_reads_and_deletes_a_secret() {
    let required = std::env::var("SWITCHBOARD_REQUIRE_KEYCHAIN").is_ok_and(|v| v == "1");
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() && !required {
        eprintln!("skipped: no D-Bus session (scripts/test runs this inside one)");
        return;
    }
    let store = KeychainStore::new("app.switchboard.desktop.test");
    store.check().expect("the Secret Service answers");
    let key = Account::from_stored(format!("test/{}/flow:test/field", std::process::id()));
    store
        .set(&key, &Sensitive::new("real-keychain-value"))
        .unwrap();
    assert_eq!(
        store.get(&key).unwrap(),
        Some(Sensitive::new("real-keychain-value"))
    );
    store.delete(&key).unwrap();
    assert_eq!(store.get(&key).unwrap(), None, "a cleared secret is gone");
}

#[test]
fn a_machine_without_a_keychain_gets_keychain_unavailable_not_a_fallback() {
    let core = switchboard_core::Switchboard::in_memory(Box::new(
        switchboard_core::secrets::MemoryStore::unavailable(
            "The name org.freedesktop.secrets was not provided by any .service files",
        ),
    ))
    .unwrap();
    let status = core.keychain_status();
    assert!(!status.available);
    assert_eq!(status.error.unwrap().code, ErrorCode::KeychainUnavailable);
    let p = core.create_profile("Acme").unwrap();
    let error = core
        .set_secret(
            p.id,
            "zoom-directory-sync",
            "zoom-app-create",
            "zoom-client-secret",
            &Sensitive::new("x"),
            switchboard_core::Locale::En,
        )
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::KeychainUnavailable);
    let view = core
        .flow_view(p.id, "zoom-directory-sync", switchboard_core::Locale::En)
        .unwrap();
    let field = view
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "zoom-client-secret")
        .unwrap();
    assert!(
        !field.secret_set,
        "a secret that could not be stored is not reported as set"
    );
}
