//! Integrations: create (starts DISABLED, refused past the type's `maxInstances`), list, get,
//! `PATCH` of `intendedState`, delete, and `config/current` whose `PUT` must carry the current
//! `version` (a stale one gets 409 `general.conflict`); plus the integration types.
//!
//! `reportedState` lags `intendedState` as in Genesys: after a `PATCH` that changes it, the
//! integration reports `ACTIVATING` (or `DEACTIVATING`) for `EmulatorConfig::genesys_state_delay_ms`
//! (1.5 s by default), then `ACTIVE` (`ERROR` with "Missing required credentials." when a
//! credential key of its type is not set) or `INACTIVE`. Times are kept in milliseconds, since
//! the delay is shorter than the second the rest of the emulator counts in.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::access::{ADD, DELETE, EDIT, VIEW};
use super::catalog::{INTEGRATION_TYPES, IntegrationType};
use super::credentials::Credential;
use super::{authorize, bad_request, error, page, paging, reference_name};
use crate::clock::{iso8601_from_millis, now_unix_millis};
use crate::http::{Params, Refusal, ok, refuse};
use crate::seed::Rng;
use crate::server::Emu;

#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub name: String,
    pub version: u64,
    pub properties: Value,
    pub advanced: Value,
    pub notes: String,
    /// credential key → credential id
    pub credentials: Map<String, Value>,
}

#[derive(Debug, Clone)]
pub(crate) struct Integration {
    pub id: String,
    pub kind: &'static IntegrationType,
    pub notes: String,
    pub enabled: bool,
    /// When `enabled` last changed (Unix milliseconds).
    pub changed_ms: i64,
    /// Until when it reports `ACTIVATING` / `DEACTIVATING` (Unix milliseconds).
    pub settles_ms: i64,
    pub config: Config,
}

#[derive(Debug)]
pub(crate) struct GenesysData {
    pub integrations: Vec<Integration>,
    pub credentials: Vec<Credential>,
    /// New ids: seeded, so a scripted session gets the same ids every run.
    pub ids: Rng,
    /// How long a state change takes to settle.
    pub state_delay: Duration,
}

impl GenesysData {
    pub(crate) fn seeded(rng: &Rng, state_delay: Duration) -> Self {
        let mut ids = rng.derive("genesys");
        // The org already has one Salesforce data-actions integration, enabled, so listings and
        // instance counts start from something real.
        let existing = Integration {
            id: ids.uuid(),
            kind: IntegrationType::find("salesforce-datadip").unwrap_or(&INTEGRATION_TYPES[0]),
            notes: "Created by the previous administrator".to_owned(),
            enabled: true,
            changed_ms: 1_767_225_600_000,
            settles_ms: 1_767_225_600_000,
            config: Config {
                name: "Salesforce Data Actions (legacy)".to_owned(),
                version: 3,
                properties: json!({}),
                advanced: json!({}),
                notes: String::new(),
                credentials: Map::new(),
            },
        };
        Self {
            integrations: vec![existing],
            credentials: Vec::new(),
            ids,
            state_delay,
        }
    }

    pub(crate) fn find(&self, id: &str) -> Option<usize> {
        self.integrations.iter().position(|i| i.id == id)
    }
}

impl Integration {
    fn config_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.config.name,
            "version": self.config.version,
            "properties": self.config.properties,
            "advanced": self.config.advanced,
            "notes": self.config.notes,
            "credentials": self.config.credentials,
            "selfUri": format!("/api/v2/integrations/{}/config/current", self.id),
        })
    }

    /// `reportedState.code` at `now_ms`. Enabled without the credentials its type needs, an
    /// integration settles in error, as the Genesys UI shows it.
    pub(crate) fn state_code(&self, now_ms: i64) -> &'static str {
        let missing = self
            .kind
            .slots
            .iter()
            .any(|s| !self.config.credentials.contains_key(s.key));
        match (self.enabled, now_ms < self.settles_ms, missing) {
            (true, true, _) => "ACTIVATING",
            (false, true, _) => "DEACTIVATING",
            (false, false, _) => "INACTIVE",
            (true, false, true) => "ERROR",
            (true, false, false) => "ACTIVE",
        }
    }

    fn reported_state(&self) -> Value {
        let now = now_unix_millis();
        let code = self.state_code(now);
        let effective = match code {
            "ACTIVATING" => "Activating",
            "DEACTIVATING" => "Deactivating",
            "INACTIVE" => "Inactive",
            "ERROR" => "Error",
            _ => "Active",
        };
        let last = if now < self.settles_ms {
            self.changed_ms
        } else {
            self.settles_ms
        };
        let mut state = json!({
            "code": code,
            "effective": effective,
            "lastUpdated": iso8601_from_millis(last),
        });
        if code == "ERROR" {
            state["detail"] = json!({ "message": "Missing required credentials." });
        }
        state
    }

    fn render(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.config.name,
            "integrationType": self.kind.render(),
            "notes": self.notes,
            "intendedState": if self.enabled { "ENABLED" } else { "DISABLED" },
            "config": { "current": self.config_json() },
            "reportedState": self.reported_state(),
            "attributes": {},
            "selfUri": format!("/api/v2/integrations/{}", self.id),
        })
    }
}

