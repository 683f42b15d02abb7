//! Deep links the app may open in the browser: https only, and only to vendor hosts.
//!
//! Links come from the step catalogue, some built from values the admin typed (a Salesforce My
//! Domain, a Genesys region). Checking the final URL here means a typo or a pasted phishing host
//! can never be opened from the app.

use url::Url;

use crate::error::{Error, Result};

/// Registrable domains of the four vendors (their consoles, marketplaces and help sites). A host
/// matches when it equals one of them or is a subdomain of one.
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
    "force.com",
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
    "zendesk.com",
];

/// Returns the URL when it may be opened, or [`Error::InvalidLink`].
pub fn check(candidate: &str) -> Result<Url> {
    let url = Url::parse(candidate).map_err(|_| Error::InvalidLink(candidate.to_owned()))?;
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let allowed = url.scheme() == "https"
        && url.username().is_empty()
        && url.password().is_none()
        && url.port().is_none()
        && VENDOR_DOMAINS
            .iter()
            .any(|domain| host == *domain || host.ends_with(&format!(".{domain}")));
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
        ] {
            let error = check(url).expect_err(url);
            assert_eq!(error.code(), crate::ErrorCode::InvalidLink, "{url}");
        }
    }
}
