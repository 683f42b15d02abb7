//! Flow 2 (CXone ↔ Salesforce presence) through the facade, against the emulator: the planned
//! Salesforce statuses and their live check, the presence rule editor with the lists read from
//! both vendors, the simulator, and rule files written to and read from a folder.

use switchboard_core::catalogue::LiveKind;
use switchboard_core::presence::{
    DiagramLabels, Outcome, PresenceRule, Start, StateRow, SubscriberRow, SubscriberTarget, System,
    Target,
};
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::switchboard::names::suggest_developer_name;
use switchboard_core::switchboard::planned_statuses::{PlannedKind, PlannedStatus};
use switchboard_core::{Error, ErrorCode, Locale, Switchboard};

const FLOW: &str = "cxone-salesforce-presence";
const STATUSES: &str = "sf-presence-statuses";
const RULE: &str = "cxone-presence-rule";
const EN: Locale = Locale::En;

use super::practice;

fn planned(label: &str, kind: PlannedKind) -> PlannedStatus {
    PlannedStatus {
        label: label.into(),
        developer_name: suggest_developer_name(label),
        kind,
        channels: match kind {
            PlannedKind::Online => "Phone".into(),
            PlannedKind::Busy => String::new(),
        },
    }
}

fn status(core: &Switchboard, profile: i64, step: &str) -> StepStatus {
    let view = core.flow_view(profile, FLOW, EN).unwrap();
    view.steps.iter().find(|s| s.id == step).unwrap().status
}

/// The field and detail code of a validation error.
fn invalid(error: &Error) -> (String, &'static str) {
    assert_eq!(error.code(), ErrorCode::Validation, "{error}");
    (
        error.field().unwrap_or_default().to_owned(),
        error.detail().map(|d| d.code).unwrap_or_default(),
    )
}

#[test]
fn planned_statuses_follow_salesforces_rules_for_developer_names() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let good = planned("On Break", PlannedKind::Busy);
    let cases: &[(&str, &str, &str)] = &[
        ("", "Lunch", "statuses[1].label"),
        ("Lunch", "", "statuses[1].developerName"),
        ("Lunch", "1Lunch", "statuses[1].developerName"),
        ("Lunch", "Lunch-Break", "statuses[1].developerName"),
        ("Lunch", "Lunch__Break", "statuses[1].developerName"),
        ("Lunch", "Lunch_", "statuses[1].developerName"),
        ("Lunch", "on_break", "statuses[1].developerName"),
    ];
    let codes: Vec<&str> = cases
        .iter()
        .map(|(label, name, field)| {
            let bad = PlannedStatus {
                label: (*label).into(),
                developer_name: (*name).into(),
                kind: PlannedKind::Busy,
                channels: String::new(),
            };
            let error = core
                .save_planned_statuses(p, FLOW, &[good.clone(), bad])
                .unwrap_err();
            let (at, code) = invalid(&error);
            assert_eq!(at, *field);
            code
        })
        .collect();
    assert_eq!(
        codes,
        [
            "required",
            "required",
            "developer_name",
            "developer_name",
            "developer_name_double_underscore",
            "developer_name_trailing_underscore",
            "duplicate",
        ]
    );
    let long = PlannedStatus {
        label: "x".repeat(81),
        ..good.clone()
    };
    let error = core.save_planned_statuses(p, FLOW, &[long]).unwrap_err();
    assert_eq!(invalid(&error).1, "too_long");
    assert!(
        core.planned_statuses(p, FLOW).unwrap().is_empty(),
        "nothing saved"
    );

    let padded = PlannedStatus {
        label: "  Pause café ".into(),
        developer_name: " Pause_cafe ".into(),
        kind: PlannedKind::Online,
        channels: " Phone, Chat ".into(),
    };
    let saved = core
        .save_planned_statuses(p, FLOW, &[good, padded])
        .unwrap();
    assert_eq!(saved[1].label, "Pause café");
    assert_eq!(saved[1].developer_name, "Pause_cafe");
    assert_eq!(saved[1].channels, "Phone, Chat");
    assert_eq!(core.planned_statuses(p, FLOW).unwrap(), saved);
    assert_eq!(status(&core, p, STATUSES), StepStatus::InProgress);
}

