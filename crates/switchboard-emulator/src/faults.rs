//! Faults per vendor, set at start and changeable while the emulator runs (the practice panel
//! toggles them): rate limits with each `Retry-After` form, injected 5xx, latency, dropped
//! connections, short-lived or suddenly expired tokens, refused credentials, and a few
//! vendor-specific tenant states (revoked Zoom scopes, blocked Salesforce password flow, ...).

use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Vendor {
    Zoom,
    Cxone,
    Salesforce,
    Genesys,
}

impl Vendor {
    pub const ALL: [Vendor; 4] = [Self::Zoom, Self::Cxone, Self::Salesforce, Self::Genesys];

    pub fn name(self) -> &'static str {
        match self {
            Self::Zoom => "zoom",
            Self::Cxone => "cxone",
            Self::Salesforce => "salesforce",
            Self::Genesys => "genesys",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl FromStr for Vendor {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown vendor `{s}` (zoom, cxone, salesforce, genesys)"))
    }
}

/// Every fault in force. Serialises as JSON for the control endpoint and `--faults-json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultPlan {
    pub zoom: VendorFaults,
    pub cxone: VendorFaults,
    pub salesforce: VendorFaults,
    pub genesys: VendorFaults,
    /// Scopes the Zoom app loses: new tokens no longer carry them, and calls that need them get
    /// Zoom's 400 code 4711 "does not contain scopes".
    pub zoom_revoked_scopes: Vec<String>,
    /// "Allow OAuth Username-Password Flows" is off: Salesforce answers `invalid_grant` /
    /// `authentication failure`, exactly as for a wrong password.
    pub salesforce_password_flow_blocked: bool,
    /// Omni-Channel is off: `ServicePresenceStatus` is not a known object.
    pub salesforce_omni_channel_disabled: bool,
    /// Every `CallCenter` component of a Metadata deploy fails with this problem text (as an
    /// org refuses one), the deploy ending `Failed` with `componentFailures`.
    pub salesforce_deploy_failure: Option<String>,
    /// The Genesys OAuth client is not a Client Credentials client: `unauthorized_client`.
    pub genesys_grant_type_disabled: bool,
    /// Permissions the Genesys OAuth client's roles lack (e.g. `integrations:integration:add`):
    /// calls that need one answer 403 `missing.permissions` naming them. Tokens stay valid, as
    /// in Genesys, where a role change applies to the next call.
    pub genesys_missing_permissions: Vec<String>,
    /// `authorization/subjects/me` answers 403 (an org whose policy hides a client's grants):
    /// the permission preflight must say it could not check, not that all is granted.
    pub genesys_subject_refused: bool,
    /// The practice Google service account's key was deleted: Google answers `invalid_grant`
    /// "Invalid JWT Signature." to assertions it signed.
    pub google_key_revoked: bool,
    /// No domain-wide delegation for the practice service account: an assertion acting as a
    /// user (`sub`) is answered `unauthorized_client`.
    pub google_delegation_missing: bool,
}

impl FaultPlan {
    pub fn vendor(&self, vendor: Vendor) -> &VendorFaults {
        match vendor {
            Vendor::Zoom => &self.zoom,
            Vendor::Cxone => &self.cxone,
            Vendor::Salesforce => &self.salesforce,
            Vendor::Genesys => &self.genesys,
        }
    }

    pub fn vendor_mut(&mut self, vendor: Vendor) -> &mut VendorFaults {
        match vendor {
            Vendor::Zoom => &mut self.zoom,
            Vendor::Cxone => &mut self.cxone,
            Vendor::Salesforce => &mut self.salesforce,
            Vendor::Genesys => &mut self.genesys,
        }
    }
}

