//! Canaries: the practice tenant's credentials, random for each run (the emulator draws them
//! from its seed), are saved as every kind of secret (each vendor connection's, the flows' Zoom
//! app secrets, a data-action credential); then every flow's live checks and applies run against
//! it, without faults and with faults on, and the hand-over report is read and exported in every
//! language and format. No canary may appear in the database files, an export, a reply the window
//! would receive, a journal row or a log line.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use switchboard_core::address_book::entry::EntryDraft;
use switchboard_core::catalogue;
use switchboard_core::connection::Vendor;
use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{DataActionsPlan, PlannedIntegration, SecretSource};
use switchboard_core::locale::Locale;
use switchboard_core::paths::AppPaths;
use switchboard_core::practice::{Attached, PracticeTenant};
use switchboard_core::presence::DiagramLabels;
use switchboard_core::report::ReportFormat;
use switchboard_core::secrets::MemoryStore;
use switchboard_core::secrets::Sensitive;
use switchboard_core::switchboard::address_book::{AddressBookDraft, check_entry};
use switchboard_core::{ErrorReply, Switchboard};
use switchboard_emulator::{Emulator, EmulatorConfig, FaultPlan, RateLimit, ServerErrors, Trigger};

const EN: Locale = Locale::En;

/// Everything the core logs, at every level.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every reply, serialised as the window would receive it.
#[derive(Default)]
struct Replies(Vec<String>);

impl Replies {
    fn keep<T: Serialize>(&mut self, reply: switchboard_core::Result<T>) -> Option<T> {
        match reply {
            Ok(value) => {
                self.0.push(serde_json::to_string(&value).unwrap());
                Some(value)
            }
            Err(error) => {
                self.0
                    .push(serde_json::to_string(&ErrorReply::from(&error)).unwrap());
                None
            }
        }
    }
}

/// Every live check, apply, list and export the flows offer, once.
async fn run_every_flow(core: &Switchboard, profile: i64, exports: &Path, out: &mut Replies) {
    for vendor in Vendor::ALL {
        out.keep(core.test_connection(profile, vendor).await);
    }
    for flow in catalogue::flows() {
        for step in &flow.steps {
            out.keep(
                core.fill_practice_values(profile, &flow.id, &step.id, EN)
                    .await,
            );
            if step.live.is_some() {
                out.keep(core.verify_step(profile, &flow.id, &step.id, EN).await);
            }
        }
    }
    let directory = "zoom-directory-sync";
    out.keep(core.set_field(
        profile,
        directory,
        "cxone-address-book",
        "cxone-address-book-name",
        "Canary book",
        EN,
    ));
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
    out.keep(core.save_address_book_draft(profile, directory, &draft));
    out.keep(core.cxone_teams(profile).await);
    out.keep(core.cxone_agents(profile, None).await);
    out.keep(core.plan_address_book(profile, directory).await);
    out.keep(core.apply_address_book(profile, directory, EN, None).await);
    out.keep(core.preview_directory(profile, directory, EN).await);

    let presence = "cxone-salesforce-presence";
    let labels = DiagramLabels::english();
    out.keep(
        core.practice_create_planned_statuses(profile, presence, Some("en"))
            .await,
    );
    out.keep(
        core.refresh_presence_lists(profile, presence, &labels)
            .await,
    );
    out.keep(core.export_presence_rule(profile, presence, exports));
    out.keep(core.export_presence_diagram(profile, presence, &labels, exports));
    // The hand-over files: the profile file and the journal CSV (also kept as replies).
    out.keep(core.export_profile(profile, exports));
    out.keep(core.profile_file_text(profile));
    let everything = switchboard_core::storage::journal::Query::default();
    out.keep(core.export_journal(profile, &everything, EN, exports));
    out.keep(core.journal_csv(profile, &everything, EN));

    // The hand-over report, as the window reads it and as every file it writes.
    for locale in Locale::ALL {
        out.keep(core.review(profile, locale));
        for format in [ReportFormat::Html, ReportFormat::Md, ReportFormat::Json] {
            out.keep(core.report(profile, format, locale));
            out.keep(core.export_report(profile, format, locale, exports));
        }
    }
}

