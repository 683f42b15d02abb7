//! The emulator's own control endpoints, for a process that runs the binary and cannot hold a
//! `FaultHandle`: read and replace the fault plan, expire tokens, and create what an admin would
//! make by hand in a console the emulator has no page for (Salesforce presence statuses).
//! Never behind a fault gate.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use crate::faults::{FaultPlan, Vendor};
use crate::http::{Params, json, ok};
use crate::server::Emu;

pub(crate) fn routes() -> Router<Arc<Emu>> {
    Router::new()
        .route("/faults", get(read_faults).put(replace_faults))
        .route("/expire-tokens", post(expire_tokens))
        .route("/endpoints", get(endpoints))
        .route("/presence-statuses", post(add_presence_status))
}

async fn read_faults(State(emu): State<Arc<Emu>>) -> Response {
    ok(serde_json::to_value(emu.faults.plan()).unwrap_or_default())
}

async fn replace_faults(State(emu): State<Arc<Emu>>, Json(plan): Json<FaultPlan>) -> Response {
    emu.faults.set_plan(plan);
    read_faults(State(emu)).await
}

/// `POST /_emulator/expire-tokens?vendor=zoom`; without `vendor`, every vendor's tokens.
async fn expire_tokens(State(emu): State<Arc<Emu>>, uri: Uri) -> Response {
    match Params::from_query(&uri).get("vendor") {
        None => emu.faults.expire_all_tokens(),
        Some(name) => match name.parse::<Vendor>() {
            Ok(vendor) => emu.faults.expire_tokens(vendor),
            Err(message) => return json(StatusCode::BAD_REQUEST, json!({ "error": message })),
        },
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn endpoints(State(emu): State<Arc<Emu>>) -> Response {
    ok(json!({ "endpoints": emu.endpoints, "credentials": emu.credentials }))
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewPresenceStatus {
    developer_name: String,
    label: String,
}

/// `POST /_emulator/presence-statuses {"developerName", "label"}`: as if created in Salesforce
/// Setup. 201 when created, 200 when that Developer Name exists already (left as it is).
async fn add_presence_status(
    State(emu): State<Arc<Emu>>,
    Json(status): Json<NewPresenceStatus>,
) -> Response {
    let created = emu
        .salesforce
        .add_presence_status(&status.developer_name, &status.label);
    let code = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    json(code, json!({ "created": created }))
}
