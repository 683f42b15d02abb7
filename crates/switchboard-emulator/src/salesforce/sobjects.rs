//! The sObject writes the Zoom Contact Center agents need: `POST .../sobjects/PermissionSetAssignment`
//! (a duplicate refused with `DUPLICATE_VALUE`, as Salesforce does), `DELETE` of one, and
//! `PATCH .../sobjects/User/{id}` of `CallCenterId` (refused for a user the org locks). A
//! `fail_writes_after` fault stores the write and answers 500 anyway.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::zcc::assignment;
use super::{authorize, error, server_error, with_usage};
use crate::faults::Vendor;
use crate::http::{Refusal, json, refuse};
use crate::server::Emu;

fn body_fields(body: &Bytes) -> Result<Map<String, Value>, Refusal> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(fields)) => Ok(fields),
        _ => refuse(error(
            StatusCode::BAD_REQUEST,
            "JSON_PARSER_ERROR",
            "The request body is not a JSON object",
        )),
    }
}

fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
        "The requested resource does not exist",
    )
}

fn cross_reference(field: &str) -> Response {
    json(
        StatusCode::BAD_REQUEST,
        json!([{ "message": format!("invalid cross reference id"), "errorCode": "INVALID_CROSS_REFERENCE_KEY", "fields": [field] }]),
    )
}

/// The write was stored; answers 500 instead of `done` when the crash fault fires now.
fn after_write(emu: &Emu, done: Response) -> Response {
    if emu.faults.written(Vendor::Salesforce, 1) {
        return server_error(500);
    }
    done
}

pub(super) async fn create(
    State(emu): State<Arc<Emu>>,
    Path((_version, object)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(&emu, &headers) {
        return *refusal;
    }
    if object != "PermissionSetAssignment" {
        return with_usage(&emu, not_found());
    }
    let fields = match body_fields(&body) {
        Ok(fields) => fields,
        Err(refusal) => return with_usage(&emu, *refusal),
    };
    let text = |name: &str| fields.get(name).and_then(Value::as_str).unwrap_or_default();
    let (user, set) = (text("AssigneeId"), text("PermissionSetId"));
    let mut org = emu.salesforce.org_mut();
    if org.find("User", user).is_none() {
        return with_usage(&emu, cross_reference("AssigneeId"));
    }
    if org.find("PermissionSet", set).is_none() {
        return with_usage(&emu, cross_reference("PermissionSetId"));
    }
    let exists = org.records.iter().any(|r| {
        r.object == "PermissionSetAssignment"
            && r.fields.get("AssigneeId").and_then(Value::as_str) == Some(user)
            && r.fields.get("PermissionSetId").and_then(Value::as_str) == Some(set)
    });
    if exists {
        let message =
            format!("Duplicate PermissionSetAssignment. Assignee: {user}, Permission Set: {set}");
        return with_usage(
            &emu,
            json(
                StatusCode::BAD_REQUEST,
                json!([{ "message": message, "errorCode": "DUPLICATE_VALUE", "fields": [] }]),
            ),
        );
    }
    let created = assignment(&mut org.rng, user, set);
    let id = created.id().to_owned();
    org.records.push(created);
    drop(org);
    let done = json(
        StatusCode::CREATED,
        json!({ "id": id, "success": true, "errors": [] }),
    );
    with_usage(&emu, after_write(&emu, done))
}

pub(super) async fn delete(
    State(emu): State<Arc<Emu>>,
    Path((_version, object, id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &headers) {
        return *refusal;
    }
    if object != "PermissionSetAssignment" {
        return with_usage(&emu, not_found());
    }
    let mut org = emu.salesforce.org_mut();
    let before = org.records.len();
    org.records
        .retain(|r| !(r.object == "PermissionSetAssignment" && r.id() == id));
    let removed = org.records.len() < before;
    drop(org);
    if !removed {
        return with_usage(
            &emu,
            error(
                StatusCode::NOT_FOUND,
                "ENTITY_IS_DELETED",
                "entity is deleted",
            ),
        );
    }
    with_usage(
        &emu,
        after_write(&emu, StatusCode::NO_CONTENT.into_response()),
    )
}

pub(super) async fn update(
    State(emu): State<Arc<Emu>>,
    Path((_version, object, id)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(&emu, &headers) {
        return *refusal;
    }
    if object != "User" {
        return with_usage(&emu, not_found());
    }
    let fields = match body_fields(&body) {
        Ok(fields) => fields,
        Err(refusal) => return with_usage(&emu, *refusal),
    };
    let mut org = emu.salesforce.org_mut();
    if org.find("User", &id).is_none() {
        return with_usage(&emu, not_found());
    }
    for (name, value) in &fields {
        if name != "CallCenterId" {
            let message = format!("No such column '{name}' on sobject of type User");
            return with_usage(
                &emu,
                error(StatusCode::BAD_REQUEST, "INVALID_FIELD", &message),
            );
        }
        let known = match value {
            Value::Null => true,
            Value::String(center) => org.find("CallCenter", center).is_some(),
            _ => false,
        };
        if !known {
            return with_usage(&emu, cross_reference("CallCenterId"));
        }
    }
    if org.call_center_locked.contains(&id) {
        return with_usage(
            &emu,
            json(
                StatusCode::BAD_REQUEST,
                json!([{
                    "message": "insufficient access rights on cross-reference id",
                    "errorCode": "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                    "fields": [],
                }]),
            ),
        );
    }
    if let Some(user) = org.find_mut("User", &id) {
        for (name, value) in fields {
            user.fields.insert(name, value);
        }
    }
    drop(org);
    with_usage(
        &emu,
        after_write(&emu, StatusCode::NO_CONTENT.into_response()),
    )
}
