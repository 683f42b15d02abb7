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
    Put,
    Patch,
    Delete,
}

impl Method {
    /// Only these may be sent twice: a retried POST could create something twice. A PUT sets a
    /// whole document (Genesys refuses a stale version rather than applying it twice) and a
    /// DELETE of something gone is answered 404, which callers read as done.
    pub fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }
}

/// A JSON body, and the secrets inside it (a credential's fields): `Debug` never prints a body
/// that holds one, and the vendor's answer is scrubbed of them.
#[derive(Clone)]
pub(crate) struct JsonBody {
    pub value: Value,
    pub secrets: Vec<Sensitive>,
}

impl std::fmt::Debug for JsonBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.secrets.is_empty() {
            self.value.fmt(f)
        } else {
            f.write_str("<body with secrets>")
        }
    }
}

/// A body sent as is with its content type (a Metadata API deploy's multipart zip, a SOAP
/// envelope), and the secrets inside it: `Debug` shows only its type and size, and the vendor's
/// answer is scrubbed of the secrets.
#[derive(Clone)]
pub(crate) struct RawBody {
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub secrets: Vec<Sensitive>,
}

impl std::fmt::Debug for RawBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} bytes of {}>", self.bytes.len(), self.content_type)
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
    /// A JSON body (CXone's batch writes, Genesys credentials). Takes the place of `form`.
    pub(crate) json: Option<JsonBody>,
    /// A body sent as is (a deploy's zip, a SOAP envelope). Takes the place of `form`.
    pub(crate) raw: Option<RawBody>,
    /// Headers beyond the usual ones (SOAP's `SOAPAction`); never secret.
    pub(crate) headers: Vec<(&'static str, String)>,
    /// A SOAP call: its refusals are faults sent with HTTP 500, answers to read, not server
    /// errors to retry.
    pub(crate) soap: bool,
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
            raw: None,
            headers: Vec::new(),
            soap: false,
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
            json: Some(JsonBody {
                value: body,
                secrets: Vec::new(),
            }),
            ..Request::post_form(url)
        }
    }

    /// `method` with a JSON body.
    pub fn with_json(method: Method, url: Url, body: Value) -> Self {
        Request {
            method,
            ..Request::post_json(url, body)
        }
    }

    /// A POST of `bytes` as `content_type` (a multipart upload).
    pub fn post_bytes(url: Url, content_type: &str, bytes: Vec<u8>) -> Self {
        Request {
            raw: Some(RawBody {
                content_type: content_type.to_owned(),
                bytes,
                secrets: Vec::new(),
            }),
            ..Request::post_form(url)
        }
    }

    /// Marks values inside the raw body as secrets (a SOAP login's password).
    pub fn raw_secrets<'a>(mut self, secrets: impl IntoIterator<Item = &'a Sensitive>) -> Self {
        if let Some(body) = &mut self.raw {
            body.secrets.extend(secrets.into_iter().cloned());
        }
        self
    }

    /// Makes this a SOAP call of `action` (the `SOAPAction` header): a fault is an answer.
    pub fn soap_action(mut self, action: &str) -> Self {
        self.headers.push(("SOAPAction", action.to_owned()));
        self.soap = true;
        self
    }

    /// `method` with no body.
    pub fn without_body(method: Method, url: Url) -> Self {
        Request {
            method,
            ..Request::get(url)
        }
    }

    /// Marks values inside the JSON body as secrets (a credential's fields).
    pub fn json_secrets<'a>(mut self, secrets: impl IntoIterator<Item = &'a Sensitive>) -> Self {
        if let Some(body) = &mut self.json {
            body.secrets.extend(secrets.into_iter().cloned());
        }
        self
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
        if let Some(body) = &self.json {
            out.extend(body.secrets.iter().map(Sensitive::expose));
        }
        if let Some(body) = &self.raw {
            out.extend(body.secrets.iter().map(Sensitive::expose));
        }
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
