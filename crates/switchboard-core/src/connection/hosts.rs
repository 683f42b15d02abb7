//! Which hosts are a vendor's own: where a connection sends its credentials without asking.
//! Anything else (a proxy, a test host) must be confirmed by the admin, remembered on the
//! connection and shown on it; a host the vendor hands back at run time (CXone's API host,
//! Salesforce's instance) that is neither is refused as untrusted.

use crate::validate::GENESYS_REGIONS;
use crate::vendor::Vendor;

/// Each vendor's documented zones: a host is the vendor's when it is one of them or under one.
fn zones(vendor: Vendor) -> &'static [&'static str] {
    match vendor {
        // zoom.us (OAuth, API, vanity hosts), zoom.com, ZoomGov.
        Vendor::Zoom => &["zoom.us", "zoom.com", "zoomgov.com"],
        // cxone(-gov).niceincontact.com, api-<area>.niceincontact.com, and the newer names.
        Vendor::Cxone => &[
            "niceincontact.com",
            "nice-incontact.com",
            "incontact.com",
            "nicecxone.com",
            "nicecxone-gov.com",
        ],
        // login / test, My Domain (sandbox and Hyperforce included), legacy pod instances,
        // Government Cloud. Sites and Experience Cloud (force.com, site.com) are not.
        Vendor::Salesforce => &["salesforce.com", "salesforce.mil"],
        // login.<region> and api.<region> of every Genesys Cloud region.
        Vendor::Genesys => GENESYS_REGIONS,
    }
}

/// Whether `host` (lower case, no port) is one of `vendor`'s own hosts.
pub fn is_vendor_host(vendor: Vendor, host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    zones(vendor)
        .iter()
        .any(|zone| host == *zone || host.ends_with(&format!(".{zone}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_vendors_documented_hosts_are_its_own() {
        for (vendor, host) in [
            (Vendor::Zoom, "zoom.us"),
            (Vendor::Zoom, "api.zoom.us"),
            (Vendor::Zoom, "api.zoomgov.com"),
            (Vendor::Cxone, "cxone.niceincontact.com"),
            (Vendor::Cxone, "cxone-gov.niceincontact.com"),
            (Vendor::Cxone, "api-c32.nice-incontact.com"),
            (Vendor::Salesforce, "login.salesforce.com"),
            (Vendor::Salesforce, "acme--uat.sandbox.my.salesforce.com"),
            (Vendor::Salesforce, "na123.salesforce.com"),
            (Vendor::Genesys, "login.mypurecloud.jp"),
            (Vendor::Genesys, "api.euw2.pure.cloud"),
        ] {
            assert!(is_vendor_host(vendor, host), "{host} is {vendor}'s");
        }
    }

    #[test]
    fn lookalikes_other_vendors_and_open_zones_are_not() {
        for (vendor, host) in [
            (Vendor::Zoom, "zoom.us.evil.example"),
            (Vendor::Zoom, "evilzoom.us"),
            (Vendor::Zoom, "api.salesforce.com"),
            (Vendor::Salesforce, "acme.my.site.com"),
            (Vendor::Salesforce, "phish.force.com"),
            (Vendor::Salesforce, "salesforce.com.evil.example"),
            (Vendor::Cxone, "proxy.acme.example"),
            (Vendor::Genesys, "login.pure.cloud.evil.example"),
        ] {
            assert!(!is_vendor_host(vendor, host), "{host} is not {vendor}'s");
        }
    }
}
