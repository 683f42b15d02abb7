//! Salesforce: the OAuth 2.0 username-password flow at `{login_base}/services/oauth2/token`
//! with its real failure modes, and the REST query resource on the org's `instance_url`
//! (`/services/data/vNN.N/query`, `nextRecordsUrl` paging), errors as JSON arrays; for Zoom
//! Contact Center, the Tooling query, the sObject writes of agents and the Metadata deploy; the
//! SOAP `login()` Genesys Cloud's Salesforce data actions use.

mod deploy;
mod oauth;
mod query;
mod records;
mod soap_login;
mod sobjects;
mod soql;
mod zcc;

pub(crate) use records::agents;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, patch, post};
use serde_json::{Value, json};

use crate::faults::Vendor;
use crate::http::{Refusal, json, refuse, status, with_header};
use crate::seed::{Person, Rng};
use crate::server::Emu;
use crate::tokens::{Access, TokenStore};

/// Latest GA version (Summer '26), vendor-apis.md §3.6.
pub(crate) const LATEST_VERSION: &str = "67.0";
/// Oldest version the emulator answers on.
const OLDEST_VERSION: u32 = 31;
/// Daily API allowance shown in `Sforce-Limit-Info`.
const DAILY_ALLOWANCE: u64 = 15_000;

#[derive(Debug)]
pub(crate) struct Salesforce {
    /// Written only when a presence status is created (the practice tenant's stand-in for Setup).
    org: RwLock<records::Org>,
    pub tokens: TokenStore,
    /// Query locators still open: locator → remaining rendered records.
    cursors: Mutex<HashMap<String, query::Cursor>>,
    /// Metadata deploys by id, advancing as their status is read.
    deploys: Mutex<HashMap<String, deploy::Deploy>>,
    api_usage: AtomicU64,
}

impl Salesforce {
    pub(crate) fn seeded(rng: &Rng, people: &[Person]) -> Self {
        // The integration user's name is fixed, so credentials can be derived independently.
        let username = "integration@switchboard-demo.example";
        Self {
            org: RwLock::new(zcc::seeded_org(records::Org::seeded(rng, people, username))),
            // Salesforce sessions time out after 2 hours of inactivity by default.
            tokens: TokenStore::new(Vendor::Salesforce, Duration::from_secs(7200)),
            cursors: Mutex::new(HashMap::new()),
            deploys: Mutex::new(HashMap::new()),
            api_usage: AtomicU64::new(0),
        }
    }
}

impl Salesforce {
    pub(crate) fn org(&self) -> RwLockReadGuard<'_, records::Org> {
        self.org.read().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn org_mut(&self) -> RwLockWriteGuard<'_, records::Org> {
        self.org.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Creates a presence status as Setup › Presence Statuses would; `false` when one with that
    /// Developer Name (case-insensitive, as Salesforce compares them) exists already.
    pub(crate) fn add_presence_status(&self, developer_name: &str, label: &str) -> bool {
        self.org
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .add_presence_status(developer_name, label)
    }
}

pub(crate) fn login_routes() -> Router<Arc<Emu>> {
    Router::new()
        .route("/services/oauth2/token", post(oauth::token))
        .route("/services/Soap/u/{version}", post(soap_login::login))
        .fallback(not_found)
}

pub(crate) fn instance_routes() -> Router<Arc<Emu>> {
    Router::new()
        .route("/services/data", get(query::versions))
        .route("/services/data/", get(query::versions))
        .route("/services/data/{version}/query", get(query::run))
        .route("/services/data/{version}/query/{locator}", get(query::more))
        .route(
            "/services/data/{version}/tooling/query",
            get(query::tooling),
        )
        .route(
            "/services/data/{version}/sobjects/{object}",
            post(sobjects::create),
        )
        .route(
            "/services/data/{version}/sobjects/{object}/{id}",
            patch(sobjects::update).delete(sobjects::delete),
        )
        .route(
            "/services/data/{version}/metadata/deployRequest",
            post(deploy::create),
        )
        .route(
            "/services/data/{version}/metadata/deployRequest/{id}",
            get(deploy::status),
        )
        .fallback(not_found)
}

/// REST errors are arrays of `{message, errorCode}`.
pub(crate) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    json(status, json!([{ "message": message, "errorCode": code }]))
}

async fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
        "The requested resource does not exist",
    )
}

/// Checks the session; counts the call against the daily allowance.
pub(crate) fn authorize(emu: &Emu, headers: &HeaderMap) -> Result<(), Refusal> {
    match emu.salesforce.tokens.check(&emu.faults, headers, true) {
        Access::Granted(_) => {
            emu.salesforce.api_usage.fetch_add(1, Ordering::Relaxed);
            Ok(())
        }
        Access::Missing | Access::Unknown | Access::Expired => refuse(error(
            StatusCode::UNAUTHORIZED,
            "INVALID_SESSION_ID",
            "Session expired or invalid",
        )),
    }
}

/// Adds `Sforce-Limit-Info: api-usage=used/allowance` as Salesforce does on REST answers.
pub(crate) fn with_usage(emu: &Emu, response: Response) -> Response {
    let used = emu.salesforce.api_usage.load(Ordering::Relaxed);
    with_header(
        response,
        "sforce-limit-info",
        &format!("api-usage={used}/{DAILY_ALLOWANCE}"),
    )
}

/// Salesforce does not answer 429: the org's allowance is spent, 403 without `Retry-After`.
pub(crate) fn throttled() -> Response {
    error(
        StatusCode::FORBIDDEN,
        "REQUEST_LIMIT_EXCEEDED",
        "TotalRequests Limit exceeded.",
    )
}

pub(crate) fn server_error(code: u16) -> Response {
    json(
        status(code),
        Value::Array(vec![json!({
            "message": "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)",
            "errorCode": "UNKNOWN_EXCEPTION",
        })]),
    )
}
