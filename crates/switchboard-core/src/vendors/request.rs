//! One request to a vendor and its answer, as the HTTP layer sends and returns them. Requests
//! are plain data so a retry can rebuild them; secrets inside stay [`Sensitive`].

use reqwest::header::HeaderMap;
use serde_json::Value;
use url::Url;

use crate::secrets::Sensitive;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    /// Only these may be sent twice: a retried POST could create something twice.
    pub fn is_idempotent(self) -> bool {
        matches!(self, Method::Get)
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Auth {
    None,
    Bearer(Sensitive),
    Basic(String, Sensitive),
}

/// One request, rebuilt for each try. Form values are [`Sensitive`] because most of them are.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub url: Url,
    pub(crate) auth: Auth,
    /// `(name, value, secret)`: the secret ones are scrubbed from the vendor's answer.
    pub(crate) form: Vec<(&'static str, Sensitive, bool)>,
    /// A JSON body (CXone's batch writes); never a secret. Takes the place of `form`.
    pub(crate) json: Option<Value>,
    /// May be sent again after a 429 even if not idempotent: see [`Request::retry_when_refused`].
    pub(crate) retry_when_refused: bool,
}

impl Request {
    pub fn get(url: Url) -> Self {
        Request {
            method: Method::Get,
            url,
            auth: Auth::None,
            form: Vec::new(),
            json: None,
            retry_when_refused: false,
        }
    }

    /// A POST with an `application/x-www-form-urlencoded` body (every vendor's token request).
    pub fn post_form(url: Url) -> Self {
        Request {
            method: Method::Post,
            ..Request::get(url)
        }
    }

    /// A POST with no body at all (CXone takes some parameters in the query string only).
    pub fn post(url: Url) -> Self {
        Request::post_form(url)
    }

    /// A POST with a JSON body.
    pub fn post_json(url: Url, body: Value) -> Self {
        Request {
            json: Some(body),
            ..Request::post_form(url)
        }
    }

    /// Marks a non-idempotent request as safe to send again after a 429 (honouring
    /// `Retry-After`): a throttled request was refused before the vendor processed it. A 5xx
    /// or a lost answer still ends it, since the vendor may have done the work.
    pub fn retry_when_refused(mut self) -> Self {
        self.retry_when_refused = true;
        self
    }

    pub fn bearer(mut self, token: &Sensitive) -> Self {
        self.auth = Auth::Bearer(token.clone());
        self
    }

    pub fn basic(mut self, user: &str, password: &Sensitive) -> Self {
        self.auth = Auth::Basic(user.to_owned(), password.clone());
        self
    }

    pub fn field(mut self, name: &'static str, value: &str) -> Self {
        self.form.push((name, Sensitive::new(value), false));
        self
    }

    pub fn secret_field(mut self, name: &'static str, value: &Sensitive) -> Self {
        self.form.push((name, value.clone(), true));
        self
    }

    /// The secrets this request carries (its token or password, its secret form fields): the
    /// vendor's answer must not quote them.
    pub(crate) fn secrets(&self) -> Vec<&str> {
        let mut out: Vec<&str> = match &self.auth {
            Auth::None => Vec::new(),
            Auth::Bearer(token) => vec![token.expose()],
            Auth::Basic(_, password) => vec![password.expose()],
        };
        out.extend(
            self.form
                .iter()
                .filter(|(_, _, secret)| *secret)
                .map(|(_, value, _)| value.expose()),
        );
        out
    }
}

/// A vendor's answer, read whole (every answer the clients handle is small).
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Option<Value> {
        serde_json::from_str(&self.body).ok()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}
