//! The app itself: About, the UI language, the keychain's state, the log folder, vendor links
//! and the clipboard.

use std::path::Path;

use serde::Serialize;
use switchboard_core::switchboard::settings::KeychainStatus;
use switchboard_core::{Locale, links};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

use crate::contract::commands;
use crate::ipc_error::IpcError;

#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    version: String,
    identifier: String,
    data_dir: String,
    log_dir: String,
    development: bool,
}

#[derive(Serialize, TS)]
pub struct Settings {
    locale: Locale,
}

commands! {
    fn app_info[state, _app]() -> AppInfo {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            identifier: state.kind.identifier().to_owned(),
            data_dir: state.paths.data_dir.display().to_string(),
            log_dir: state.paths.log_dir.display().to_string(),
            development: cfg!(debug_assertions),
        })
    }

    /// The UI's language: the saved one, else the OS language when Switchboard speaks it (all
    /// there is while the database is not open and the recovery screen shows).
    fn get_settings[state, _app]() -> Settings {
        let os = sys_locale::get_locale();
        let locale = match state.core() {
            Ok(core) => core.ui_locale(os.as_deref())?,
            Err(_) => os.as_deref().and_then(Locale::from_tag).unwrap_or_default(),
        };
        Ok(Settings { locale })
    }

    fn set_locale[state, _app](locale: Locale) -> Settings {
        state.core()?.set_locale(locale)?;
        Ok(Settings { locale })
    }

    fn keychain_status[state, _app]() -> KeychainStatus {
        Ok(state.core()?.keychain_status())
    }

    fn open_log_folder[state, app]() -> () {
        app.opener()
            .open_path(state.paths.log_dir.display().to_string(), None::<&str>)
            .map_err(IpcError::internal)
    }

    /// Only https vendor pages (checked by the core) reach the browser.
    fn open_link[_state, app](url: String) -> () {
        let url = links::check(&url)?;
        app.opener()
            .open_url(url.as_str(), None::<&str>)
            .map_err(IpcError::internal)
    }

    fn copy_text[_state, app](text: String) -> () {
        app.clipboard().write_text(text).map_err(IpcError::internal)
    }

    /// Copies a value built from saved secrets straight from the keychain to the clipboard (the
    /// secret never travels to the webview), and takes it off again a minute later.
    fn copy_secret[state, app](profile_id: i64, flow_id: String, copy_id: String) -> () {
        crate::clipboard::copy_secret(&app, state.core()?.secret_copy(profile_id, &flow_id, &copy_id)?)
    }

    /// Opens the folder holding a file Switchboard saved during this run: the window must not
    /// make the file manager open any path it likes.
    fn reveal_file[state, app](path: String) -> () {
        let folder = state.core()?.revealable_folder(Path::new(&path))?;
        app.opener()
            .open_path(folder.display().to_string(), None::<&str>)
            .map_err(IpcError::internal)
    }
}
