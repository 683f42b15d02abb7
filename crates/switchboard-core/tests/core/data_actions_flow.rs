//! The data-actions flow through the Switchboard, on the practice tenant: the plan kept with the
//! profile and its secrets in the keychain, the steps that prepare each planned kind shown, the
//! preview, the journalled apply, and managing what exists.

use std::collections::BTreeMap;

use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{DataActionsPlan, PlannedIntegration, SecretSource};
use switchboard_core::locale::Locale;
use switchboard_core::secrets::Sensitive;
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::vendors::genesys::types::ReportedState;
use switchboard_core::{Error, Switchboard};

use super::practice;

const FLOW: &str = "genesys-data-actions";
const EN: Locale = Locale::En;

fn plan() -> DataActionsPlan {
    DataActionsPlan {
        integrations: vec![
            PlannedIntegration {
                name: "Billing API".into(),
                kind: Kind::WebServices,
                credential_type: "basicAuth".into(),
                fields: BTreeMap::from([("userName".into(), "svc-genesys".into())]),
                secrets: BTreeMap::from([("password".into(), SecretSource::Keychain)]),
                notes: String::new(),
            },
            PlannedIntegration {
                name: "Order lookup".into(),
                kind: Kind::AwsLambda,
                credential_type: "amazonWebServicesARN".into(),
                fields: BTreeMap::from([(
                    "ARN".into(),
                    "arn:aws:iam::123456789012:role/genesys-data-actions".into(),
                )]),
                secrets: BTreeMap::new(),
                notes: String::new(),
            },
        ],
    }
}

fn no_env(_: &str) -> Option<String> {
    None
}

