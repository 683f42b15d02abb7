//! The Tauri app: opens the core on this user's data folder and keychain, starts logging, and
//! registers the commands. Nothing here decides anything a test would want to check; that lives
//! in `switchboard-core`.

mod commands;
mod ipc_error;
mod live_commands;
mod logging;
mod menu;
mod practice;
mod presence_commands;

use switchboard_core::Switchboard;
use switchboard_core::paths::{AppPaths, BuildKind};
use switchboard_core::secrets::KeychainStore;
use tauri::Manager;

/// What the commands share: the core, and the facts About shows.
pub struct AppState {
    pub core: Switchboard,
    pub paths: AppPaths,
    pub kind: BuildKind,
    pub practice: practice::Practice,
    _log_guard: logging::Guard,
}

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_shell::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .setup(|app| {
            let kind = BuildKind::of_current_build(cfg!(debug_assertions));
            let paths = AppPaths::for_user(kind).ok_or("this system has no per-user data folder")?;
            let log_guard = logging::start(&paths.log_dir)?;
            tracing::info!(version = env!("CARGO_PKG_VERSION"), data = %paths.data_dir.display(), "starting");
            let core = Switchboard::open(&paths, Box::new(KeychainStore::new(kind.identifier())))?;
            menu::install(app.handle())?;
            app.manage(AppState {
                core,
                paths,
                kind,
                practice: practice::Practice::default(),
                _log_guard: log_guard,
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::get_settings,
            commands::set_locale,
            commands::keychain_status,
            commands::open_log_folder,
            commands::list_profiles,
            commands::create_profile,
            commands::rename_profile,
            commands::delete_profile,
            commands::list_flows,
            commands::open_flow,
            commands::set_field,
            commands::set_secret,
            commands::clear_secret,
            commands::set_step_status,
            commands::get_resume,
            commands::set_resume,
            commands::open_link,
            commands::copy_text,
            commands::copy_secret,
            commands::list_connections,
            commands::save_connection,
            commands::set_connection_secret,
            commands::test_connection,
            commands::open_practice_tenant,
            commands::practice_faults,
            commands::set_practice_faults,
            live_commands::verify_step,
            live_commands::fill_practice_values,
            live_commands::cxone_agents,
            live_commands::cxone_teams,
            live_commands::address_book_draft,
            live_commands::save_address_book_draft,
            live_commands::check_entry,
            live_commands::preview_csv,
            live_commands::plan_address_book,
            live_commands::apply_address_book,
            live_commands::address_book_run,
            live_commands::directory_sync,
            live_commands::save_directory_sync,
            live_commands::preview_directory,
            presence_commands::planned_statuses,
            presence_commands::save_planned_statuses,
            presence_commands::practice_create_planned_statuses,
            presence_commands::presence_rule,
            presence_commands::save_presence_rule,
            presence_commands::refresh_presence_lists,
            presence_commands::simulate_presence,
            presence_commands::export_presence_rule,
            presence_commands::import_presence_rule,
            presence_commands::export_presence_diagram,
            presence_commands::reveal_file,
        ])
        .run(tauri::generate_context!())
        .expect("Switchboard failed to start");
}
