//! Zoom: Server-to-Server OAuth at `{token_base}/oauth/token` and the REST API at
//! `{api_base}` (= `https://api.zoom.us/v2`): users and Zoom Phone users, with Zoom's error
//! bodies (`{code, message}`), cursor paging (`next_page_token`) and scope checks; and Zoom
//! Contact Center users with their client integration.

mod contact_center;
mod contact_center_statuses;
mod directory;
mod oauth;
mod phone;
mod users;

use std::collections::hash_map::{DefaultHasher, RandomState};
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::json;

use crate::faults::{Throttle, Vendor};
use crate::gate::retry_after_value;
use crate::http::{Refusal, json, refuse, status, with_header};
use crate::seed::{Person, Rng};
use crate::server::Emu;
use crate::tokens::{Access, Grant, TokenStore};

pub(crate) use directory::Directory;

/// Scopes NICE's "Create a Zoom App" asks the admin to tick (vendor-apis.md §1.7), classic names.
pub(crate) const DEMO_APP_SCOPES: &[&str] = &[
    "contact:read:admin",
    "phone:read:admin",
    "user:read:admin",
    "user:write:admin",
    "zoom_events_basic:read:admin",
    // Zoom Contact Center (flow 4): its statuses and agents.
    "contact_center_preference:read:admin",
    "contact_center_user:read:admin",
    "contact_center_user:write:admin",
];

#[derive(Debug)]
pub(crate) struct Zoom {
    pub directory: Directory,
    pub tokens: TokenStore,
    contact_center: RwLock<Vec<contact_center::CcUser>>,
    /// Keys the `next_page_token` checksum, so clients cannot forge cursors.
    cursor_key: u64,
}

impl Zoom {
    pub(crate) fn seeded(rng: &Rng, people: &[Person]) -> Self {
        let directory = Directory::seeded(rng, people);
        let agents = crate::salesforce::agents(people).collect();
        let contact_center = RwLock::new(contact_center::seeded(&directory, agents, people));
        Self {
            directory,
            contact_center,
            tokens: TokenStore::new(Vendor::Zoom, Duration::from_secs(3600)),
            cursor_key: RandomState::new().hash_one("zoom-cursor"),
        }
    }

    pub(crate) fn contact_center(&self) -> RwLockReadGuard<'_, Vec<contact_center::CcUser>> {
        self.contact_center
            .read()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn contact_center_mut(&self) -> RwLockWriteGuard<'_, Vec<contact_center::CcUser>> {
        self.contact_center
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// An opaque cursor for the record at `offset` of listing `kind` under `filter`.
    pub(crate) fn cursor(&self, kind: &str, filter: &str, offset: usize) -> String {
        format!(
            "{:016x}{:08x}",
            self.cursor_mac(kind, filter, offset),
            offset
        )
    }

    /// Where a page of listing `kind` under `filter` starts: 0 without a `next_page_token`, else
    /// the offset our cursor stands for; a cursor we did not issue is refused as Zoom does.
    pub(crate) fn page_start(
        &self,
        params: &crate::http::Params,
        kind: &str,
        filter: &str,
    ) -> Result<usize, Refusal> {
        match params.get("next_page_token").filter(|t| !t.is_empty()) {
            None => Ok(0),
            Some(cursor) => match self.offset_of(kind, filter, cursor) {
                Some(offset) => Ok(offset),
                None => refuse(error(
                    StatusCode::BAD_REQUEST,
                    300,
                    "The next page token is invalid or expired.",
                )),
            },
        }
    }

    /// The offset a cursor stands for, if we issued it for this listing and filter.
    pub(crate) fn offset_of(&self, kind: &str, filter: &str, cursor: &str) -> Option<usize> {
        if cursor.len() != 24 || !cursor.is_ascii() {
            return None;
        }
        let mac = u64::from_str_radix(&cursor[..16], 16).ok()?;
        let offset = usize::from_str_radix(&cursor[16..], 16).ok()?;
        (mac == self.cursor_mac(kind, filter, offset)).then_some(offset)
    }

    fn cursor_mac(&self, kind: &str, filter: &str, offset: usize) -> u64 {
        let mut hasher = DefaultHasher::new();
        (self.cursor_key, kind, filter, offset).hash(&mut hasher);
        hasher.finish()
    }
}

