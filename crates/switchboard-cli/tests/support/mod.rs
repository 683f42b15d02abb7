//! What several CLI test binaries set up the same way.

use std::path::Path;

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
