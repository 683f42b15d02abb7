//! Where a connection's requests go: the vendor's real hosts by default, or overrides for tests
//! and the practice tenant.
//!
//! An override is a base URL (scheme, host, optional port and path prefix); the vendor's own
//! paths are appended to it, e.g. token base `http://127.0.0.1:4010/zoom` makes the Zoom token
//! request `POST http://127.0.0.1:4010/zoom/oauth/token`. The rule that keeps a connection honest:
//! an ordinary connection speaks `https://` only; a practice connection stays on this computer
//! (127.0.0.0/8, ::1, localhost) and only it may use plain `http://`.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use url::{Host, Url};

use super::hosts::is_vendor_host;
use crate::validate::{FieldError, MAX_TEXT, too_long};
use crate::vendor::Vendor;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Endpoints {
    /// A rehearsal against the practice tenant: every request must stay on loopback.
    #[serde(default)]
    pub practice: bool,
    /// Replaces the vendor's login / token host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_base: Option<String>,
    /// Replaces the vendor's API host (also the one discovered at run time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_base: Option<String>,
    /// Hosts that are not the vendor's own but that the admin confirmed (a proxy, a test host):
    /// credentials go there only when listed here, and the connection shows it.
    #[serde(default)]
    pub confirmed_hosts: Vec<String>,
}

impl Endpoints {
    /// The token base to use: the override when set, else the vendor default. A practice
    /// connection has no default: it must never reach a real vendor.
    pub fn token(&self, vendor: Vendor, default: &str) -> Result<Url, (&'static str, FieldError)> {
        self.pick(
            vendor,
            "tokenBase",
            self.token_base.as_deref(),
            Some(default),
        )
    }

    /// The API base: the override, else `default` (a fixed vendor host, or the one the vendor
    /// returned at run time; `None` when the vendor has not said yet).
    pub fn api(
        &self,
        vendor: Vendor,
        default: Option<&str>,
    ) -> Result<Url, (&'static str, FieldError)> {
        self.pick(vendor, "apiBase", self.api_base.as_deref(), default)
    }

    /// Checks the overrides that are set; `needs_api` says whether a practice connection must
    /// also override the API host (vendors whose API host is fixed rather than discovered).
    pub fn validate(
        &self,
        vendor: Vendor,
        needs_api: bool,
    ) -> Result<(), (&'static str, FieldError)> {
        if self.practice && self.token_base.is_none() {
            return Err(("tokenBase", FieldError::new("practice_endpoint_required")));
        }
        if self.practice && needs_api && self.api_base.is_none() {
            return Err(("apiBase", FieldError::new("practice_endpoint_required")));
        }
        for (field, value) in [("tokenBase", &self.token_base), ("apiBase", &self.api_base)] {
            if let Some(value) = value {
                let url = check_endpoint(value, self.practice).map_err(|e| (field, e))?;
                self.trusted(vendor, &url).map_err(|e| (field, e))?;
            }
        }
        Ok(())
    }

    fn pick(
        &self,
        vendor: Vendor,
        field: &'static str,
        chosen: Option<&str>,
        default: Option<&str>,
    ) -> Result<Url, (&'static str, FieldError)> {
        let value = match (chosen, default) {
            (Some(value), _) => value,
            (None, Some(default)) if !self.practice => default,
            // A practice connection's discovered API host (CXone, Salesforce) comes from the
            // practice tenant itself and is checked like an override.
            (None, Some(default)) if field == "apiBase" => default,
            _ => return Err((field, FieldError::new("practice_endpoint_required"))),
        };
        let url = check_endpoint(value, self.practice).map_err(|e| (field, e))?;
        self.trusted(vendor, &url).map_err(|e| (field, e))?;
        Ok(url)
    }

    /// An ordinary connection's host must be the vendor's own, or one the admin confirmed
    /// (`endpoint_not_vendor` with `host` otherwise); a practice one is loopback already.
    fn trusted(&self, vendor: Vendor, url: &Url) -> Result<(), FieldError> {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let confirmed = self
            .confirmed_hosts
            .iter()
            .any(|c| c.trim().eq_ignore_ascii_case(&host));
        if self.practice || is_vendor_host(vendor, &host) || confirmed {
            Ok(())
        } else {
            Err(FieldError::new("endpoint_not_vendor").with("host", host))
        }
    }
}

/// Parses a base URL and applies the connection rule. Codes (`validation.<code>`):
/// `endpoint_url` (not an absolute http(s) URL, or it carries credentials, a query or a
/// fragment), `endpoint_https` (plain http on an ordinary connection), `endpoint_loopback`
/// (a practice connection pointing off this computer).
pub fn check_endpoint(value: &str, practice: bool) -> Result<Url, FieldError> {
    if value.chars().count() > MAX_TEXT {
        return Err(too_long(MAX_TEXT));
    }
    let url = Url::parse(value.trim()).map_err(|_| FieldError::new("endpoint_url"))?;
    let shaped = matches!(url.scheme(), "http" | "https")
        && url.host().is_some()
        && url.username().is_empty()
        && url.password().is_none()
        && url.query().is_none()
        && url.fragment().is_none();
    if !shaped {
        return Err(FieldError::new("endpoint_url"));
    }
    if practice {
        if !is_loopback(&url) {
            return Err(FieldError::new("endpoint_loopback"));
        }
    } else if url.scheme() != "https" {
        return Err(FieldError::new("endpoint_https"));
    }
    Ok(url)
}

