//! The commands the UI invokes. Each is one call into `switchboard-core` (or, for the browser
//! and the clipboard, one call into a Tauri plugin after the core has checked the value).
//! Bodies that touch SQLite run off the main thread (`async`), so the window never stalls.

use serde::Serialize;
use switchboard_core::connection::{ConnectionSettings, ConnectionView, Diagnosis, Vendor};
use switchboard_core::flow::{FlowSummary, FlowView};
use switchboard_core::secrets::Sensitive;
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::switchboard::{KeychainStatus, ProfileSummary, Resume};
use switchboard_core::{Locale, links};
use switchboard_emulator::PanelFaults;
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_shell::ShellExt;

use crate::AppState;
use crate::ipc_error::{IpcError, IpcResult};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    version: &'static str,
    identifier: &'static str,
    data_dir: String,
    log_dir: String,
    development: bool,
}

#[derive(Serialize)]
pub struct Settings {
    locale: Locale,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        identifier: state.kind.identifier(),
        data_dir: state.paths.data_dir.display().to_string(),
        log_dir: state.paths.log_dir.display().to_string(),
        development: cfg!(debug_assertions),
    }
}

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> IpcResult<Settings> {
    Ok(Settings {
        locale: ui_locale(&state)?,
    })
}

/// The UI's language: the saved one, else the OS language when we speak it, else English.
pub(crate) fn ui_locale(state: &AppState) -> IpcResult<Locale> {
    let os = sys_locale::get_locale()
        .as_deref()
        .and_then(Locale::from_tag);
    Ok(state.core.saved_locale()?.or(os).unwrap_or_default())
}

#[tauri::command(async)]
pub fn set_locale(state: State<'_, AppState>, locale: Locale) -> IpcResult<Settings> {
    state.core.set_locale(locale)?;
    Ok(Settings { locale })
}

#[tauri::command(async)]
pub fn keychain_status(state: State<'_, AppState>) -> KeychainStatus {
    state.core.keychain_status()
}

#[tauri::command]
#[allow(deprecated)] // shell's open is the chosen dependency; opener would be a second plugin
pub fn open_log_folder(app: AppHandle, state: State<'_, AppState>) -> IpcResult<()> {
    let dir = state.paths.log_dir.display().to_string();
    app.shell().open(dir, None).map_err(IpcError::internal)
}

#[tauri::command(async)]
pub fn list_profiles(state: State<'_, AppState>) -> IpcResult<Vec<ProfileSummary>> {
    Ok(state.core.list_profiles()?)
}

#[tauri::command(async)]
pub fn create_profile(state: State<'_, AppState>, name: String) -> IpcResult<ProfileSummary> {
    Ok(state.core.create_profile(&name)?)
}

#[tauri::command(async)]
pub fn rename_profile(
    state: State<'_, AppState>,
    profile_id: i64,
    name: String,
) -> IpcResult<ProfileSummary> {
    Ok(state.core.rename_profile(profile_id, &name)?)
}

#[tauri::command(async)]
pub fn delete_profile(state: State<'_, AppState>, profile_id: i64) -> IpcResult<()> {
    Ok(state.core.delete_profile(profile_id)?)
}

#[tauri::command(async)]
pub fn list_flows(
    state: State<'_, AppState>,
    profile_id: i64,
    locale: Locale,
) -> IpcResult<Vec<FlowSummary>> {
    Ok(state.core.list_flows(profile_id, locale)?)
}

#[tauri::command(async)]
pub fn open_flow(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    locale: Locale,
) -> IpcResult<FlowView> {
    Ok(state.core.open_flow(profile_id, &flow_id, locale)?)
}

#[tauri::command(async)]
pub fn set_field(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    step_id: String,
    field_id: String,
    value: String,
    locale: Locale,
) -> IpcResult<FlowView> {
    Ok(state
        .core
        .set_field(profile_id, &flow_id, &step_id, &field_id, &value, locale)?)
}

/// The value arrives once and goes straight to the keychain; the reply says only "set".
#[tauri::command(async)]
pub fn set_secret(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    step_id: String,
    field_id: String,
    value: String,
    locale: Locale,
) -> IpcResult<FlowView> {
    let value = Sensitive::new(value);
    Ok(state
        .core
        .set_secret(profile_id, &flow_id, &step_id, &field_id, &value, locale)?)
}

