//! Zoom Contact Center agent statuses: `GET /contact_center/system_statuses` (cursor-paged,
//! `status_category` filter), Zoom's four default statuses, the demo account's custom ones and
//! its Not Ready reasons (another category, which a mapping must not offer).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde_json::{Value, json};

use super::users::page_size;
use super::{authorize, error};
use crate::http::{Params, ok};
use crate::server::Emu;

/// `(id, name, type, category)` as the demo account has them.
const STATUSES: &[(&str, &str, &str, &str)] = &[
    ("1", "Offline", "default", "agent_status"),
    ("2", "Ready", "default", "agent_status"),
    ("3", "Not Ready", "default", "agent_status"),
    ("4", "Occupied", "default", "agent_status"),
    ("5", "Lunch", "custom", "agent_status"),
    ("6", "Training", "custom", "agent_status"),
    ("7", "Break", "custom", "queue_opt_out_and_not_ready_status"),
    (
        "8",
        "Meeting",
        "custom",
        "queue_opt_out_and_not_ready_status",
    ),
];

fn item(&(id, name, kind, category): &(&str, &str, &str, &str)) -> Value {
    json!({
        "status_id": id,
        "status_name": name,
        "status_type": kind,
        "status_category": category,
        "enable": category != "agent_status",
        "status_assigned_queues": [],
    })
}

pub(super) async fn list(State(emu): State<Arc<Emu>>, uri: Uri, headers: HeaderMap) -> Response {
    if let Err(refusal) = authorize(
        &emu,
        &headers,
        &["contact_center_preference:read:admin"],
        "contact_center:read:list_system_statues:admin",
    ) {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let size = match page_size(&params, 300) {
        Ok(size) => size,
        Err(refusal) => return *refusal,
    };
    let category = params.get("status_category").unwrap_or_default();
    if !["", "agent_status", "queue_opt_out_and_not_ready_status"].contains(&category) {
        return error(StatusCode::BAD_REQUEST, 300, "Invalid status_category.");
    }
    let matching: Vec<Value> = STATUSES
        .iter()
        .filter(|s| category.is_empty() || s.3 == category)
        .map(item)
        .collect();
    let filter = format!("{category}|{size}");
    let start = match emu.zoom.page_start(&params, "system_statuses", &filter) {
        Ok(start) => start,
        Err(refusal) => return *refusal,
    };
    let end = (start + size).min(matching.len());
    let next = if end < matching.len() {
        emu.zoom.cursor("system_statuses", &filter, end)
    } else {
        String::new()
    };
    ok(json!({
        "next_page_token": next,
        "page_size": size,
        "total_records": matching.len(),
        "statuses": matching[start.min(end)..end],
    }))
}
