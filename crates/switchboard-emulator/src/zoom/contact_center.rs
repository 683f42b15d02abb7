//! Zoom Contact Center users: `GET /contact_center/users` (cursor-paged, `page_size` ≤ 300),
//! `GET /contact_center/users/{userId}` (the only answer that carries `client_integration_name`),
//! `PATCH /contact_center/users/{userId}` and the batch `PATCH /contact_center/users` (≤ 20) of
//! the client integration. Seeded from the Salesforce org's agents, so both sides match by
//! e-mail, with every mixed state: some not in Zoom Contact Center at all, some on the Default
//! integration, some on another Salesforce connection, and a few Zoom-only agents.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::directory::Directory;
use super::users::page_size;
use super::{authorize, error, validation_failed};
use crate::faults::Vendor;
use crate::http::{Params, Refusal, ok, refuse};
use crate::seed::{Person, PersonStatus};
use crate::server::Emu;

/// The account's Salesforce connections (Contact Center › Integrations), by name: the seed's
/// "Salesforce" and a sandbox one.
pub(crate) const CONNECTIONS: &[&str] = &["Salesforce", "Salesforce Sandbox"];
const INTEGRATIONS: &[&str] = &[
    "Default",
    "Salesforce",
    "Zendesk",
    "ServiceNow",
    "Microsoft_Dynamics_365",
];
const READ: &[&str] = &["contact_center_user:read:admin"];
const WRITE: &[&str] = &["contact_center_user:write:admin"];

#[derive(Debug, Clone)]
pub(crate) struct CcUser {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
    pub country: &'static str,
    pub client_integration: String,
    pub client_integration_name: String,
}

impl CcUser {
    fn list_item(&self) -> Value {
        json!({
            "user_id": self.user_id,
            "display_name": self.display_name,
            "user_email": self.email,
            "role_id": "27302393-4784-11ec-a3cd-122e3e29bb87",
            "role_name": "Agent",
            "client_integration": self.client_integration,
            "status_id": "1",
            "status_name": "Offline",
            "user_access": "active",
            "country_iso_code": self.country,
        })
    }

    fn profile(&self) -> Value {
        let mut item = self.list_item();
        item["client_integration_name"] = json!(self.client_integration_name);
        item
    }
}

/// The Contact Center users of the demo account, in listing order.
pub(crate) fn seeded(
    directory: &Directory,
    agents: Vec<&Person>,
    people: &[Person],
) -> Vec<CcUser> {
    let user = |person: &Person, integration: &str, name: &str| {
        let zoom = directory.find(&person.email)?;
        Some(CcUser {
            user_id: zoom.id.clone(),
            display_name: person.display_name.clone(),
            email: person.email.clone(),
            country: person.locale.country(),
            client_integration: integration.to_owned(),
            client_integration_name: name.to_owned(),
        })
    };
    let mut users = Vec::new();
    for (n, person) in agents.iter().enumerate() {
        // Every sixth agent has no Contact Center licence: unmatched on the Zoom side.
        if n % 6 == 5 || person.status != PersonStatus::Active {
            continue;
        }
        let (integration, name) = match n % 3 {
            0 => ("Salesforce", CONNECTIONS[0]),
            1 => ("Default", ""),
            _ if n % 2 == 0 => ("Salesforce", CONNECTIONS[1]),
            _ => ("Default", ""),
        };
        if let Some(mut cc) = user(person, integration, name) {
            // Zoom keeps the address as typed: one in capitals still matches by e-mail.
            if n == 3 {
                cc.email = cc.email.to_uppercase();
            }
            users.push(cc);
        }
    }
    // A few agents that Salesforce does not know.
    let known: Vec<&str> = agents.iter().map(|p| p.email.as_str()).collect();
    let others = people
        .iter()
        .filter(|p| p.status == PersonStatus::Active && !known.contains(&p.email.as_str()))
        .take(3);
    users.extend(others.filter_map(|p| user(p, "Default", "")));
    users
}

