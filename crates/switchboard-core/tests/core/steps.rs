//! Steps of a flow as a profile sees them: values, copies built from them, choices that hide
//! steps, pending steps, statuses and secrets. Uses the Zoom Directory Sync flow (seeds 000/001).

use switchboard_core::flow::FlowView;
use switchboard_core::paths::AppPaths;
use switchboard_core::secrets::{MemoryStore, Sensitive};
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::{ErrorCode, Locale, Switchboard};

const FLOW: &str = "zoom-directory-sync";
const ACCOUNT_ID: &str = "AbCdEfGhIjKlMnOpQrSt12";

fn step<'v>(view: &'v FlowView, id: &str) -> &'v switchboard_core::flow::StepView {
    view.steps
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("step {id} not shown"))
}

fn set(core: &Switchboard, profile: i64, step: &str, field: &str, value: &str) -> FlowView {
    core.set_field(profile, FLOW, step, field, value, Locale::En)
        .unwrap()
}

#[test]
fn the_endpoint_url_copy_is_built_from_the_zoom_account_id() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let before = core.flow_view(p, FLOW, Locale::En).unwrap();
    let url_copy = |view: &FlowView| {
        view.steps
            .iter()
            .flat_map(|s| &s.copies)
            .find(|c| {
                c.value
                    .as_deref()
                    .is_none_or(|v| v.contains("web-hook-api"))
                    && c.id.contains("endpoint")
            })
            .cloned()
            .expect("an endpoint URL copy field")
    };
    let missing = url_copy(&before);
    assert_eq!(missing.value, None, "no URL before the account ID is known");
    assert_eq!(missing.missing.len(), 1, "the copy names the field to fill");

    let after = set(&core, p, "zoom-app-create", "zoom-account-id", ACCOUNT_ID);
    assert_eq!(
        url_copy(&after).value.as_deref(),
        Some(
            format!("https://presencesync.niceincontact.com/rta/v1/zoom/web-hook-api/{ACCOUNT_ID}")
                .as_str()
        )
    );
}

#[test]
fn an_invalid_value_is_kept_and_flags_the_step() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let view = set(
        &core,
        p,
        "zoom-app-create",
        "zoom-account-id",
        "https://zoom.us/oops",
    );
    let s = step(&view, "zoom-app-create");
    assert_eq!(s.status, StepStatus::NeedsAttention);
    let field = s.fields.iter().find(|f| f.id == "zoom-account-id").unwrap();
    assert_eq!(
        field.value.as_deref(),
        Some("https://zoom.us/oops"),
        "the draft is never lost"
    );
    assert_eq!(
        field.error.as_ref().map(|e| e.code),
        Some("zoom_account_id")
    );

    let fixed = set(&core, p, "zoom-app-create", "zoom-account-id", ACCOUNT_ID);
    assert_eq!(
        step(&fixed, "zoom-app-create").status,
        StepStatus::InProgress
    );
}

#[test]
fn the_purpose_is_asked_first_and_only_its_steps_are_listed_and_counted() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let unchosen = core.flow_view(p, FLOW, Locale::En).unwrap();
    assert_eq!(unchosen.choices.len(), 1);
    assert_eq!(unchosen.choices[0].field.id, "sync-purpose");
    assert_eq!(unchosen.choices[0].step_id, "choose-purpose");
    assert_eq!(unchosen.choices[0].field.value, None);
    let ids =
        |view: &FlowView| -> Vec<String> { view.steps.iter().map(|s| s.id.clone()).collect() };
    assert!(
        !ids(&unchosen).contains(&"cxone-directory-sync".to_owned())
            && !ids(&unchosen).contains(&"zoom-presence-app".to_owned()),
        "nothing behind the choice before it is made: {:?}",
        ids(&unchosen)
    );
    assert_eq!(unchosen.total, 6);

    let presence = set(&core, p, "choose-purpose", "sync-purpose", "presence");
    assert_eq!(presence.total, 6, "{:?}", ids(&presence));
    let directory = set(&core, p, "choose-purpose", "sync-purpose", "directory");
    assert!(ids(&directory).contains(&"cxone-directory-sync".to_owned()));
    assert!(!ids(&directory).contains(&"zoom-presence-app".to_owned()));
    assert_eq!(directory.total, 8);
    let both = set(&core, p, "choose-purpose", "sync-purpose", "both");
    assert_eq!(both.total, 9, "both purposes need two apps");
    let summary = core
        .list_flows(p, Locale::En)
        .unwrap()
        .into_iter()
        .find(|f| f.id == FLOW)
        .unwrap();
    assert_eq!(summary.total, 9, "the profile counts what the flow counts");
}