#[tauri::command(async)]
pub fn clear_secret(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    step_id: String,
    field_id: String,
    locale: Locale,
) -> IpcResult<FlowView> {
    Ok(state
        .core
        .clear_secret(profile_id, &flow_id, &step_id, &field_id, locale)?)
}

#[tauri::command(async)]
pub fn set_step_status(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    step_id: String,
    status: StepStatus,
    locale: Locale,
) -> IpcResult<FlowView> {
    Ok(state
        .core
        .set_step_status(profile_id, &flow_id, &step_id, status, locale)?)
}

#[tauri::command(async)]
pub fn get_resume(state: State<'_, AppState>) -> IpcResult<Option<Resume>> {
    Ok(state.core.resume()?)
}

#[tauri::command(async)]
pub fn set_resume(
    state: State<'_, AppState>,
    profile_id: Option<i64>,
    flow_id: Option<String>,
) -> IpcResult<()> {
    Ok(state.core.set_resume(
        profile_id
            .map(|profile_id| Resume {
                profile_id,
                flow_id,
            })
            .as_ref(),
    )?)
}

/// Only https vendor pages (checked by the core) reach the browser.
#[tauri::command]
#[allow(deprecated)] // shell's open is the chosen dependency; opener would be a second plugin
pub fn open_link(app: AppHandle, url: String) -> IpcResult<()> {
    let url = links::check(&url)?;
    app.shell()
        .open(url.as_str(), None)
        .map_err(IpcError::internal)
}

/// Copies a value built from saved secrets straight from the keychain to the clipboard: the
/// secret never travels to the webview.
#[tauri::command(async)]
pub fn copy_secret(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    copy_id: String,
) -> IpcResult<()> {
    let value = state.core.secret_copy(profile_id, &flow_id, &copy_id)?;
    app.clipboard()
        .write_text(value.expose())
        .map_err(IpcError::internal)
}

#[tauri::command]
pub fn copy_text(app: AppHandle, text: String) -> IpcResult<()> {
    app.clipboard().write_text(text).map_err(IpcError::internal)
}

// --- connections and the practice tenant ---

#[tauri::command(async)]
pub async fn list_connections(
    state: State<'_, AppState>,
    profile_id: i64,
) -> IpcResult<Vec<ConnectionView>> {
    repoint_if_practice(&state, profile_id).await?;
    Ok(Vendor::ALL
        .into_iter()
        .map(|v| state.core.connection(profile_id, v))
        .collect::<Result<_, _>>()?)
}

#[tauri::command(async)]
pub fn save_connection(
    state: State<'_, AppState>,
    profile_id: i64,
    settings: ConnectionSettings,
) -> IpcResult<ConnectionView> {
    Ok(state.core.save_connection(profile_id, settings)?)
}

/// A secret arrives once and goes straight to the keychain (`null` clears it).
#[tauri::command(async)]
pub fn set_connection_secret(
    state: State<'_, AppState>,
    profile_id: i64,
    vendor: Vendor,
    field: String,
    value: Option<String>,
) -> IpcResult<ConnectionView> {
    let value = value.map(Sensitive::new);
    Ok(state
        .core
        .set_connection_secret(profile_id, vendor, &field, value.as_ref())?)
}

#[tauri::command(async)]
pub async fn test_connection(
    state: State<'_, AppState>,
    profile_id: i64,
    vendor: Vendor,
) -> IpcResult<Diagnosis> {
    repoint_if_practice(&state, profile_id).await?;
    Ok(state.core.test_connection(profile_id, vendor).await?)
}

#[tauri::command(async)]
pub async fn open_practice_tenant(state: State<'_, AppState>) -> IpcResult<ProfileSummary> {
    let tenant = state.practice.tenant().await?;
    Ok(state.core.open_practice_profile(&tenant)?)
}

#[tauri::command(async)]
pub async fn practice_faults(state: State<'_, AppState>) -> IpcResult<PanelFaults> {
    Ok(state.practice.faults().await)
}

#[tauri::command(async)]
pub async fn set_practice_faults(
    state: State<'_, AppState>,
    faults: PanelFaults,
) -> IpcResult<PanelFaults> {
    state.practice.set_faults(faults).await
}

/// The emulator's port changes with every app start: a practice profile's connections are
/// pointed at the running one before they are shown or tested.
pub(crate) async fn repoint_if_practice(state: &AppState, profile_id: i64) -> IpcResult<()> {
    if state.core.profile(profile_id)?.practice {
        let tenant = state.practice.tenant().await?;
        state.core.open_practice_profile(&tenant)?;
    }
    Ok(())
}
