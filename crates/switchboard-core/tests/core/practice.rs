//! The practice tenant end to end in the core: the real vendor clients against the emulator,
//! through a profile made from the emulator's announcement.

use switchboard_core::connection::Vendor;
use switchboard_core::locale::Locale;
use switchboard_core::practice::PracticeTenant;
use switchboard_emulator::{Emulator, EmulatorConfig, RunningEmulator};

const VENDORS: [Vendor; 4] = [
    Vendor::Zoom,
    Vendor::Cxone,
    Vendor::Salesforce,
    Vendor::Genesys,
];

fn announcement(emulator: &RunningEmulator) -> String {
    emulator.announcement()
}

#[tokio::test]
async fn every_practice_connection_passes_its_test_and_the_profile_is_reused() {
    let emulator = Emulator::start(EmulatorConfig::default())
        .await
        .expect("emulator starts");
    let tenant = PracticeTenant::from_announcement(&announcement(&emulator)).unwrap();
    let core = super::core();
    let profile = core.open_practice_profile(&tenant).unwrap();
    assert!(profile.practice, "the profile is marked as practice");
    for vendor in VENDORS {
        let diagnosis = core.test_connection(profile.id, vendor).await.unwrap();
        assert!(
            diagnosis.ok,
            "{vendor:?} should pass against the emulator: {diagnosis:?}"
        );
    }
    let again = core.open_practice_profile(&tenant).unwrap();
    assert_eq!(
        again.id, profile.id,
        "reopening reuses the one practice profile"
    );
    assert_eq!(core.list_profiles().unwrap().len(), 1);
}

#[tokio::test]
async fn a_rejected_secret_in_the_practice_tenant_gets_a_specific_diagnosis() {
    let emulator = Emulator::start(EmulatorConfig::default())
        .await
        .expect("emulator starts");
    let tenant = PracticeTenant::from_announcement(&announcement(&emulator)).unwrap();
    let core = super::core();
    let profile = core.open_practice_profile(&tenant).unwrap();
    emulator.faults().update(|plan| {
        plan.zoom.reject_credentials = true;
        plan.genesys.reject_credentials = true;
    });
    for vendor in [Vendor::Zoom, Vendor::Genesys] {
        let diagnosis = core.test_connection(profile.id, vendor).await.unwrap();
        assert!(
            !diagnosis.ok,
            "{vendor:?} must fail with the secret rejected"
        );
        let failed = diagnosis
            .checks
            .iter()
            .find(|c| !c.ok)
            .expect("a failed check");
        let code = serde_json::to_value(failed.code).unwrap();
        let code = code.as_str().unwrap();
        assert!(
            code.contains("secret") || code.contains("client"),
            "{vendor:?}: a rejected secret is named as such, got {code}"
        );
    }
}

/// Starts the emulator with `plan` and a practice profile on it.
async fn practice_with(
    change: impl FnOnce(&mut switchboard_emulator::FaultPlan),
) -> (RunningEmulator, switchboard_core::Switchboard, i64) {
    let emulator = Emulator::start(EmulatorConfig::default())
        .await
        .expect("emulator starts");
    let tenant = PracticeTenant::from_announcement(&announcement(&emulator)).unwrap();
    let core = super::core();
    let profile = core.open_practice_profile(&tenant).unwrap();
    emulator.faults().update(change);
    (emulator, core, profile.id)
}