/// Faults of one vendor. Applied to every request to that vendor's hosts, token endpoints
/// included, in this order: latency, dropped connection, rate limit, server error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VendorFaults {
    /// Added before each answer.
    pub latency_ms: u64,
    pub rate_limit: Option<RateLimit>,
    pub server_errors: Option<ServerErrors>,
    /// The connection closes without an answer.
    pub drop_connections: Option<Trigger>,
    /// Lifetime of tokens issued from now on, instead of the vendor's (Zoom 3600 s, ...).
    pub token_ttl_secs: Option<u64>,
    /// The token endpoint refuses the demo credentials (expired or wrong secret), with the
    /// vendor's body.
    pub reject_credentials: bool,
    /// A crash halfway through a bulk write: once this many entries were stored (CXone address
    /// book entries) since the fault was set, the next write stores its entries and then
    /// answers 500, so the client cannot know they were stored. Fires once, then clears itself.
    pub fail_writes_after: Option<u32>,
}

/// At most `limit` requests per `window_secs` (a fixed window); beyond, the vendor's throttling
/// answer: 429 with `Retry-After` in the chosen form (Salesforce: 403 `REQUEST_LIMIT_EXCEEDED`,
/// never a `Retry-After`, as the real API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    pub limit: u32,
    pub window_secs: u64,
    #[serde(default)]
    pub retry_after: RetryAfter,
}

/// The forms `Retry-After` takes in the wild: seconds (Genesys), an HTTP date, an ISO timestamp
/// (Zoom daily limits), or no header at all (Zoom, sometimes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetryAfter {
    #[default]
    Seconds,
    HttpDate,
    IsoDate,
    Absent,
}

impl FromStr for RetryAfter {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "seconds" => Ok(Self::Seconds),
            "http-date" | "http_date" => Ok(Self::HttpDate),
            "iso-date" | "iso_date" => Ok(Self::IsoDate),
            "absent" | "none" => Ok(Self::Absent),
            _ => Err(format!(
                "unknown Retry-After form `{s}` (seconds, http-date, iso-date, absent)"
            )),
        }
    }
}

/// Answers a server error (e.g. 500, 502, 503) instead of serving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerErrors {
    pub status: u16,
    pub trigger: Trigger,
}

/// Which requests a fault hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    Always,
    /// The n-th, 2n-th, ... request since the fault was set.
    EveryNth(u32),
    /// The next n requests, then none: "fail twice, then recover".
    Next(u32),
}

impl Trigger {
    fn fires(&mut self, seen: u64) -> bool {
        match self {
            Self::Always => true,
            Self::EveryNth(0) => false,
            Self::EveryNth(n) => seen.is_multiple_of(u64::from(*n)),
            Self::Next(0) => false,
            Self::Next(n) => {
                *n -= 1;
                true
            }
        }
    }
}

/// What the gate does with one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    Serve,
    Drop,
    Throttle(Throttle),
    ServerError(u16),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Throttle {
    pub limit: u32,
    pub window_secs: u64,
    /// Until the window resets, rounded up to whole seconds (at least 1).
    pub wait: Duration,
    pub retry_after: RetryAfter,
}

#[derive(Debug, Clone)]
struct Counters {
    drops_seen: u64,
    errors_seen: u64,
    /// Items stored by bulk writes, for `fail_writes_after`.
    items_written: u64,
    window_start: Instant,
    window_count: u32,
}

impl Counters {
    fn fresh() -> Self {
        Self {
            drops_seen: 0,
            errors_seen: 0,
            items_written: 0,
            window_start: Instant::now(),
            window_count: 0,
        }
    }
}

#[derive(Debug)]
struct Runtime {
    plan: FaultPlan,
    counters: [Counters; 4],
}

#[derive(Debug)]
struct FaultState {
    runtime: Mutex<Runtime>,
    /// Bumped by `expire_tokens`: a token is valid only in the epoch it was issued in.
    epochs: [AtomicU64; 4],
}

/// Handle to the faults of a running emulator; cheap to clone, usable from any thread.
#[derive(Debug, Clone)]
pub struct FaultHandle {
    state: Arc<FaultState>,
}

impl FaultHandle {
    pub(crate) fn new(plan: FaultPlan) -> Self {
        Self {
            state: Arc::new(FaultState {
                runtime: Mutex::new(Runtime {
                    plan,
                    counters: std::array::from_fn(|_| Counters::fresh()),
                }),
                epochs: std::array::from_fn(|_| AtomicU64::new(0)),
            }),
        }
    }

