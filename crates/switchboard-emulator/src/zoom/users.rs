//! `GET /users` (cursor-paged, filtered by status and role) and `GET /users/{userId}` (by id,
//! email or `me`).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde_json::json;

use super::directory::ZoomUser;
use super::{authorize, error, validation_failed};
use crate::http::{Params, Refusal, ok, page_count, refuse};
use crate::server::Emu;

/// Classic scopes `GET /users` and `GET /users/{userId}` accept (Users OpenAPI).
const USER_READ: &[&str] = &[
    "user:read:admin",
    "user:read",
    "user:write",
    "user:write:admin",
];

/// `page_size`: default 30, at most `max` (2000 for users, 100 for phone users in the current
/// specs); anything else is Zoom's validation failure.
pub(super) fn page_size(params: &Params, max: usize) -> Result<usize, Refusal> {
    let Some(raw) = params.get("page_size") else {
        return Ok(30);
    };
    match raw.parse::<usize>() {
        Err(_) => refuse(validation_failed("page_size", "must be an integer")),
        Ok(0) => refuse(validation_failed(
            "page_size",
            "must be greater than or equal to 1",
        )),
        Ok(n) if n > max => refuse(validation_failed(
            "page_size",
            &format!("must be less than or equal to {max}"),
        )),
        Ok(n) => Ok(n),
    }
}

pub(super) async fn list(State(emu): State<Arc<Emu>>, uri: Uri, headers: HeaderMap) -> Response {
    if let Err(refusal) = authorize(&emu, &headers, USER_READ, "user:read:list_users:admin") {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let status = params.get("status").unwrap_or("active");
    if !matches!(status, "active" | "inactive" | "pending") {
        return validation_failed("status", "must be one of active, inactive, pending");
    }
    let size = match page_size(&params, 2000) {
        Ok(size) => size,
        Err(refusal) => return *refusal,
    };
    let role = params.get("role_id").filter(|r| !r.is_empty());
    let filter = format!("{status}|{}|{size}", role.unwrap_or(""));
    let offset = match emu.zoom.page_start(&params, "users", &filter) {
        Ok(start) => start,
        Err(refusal) => return *refusal,
    };
    let matching: Vec<&ZoomUser> = emu
        .zoom
        .directory
        .users
        .iter()
        .filter(|u| u.status() == status && role.is_none_or(|r| r == u.role_id))
        .collect();
    let total = matching.len();
    let start = offset.min(total);
    let end = (start + size).min(total);
    let next = if end < total {
        emu.zoom.cursor("users", &filter, end)
    } else {
        String::new()
    };
    ok(json!({
        "next_page_token": next,
        "page_count": page_count(total, size),
        "page_number": start / size + 1,
        "page_size": size,
        "total_records": total,
        "users": matching[start..end].iter().map(|u| u.list_item()).collect::<Vec<_>>(),
    }))
}

pub(super) async fn get(
    State(emu): State<Arc<Emu>>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &headers, USER_READ, "user:read:user:admin") {
        return *refusal;
    }
    let directory = &emu.zoom.directory;
    // With an account-level (S2S) token, `me` is the account owner.
    let found = if user_id == "me" {
        directory.users.first()
    } else {
        directory.find(&user_id)
    };
    match found {
        Some(user) => ok(user.profile(&emu.credentials.zoom.account_id, directory.account_number)),
        None => error(
            StatusCode::NOT_FOUND,
            1001,
            &format!("User does not exist: {user_id}."),
        ),
    }
}
