//! What several CLI test binaries set up the same way. Each binary uses some of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs the real binary on the data folder `data`. No keychain is needed for what these tests
/// do without secrets; the session bus is removed so none is reached.
pub fn cli(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard-cli"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .expect("switchboard-cli runs")
}

/// The standard output of a run that must have succeeded (its standard error otherwise).
pub fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A practice profile in `dir`'s database, as the app makes it (the CLI repoints it at its own
/// emulator when it runs), with its secrets in a throw-away store.
pub fn practice_profile(dir: &Path) {
    let paths = switchboard_core::paths::AppPaths::under(dir.to_path_buf());
    let core = switchboard_core::Switchboard::open(
        &paths,
        Box::new(switchboard_core::secrets::MemoryStore::new()),
    )
    .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let emulator = switchboard_emulator::Emulator::start(Default::default())
            .await
            .unwrap();
        let tenant =
            switchboard_core::practice::PracticeTenant::from_announcement(&emulator.announcement())
                .unwrap();
        core.open_practice_profile(&tenant).unwrap();
    });
}
