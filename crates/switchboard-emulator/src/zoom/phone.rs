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

fn numbers(user: &ZoomUser, line: &PhoneLine) -> Value {
    json!([{ "id": line.number_id, "number": user.person.phone_e164() }])
}

fn list_item(directory: &Directory, user: &ZoomUser, line: &PhoneLine) -> Value {
    let site = &directory.sites[line.site];
    json!({
        "id": user.id,
        "phone_user_id": line.phone_user_id,
        "email": user.person.email,
        "name": user.person.display_name,
        "extension_id": line.extension_id,
        "extension_number": line.extension_number,
        "phone_numbers": numbers(user, line),
        "site": { "id": site.id, "name": site.name },
        "status": "activate",
        "activation_status": "activated",
        "calling_plans": [{ "name": CALLING_PLAN, "type": 200 }],
        "department": user.person.department,
        "cost_center": format!("CC-{}", user.person.locale.country()),
    })
}

fn profile(directory: &Directory, user: &ZoomUser, line: &PhoneLine) -> Value {
    let site = &directory.sites[line.site];
    json!({
        "id": user.id,
        "phone_user_id": line.phone_user_id,
        "email": user.person.email,
        "extension_id": line.extension_id,
        "extension_number": line.extension_number,
        "phone_numbers": numbers(user, line),
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
    })
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
                    || line.extension_number.to_string().contains(k)
            })
        })
        .filter(|(u, _)| department.is_none_or(|d| d == u.person.department))
        .collect();
    let total = matching.len();
    let start = offset.min(total);
    let end = (start + size).min(total);
    let next = if end < total {
        emu.zoom.cursor("phone_users", &filter, end)
    } else {
        String::new()
    };
    ok(json!({
        "next_page_token": next,
        "page_size": size,
        "total_records": total,
        "users": matching[start..end]
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
