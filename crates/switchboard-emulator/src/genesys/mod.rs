//! Genesys Cloud: client-credentials tokens from each region's login host
//! (`{login_base}/oauth/token`, standing for `https://login.{domain}`) and the platform API on
//! the region's API host (`{api_base}/api/v2/...`): the organization (`organizations/me`),
//! integration types with `maxInstances` and config schemas, integrations whose reported state
//! follows a `PATCH` after a delay, their versioned `config/current`, credentials, data actions
//! and their test, the data-action certificates, and the client's own grants
//! (`authorization/subjects/me`). Every call needs a token of the region,
//! counts against the per-token limit (300 a minute) and needs its role permission.

mod access;
mod actions;
mod authorization;
mod catalog;
mod certificates;
mod credentials;
mod integrations;
mod oauth;
mod organization;
mod schemas;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::config::{EmulatorConfig, GENESYS_REGIONS};
use crate::faults::{Throttle, Vendor};
use crate::gate::retry_after_value;
use crate::http::{Params, Refusal, json, page_bounds, page_count, refuse, status, with_header};
use crate::seed::Rng;
use crate::server::Emu;
use crate::tokens::TokenStore;

pub(crate) use access::authorize;
pub(crate) use integrations::GenesysData;

#[derive(Debug)]
pub(crate) struct Genesys {
    data: Mutex<GenesysData>,
    pub tokens: TokenStore,
    /// Requests per token in the current minute, for the default limit.
    windows: access::TokenWindows,
    /// `EmulatorConfig::genesys_token_rate_per_minute`.
    token_rate_per_minute: Option<u32>,
    organization: organization::Organization,
}

impl Genesys {
    pub(crate) fn seeded(rng: &Rng, config: &EmulatorConfig) -> Self {
        Self {
            data: Mutex::new(GenesysData::seeded(
                rng,
                Duration::from_millis(config.genesys_state_delay_ms),
            )),
            tokens: TokenStore::new(Vendor::Genesys, Duration::from_secs(86_399)),
            windows: access::TokenWindows::default(),
            token_rate_per_minute: config.genesys_token_rate_per_minute,
            organization: organization::Organization::seeded(rng),
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
            "/types/{type_id}/configschemas/{config_type}",
            get(schemas::config_schema),
        )
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
        .route("/actions", get(actions::list))
        .route("/actions/{action_id}/test", post(actions::test))
        .route("/actions/certificates", get(certificates::list));
    Router::new()
        .route("/api/v2/organizations/me", get(organization::me))
        .route("/api/v2/authorization/subjects/me", get(authorization::me))
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
    // `path` may carry a filter of its own, e.g. `...?integrationId=...`.
    let sep = if path.contains('?') { '&' } else { '?' };
    let uri = |n: usize| format!("{path}{sep}pageSize={size}&pageNumber={n}");
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
