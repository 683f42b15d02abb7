//! Deep links the app may open in the browser: https only, and only to vendor hosts.
//!
//! Links come from the step catalogue, some built from values the admin typed (a Salesforce My
//! Domain, a Genesys region). Checking the final URL here means a typo or a pasted phishing host
//! can never be opened from the app.

use url::Url;

use crate::error::{Error, Result};

/// Zones of the four vendors (their consoles, marketplaces and help sites) in which every host is
/// the vendor's own page. A host matches when it equals one of them or is a subdomain of one.
/// Zones where anyone can get a subdomain that serves their own pages (Salesforce Sites and
/// Experience Cloud on `force.com` / `site.com`, every Zendesk customer's `*.zendesk.com`) are
/// not here: only their documented hosts, in [`VENDOR_HOSTS`] or as a narrower zone.
pub const VENDOR_DOMAINS: &[&str] = &[
    // Zoom
    "zoom.us",
    "zoom.com",
    // NICE CXone
    "niceincontact.com",
    "nice-incontact.com",
    "incontact.com",
    "nicecxone.com",
    "cxone.com",
    "nice.com",
    // Salesforce
    "salesforce.com",
    "lightning.force.com",
    "salesforce-setup.com",
    "trailhead.com",
    // Genesys Cloud (region domains and help)
    "mypurecloud.com",
    "mypurecloud.ie",
    "mypurecloud.de",
    "mypurecloud.jp",
    "mypurecloud.com.au",
    "pure.cloud",
    "us-gov-pure.cloud",
    "eusc-pure.cloud",
    "genesys.com",
    "genesys.cloud",
    // Consoles the Genesys data-action integrations point at
    "aws.amazon.com",
    "console.cloud.google.com",
    "portal.azure.com",
    "entra.microsoft.com",
    "learn.microsoft.com",
];

/// Single hosts trusted where their zone as a whole is not.
pub const VENDOR_HOSTS: &[&str] = &["support.zendesk.com", "developer.zendesk.com"];

/// Returns the URL when it may be opened, or [`Error::InvalidLink`].
pub fn check(candidate: &str) -> Result<Url> {
    let url = Url::parse(candidate).map_err(|_| Error::InvalidLink(candidate.to_owned()))?;
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let allowed = url.scheme() == "https"
        && url.username().is_empty()
        && url.password().is_none()
        && url.port().is_none()
        && (VENDOR_HOSTS.contains(&host.as_str())
            || VENDOR_DOMAINS
                .iter()
                .any(|domain| host == *domain || host.ends_with(&format!(".{domain}"))));
    if allowed {
        Ok(url)
    } else {
        Err(Error::InvalidLink(candidate.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_https_pages_are_allowed() {
        for url in [
            "https://marketplace.zoom.us/develop/create",
            "https://acme.my.salesforce.com/lightning/setup/ServicePresenceStatus/home",
            "https://apps.mypurecloud.jp/directory/#/admin/integrations",
            "https://help.nice-incontact.com/content/acd/addressbooks.htm",
            "https://acme.lightning.force.com/lightning/setup/CallCenters/home",
            "https://support.zendesk.com/hc/en-us/articles/4408889192858",
        ] {
            assert!(check(url).is_ok(), "{url} should be allowed");
        }
    }

    #[test]
    fn other_schemes_hosts_and_lookalikes_are_refused() {
        for url in [
            "http://marketplace.zoom.us/",
            "https://zoom.us.evil.example/",
            "https://evilzoom.us/",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://user@marketplace.zoom.us/",
            "https://marketplace.zoom.us:8443/",
            "not a url",
            // anyone can publish pages under these zones
            "https://phish.force.com/login",
            "https://phish.my.site.com/login",
            "https://acme.zendesk.com/hc",
        ] {
            let error = check(url).expect_err(url);
            assert_eq!(error.code(), crate::ErrorCode::InvalidLink, "{url}");
        }
    }
}
