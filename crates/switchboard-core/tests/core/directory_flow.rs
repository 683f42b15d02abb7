//! Flow 1 (Directory Sync / Presence Sync for Zoom) through the facade, against the emulator:
//! the verified scope steps, the pending validation step, the automated address book and the
//! Directory Sync preview, as the app drives them.

use switchboard_core::Locale;
use switchboard_core::address_book::entry::EntryDraft;
use switchboard_core::catalogue::LiveKind;
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::switchboard::address_book::{AddressBookDraft, check_entry};
use switchboard_core::{ErrorCode, Switchboard};

use super::Practice;

const FLOW: &str = "zoom-directory-sync";
const EN: Locale = Locale::En;

/// The practice profile with both Zoom apps filled from the practice tenant.
async fn practice() -> Practice {
    let p = super::practice().await;
    p.core
        .set_field(
            p.profile,
            FLOW,
            "choose-purpose",
            "sync-purpose",
            "both",
            EN,
        )
        .unwrap();
    for step in [
        "zoom-app-create",
        "zoom-event-subscription",
        "zoom-presence-app",
    ] {
        p.core
            .fill_practice_values(p.profile, FLOW, step, EN)
            .await
            .unwrap();
    }
    p
}

fn status(core: &Switchboard, profile: i64, step: &str) -> StepStatus {
    let view = core.flow_view(profile, FLOW, EN).unwrap();
    view.steps.iter().find(|s| s.id == step).unwrap().status
}

#[tokio::test]
async fn both_zoom_apps_are_done_only_when_their_tokens_carry_every_scope() {
    let p = practice().await;
    let refused = p
        .core
        .set_step_status(p.profile, FLOW, "zoom-app-scopes", StepStatus::Done, EN)
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::LiveCheckRequired);

    for step in ["zoom-app-scopes", "zoom-presence-app"] {
        let view = p.core.verify_step(p.profile, FLOW, step, EN).await.unwrap();
        let step_view = view.steps.iter().find(|s| s.id == step).unwrap();
        let check = step_view.last_check.as_ref().expect("the check is kept");
        assert!(check.ok, "{step}: {check:?}");
        assert_eq!(step_view.status, StepStatus::Done);
        assert!(matches!(
            step_view.live,
            Some(LiveKind::ZoomScopes | LiveKind::ZoomPsScopes)
        ));
    }
}

#[tokio::test]
async fn a_scope_zoom_has_not_applied_yet_is_named_and_the_step_needs_attention() {
    let p = practice().await;
    p.emulator
        .faults()
        .update(|plan| plan.zoom_revoked_scopes = vec!["phone:read:admin".into()]);
    let view = p
        .core
        .verify_step(p.profile, FLOW, "zoom-app-scopes", EN)
        .await
        .unwrap();
    let step = view
        .steps
        .iter()
        .find(|s| s.id == "zoom-app-scopes")
        .unwrap();
    assert_eq!(step.status, StepStatus::NeedsAttention);
    let check = step.last_check.as_ref().unwrap();
    let failed = check.checks.iter().find(|c| !c.ok).expect("a failed check");
    assert_eq!(failed.id, "scopes");
    let missing = failed.params["missing"].to_string();
    assert!(missing.contains("phone:read:admin"), "{missing}");
}

