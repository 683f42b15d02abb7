//! Address books: list (204 when there are none), create from query parameters (no body), delete,
//! standard entries (batch add with a per-item `success`, list with paging) and assignment to
//! agents, teams or everyone.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::directory::{AddressBook, Entry};
use super::{API_PREFIX, Shape, Window, authorize, error};
use crate::clock::{iso8601, now_unix};
use crate::faults::Vendor;
use crate::http::{Params, json, ok};
use crate::server::Emu;

const ENTRY_FIELDS: &[&str] = &[
    "firstName",
    "lastName",
    "middleName",
    "company",
    "phone",
    "mobile",
    "email",
];

fn bad_request(path: &str, message: &str) -> Response {
    error(Shape::OAuthStyle, StatusCode::BAD_REQUEST, path, message)
}

fn not_found(path: &str, book_id: &str) -> Response {
    error(
        Shape::OAuthStyle,
        StatusCode::NOT_FOUND,
        path,
        &format!("Address book {book_id} was not found"),
    )
}

fn assigned<'a>(
    book: &'a AddressBook,
    kind: &'a str,
) -> impl Iterator<Item = &'a (String, String)> {
    book.assigned.iter().filter(move |(k, _)| k == kind)
}

pub(super) async fn list(State(emu): State<Arc<Emu>>, headers: HeaderMap) -> Response {
    let path = format!("{API_PREFIX}/address-books");
    if let Err(refusal) = authorize(&emu, &headers, Shape::OAuthStyle, &path) {
        return *refusal;
    }
    let data = emu.cxone.data();
    if data.books.is_empty() {
        return StatusCode::NO_CONTENT.into_response();
    }
    let books: Vec<Value> = data
        .books
        .iter()
        .map(|book| {
            let agents: Vec<Value> = assigned(book, "Agent")
                .filter_map(|(_, id)| data.agents.iter().find(|a| a.id.to_string() == *id))
                .map(|a| json!({ "agentId": a.id, "userName": a.person.email }))
                .collect();
            let teams: Vec<Value> = assigned(book, "Team")
                .filter_map(|(_, id)| data.teams.iter().find(|t| t.id.to_string() == *id))
                .map(|t| json!({ "teamId": t.id, "teamName": t.name }))
                .collect();
            json!({
                "addressBookId": book.id,
                "addressBookName": book.name,
                "addressBookType": book.kind,
                "agents": agents,
                "teams": teams,
                "skills": [],
                "campaigns": [],
            })
        })
        .collect();
    ok(json!({ "addressBooks": books }))
}

