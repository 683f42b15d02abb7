//! Agent states and who they apply to: `GET /unavailable-codes`, `GET /teams`,
//! `GET /teams/{teamId}/unavailable-codes` and `GET /agents`, with CXone's filters and paging.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::{API_PREFIX, Shape, Window, authorize, error};
use crate::clock::{iso8601, now_unix};
use crate::http::{Params, ok};
use crate::server::Emu;

/// `isActive=true|false`, or no filter.
fn active_filter(params: &Params) -> Result<Option<bool>, String> {
    match params.get_ci("isActive") {
        None | Some("") => Ok(None),
        Some(raw) => match raw.to_ascii_lowercase().as_str() {
            "true" => Ok(Some(true)),
            "false" => Ok(Some(false)),
            _ => Err("isActive must be true or false".to_owned()),
        },
    }
}

fn search(params: &Params) -> Option<String> {
    params
        .get_ci("searchString")
        .map(str::to_lowercase)
        .filter(|s| !s.is_empty())
}

fn matches(haystacks: &[&str], needle: &Option<String>) -> bool {
    needle
        .as_ref()
        .is_none_or(|n| haystacks.iter().any(|h| h.to_lowercase().contains(n)))
}

pub(super) async fn unavailable_codes(
    State(emu): State<Arc<Emu>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let path = format!("{API_PREFIX}/unavailable-codes");
    if let Err(refusal) = authorize(&emu, &headers, Shape::General, &path) {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let (active, window) = match (active_filter(&params), Window::from(&params)) {
        (Ok(active), Ok(window)) => (active, window),
        (Err(message), _) | (_, Err(message)) => {
            return error(Shape::General, StatusCode::BAD_REQUEST, &path, &message);
        }
    };
    let needle = search(&params);
    let data = emu.cxone.data();
    let codes: Vec<Value> = data
        .codes
        .iter()
        .filter(|c| active.is_none_or(|a| c.is_active == a) && matches(&[c.name], &needle))
        .map(|c| {
            json!({
                "id": c.id,
                "name": c.name,
                "isActive": c.is_active,
                "isACW": c.is_acw,
                "agentTimeout": c.agent_timeout,
            })
        })
        .collect();
    ok(json!({
        "_links": window.links(&emu, "/unavailable-codes", codes.len()),
        "businessUnitId": data.business_unit_id,
        "totalRecords": codes.len(),
        "unavailableCodes": window.slice(&codes),
    }))
}

pub(super) async fn teams(State(emu): State<Arc<Emu>>, uri: Uri, headers: HeaderMap) -> Response {
    let path = format!("{API_PREFIX}/teams");
    if let Err(refusal) = authorize(&emu, &headers, Shape::OAuthStyle, &path) {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let (active, window) = match (active_filter(&params), Window::from(&params)) {
        (Ok(active), Ok(window)) => (active, window),
        (Err(message), _) | (_, Err(message)) => {
            return error(Shape::OAuthStyle, StatusCode::BAD_REQUEST, &path, &message);
        }
    };
    let needle = search(&params);
    let data = emu.cxone.data();
    let teams: Vec<Value> = data
        .teams
        .iter()
        .enumerate()
        .filter(|(_, t)| active.is_none_or(|a| t.is_active == a) && matches(&[t.name], &needle))
        .map(|(i, t)| {
            let codes: Vec<Value> = data
                .codes
                .iter()
                .filter(|c| t.codes.contains(&c.id))
                .map(|c| {
                    json!({
                        "outStateId": c.id,
                        "outstateName": c.name,
                        "isActive": c.is_active,
                        "isAcw": c.is_acw,
                        "agentTimeoutMins": c.agent_timeout.to_string(),
                    })
                })
                .collect();
            json!({
                "teamId": t.id,
                "teamName": t.name,
                "teamUuid": t.uuid,
                "isActive": t.is_active,
                "agentCount": data.agent_count(i),
                "lastUpdateTime": iso8601(1_767_225_600),
                "unavailableCodes": codes,
            })
        })
        .collect();
    ok(json!({
        "_links": window.links(&emu, "/teams", teams.len()),
        "businessUnitId": data.business_unit_id,
        "lastPollTime": iso8601(now_unix()),
        "totalRecords": teams.len(),
        "teams": window.slice(&teams),
    }))
}

pub(super) async fn team_codes(
    State(emu): State<Arc<Emu>>,
    Path(team_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let path = format!("{API_PREFIX}/teams/{team_id}/unavailable-codes");
    if let Err(refusal) = authorize(&emu, &headers, Shape::OAuthStyle, &path) {
        return *refusal;
    }
    let data = emu.cxone.data();
    let Some(team) = data.teams.iter().find(|t| t.id.to_string() == team_id) else {
        return error(
            Shape::OAuthStyle,
            StatusCode::NOT_FOUND,
            &path,
            "Team not found",
        );
    };
    let codes: Vec<Value> = data
        .codes
        .iter()
        .filter(|c| team.codes.contains(&c.id))
        .map(|c| {
            json!({
                "outstateId": c.id,
                "outstateName": c.name,
                "isActive": c.is_active,
                "isAcw": c.is_acw,
                "agentTimeoutMins": c.agent_timeout.to_string(),
            })
        })
        .collect();
    ok(json!({
        "teamId": team.id,
        "teamName": team.name,
        "teamUuid": team.uuid,
        "unavailableCodes": codes,
    }))
}

pub(super) async fn agents(State(emu): State<Arc<Emu>>, uri: Uri, headers: HeaderMap) -> Response {
    let path = format!("{API_PREFIX}/agents");
    if let Err(refusal) = authorize(&emu, &headers, Shape::OAuthStyle, &path) {
        return *refusal;
    }
    let params = Params::from_query(&uri);
    let (active, window) = match (active_filter(&params), Window::from(&params)) {
        (Ok(active), Ok(window)) => (active, window),
        (Err(message), _) | (_, Err(message)) => {
            return error(Shape::OAuthStyle, StatusCode::BAD_REQUEST, &path, &message);
        }
    };
    let needle = search(&params);
    let data = emu.cxone.data();
    let agents: Vec<Value> = data
        .agents
        .iter()
        .filter(|a| active.is_none_or(|want| a.is_active == want))
        .filter(|a| {
            let p = &a.person;
            matches(&[&p.first_name, &p.last_name, &p.email], &needle)
        })
        .map(|a| a.item(&data.teams[a.team]))
        .collect();
    // CXone answers 204 with no body when nothing matches.
    if agents.is_empty() {
        return StatusCode::NO_CONTENT.into_response();
    }
    ok(json!({
        "_links": window.links(&emu, "/agents", agents.len()),
        "businessUnitId": data.business_unit_id,
        "lastPollTime": iso8601(now_unix()),
        "totalRecords": agents.len(),
        "agents": window.slice(&agents),
    }))
}
