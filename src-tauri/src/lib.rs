//! The Tauri app: opens the core on this user's data folder and keychain (or starts in recovery
//! when the database cannot be opened), starts logging, and registers the commands. Nothing here
//! decides anything a test would want to check; that lives in `switchboard-core`.

mod clipboard;
mod commands;
mod contract;
mod ipc_error;
#[cfg(test)]
mod lists;
mod logging;
mod menu;
#[cfg(test)]
mod release_identity;
mod state;

use switchboard_core::paths::{AppPaths, BuildKind};
use tauri::Manager;
use tauri::webview::PageLoadEvent;

pub use state::AppState;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let kind = BuildKind::of_current_build(cfg!(debug_assertions));
            let paths = AppPaths::for_user(kind).ok_or("this system has no per-user data folder")?;
            // A log folder that cannot be written (read-only, full disk) costs the log, not the app.
            let log_guard = logging::start(&paths.log_dir)
                .inspect_err(|e| eprintln!("switchboard: no log file in {}: {e}", paths.log_dir.display()))
                .ok();
            tracing::info!(version = env!("CARGO_PKG_VERSION"), data = %paths.data_dir.display(), "starting");
            menu::install(app.handle())?;
            // Nothing slow before the first paint: the database opens on its own thread while
            // the window loads (a command that comes first waits for it, see state.rs), and the
            // keychain sweep and the backup wait until the page has loaded.
            app.manage(AppState::unopened(paths, kind, log_guard));
            let handle = app.handle().clone();
            std::thread::spawn(move || handle.state::<AppState>().open_at_start());
            Ok(())
        })
        .on_page_load(|webview, payload| {
            if payload.event() == PageLoadEvent::Finished {
                static ONCE: std::sync::Once = std::sync::Once::new();
                ONCE.call_once(|| {
                    sweep_keychain_in_background(webview.app_handle().clone());
                    back_up_daily(webview.app_handle().clone());
                });
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::get_settings,
            commands::app::set_locale,
            commands::app::keychain_status,
            commands::app::open_log_folder,
            commands::profiles::list_profiles,
            commands::profiles::next_actions,
            commands::profiles::create_profile,
            commands::profiles::rename_profile,
            commands::profiles::delete_profile,
            commands::steps::list_flows,
            commands::steps::open_flow,
            commands::steps::set_flow_not_needed,
            commands::steps::set_field,
            commands::steps::set_secret,
            commands::steps::clear_secret,
            commands::steps::set_step_status,
            commands::steps::get_resume,
            commands::steps::set_resume,
            commands::app::open_link,
            commands::app::copy_text,
            commands::app::copy_secret,
            commands::connections::list_connections,
            commands::connections::save_connection,
            commands::connections::set_connection_secret,
            commands::connections::test_connection,
            commands::profiles::open_practice_tenant,
            commands::profiles::practice_faults,
            commands::profiles::set_practice_faults,
            commands::steps::verify_step,
            commands::steps::fill_practice_values,
            commands::address_book::cxone_agents,
            commands::address_book::cxone_teams,
            commands::address_book::address_book_draft,
            commands::address_book::save_address_book_draft,
            commands::address_book::check_entry,
            commands::address_book::preview_csv,
            commands::address_book::plan_address_book,
            commands::address_book::apply_address_book,
            commands::address_book::address_book_run,
            commands::directory::directory_sync,
            commands::directory::save_directory_sync,
            commands::directory::preview_directory,
            commands::zcc_editors::add_country_code,
            commands::zcc_editors::zcc_status_map,
            commands::zcc_editors::save_zcc_status_map,
            commands::zcc_editors::refresh_zcc_statuses,
            commands::presence::planned_statuses,
            commands::presence::save_planned_statuses,
            commands::presence::practice_create_planned_statuses,
            commands::presence::presence_rule,
            commands::presence::save_presence_rule,
            commands::presence::refresh_presence_lists,
            commands::presence::simulate_presence,
            commands::presence::export_presence_rule,
            commands::presence::import_presence_rule,
            commands::presence::export_presence_diagram,
            commands::app::reveal_file,
            commands::data_actions::data_actions_org,
            commands::data_actions::data_actions_plan,
            commands::data_actions::save_data_actions_plan,
            commands::data_actions::set_data_action_secret,
            commands::data_actions::import_google_key,
            commands::data_actions::preview_data_actions,
            commands::data_actions::apply_data_actions,
            commands::data_actions::data_action_integrations,
            commands::data_actions::rotate_data_action_credential,
            commands::data_actions::set_data_action_enabled,
            commands::data_actions::rename_data_action,
            commands::data_actions::delete_data_action,
            commands::data_actions::save_data_action_certificates,
            commands::data_actions::data_action_certificates,
            commands::data_actions::test_data_action,
            commands::data_actions::check_data_action_credential,
            commands::zcc::zcc_prerequisites,
            commands::zcc::zcc_package,
            commands::zcc::zcc_call_center_xml,
            commands::zcc::zcc_choices,
            commands::zcc::export_zcc_call_center,
            commands::zcc::zcc_deploy_call_center,
            commands::zcc::zcc_agents,
            commands::zcc::zcc_agents_apply,
            commands::recovery::startup_problem,
            commands::recovery::retry_open,
            commands::recovery::start_fresh_database,
            commands::recovery::restore_backup,
            commands::recovery::open_data_folder,
            commands::recovery::quit_app,
            commands::recovery::list_backups,
            commands::recovery::restore_backup_and_restart,
            commands::profile_files::export_profile,
            commands::profile_files::preview_profile_file,
            commands::profile_files::import_profile,
            commands::profile_files::import_profile_parts,
            commands::profile_files::profile_journal,
            commands::profile_files::export_journal,
            commands::report::review,
            commands::report::choose_report_path,
            commands::report::export_report,
        ])
        .run(tauri::generate_context!())
        .expect("Switchboard failed to start");
}