    fn runtime(&self) -> MutexGuard<'_, Runtime> {
        // A panic while holding the lock cannot leave the plan half-written: recover it.
        self.state
            .runtime
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The faults in force now.
    pub fn plan(&self) -> FaultPlan {
        self.runtime().plan.clone()
    }

    /// Replaces every fault; counters (every-n-th, rate-limit windows) start again.
    pub fn set_plan(&self, plan: FaultPlan) {
        let mut runtime = self.runtime();
        runtime.plan = plan;
        runtime.counters = std::array::from_fn(|_| Counters::fresh());
    }

    /// Changes part of the plan, e.g. `faults.update(|p| p.zoom.latency_ms = 200)`.
    pub fn update(&self, change: impl FnOnce(&mut FaultPlan)) {
        let mut plan = self.plan();
        change(&mut plan);
        self.set_plan(plan);
    }

    /// Replaces one vendor's faults.
    pub fn set_vendor(&self, vendor: Vendor, faults: VendorFaults) {
        self.update(|plan| *plan.vendor_mut(vendor) = faults);
    }

    /// Removes every fault.
    pub fn clear(&self) {
        self.set_plan(FaultPlan::default());
    }

    /// Token expiry mid-run: every token this vendor issued so far becomes invalid (401 with the
    /// vendor's body); the token endpoint keeps issuing new ones.
    pub fn expire_tokens(&self, vendor: Vendor) {
        self.state.epochs[vendor.index()].fetch_add(1, Ordering::SeqCst);
    }

    pub fn expire_all_tokens(&self) {
        for vendor in Vendor::ALL {
            self.expire_tokens(vendor);
        }
    }

    pub(crate) fn token_epoch(&self, vendor: Vendor) -> u64 {
        self.state.epochs[vendor.index()].load(Ordering::SeqCst)
    }

    /// Counts `stored` items a bulk write just stored; true when that write must answer 500
    /// anyway (`fail_writes_after` reached before it), which also clears the fault.
    pub(crate) fn written(&self, vendor: Vendor, stored: usize) -> bool {
        let mut runtime = self.runtime();
        let Runtime { plan, counters } = &mut *runtime;
        let faults = plan.vendor_mut(vendor);
        let counters = &mut counters[vendor.index()];
        let before = counters.items_written;
        counters.items_written += stored as u64;
        match faults.fail_writes_after {
            Some(after) if before >= u64::from(after) => {
                faults.fail_writes_after = None;
                true
            }
            _ => false,
        }
    }

