//! A Zoom Server-to-Server app used by a flow (Directory Sync's, or Presence Sync's own app):
//! which scopes its token carries, and its users: the count, and every Zoom Phone user page by
//! page, handed over one at a time so memory stays flat on a 50,000-user account.

use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use serde_json::Value;
use url::Url;

use super::{
    self as zoom, API_BASE, TOKEN_BASE, daily_limit, message, missing_scopes, scopes_in_message,
    token_expired,
};
use crate::connection::{Code, Endpoints, Failure, ZoomSettings, join};
use crate::secrets::Sensitive;
use crate::vendor::Vendor;
use crate::vendors::http::{Http, Reply, Request};
use crate::vendors::{oauth, settings_failure};

/// Zoom's maximum `page_size` for `GET /phone/users`.
pub const PHONE_PAGE_SIZE: usize = 100;

/// More pages than any account has (10,000 × 100 users): past it, the server is looping.
const MAX_PAGES: u64 = 10_000;

/// A Server-to-Server OAuth app's credentials.
#[derive(Debug, Clone)]
pub struct ZoomApp {
    pub account_id: String,
    pub client_id: String,
    pub client_secret: Sensitive,
}

/// The token's scopes against what the flow needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScopeCheck {
    pub granted: Vec<String>,
    /// Classic names of [`zoom::REQUIRED_SCOPES`] granted under neither name.
    pub missing: Vec<&'static str>,
}

/// One Zoom Phone user of `GET /phone/users`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneUser {
    pub id: String,
    pub email: String,
    pub name: String,
    pub extension_number: Option<i64>,
    /// As Zoom holds them: E.164 or national format.
    pub numbers: Vec<String>,
    /// The site's name.
    pub site: Option<String>,
}

/// Mints a token for `app` and compares its scopes with [`zoom::REQUIRED_SCOPES`]. Wrong
/// credentials fail with the same codes as the Zoom connection Test.
pub async fn check_scopes(
    endpoints: &Endpoints,
    app: &ZoomApp,
    http: &Http,
) -> Result<ScopeCheck, Failure> {
    let (settings, token_url, _) = prepare(endpoints, app)?;
    let granted = zoom::mint_token(http, &token_url, &settings, &app.client_secret).await?;
    let scope = granted.body.get("scope").and_then(Value::as_str);
    let scope = scope.unwrap_or_default();
    Ok(ScopeCheck {
        granted: scope.split_whitespace().map(str::to_owned).collect(),
        missing: missing_scopes(scope),
    })
}

/// An app's token and the API host, for reading its account's users.
pub struct ZoomDirectory {
    http: Http,
    settings: ZoomSettings,
    client_secret: Sensitive,
    token_url: Url,
    pub(super) api: Url,
    token: Mutex<Sensitive>,
}

impl ZoomDirectory {
    pub async fn open(
        endpoints: &Endpoints,
        app: &ZoomApp,
        http: Http,
    ) -> Result<ZoomDirectory, Failure> {
        let (settings, token_url, api) = prepare(endpoints, app)?;
        let granted = zoom::mint_token(&http, &token_url, &settings, &app.client_secret).await?;
        Ok(ZoomDirectory {
            http,
            settings,
            client_secret: app.client_secret.clone(),
            token_url,
            api,
            token: Mutex::new(granted.token),
        })
    }

    /// `total_records` of `GET /users?page_size=1` (active users).
    pub async fn user_count(&self) -> Result<u64, Failure> {
        let mut url = join(&self.api, "/v2/users");
        url.query_pairs_mut().append_pair("page_size", "1");
        let reply = self.get(url).await?;
        let total = zoom::read_users(&reply)?;
        Ok(u64::try_from(total).unwrap_or_default())
    }

    /// Hands every Zoom Phone user to `visit`, one page of [`PHONE_PAGE_SIZE`] at a time
    /// (following `next_page_token`); returns the number of pages read.
    pub async fn each_phone_user(&self, mut visit: impl FnMut(PhoneUser)) -> Result<u64, Failure> {
        let page_size = PHONE_PAGE_SIZE.to_string();
        let query = [("page_size", page_size.as_str())];
        self.each_page("/v2/phone/users", &query, "users", |item| {
            if let Some(user) = PhoneUser::from_wire(item) {
                visit(user);
            }
        })
        .await
    }

