//! The permission preflight against the emulated org: the OAuth client's grants read from
//! `authorization/subjects/me`, a missing permission named and blocking before anything is
//! created (in the preview and in the apply, agreeing with the emulator's write refusal), only
//! what the plan's steps need asked for, and an unreadable answer said as "could not check".

use switchboard_core::data_actions::apply::apply;
use switchboard_core::data_actions::plan::{DataActionsPlan, preview};
use switchboard_emulator::Emulator;

use super::data_actions::{Journal, QUICK, secrets_for, session, web_services};

fn one_web_service() -> DataActionsPlan {
    DataActionsPlan {
        integrations: vec![web_services("CRM lookup")],
    }
}

#[tokio::test]
async fn a_client_with_every_permission_passes_the_preflight_without_a_finding() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    let session = session(&emulator).await;
    let grants = session.grants().await.unwrap();
    assert_eq!(grants.roles, vec!["Integrations Admin"]);
    let shown = preview(&session, &one_web_service()).await.unwrap();
    assert!(shown.ready);
    assert!(shown.preflight.is_empty(), "{:?}", shown.preflight);
}

#[tokio::test]
async fn a_missing_permission_is_named_in_the_preview_and_the_apply_creates_nothing() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    emulator.faults().update(|p| {
        p.genesys_missing_permissions = vec![
            "integrations:integration:add".into(),
            "integrations:integration:edit".into(),
        ];
    });
    let session = session(&emulator).await;
    let plan = one_web_service();

    let shown = preview(&session, &plan).await.unwrap();
    assert!(!shown.ready, "a missing permission blocks the plan");
    let finding = &shown.preflight[0];
    assert!(finding.blocking);
    assert_eq!(
        finding.failure.code.as_str(),
        "genesys.preflight_missing_permissions"
    );
    assert_eq!(
        finding.failure.params["permissions"],
        "integrations:integration:add, integrations:integration:edit"
    );
    assert_eq!(finding.failure.params["roles"], "Integrations Admin");
    assert_eq!(
        finding.failure.params["client"],
        "Switchboard practice client"
    );

    let before = (
        session.integrations().await.unwrap().len(),
        session.credentials().await.unwrap().len(),
    );
    let mut journal = Journal::default();
    let refused = apply(&session, &plan, &secrets_for(&plan), &mut journal, QUICK)
        .await
        .unwrap_err();
    assert_eq!(
        refused.code.as_str(),
        "genesys.preflight_missing_permissions"
    );
    let after = (
        session.integrations().await.unwrap().len(),
        session.credentials().await.unwrap().len(),
    );
    assert_eq!(after, before, "nothing was created");
}

#[tokio::test]
async fn a_plan_with_nothing_to_create_does_not_ask_for_add_or_edit() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    let session = session(&emulator).await;
    let plan = one_web_service();
    let mut journal = Journal::default();
    apply(&session, &plan, &secrets_for(&plan), &mut journal, QUICK)
        .await
        .unwrap();
    emulator.faults().update(|p| {
        p.genesys_missing_permissions = vec![
            "integrations:integration:add".into(),
            "integrations:integration:delete".into(),
        ];
    });
    let shown = preview(&session, &plan).await.unwrap();
    assert!(shown.ready, "up to date: only view is needed");
    assert!(shown.preflight.is_empty());
}

#[tokio::test]
async fn grants_that_cannot_be_read_are_a_warning_never_a_pass() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    emulator
        .faults()
        .update(|p| p.genesys_subject_refused = true);
    let session = session(&emulator).await;
    let shown = preview(&session, &one_web_service()).await.unwrap();
    assert!(shown.ready, "not checking does not block");
    let finding = &shown.preflight[0];
    assert!(!finding.blocking);
    assert_eq!(
        finding.failure.code.as_str(),
        "genesys.permissions_unchecked"
    );
    assert_eq!(
        finding.failure.params["reason"],
        "genesys.missing_permissions"
    );
}
