//! Access tokens one vendor has issued: who got them, with which scopes, until when, and in which
//! "epoch" (expiring every token mid-run bumps the epoch, see `FaultHandle::expire_tokens`).

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;

use crate::faults::{FaultHandle, Vendor};
use crate::http::{Bearer, bearer};
use crate::seed::Rng;

/// What a token was issued for.
#[derive(Debug, Clone)]
pub(crate) struct Grant {
    pub scopes: Vec<String>,
    /// Genesys: the region domain whose login host issued the token.
    pub realm: String,
    expires_at: Instant,
    epoch: u64,
}

/// Outcome of checking a request's bearer token.
#[derive(Debug, Clone)]
pub(crate) enum Access {
    Granted(Grant),
    /// No `Authorization: Bearer` at all.
    Missing,
    /// A token this vendor never issued.
    Unknown,
    /// Issued, but past its lifetime or expired by `expire_tokens`.
    Expired,
}

#[derive(Debug)]
pub(crate) struct TokenStore {
    vendor: Vendor,
    default_ttl: Duration,
    tokens: Mutex<HashMap<String, Grant>>,
    /// Token values must be unguessable, not reproducible: seeded from the process's hasher keys.
    rng: Mutex<Rng>,
}

impl TokenStore {
    pub(crate) fn new(vendor: Vendor, default_ttl: Duration) -> Self {
        let seed = RandomState::new().hash_one(vendor.name());
        Self {
            vendor,
            default_ttl,
            tokens: Mutex::new(HashMap::new()),
            rng: Mutex::new(Rng::new(seed)),
        }
    }

    /// Random token text of `len` URL-safe characters.
    pub(crate) fn fresh_value(&self, len: usize) -> String {
        self.rng
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .token_chars(len)
    }

    /// Lifetime of a token issued now: the vendor's, unless a fault shortens it.
    pub(crate) fn ttl(&self, faults: &FaultHandle) -> Duration {
        faults
            .plan()
            .vendor(self.vendor)
            .token_ttl_secs
            .map_or(self.default_ttl, Duration::from_secs)
    }

    /// Records `value` as a valid token; returns its lifetime in seconds for `expires_in`.
    pub(crate) fn issue(
        &self,
        faults: &FaultHandle,
        value: &str,
        scopes: Vec<String>,
        realm: &str,
    ) -> u64 {
        let ttl = self.ttl(faults);
        let grant = Grant {
            scopes,
            realm: realm.to_owned(),
            expires_at: Instant::now() + ttl,
            epoch: faults.token_epoch(self.vendor),
        };
        let mut tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        // Long practice sessions mint many tokens: forget the dead ones as we go.
        if tokens.len() > 10_000 {
            let now = Instant::now();
            tokens.retain(|_, g| g.expires_at > now);
        }
        tokens.insert(value.to_owned(), grant);
        ttl.as_secs()
    }

    pub(crate) fn check(
        &self,
        faults: &FaultHandle,
        headers: &HeaderMap,
        also_oauth: bool,
    ) -> Access {
        let Bearer::Token(token) = bearer(headers, also_oauth) else {
            return Access::Missing;
        };
        let tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        match tokens.get(&token) {
            None => Access::Unknown,
            Some(grant)
                if grant.expires_at <= Instant::now()
                    || grant.epoch != faults.token_epoch(self.vendor) =>
            {
                Access::Expired
            }
            Some(grant) => Access::Granted(grant.clone()),
        }
    }
}
