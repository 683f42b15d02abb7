//! Profile files: export → import round-trips everything but the secrets, secret canaries of
//! every kind appear in neither the file nor the journal CSV, a newer or foreign file is refused,
//! a name already taken is never overwritten silently, and reusable parts import alone.

use std::collections::BTreeMap;

use serde_json::Value;
use switchboard_core::connection::{ConnectionSettings, Endpoints, GenesysSettings, Vendor};
use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{DataActionsPlan, PlannedIntegration, SecretSource};
use switchboard_core::locale::Locale;
use switchboard_core::secrets::Sensitive;
use switchboard_core::storage::journal::Query;
use switchboard_core::switchboard::profile_files::{ImportChoice, SecretPlace};
use switchboard_core::{ErrorCode, Switchboard};

use super::core;

const DATA_ACTIONS: &str = "genesys-data-actions";
const DIRECTORY: &str = "zoom-directory-sync";
const EN: Locale = Locale::En;

/// A distinct random string per kind of secret.
fn canary(kind: &str) -> String {
    format!("canary-{kind}-{:016x}", rand_u64())
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(
        std::time::SystemTime::now()
            .elapsed()
            .map_or(7, |d| d.as_nanos() as u64),
    );
    h.finish()
}

fn plan() -> DataActionsPlan {
    DataActionsPlan {
        integrations: vec![PlannedIntegration {
            name: "Billing API".into(),
            kind: Kind::WebServices,
            credential_type: "basicAuth".into(),
            fields: BTreeMap::from([("userName".into(), "svc-genesys".into())]),
            secrets: BTreeMap::from([("password".into(), SecretSource::Keychain)]),
            notes: "hand-over".into(),
        }],
    }
}

/// "Acme" with a Genesys connection, values, a plan and one secret of each kind; the canaries.
fn acme(core: &Switchboard) -> (i64, Vec<String>) {
    let p = core.create_profile("Acme").unwrap().id;
    core.save_connection(
        p,
        ConnectionSettings::Genesys(GenesysSettings {
            region: "mypurecloud.de".into(),
            client_id: "5b5c1c39-0000-4000-8000-000000000001".into(),
            endpoints: Endpoints::default(),
        }),
    )
    .unwrap();
    core.set_field(
        p,
        DIRECTORY,
        "zoom-presence-app",
        "zoom-ps-app-name",
        "Presence sync",
        EN,
    )
    .unwrap();
    core.save_data_actions_plan(p, DATA_ACTIONS, &plan())
        .unwrap();
    let secrets = vec![canary("connection"), canary("flow"), canary("data-action")];
    core.set_connection_secret(
        p,
        Vendor::Genesys,
        "client-secret",
        Some(&Sensitive::new(&secrets[0])),
    )
    .unwrap();
    core.set_secret(
        p,
        DIRECTORY,
        "zoom-presence-app",
        "zoom-ps-client-secret",
        &Sensitive::new(&secrets[1]),
        EN,
    )
    .unwrap();
    core.set_data_action_secret(
        p,
        DATA_ACTIONS,
        "Billing API",
        "password",
        Some(&Sensitive::new(&secrets[2])),
    )
    .unwrap();
    (p, secrets)
}

/// The file without what an export never keeps the same (its time, the profile's name).
fn comparable(text: &str) -> Value {
    let mut file: Value = serde_json::from_str(text).unwrap();
    file["exportedAt"] = Value::Null;
    file["profile"]["name"] = Value::Null;
    file
}

#[test]
fn no_secret_of_any_kind_is_in_the_profile_file_or_the_journal_csv() {
    let core = core();
    let (p, canaries) = acme(&core);
    let text = core.profile_file_text(p).unwrap();
    let csv = core.journal_csv(p, &Query::default(), EN).unwrap();
    for secret in &canaries {
        assert!(
            !text.contains(secret.as_str()),
            "a secret in the profile file"
        );
        assert!(
            !csv.contains(secret.as_str()),
            "a secret in the journal CSV"
        );
    }
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], "switchboard-profile");
    assert_eq!(file["version"], 1);
    let names: Vec<String> = file["secrets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{}/{}",
                s["scope"].as_str().unwrap(),
                s["field"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            "connection:genesys/client-secret",
            "data-actions/Billing API/password",
            "flow:zoom-directory-sync/zoom-ps-client-secret",
        ]
    );
}

