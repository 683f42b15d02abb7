//! `GET /api/v2/integrations/types/{typeId}/configschemas/{configType}`: the JSON schema of an
//! integration type's `config.current.properties` (`configType=properties`) or `advanced`
//! (`configType=advanced`), as a `JsonSchemaDocument` ([SDKGO] `jsonschemadocument.go`: id,
//! $schema, title, description, type, required, properties, additionalProperties).
//!
//! Guessed, kept small: data-action types configure nothing in `properties` (their settings live
//! in the credential), and `advanced` is free-form JSON for every type. Only the client app type
//! has real properties (the page it embeds), enough for a client to see a non-empty schema.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::access::VIEW;
use super::catalog::IntegrationType;
use super::{authorize, error};
use crate::http::ok;
use crate::server::Emu;

const DRAFT: &str = "http://json-schema.org/draft-04/schema#";

/// The schema of `config_type` for `kind`, or `None` when there is no such config type.
fn schema(kind: &IntegrationType, config_type: &str) -> Option<Value> {
    let id = kind.id;
    let (title, properties, required, open) = match (config_type, id) {
        ("properties", "embedded-client-app") => (
            "Properties",
            json!({
                "url": { "type": "string", "format": "uri", "title": "Application URL" },
                "displayType": {
                    "type": "string",
                    "title": "Application Type",
                    "enum": ["standalone", "widget"],
                    "default": "standalone",
                },
                "sandbox": {
                    "type": "string",
                    "title": "Iframe Sandbox Options",
                    "default": "allow-scripts,allow-same-origin,allow-forms,allow-modals",
                },
            }),
            vec!["url"],
            false,
        ),
        ("properties", _) => ("Properties", json!({}), vec![], false),
        ("advanced", _) => ("Advanced", json!({}), vec![], true),
        _ => return None,
    };
    Some(json!({
        "id": format!("/api/v2/integrations/types/{id}/configschemas/{config_type}"),
        "$schema": DRAFT,
        "title": title,
        "description": format!("{title} of {}", kind.name),
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": open,
    }))
}

pub(super) async fn config_schema(
    State(emu): State<Arc<Emu>>,
    Path(params): Path<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[VIEW]) {
        return *refusal;
    }
    let type_id = params.get("type_id").map_or("", String::as_str);
    let config_type = params.get("config_type").map_or("", String::as_str);
    let Some(kind) = IntegrationType::find(type_id) else {
        return error(
            StatusCode::NOT_FOUND,
            "not.found",
            &format!("Unable to find integration type with id {type_id}."),
        );
    };
    match schema(kind, config_type) {
        Some(schema) => ok(schema),
        None => error(
            StatusCode::NOT_FOUND,
            "not.found",
            &format!(
                "Unable to find config schema [{config_type}] for integration type {type_id}."
            ),
        ),
    }
}
