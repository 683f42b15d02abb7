//! The one HTTP layer every vendor client uses, so each vendor call gets the same discipline:
//! timeouts, the `Switchboard/<version>` user agent, no redirects (a redirect means a wrong host
//! or an intercepting proxy, and following one could carry credentials elsewhere), bounded
//! retries for idempotent requests only, `Retry-After` honoured in all its forms, one token
//! refresh when a token expired, and a clear [`HttpError`] when it gives up.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use reqwest::header::{ACCEPT, RETRY_AFTER};
use serde_json::Value;
use url::Url;

use super::clock::{Clock, SystemClock};
use super::request::Auth;
pub use super::request::{Method, Reply, Request};
use super::retry_after::{self, RetryAfter};
use crate::connection::{Code, Failure};
use crate::scrub::scrub_text;
use crate::secrets::Sensitive;
use crate::time::format_utc;

pub const USER_AGENT: &str = concat!("Switchboard/", env!("CARGO_PKG_VERSION"));

/// The most of one vendor reply that is read. The largest real answers (a page of users or
/// statuses) are a few hundred kilobytes; anything past this is a broken or hostile server,
/// and reading it whole would hold it all in memory.
pub const MAX_REPLY_BYTES: usize = 16 * 1024 * 1024;

/// How hard to try. The defaults suit an interactive Test: a few quick tries, never a long wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries of an idempotent request in all (1 means no retry). Others are tried once.
    pub attempts: u32,
    /// The first wait when the vendor does not say how long; doubled on each retry.
    pub backoff: Duration,
    /// The longest wait between tries. A vendor asking for more (a daily limit) makes the
    /// request give up at once with `rate_limited` and the time it named.
    pub max_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 3,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(10),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct HttpConfig {
    /// The whole request, answer included.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Refuse plain `http://` outright and use the system proxy. Off only for practice
    /// connections, which stay on loopback and must never be sent through a proxy.
    pub https_only: bool,
    pub retry: RetryPolicy,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(10),
            https_only: true,
            retry: RetryPolicy::default(),
        }
    }
}

/// Why a request gave up. Each maps to one diagnosis code.
#[derive(Debug, Clone, thiserror::Error)]
pub enum HttpError {
    #[error("{host} is unreachable")]
    Unreachable { host: String },
    #[error("{host} did not answer in time")]
    Timeout { host: String },
    #[error("redirect {status} to {location} not followed")]
    Redirect { status: u16, location: String },
    #[error("still rate limited after {attempts} tries")]
    RateLimited {
        attempts: u32,
        retry_after: Option<Duration>,
        retry_at: Option<SystemTime>,
        /// The last answer's body, for vendors that say which limit it was.
        body: String,
    },
    #[error("server error {status} after {attempts} tries")]
    ServerError { status: u16, attempts: u32 },
    #[error("{host} answered more than {max_mb} MB")]
    TooLarge { host: String, max_mb: usize },
}

impl HttpError {
    fn is_transient(&self) -> bool {
        matches!(
            self,
            HttpError::Unreachable { .. } | HttpError::Timeout { .. }
        )
    }
}

impl From<HttpError> for Failure {
    fn from(error: HttpError) -> Self {
        match error {
            HttpError::Unreachable { host } => {
                Failure::new(Code::NetworkUnreachable).with("host", host)
            }
            HttpError::Timeout { host } => Failure::new(Code::NetworkTimeout).with("host", host),
            HttpError::Redirect { status, location } => {
                Failure::new(Code::NetworkUnexpectedRedirect)
                    .with("status", status)
                    .with("location", location)
            }
            HttpError::RateLimited {
                attempts,
                retry_after,
                retry_at,
                body,
            } => {
                // Which limit it was (per second, daily …) is only ever in the message.
                let message = serde_json::from_str::<Value>(&body)
                    .ok()
                    .and_then(|b| b.get("message")?.as_str().map(str::to_owned));
                let mut failure = Failure::new(Code::RateLimited).with("attempts", attempts);
                if let Some(message) = message {
                    failure = failure.with("vendorMessage", message);
                }
                if let Some(wait) = retry_after {
                    failure = failure.with("retryAfterSeconds", wait.as_secs());
                }
                if let Some(at) = retry_at {
                    failure = failure.with("retryAt", format_utc(at));
                }
                failure
            }
            HttpError::ServerError { status, attempts } => Failure::new(Code::VendorServerError)
                .with("status", status)
                .with("attempts", attempts),
            HttpError::TooLarge { host, max_mb } => Failure::new(Code::VendorReplyTooLarge)
                .with("host", host)
                .with("maxMb", max_mb),
        }
    }
}

