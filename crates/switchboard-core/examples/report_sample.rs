//! A hand-over report with every section filled, for looking at it (scripts/report-print): the
//! practice tenant walked through (every connection tested, an address book applied, a presence
//! status verified, a data-action integration applied, the certificates saved, the hand-over
//! noted), then the report written as HTML and Markdown in English, French and Japanese.
//!
//! Usage: cargo run -p switchboard-core --example report_sample -- OUT_DIR

use std::collections::BTreeMap;
use std::path::PathBuf;

use switchboard_core::Switchboard;
use switchboard_core::address_book::entry::EntryDraft;
use switchboard_core::connection::Vendor;
use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{DataActionsPlan, PlannedIntegration};
use switchboard_core::locale::Locale;
use switchboard_core::practice::{Attached, PracticeTenant};
use switchboard_core::report::ReportFormat;
use switchboard_core::secrets::MemoryStore;
use switchboard_core::switchboard::address_book::{AddressBookDraft, check_entry};
use switchboard_core::switchboard::planned_statuses::{PlannedKind, PlannedStatus};

const EN: Locale = Locale::En;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: report_sample OUT_DIR")?,
    );
    std::fs::create_dir_all(&out)?;
    let emulator = switchboard_emulator::Emulator::start(Default::default()).await?;
    PracticeTenant::from_announcement(&emulator.announcement())?;
    let core = Switchboard::in_memory(Box::new(MemoryStore::new()))?
        .with_practice(Box::new(Attached::new(emulator.announcement())));
    let profile = core.open_practice_tenant().await?.id;
    for vendor in Vendor::ALL {
        core.test_connection(profile, vendor).await?;
    }

    let directory = "zoom-directory-sync";
    core.set_field(
        profile,
        directory,
        "cxone-address-book",
        "cxone-address-book-name",
        "Ventes Paris — support niveau 2",
        EN,
    )?;
    let people = [
        ("Émilie", "Lefèvre", "01 42 76 49 78"),
        ("Jean", "Dupont", "01 42 76 40 40"),
    ];
    let entries = people
        .iter()
        .filter_map(|(first, last, phone)| {
            let draft = EntryDraft {
                first_name: (*first).into(),
                last_name: (*last).into(),
                phone: (*phone).into(),
                ..EntryDraft::default()
            };
            check_entry(&draft, "FR").ok()?.entry
        })
        .collect();
    let draft = AddressBookDraft {
        region: "FR".into(),
        entries,
        teams: Vec::new(),
        agents: Vec::new(),
    };
    core.save_address_book_draft(profile, directory, &draft)?;
    core.apply_address_book(profile, directory, EN, None)
        .await?;

    let presence = "cxone-salesforce-presence";
    let planned = PlannedStatus {
        label: "Pause déjeuner".into(),
        developer_name: "Pause_dejeuner".into(),
        kind: PlannedKind::Busy,
        channels: String::new(),
    };
    core.save_planned_statuses(profile, presence, &[planned])?;
    core.practice_create_planned_statuses(profile, presence, Some("fr"))
        .await?;
    core.verify_step(profile, presence, "sf-presence-statuses", EN)
        .await?;

    let data_actions = "genesys-data-actions";
    let plan = DataActionsPlan {
        integrations: vec![PlannedIntegration {
            name: "Order lookup (AWS Lambda)".into(),
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
    core.save_data_actions_plan(profile, data_actions, &plan)?;
    let no_env = |_: &str| None;
    core.apply_data_actions(profile, data_actions, EN, None, &no_env)
        .await?;
    let certificates = tempfile::tempdir()?;
    core.save_data_action_certificates(profile, data_actions, certificates.path())
        .await?;
    core.set_field(
        profile,
        "review-report",
        "handover",
        "handover-recipient",
        "it-operations@acme.example",
        EN,
    )?;

    for locale in Locale::ALL {
        for format in [ReportFormat::Html, ReportFormat::Md] {
            let (_, text) = core.report(profile, format, locale)?;
            let path = out.join(format!("report-{}.{}", locale.code(), format.extension()));
            std::fs::write(&path, text)?;
            println!("{}", path.display());
        }
    }
    Ok(())
}
