//! `GET /api/v2/authorization/subjects/me`: the OAuth client's own grants, as an `AuthzSubject`
//! (platform SDKs: `AuthzGrant` → `AuthzGrantRole` → `policies` of `AuthzGrantPolicy`
//! `{actions, condition, domain, entityName}`). Genesys asks no permission here. The practice
//! client holds one role with every integrations permission the emulator checks, less those
//! `FaultPlan::genesys_missing_permissions` takes away, so this answer and a refused write
//! always agree.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::access::{
    ACTION_EXECUTE, ACTION_VIEW, ADD, CERTIFICATE_VIEW, DELETE, EDIT, VIEW, authorize,
};
use super::error;
use crate::http::ok;
use crate::server::Emu;

/// Every permission of the practice client's role, before faults.
const ROLE_PERMISSIONS: &[&str] = &[
    VIEW,
    ADD,
    EDIT,
    DELETE,
    CERTIFICATE_VIEW,
    ACTION_VIEW,
    ACTION_EXECUTE,
];
const ROLE_ID: &str = "7a3c3e5e-2f0b-4b8e-9a51-5c1d0e6f4a21";
const DIVISION_ID: &str = "0c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";

/// The role's policies: one per domain and entity, with the actions it still grants.
fn policies(missing: &[String]) -> Vec<Value> {
    let mut by_entity: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for permission in ROLE_PERMISSIONS {
        if missing.iter().any(|m| m == permission) {
            continue;
        }
        let mut parts = permission.splitn(3, ':');
        if let (Some(domain), Some(entity), Some(action)) =
            (parts.next(), parts.next(), parts.next())
        {
            by_entity.entry((domain, entity)).or_default().push(action);
        }
    }
    by_entity
        .into_iter()
        .map(|((domain, entity), actions)| {
            json!({ "domain": domain, "entityName": entity, "actions": actions, "condition": "" })
        })
        .collect()
}

pub(super) async fn me(
    State(emu): State<Arc<Emu>>,
    Path(params): Path<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &params, &headers, &[]) {
        return *refusal;
    }
    let plan = emu.faults.plan();
    if plan.genesys_subject_refused {
        return error(
            StatusCode::FORBIDDEN,
            "not.authorized",
            "You are not authorized to perform the requested action.",
        );
    }
    let client_id = &emu.credentials.genesys.client_id;
    let missing = plan.genesys_missing_permissions;
    ok(json!({
        "id": client_id,
        "name": "Switchboard practice client",
        "grants": [{
            "subjectId": client_id,
            "division": { "id": DIVISION_ID, "name": "Home" },
            "role": {
                "id": ROLE_ID,
                "name": "Integrations Admin",
                "description": "Data actions: integrations, their credentials and actions",
                "policies": policies(&missing),
                "default": false,
                "selfUri": format!("/api/v2/authorization/roles/{ROLE_ID}"),
            },
            "grantMadeAt": "2026-01-05T09:00:00.000Z",
        }],
        "version": 1,
        "selfUri": format!("/api/v2/authorization/subjects/{client_id}"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_permission_leaves_the_role_and_only_that_action_goes() {
        let all = policies(&[]);
        let integration = |p: &[Value]| {
            p.iter()
                .find(|p| p["entityName"] == "integration")
                .map(|p| p["actions"].clone())
        };
        assert_eq!(
            integration(&all),
            Some(json!(["view", "add", "edit", "delete"]))
        );
        let fewer = policies(&[ADD.to_owned()]);
        assert_eq!(integration(&fewer), Some(json!(["view", "edit", "delete"])));
        assert_eq!(fewer.len(), all.len());
    }
}
