//! The hand-over report of a profile walked through the practice tenant: every section is filled
//! from what the flows recorded (Tests, checks, applies, certificates, secrets, the hand-over),
//! and the HTML and Markdown say it in the language chosen.

use std::collections::BTreeMap;

use switchboard_core::address_book::entry::EntryDraft;
use switchboard_core::connection::Vendor;
use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{DataActionsPlan, PlannedIntegration};
use switchboard_core::locale::Locale;
use switchboard_core::report::{self, ObjectKind, ReminderKind, ReportFormat, Why};
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::switchboard::address_book::{AddressBookDraft, check_entry};
use switchboard_core::switchboard::planned_statuses::{PlannedKind, PlannedStatus};

use super::practice;

const EN: Locale = Locale::En;
const DIRECTORY: &str = "zoom-directory-sync";
const PRESENCE: &str = "cxone-salesforce-presence";
const DATA_ACTIONS: &str = "genesys-data-actions";

#[tokio::test]
async fn a_practice_walk_fills_every_section_from_recorded_data() {
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    for vendor in Vendor::ALL {
        core.test_connection(profile, vendor).await.unwrap();
    }

    // The address book applies to Directory Sync: the purpose is chosen first.
    core.set_field(
        profile,
        DIRECTORY,
        "choose-purpose",
        "sync-purpose",
        "directory",
        EN,
    )
    .unwrap();
    core.set_field(
        profile,
        DIRECTORY,
        "cxone-address-book",
        "cxone-address-book-name",
        "Ventes <Paris> | *EU*",
        EN,
    )
    .unwrap();
    let entry = EntryDraft {
        first_name: "Émilie".into(),
        last_name: "Lefèvre".into(),
        phone: "01 42 76 49 78".into(),
        ..EntryDraft::default()
    };
    let draft = AddressBookDraft {
        region: "FR".into(),
        entries: vec![check_entry(&entry, "FR").unwrap().entry.unwrap()],
        teams: Vec::new(),
        agents: Vec::new(),
    };
    core.save_address_book_draft(profile, DIRECTORY, &draft)
        .unwrap();
    let applied = core
        .apply_address_book(profile, DIRECTORY, EN, None)
        .await
        .unwrap();
    let book_id = applied.run.book_id.expect("the book was created");

    let planned = PlannedStatus {
        label: "Pause déjeuner".into(),
        developer_name: "Pause_dejeuner".into(),
        kind: PlannedKind::Busy,
        channels: String::new(),
    };
    core.save_planned_statuses(profile, PRESENCE, &[planned])
        .unwrap();
    core.practice_create_planned_statuses(profile, PRESENCE, Some("fr"))
        .await
        .unwrap();
    core.verify_step(profile, PRESENCE, "sf-presence-statuses", EN)
        .await
        .unwrap();

    let plan = DataActionsPlan {
        integrations: vec![PlannedIntegration {
            name: "Order lookup".into(),
            kind: Kind::AwsLambda,
            credential_type: "amazonWebServicesARN".into(),
            fields: BTreeMap::from([(
                "ARN".into(),
                "arn:aws:iam::123456789012:role/genesys-data-actions".into(),
            )]),
            secrets: BTreeMap::new(),
            notes: String::new(),
        }],
    };
    core.save_data_actions_plan(profile, DATA_ACTIONS, &plan)
        .unwrap();
    let no_env = |_: &str| None;
    let data_actions = core
        .apply_data_actions(profile, DATA_ACTIONS, EN, None, &no_env)
        .await
        .unwrap();
    let integration_id = data_actions.outcomes[0]
        .integration_id
        .clone()
        .expect("the integration was created");
    let folder = tempfile::tempdir().unwrap();
    core.save_data_action_certificates(profile, DATA_ACTIONS, folder.path())
        .await
        .unwrap();
    core.set_field(
        profile,
        "review-report",
        "handover",
        "handover-recipient",
        "it@acme.example",
        EN,
    )
    .unwrap();

    let review = core.review(profile, EN).unwrap();
    assert!(review.practice);
    assert_eq!(review.connections.len(), 4, "{:?}", review.connections);
    assert!(
        review
            .connections
            .iter()
            .all(|c| c.ok == Some(true) && c.tested_at.is_some()),
        "{:?}",
        review.connections
    );

    let flow_ids: Vec<&str> = review.flows.iter().map(|f| f.id.as_str()).collect();
    let catalogue_ids: Vec<&str> = switchboard_core::catalogue::flows()
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(flow_ids, catalogue_ids, "every flow of the catalogue");
    let presence = review.flows.iter().find(|f| f.id == PRESENCE).unwrap();
    assert!(presence.done >= 1 && presence.done < presence.total);
    let waiting = review
        .flows
        .iter()
        .flat_map(|f| &f.open)
        .find(|s| s.why.iter().any(|w| matches!(w, Why::PendingOn { .. })));
    assert!(waiting.is_some(), "open steps say what they wait for");

    let book = review
        .objects
        .iter()
        .find(|o| o.kind == ObjectKind::AddressBook)
        .expect("the address book");
    assert_eq!(book.name, "Ventes <Paris> | *EU*");
    assert_eq!(book.vendor_id, Some(book_id.to_string()));
    assert_eq!(book.entries, Some(1));
    let integration = review
        .objects
        .iter()
        .find(|o| o.kind == ObjectKind::Integration)
        .expect("the integration");
    assert_eq!(integration.name, "Order lookup");
    assert_eq!(
        integration.vendor_id.as_deref(),
        Some(integration_id.as_str())
    );
    let status = review
        .objects
        .iter()
        .find(|o| o.kind == ObjectKind::PresenceStatus)
        .expect("the verified presence status");
    assert_eq!(status.vendor_id.as_deref(), Some("Pause_dejeuner"));

    let expiries: Vec<&str> = review
        .reminders
        .iter()
        .filter(|r| r.kind == ReminderKind::CertificateExpiry)
        .filter_map(|r| r.date.as_deref())
        .collect();
    assert_eq!(expiries, ["2027-09-15T23:59:59Z", "2028-09-14T23:59:59Z"]);
    assert!(
        review
            .reminders
            .iter()
            .any(|r| r.kind == ReminderKind::SecurityToken && r.vendor == Some(Vendor::Salesforce)),
        "the Salesforce security token: {:?}",
        review.reminders
    );
    assert_eq!(
        review.handover.recipient.as_deref(),
        Some("it@acme.example")
    );

    let fr = core.review(profile, Locale::Fr).unwrap();
    let html = report::render(&fr, ReportFormat::Html, Locale::Fr);
    for heading in [
        "<h2>Connexions</h2>",
        "<h2>Avancement des parcours</h2>",
        "<h2>Créé ou vérifié par les API</h2>",
        "<h2>Rappels\u{a0}: expirations et renouvellements</h2>",
        "<h2>Transfert</h2>",
    ] {
        assert!(html.contains(heading), "{heading}");
    }
    assert!(html.contains("Ventes &lt;Paris&gt; | *EU*"));
    assert!(html.contains(&integration_id) && html.contains(&book_id.to_string()));
    assert!(
        html.contains("15 septembre 2027"),
        "certificate expiry in French"
    );
    let md = report::render(&fr, ReportFormat::Md, Locale::Fr);
    assert!(md.contains("Ventes &lt;Paris&gt; \\| \\*EU\\*"));
    assert!(md.contains(&integration_id));

    let out = tempfile::tempdir().unwrap();
    let written = core
        .export_report(profile, ReportFormat::Html, Locale::Ja, out.path())
        .unwrap();
    let name = written.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("Switchboard レポート - ") && name.ends_with(".html"),
        "{name}"
    );
    assert!(
        std::fs::read_to_string(&written)
            .unwrap()
            .contains("<h2>接続</h2>")
    );
    let refused = core
        .export_report(
            profile,
            ReportFormat::Md,
            EN,
            &out.path().join("missing-folder").join("report.md"),
        )
        .unwrap_err();
    assert_eq!(
        (refused.field(), refused.detail().map(|d| d.code)),
        (Some("path"), Some("not_writable")),
        "a place that cannot be written is the admin's to change"
    );
    let status_of = |flow: &str, step: &str| {
        core.flow_view(profile, flow, EN)
            .unwrap()
            .steps
            .into_iter()
            .find(|s| s.id == step)
            .map(|s| s.status)
    };
    assert_eq!(
        status_of(DIRECTORY, "cxone-address-book"),
        Some(StepStatus::Done)
    );
}

#[test]
fn a_flow_marked_not_needed_is_reported_as_such_without_its_open_steps() {
    let core = super::core();
    let profile = core.create_profile("Acme").unwrap().id;
    core.set_flow_not_needed(profile, DIRECTORY, true, EN)
        .unwrap();
    let review = core.review(profile, Locale::Fr).unwrap();
    let flow = review.flows.iter().find(|f| f.id == DIRECTORY).unwrap();
    assert!(flow.not_needed);
    let other = review.flows.iter().find(|f| f.id != DIRECTORY).unwrap();
    assert!(!other.not_needed, "only the marked flow");

    let md = report::render(&review, ReportFormat::Md, Locale::Fr);
    let section = md
        .split(&format!("### {}", flow.title))
        .nth(1)
        .expect("the flow keeps its heading")
        .split("###")
        .next()
        .unwrap();
    assert!(
        section.contains("Pas nécessaire pour ce client"),
        "{section}"
    );
    assert!(
        !section.contains('|'),
        "no table of open steps for a flow not needed: {section}"
    );
}
