//! Data actions: `GET /api/v2/integrations/actions` (paged, optional `integrationId` filter) and
//! `POST /api/v2/integrations/actions/{actionId}/test`, so a client can prove an integration
//! works end to end after enabling it.
//!
//! Guessed where no public source shows it: every integration that is `ACTIVE` lists exactly one
//! seeded action, "Get account", id `custom_-_<uuid>` derived from the integration id (so it is
//! stable, and still known to `test` while the integration is not active); its category is the
//! integration's name, as Genesys defaults it. The test's operation names and `finalResult`
//! are plausible stand-ins; the shapes follow the SDK's `Action` and `TestExecutionResult`
//! models. Testing an action of an integration that is not `ACTIVE` answers 400 `bad.request`
//! (message wording guessed).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde_json::{Value, json};

use super::access::{ACTION_EXECUTE, ACTION_VIEW};
use super::integrations::Integration;
use super::{authorize, bad_request, error, page, paging};
use crate::clock::now_unix_millis;
use crate::http::{Params, ok};
use crate::seed::Rng;
use crate::server::Emu;

/// Seeds action ids; any constant works, ids only need to be stable per integration.
const ACTION_IDS: u64 = 0x6163_7469_6f6e;
const ACTION_NAME: &str = "Get account";

fn action_id(integration: &Integration) -> String {
    format!(
        "custom_-_{}",
        Rng::new(ACTION_IDS).derive(&integration.id).uuid()
    )
}

fn render(integration: &Integration) -> Value {
    let id = action_id(integration);
    json!({
        "id": id,
        "name": ACTION_NAME,
        "integrationId": integration.id,
        "category": integration.config.name,
        "version": 1,
        "secure": false,
        "selfUri": format!("/api/v2/integrations/actions/{id}"),
    })
}

pub(super) async fn list(
    State(emu): State<Arc<Emu>>,
    Path(params): Path<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[ACTION_VIEW]) {
        return *refusal;
    }
    let query = Params::from_query(&uri);
    let (size, number) = match paging(&query) {
        Ok(paging) => paging,
        Err(refusal) => return *refusal,
    };
    let wanted = query.get_ci("integrationId").filter(|id| !id.is_empty());
    let now = now_unix_millis();
    let data = emu.genesys.data();
    let entities: Vec<Value> = data
        .integrations
        .iter()
        .filter(|i| wanted.is_none_or(|id| id == i.id))
        .filter(|i| i.state_code(now) == "ACTIVE")
        .map(render)
        .collect();
    let path = match wanted {
        Some(id) => format!("/api/v2/integrations/actions?integrationId={id}"),
        None => "/api/v2/integrations/actions".to_owned(),
    };
    ok(page(&entities, &path, size, number))
}

pub(super) async fn test(
    State(emu): State<Arc<Emu>>,
    Path(params): Path<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[ACTION_EXECUTE]) {
        return *refusal;
    }
    let action = params.get("action_id").map_or("", String::as_str);
    let data = emu.genesys.data();
    let Some(integration) = data.integrations.iter().find(|i| action_id(i) == action) else {
        return error(
            StatusCode::NOT_FOUND,
            "not.found",
            &format!("Unable to find action with id {action}."),
        );
    };
    let Ok(Value::Object(input)) = serde_json::from_slice::<Value>(&body) else {
        return bad_request(
            "The request could not be understood by the server due to malformed syntax.",
        );
    };
    let name = &integration.config.name;
    let id = &integration.id;
    match integration.state_code(now_unix_millis()) {
        "ACTIVE" => {}
        "ERROR" => {
            return bad_request(&format!(
                "The action cannot run: integration [{name}] ({id}) is in error: Missing required credentials."
            ));
        }
        state => {
            return bad_request(&format!(
                "The action cannot run: integration [{name}] ({id}) is not active (state {state}). Enable the integration and wait until it is ACTIVE."
            ));
        }
    }
    let account = input
        .get("accountId")
        .and_then(Value::as_str)
        .unwrap_or("0015e00000AbCdEAAZ");
    let result = json!({ "accountId": account, "name": "Acme Corporation", "status": "active" });
    ok(json!({
        "operations": [
            { "step": 1, "name": "Validate input against the input contract", "success": true, "result": input },
            { "step": 2, "name": "Execute request", "success": true, "result": { "statusCode": 200 } },
            { "step": 3, "name": "Apply translation map", "success": true, "result": result },
            { "step": 4, "name": "Validate output against the output contract", "success": true, "result": result },
        ],
        "finalResult": result,
        "success": true,
    }))
}