#[tokio::test]
async fn the_statuses_check_names_the_missing_ones_then_passes_once_they_exist() {
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    let error = core
        .verify_step(profile, FLOW, STATUSES, EN)
        .await
        .unwrap_err();
    assert_eq!(invalid(&error), ("statuses".to_owned(), "required"));

    let plan = [
        planned("Available", PlannedKind::Online),
        planned("Back Office", PlannedKind::Busy),
        planned("Pause déjeuner", PlannedKind::Busy),
    ];
    core.save_planned_statuses(profile, FLOW, &plan).unwrap();
    let view = core.verify_step(profile, FLOW, STATUSES, EN).await.unwrap();
    let step = view.steps.iter().find(|s| s.id == STATUSES).unwrap();
    assert_eq!(step.live, Some(LiveKind::SfStatuses));
    assert_eq!(step.status, StepStatus::NeedsAttention);
    let check = step.last_check.as_ref().expect("the check is kept");
    let ids: Vec<&str> = check.checks.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["settings", "token", "statuses"]);
    let failed = check.checks.last().unwrap();
    assert_eq!(
        failed.code.map(|c| c.as_str()),
        Some("salesforce.statuses_missing")
    );
    assert_eq!(
        failed.params["missing"],
        serde_json::json!(["Back_Office", "Pause_dejeuner"])
    );
    let refused = core
        .set_step_status(profile, FLOW, STATUSES, StepStatus::Done, EN)
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::LiveCheckRequired);

    // What the app's practice command does: create the planned statuses in the emulator.
    core.practice_create_planned_statuses(profile, FLOW, Some("en"))
        .await
        .unwrap();
    let view = core.verify_step(profile, FLOW, STATUSES, EN).await.unwrap();
    let step = view.steps.iter().find(|s| s.id == STATUSES).unwrap();
    assert_eq!(step.status, StepStatus::Done);
    assert!(step.last_check.as_ref().unwrap().ok);

    // A changed plan is no longer covered by that check.
    let mut more = plan.to_vec();
    more.push(planned("Coaching", PlannedKind::Busy));
    core.save_planned_statuses(profile, FLOW, &more).unwrap();
    assert_eq!(status(core, profile, STATUSES), StepStatus::InProgress);
}

#[tokio::test]
async fn only_the_practice_profile_gets_statuses_created_and_a_profile_needs_its_connections() {
    let p = practice().await;
    let other = p.core.create_profile("Acme").unwrap().id;
    p.core
        .save_planned_statuses(other, FLOW, &[planned("Lunch", PlannedKind::Busy)])
        .unwrap();
    let refused = p.core.practice_planned_statuses(other, FLOW).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Conflict);
    let missing = p
        .core
        .verify_step(other, FLOW, STATUSES, EN)
        .await
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::ConnectionMissing);
    assert_eq!(missing.field(), Some("salesforce"));
    let labels = DiagramLabels::english();
    let missing = p
        .core
        .refresh_presence_lists(other, FLOW, &labels)
        .await
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::ConnectionMissing);
    assert_eq!(missing.field(), Some("cxone"));
}

#[tokio::test]
async fn the_lists_are_read_from_both_vendors_and_kept_with_their_time() {
    let p = practice().await;
    let labels = DiagramLabels::english();
    let before = p.core.presence_rule(p.profile, FLOW, &labels).unwrap();
    assert!(before.catalog.is_none() && before.catalog_at.is_none());

    let view = p
        .core
        .refresh_presence_lists(p.profile, FLOW, &labels)
        .await
        .unwrap();
    let catalog = view.catalog.as_ref().expect("the lists");
    assert_eq!(catalog.acd_states[0], "Available");
    for state in ["Lunch", "Pause café", "昼休み"] {
        assert!(catalog.acd_states.iter().any(|s| s == state), "{state}");
    }
    assert!(
        !catalog.acd_states.iter().any(|s| s == "Legacy Away"),
        "a retired code is no agent state"
    );
    assert!(
        catalog
            .salesforce_statuses
            .iter()
            .any(|s| s.developer_name == "Hiru_yasumi" && s.label == "昼休み")
    );
    assert!(view.catalog_at.is_some());
    let again = p.core.presence_rule(p.profile, FLOW, &labels).unwrap();
    assert_eq!(again.catalog, view.catalog, "kept with the profile");
}