#[test]
fn export_then_import_gives_back_everything_but_the_secrets() {
    let core = core();
    let (p, _) = acme(&core);
    let text = core.profile_file_text(p).unwrap();
    core.delete_profile(p).unwrap();

    let imported = core
        .import_profile(&text, &ImportChoice::default())
        .unwrap();
    assert_eq!(imported.profile.name, "Acme");
    assert_eq!(imported.replaced, None);
    let mut again = comparable(&core.profile_file_text(imported.profile.id).unwrap());
    let mut before = comparable(&text);
    // The keychain entries are not carried: the imported profile has none set yet.
    again["secrets"] = Value::Null;
    before["secrets"] = Value::Null;
    assert_eq!(again, before);

    let places: Vec<(SecretPlace, &str)> = imported
        .secrets
        .iter()
        .map(|s| (s.place, s.field.as_str()))
        .collect();
    assert_eq!(
        places,
        [
            (SecretPlace::Connection, "client-secret"),
            (SecretPlace::DataAction, "password"),
            (SecretPlace::Flow, "zoom-ps-client-secret"),
        ]
    );
    let connection = core
        .connection(imported.profile.id, Vendor::Genesys)
        .unwrap();
    assert!(
        connection.secrets_set.is_empty(),
        "no secret came with the file"
    );
}

#[test]
fn a_taken_name_imports_as_a_copy_and_is_replaced_only_when_asked() {
    let core = core();
    let (p, _) = acme(&core);
    let text = core.profile_file_text(p).unwrap();

    let preview = core.preview_profile_file(&text).unwrap();
    assert_eq!(preview.existing, Some(p));
    assert_eq!(preview.copy_name, "Acme (2)");
    assert_eq!(preview.reusable.data_action_plans, 1);

    let copy = core
        .import_profile(&text, &ImportChoice::default())
        .unwrap();
    assert_eq!(copy.profile.name, "Acme (2)");
    assert!(core.profile(p).is_ok(), "the original is untouched");

    let chosen = ImportChoice {
        as_name: Some("Acme".into()),
        replace: false,
    };
    let refused = core.import_profile(&text, &chosen).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Conflict);

    let replace = ImportChoice {
        as_name: None,
        replace: true,
    };
    let replaced = core.import_profile(&text, &replace).unwrap();
    assert_eq!(replaced.replaced.as_deref(), Some("Acme"));
    assert_eq!(replaced.profile.name, "Acme");
    assert!(core.profile(p).is_err(), "the old Acme is gone");
}

#[test]
fn a_newer_version_and_a_foreign_file_are_refused_with_their_codes() {
    let core = core();
    let (p, _) = acme(&core);
    let mut file: Value = serde_json::from_str(&core.profile_file_text(p).unwrap()).unwrap();
    file["version"] = 2.into();
    let newer = core
        .import_profile(&file.to_string(), &ImportChoice::default())
        .unwrap_err();
    assert_eq!(newer.code(), ErrorCode::ProfileFileNewer);
    let foreign = core
        .import_profile(
            r#"{"format": "switchboard-presence-rule"}"#,
            &ImportChoice::default(),
        )
        .unwrap_err();
    assert_eq!(foreign.code(), ErrorCode::ProfileFileInvalid);
    assert_eq!(core.list_profiles().unwrap().len(), 1, "nothing imported");
}

#[test]
fn only_the_reusable_parts_go_into_another_profile() {
    let core = core();
    let (p, _) = acme(&core);
    let mut file: Value = serde_json::from_str(&core.profile_file_text(p).unwrap()).unwrap();
    file["futureKey"] = true.into();
    let other = core.create_profile("Globex").unwrap().id;

    let parts = core.import_profile_parts(other, &file.to_string()).unwrap();
    assert_eq!(parts.parts.data_action_plans, 1);
    assert_eq!(parts.unknown_keys, ["futureKey"]);
    assert_eq!(parts.secrets.len(), 1, "the plan's credential to enter");
    assert_eq!(parts.secrets[0].integration.as_deref(), Some("Billing API"));
    let copied = core.data_actions_plan(other, DATA_ACTIONS).unwrap();
    assert_eq!(copied.plan, plan());
    assert!(
        core.connection(other, Vendor::Genesys)
            .unwrap()
            .settings
            .is_none(),
        "no connection"
    );
}

#[tokio::test]
async fn a_practice_profile_imports_as_a_normal_one_without_its_connections() {
    let p = super::practice().await;
    let text = p.core.profile_file_text(p.profile).unwrap();
    for (vendor, field, secret) in &p.tenant.secrets {
        assert!(
            !text.contains(secret.expose()),
            "{vendor} {field} in the file"
        );
    }
    let imported = p
        .core
        .import_profile(&text, &ImportChoice::default())
        .unwrap();
    assert!(!imported.profile.practice);
    assert!(!imported.skipped_connections.is_empty());
    assert!(
        imported
            .secrets
            .iter()
            .all(|s| s.place != SecretPlace::Connection),
        "no secret asked for a connection left out"
    );
    for vendor in Vendor::ALL {
        let view = p.core.connection(imported.profile.id, vendor).unwrap();
        assert!(
            view.settings.is_none(),
            "{vendor}: no emulator connection carried"
        );
    }
}
