//! The four vendor clients (Zoom, NICE CXone, Salesforce, Genesys Cloud) and their connection
//! Test: each checks the settings, gets a token, makes one harmless read, and reports every
//! check in a [`Diagnosis`] whose failures carry a code the UI turns into a fix.
//!
//! All traffic goes through [`http::Http`]; the clients never retry or sleep on their own.

pub mod clock;
pub mod cxone;
pub mod genesys;
pub mod http;
pub(crate) mod oauth;
mod request;
pub mod retry_after;
pub mod salesforce;
pub mod zoom;

use crate::connection::{
    Code, ConnectionSecrets, ConnectionSettings, Diagnosis, Failure, Params, Vendor,
};
use crate::validate::FieldError;
use http::Http;

/// Tests a connection with the real clock and the default HTTP policy.
pub async fn test(settings: &ConnectionSettings, secrets: &ConnectionSecrets) -> Diagnosis {
    match Http::for_connection(settings.endpoints().practice) {
        Ok(http) => test_with(settings, secrets, &http.redacting(secrets.values())).await,
        Err(failure) => {
            let mut diagnosis = Diagnosis::new(settings.vendor());
            diagnosis.fail("http", failure);
            diagnosis.finish(std::time::SystemTime::now(), secrets)
        }
    }
}

/// Tests a connection through `http` (tests pass one with a manual clock and fast timeouts).
pub async fn test_with(
    settings: &ConnectionSettings,
    secrets: &ConnectionSecrets,
    http: &Http,
) -> Diagnosis {
    match settings {
        ConnectionSettings::Zoom(s) => zoom::test(s, secrets, http).await,
        ConnectionSettings::Cxone(s) => cxone::test(s, secrets, http).await,
        ConnectionSettings::Salesforce(s) => salesforce::test(s, secrets, http).await,
        ConnectionSettings::Genesys(s) => genesys::test(s, secrets, http).await,
    }
}

/// A check that stopped the Test: its id and why.
pub(crate) type Stop = (&'static str, Failure);

/// Tags a failure with the id of the check it ends.
pub(crate) trait At<T> {
    fn at(self, check: &'static str) -> Result<T, Stop>;
}

impl<T, E: Into<Failure>> At<T> for Result<T, E> {
    fn at(self, check: &'static str) -> Result<T, Stop> {
        self.map_err(|e| (check, e.into()))
    }
}

/// Runs a vendor's checks and closes the diagnosis: the check that stopped the run (if any) is
/// recorded last, the time stamped, echoed secrets scrubbed.
pub(crate) fn close(
    mut diagnosis: Diagnosis,
    outcome: Result<(), Stop>,
    http: &Http,
    secrets: &ConnectionSecrets,
) -> Diagnosis {
    if let Err((check, failure)) = outcome {
        diagnosis.fail(check, failure);
    }
    diagnosis.finish(http.clock().now(), secrets)
}

/// The `settings` check: every field valid and every required secret present.
pub(crate) fn preflight(
    diagnosis: &mut Diagnosis,
    vendor: Vendor,
    problem: Option<(&'static str, FieldError)>,
    secrets: &ConnectionSecrets,
) -> Result<(), Stop> {
    if let Some((field, error)) = problem {
        return Err(("settings", settings_failure(field, &error)));
    }
    if let Some(missing) = vendor
        .secret_fields()
        .iter()
        .find(|f| f.required && secrets.get(f.id).is_none())
    {
        let failure = Failure::new(Code::SettingsMissingSecret).with("field", missing.id);
        return Err(("settings", failure));
    }
    diagnosis.pass("settings", Params::new());
    Ok(())
}

pub(crate) fn settings_failure(field: &str, error: &FieldError) -> Failure {
    Failure::new(Code::SettingsInvalid)
        .with("field", field)
        .with("rule", error.code)
}

/// A URL the vendor handed us (CXone's API host, Salesforce's instance) that breaks the
/// connection rule.
pub(crate) fn untrusted(url: &str) -> Failure {
    Failure::new(Code::VendorUntrustedEndpoint).with("url", url)
}

/// A required secret; `preflight` has already made sure it is there.
pub(crate) fn secret<'s>(
    secrets: &'s ConnectionSecrets,
    field: &str,
) -> Result<&'s crate::secrets::Sensitive, Stop> {
    secrets.get(field).ok_or_else(|| {
        let failure = Failure::new(Code::SettingsMissingSecret).with("field", field);
        ("settings", failure)
    })
}

/// Builds a `Params` map inline: `params([("count", 3.into())])`.
pub(crate) fn params<const N: usize>(pairs: [(&str, serde_json::Value); N]) -> Params {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}
