//! What a connection Test found: each check that ran, whether it passed, and for a failure the
//! [`Code`] the UI turns into a fix. A diagnosis is shown, stored and journalled, so it must
//! never carry a secret: [`Diagnosis::finish`] scrubs any secret value a vendor echoed back.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::secrets::ConnectionSecrets;
use crate::failure::{Code, Failure, Params};
use crate::scrub::scrub_value;
use crate::time::format_utc;
use crate::vendor::Vendor;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    pub vendor: Vendor,
    /// True when every check passed.
    pub ok: bool,
    /// ISO-8601 UTC, e.g. `2026-11-23T10:15:00Z`.
    pub checked_at: String,
    /// In the order they ran; a check that could not run (an earlier one failed) is absent.
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// Stable per vendor: `settings`, `token`, `scopes`, `users`, `discovery`, …
    pub id: String,
    pub ok: bool,
    /// Set exactly when `ok` is false.
    pub code: Option<Code>,
    #[serde(default)]
    pub params: Params,
}

impl Diagnosis {
    /// An empty diagnosis to add checks to; `finish` stamps it.
    pub fn new(vendor: Vendor) -> Self {
        Diagnosis {
            vendor,
            ok: false,
            checked_at: String::new(),
            checks: Vec::new(),
        }
    }

    pub fn pass(&mut self, id: &str, params: Params) {
        self.checks.push(Check {
            id: id.to_owned(),
            ok: true,
            code: None,
            params,
        });
    }

    pub fn fail(&mut self, id: &str, failure: Failure) {
        self.checks.push(Check {
            id: id.to_owned(),
            ok: false,
            code: Some(failure.code),
            params: failure.params,
        });
    }

    /// Stamps the time, computes `ok` and removes any secret value from the params: vendors
    /// sometimes echo what they were sent inside an error description.
    pub fn finish(mut self, now: SystemTime, secrets: &ConnectionSecrets) -> Self {
        self.ok = !self.checks.is_empty() && self.checks.iter().all(|c| c.ok);
        self.checked_at = format_utc(now);
        for check in &mut self.checks {
            for value in check.params.values_mut() {
                scrub(value, secrets);
            }
        }
        self
    }

    /// The codes of the failed checks, for the journal.
    pub fn failed_codes(&self) -> Vec<Code> {
        self.checks.iter().filter_map(|c| c.code).collect()
    }
}

fn scrub(value: &mut Value, secrets: &ConnectionSecrets) {
    let secrets: Vec<&str> = secrets.values().map(|s| s.expose()).collect();
    scrub_value(value, &secrets);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::Sensitive;

    #[test]
    fn a_diagnosis_passes_only_when_every_check_passes() {
        let mut d = Diagnosis::new(Vendor::Zoom);
        d.pass("token", Params::new());
        let d = d.finish(SystemTime::UNIX_EPOCH, &ConnectionSecrets::default());
        assert!(d.ok);
        assert_eq!(d.checked_at, "1970-01-01T00:00:00Z");

        let mut d = Diagnosis::new(Vendor::Zoom);
        d.pass("token", Params::new());
        d.fail("scopes", Failure::new(Code::ZoomMissingScopes));
        assert!(
            !d.finish(SystemTime::UNIX_EPOCH, &ConnectionSecrets::default())
                .ok
        );
    }

    #[test]
    fn echoed_secrets_are_scrubbed_from_params() {
        let secrets =
            ConnectionSecrets::default().with("client-secret", Sensitive::new("s3cr3t-value"));
        let mut d = Diagnosis::new(Vendor::Genesys);
        d.fail(
            "token",
            Failure::new(Code::GenesysTokenRequestRejected)
                .with("vendorMessage", "bad secret s3cr3t-value"),
        );
        let json = serde_json::to_string(&d.finish(SystemTime::UNIX_EPOCH, &secrets)).unwrap();
        assert!(!json.contains("s3cr3t-value"), "{json}");
        assert!(json.contains("\"checkedAt\""), "{json}");
        assert!(
            json.contains("\"genesys.token_request_rejected\""),
            "{json}"
        );
    }
}
