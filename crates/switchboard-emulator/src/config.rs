//! What an emulator run is started with (`EmulatorConfig`) and what it tells its clients: the base
//! URL of every vendor host (`Endpoints`) and the demo tenant's credentials (`DemoCredentials`).

use std::net::{Ipv4Addr, SocketAddr};

use serde::{Deserialize, Serialize};

use crate::faults::FaultPlan;
use crate::seed::Rng;

/// How an emulator run starts. `Default` binds `127.0.0.1:0` (a free port) with the standard
/// demo tenant and no faults.
#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    /// Must be a loopback address: the emulator refuses to listen anywhere else.
    pub bind: SocketAddr,
    /// Seeds the demo tenant and its credentials: the same seed gives the same tenant.
    pub seed: u64,
    pub size: TenantSize,
    /// Faults in force from the first request; change them later through `RunningEmulator::faults`.
    pub faults: FaultPlan,
    /// Genesys region domain where the demo org lives, e.g. `mypurecloud.com` or `mypurecloud.jp`.
    /// The other regions answer too, but do not know the org's OAuth client.
    pub genesys_region: String,
    /// Genesys' per-token limit without any fault set: 300 requests a minute by default
    /// (`client.credentials.token.rate.per.minute`, vendor-apis.md §4.2), answered with 429
    /// `too.many.requests` and `Retry-After` in seconds. `None` turns it off. A rate limit set
    /// in the fault plan for Genesys replaces it.
    pub genesys_token_rate_per_minute: Option<u32>,
    /// How long a Genesys integration reports `ACTIVATING` / `DEACTIVATING` after a `PATCH` of
    /// its `intendedState`, before `ACTIVE` (or `ERROR`) / `INACTIVE`.
    pub genesys_state_delay_ms: u64,
}

/// Genesys' default `client.credentials.token.rate.per.minute`.
pub const GENESYS_TOKEN_RATE_PER_MINUTE: u32 = 300;

/// Default of `EmulatorConfig::genesys_state_delay_ms`: short enough for tests, long enough that
/// a client which does not wait for `ACTIVE` (the premium app waits about 3 s) is caught.
pub const GENESYS_STATE_DELAY_MS: u64 = 1_500;

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            seed: 20_261_123,
            size: TenantSize::default(),
            faults: FaultPlan::default(),
            genesys_region: "mypurecloud.com".to_owned(),
            genesys_token_rate_per_minute: Some(GENESYS_TOKEN_RATE_PER_MINUTE),
            genesys_state_delay_ms: GENESYS_STATE_DELAY_MS,
        }
    }
}

/// The size knob: a few hundred Zoom users for demos, tens of thousands for benchmarks. The other
/// vendors' directories scale from it (CXone agents and Salesforce users are a share of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantSize {
    pub zoom_users: usize,
}

impl Default for TenantSize {
    fn default() -> Self {
        Self { zoom_users: 300 }
    }
}

/// Base URLs a client takes instead of the vendor's real hosts. Each is used exactly as the
/// vendor documents its host: e.g. `POST {zoom.token_base}/oauth/token`,
/// `GET {zoom.api_base}/users`, `POST {genesys login_base}/oauth/token`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoints {
    pub zoom: ZoomEndpoints,
    pub cxone: CxoneEndpoints,
    pub salesforce: SalesforceEndpoints,
    pub genesys: GenesysEndpoints,
    /// Stands for Google's OAuth token endpoint (service-account keys).
    pub google: GoogleEndpoints,
    /// `GET`/`PUT {control_base}/faults` and `POST {control_base}/expire-tokens`: the same fault
    /// controls as `FaultHandle`, for a process that runs the binary.
    pub control_base: String,
}

/// Stands for `https://oauth2.googleapis.com/token`, a service-account key's `token_uri`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoogleEndpoints {
    pub token_uri: String,
}

/// Stands for `https://zoom.us` (token) and `https://api.zoom.us/v2` (REST).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoomEndpoints {
    pub token_base: String,
    pub api_base: String,
}

/// Stands for `https://cxone.niceincontact.com` (token and discovery) and the tenant's
/// `api_endpoint` (e.g. `https://api-na1.niceincontact.com`), which discovery also returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CxoneEndpoints {
    pub auth_base: String,
    pub api_base: String,
}

/// Stands for `https://login.salesforce.com` and the org's `instance_url` (the token response
/// returns the same `instance_url`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesforceEndpoints {
    pub login_base: String,
    pub instance_url: String,
    /// Latest API version served, as in `/services/data/v67.0/...`.
    pub api_version: String,
}

/// Genesys Cloud hosts per region: `login_base` stands for `https://login.{domain}`, `api_base`
/// for `https://api.{domain}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenesysEndpoints {
    /// Region domain of the demo org.
    pub org_region_domain: String,
    pub regions: Vec<GenesysRegion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenesysRegion {
    pub region: String,
    pub domain: String,
    pub login_base: String,
    pub api_base: String,
}

impl GenesysEndpoints {
    /// The hosts of one region domain, e.g. `mypurecloud.ie`.
    pub fn region(&self, domain: &str) -> Option<&GenesysRegion> {
        self.regions.iter().find(|r| r.domain == domain)
    }

    /// The hosts of the demo org's region.
    pub fn org_region(&self) -> &GenesysRegion {
        self.region(&self.org_region_domain)
            .unwrap_or_else(|| &self.regions[0])
    }
}

