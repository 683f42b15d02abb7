//! Profiles: create, rename, delete, uniqueness, and persistence across restarts.

use switchboard_core::paths::AppPaths;
use switchboard_core::secrets::{MemoryStore, Sensitive};
use switchboard_core::{ErrorCode, Locale, Switchboard};

#[test]
fn profiles_are_created_listed_by_name_and_renamed() {
    let core = super::core();
    core.create_profile("Zeta Telecom").unwrap();
    let acme = core.create_profile("  Acme Corp ").unwrap();
    assert_eq!(acme.name, "Acme Corp", "names are trimmed");
    let names: Vec<String> = core
        .list_profiles()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Acme Corp", "Zeta Telecom"]);
    let renamed = core.rename_profile(acme.id, "Acme Japan").unwrap();
    assert_eq!(renamed.name, "Acme Japan");
    assert_eq!(
        renamed.progress.len(),
        5,
        "progress is reported for every flow"
    );
}

#[test]
fn profile_names_must_be_present_and_unique_ignoring_case() {
    let core = super::core();
    core.create_profile("Acme").unwrap();
    assert_eq!(
        core.create_profile("ACME").unwrap_err().code(),
        ErrorCode::Conflict
    );
    let empty = core.create_profile("   ").unwrap_err();
    assert_eq!(
        (empty.code(), empty.field()),
        (ErrorCode::Validation, Some("name"))
    );
}

#[test]
fn deleting_a_profile_removes_its_progress_and_keychain_entries() {
    let store = std::sync::Arc::new(MemoryStore::new());
    let core = Switchboard::in_memory(Box::new(store.clone())).unwrap();
    let p = core.create_profile("Acme").unwrap();
    core.set_secret(
        p.id,
        "zoom-directory-sync",
        "zoom-app-create",
        "zoom-client-secret",
        &Sensitive::new("s3cret-value"),
        Locale::En,
    )
    .unwrap();
    assert_eq!(store.len(), 1);
    core.delete_profile(p.id).unwrap();
    assert!(
        store.is_empty(),
        "the profile's secrets leave the keychain with it"
    );
    assert!(core.list_profiles().unwrap().is_empty());
    assert_eq!(
        core.delete_profile(p.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn everything_survives_closing_and_reopening_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().to_path_buf());
    let id = {
        let core = Switchboard::open(&paths, Box::new(MemoryStore::new())).unwrap();
        let p = core.create_profile("Acme").unwrap();
        core.set_locale(Locale::Ja).unwrap();
        core.set_resume(Some(&switchboard_core::switchboard::settings::Resume {
            profile_id: p.id,
            flow_id: Some("genesys-data-actions".into()),
        }))
        .unwrap();
        p.id
    };
    let core = Switchboard::open(&paths, Box::new(MemoryStore::new())).unwrap();
    assert_eq!(core.profile(id).unwrap().name, "Acme");
    assert_eq!(core.saved_locale().unwrap(), Some(Locale::Ja));
    let resume = core.resume().unwrap().expect("where the user left off");
    assert_eq!(resume.flow_id.as_deref(), Some("genesys-data-actions"));
}

#[test]
fn the_journal_records_actions_without_secret_values() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap();
    core.set_secret(
        p.id,
        "zoom-directory-sync",
        "zoom-app-create",
        "zoom-client-secret",
        &Sensitive::new("never-in-the-journal"),
        Locale::En,
    )
    .unwrap();
    let entries = core.journal(10).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["secret.set", "profile.create"]);
    let all = serde_json::to_string(&entries).unwrap();
    assert!(
        !all.contains("never-in-the-journal"),
        "a secret reached the journal: {all}"
    );
}