fn visible(core: &Switchboard, profile: i64) -> Vec<String> {
    let view = core.flow_view(profile, FLOW, EN).unwrap();
    serde_json::to_value(&view).unwrap()["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_plan_is_kept_applied_and_its_integrations_managed() {
    let p = practice().await;
    let core = &p.core;
    let view = core
        .save_data_actions_plan(p.profile, FLOW, &plan())
        .unwrap();
    assert!(view.problems.is_empty(), "{:?}", view.problems);
    let steps = visible(core, p.profile);
    assert!(
        steps.contains(&"aws-role".to_owned()),
        "the AWS role step for the planned Lambda"
    );
    assert!(
        !steps.contains(&"zendesk-token".to_owned()),
        "no Zendesk step without a Zendesk integration: {steps:?}"
    );

    let missing = core
        .apply_data_actions(p.profile, FLOW, EN, None, &no_env)
        .await
        .unwrap_err();
    assert!(
        matches!(&missing, Error::Validation { field, .. } if field == "Billing API/password"),
        "{missing:?}"
    );

    let view = core
        .set_data_action_secret(
            p.profile,
            FLOW,
            "Billing API",
            "password",
            Some(&Sensitive::new("first-Basic-pw")),
        )
        .unwrap();
    assert_eq!(view.secrets_set, ["Billing API/password"]);
    let org = core.data_actions_org(p.profile).await.unwrap();
    assert!(
        org.kinds
            .iter()
            .filter(|k| k.kind != Kind::Google)
            .all(|k| k.type_id.is_some())
    );
    let shown = core.preview_data_actions(p.profile, FLOW).await.unwrap();
    assert!(shown.ready, "{shown:?}");

    let applied = core
        .apply_data_actions(p.profile, FLOW, EN, None, &no_env)
        .await
        .unwrap();
    assert!(applied.failure.is_none(), "{:?}", applied.failure);
    assert!(
        applied
            .outcomes
            .iter()
            .all(|o| o.state == Some(ReportedState::Active))
    );
    let step = applied
        .flow
        .steps
        .iter()
        .find(|s| s.id == "data-actions")
        .unwrap();
    assert_eq!(step.status, StepStatus::Done);

    let managed = core.data_action_integrations(p.profile).await.unwrap();
    let billing = managed
        .iter()
        .find(|i| i.name == "Billing API")
        .expect("listed");
    assert!(billing.credential_set && billing.enabled);
    let lambda_id = managed
        .iter()
        .find(|i| i.name == "Order lookup")
        .unwrap()
        .id
        .clone();

    core.set_data_action_secret(
        p.profile,
        FLOW,
        "Billing API",
        "password",
        Some(&Sensitive::new("rotated-Basic-pw")),
    )
    .unwrap();
    core.rotate_data_action_credential(p.profile, FLOW, &billing.id, &no_env)
        .await
        .unwrap();

    let off = core
        .set_data_action_enabled(p.profile, &lambda_id, false)
        .await
        .unwrap();
    assert!(!off.enabled);
    let renamed = core
        .rename_data_action(p.profile, &lambda_id, "Order lookup (old)")
        .await
        .unwrap();
    assert_eq!(renamed.name, "Order lookup (old)");
    core.delete_data_action(p.profile, &lambda_id)
        .await
        .unwrap();
    let left = core.data_action_integrations(p.profile).await.unwrap();
    assert!(left.iter().all(|i| i.id != lambda_id), "deleted");

    let journal = serde_json::to_string(&core.journal(100).unwrap()).unwrap();
    for action in [
        "data_actions.apply",
        "data_actions.rotate",
        "data_actions.disable",
        "data_actions.rename",
        "data_actions.delete",
    ] {
        assert!(journal.contains(action), "{action} journalled");
    }
    assert!(!journal.contains("Basic-pw"), "no secret in the journal");
}

#[tokio::test]
async fn a_google_key_file_fills_the_integration_and_keeps_only_the_private_key_secret() {
    let p = practice().await;
    let core = &p.core;
    let google = PlannedIntegration {
        name: "Sheets".into(),
        kind: Kind::Google,
        credential_type: "googleCloudPlatform".into(),
        fields: BTreeMap::from([(
            "scopes".into(),
            "https://www.googleapis.com/auth/spreadsheets.readonly".into(),
        )]),
        secrets: BTreeMap::new(),
        notes: String::new(),
    };
    core.save_data_actions_plan(
        p.profile,
        FLOW,
        &DataActionsPlan {
            integrations: vec![google],
        },
    )
    .unwrap();
    let not_a_key = core
        .import_google_key(
            p.profile,
            FLOW,
            "Sheets",
            r#"{"type": "authorized_user", "client_id": "x"}"#,
        )
        .unwrap_err();
    assert!(
        matches!(&not_a_key, Error::Validation { detail, .. } if detail.code == "google_service_account")
    );
    let key = serde_json::json!({
        "type": "service_account",
        "project_id": "acme-prod",
        "private_key_id": "0123456789abcdef0123456789abcdef01234567",
        "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\n",
        "client_email": "genesys@acme-prod.iam.gserviceaccount.com",
        "client_id": "112233445566778899001",
    });
    let view = core
        .import_google_key(p.profile, FLOW, "Sheets", &key.to_string())
        .unwrap();
    let item = &view.plan.integrations[0];
    assert_eq!(
        item.fields["clientEmail"],
        "genesys@acme-prod.iam.gserviceaccount.com"
    );
    assert_eq!(
        item.fields["privateKeyId"],
        "0123456789abcdef0123456789abcdef01234567"
    );
    assert_eq!(item.secrets["privateKey"], SecretSource::Keychain);
    assert_eq!(view.secrets_set, ["Sheets/privateKey"]);
    assert!(view.problems.is_empty(), "{:?}", view.problems);
    let saved = serde_json::to_string(&view).unwrap();
    assert!(
        !saved.contains("BEGIN PRIVATE KEY"),
        "the private key is never in the plan"
    );
}

#[tokio::test]
async fn the_practice_google_key_is_tested_at_the_practice_token_endpoint_and_a_revoked_key_named()
{
    let p = practice().await;
    let core = &p.core;
    let google = PlannedIntegration {
        name: "Sheets".into(),
        kind: Kind::Google,
        credential_type: "googleCloudPlatform".into(),
        fields: BTreeMap::from([(
            "scopes".into(),
            "https://www.googleapis.com/auth/spreadsheets.readonly".into(),
        )]),
        secrets: BTreeMap::new(),
        notes: String::new(),
    };
    let plan = DataActionsPlan {
        integrations: vec![google],
    };
    core.save_data_actions_plan(p.profile, FLOW, &plan).unwrap();
    // The key file an admin would download, made of what the emulator announces.
    let account = &p.emulator.credentials().google;
    let key = serde_json::json!({
        "type": "service_account",
        "private_key_id": account.private_key_id,
        "private_key": account.private_key,
        "client_email": account.client_email,
        "client_id": account.client_id,
        "token_uri": p.emulator.endpoints().google.token_uri,
    });
    core.import_google_key(p.profile, FLOW, "Sheets", &key.to_string())
        .unwrap();

    let checked = core
        .check_data_action_credential(p.profile, FLOW, "Sheets")
        .await
        .unwrap();
    assert!(checked.supported && checked.ok, "{:?}", checked.failure);

    p.emulator.faults().update(|f| f.google_key_revoked = true);
    let checked = core
        .check_data_action_credential(p.profile, FLOW, "Sheets")
        .await
        .unwrap();
    let failure = checked.failure.expect("refused");
    assert_eq!(failure.code.as_str(), "google.key_revoked");
    let shown = serde_json::to_string(&failure).unwrap();
    assert!(
        !shown.contains("PRIVATE KEY"),
        "the key never leaves the core"
    );
}

#[tokio::test]
async fn the_certificates_are_saved_with_their_expiry_and_an_action_is_tested_once_active() {
    let p = practice().await;
    let core = &p.core;
    let folder = tempfile::tempdir().unwrap();
    let saved = core
        .save_data_action_certificates(p.profile, FLOW, folder.path())
        .await
        .unwrap();
    let dates: Vec<(&str, Option<&str>)> = saved
        .iter()
        .map(|c| (c.status.as_str(), c.not_after.as_deref()))
        .collect();
    assert_eq!(
        dates,
        [
            ("Current", Some("2027-09-15T23:59:59Z")),
            ("Upcoming", Some("2028-09-14T23:59:59Z"))
        ]
    );
    for certificate in &saved {
        let pem = std::fs::read_to_string(&certificate.path).unwrap();
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
    }
    assert_eq!(
        core.data_action_certificates(p.profile, FLOW)
            .unwrap()
            .len(),
        2,
        "remembered"
    );

    core.save_data_actions_plan(
        p.profile,
        FLOW,
        &DataActionsPlan {
            integrations: vec![plan().integrations[1].clone()],
        },
    )
    .unwrap();
    core.apply_data_actions(p.profile, FLOW, EN, None, &no_env)
        .await
        .unwrap();
    let id = core
        .data_action_integrations(p.profile)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.name == "Order lookup")
        .unwrap()
        .id;
    let tested = core
        .test_data_action(p.profile, &id, r#"{"accountId": "0015e00000AbCdEAAZ"}"#)
        .await
        .unwrap();
    assert!(tested.success, "{tested:?}");
    for not_an_object in ["[1]", "{\"accountId\": ", ""] {
        let refused = core
            .test_data_action(p.profile, &id, not_an_object)
            .await
            .unwrap_err();
        assert_eq!(
            (refused.field(), refused.detail().map(|d| d.code)),
            (Some("input"), Some("json_object")),
            "{not_an_object}"
        );
    }
    core.set_data_action_enabled(p.profile, &id, false)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1600)).await;
    let refused = core
        .test_data_action(p.profile, &id, "{}")
        .await
        .unwrap_err();
    let reply = serde_json::to_string(&switchboard_core::ErrorReply::from(&refused)).unwrap();
    assert!(
        reply.contains("genesys.not_active") && reply.contains("INACTIVE"),
        "{reply}"
    );
}

#[tokio::test]
async fn a_renamed_integration_keeps_its_secrets_and_a_removed_one_leaves_none() {
    let p = practice().await;
    let core = &p.core;
    core.save_data_actions_plan(p.profile, FLOW, &plan())
        .unwrap();
    core.set_data_action_secret(
        p.profile,
        FLOW,
        "Billing API",
        "password",
        Some(&Sensitive::new("moved-Basic-pw")),
    )
    .unwrap();

    let mut renamed = plan();
    renamed.integrations[0].name = "Billing API (EU)".into();
    let view = core
        .save_data_actions_plan(p.profile, FLOW, &renamed)
        .unwrap();
    assert_eq!(view.secrets_set, ["Billing API (EU)/password"]);
    // The apply finds the password under the new name: nothing is asked again.
    let applied = core
        .apply_data_actions(p.profile, FLOW, EN, None, &no_env)
        .await
        .unwrap();
    assert!(applied.failure.is_none(), "{:?}", applied.failure);

    let mut fewer = renamed.clone();
    fewer.integrations.remove(0);
    let view = core
        .save_data_actions_plan(p.profile, FLOW, &fewer)
        .unwrap();
    assert!(view.secrets_set.is_empty(), "{:?}", view.secrets_set);
}
