//! Request and response plumbing shared by the vendor modules: query and form parsing under our
//! control (so malformed input gets the vendor's error body, not the framework's), Basic and
//! Bearer credentials, JSON answers.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;

/// An answer a helper gives up with, for the handler to return as is. Boxed: a `Response` is
/// too large to carry in every `Result`.
pub(crate) type Refusal = Box<Response>;

/// `Err` with a ready answer.
pub(crate) fn refuse<T>(response: Response) -> Result<T, Refusal> {
    Err(Box::new(response))
}

/// Decoded `name=value` pairs of a query string or form body, in order.
#[derive(Debug, Default, Clone)]
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    pub(crate) fn parse(raw: &str) -> Self {
        Self(
            url::form_urlencoded::parse(raw.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    pub(crate) fn from_query(uri: &axum::http::Uri) -> Self {
        Self::parse(uri.query().unwrap_or(""))
    }

    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Like `get`, ignoring ASCII case of the name (CXone and Genesys query names are
    /// case-insensitive in practice).
    pub(crate) fn get_ci(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `Content-Type: application/x-www-form-urlencoded` (with or without a charset).
pub(crate) fn is_form(headers: &HeaderMap) -> bool {
    content_type(headers).starts_with("application/x-www-form-urlencoded")
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn authorization<'a>(headers: &'a HeaderMap, scheme: &str) -> Option<&'a str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (given, rest) = value.split_once(' ')?;
    given.eq_ignore_ascii_case(scheme).then(|| rest.trim())
}

/// `Authorization: Basic base64(id:secret)`.
pub(crate) fn basic_auth(headers: &HeaderMap) -> Option<(String, String)> {
    let decoded = STANDARD.decode(authorization(headers, "Basic")?).ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// What the `Authorization` header says about a bearer token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Bearer {
    Missing,
    Token(String),
}

/// `Authorization: Bearer <token>`; Salesforce also takes the older `OAuth <token>`.
pub(crate) fn bearer(headers: &HeaderMap, also_oauth: bool) -> Bearer {
    authorization(headers, "Bearer")
        .or_else(|| {
            also_oauth
                .then(|| authorization(headers, "OAuth"))
                .flatten()
        })
        .filter(|t| !t.is_empty())
        .map_or(Bearer::Missing, |t| Bearer::Token(t.to_owned()))
}

/// A JSON answer with the given status.
pub(crate) fn json(status: StatusCode, body: Value) -> Response {
    (status, axum::Json(body)).into_response()
}

pub(crate) fn ok(body: Value) -> Response {
    json(StatusCode::OK, body)
}

/// Adds a header whose value we built ourselves (always valid ASCII).
pub(crate) fn with_header(mut response: Response, name: &'static str, value: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers_mut().insert(name, value);
    }
    response
}

pub(crate) fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Page arithmetic shared by the offset-paged listings: `(start, end)` of page `number`
/// (1-based) of `size` items out of `total`.
pub(crate) fn page_bounds(total: usize, size: usize, number: usize) -> (usize, usize) {
    let start = number.saturating_sub(1).saturating_mul(size).min(total);
    (start, start.saturating_add(size).min(total))
}

pub(crate) fn page_count(total: usize, size: usize) -> usize {
    total.div_ceil(size.max(1))
}
