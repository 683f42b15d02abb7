//! Genesys Cloud: client-credentials tokens from each region's login host
//! (`{login_base}/oauth/token`, standing for `https://login.{domain}`) and the integrations API
//! on the region's API host (`{api_base}/api/v2/integrations...`): types with `maxInstances`,
//! integrations, their versioned `config/current`, credentials, and the data-action certificates.

mod catalog;
mod credentials;
mod integrations;
mod oauth;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::config::GENESYS_REGIONS;
use crate::faults::{Throttle, Vendor};
use crate::gate::retry_after_value;
use crate::http::{Params, Refusal, json, page_bounds, page_count, refuse, status, with_header};
use crate::seed::Rng;
use crate::server::Emu;
use crate::tokens::{Access, TokenStore};

pub(crate) use integrations::GenesysData;

#[derive(Debug)]
pub(crate) struct Genesys {
    data: Mutex<GenesysData>,
    pub tokens: TokenStore,
}

impl Genesys {
    pub(crate) fn seeded(rng: &Rng) -> Self {
        Self {
            data: Mutex::new(GenesysData::seeded(rng)),
            tokens: TokenStore::new(Vendor::Genesys, Duration::from_secs(86_399)),
        }
    }

    pub(crate) fn data(&self) -> MutexGuard<'_, GenesysData> {
        self.data.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub(crate) fn login_routes() -> Router<Arc<Emu>> {
    Router::new()
        .route("/oauth/token", post(oauth::token))
        .fallback(not_found)
}

pub(crate) fn api_routes() -> Router<Arc<Emu>> {
    use credentials as c;
    use integrations as i;
    let integrations = Router::new()
        .route("/types", get(i::types))
        .route("/types/{type_id}", get(i::type_by_id))
        .route(
            "/{integration_id}",
            get(i::get).patch(i::patch).delete(i::remove),
        )
        .route(
            "/{integration_id}/config/current",
            get(i::config).put(i::put_config),
        )
        .route("/credentials", post(c::create))
        .route("/credentials/listing", get(c::listing))
        .route("/credentials/types", get(c::types))
        .route(
            "/credentials/{credential_id}",
            get(c::get).put(c::update).delete(c::remove),
        )
        .route("/actions/certificates", get(c::certificates));
    Router::new()
        .route("/api/v2/integrations", get(i::list).post(i::create))
        .nest("/api/v2/integrations", integrations)
        .fallback(not_found)
}

/// The platform's `ErrorBody`.
pub(crate) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    json(
        status,
        json!({
            "message": message,
            "code": code,
            "status": status.as_u16(),
            "contextId": context_id(),
            "details": [],
            "errors": [],
        }),
    )
}

fn context_id() -> String {
    use std::hash::{BuildHasher, RandomState};
    let n = RandomState::new().hash_one(crate::clock::now_millis());
    Rng::new(n).uuid()
}

async fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "not.found",
        "The requested resource was not found.",
    )
}

pub(crate) fn bad_request(message: &str) -> Response {
    error(StatusCode::BAD_REQUEST, "bad.request", message)
}

/// The region domain from the path, if it is a real Genesys region.
pub(crate) fn region(params: &HashMap<String, String>) -> Option<&str> {
    let domain = params.get("domain")?;
    GENESYS_REGIONS
        .iter()
        .any(|(_, d)| d == domain)
        .then_some(domain.as_str())
}

/// Checks the bearer token, which must come from this region's login host.
pub(crate) fn authorize(
    emu: &Emu,
    params: &HashMap<String, String>,
    headers: &HeaderMap,
) -> Result<(), Refusal> {
    let Some(domain) = region(params) else {
        return refuse(error(
            StatusCode::NOT_FOUND,
            "not.found",
            "Unknown region host.",
        ));
    };
    match emu.genesys.tokens.check(&emu.faults, headers, false) {
        Access::Missing => refuse(error(
            StatusCode::UNAUTHORIZED,
            "authentication.required",
            "No authentication bearer token specified in authorization header.",
        )),
        Access::Granted(grant) if grant.realm == domain => Ok(()),
        Access::Granted(_) | Access::Unknown | Access::Expired => refuse(error(
            StatusCode::UNAUTHORIZED,
            "bad.credentials",
            "Invalid login credentials.",
        )),
    }
}

/// `pageSize` (default 25, 1 to 500) and `pageNumber` (default 1).
pub(crate) fn paging(params: &Params) -> Result<(usize, usize), Refusal> {
    let number = |name: &str, default: usize, max: usize| match params.get_ci(name) {
        None | Some("") => Ok(default),
        Some(raw) => match raw.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => refuse(bad_request(&format!(
                "Value [{raw}] is not valid for field [{name}]."
            ))),
        },
    };
    Ok((
        number("pageSize", 25, 500)?,
        number("pageNumber", 1, usize::MAX)?,
    ))
}

/// A page of `entities` with the platform's paging fields and relative URIs.
pub(crate) fn page(entities: &[Value], path: &str, size: usize, number: usize) -> Value {
    let total = entities.len();
    let pages = page_count(total, size).max(1);
    let (start, end) = page_bounds(total, size, number);
    let uri = |n: usize| format!("{path}?pageSize={size}&pageNumber={n}");
    let mut body = json!({
        "entities": &entities[start..end],
        "pageSize": size,
        "pageNumber": number,
        "total": total,
        "firstUri": uri(1),
        "selfUri": uri(number),
        "lastUri": uri(pages),
        "pageCount": pages,
    });
    if number < pages {
        body["nextUri"] = json!(uri(number + 1));
    }
    if number > 1 {
        body["previousUri"] = json!(uri(number - 1));
    }
    body
}

/// 429 with `Retry-After` (seconds by default, as Genesys sends it).
pub(crate) fn throttled(throttle: &Throttle) -> Response {
    let response = error(
        StatusCode::TOO_MANY_REQUESTS,
        "too.many.requests",
        &format!(
            "Rate limit exceeded the maximum [{}] requests within [{}] seconds",
            throttle.limit, throttle.window_secs
        ),
    );
    match retry_after_value(throttle) {
        Some(value) => with_header(response, "retry-after", &value),
        None => response,
    }
}

pub(crate) fn server_error(code: u16) -> Response {
    let (code_name, message) = match code {
        502 => (
            "bad.gateway",
            "The server received an invalid response from an upstream server.",
        ),
        503 => (
            "service.unavailable",
            "The service is currently unavailable.",
        ),
        504 => (
            "gateway.timeout",
            "The server did not receive a timely response.",
        ),
        _ => (
            "internal.server.error",
            "The server encountered an unexpected condition.",
        ),
    };
    error(status(code), code_name, message)
}

/// `{"id": ...}` or a plain string, as clients send either for references.
pub(crate) fn reference_name(value: Option<&Value>, key: &str) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get(key)?.as_str().map(str::to_owned),
        _ => None,
    }
}