    /// Latency to add, and what to do with the request.
    pub(crate) fn judge(&self, vendor: Vendor) -> (Duration, Verdict) {
        let mut runtime = self.runtime();
        let Runtime { plan, counters } = &mut *runtime;
        let faults = plan.vendor_mut(vendor);
        let counters = &mut counters[vendor.index()];
        let latency = Duration::from_millis(faults.latency_ms);
        if let Some(trigger) = faults.drop_connections.as_mut() {
            counters.drops_seen += 1;
            if trigger.fires(counters.drops_seen) {
                return (latency, Verdict::Drop);
            }
        }
        if let Some(limit) = &faults.rate_limit {
            let window = Duration::from_secs(limit.window_secs.max(1));
            let elapsed = counters.window_start.elapsed();
            if elapsed >= window {
                counters.window_start = Instant::now();
                counters.window_count = 0;
            }
            counters.window_count = counters.window_count.saturating_add(1);
            if counters.window_count > limit.limit {
                let left = window.saturating_sub(counters.window_start.elapsed());
                let wait = Duration::from_secs(left.as_secs() + u64::from(left.subsec_nanos() > 0));
                return (
                    latency,
                    Verdict::Throttle(Throttle {
                        limit: limit.limit,
                        window_secs: limit.window_secs.max(1),
                        wait: wait.max(Duration::from_secs(1)),
                        retry_after: limit.retry_after,
                    }),
                );
            }
        }
        if let Some(errors) = faults.server_errors.as_mut() {
            counters.errors_seen += 1;
            if errors.trigger.fires(counters.errors_seen) {
                return (latency, Verdict::ServerError(errors.status));
            }
        }
        (latency, Verdict::Serve)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_trigger_fails_the_given_number_of_requests_then_recovers() {
        let faults = FaultHandle::new(FaultPlan::default());
        faults.set_vendor(
            Vendor::Genesys,
            VendorFaults {
                server_errors: Some(ServerErrors {
                    status: 503,
                    trigger: Trigger::Next(2),
                }),
                ..VendorFaults::default()
            },
        );
        let verdicts: Vec<_> = (0..3).map(|_| faults.judge(Vendor::Genesys).1).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::ServerError(503),
                Verdict::ServerError(503),
                Verdict::Serve
            ]
        );
        assert_eq!(
            faults.judge(Vendor::Zoom).1,
            Verdict::Serve,
            "other vendors untouched"
        );
    }

    #[test]
    fn every_nth_trigger_hits_multiples_only() {
        let faults = FaultHandle::new(FaultPlan::default());
        faults.update(|p| p.zoom.drop_connections = Some(Trigger::EveryNth(3)));
        let dropped: Vec<bool> = (0..6)
            .map(|_| faults.judge(Vendor::Zoom).1 == Verdict::Drop)
            .collect();
        assert_eq!(dropped, [false, false, true, false, false, true]);
    }

    #[test]
    fn rate_limit_throttles_beyond_the_limit_within_the_window() {
        let faults = FaultHandle::new(FaultPlan::default());
        faults.update(|p| {
            p.cxone.rate_limit = Some(RateLimit {
                limit: 2,
                window_secs: 60,
                retry_after: RetryAfter::HttpDate,
            })
        });
        assert_eq!(faults.judge(Vendor::Cxone).1, Verdict::Serve);
        assert_eq!(faults.judge(Vendor::Cxone).1, Verdict::Serve);
        let Verdict::Throttle(throttle) = faults.judge(Vendor::Cxone).1 else {
            panic!("third request should be throttled");
        };
        assert_eq!(throttle.retry_after, RetryAfter::HttpDate);
        assert!(throttle.wait >= Duration::from_secs(59));
    }

    #[test]
    fn a_failed_write_comes_once_after_the_given_number_of_items() {
        let faults = FaultHandle::new(FaultPlan::default());
        faults.update(|p| p.cxone.fail_writes_after = Some(150));
        let failed: Vec<bool> = (0..4).map(|_| faults.written(Vendor::Cxone, 100)).collect();
        assert_eq!(
            failed,
            [false, false, true, false],
            "fires once, after 150 items"
        );
        assert_eq!(faults.plan().cxone.fail_writes_after, None, "then clears");
    }

    #[test]
    fn plan_round_trips_through_json() {
        let mut plan = FaultPlan::default();
        plan.zoom.rate_limit = Some(RateLimit {
            limit: 5,
            window_secs: 1,
            retry_after: RetryAfter::Absent,
        });
        plan.genesys.server_errors = Some(ServerErrors {
            status: 502,
            trigger: Trigger::EveryNth(4),
        });
        plan.zoom_revoked_scopes = vec!["user:read:admin".into()];
        plan.cxone.fail_writes_after = Some(100);
        plan.genesys_missing_permissions = vec!["integrations:integration:add".into()];
        let json = serde_json::to_string(&plan).expect("serialises");
        assert_eq!(
            serde_json::from_str::<FaultPlan>(&json).expect("parses"),
            plan
        );
        assert!(serde_json::from_str::<FaultPlan>(r#"{"zooom":{}}"#).is_err());
    }

    #[test]
    fn a_plan_written_before_missing_permissions_existed_still_parses() {
        let plan: FaultPlan = serde_json::from_str(
            r#"{"genesys":{"latency_ms":5},"genesys_grant_type_disabled":true}"#,
        )
        .expect("parses");
        assert!(plan.genesys_missing_permissions.is_empty());
        assert!(plan.genesys_grant_type_disabled);
    }
}