/// Available and Lunch published as themselves but subscribed crosswise: a flip-flop.
fn ping_pong() -> PresenceRule {
    let state = |acd: &str, salesforce: &str| StateRow {
        acd: acd.into(),
        salesforce: salesforce.into(),
    };
    let subscriber = |salesforce: &str, acd: &str| SubscriberRow {
        salesforce: salesforce.into(),
        acd: SubscriberTarget::State(acd.into()),
    };
    PresenceRule {
        name: "Support agents (FR)".into(),
        states: vec![state("Available", "Available"), state("Lunch", "Lunch")],
        subscriber_states: vec![
            subscriber("Available", "Lunch"),
            subscriber("Lunch", "Available"),
        ],
        teams: vec![Target {
            id: 4021,
            name: "Support Paris".into(),
        }],
        users: vec![],
    }
}

#[tokio::test]
async fn a_rule_with_a_loop_is_saved_with_its_finding_its_diagram_and_a_looping_simulation() {
    let p = practice().await;
    let labels = DiagramLabels::english();
    p.core
        .refresh_presence_lists(p.profile, FLOW, &labels)
        .await
        .unwrap();
    let view = p
        .core
        .save_presence_rule(p.profile, FLOW, &ping_pong(), &labels)
        .unwrap();
    assert!(
        view.findings.iter().any(|f| f.code == "presence.loop"),
        "{:?}",
        view.findings
    );
    assert!(
        view.diagram.contains("edge states loop"),
        "{}",
        view.diagram
    );
    assert_eq!(status(&p.core, p.profile, RULE), StepStatus::InProgress);
    let reread = p.core.presence_rule(p.profile, FLOW, &labels).unwrap();
    assert_eq!(reread.rule, ping_pong());
    assert!(reread.catalog.is_some(), "the lists stay");

    let start = Start {
        system: System::Acd,
        state: "Available".into(),
    };
    let simulation = p
        .core
        .simulate_presence(p.profile, FLOW, start, None)
        .unwrap();
    assert!(
        matches!(simulation.outcome, Outcome::Loops { .. }),
        "{simulation:?}"
    );
}

#[tokio::test]
async fn rule_files_round_trip_through_a_folder_without_overwriting() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let labels = DiagramLabels::english();
    core.save_presence_rule(p, FLOW, &ping_pong(), &labels)
        .unwrap();
    let folder = tempfile::tempdir().unwrap();

    let first = core.export_presence_rule(p, FLOW, folder.path()).unwrap();
    let second = core.export_presence_rule(p, FLOW, folder.path()).unwrap();
    assert_ne!(
        first.path, second.path,
        "an existing file is never replaced"
    );
    let name = std::path::Path::new(&first.path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("presence-rule-support-agents-fr-") && name.ends_with(".json"),
        "{name}"
    );
    let diagram = core
        .export_presence_diagram(p, FLOW, &labels, folder.path())
        .unwrap();
    assert!(diagram.path.ends_with(".svg"));
    assert!(
        std::fs::read_to_string(&diagram.path)
            .unwrap()
            .starts_with("<svg")
    );

    let other = core.create_profile("Globex").unwrap().id;
    let json = std::fs::read_to_string(&first.path).unwrap();
    let imported = core
        .import_presence_rule(other, FLOW, &json, &labels)
        .await
        .unwrap();
    assert_eq!(imported.rule, ping_pong(), "ids of teams and users kept");
    assert_eq!(
        imported.unmatched_targets,
        ["Support Paris"],
        "without CXone the team must be picked again, and says so"
    );
    assert_eq!(
        core.presence_rule(other, FLOW, &labels).unwrap().rule,
        ping_pong()
    );
    assert_eq!(status(&core, other, RULE), StepStatus::InProgress);
}

#[tokio::test]
async fn a_file_that_is_no_rule_file_is_refused_with_its_reason() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let labels = DiagramLabels::english();
    let cases = [
        ("{ not json", "rule_file.not_json"),
        (r#"{"format": "something.else"}"#, "rule_file.wrong_format"),
        (
            r#"{"format": "switchboard.presence-rule", "version": 2}"#,
            "rule_file.unsupported_version",
        ),
        (
            r#"{"format": "switchboard.presence-rule", "version": 1, "rule": 3}"#,
            "rule_file.invalid",
        ),
    ];
    for (json, expected) in cases {
        let error = core
            .import_presence_rule(p, FLOW, json, &labels)
            .await
            .unwrap_err();
        assert_eq!(invalid(&error), ("file".to_owned(), expected), "{json}");
        let detail = error.detail().unwrap();
        match expected {
            "rule_file.not_json" => {
                assert_eq!(detail.params["line"], "1");
                assert!(detail.params.contains_key("column"));
            }
            "rule_file.unsupported_version" => assert_eq!(detail.params["version"], "2"),
            "rule_file.invalid" => assert!(!detail.params["detail"].is_empty()),
            _ => {}
        }
    }
    assert_eq!(
        core.presence_rule(p, FLOW, &labels).unwrap().rule,
        PresenceRule::default(),
        "nothing replaced"
    );
}