#[test]
fn copies_behind_a_choice_show_only_once_it_is_made() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let has_copy = |view: &FlowView, id: &str| {
        view.steps
            .iter()
            .flat_map(|s| &s.copies)
            .any(|c| c.id == id)
    };
    let unchosen = core.flow_view(p, FLOW, Locale::En).unwrap();
    assert!(
        !has_copy(&unchosen, "ds-evt-user-updated")
            && !has_copy(&unchosen, "ps-only-evt-phone-callee-ended")
    );
    let presence = set(&core, p, "choose-purpose", "sync-purpose", "presence");
    assert!(
        !has_copy(&presence, "ds-evt-user-updated")
            && has_copy(&presence, "ps-only-evt-phone-callee-ended")
    );
}

#[test]
fn done_is_refused_until_required_values_are_present() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let error = core
        .set_step_status(p, FLOW, "choose-purpose", StepStatus::Done, Locale::En)
        .unwrap_err();
    assert_eq!(
        (error.code(), error.field()),
        (ErrorCode::Validation, Some("sync-purpose"))
    );
    set(&core, p, "choose-purpose", "sync-purpose", "directory");
    let view = core
        .set_step_status(p, FLOW, "choose-purpose", StepStatus::Done, Locale::En)
        .unwrap();
    assert_eq!(step(&view, "choose-purpose").status, StepStatus::Done);
    assert_eq!(
        view.current_step_id, "zoom-app-create",
        "the first step not done is current"
    );
}

#[test]
fn validating_the_endpoint_waits_for_the_cxone_account_mapping() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let view = core.flow_view(p, FLOW, Locale::Fr).unwrap();
    let pending = &step(&view, "zoom-validate-endpoint").pending;
    assert_eq!(
        pending
            .iter()
            .map(|s| s.step_id.as_str())
            .collect::<Vec<_>>(),
        ["cxone-map-account"]
    );
    let error = core
        .set_step_status(
            p,
            FLOW,
            "zoom-validate-endpoint",
            StepStatus::Done,
            Locale::En,
        )
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::Conflict);

    // The mapping itself waits for the event subscription (its secret token).
    set(
        &core,
        p,
        "zoom-event-subscription",
        "zoom-subscription-name",
        "CXone Directory Sync",
    );
    let token = Sensitive::new("zoom-secret-token-value");
    core.set_secret(
        p,
        FLOW,
        "zoom-event-subscription",
        "zoom-secret-token",
        &token,
        Locale::En,
    )
    .unwrap();
    core.set_step_status(
        p,
        FLOW,
        "zoom-event-subscription",
        StepStatus::Done,
        Locale::En,
    )
    .unwrap();
    set(
        &core,
        p,
        "cxone-map-account",
        "cxone-access-key-user",
        "admin@acme.example",
    );
    set(
        &core,
        p,
        "cxone-map-account",
        "cxone-account-name",
        "Acme Zoom",
    );
    set(
        &core,
        p,
        "cxone-map-account",
        "cxone-notification-emails",
        "ops@acme.example; it@acme.example",
    );
    core.set_step_status(p, FLOW, "cxone-map-account", StepStatus::Done, Locale::En)
        .unwrap();

    let view = core
        .set_step_status(
            p,
            FLOW,
            "zoom-validate-endpoint",
            StepStatus::Done,
            Locale::En,
        )
        .expect("unblocked once the mapping is done");
    assert!(step(&view, "zoom-validate-endpoint").pending.is_empty());
}