pub struct Http {
    client: reqwest::Client,
    clock: Arc<dyn Clock>,
    retry: RetryPolicy,
    /// Secrets scrubbed from every reply besides the request's own: the connection's saved
    /// secrets, which a vendor may quote back to a request that did not carry them.
    redact: Arc<[Sensitive]>,
}

impl Http {
    pub fn new(config: HttpConfig, clock: Arc<dyn Clock>) -> Result<Http, Failure> {
        let mut builder = reqwest::Client::builder();
        if !config.https_only {
            // A practice tenant on 127.0.0.1 reached through HTTP_PROXY would leave the machine.
            builder = builder.no_proxy();
        }
        let client = builder
            .user_agent(USER_AGENT)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout)
            .https_only(config.https_only)
            .build()
            .map_err(|error| {
                tracing::error!(%error, "cannot build the HTTP client");
                Failure::new(Code::Internal)
            })?;
        Ok(Http {
            client,
            clock,
            retry: config.retry,
            redact: Arc::new([]),
        })
    }

    /// The client for a connection Test: real clock, default policy; plain http only for a
    /// practice connection (whose URLs were already checked to be loopback).
    pub fn for_connection(practice: bool) -> Result<Http, Failure> {
        let config = HttpConfig {
            https_only: !practice,
            ..HttpConfig::default()
        };
        Http::new(config, Arc::new(SystemClock))
    }

    /// The same client, also scrubbing `secrets` (a connection's saved secrets) from every reply.
    pub fn redacting<'a>(mut self, secrets: impl IntoIterator<Item = &'a Sensitive>) -> Http {
        self.redact = secrets.into_iter().cloned().collect();
        self
    }

    /// What to scrub from the answer to `request`: its own secrets and the connection's.
    fn secrets_of<'a>(&'a self, request: &'a Request) -> Vec<&'a str> {
        let mut secrets = request.secrets();
        secrets.extend(self.redact.iter().map(Sensitive::expose));
        secrets
    }

    /// The client for a bulk apply: like [`Http::for_connection`], but it waits out a vendor's
    /// whole rate-limit window (Genesys counts per minute and says so in `Retry-After`) instead
    /// of giving up, so a 50-integration plan finishes under the 300 requests/minute limit.
    pub fn for_apply(practice: bool) -> Result<Http, Failure> {
        let config = HttpConfig {
            https_only: !practice,
            retry: RetryPolicy {
                attempts: 6,
                max_wait: Duration::from_secs(65),
                ..RetryPolicy::default()
            },
            ..HttpConfig::default()
        };
        Http::new(config, Arc::new(SystemClock))
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// Sends `request`, retrying an idempotent one on 5xx, 429 and connection failures up to
    /// the policy's limit (and one marked [`Request::retry_when_refused`] on 429 only). Any
    /// other answer, 4xx and a SOAP call's fault included, is the caller's to read.
    pub async fn send(&self, request: &Request) -> Result<Reply, HttpError> {
        let retryable = request.method.is_idempotent();
        let mut attempt = 1;
        loop {
            let out_of_tries = attempt >= self.retry.attempts;
            let last_try = !retryable || out_of_tries;
            let wait = match self.send_once(request).await {
                // A SOAP fault says why in its body: the caller reads it.
                Ok(reply)
                    if request.soap && reply.status == 500 && reply.body.contains("Fault>") =>
                {
                    return Ok(reply);
                }
                Ok(reply) if reply.status == 429 || reply.status >= 500 => {
                    // A throttled request was not processed: it may go again if marked so.
                    let refused = reply.status == 429 && request.retry_when_refused;
                    let last_try = if refused { out_of_tries } else { last_try };
                    let asked = reply
                        .header(RETRY_AFTER.as_str())
                        .and_then(|v| retry_after::parse(v, self.clock.now()));
                    let too_long = asked.is_some_and(|a| a.wait > self.retry.max_wait);
                    if last_try || too_long {
                        return Err(self.give_up(reply, asked, attempt));
                    }
                    asked.map_or_else(|| self.backoff(attempt), |a| a.wait)
                }
                Ok(reply) if (300..400).contains(&reply.status) => {
                    return Err(HttpError::Redirect {
                        status: reply.status,
                        location: reply.header("location").unwrap_or_default().to_owned(),
                    });
                }
                Ok(reply) => return Ok(reply),
                Err(error) if last_try || !error.is_transient() => return Err(error),
                Err(_) => self.backoff(attempt),
            };
            tracing::debug!(
                host = request.url.host_str(),
                path = request.url.path(),
                attempt,
                wait_ms = wait.as_millis() as u64,
                "retrying"
            );
            self.clock.sleep(wait).await;
            attempt += 1;
        }
    }

    /// GETs `url` with a bearer token. When `expired` says the vendor refused the token as
    /// expired, asks `refresh` for a new one — exactly once — and tries again; a second refusal
    /// is `vendor.token_rejected`.
    pub async fn get_with_token<Fut>(
        &self,
        url: &Url,
        token: &Sensitive,
        expired: impl Fn(&Reply) -> bool,
        refresh: impl FnOnce() -> Fut,
    ) -> Result<Reply, Failure>
    where
        Fut: Future<Output = Result<Sensitive, Failure>>,
    {
        self.send_with_token(&Request::get(url.clone()), token, expired, refresh)
            .await
    }

    /// [`Http::get_with_token`] for any request (a POST too): `request` is sent with `token`,
    /// and once more with a refreshed token if the first was refused as expired. A refused
    /// token means the vendor did nothing, so resending a POST cannot do the work twice.
    pub async fn send_with_token<Fut>(
        &self,
        request: &Request,
        token: &Sensitive,
        expired: impl Fn(&Reply) -> bool,
        refresh: impl FnOnce() -> Fut,
    ) -> Result<Reply, Failure>
    where
        Fut: Future<Output = Result<Sensitive, Failure>>,
    {
        let reply = self.send(&request.clone().bearer(token)).await?;
        if !expired(&reply) {
            return Ok(reply);
        }
        tracing::debug!(
            host = request.url.host_str(),
            "token expired; refreshing once"
        );
        let fresh = refresh().await?;
        let reply = self.send(&request.clone().bearer(&fresh)).await?;
        if expired(&reply) {
            return Err(Failure::new(Code::VendorTokenRejected));
        }
        Ok(reply)
    }

    async fn send_once(&self, request: &Request) -> Result<Reply, HttpError> {
        let mut builder = match request.method {
            Method::Get => self.client.get(request.url.clone()),
            Method::Post => self.client.post(request.url.clone()),
            Method::Put => self.client.put(request.url.clone()),
            Method::Patch => self.client.patch(request.url.clone()),
            Method::Delete => self.client.delete(request.url.clone()),
        }
        .header(ACCEPT, "application/json");
        for (name, value) in &request.headers {
            builder = builder.header(*name, value.as_str());
        }
        builder = match &request.auth {
            Auth::None => builder,
            Auth::Bearer(token) => builder.bearer_auth(token.expose()),
            Auth::Basic(user, password) => builder.basic_auth(user, Some(password.expose())),
        };
        if let Some(body) = &request.json {
            builder = builder.json(&body.value);
        } else if let Some(raw) = &request.raw {
            // A raw body's secrets also become bytes on the wire here.
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, raw.content_type.as_str())
                .body(raw.bytes.clone());
        } else if !request.form.is_empty() {
            // The one place secrets become bytes on the wire.
            let form: Vec<(&str, &str)> = request
                .form
                .iter()
                .map(|(name, value, _)| (*name, value.expose()))
                .collect();
            builder = builder.form(&form);
        }
        let host = request.url.host_str().unwrap_or_default().to_owned();
        let transport = |error: reqwest::Error| {
            if error.is_timeout() {
                HttpError::Timeout { host: host.clone() }
            } else {
                // reqwest errors may quote the URL; only the host is kept.
                tracing::debug!(host, kind = ?error.is_connect(), "transport error");
                HttpError::Unreachable { host: host.clone() }
            }
        };
        let mut response = builder.send().await.map_err(transport)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let too_large = || HttpError::TooLarge {
            host: host.clone(),
            max_mb: MAX_REPLY_BYTES / (1024 * 1024),
        };
        // Refused up front when announced, and counted as it comes in when not (a chunked
        // reply has no length, and a stated one may be wrong).
        if response
            .content_length()
            .is_some_and(|length| length > MAX_REPLY_BYTES as u64)
        {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport)? {
            if bytes.len() + chunk.len() > MAX_REPLY_BYTES {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        // A vendor that quotes a secret back (in an error, a log line) never gets it further.
        let body = scrub_text(&String::from_utf8_lossy(&bytes), &self.secrets_of(request));
        tracing::debug!(
            host = request.url.host_str(),
            path = request.url.path(),
            status,
            "vendor answered"
        );
        Ok(Reply {
            status,
            headers,
            body,
        })
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1));
        self.retry
            .backoff
            .saturating_mul(factor)
            .min(self.retry.max_wait)
    }

    fn give_up(&self, reply: Reply, asked: Option<RetryAfter>, attempts: u32) -> HttpError {
        if reply.status == 429 {
            HttpError::RateLimited {
                attempts,
                retry_after: asked.map(|a| a.wait),
                retry_at: asked.map(|a| a.at.unwrap_or_else(|| self.clock.now() + a.wait)),
                body: reply.body,
            }
        } else {
            HttpError::ServerError {
                status: reply.status,
                attempts,
            }
        }
    }
}