/// Fills and completes the connected-app steps the log-in check waits for.
fn complete_connected_app_steps(core: &Switchboard, profile: i64) {
    let secret = switchboard_core::secrets::Sensitive::new("consumer-secret-1".to_owned());
    let fields = [
        (
            "sf-connected-app",
            "sf-connected-app-name",
            "CXone Presence",
        ),
        (
            "sf-connected-app",
            "sf-app-contact-email",
            "admin@example.com",
        ),
        (
            "sf-connected-app",
            "sf-callback-url",
            "https://login.salesforce.com/services/oauth2/success",
        ),
        (
            "sf-consumer-credentials",
            "sf-consumer-key",
            "3MVG9practice",
        ),
        (
            "sf-oauth-settings",
            "sf-username",
            "integration@example.com",
        ),
        ("sf-oauth-settings", "sf-login-option", "security-token"),
    ];
    for (step, field, value) in fields {
        core.set_field(profile, FLOW, step, field, value, EN)
            .unwrap();
    }
    core.set_secret(
        profile,
        FLOW,
        "sf-consumer-credentials",
        "sf-consumer-secret",
        &secret,
        EN,
    )
    .unwrap();
    core.set_secret(
        profile,
        FLOW,
        "sf-oauth-settings",
        "sf-password",
        &secret,
        EN,
    )
    .unwrap();
    for step in [
        "sf-connected-app",
        "sf-consumer-credentials",
        "sf-oauth-settings",
    ] {
        core.set_step_status(profile, FLOW, step, StepStatus::Done, EN)
            .unwrap();
    }
}

#[tokio::test]
async fn the_login_check_is_done_only_when_salesforce_accepts_the_username_password_flow() {
    let p = practice().await;
    complete_connected_app_steps(&p.core, p.profile);
    let step = "sf-login-check";
    let refused = p
        .core
        .set_step_status(p.profile, FLOW, step, StepStatus::Done, EN)
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::LiveCheckRequired);

    p.emulator
        .faults()
        .update(|plan| plan.salesforce_password_flow_blocked = true);
    p.core.verify_step(p.profile, FLOW, step, EN).await.unwrap();
    assert_eq!(status(&p.core, p.profile, step), StepStatus::NeedsAttention);
    let view = p.core.flow_view(p.profile, FLOW, EN).unwrap();
    let check = view.steps.iter().find(|s| s.id == step).unwrap();
    assert_eq!(check.live, Some(LiveKind::SfLogin));
    let failed = check.last_check.as_ref().unwrap().failed_codes();
    assert!(!failed.is_empty(), "the refusal is diagnosed");

    p.emulator
        .faults()
        .update(|plan| plan.salesforce_password_flow_blocked = false);
    p.core.verify_step(p.profile, FLOW, step, EN).await.unwrap();
    assert_eq!(status(&p.core, p.profile, step), StepStatus::Done);
}

#[tokio::test]
async fn values_the_salesforce_connection_holds_are_not_asked_for_again() {
    let p = practice().await;
    let view = p.core.flow_view(p.profile, FLOW, EN).unwrap();
    let field = view
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "sf-username")
        .unwrap();
    let connection = p
        .core
        .connection(p.profile, switchboard_core::connection::Vendor::Salesforce)
        .unwrap();
    let settings = serde_json::to_value(connection.settings.unwrap()).unwrap();
    assert_eq!(field.value.as_deref(), settings["username"].as_str());
    assert_eq!(field.from_connection.as_deref(), Some("salesforce"));

    // Typed in the flow, the flow's value wins and is no longer marked as borrowed.
    let typed = p
        .core
        .set_field(
            p.profile,
            FLOW,
            "sf-oauth-settings",
            "sf-username",
            "other@example.com",
            EN,
        )
        .unwrap();
    let field = typed
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "sf-username")
        .unwrap();
    assert_eq!(field.value.as_deref(), Some("other@example.com"));
    assert_eq!(field.from_connection, None);
}

