//! Commands of the CXone ↔ Salesforce presence flow (issue 5): the planned Salesforce statuses
//! (their check is `verify_step`), the presence rule editor, its simulator and files. Each is one
//! call into `switchboard-core`; this host only supplies the Downloads folder and opens folders.

use std::path::{Path, PathBuf};

use switchboard_core::exports;
use switchboard_core::flow::FlowView;
use switchboard_core::presence::{DiagramLabels, PresenceRule, Simulation, Start};
use switchboard_core::switchboard::{PlannedStatus, PresenceRuleView, SavedFile};
use tauri::{AppHandle, State};
use tauri_plugin_shell::ShellExt;

use crate::AppState;
use crate::commands::{repoint_if_practice, ui_locale};
use crate::ipc_error::{IpcError, IpcResult};

#[tauri::command(async)]
pub fn planned_statuses(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
) -> IpcResult<Vec<PlannedStatus>> {
    Ok(state.core.planned_statuses(profile_id, &flow_id)?)
}

#[tauri::command(async)]
pub fn save_planned_statuses(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    statuses: Vec<PlannedStatus>,
) -> IpcResult<Vec<PlannedStatus>> {
    Ok(state
        .core
        .save_planned_statuses(profile_id, &flow_id, &statuses)?)
}

/// Creates the planned statuses in the practice org, standing in for Salesforce Setup; replies
/// with the flow (in the UI's language) as every flow mutator does.
#[tauri::command(async)]
pub async fn practice_create_planned_statuses(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
) -> IpcResult<FlowView> {
    repoint_if_practice(&state, profile_id).await?;
    let planned = state.core.practice_planned_statuses(profile_id, &flow_id)?;
    state.practice.add_presence_statuses(&planned).await?;
    let locale = ui_locale(&state)?;
    Ok(state.core.flow_view(profile_id, &flow_id, locale)?)
}

#[tauri::command(async)]
pub fn presence_rule(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    labels: DiagramLabels,
) -> IpcResult<PresenceRuleView> {
    Ok(state.core.presence_rule(profile_id, &flow_id, &labels)?)
}

#[tauri::command(async)]
pub fn save_presence_rule(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    rule: PresenceRule,
    labels: DiagramLabels,
) -> IpcResult<PresenceRuleView> {
    Ok(state
        .core
        .save_presence_rule(profile_id, &flow_id, &rule, &labels)?)
}

#[tauri::command(async)]
pub async fn refresh_presence_lists(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    labels: DiagramLabels,
) -> IpcResult<PresenceRuleView> {
    repoint_if_practice(&state, profile_id).await?;
    Ok(state
        .core
        .refresh_presence_lists(profile_id, &flow_id, &labels)
        .await?)
}

#[tauri::command(async)]
pub fn simulate_presence(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    start: Start,
    previous: Option<String>,
) -> IpcResult<Simulation> {
    Ok(state
        .core
        .simulate_presence(profile_id, &flow_id, start, previous.as_deref())?)
}

#[tauri::command(async)]
pub fn export_presence_rule(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
) -> IpcResult<SavedFile> {
    let folder = downloads()?;
    Ok(state
        .core
        .export_presence_rule(profile_id, &flow_id, &folder)?)
}

#[tauri::command(async)]
pub async fn import_presence_rule(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    json: String,
    labels: DiagramLabels,
) -> IpcResult<PresenceRuleView> {
    repoint_if_practice(&state, profile_id).await?;
    Ok(state
        .core
        .import_presence_rule(profile_id, &flow_id, &json, &labels)
        .await?)
}

#[tauri::command(async)]
pub fn export_presence_diagram(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    labels: DiagramLabels,
) -> IpcResult<SavedFile> {
    let folder = downloads()?;
    Ok(state
        .core
        .export_presence_diagram(profile_id, &flow_id, &labels, &folder)?)
}

/// Opens the folder holding a file Switchboard saved. Only under the Downloads or home folder:
/// the UI must not be able to make the shell open any path it likes.
#[tauri::command(async)]
#[allow(deprecated)] // shell's open is the chosen dependency; opener would be a second plugin
pub fn reveal_file(app: AppHandle, path: String) -> IpcResult<()> {
    let folder = exports::revealable_folder(Path::new(&path), &exports::roots())?;
    app.shell()
        .open(folder.display().to_string(), None)
        .map_err(IpcError::internal)
}

/// Where exports go: the user's Downloads folder, else their home folder.
fn downloads() -> IpcResult<PathBuf> {
    exports::folder()
        .ok_or_else(|| IpcError::internal("this system has no Downloads or home folder"))
}