/// Finishes keychain writes a crash interrupted and removes entries of deleted profiles, off the
/// main thread: the keychain may be slow or prompt, and the window must not wait for it. (A
/// database opened later from the recovery screen is swept at the next start.)
fn sweep_keychain_in_background(app: tauri::AppHandle) {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let Ok(core) = state.core() else { return };
        match core.sweep_keychain() {
            Ok(sweep) => tracing::info!(
                removed = sweep.removed,
                left = sweep.left.len(),
                "keychain swept"
            ),
            Err(error) => tracing::warn!(code = ?error.code(), "keychain sweep skipped"),
        }
    });
}

/// The daily backup while the app runs: every hour the core is asked whether one is due (a day
/// after the newest), so a laptop that slept still gets its backup soon after it wakes. A thread
/// of its own, like the keychain sweep: the backup is blocking file work.
fn back_up_daily(app: tauri::AppHandle) {
    std::thread::spawn(move || {
        loop {
            let state = app.state::<AppState>();
            if let Ok(core) = state.core() {
                match core.backup_if_due(std::time::SystemTime::now()) {
                    Ok(Some(name)) => tracing::info!(%name, "database backed up"),
                    Ok(None) => {}
                    Err(error) => {
                        tracing::warn!(code = ?error.code(), "daily backup failed: {error}")
                    }
                }
            }
            std::thread::sleep(std::time::Duration::from_secs(60 * 60));
        }
    });
}

#[cfg(test)]
mod window_policy {
    /// The window loads only the app itself: no base, form, frame or plugin can point elsewhere.
    #[test]
    fn the_content_security_policy_allows_nothing_from_elsewhere() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json");
        let csp = config["app"]["security"]["csp"].as_str().expect("a CSP");
        for directive in [
            "default-src 'self'",
            "script-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
            "object-src 'none'",
        ] {
            assert!(csp.contains(directive), "{directive} is missing from {csp}");
        }
        assert!(
            !csp.contains("https:") && !csp.contains("*"),
            "no remote source: {csp}"
        );
        // Svelte's styles are compiled into the bundle's CSS file: no inline style is needed.
        assert!(
            !csp.contains("'unsafe-inline'"),
            "no inline style or script: {csp}"
        );
    }
}