#[test]
fn secrets_are_reported_as_set_and_never_stored_or_returned() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().to_path_buf());
    let core = Switchboard::open(&paths, Box::new(MemoryStore::new())).unwrap();
    let p = core.create_profile("Acme").unwrap().id;
    let secret = Sensitive::new("ZoomClientSecret-DoNotLeak-42");
    let view = core
        .set_secret(
            p,
            FLOW,
            "zoom-app-create",
            "zoom-client-secret",
            &secret,
            Locale::Ja,
        )
        .unwrap();
    let field = step(&view, "zoom-app-create")
        .fields
        .iter()
        .find(|f| f.id == "zoom-client-secret")
        .unwrap();
    assert!(field.secret_set);
    assert_eq!(field.value, None);
    let reply = serde_json::to_string(&view).unwrap();
    assert!(
        !reply.contains("DoNotLeak"),
        "the secret came back over IPC"
    );
    assert_eq!(
        core.secret(p, FLOW, "zoom-client-secret").unwrap(),
        Some(secret)
    );
    drop(core);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("DoNotLeak"),
            "the secret reached the database files"
        );
    }
}

#[test]
fn a_secret_with_pasted_whitespace_is_refused_whole() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let error = core
        .set_secret(
            p,
            FLOW,
            "zoom-app-create",
            "zoom-client-secret",
            &Sensitive::new("abc\n"),
            Locale::En,
        )
        .unwrap_err();
    assert_eq!(
        (error.code(), error.field()),
        (ErrorCode::Validation, Some("zoom-client-secret"))
    );
    let view = core.flow_view(p, FLOW, Locale::En).unwrap();
    assert!(
        !step(&view, "zoom-app-create")
            .fields
            .iter()
            .any(|f| f.secret_set)
    );
}

#[test]
fn flow_views_speak_the_requested_language() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let en = core.flow_view(p, FLOW, Locale::En).unwrap();
    let ja = core.flow_view(p, FLOW, Locale::Ja).unwrap();
    assert_ne!(en.title, ja.title);
    assert!(
        ja.steps[0].instructions[0]
            .chars()
            .any(|c| ('\u{3040}'..='\u{9fff}').contains(&c))
    );
}

#[test]
fn copies_built_from_secrets_are_copied_from_the_keychain_only() {
    let flow = "cxone-salesforce-presence";
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let (step_id, copy_id) = core
        .flow_view(p, flow, Locale::En)
        .unwrap()
        .steps
        .iter()
        .flat_map(|s| s.copies.iter().map(move |c| (s.id.clone(), c.clone())))
        .find(|(_, c)| c.secret)
        .map(|(s, c)| (s, c.id))
        .expect("a copy built from the Salesforce password");
    assert!(
        core.secret_copy(p, flow, &copy_id).is_err(),
        "nothing to copy before the secret is saved"
    );

    let secrets = ["sf-password", "sf-security-token", "sf-consumer-secret"];
    for field in secrets {
        let (owner, _) = core_field_step(flow, field);
        core.set_secret(
            p,
            flow,
            &owner,
            field,
            &Sensitive::new(format!("{field}-VALUE")),
            Locale::En,
        )
        .unwrap();
    }
    let view = core.flow_view(p, flow, Locale::En).unwrap();
    let copy = view
        .steps
        .iter()
        .flat_map(|s| &s.copies)
        .find(|c| c.id == copy_id)
        .unwrap();
    assert!(
        copy.missing.is_empty() && copy.value.is_none(),
        "the UI never receives the secret"
    );
    let value = core.secret_copy(p, flow, &copy_id).unwrap();
    assert!(
        value.expose().contains("-VALUE"),
        "{step_id}/{copy_id} resolves from the keychain"
    );
}

fn core_field_step(flow: &str, field: &str) -> (String, ()) {
    let flow = switchboard_core::catalogue::flow(flow).unwrap();
    (flow.field(field).expect(field).0.id.clone(), ())
}

/// A step is badged Verified, Automated or Editor only when the app does that part: steps the
/// catalogue plans as automated but that are not wired to a vendor yet show as manual.
#[test]
fn no_step_is_badged_for_work_the_app_does_not_do() {
    let core = Switchboard::in_memory(Box::new(MemoryStore::new())).unwrap();
    let profile = core.create_profile("Acme").unwrap().id;
    for flow in core.list_flows(profile, Locale::En).unwrap() {
        let view = core.flow_view(profile, &flow.id, Locale::En).unwrap();
        for step in &view.steps {
            assert!(
                step.kind == switchboard_core::catalogue::StepKind::Manual || step.live.is_some(),
                "{}/{} is badged {:?} with nothing behind it",
                flow.id,
                step.id,
                step.kind
            );
        }
    }
}
