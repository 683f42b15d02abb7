//! Token answers, shared by the four vendors: the bearer token when granted, and when refused
//! the error fields, read leniently because each vendor names them its own way
//! (`error_description`, `description`, `reason`, `message`, `errorMessage`).

use serde_json::Value;

use super::http::Reply;
use crate::connection::{Code, Failure};
use crate::secrets::Sensitive;

/// A granted token and the rest of the answer (scopes, `instance_url`, `id_token` …).
pub struct Granted {
    pub token: Sensitive,
    pub body: Value,
}

/// A refused (or empty) token answer.
#[derive(Debug, Clone, Default)]
pub struct Refusal {
    pub status: u16,
    /// The OAuth `error` (e.g. `invalid_client`), lower-cased; empty when absent.
    pub error: String,
    /// The vendor's explanation, as sent.
    pub description: String,
    /// A numeric vendor code when sent (Zoom's 4700-range codes).
    pub code: Option<i64>,
}

impl Refusal {
    /// The explanation lower-cased, for matching the known strings.
    pub fn text(&self) -> String {
        self.description.to_ascii_lowercase()
    }

    /// A 2xx answer that carried no token.
    pub fn is_empty_grant(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The vendor's `…token_request_rejected` code with what it said.
    pub fn rejected(&self, code: Code) -> Failure {
        Failure::new(code)
            .with("status", self.status)
            .with("error", self.error.clone())
            .with("vendorMessage", self.description.clone())
    }
}

pub fn read(reply: &Reply) -> Result<Granted, Refusal> {
    let body = reply.json().unwrap_or(Value::Null);
    let token = body
        .get("access_token")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty());
    if let (true, Some(token)) = (reply.is_success(), token) {
        return Ok(Granted {
            token: Sensitive::new(token),
            body,
        });
    }
    let text = |key: &str| body.get(key).and_then(Value::as_str).unwrap_or_default();
    let description = [
        "error_description",
        "description",
        "reason",
        "message",
        "errorMessage",
    ]
    .into_iter()
    .map(text)
    .find(|t| !t.is_empty())
    .unwrap_or_default();
    Err(Refusal {
        status: reply.status,
        error: text("error").to_ascii_lowercase(),
        description: description.to_owned(),
        code: body.get("code").and_then(Value::as_i64),
    })
}

/// An answer the client cannot use: its status and whatever message it carried.
pub fn unexpected(reply: &Reply) -> Failure {
    let body = reply.json().unwrap_or(Value::Null);
    let message = ["message", "errorMessage", "error_description", "error"]
        .into_iter()
        .find_map(|key| body.get(key).and_then(Value::as_str))
        .or_else(|| body.get(0)?.get("message")?.as_str())
        .unwrap_or_default();
    Failure::new(Code::VendorUnexpectedResponse)
        .with("status", reply.status)
        .with("vendorMessage", message)
}
