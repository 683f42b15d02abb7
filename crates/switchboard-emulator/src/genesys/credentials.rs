//! Integration credentials (create, get with secrets redacted, update, delete, cursor listing)
//! and the credential types. Writes need `integrations:integration:add|edit|delete`, reads
//! `integrations:integration:view`, as for integrations.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::access::{ADD, DELETE, EDIT, VIEW};
use super::catalog::{CREDENTIAL_TYPES, CredentialType};
use super::{authorize, bad_request, error, page, reference_name};
use crate::clock::{iso8601_millis, now_unix};
use crate::http::{Params, Refusal, ok, refuse};
use crate::server::Emu;

#[derive(Debug, Clone)]
pub(crate) struct Credential {
    pub id: String,
    pub name: String,
    pub kind: &'static CredentialType,
    pub fields: Map<String, Value>,
    pub created: i64,
    pub modified: i64,
}

impl Credential {
    /// `CredentialInfo`: what create, update and the listing return.
    fn info(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "createdDate": iso8601_millis(self.created),
            "modifiedDate": iso8601_millis(self.modified),
            "type": { "id": self.kind.id, "name": self.kind.name },
            "selfUri": format!("/api/v2/integrations/credentials/{}", self.id),
        })
    }

    /// `GET` by id: the fields, with sensitive ones left out.
    fn redacted(&self) -> Value {
        let fields: Map<String, Value> = self
            .fields
            .iter()
            .filter(|(k, _)| !self.kind.is_secret(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        json!({
            "id": self.id,
            "name": self.name,
            "type": { "id": self.kind.id, "name": self.kind.name },
            "credentialFields": fields,
            "selfUri": format!("/api/v2/integrations/credentials/{}", self.id),
        })
    }
}

type PathParams = Path<HashMap<String, String>>;

fn credential_id(params: &HashMap<String, String>) -> &str {
    params.get("credential_id").map_or("", String::as_str)
}

fn not_found(id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "not.found",
        &format!("Unable to find credential with id {id}."),
    )
}

/// Name, type and fields of a `Credential` body, checked against the type's required fields.
fn parse(body: &Bytes) -> Result<(String, &'static CredentialType, Map<String, Value>), Refusal> {
    let Ok(Value::Object(request)) = serde_json::from_slice::<Value>(body) else {
        return refuse(bad_request(
            "The request could not be understood by the server due to malformed syntax.",
        ));
    };
    let name = request
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim()
        .to_owned();
    if name.is_empty() {
        return refuse(bad_request("The field [name] is required."));
    }
    // The SDK sends `type: {name}`; Genesys' own premium-app wizard sends a plain string.
    let Some(type_name) = reference_name(request.get("type"), "name") else {
        return refuse(bad_request("The field [type.name] is required."));
    };
    let Some(kind) = CredentialType::find(&type_name) else {
        return refuse(bad_request(&format!(
            "Credential type [{type_name}] was not found."
        )));
    };
    let fields = match request.get("credentialFields") {
        None => Map::new(),
        Some(Value::Object(fields)) if fields.values().all(Value::is_string) => fields.clone(),
        Some(_) => return refuse(bad_request("credentialFields must map names to strings.")),
    };
    let missing: Vec<&str> = kind
        .required
        .iter()
        .copied()
        .filter(|f| !fields.contains_key(*f))
        .collect();
    if !missing.is_empty() {
        return refuse(bad_request(&format!(
            "Missing required credential field(s): {}.",
            missing.join(", ")
        )));
    }
    Ok((name, kind, fields))
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
    let (name, kind, fields) = match parse(&body) {
        Ok(parsed) => parsed,
        Err(refusal) => return *refusal,
    };
    let mut data = emu.genesys.data();
    let now = now_unix();
    let credential = Credential {
        id: data.ids.uuid(),
        name,
        kind,
        fields,
        created: now,
        modified: now,
    };
    let info = credential.info();
    data.credentials.push(credential);
    ok(info)
}

pub(super) async fn get(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[VIEW]) {
        return *refusal;
    }
    let id = credential_id(&params);
    let data = emu.genesys.data();
    match data.credentials.iter().find(|c| c.id == id) {
        Some(credential) => ok(credential.redacted()),
        None => not_found(id),
    }
}

pub(super) async fn update(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[EDIT]) {
        return *refusal;
    }
    let (name, kind, fields) = match parse(&body) {
        Ok(parsed) => parsed,
        Err(refusal) => return *refusal,
    };
    let id = credential_id(&params);
    let mut data = emu.genesys.data();
    let Some(credential) = data.credentials.iter_mut().find(|c| c.id == id) else {
        return not_found(id);
    };
    credential.name = name;
    credential.kind = kind;
    credential.fields = fields;
    credential.modified = now_unix();
    ok(credential.info())
}

pub(super) async fn remove(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[DELETE]) {
        return *refusal;
    }
    let id = credential_id(&params);
    let mut data = emu.genesys.data();
    let before = data.credentials.len();
    data.credentials.retain(|c| c.id != id);
    if data.credentials.len() == before {
        return not_found(id);
    }
    StatusCode::NO_CONTENT.into_response()
}

/// Cursor listing: `pageSize` (default 25) and `after` = the last id of the previous page.
pub(super) async fn listing(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[VIEW]) {
        return *refusal;
    }
    let query = Params::from_query(&uri);
    let size = match query.get("pageSize").map(str::parse::<usize>) {
        None => 25,
        Some(Ok(n)) if (1..=500).contains(&n) => n,
        Some(_) => return bad_request("Value is not valid for field [pageSize]."),
    };
    let data = emu.genesys.data();
    let start = match query.get("after").filter(|a| !a.is_empty()) {
        None => 0,
        Some(after) => match data.credentials.iter().position(|c| c.id == after) {
            Some(i) => i + 1,
            None => return bad_request("The cursor [after] is not valid."),
        },
    };
    let slice = &data.credentials[start.min(data.credentials.len())..];
    let entities: Vec<Value> = slice.iter().take(size).map(Credential::info).collect();
    let base = "/api/v2/integrations/credentials/listing";
    let mut body = json!({ "entities": entities, "selfUri": format!("{base}?pageSize={size}") });
    if slice.len() > size {
        body["nextUri"] = json!(format!(
            "{base}?pageSize={size}&after={}",
            slice[size - 1].id
        ));
    }
    if start > 0 {
        body["previousUri"] = json!(format!(
            "{base}?pageSize={size}&before={}",
            data.credentials[start].id
        ));
    }
    ok(body)
}

pub(super) async fn types(
    State(emu): State<Arc<Emu>>,
    Path(params): PathParams,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[VIEW]) {
        return *refusal;
    }
    let entities: Vec<Value> = CREDENTIAL_TYPES
        .iter()
        .map(CredentialType::render)
        .collect();
    ok(page(
        &entities,
        "/api/v2/integrations/credentials/types",
        100,
        1,
    ))
}