/// Genesys Cloud regions and their domains (Terraform provider `getRegionMap`, vendor-apis.md §4.1).
pub const GENESYS_REGIONS: &[(&str, &str)] = &[
    ("us-east-1", "mypurecloud.com"),
    ("us-east-2", "use2.us-gov-pure.cloud"),
    ("us-west-2", "usw2.pure.cloud"),
    ("ca-central-1", "cac1.pure.cloud"),
    ("sa-east-1", "sae1.pure.cloud"),
    ("mx-central-1", "mxc1.pure.cloud"),
    ("eu-west-1", "mypurecloud.ie"),
    ("eu-west-2", "euw2.pure.cloud"),
    ("eu-central-1", "mypurecloud.de"),
    ("eu-central-2", "euc2.pure.cloud"),
    ("eusc-de-east-1", "edee1.eusc-pure.cloud"),
    ("me-central-1", "mec1.pure.cloud"),
    ("ap-south-1", "aps1.pure.cloud"),
    ("ap-southeast-1", "apse1.pure.cloud"),
    ("ap-southeast-2", "mypurecloud.com.au"),
    ("ap-northeast-1", "mypurecloud.jp"),
    ("ap-northeast-2", "apne2.pure.cloud"),
    ("ap-northeast-3", "apne3.pure.cloud"),
];

impl Endpoints {
    pub(crate) fn under(base: &str, genesys_region: &str) -> Self {
        let regions = GENESYS_REGIONS
            .iter()
            .map(|(region, domain)| GenesysRegion {
                region: (*region).to_owned(),
                domain: (*domain).to_owned(),
                login_base: format!("{base}/genesys/{domain}/login"),
                api_base: format!("{base}/genesys/{domain}/api"),
            })
            .collect();
        Self {
            zoom: ZoomEndpoints {
                token_base: format!("{base}/zoom-oauth"),
                api_base: format!("{base}/zoom-api/v2"),
            },
            cxone: CxoneEndpoints {
                auth_base: format!("{base}/cxone-auth"),
                api_base: format!("{base}/cxone-api"),
            },
            salesforce: SalesforceEndpoints {
                login_base: format!("{base}/salesforce-login"),
                instance_url: format!("{base}/salesforce-instance"),
                api_version: crate::salesforce::LATEST_VERSION.to_owned(),
            },
            genesys: GenesysEndpoints {
                org_region_domain: genesys_region.to_owned(),
                regions,
            },
            google: GoogleEndpoints {
                token_uri: format!("{base}/google-oauth2/token"),
            },
            control_base: format!("{base}/_emulator"),
        }
    }
}

/// The demo tenant's credentials, as an admin would paste them into Switchboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoCredentials {
    pub zoom: ZoomCredentials,
    pub cxone: CxoneCredentials,
    pub salesforce: SalesforceCredentials,
    pub genesys: GenesysCredentials,
    /// A second Server-to-Server app on the same account, for Presence Sync (NICE asks for one
    /// app per integration): same account id, its own client id and secret.
    pub zoom_presence: ZoomCredentials,
    /// The practice Google service account's key file (a fixed test key, not a secret).
    pub google: crate::google::GoogleServiceAccount,
}

/// A Zoom Server-to-Server OAuth app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoomCredentials {
    pub account_id: String,
    pub client_id: String,
    pub client_secret: String,
}

/// A CXone access key plus the NICE-issued API client it is used with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CxoneCredentials {
    pub tenant_id: String,
    pub client_id: String,
    pub client_secret: String,
    pub access_key_id: String,
    pub access_key_secret: String,
}

/// A Salesforce integration user and the connected app it logs in through.
/// The token request's `password` is `password` followed by `security_token`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesforceCredentials {
    pub username: String,
    pub password: String,
    pub security_token: String,
    pub consumer_key: String,
    pub consumer_secret: String,
}

/// A Genesys Cloud OAuth client with the Client Credentials grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenesysCredentials {
    pub region_domain: String,
    pub client_id: String,
    pub client_secret: String,
}

impl DemoCredentials {
    /// Same seed, same credentials: a test can hard-code nothing and still reproduce a run.
    pub(crate) fn from_seed(seed: u64, genesys_region: &str) -> Self {
        let mut rng = Rng::new(seed).derive("credentials");
        let zoom = ZoomCredentials {
            account_id: rng.alnum(22),
            client_id: rng.alnum(22),
            client_secret: rng.alnum(32),
        };
        // Drawn after the others, so their credentials stay what they were for a seed.
        let mut presence = Rng::new(seed).derive("credentials-zoom-presence");
        Self {
            zoom_presence: ZoomCredentials {
                account_id: zoom.account_id.clone(),
                client_id: presence.alnum(22),
                client_secret: presence.alnum(32),
            },
            zoom,
            cxone: CxoneCredentials {
                tenant_id: rng.uuid(),
                client_id: format!("switchboard-demo@{}", rng.alnum(8).to_lowercase()),
                client_secret: rng.alnum(40),
                // CXone access key ids are long base32-like strings; secrets may contain '='.
                access_key_id: rng.upper_alnum(52),
                access_key_secret: format!("{}=", rng.upper_alnum(51)),
            },
            salesforce: SalesforceCredentials {
                username: "integration@switchboard-demo.example".to_owned(),
                password: format!("Demo-{}", rng.alnum(10)),
                security_token: rng.alnum(24),
                consumer_key: format!("3MVG9{}", rng.alnum(80)),
                consumer_secret: rng.digits(64),
            },
            genesys: GenesysCredentials {
                region_domain: genesys_region.to_owned(),
                client_id: rng.uuid(),
                client_secret: rng.token_chars(43),
            },
            google: crate::google::GoogleServiceAccount::practice(),
        }
    }
}
