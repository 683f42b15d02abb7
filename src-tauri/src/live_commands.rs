//! Commands of the live steps (issue 4: verified Zoom scopes, the automated CXone address book,
//! the Directory Sync editor and its preview). Each is one call into `switchboard-core`; the
//! practice profile's connections are re-pointed at the running emulator first.

use switchboard_core::Locale;
use switchboard_core::address_book::csv::Import;
use switchboard_core::address_book::entry::EntryDraft;
use switchboard_core::address_book::plan::PlanPreview;
use switchboard_core::flow::FlowView;
use switchboard_core::switchboard::{
    AddressBookDraft, Applied, DirectoryPreview, DirectorySyncDoc, DirectorySyncView, EntryCheck,
    RunView, check_entry as check, preview_csv as read_csv,
};
use switchboard_core::vendors::cxone_admin::{Agent, Team};
use tauri::State;

use crate::AppState;
use crate::commands::repoint_if_practice;
use crate::ipc_error::IpcResult;

#[tauri::command(async)]
pub async fn verify_step(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    step_id: String,
    locale: Locale,
) -> IpcResult<FlowView> {
    repoint_if_practice(&state, profile_id).await?;
    Ok(state
        .core
        .verify_step(profile_id, &flow_id, &step_id, locale)
        .await?)
}

#[tauri::command(async)]
pub async fn fill_practice_values(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    step_id: String,
    locale: Locale,
) -> IpcResult<FlowView> {
    let tenant = state.practice.tenant().await?;
    Ok(state
        .core
        .fill_practice_values(profile_id, &flow_id, &step_id, &tenant, locale)?)
}

#[tauri::command(async)]
pub async fn cxone_agents(
    state: State<'_, AppState>,
    profile_id: i64,
    search: Option<String>,
) -> IpcResult<Vec<Agent>> {
    repoint_if_practice(&state, profile_id).await?;
    Ok(state
        .core
        .cxone_agents(profile_id, search.as_deref())
        .await?)
}

#[tauri::command(async)]
pub async fn cxone_teams(state: State<'_, AppState>, profile_id: i64) -> IpcResult<Vec<Team>> {
    repoint_if_practice(&state, profile_id).await?;
    Ok(state.core.cxone_teams(profile_id).await?)
}

#[tauri::command(async)]
pub fn address_book_draft(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    locale: Option<Locale>,
) -> IpcResult<AddressBookDraft> {
    let locale = locale.unwrap_or_default();
    Ok(state
        .core
        .address_book_draft(profile_id, &flow_id, locale)?)
}

#[tauri::command(async)]
pub fn save_address_book_draft(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    draft: AddressBookDraft,
) -> IpcResult<AddressBookDraft> {
    Ok(state
        .core
        .save_address_book_draft(profile_id, &flow_id, &draft)?)
}

#[tauri::command(async)]
pub fn check_entry(draft: EntryDraft, region: String) -> IpcResult<EntryCheck> {
    Ok(check(&draft, &region)?)
}

#[tauri::command(async)]
pub fn preview_csv(bytes: Vec<u8>, region: String) -> IpcResult<Import> {
    Ok(read_csv(&bytes, &region)?)
}

#[tauri::command(async)]
pub async fn plan_address_book(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
) -> IpcResult<PlanPreview> {
    repoint_if_practice(&state, profile_id).await?;
    Ok(state.core.plan_address_book(profile_id, &flow_id).await?)
}

#[tauri::command(async)]
pub async fn apply_address_book(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    locale: Locale,
) -> IpcResult<Applied> {
    repoint_if_practice(&state, profile_id).await?;
    Ok(state
        .core
        .apply_address_book(profile_id, &flow_id, locale)
        .await?)
}

#[tauri::command(async)]
pub fn address_book_run(state: State<'_, AppState>, profile_id: i64) -> IpcResult<Option<RunView>> {
    Ok(state.core.address_book_run(profile_id)?)
}

#[tauri::command(async)]
pub fn directory_sync(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    locale: Locale,
) -> IpcResult<DirectorySyncView> {
    Ok(state.core.directory_sync(profile_id, &flow_id, locale)?)
}

#[tauri::command(async)]
pub fn save_directory_sync(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    doc: DirectorySyncDoc,
) -> IpcResult<DirectorySyncView> {
    Ok(state.core.save_directory_sync(profile_id, &flow_id, doc)?)
}

#[tauri::command(async)]
pub async fn preview_directory(
    state: State<'_, AppState>,
    profile_id: i64,
    flow_id: String,
    locale: Option<Locale>,
) -> IpcResult<DirectoryPreview> {
    repoint_if_practice(&state, profile_id).await?;
    let locale = locale.unwrap_or_default();
    Ok(state
        .core
        .preview_directory(profile_id, &flow_id, locale)
        .await?)
}