#[tokio::test]
async fn the_cxone_platform_follows_the_salesforce_connections_environment() {
    let p = practice().await;
    let view = p.core.flow_view(p.profile, FLOW, EN).unwrap();
    let platform = view
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "cxone-sf-platform")
        .unwrap();
    assert_eq!(
        platform.value.as_deref(),
        Some("production"),
        "the practice org is production"
    );
    assert_eq!(platform.error, None);
}

#[tokio::test]
async fn an_imported_rules_teams_are_matched_to_this_tenants_by_name() {
    let p = practice().await;
    let teams = p.core.cxone_teams(p.profile).await.unwrap();
    let mut rule = ping_pong();
    rule.teams = vec![
        Target {
            id: 999_999,
            name: format!("  {}  ", teams[0].name.to_uppercase()),
        },
        Target {
            id: 5,
            name: "Team that only the other customer has".into(),
        },
    ];
    let json = switchboard_core::presence::export(&rule, None, "2026-11-23T00:00:00Z");
    let imported = p
        .core
        .import_presence_rule(p.profile, FLOW, &json, &DiagramLabels::english())
        .await
        .unwrap();
    assert_eq!(imported.rule.teams[0].id, teams[0].id, "matched by name");
    assert_eq!(
        imported.unmatched_targets,
        ["Team that only the other customer has"]
    );
    assert_eq!(
        imported.rule.teams.len(),
        2,
        "an unmatched team is kept, not dropped"
    );
}

#[tokio::test]
async fn secrets_the_salesforce_connection_holds_are_copied_from_it_not_asked_again() {
    let super::Practice {
        tenant,
        core,
        profile,
        ..
    } = practice().await;
    let connection_secret = |name: &str| {
        tenant
            .secrets
            .iter()
            .find(|(vendor, field, _)| {
                *vendor == switchboard_core::connection::Vendor::Salesforce && *field == name
            })
            .map(|(_, _, value)| value.expose().to_owned())
            .unwrap()
    };
    let view = core.flow_view(profile, FLOW, EN).unwrap();
    let password = view
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "sf-password")
        .unwrap();
    assert!(
        password.secret_set,
        "the connection's password counts as entered"
    );
    assert_eq!(password.from_connection.as_deref(), Some("salesforce"));

    // The mapping's copies need every CXone value: fill the rest so the copy resolves.
    core.set_field(
        profile,
        FLOW,
        "cxone-map-account",
        "cxone-sf-environment-name",
        "Prod",
        EN,
    )
    .unwrap();
    let copied = core
        .secret_copy(profile, FLOW, "cxone-sf-password-token")
        .unwrap();
    assert_eq!(
        copied.expose(),
        format!(
            "{}{}",
            connection_secret("password"),
            connection_secret("security-token")
        ),
        "password and token joined from the connection's keychain entries"
    );
}

/// The same table the UI's per-keystroke suggestion is tested against (ui/src/lib/presence.test.ts).
#[test]
fn developer_names_are_suggested_as_the_shared_table_says() {
    let table: serde_json::Value =
        serde_json::from_str(include_str!("../cases/developer_names.json")).unwrap();
    for case in table["cases"].as_array().unwrap() {
        let (label, expected) = (case[0].as_str().unwrap(), case[1].as_str().unwrap());
        assert_eq!(suggest_developer_name(label), expected, "label {label:?}");
    }
}

/// Only a file this run wrote may be shown in the file manager: another file in the same
/// folder, or one that looks like an export, is refused.
#[tokio::test]
async fn only_files_switchboard_wrote_may_be_revealed() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    core.save_presence_rule(p, FLOW, &ping_pong(), &DiagramLabels::english())
        .unwrap();
    // Inside the home folder, where the app's exports go when there is no Downloads folder.
    let home = dirs::home_dir().expect("a home folder");
    let folder = tempfile::tempdir_in(home).unwrap();
    let saved = core.export_presence_rule(p, FLOW, folder.path()).unwrap();
    let shown = core
        .revealable_folder(std::path::Path::new(&saved.path))
        .unwrap();
    assert_eq!(shown, folder.path().canonicalize().unwrap());

    let other = folder.path().join("presence-rule-lookalike.json");
    std::fs::write(&other, "{}").unwrap();
    for refused in [
        other.as_path(),
        folder.path(),
        std::path::Path::new("/etc/passwd"),
    ] {
        let error = core.revealable_folder(refused).unwrap_err();
        assert_eq!(
            invalid(&error),
            ("path".to_owned(), "not_allowed"),
            "{refused:?}"
        );
    }
}