type PathParams = Path<HashMap<String, String>>;

fn integration_id(params: &HashMap<String, String>) -> &str {
    params.get("integration_id").map_or("", String::as_str)
}

fn not_found(id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "not.found",
        &format!("Unable to find integration with id {id}."),
    )
}

/// The body as a JSON object, or Genesys' malformed-syntax refusal (field-notes GC-9).
fn object(body: &Bytes) -> Result<Map<String, Value>, Refusal> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => refuse(bad_request(
            "The request could not be understood by the server due to malformed syntax.",
        )),
    }
}

pub(super) async fn list(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[VIEW]) {
        return *refusal;
    }
    let (size, number) = match paging(&Params::from_query(&uri)) {
        Ok(paging) => paging,
        Err(refusal) => return *refusal,
    };
    let data = emu.genesys.data();
    let entities: Vec<Value> = data.integrations.iter().map(Integration::render).collect();
    ok(page(&entities, "/api/v2/integrations", size, number))
}

pub(super) async fn create(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[ADD]) {
        return *refusal;
    }
    let request = match object(&body) {
        Ok(request) => request,
        Err(refusal) => return *refusal,
    };
    let Some(type_id) = reference_name(request.get("integrationType"), "id") else {
        return bad_request("integrationType.id is required.");
    };
    let Some(kind) = IntegrationType::find(&type_id) else {
        return bad_request(&format!("Integration type [{type_id}] was not found."));
    };
    if kind.non_installable {
        return bad_request(&format!(
            "Integration type [{type_id}] cannot be installed."
        ));
    }
    let mut data = emu.genesys.data();
    let installed = data
        .integrations
        .iter()
        .filter(|i| i.kind.id == kind.id)
        .count();
    if installed >= kind.max_instances as usize {
        return bad_request(&format!(
            "The maximum number of instances ({}) of integration type [{type_id}] has been reached.",
            kind.max_instances
        ));
    }
    let name = request
        .get("name")
        .and_then(Value::as_str)
        .map_or_else(|| kind.name.to_owned(), str::to_owned);
    let integration = Integration {
        id: data.ids.uuid(),
        kind,
        notes: request
            .get("notes")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        enabled: false,
        changed_ms: now_unix_millis(),
        settles_ms: now_unix_millis(),
        config: Config {
            name,
            version: 1,
            properties: json!({}),
            advanced: json!({}),
            notes: String::new(),
            credentials: Map::new(),
        },
    };
    let rendered = integration.render();
    data.integrations.push(integration);
    ok(rendered)
}

/// Authorizes, then hands the integration the path names (its index) to `act`; 404 if unknown.
fn with_integration(
    emu: &Emu,
    params: &HashMap<String, String>,
    headers: &HeaderMap,
    needs: &str,
    act: impl FnOnce(&mut GenesysData, usize) -> Response,
) -> Response {
    if let Err(refusal) = authorize(emu, params, headers, &[needs]) {
        return *refusal;
    }
    let id = integration_id(params);
    let mut data = emu.genesys.data();
    match data.find(id) {
        Some(i) => act(&mut data, i),
        None => not_found(id),
    }
}

pub(super) async fn get(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
) -> Response {
    with_integration(&emu, &params, &headers, VIEW, |data, i| {
        ok(data.integrations[i].render())
    })
}

