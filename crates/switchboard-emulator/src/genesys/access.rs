//! Who may call the Genesys API: a bearer token from the region's own login host, within the
//! per-token limit of 300 requests a minute Genesys applies by default, whose OAuth client has
//! the permissions the call needs (`FaultPlan::genesys_missing_permissions` takes some away).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, StatusCode};

use super::{error, region, throttled};
use crate::faults::{RetryAfter, Throttle};
use crate::http::{Bearer, Refusal, bearer, refuse};
use crate::server::Emu;
use crate::tokens::Access;

/// Role permissions the integrations API checks ([TF] `docs/resources/integration.md`; the
/// action and certificate ones from the SDK docs of those operations).
pub(crate) const VIEW: &str = "integrations:integration:view";
pub(crate) const ADD: &str = "integrations:integration:add";
pub(crate) const EDIT: &str = "integrations:integration:edit";
pub(crate) const DELETE: &str = "integrations:integration:delete";
pub(crate) const CERTIFICATE_VIEW: &str = "integrations:actionCertificate:view";
pub(crate) const ACTION_VIEW: &str = "integrations:action:view";
pub(crate) const ACTION_EXECUTE: &str = "integrations:action:execute";

/// The platform limit counts requests per token in windows of one minute.
const WINDOW: Duration = Duration::from_secs(60);

/// Requests per token in the current window.
#[derive(Debug, Default)]
pub(crate) struct TokenWindows(Mutex<HashMap<String, (Instant, u32)>>);

impl TokenWindows {
    /// `None` when the request is within `limit`; otherwise how long until the window resets.
    fn admit(&self, token: &str, limit: u32) -> Option<Duration> {
        let mut windows = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        // Long practice sessions mint many tokens: forget the finished windows as we go.
        if windows.len() > 10_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
        let (start, count) = windows.entry(token.to_owned()).or_insert((now, 0));
        if now.duration_since(*start) >= WINDOW {
            *start = now;
            *count = 0;
        }
        *count = count.saturating_add(1);
        (*count > limit).then(|| WINDOW.saturating_sub(now.duration_since(*start)))
    }
}

/// Checks the bearer token (which must come from this region's login host), the default
/// per-token rate limit, and that the client holds every permission in `needs`.
pub(crate) fn authorize(
    emu: &Emu,
    params: &HashMap<String, String>,
    headers: &HeaderMap,
    needs: &[&str],
) -> Result<(), Refusal> {
    let Some(domain) = region(params) else {
        return refuse(error(
            StatusCode::NOT_FOUND,
            "not.found",
            "Unknown region host.",
        ));
    };
    match emu.genesys.tokens.check(&emu.faults, headers, false) {
        Access::Missing => {
            return refuse(error(
                StatusCode::UNAUTHORIZED,
                "authentication.required",
                "No authentication bearer token specified in authorization header.",
            ));
        }
        Access::Granted(grant) if grant.realm == domain => {}
        Access::Granted(_) | Access::Unknown | Access::Expired => {
            return refuse(error(
                StatusCode::UNAUTHORIZED,
                "bad.credentials",
                "Invalid login credentials.",
            ));
        }
    }
    let plan = emu.faults.plan();
    // A rate limit set as a fault is applied by the gate and replaces the default one.
    if let (Some(limit), None, Bearer::Token(token)) = (
        emu.genesys.token_rate_per_minute,
        &plan.genesys.rate_limit,
        bearer(headers, false),
    ) && let Some(left) = emu.genesys.windows.admit(&token, limit)
    {
        let wait = Duration::from_secs(left.as_secs() + u64::from(left.subsec_nanos() > 0));
        return refuse(throttled(&Throttle {
            limit,
            window_secs: WINDOW.as_secs(),
            wait: wait.max(Duration::from_secs(1)),
            retry_after: RetryAfter::Seconds,
        }));
    }
    let missing: Vec<&str> = needs
        .iter()
        .copied()
        .filter(|p| plan.genesys_missing_permissions.iter().any(|m| m == p))
        .collect();
    if !missing.is_empty() {
        return refuse(error(
            StatusCode::FORBIDDEN,
            "missing.permissions",
            &format!(
                "You are missing the following permission(s): [{}]",
                missing.join(", ")
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_count_each_token_apart_and_say_how_long_to_wait() {
        let windows = TokenWindows::default();
        assert_eq!(windows.admit("a", 2), None);
        assert_eq!(windows.admit("a", 2), None);
        assert_eq!(
            windows.admit("b", 2),
            None,
            "another token has its own window"
        );
        let wait = windows.admit("a", 2).expect("third request of `a` is over");
        assert!(wait > Duration::from_secs(58) && wait <= WINDOW, "{wait:?}");
    }
}
