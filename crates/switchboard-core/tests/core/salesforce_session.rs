//! The Salesforce session against the emulator: presence statuses read with their labels, a
//! session Salesforce expired logged in again, and login refusals with the Test's codes.

use switchboard_core::connection::{
    Code, ConnectionSecrets, ConnectionSettings, SalesforceSettings, Vendor,
};
use switchboard_core::practice::PracticeTenant;
use switchboard_core::presence::StatusKind;
use switchboard_core::vendors::salesforce::session::SalesforceSession;
use switchboard_emulator::RunningEmulator;

use super::directory_support::{emulator, faults, http};

fn salesforce(emulator: &RunningEmulator) -> (SalesforceSettings, ConnectionSecrets) {
    let tenant = PracticeTenant::from_announcement(&emulator.announcement()).unwrap();
    let settings = tenant.settings.iter().find_map(|s| match s {
        ConnectionSettings::Salesforce(s) => Some(s.clone()),
        _ => None,
    });
    let mut secrets = ConnectionSecrets::default();
    for (vendor, field, value) in tenant.secrets {
        if vendor == Vendor::Salesforce {
            secrets.insert(field, value);
        }
    }
    (settings.expect("a Salesforce connection"), secrets)
}

#[tokio::test]
async fn presence_statuses_are_read_with_their_labels_in_any_language() {
    let emu = emulator(50).await;
    let (settings, secrets) = salesforce(&emu);
    let session = SalesforceSession::open(&settings, &secrets, http())
        .await
        .unwrap();
    let statuses = session.presence_statuses().await.unwrap();
    let lunch = statuses
        .iter()
        .find(|s| s.developer_name == "Hiru_yasumi")
        .expect("the Japanese-labelled status");
    assert_eq!(lunch.label, "昼休み");
    assert!(statuses.iter().any(|s| s.developer_name == "Available"));
    assert!(
        statuses.iter().all(|s| s.kind == StatusKind::Unknown),
        "the query cannot tell Online from Busy"
    );

    emu.add_presence_status("Back_Office", "Back office");
    let again = session.presence_statuses().await.unwrap();
    assert_eq!(again.len(), statuses.len() + 1);
}

#[tokio::test]
async fn a_session_salesforce_expired_logs_in_again() {
    let emu = emulator(50).await;
    let (settings, secrets) = salesforce(&emu);
    let session = SalesforceSession::open(&settings, &secrets, http())
        .await
        .unwrap();
    emu.faults()
        .expire_tokens(switchboard_emulator::Vendor::Salesforce);
    assert!(!session.presence_statuses().await.unwrap().is_empty());
}

#[tokio::test]
async fn refused_logins_and_missing_secrets_carry_the_tests_codes() {
    let emu = emulator(50).await;
    let (settings, secrets) = salesforce(&emu);
    faults(&emu, |plan| plan.salesforce_password_flow_blocked = true);
    let refused = SalesforceSession::open(&settings, &secrets, http())
        .await
        .err()
        .expect("a blocked flow is refused");
    assert_eq!(refused.code, Code::SalesforceAuthenticationFailure);

    let mut without_password = ConnectionSecrets::default();
    if let Some(secret) = secrets.get("consumer-secret") {
        without_password.insert("consumer-secret", secret.clone());
    }
    let missing = SalesforceSession::open(&settings, &without_password, http())
        .await
        .err()
        .expect("a missing secret is named");
    assert_eq!(missing.code, Code::SettingsMissingSecret);
}
