//! Integration tests of switchboard-core: one binary, one module per area.

mod address_book_apply;
mod address_book_csv;
mod apply_claims;
mod backups;
mod canaries;
mod catalogue;
mod connections;
mod cxone_session;
mod data_actions;
mod data_actions_flow;
mod data_actions_preflight;
mod data_actions_targets;
mod database_recovery;
mod directory;
mod directory_flow;
mod directory_support;
mod glossary;
mod guidance;
mod journal_view;
mod keychain;
mod keychain_names;
mod limits;
mod migrations;
mod practice;
mod presence;
mod presence_flow;
mod profile_files;
mod profiles;
mod report;
mod salesforce_session;
mod scrubbing;
mod steps;
mod ui_contract;
mod vendor_checks;
mod vendor_errors;
mod vendor_http;
mod vendor_support;
mod vendor_writes;
mod zcc_editors;
mod zcc_flow;
mod zoom_app;

use switchboard_core::Switchboard;
use switchboard_core::secrets::MemoryStore;

/// A running emulator and a core whose practice profile points at it, as the app opens it.
pub struct Practice {
    pub emulator: switchboard_emulator::RunningEmulator,
    pub tenant: switchboard_core::practice::PracticeTenant,
    pub core: Switchboard,
    pub profile: i64,
}

pub async fn practice() -> Practice {
    let emulator = switchboard_emulator::Emulator::start(Default::default())
        .await
        .expect("emulator starts");
    let tenant =
        switchboard_core::practice::PracticeTenant::from_announcement(&emulator.announcement())
            .unwrap();
    let core = core().with_practice(Box::new(switchboard_core::practice::Attached::new(
        emulator.announcement(),
    )));
    let profile = core.open_practice_tenant().await.unwrap().id;
    Practice {
        emulator,
        tenant,
        core,
        profile,
    }
}

/// The practice profile with no connection yet: the one profile whose connections may talk
/// plain http to loopback (wiremock), without starting an emulator.
pub fn practice_profile(
    core: &Switchboard,
) -> switchboard_core::switchboard::profiles::ProfileSummary {
    let none = switchboard_core::practice::PracticeTenant {
        settings: Vec::new(),
        control: None,
        secrets: Vec::new(),
        flow_values: Vec::new(),
        google_token: None,
    };
    core.open_practice_profile(&none).expect("practice profile")
}

/// A core on a private in-memory database and an in-memory secret store.
pub fn core() -> Switchboard {
    Switchboard::in_memory(Box::new(MemoryStore::new())).expect("in-memory core")
}
