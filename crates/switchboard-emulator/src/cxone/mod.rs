//! NICE CXone: the OIDC token endpoint and tenant discovery at `{auth_base}` (=
//! `https://cxone.niceincontact.com`), and the ACD Admin API at `{api_base}` (the tenant's
//! `api_endpoint`) under `/inContactAPI/services/v34.0`: address books, unavailable codes
//! (agent states), teams and agents, with `skip`/`top` paging and `_links`.

mod address_books;
mod auth;
mod directory;
mod states;

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use serde_json::{Value, json};

use crate::faults::{Throttle, Vendor};
use crate::gate::retry_after_value;
use crate::http::{Params, Refusal, json, refuse, status, with_header};
use crate::seed::{Person, Rng};
use crate::server::Emu;
use crate::tokens::{Access, TokenStore};

pub(crate) use directory::CxoneData;

pub(crate) const API_PREFIX: &str = "/inContactAPI/services/v34.0";

#[derive(Debug)]
pub(crate) struct Cxone {
    data: Mutex<CxoneData>,
    pub tokens: TokenStore,
    pub refresh_tokens: TokenStore,
}

impl Cxone {
    pub(crate) fn seeded(rng: &Rng, people: &[Person]) -> Self {
        Self {
            data: Mutex::new(CxoneData::seeded(rng, people)),
            tokens: TokenStore::new(Vendor::Cxone, Duration::from_secs(3600)),
            refresh_tokens: TokenStore::new(Vendor::Cxone, Duration::from_secs(7 * 86_400)),
        }
    }

    pub(crate) fn data(&self) -> MutexGuard<'_, CxoneData> {
        self.data.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub(crate) fn auth_routes() -> Router<Arc<Emu>> {
    Router::new()
        .route("/auth/token", post(auth::token))
        .route("/.well-known/cxone-configuration", get(auth::discovery))
        .fallback(not_found)
}

pub(crate) fn api_routes() -> Router<Arc<Emu>> {
    let acd = Router::new()
        .route(
            "/address-books",
            get(address_books::list).post(address_books::create),
        )
        .route("/address-books/{book_id}", delete(address_books::remove))
        .route(
            "/address-books/{book_id}/entries",
            get(address_books::entries).post(address_books::add_entries),
        )
        .route(
            "/address-books/{book_id}/assignment",
            post(address_books::assign),
        )
        .route("/unavailable-codes", get(states::unavailable_codes))
        .route("/teams", get(states::teams))
        .route(
            "/teams/{team_id}/unavailable-codes",
            get(states::team_codes),
        )
        .route("/agents", get(states::agents));
    Router::new().nest(API_PREFIX, acd).fallback(not_found)
}

async fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// The two error shapes CXone's ACD API uses: `{error, error_description}` on most calls and
/// `{errorCode, errorMessage, path, timestamp}` on the "general" ones such as unavailable codes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape {
    OAuthStyle,
    General,
}

pub(crate) fn error(shape: Shape, status: StatusCode, path: &str, message: &str) -> Response {
    let body = match shape {
        Shape::OAuthStyle => json!({
            "error": status.canonical_reason().unwrap_or("error").to_lowercase().replace(' ', "_"),
            "error_description": message,
        }),
        Shape::General => json!({
            "errorCode": status.as_u16(),
            "errorMessage": message,
            "path": path,
            "timestamp": crate::clock::iso8601(crate::clock::now_unix()),
        }),
    };
    json(status, body)
}

/// Checks the bearer token; CXone answers 401 for a missing, unknown or expired token.
pub(crate) fn authorize(
    emu: &Emu,
    headers: &HeaderMap,
    shape: Shape,
    path: &str,
) -> Result<(), Refusal> {
    match emu.cxone.tokens.check(&emu.faults, headers, false) {
        Access::Granted(_) => Ok(()),
        Access::Missing => refuse(error(
            shape,
            StatusCode::UNAUTHORIZED,
            path,
            "Authorization header is missing",
        )),
        Access::Unknown | Access::Expired => refuse(error(
            shape,
            StatusCode::UNAUTHORIZED,
            path,
            "The access token is invalid or has expired",
        )),
    }
}

/// `skip` and `top` (defaults 0 and 100), and the `_links` CXone returns with them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    pub skip: usize,
    pub top: usize,
}

impl Window {
    pub(crate) fn from(params: &Params) -> Result<Self, String> {
        let number = |name: &str, default: usize| match params.get_ci(name) {
            None | Some("") => Ok(default),
            Some(raw) => raw
                .parse::<usize>()
                .map_err(|_| format!("{name} must be a non-negative integer")),
        };
        Ok(Self {
            skip: number("skip", 0)?,
            top: number("top", 100)?.max(1),
        })
    }

    pub(crate) fn slice<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        let start = self.skip.min(items.len());
        &items[start..(start + self.top).min(items.len())]
    }

    /// Absolute `self`/`next`/`previous` links, as CXone returns them.
    pub(crate) fn links(&self, emu: &Emu, path: &str, total: usize) -> Value {
        let base = format!("{}{API_PREFIX}{path}", emu.endpoints.cxone.api_base);
        let at = |skip: usize| format!("{base}?skip={skip}&top={}", self.top);
        let mut links = json!({ "self": at(self.skip) });
        if self.skip + self.top < total {
            links["next"] = json!(at(self.skip + self.top));
        }
        if self.skip > 0 {
            links["previous"] = json!(at(self.skip.saturating_sub(self.top)));
        }
        links
    }
}

/// Throttling is not documented for the ACD API (vendor-apis.md §2.1): answer the generic 429.
pub(crate) fn throttled(throttle: &Throttle) -> Response {
    let response = error(
        Shape::OAuthStyle,
        StatusCode::TOO_MANY_REQUESTS,
        "",
        "Rate limit exceeded. Try again later.",
    );
    match retry_after_value(throttle) {
        Some(value) => with_header(response, "retry-after", &value),
        None => response,
    }
}

pub(crate) fn server_error(code: u16) -> Response {
    let status = status(code);
    json(
        status,
        json!({
            "error": "server_error",
            "error_description": status.canonical_reason().unwrap_or("Server error"),
        }),
    )
}
