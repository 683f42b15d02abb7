//! The practice settings panel's view of the faults: a handful of switches an admin understands
//! ("rate limit", "expired secret" …), each applied to all four vendors at once, mapped to and
//! from the full [`FaultPlan`].

use serde::{Deserialize, Serialize};

use crate::faults::{FaultPlan, RateLimit, RetryAfter, ServerErrors, Trigger, VendorFaults};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "RateLimitMode")]
#[serde(rename_all = "snake_case")]
pub enum PanelRateLimit {
    #[default]
    Off,
    RetryAfterSeconds,
    RetryAfterDate,
    NoRetryAfter,
}

/// `{rateLimit, serverErrors, latencyMs, expiredSecret, tokenExpiry, dropConnections}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "PracticeFaults")]
#[serde(rename_all = "camelCase")]
pub struct PanelFaults {
    pub rate_limit: PanelRateLimit,
    /// A 503 on every other request.
    pub server_errors: bool,
    pub latency_ms: u64,
    /// The token endpoints refuse the demo secrets, as for an expired or rotated secret.
    pub expired_secret: bool,
    /// Tokens live one second, so they expire in the middle of a run.
    pub token_expiry: bool,
    pub drop_connections: bool,
}

/// The rate limit the panel turns on: one request a minute, so a Test's second call is refused
/// and the wait asked for is longer than a client should sit through.
const PANEL_LIMIT: u32 = 1;
const PANEL_WINDOW_SECS: u64 = 60;

impl PanelFaults {
    pub fn to_plan(&self) -> FaultPlan {
        let retry_after = match self.rate_limit {
            PanelRateLimit::Off => None,
            PanelRateLimit::RetryAfterSeconds => Some(RetryAfter::Seconds),
            PanelRateLimit::RetryAfterDate => Some(RetryAfter::HttpDate),
            PanelRateLimit::NoRetryAfter => Some(RetryAfter::Absent),
        };
        let vendor = VendorFaults {
            latency_ms: self.latency_ms,
            rate_limit: retry_after.map(|retry_after| RateLimit {
                limit: PANEL_LIMIT,
                window_secs: PANEL_WINDOW_SECS,
                retry_after,
            }),
            server_errors: self.server_errors.then_some(ServerErrors {
                status: 503,
                trigger: Trigger::EveryNth(2),
            }),
            drop_connections: self.drop_connections.then_some(Trigger::Always),
            token_ttl_secs: self.token_expiry.then_some(1),
            reject_credentials: self.expired_secret,
            // A crash mid-apply is for tests, not a panel switch.
            fail_writes_after: None,
        };
        FaultPlan {
            zoom: vendor.clone(),
            cxone: vendor.clone(),
            salesforce: vendor.clone(),
            genesys: vendor,
            ..FaultPlan::default()
        }
    }

    /// Reads the switches back from a plan (from Zoom's faults: the panel sets all vendors alike).
    pub fn from_plan(plan: &FaultPlan) -> PanelFaults {
        let zoom = &plan.zoom;
        PanelFaults {
            rate_limit: match zoom.rate_limit.as_ref().map(|r| r.retry_after) {
                None => PanelRateLimit::Off,
                Some(RetryAfter::Seconds) => PanelRateLimit::RetryAfterSeconds,
                Some(RetryAfter::HttpDate | RetryAfter::IsoDate) => PanelRateLimit::RetryAfterDate,
                Some(RetryAfter::Absent) => PanelRateLimit::NoRetryAfter,
            },
            server_errors: zoom.server_errors.is_some(),
            latency_ms: zoom.latency_ms,
            expired_secret: zoom.reject_credentials,
            token_expiry: zoom.token_ttl_secs.is_some(),
            drop_connections: zoom.drop_connections.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panel_switches_survive_a_round_trip_through_the_plan() {
        let panel = PanelFaults {
            rate_limit: PanelRateLimit::RetryAfterDate,
            server_errors: true,
            latency_ms: 250,
            expired_secret: true,
            token_expiry: true,
            drop_connections: false,
        };
        let plan = panel.to_plan();
        assert_eq!(PanelFaults::from_plan(&plan), panel);
        assert!(
            plan.genesys.reject_credentials,
            "every vendor gets the same faults"
        );
        assert_eq!(
            PanelFaults::from_plan(&FaultPlan::default()),
            PanelFaults::default()
        );
    }

    #[test]
    fn panel_faults_use_the_ui_field_names() {
        let json = serde_json::to_value(PanelFaults::default()).unwrap();
        assert_eq!(json["rateLimit"], "off");
        assert_eq!(json["expiredSecret"], false);
    }
}