pub(super) async fn patch(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[EDIT]) {
        return *refusal;
    }
    let request = match object(&body) {
        Ok(request) => request,
        Err(refusal) => return *refusal,
    };
    let enabled = match request.get("intendedState") {
        None => None,
        Some(Value::String(s)) if s == "ENABLED" => Some(true),
        Some(Value::String(s)) if s == "DISABLED" => Some(false),
        Some(other) => {
            return bad_request(&format!(
                "Value [{other}] is not valid for field [intendedState]."
            ));
        }
    };
    let id = integration_id(&params);
    let mut data = emu.genesys.data();
    let Some(i) = data.find(id) else {
        return not_found(id);
    };
    let delay = i64::try_from(data.state_delay.as_millis()).unwrap_or(i64::MAX);
    let integration = &mut data.integrations[i];
    if let Some(enabled) = enabled
        && integration.enabled != enabled
    {
        let now = now_unix_millis();
        integration.enabled = enabled;
        integration.changed_ms = now;
        integration.settles_ms = now.saturating_add(delay);
    }
    if let Some(notes) = request.get("notes").and_then(Value::as_str) {
        integration.notes = notes.to_owned();
    }
    ok(integration.render())
}

pub(super) async fn remove(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
) -> Response {
    with_integration(&emu, &params, &headers, DELETE, |data, i| {
        ok(data.integrations.remove(i).render())
    })
}

pub(super) async fn config(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
) -> Response {
    with_integration(&emu, &params, &headers, VIEW, |data, i| {
        ok(data.integrations[i].config_json())
    })
}

pub(super) async fn put_config(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[EDIT]) {
        return *refusal;
    }
    let request = match object(&body) {
        Ok(request) => request,
        Err(refusal) => return *refusal,
    };
    let id = integration_id(&params);
    let mut data = emu.genesys.data();
    let Some(i) = data.find(id) else {
        return not_found(id);
    };
    let Some(version) = request.get("version").and_then(Value::as_u64) else {
        return bad_request("The field [version] is required.");
    };
    let current = data.integrations[i].config.version;
    if version != current {
        return error(
            StatusCode::CONFLICT,
            "general.conflict",
            &format!(
                "The version supplied ({version}) does not match the current version ({current}) of the integration configuration."
            ),
        );
    }
    let mut credentials = Map::new();
    if let Some(given) = request.get("credentials") {
        let Some(given) = given.as_object() else {
            return bad_request("Value is not valid for field [credentials].");
        };
        for (key, reference) in given {
            let Some(credential_id) = reference_name(Some(reference), "id") else {
                return bad_request(&format!("credentials.{key}.id is required."));
            };
            if !data.credentials.iter().any(|c| c.id == credential_id) {
                return bad_request(&format!("Credential [{credential_id}] was not found."));
            }
            credentials.insert(key.clone(), json!({ "id": credential_id }));
        }
    }
    let text = |name: &str| request.get(name).and_then(Value::as_str).map(str::to_owned);
    let integration = &mut data.integrations[i];
    let config = &mut integration.config;
    config.version += 1;
    config.name = text("name").unwrap_or_else(|| config.name.clone());
    config.notes = text("notes").unwrap_or_default();
    config.properties = request
        .get("properties")
        .cloned()
        .unwrap_or_else(|| json!({}));
    config.advanced = request
        .get("advanced")
        .cloned()
        .unwrap_or_else(|| json!({}));
    config.credentials = credentials;
    ok(integration.config_json())
}

pub(super) async fn types(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[VIEW]) {
        return *refusal;
    }
    let (size, number) = match paging(&Params::from_query(&uri)) {
        Ok(paging) => paging,
        Err(refusal) => return *refusal,
    };
    let entities: Vec<Value> = INTEGRATION_TYPES
        .iter()
        .map(IntegrationType::render)
        .collect();
    ok(page(&entities, "/api/v2/integrations/types", size, number))
}

pub(super) async fn type_by_id(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[VIEW]) {
        return *refusal;
    }
    let type_id = params.get("type_id").map_or("", String::as_str);
    match IntegrationType::find(type_id) {
        Some(kind) => ok(kind.render()),
        None => error(
            StatusCode::NOT_FOUND,
            "not.found",
            &format!("Unable to find integration type with id {type_id}."),
        ),
    }
}