pub(super) async fn create(State(emu): State<Arc<Emu>>, uri: Uri, headers: HeaderMap) -> Response {
    let path = format!("{API_PREFIX}/address-books");
    if let Err(refusal) = authorize(&emu, &headers, Shape::OAuthStyle, &path) {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let Some(name) = params
        .get_ci("addressBookName")
        .map(str::trim)
        .filter(|n| !n.is_empty())
    else {
        return bad_request(&path, "addressBookName is required");
    };
    let kind = match params.get_ci("addressBookType") {
        Some(kind) if kind.eq_ignore_ascii_case("standard") => "Standard",
        Some(kind) if kind.eq_ignore_ascii_case("dynamic") => "Dynamic",
        _ => return bad_request(&path, "addressBookType must be Standard or Dynamic"),
    };
    let mut data = emu.cxone.data();
    if data.books.iter().any(|b| b.name.eq_ignore_ascii_case(name)) {
        return bad_request(&path, "An address book with this name already exists");
    }
    let id = data.next_book_id;
    data.next_book_id += 1;
    data.books.push(AddressBook {
        id,
        name: name.to_owned(),
        kind: kind.to_owned(),
        entries: Vec::new(),
        assigned: Vec::new(),
    });
    ok(json!({
        "resultSet": { "addressBookId": id, "addressBookName": name, "addressBookType": kind }
    }))
}

pub(super) async fn remove(
    State(emu): State<Arc<Emu>>,
    Path(book_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let path = format!("{API_PREFIX}/address-books/{book_id}");
    if let Err(refusal) = authorize(&emu, &headers, Shape::OAuthStyle, &path) {
        return *refusal;
    }
    let mut data = emu.cxone.data();
    let before = data.books.len();
    data.books.retain(|b| b.id.to_string() != book_id);
    if data.books.len() == before {
        return not_found(&path, &book_id);
    }
    StatusCode::ACCEPTED.into_response()
}

pub(super) async fn entries(
    State(emu): State<Arc<Emu>>,
    Path(book_id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let path = format!("{API_PREFIX}/address-books/{book_id}/entries");
    if let Err(refusal) = authorize(&emu, &headers, Shape::OAuthStyle, &path) {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let window = match Window::from(&params) {
        Ok(window) => window,
        Err(message) => return bad_request(&path, &message),
    };
    let needle = params
        .get_ci("searchString")
        .map(str::to_lowercase)
        .filter(|s| !s.is_empty());
    let data = emu.cxone.data();
    let Some(book) = data.books.iter().find(|b| b.id.to_string() == book_id) else {
        return not_found(&path, &book_id);
    };
    let found: Vec<Value> = book
        .entries
        .iter()
        .filter(|e| {
            needle
                .as_ref()
                .is_none_or(|n| e.fields.to_string().to_lowercase().contains(n))
        })
        .map(|e| e.fields.clone())
        .collect();
    if found.is_empty() {
        return StatusCode::NO_CONTENT.into_response();
    }
    ok(json!({
        "_links": window.links(&emu, &format!("/address-books/{book_id}/entries"), found.len()),
        "addressBook": {
            "addressBookId": book.id,
            "addressBookName": book.name,
            "addressBookType": book.kind,
            "addressBookEntries": window.slice(&found),
        },
        "businessUnitId": data.business_unit_id,
        "lastPollTime": iso8601(now_unix()),
        "totalRecords": found.len(),
    }))
}

/// One entry of a batch: its stored fields, or why it was refused.
fn entry_fields(raw: &Value) -> Result<Map<String, Value>, String> {
    let Some(object) = raw.as_object() else {
        return Err("Entry must be an object".to_owned());
    };
    let mut fields = Map::new();
    for name in ENTRY_FIELDS {
        match object.get(*name) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                fields.insert((*name).to_owned(), json!(s));
            }
            Some(_) => return Err(format!("{name} must be a string")),
        }
    }
    for required in ["firstName", "lastName"] {
        if fields
            .get(required)
            .and_then(Value::as_str)
            .is_none_or(|s| s.trim().is_empty())
        {
            return Err(format!("{required} is required"));
        }
    }
    Ok(fields)
}

pub(super) async fn add_entries(
    State(emu): State<Arc<Emu>>,
    Path(book_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = format!("{API_PREFIX}/address-books/{book_id}/entries");
    if let Err(refusal) = authorize(&emu, &headers, Shape::OAuthStyle, &path) {
        return *refusal;
    }
    let Some(batch) = serde_json::from_slice::<Value>(&body).ok().and_then(|v| {
        v.get("addressBookEntries")
            .and_then(Value::as_array)
            .cloned()
    }) else {
        return bad_request(&path, "Body must be {\"addressBookEntries\": [...]}");
    };
    let mut data = emu.cxone.data();
    let mut next_id = data.next_entry_id;
    let Some(book) = data.books.iter_mut().find(|b| b.id.to_string() == book_id) else {
        return not_found(&path, &book_id);
    };
    if book.kind != "Standard" {
        return bad_request(
            &path,
            "Standard entries can only be added to a Standard address book",
        );
    }
    let results: Vec<Value> = batch
        .iter()
        .map(|raw| match entry_fields(raw) {
            Ok(mut fields) => {
                let id = next_id;
                next_id += 1;
                fields.insert("addressBookEntryId".to_owned(), json!(id));
                book.entries.push(Entry {
                    fields: Value::Object(fields),
                });
                json!({ "success": true, "addressBookEntryId": id })
            }
            Err(message) => json!({ "success": false, "error": message }),
        })
        .collect();
    data.next_entry_id = next_id;
    drop(data);
    let stored = results.iter().filter(|r| r["success"] == true).count();
    if emu.faults.written(Vendor::Cxone, stored) {
        // Stored, but the client is told otherwise: the crash `fail_writes_after` stands for.
        return super::server_error(500);
    }
    json(StatusCode::ACCEPTED, json!({ "entryResults": results }))
}

pub(super) async fn assign(
    State(emu): State<Arc<Emu>>,
    Path(book_id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = format!("{API_PREFIX}/address-books/{book_id}/assignment");
    if let Err(refusal) = authorize(&emu, &headers, Shape::OAuthStyle, &path) {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let kind = match params.get_ci("entityType") {
        Some(k @ ("Agent" | "Skill" | "Team" | "Campaign" | "Everyone")) => k.to_owned(),
        _ => {
            return bad_request(
                &path,
                "entityType must be Agent, Skill, Team, Campaign or Everyone",
            );
        }
    };
    let ids: Vec<String> = if kind == "Everyone" {
        vec!["All".to_owned()]
    } else {
        let Some(list) = serde_json::from_slice::<Value>(&body).ok().and_then(|v| {
            v.get("addressBookAssignments")
                .and_then(Value::as_array)
                .cloned()
        }) else {
            return bad_request(&path, "Body must be {\"addressBookAssignments\": [...]}");
        };
        list.iter()
            .map(|a| match a.get("entityId") {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            })
            .collect()
    };
    let mut data = emu.cxone.data();
    let known = |id: &str| match kind.as_str() {
        "Agent" => data.agents.iter().any(|a| a.id.to_string() == id),
        "Team" => data.teams.iter().any(|t| t.id.to_string() == id),
        "Everyone" => true,
        // The demo business unit has no skills or campaigns.
        _ => false,
    };
    let results: Vec<(String, Option<String>)> = ids
        .iter()
        .map(|id| {
            let refusal = (!known(id)).then(|| format!("{kind} {id} was not found"));
            (id.clone(), refusal)
        })
        .collect();
    let Some(book) = data.books.iter_mut().find(|b| b.id.to_string() == book_id) else {
        return not_found(&path, &book_id);
    };
    for (id, refusal) in &results {
        if refusal.is_none() && !book.assigned.iter().any(|(k, i)| *k == kind && i == id) {
            book.assigned.push((kind.clone(), id.clone()));
        }
    }
    let results: Vec<Value> = results
        .into_iter()
        .map(|(id, refusal)| match refusal {
            None => json!({ "success": true, "entityId": id, "entityType": kind }),
            Some(message) => {
                json!({ "success": false, "entityId": id, "entityType": kind, "error": message })
            }
        })
        .collect();
    json(StatusCode::ACCEPTED, json!({ "assignResults": results }))
}