/// Each vendor fails in the ways real tenants do: throttled, 5xx, dropped, short-lived tokens.
fn faults(plan: &mut FaultPlan) {
    for vendor in [
        &mut plan.zoom,
        &mut plan.cxone,
        &mut plan.salesforce,
        &mut plan.genesys,
    ] {
        vendor.server_errors = Some(ServerErrors {
            status: 503,
            trigger: Trigger::EveryNth(3),
        });
        vendor.drop_connections = Some(Trigger::EveryNth(7));
        vendor.token_ttl_secs = Some(1);
        vendor.rate_limit = Some(RateLimit {
            limit: 20,
            window_secs: 1,
            retry_after: Default::default(),
        });
    }
    plan.cxone.fail_writes_after = Some(0);
}

fn files_under(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[tokio::test]
async fn no_saved_secret_reaches_a_file_a_reply_the_journal_or_a_log() {
    let logs = Logs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _logging = tracing::subscriber::set_default(subscriber);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let config = EmulatorConfig {
        seed,
        ..EmulatorConfig::default()
    };
    let emulator = Emulator::start(config).await.expect("emulator starts");
    let tenant = PracticeTenant::from_announcement(&emulator.announcement()).unwrap();
    let mut canaries: Vec<String> = tenant
        .secrets
        .iter()
        .map(|(_, _, value)| value.expose().to_owned())
        .collect();
    canaries.extend(
        tenant
            .flow_values
            .iter()
            .filter(|(_, _, secret)| *secret)
            .map(|(_, value, _)| value.expose().to_owned()),
    );
    assert!(
        canaries.len() >= 8,
        "every kind of secret: {}",
        canaries.len()
    );

    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().join("data"));
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).unwrap();
    let core = Switchboard::open(&paths, Box::new(MemoryStore::new()))
        .unwrap()
        .with_practice(Box::new(Attached::new(emulator.announcement())));
    let mut replies = Replies::default();
    let profile = replies
        .keep(core.open_practice_tenant().await)
        .expect("practice profile")
        .id;

    // A data-action credential's secret, saved through its own path.
    let credential = format!("da-canary-{seed:x}");
    let plan = DataActionsPlan {
        integrations: vec![PlannedIntegration {
            name: "Billing API".into(),
            kind: Kind::WebServices,
            credential_type: "basicAuth".into(),
            fields: BTreeMap::from([("userName".into(), "svc-genesys".into())]),
            secrets: BTreeMap::from([("password".into(), SecretSource::Keychain)]),
            notes: String::new(),
        }],
    };
    let data_actions = "genesys-data-actions";
    replies.keep(core.save_data_actions_plan(profile, data_actions, &plan));
    replies.keep(core.set_data_action_secret(
        profile,
        data_actions,
        "Billing API",
        "password",
        Some(&Sensitive::new(credential.clone())),
    ));
    canaries.push(credential);

    run_every_flow(&core, profile, &exports, &mut replies).await;
    emulator.faults().update(faults);
    run_every_flow(&core, profile, &exports, &mut replies).await;
    emulator.faults().clear();
    replies.keep(core.journal(10_000));
    drop(core);

    let mut places: Vec<(String, Vec<u8>)> = Vec::new();
    files_under(dir.path(), &mut places);
    assert!(places.len() >= 3, "database and exports: {places:?}");
    for extension in [".html", ".md", ".json"] {
        assert!(
            places.iter().any(
                |(path, _)| path.contains("Switchboard report - ") && path.ends_with(extension)
            ),
            "the report was exported as {extension}"
        );
    }
    places.push(("replies".into(), replies.0.join("\n").into_bytes()));
    places.push(("logs".into(), logs.0.lock().unwrap().clone()));
    let failures = replies
        .0
        .iter()
        .filter(|r| r.contains("\"failure\""))
        .count();
    eprintln!(
        "{} replies ({failures} with a vendor failure), {} bytes of logs, {} files",
        replies.0.len(),
        logs.0.lock().unwrap().len(),
        places.len() - 2
    );
    assert!(failures > 0, "the faults made vendor failures");
    for canary in &canaries {
        for (place, bytes) in &places {
            assert!(!contains(bytes, canary), "a saved secret reached {place}");
        }
    }
}