fn failed_code(diagnosis: &switchboard_core::connection::Diagnosis) -> String {
    let failed = diagnosis
        .checks
        .iter()
        .find(|c| !c.ok)
        .expect("a failed check");
    serde_json::to_value(failed.code)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_rate_limit_is_reported_as_such_whatever_form_retry_after_takes() {
    use switchboard_emulator::{RateLimit, RetryAfter};
    for form in [
        RetryAfter::Seconds,
        RetryAfter::HttpDate,
        RetryAfter::Absent,
    ] {
        // One request a minute: the token passes, the read is throttled.
        let limit = RateLimit {
            limit: 1,
            window_secs: 60,
            retry_after: form,
        };
        let (_emulator, core, id) = practice_with(|p| p.genesys.rate_limit = Some(limit)).await;
        let diagnosis = core.test_connection(id, Vendor::Genesys).await.unwrap();
        assert!(!diagnosis.ok, "{form:?}: a throttled read cannot pass");
        assert_eq!(failed_code(&diagnosis), "rate_limited", "{form:?}");
    }
}

#[tokio::test]
async fn a_passing_server_error_is_retried_and_the_test_still_passes() {
    use switchboard_emulator::{ServerErrors, Trigger};
    let errors = ServerErrors {
        status: 503,
        trigger: Trigger::EveryNth(2),
    };
    let (_emulator, core, id) = practice_with(|p| p.zoom.server_errors = Some(errors)).await;
    let diagnosis = core.test_connection(id, Vendor::Zoom).await.unwrap();
    assert!(
        diagnosis.ok,
        "the read is idempotent and retried: {diagnosis:?}"
    );
}

#[tokio::test]
async fn dropped_connections_are_reported_as_unreachable() {
    use switchboard_emulator::Trigger;
    let (_emulator, core, id) =
        practice_with(|p| p.cxone.drop_connections = Some(Trigger::Always)).await;
    let diagnosis = core.test_connection(id, Vendor::Cxone).await.unwrap();
    assert!(!diagnosis.ok);
    assert!(
        failed_code(&diagnosis).starts_with("network."),
        "{diagnosis:?}"
    );
}

#[tokio::test]
async fn reopening_the_practice_profile_on_the_same_emulator_changes_nothing() {
    let (emulator, core, _id) = practice_with(|_| {}).await;
    let before = core.journal(1000).unwrap().len();
    let tenant = PracticeTenant::from_announcement(&announcement(&emulator)).unwrap();
    core.open_practice_profile(&tenant).unwrap();
    assert_eq!(
        core.journal(1000).unwrap().len(),
        before,
        "no rewrite of settings or secrets"
    );
}

#[tokio::test]
async fn tokens_that_expire_at_once_are_refreshed_once_then_reported() {
    // Every token the emulator issues is already expired: the client refreshes exactly once,
    // then gives up with the code that says the vendor keeps refusing its tokens.
    let (_emulator, core, id) = practice_with(|p| p.genesys.token_ttl_secs = Some(0)).await;
    let diagnosis = core.test_connection(id, Vendor::Genesys).await.unwrap();
    assert!(!diagnosis.ok);
    assert_eq!(
        failed_code(&diagnosis),
        "vendor.token_rejected",
        "{diagnosis:?}"
    );
}

#[test]
fn the_zoom_test_requires_exactly_the_scopes_the_flow_tells_the_admin_to_add() {
    let flow = switchboard_core::catalogue::flow("zoom-directory-sync").unwrap();
    let step = flow.step("zoom-app-scopes").expect("the scopes step");
    let mut taught: Vec<&str> = step.copies.iter().map(|c| c.value.as_str()).collect();
    let mut required: Vec<&str> = switchboard_core::vendors::zoom::REQUIRED_SCOPES
        .iter()
        .map(|s| s.scope)
        .collect();
    taught.sort_unstable();
    required.sort_unstable();
    assert_eq!(
        taught, required,
        "the live check and the instructions must ask for the same scopes"
    );
}

#[tokio::test]
async fn each_vendor_failure_mode_of_the_emulator_gets_its_own_diagnosis() {
    use switchboard_core::connection::{ConnectionSettings, Endpoints, GenesysSettings};

    // Missing scope: Zoom no longer grants one of the five.
    let (_e, core, id) =
        practice_with(|p| p.zoom_revoked_scopes = vec!["user:write:admin".into()]).await;
    let diagnosis = core.test_connection(id, Vendor::Zoom).await.unwrap();
    assert_eq!(failed_code(&diagnosis), "zoom.missing_scopes");
    let missing = &diagnosis.checks.iter().find(|c| !c.ok).unwrap().params["missing"];
    assert!(
        missing.to_string().contains("user:write:admin"),
        "the scope is named: {missing}"
    );

    // Username-password flow blocked in the org.
    let (_e, core, id) = practice_with(|p| p.salesforce_password_flow_blocked = true).await;
    let diagnosis = core.test_connection(id, Vendor::Salesforce).await.unwrap();
    assert_eq!(failed_code(&diagnosis), "salesforce.authentication_failure");

    // Missing security token: the app no longer has one to append.
    let (_e, core, id) = practice_with(|_| {}).await;
    core.set_connection_secret(id, Vendor::Salesforce, "security-token", None)
        .unwrap();
    let diagnosis = core.test_connection(id, Vendor::Salesforce).await.unwrap();
    assert!(
        !diagnosis.ok,
        "Salesforce refuses a password without its token"
    );
    assert!(
        failed_code(&diagnosis).starts_with("salesforce."),
        "{diagnosis:?}"
    );

    // Wrong region: the OAuth client exists only in the org's region.
    let (emulator, core, id) = practice_with(|_| {}).await;
    let other = emulator
        .endpoints()
        .genesys
        .region("mypurecloud.ie")
        .expect("another region");
    let client_id = emulator.credentials().genesys.client_id.clone();
    core.save_connection(
        id,
        ConnectionSettings::Genesys(GenesysSettings {
            region: "mypurecloud.ie".into(),
            client_id,
            endpoints: Endpoints {
                practice: true,
                token_base: Some(other.login_base.clone()),
                api_base: Some(other.api_base.clone()),
                ..Default::default()
            },
        }),
    )
    .unwrap();
    let diagnosis = core.test_connection(id, Vendor::Genesys).await.unwrap();
    assert_eq!(
        failed_code(&diagnosis),
        "genesys.client_not_found_in_region"
    );
}

/// The emulator's port changes with every start: whatever the profile saved, a vendor call reads
/// the practice connections as the host's resolver announces them now, without any host help.
#[tokio::test]
async fn a_practice_profile_follows_the_emulator_the_host_runs_now() {
    let first = Emulator::start(EmulatorConfig::default()).await.unwrap();
    let core = super::core();
    let tenant = PracticeTenant::from_announcement(&announcement(&first)).unwrap();
    let profile = core.open_practice_profile(&tenant).unwrap().id;
    first.shutdown().await;

    let second = Emulator::start(EmulatorConfig::default()).await.unwrap();
    let core = core.with_practice(Box::new(switchboard_core::practice::Attached::new(
        announcement(&second),
    )));
    for vendor in VENDORS {
        let diagnosis = core.test_connection(profile, vendor).await.unwrap();
        assert!(
            diagnosis.ok,
            "{vendor} reaches the running emulator: {diagnosis:#?}"
        );
    }
    let port = second.local_addr().port().to_string();
    for view in core.connections(profile).await.unwrap() {
        let settings = view.settings.expect("every practice connection is set");
        let token = settings.endpoints().token_base.clone().unwrap_or_default();
        assert!(
            token.contains(&port),
            "{} shows the running emulator: {token}",
            view.vendor
        );
    }
}

#[tokio::test]
async fn attaching_names_the_announcement_keys_this_build_does_not_read() {
    let emulator = Emulator::start(EmulatorConfig::default()).await.unwrap();
    let core = super::core();
    let line = emulator.announcement();
    assert_eq!(
        core.attach_practice(Some(&line)).unwrap(),
        Vec::<String>::new(),
        "this build reads everything its own emulator announces"
    );
    let mut newer: serde_json::Value = serde_json::from_str(&line).unwrap();
    newer["endpoints"]["teams"] = serde_json::json!({"api_base": "http://127.0.0.1:1"});
    newer["tenant_label"] = "Practice".into();
    let ignored = core.attach_practice(Some(&newer.to_string())).unwrap();
    assert_eq!(ignored, vec!["endpoints.teams", "tenant_label"]);
    assert_eq!(core.attached_practice().unwrap(), Some(newer.to_string()));
}

#[test]
fn the_practice_profile_is_named_in_the_admins_language_and_keeps_its_name() {
    let none = || PracticeTenant {
        settings: Vec::new(),
        control: None,
        secrets: Vec::new(),
        flow_values: Vec::new(),
        google_token: None,
    };
    // No language chosen yet: the OS language names it.
    let core = super::core();
    let profile = core
        .open_practice_profile_in(&none(), Some("ja-JP"))
        .unwrap();
    assert_eq!(profile.name, "練習用テナント");

    // A chosen language wins over the OS's.
    let core = super::core();
    core.set_locale(Locale::Fr).unwrap();
    let profile = core
        .open_practice_profile_in(&none(), Some("ja-JP"))
        .unwrap();
    assert_eq!(profile.name, "Locataire d'entraînement");

    // Switching language later leaves the stored name as it was.
    core.set_locale(Locale::En).unwrap();
    let again = core.open_practice_profile_in(&none(), None).unwrap();
    assert_eq!(again.id, profile.id);
    assert_eq!(again.name, "Locataire d'entraînement");
}