#[tokio::test]
async fn the_endpoint_validation_waits_for_the_account_mapping() {
    let p = practice().await;
    let core = &p.core;
    let pending = |core: &Switchboard| {
        let view = core.flow_view(p.profile, FLOW, EN).unwrap();
        let step = view
            .steps
            .iter()
            .find(|s| s.id == "zoom-validate-endpoint")
            .unwrap();
        step.pending
            .iter()
            .map(|s| s.step_id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(pending(core), ["cxone-map-account"]);
    core.set_field(
        p.profile,
        FLOW,
        "zoom-event-subscription",
        "zoom-subscription-name",
        "CXone",
        EN,
    )
    .unwrap();
    core.set_step_status(
        p.profile,
        FLOW,
        "zoom-event-subscription",
        StepStatus::Done,
        EN,
    )
    .unwrap();
    for (field, value) in [
        ("cxone-access-key-user", "agent.one"),
        ("cxone-account-name", "Zoom EU"),
        (
            "cxone-notification-emails",
            "ops@example.com; it@example.com",
        ),
    ] {
        core.set_field(p.profile, FLOW, "cxone-map-account", field, value, EN)
            .unwrap();
    }
    core.set_step_status(p.profile, FLOW, "cxone-map-account", StepStatus::Done, EN)
        .unwrap();
    assert!(pending(core).is_empty(), "validation unblocked");
}

#[tokio::test]
async fn the_access_key_user_is_picked_from_the_live_cxone_users() {
    let p = practice().await;
    let everyone = p.core.cxone_agents(p.profile, None).await.unwrap();
    assert!(!everyone.is_empty(), "the practice tenant has CXone users");
    let first = &everyone[0];
    let found = p
        .core
        .cxone_agents(p.profile, Some(&first.last_name))
        .await
        .unwrap();
    assert!(
        found.iter().any(|a| a.id == first.id),
        "search finds the user"
    );
}

fn typed(first: &str, last: &str, phone: &str) -> EntryDraft {
    EntryDraft {
        first_name: first.into(),
        last_name: last.into(),
        phone: phone.into(),
        ..EntryDraft::default()
    }
}

#[tokio::test]
async fn the_address_book_is_applied_once_and_a_second_apply_adds_nothing() {
    let p = practice().await;
    let core = &p.core;
    core.set_field(
        p.profile,
        FLOW,
        "cxone-address-book",
        "cxone-address-book-name",
        "Zoom users",
        EN,
    )
    .unwrap();
    let entries = [
        typed("Émilie", "Lefèvre", "01 42 76 49 78"),
        typed("太郎", "山田", "+81 3 1234 5678"),
    ]
    .iter()
    .map(|d| check_entry(d, "FR").unwrap().entry.expect("valid entry"))
    .collect();
    let teams = core.cxone_teams(p.profile).await.unwrap();
    let draft = AddressBookDraft {
        region: "FR".into(),
        entries,
        teams: vec![switchboard_core::address_book::plan::Target {
            id: teams[0].id,
            name: teams[0].name.clone(),
        }],
        agents: Vec::new(),
    };
    core.save_address_book_draft(p.profile, FLOW, &draft)
        .unwrap();

    let plan = core.plan_address_book(p.profile, FLOW).await.unwrap();
    assert_eq!(plan.entries_to_add, 2);
    let first = core
        .apply_address_book(p.profile, FLOW, EN, None)
        .await
        .unwrap();
    assert_eq!(first.run.state, "done", "{:?}", first.run);
    assert_eq!(first.run.added, 2);
    assert_eq!(
        status(core, p.profile, "cxone-address-book"),
        StepStatus::Done
    );

    let second = core
        .apply_address_book(p.profile, FLOW, EN, None)
        .await
        .unwrap();
    assert_eq!(second.run.added, 0, "nothing added twice");
    assert_eq!(second.run.present, 2);
    let plan = core.plan_address_book(p.profile, FLOW).await.unwrap();
    assert!(plan.book_id.is_some(), "the book is reused");
    assert_eq!(plan.entries_to_add, 0);
}

#[tokio::test]
async fn the_directory_preview_translates_the_zoom_users_numbers() {
    let p = practice().await;
    let core = &p.core;
    let mut doc = core
        .directory_sync(p.profile, FLOW, Locale::Fr)
        .unwrap()
        .doc;
    assert!(
        doc.attributes.iter().any(|a| {
            serde_json::to_value(a).unwrap()
                == serde_json::json!({"acd": "business-phone", "zoom": "phone"})
        }),
        "the seed's example pair is the default"
    );
    doc.translation = true;
    let view = core.save_directory_sync(p.profile, FLOW, doc).unwrap();
    assert!(view.rule_problems.is_empty(), "{:?}", view.rule_problems);
    let preview = core
        .preview_directory(p.profile, FLOW, Locale::Fr)
        .await
        .unwrap();
    assert!(preview.phone_users > 0 && preview.total_users >= preview.phone_users);
    assert!(!preview.rows.is_empty());
    let translated = preview
        .rows
        .iter()
        .filter(|r| r.after.as_deref().is_some_and(|a| a.starts_with('+')))
        .count();
    assert!(
        translated > 0,
        "some numbers come out in E.164: {:?}",
        &preview.rows[..3]
    );
}

#[test]
fn entries_already_in_the_draft_are_not_added_twice() {
    let entry = |first: &str| {
        check_entry(&typed(first, "Lefèvre", "01 42 76 49 78"), "FR")
            .unwrap()
            .entry
            .unwrap()
    };
    let mut draft = AddressBookDraft {
        region: "FR".into(),
        entries: vec![entry("Émilie")],
        teams: Vec::new(),
        agents: Vec::new(),
    };
    let skipped = draft.add_entries([entry("ÉMILIE"), entry("Paul"), entry("Paul")]);
    assert_eq!(
        skipped, 2,
        "the same person, whatever the case, and a repeat"
    );
    assert_eq!(draft.entries.len(), 2);
}