pub(crate) fn oauth_routes() -> Router<Arc<Emu>> {
    Router::new()
        .route("/oauth/token", post(oauth::token))
        .fallback(not_recognized)
}

pub(crate) fn api_routes() -> Router<Arc<Emu>> {
    Router::new()
        .route("/users", get(users::list))
        .route("/users/{user_id}", get(users::get))
        .route("/phone/users", get(phone::list))
        .route("/phone/users/{user_id}", get(phone::get))
        .route(
            "/contact_center/system_statuses",
            get(contact_center_statuses::list),
        )
        .route(
            "/contact_center/users",
            get(contact_center::list).patch(contact_center::batch),
        )
        .route(
            "/contact_center/users/{user_id}",
            get(contact_center::get).patch(contact_center::update),
        )
        .fallback(not_recognized)
}

/// Zoom's REST error body.
pub(crate) fn error(status: StatusCode, code: u32, message: &str) -> Response {
    json(status, json!({ "code": code, "message": message }))
}

/// Zoom's validation failure: code 300 with the offending field.
pub(crate) fn validation_failed(field: &str, message: &str) -> Response {
    json(
        StatusCode::BAD_REQUEST,
        json!({
            "code": 300,
            "message": "Validation Failed.",
            "errors": [{ "field": field, "message": message }],
        }),
    )
}

async fn not_recognized() -> Response {
    error(
        StatusCode::NOT_FOUND,
        2300,
        "This API endpoint is not recognized.",
    )
}

/// Checks the bearer token and that it carries one of `accepted` scopes; `granular` is the name
/// Zoom reports when none is there.
pub(crate) fn authorize(
    emu: &Emu,
    headers: &HeaderMap,
    accepted: &[&str],
    granular: &str,
) -> Result<Grant, Refusal> {
    // Zoom answers 401 code 124 for both a missing and an unknown token.
    match emu.zoom.tokens.check(&emu.faults, headers, false) {
        Access::Missing | Access::Unknown => refuse(error(
            StatusCode::UNAUTHORIZED,
            124,
            "Invalid access token.",
        )),
        Access::Expired => refuse(error(
            StatusCode::UNAUTHORIZED,
            124,
            "Access token is expired.",
        )),
        Access::Granted(grant) => {
            let has = accepted
                .iter()
                .chain(std::iter::once(&granular))
                .any(|scope| grant.scopes.iter().any(|s| s == scope));
            if has {
                Ok(grant)
            } else {
                // Zoom reports missing scopes with HTTP 400, not 401/403 (field-notes Z-1).
                refuse(error(
                    StatusCode::BAD_REQUEST,
                    4711,
                    &format!("Invalid access token, does not contain scopes:[{granular}]."),
                ))
            }
        }
    }
}

/// Zoom's 429: the per-second text, or the daily-limit text when `Retry-After` is an ISO
/// timestamp (which Zoom sends for daily limits), with its `X-RateLimit-*` headers.
pub(crate) fn throttled(throttle: &Throttle) -> Response {
    let daily = throttle.retry_after == crate::faults::RetryAfter::IsoDate;
    let retry_at = retry_after_value(throttle);
    let message = if daily {
        format!(
            "Reached the maximum daily rate limit for this API. Retry at {}.",
            retry_at.clone().unwrap_or_default()
        )
    } else {
        "You have reached the maximum per-second rate limit for this API. Try again later."
            .to_owned()
    };
    let mut response = error(StatusCode::TOO_MANY_REQUESTS, 429, &message);
    response = with_header(response, "x-ratelimit-category", "Medium");
    response = with_header(
        response,
        "x-ratelimit-type",
        if daily { "Daily-limit" } else { "QPS" },
    );
    response = with_header(response, "x-ratelimit-limit", &throttle.limit.to_string());
    response = with_header(response, "x-ratelimit-remaining", "0");
    match retry_at {
        Some(value) => with_header(response, "retry-after", &value),
        None => response,
    }
}

pub(crate) fn server_error(code: u16) -> Response {
    let status = status(code);
    error(
        status,
        u32::from(code),
        status.canonical_reason().unwrap_or("Server error"),
    )
}
