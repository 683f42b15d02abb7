//! Zoom Phone users: `GET /phone/users` (cursor-paged; site, status, keyword and department
//! filters) and `GET /phone/users/{userId}`, with extensions, numbers and sites.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde_json::{Value, json};

use super::directory::{Directory, PhoneLine, ZoomUser};
use super::users::page_size;
use super::{authorize, error};
use crate::http::{Params, ok};
use crate::server::Emu;

const CALLING_PLAN: &str = "Zoom Phone Metered";

fn numbers(line: &PhoneLine) -> Value {
    match &line.number {
        Some(number) => json!([{ "id": line.number_id, "number": number }]),
        None => json!([]),
    }
}

/// Zoom leaves both extension fields out for a line without an extension.
fn with_extension(mut item: Value, line: &PhoneLine) -> Value {
    if let Some(number) = line.extension_number {
        item["extension_id"] = json!(line.extension_id);
        item["extension_number"] = json!(number);
    }
    item
}

fn list_item(directory: &Directory, user: &ZoomUser, line: &PhoneLine) -> Value {
    let site = &directory.sites[line.site];
    let item = json!({
        "id": user.id,
        "phone_user_id": line.phone_user_id,
        "email": user.person.email,
        "name": user.person.display_name,
        "phone_numbers": numbers(line),
        "site": { "id": site.id, "name": site.name },
        "status": "activate",
        "activation_status": "activated",
        "calling_plans": [{ "name": CALLING_PLAN, "type": 200 }],
        "department": user.person.department,
        "cost_center": format!("CC-{}", user.person.locale.country()),
    });
    with_extension(item, line)
}

fn profile(directory: &Directory, user: &ZoomUser, line: &PhoneLine) -> Value {
    let site = &directory.sites[line.site];
    let item = json!({
        "id": user.id,
        "phone_user_id": line.phone_user_id,
        "email": user.person.email,
        "phone_numbers": numbers(line),
        "site_id": site.id,
        "site_admin": false,
        "status": "activate",
        "calling_plans": [{ "type": 200 }],
        "department": user.person.department,
        "cost_center": format!("CC-{}", user.person.locale.country()),
        "emergency_address": {
            "id": format!("ea-{}", site.id),
            "address_line1": "1 Demo Street",
            "city": site.name,
            "country": user.person.locale.country(),
            "zip": "00000",
        },
        // Zoom's policy object is large; the emulator serves the part Switchboard reads.
        "policy": { "international_calling": false, "delegation": true },
    });
    with_extension(item, line)
}

pub(super) async fn list(State(emu): State<Arc<Emu>>, uri: Uri, headers: HeaderMap) -> Response {
    if let Err(refusal) = authorize(
        &emu,
        &headers,
        &["phone:read:admin"],
        "phone:read:list_users:admin",
    ) {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let size = match page_size(&params, 100) {
        Ok(size) => size,
        Err(refusal) => return *refusal,
    };
    let site_id = params.get("site_id").filter(|s| !s.is_empty());
    let status = params.get("status").filter(|s| !s.is_empty());
    let keyword = params
        .get("keyword")
        .map(str::to_lowercase)
        .filter(|k| !k.is_empty());
    let department = params.get("department").filter(|d| !d.is_empty());
    let filter = format!(
        "{}|{}|{}|{}|{size}",
        site_id.unwrap_or(""),
        status.unwrap_or(""),
        keyword.as_deref().unwrap_or(""),
        department.unwrap_or("")
    );
    let offset = match params.get("next_page_token").filter(|t| !t.is_empty()) {
        None => 0,
        Some(cursor) => match emu.zoom.offset_of("phone_users", &filter, cursor) {
            Some(offset) => offset,
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    400,
                    "The next page token is invalid or expired.",
                );
            }
        },
    };
    let directory = &emu.zoom.directory;
    let unfiltered =
        site_id.is_none() && status.is_none() && keyword.is_none() && department.is_none();
    if unfiltered {
        // The listing Directory Sync walks page after page: only this page is looked at, so a
        // page costs the same on a 50,000-user account as on a small one.
        let lines = &directory.phone_lines;
        let start = offset.min(lines.len());
        let end = (start + size).min(lines.len());
        let page = lines[start..end].iter().filter_map(|&i| directory.line(i));
        return phone_page(&emu, &filter, size, lines.len(), start, page.collect());
    }
    let matching: Vec<(&ZoomUser, &PhoneLine)> = directory
        .users
        .iter()
        .filter_map(|u| u.phone.as_ref().map(|line| (u, line)))
        .filter(|(_, line)| site_id.is_none_or(|id| directory.sites[line.site].id == id))
        // Every seeded phone user is activated.
        .filter(|_| status.is_none_or(|s| s == "activate"))
        .filter(|(u, line)| {
            keyword.as_ref().is_none_or(|k| {
                u.person.email.to_lowercase().contains(k)
                    || u.person.display_name.to_lowercase().contains(k)
                    || line
                        .extension_number
                        .is_some_and(|n| n.to_string().contains(k))
            })
        })
        .filter(|(u, _)| department.is_none_or(|d| d == u.person.department))
        .collect();
    let start = offset.min(matching.len());
    let end = (start + size).min(matching.len());
    phone_page(
        &emu,
        &filter,
        size,
        matching.len(),
        start,
        matching[start..end].to_vec(),
    )
}

/// One page of `GET /phone/users`: `page` starts at `start` of `total` matching lines.
fn phone_page(
    emu: &Emu,
    filter: &str,
    size: usize,
    total: usize,
    start: usize,
    page: Vec<(&ZoomUser, &PhoneLine)>,
) -> Response {
    let end = start + page.len();
    let next = if end < total {
        emu.zoom.cursor("phone_users", filter, end)
    } else {
        String::new()
    };
    let directory = &emu.zoom.directory;
    ok(json!({
        "next_page_token": next,
        "page_size": size,
        "total_records": total,
        "users": page
            .iter()
            .map(|(u, line)| list_item(directory, u, line))
            .collect::<Vec<_>>(),
    }))
}

pub(super) async fn get(
    State(emu): State<Arc<Emu>>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(
        &emu,
        &headers,
        &["phone:read:admin", "phone:read"],
        "phone:read:user:admin",
    ) {
        return *refusal;
    }
    let directory = &emu.zoom.directory;
    match directory
        .find_phone_user(&user_id)
        .and_then(|u| u.phone.as_ref().map(|line| (u, line)))
    {
        Some((user, line)) => ok(profile(directory, user, line)),
        None => error(
            StatusCode::NOT_FOUND,
            1001,
            &format!("User does not exist: {user_id}."),
        ),
    }
}