/// 127.0.0.0/8, ::1 (also as an IPv4-mapped address) or `localhost`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => {
            IpAddr::V6(ip).is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// `base` with the vendor's `path` appended after any prefix the base carries.
pub(crate) fn join(base: &Url, path: &str) -> Url {
    let mut url = base.clone();
    let prefix = base.path().trim_end_matches('/');
    url.set_path(&format!("{prefix}/{}", path.trim_start_matches('/')));
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(value: &str, practice: bool) -> Option<&'static str> {
        check_endpoint(value, practice).err().map(|e| e.code)
    }

    #[test]
    fn an_endpoint_longer_than_a_line_is_refused_as_too_long() {
        let long = format!("https://zoom.us/{}", "p".repeat(MAX_TEXT));
        assert_eq!(code(&long, false), Some("too_long"));
    }

    #[test]
    fn only_practice_connections_use_http_and_only_to_loopback() {
        assert_eq!(code("http://127.0.0.1:4010", true), None);
        assert_eq!(code("http://127.8.9.10/zoom", true), None);
        assert_eq!(code("http://[::1]:4010", true), None);
        assert_eq!(code("http://LOCALHOST:4010", true), None);
        assert_eq!(code("http://127.0.0.1:4010", false), Some("endpoint_https"));
        assert_eq!(code("https://zoom.us", true), Some("endpoint_loopback"));
        assert_eq!(code("http://10.0.0.1", true), Some("endpoint_loopback"));
        assert_eq!(
            code("http://localhost.evil.com", true),
            Some("endpoint_loopback")
        );
        assert_eq!(code("https://zoomgov.com", false), None);
    }

    #[test]
    fn base_urls_carry_no_credentials_query_or_fragment() {
        assert_eq!(code("https://u:p@zoom.us", false), Some("endpoint_url"));
        assert_eq!(code("https://zoom.us/?x=1", false), Some("endpoint_url"));
        assert_eq!(code("ftp://zoom.us", false), Some("endpoint_url"));
        assert_eq!(code("zoom.us", false), Some("endpoint_url"));
    }

    #[test]
    fn vendor_paths_are_appended_after_the_prefix() {
        let base = Url::parse("http://127.0.0.1:4010/zoom/").unwrap();
        assert_eq!(
            join(&base, "/oauth/token").as_str(),
            "http://127.0.0.1:4010/zoom/oauth/token"
        );
        let base = Url::parse("https://zoom.us").unwrap();
        assert_eq!(
            join(&base, "oauth/token").as_str(),
            "https://zoom.us/oauth/token"
        );
    }

    #[test]
    fn a_practice_connection_never_falls_back_to_a_real_vendor() {
        let practice = Endpoints {
            practice: true,
            ..Endpoints::default()
        };
        assert_eq!(
            practice
                .token(Vendor::Zoom, "https://zoom.us")
                .unwrap_err()
                .1
                .code,
            "practice_endpoint_required"
        );
        assert_eq!(
            practice.validate(Vendor::Zoom, false).unwrap_err().0,
            "tokenBase",
            "the token host must be overridden"
        );
    }

    #[test]
    fn an_ordinary_connection_sends_credentials_only_to_vendor_hosts_or_confirmed_ones() {
        let proxy = Endpoints {
            token_base: Some("https://proxy.acme.example/zoom".into()),
            ..Default::default()
        };
        let (field, error) = proxy.validate(Vendor::Zoom, false).unwrap_err();
        assert_eq!((field, error.code), ("tokenBase", "endpoint_not_vendor"));
        assert_eq!(error.params["host"], "proxy.acme.example");

        let confirmed = Endpoints {
            confirmed_hosts: vec!["proxy.acme.example".into()],
            ..proxy
        };
        assert!(confirmed.validate(Vendor::Zoom, false).is_ok());
        assert!(confirmed.token(Vendor::Zoom, "https://zoom.us").is_ok());
    }

    #[test]
    fn a_host_the_vendor_hands_back_must_be_its_own() {
        let ordinary = Endpoints::default();
        let discovered = ordinary.api(Vendor::Cxone, Some("https://api-c32.nice-incontact.com"));
        assert!(discovered.is_ok(), "CXone's own API host");
        let (_, error) = ordinary
            .api(Vendor::Cxone, Some("https://api.attacker.example"))
            .unwrap_err();
        assert_eq!(error.code, "endpoint_not_vendor");
        let (_, error) = ordinary
            .api(Vendor::Salesforce, Some("https://acme.my.site.com"))
            .unwrap_err();
        assert_eq!(
            error.code, "endpoint_not_vendor",
            "an Experience Cloud site is not the API"
        );
    }
}