pub(super) async fn list(State(emu): State<Arc<Emu>>, uri: Uri, headers: HeaderMap) -> Response {
    if let Err(refusal) = authorize(&emu, &headers, READ, "contact_center:read:list_users:admin") {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let size = match page_size(&params, 300) {
        Ok(size) => size,
        Err(refusal) => return *refusal,
    };
    let filter = format!("cc|{size}");
    let offset = match emu.zoom.page_start(&params, "cc-users", &filter) {
        Ok(start) => start,
        Err(refusal) => return *refusal,
    };
    let users = emu.zoom.contact_center();
    let total = users.len();
    let start = offset.min(total);
    let end = (start + size).min(total);
    let next = if end < total {
        emu.zoom.cursor("cc-users", &filter, end)
    } else {
        String::new()
    };
    ok(json!({
        "next_page_token": next,
        "page_size": size,
        "total_records": total,
        "users": users[start..end].iter().map(CcUser::list_item).collect::<Vec<_>>(),
    }))
}

pub(super) async fn get(
    State(emu): State<Arc<Emu>>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &headers, READ, "contact_center:read:user:admin") {
        return *refusal;
    }
    let users = emu.zoom.contact_center();
    match users.iter().find(|u| u.user_id == user_id) {
        Some(user) => ok(user.profile()),
        None => missing(&user_id),
    }
}

fn missing(user_id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        1001,
        &format!("User does not exist: {user_id}."),
    )
}

/// Applies one user's change; the refusal Zoom answers otherwise.
fn change(users: &mut [CcUser], key: &str, fields: &Map<String, Value>) -> Result<(), Refusal> {
    let text = |name: &str| fields.get(name).and_then(Value::as_str);
    let integration = text("client_integration");
    if let Some(integration) = integration
        && !INTEGRATIONS.contains(&integration)
    {
        return refuse(validation_failed(
            "client_integration",
            "must be one of Default, Salesforce, Zendesk, ServiceNow, Microsoft_Dynamics_365",
        ));
    }
    let name = text("client_integration_name");
    if integration == Some("Salesforce") && !name.is_some_and(|n| CONNECTIONS.contains(&n)) {
        return refuse(error(
            StatusCode::NOT_FOUND,
            1006,
            "The account Salesforce client integration does not exist. Add it to the Integrations function module.",
        ));
    }
    let user = users
        .iter_mut()
        .find(|u| u.user_id == key || u.email.eq_ignore_ascii_case(key))
        .ok_or_else(|| Box::new(missing(key)))?;
    if let Some(integration) = integration {
        user.client_integration = integration.to_owned();
        user.client_integration_name = match integration {
            "Default" => String::new(),
            _ => name.unwrap_or_default().to_owned(),
        };
    }
    Ok(())
}

fn object(body: &Bytes) -> Option<Map<String, Value>> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(fields)) => Some(fields),
        _ => None,
    }
}

/// 204, or 500 when the crash fault fires now (the change is stored all the same).
fn stored(emu: &Emu, count: usize) -> Response {
    if emu.faults.written(Vendor::Zoom, count) {
        return super::server_error(500);
    }
    StatusCode::NO_CONTENT.into_response()
}

pub(super) async fn update(
    State(emu): State<Arc<Emu>>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(&emu, &headers, WRITE, "contact_center:update:user:admin") {
        return *refusal;
    }
    let Some(fields) = object(&body) else {
        return validation_failed("body", "must be a JSON object");
    };
    if let Err(refusal) = change(&mut emu.zoom.contact_center_mut(), &user_id, &fields) {
        return *refusal;
    }
    stored(&emu, 1)
}

pub(super) async fn batch(
    State(emu): State<Arc<Emu>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(
        &emu,
        &headers,
        WRITE,
        "contact_center:update:batch_users:admin",
    ) {
        return *refusal;
    }
    let users = object(&body)
        .and_then(|b| b.get("users").and_then(Value::as_array).cloned())
        .unwrap_or_default();
    if users.is_empty() || users.len() > 20 {
        return validation_failed("users", "must hold 1 to 20 users");
    }
    let mut all = emu.zoom.contact_center_mut();
    // Checked first so a refused batch changes nobody.
    let mut trial = all.clone();
    for item in &users {
        let Some(fields) = item.as_object() else {
            return validation_failed("users", "must be objects");
        };
        let key = fields
            .get("user_id")
            .or_else(|| fields.get("user_email"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        if let Err(refusal) = change(&mut trial, key, fields) {
            return *refusal;
        }
    }
    *all = trial;
    drop(all);
    stored(&emu, users.len())
}