    /// Hands every item of the `key` array of every page of `GET path` to `visit`, following
    /// `next_page_token`; returns the number of pages read. A server that keeps answering a
    /// token is stopped after [`MAX_PAGES`] pages rather than followed forever.
    pub(super) async fn each_page(
        &self,
        path: &str,
        query: &[(&str, &str)],
        key: &str,
        mut visit: impl FnMut(&Value),
    ) -> Result<u64, Failure> {
        let mut cursor = String::new();
        let mut pages = 0;
        while pages < MAX_PAGES {
            let mut url = join(&self.api, path);
            url.query_pairs_mut().extend_pairs(query);
            if !cursor.is_empty() {
                url.query_pairs_mut()
                    .append_pair("next_page_token", &cursor);
            }
            let reply = self.get(url).await?;
            let body = read_page(&reply)?;
            pages += 1;
            let items = body.get(key).and_then(Value::as_array);
            items.into_iter().flatten().for_each(&mut visit);
            cursor = body
                .get("next_page_token")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            if cursor.is_empty() {
                break;
            }
        }
        Ok(pages)
    }

    async fn get(&self, url: Url) -> Result<Reply, Failure> {
        self.send(&Request::get(url)).await
    }

    /// Sends `request` with the app's token; Zoom's "token expired" mints one more.
    pub(super) async fn send(&self, request: &Request) -> Result<Reply, Failure> {
        // Cloned out: the lock is never held across a request.
        let token = self
            .token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let refresh = || async {
            let granted = zoom::mint_token(
                &self.http,
                &self.token_url,
                &self.settings,
                &self.client_secret,
            )
            .await?;
            *self.token.lock().unwrap_or_else(PoisonError::into_inner) = granted.token.clone();
            Ok(granted.token)
        };
        // Only a refusal is read for Zoom's code 124: parsing every 50 KB page twice to find
        // it was a tenth of the walk.
        let expired = |reply: &Reply| !reply.is_success() && token_expired(reply);
        self.http
            .send_with_token(request, &token, expired, refresh)
            .await
            .map_err(daily_limit)
    }
}

/// The app as connection settings (so its fields are checked like the Zoom connection's), the
/// token URL and the API base.
fn prepare(endpoints: &Endpoints, app: &ZoomApp) -> Result<(ZoomSettings, Url, Url), Failure> {
    let settings = ZoomSettings {
        account_id: app.account_id.clone(),
        client_id: app.client_id.clone(),
        endpoints: endpoints.clone(),
    };
    if let Some((field, error)) = settings.field_error() {
        return Err(settings_failure(field, &error));
    }
    let token_base = endpoints
        .token(Vendor::Zoom, TOKEN_BASE)
        .map_err(|(f, e)| settings_failure(f, &e))?;
    let api = endpoints
        .api(Vendor::Zoom, Some(API_BASE))
        .map_err(|(f, e)| settings_failure(f, &e))?;
    Ok((settings, join(&token_base, "/oauth/token"), api))
}

/// A page's body, or the failure it stands for: missing scopes (Zoom's 400 code 4711 naming
/// them), API access denied, anything else unexpected.
pub(super) fn read_page(reply: &Reply) -> Result<Value, Failure> {
    if reply.is_success() {
        return reply.json().ok_or_else(|| oauth::unexpected(reply));
    }
    let text = message(reply);
    if let Some(missing) = scopes_in_message(&text) {
        return Err(Failure::new(Code::ZoomMissingScopes).with("missing", missing));
    }
    if reply.status == 403 || text.contains("has been denied") {
        return Err(Failure::new(Code::ZoomApiAccessDenied));
    }
    Err(oauth::unexpected(reply))
}

impl PhoneUser {
    fn from_wire(item: &Value) -> Option<PhoneUser> {
        let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_owned);
        let numbers = item.get("phone_numbers").and_then(Value::as_array);
        Some(PhoneUser {
            id: text("id")?,
            email: text("email").unwrap_or_default(),
            name: text("name").unwrap_or_default(),
            extension_number: item.get("extension_number").and_then(Value::as_i64),
            numbers: numbers
                .into_iter()
                .flatten()
                .filter_map(|n| n.get("number")?.as_str())
                .filter(|n| !n.trim().is_empty())
                .map(str::to_owned)
                .collect(),
            site: item
                .pointer("/site/name")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }
}
