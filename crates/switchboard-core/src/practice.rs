//! The practice tenant: a profile whose four connections point at the built-in vendor emulator
//! on 127.0.0.1, with the emulator's demo credentials filled in, so an admin can rehearse every
//! flow with nothing leaving the computer.
//!
//! The emulator announces itself as one JSON line (`{"endpoints": …, "credentials": …}`, the
//! same line its binary prints); this module reads that contract rather than depending on the
//! emulator crate, so the core stays free of a web server. Starting the emulator is the host's job.

use std::future::Future;
use std::pin::Pin;

use serde::{Deserialize, Serialize};
use serde_json::json;
use url::Url;

use crate::connection::{
    ConnectionSecrets, ConnectionSettings, CxoneCloud, CxoneSettings, Endpoints, GenesysSettings,
    SalesforceEnvironment, SalesforceSettings, Vendor, ZoomSettings,
};
use crate::error::{Error, Result};
use crate::locale::Locale;
use crate::secrets::Sensitive;
use crate::vendors::http::{Http, Request};

/// The host's way to the practice tenant: it starts the emulator (in process) or knows one that
/// runs already (the CLI's `practice attach`), and hands over its announcement line. The core
/// asks whenever it reads a practice profile's connections, so no vendor call can miss it.
pub trait PracticeResolver: Send + Sync {
    /// The running emulator's announcement line, starting the emulator first if need be.
    fn announcement(&self) -> Pin<Box<dyn Future<Output = Result<String>> + Send + '_>>;
}

/// A resolver from an async function that yields the announcement: how a host wraps the
/// emulator it starts on first use (`switchboard_emulator::OnDemand`).
pub struct Starter<F>(pub F);

impl<F, Fut> PracticeResolver for Starter<F>
where
    F: Fn() -> Fut + Send + Sync,
    Fut: Future<Output = Result<String>> + Send + 'static,
{
    fn announcement(&self) -> Pin<Box<dyn Future<Output = Result<String>> + Send + '_>> {
        Box::pin((self.0)())
    }
}

/// An emulator that runs already (started by a test, or by a script and attached with
/// `switchboard-cli practice attach`), known by its announcement line.
pub struct Attached(String);

impl Attached {
    pub fn new(announcement: impl Into<String>) -> Self {
        Attached(announcement.into())
    }
}

impl PracticeResolver for Attached {
    fn announcement(&self) -> Pin<Box<dyn Future<Output = Result<String>> + Send + '_>> {
        Box::pin(async move { Ok(self.0.clone()) })
    }
}

/// The name the practice profile is created with, in the admin's language (the UI marks it
/// with the practice banner anyway). A profile made earlier keeps the name it was stored with.
pub fn practice_profile_name(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "Practice tenant",
        Locale::Fr => "Locataire d'entraînement",
        Locale::Ja => "練習用テナント",
    }
}

/// Everything needed to (re)point a practice profile at a running emulator.
pub struct PracticeTenant {
    pub settings: Vec<ConnectionSettings>,
    /// The emulator's own control endpoints (`…/_emulator`), for what a vendor console would do
    /// by hand (creating presence statuses in Salesforce Setup).
    pub control: Option<String>,
    /// `(vendor, secret field, value)`: demo values, stored in the keychain like real ones.
    pub secrets: Vec<(Vendor, &'static str, Sensitive)>,
    /// Values the flows ask the admin to bring back from a vendor console, as the practice
    /// tenant knows them (its Zoom apps' credentials): `(field id, value, is a secret)`.
    pub flow_values: Vec<(&'static str, Sensitive, bool)>,
    /// The emulator's stand-in for Google's token endpoint (a service-account key is tested
    /// there, never at Google); `None` from emulators that have none.
    pub google_token: Option<Url>,
}

/// The flow fields the practice tenant can fill.
const FILLABLE: &[&str] = &[
    "zoom-account-id",
    "zoom-client-id",
    "zoom-client-secret",
    "zoom-secret-token",
    "zoom-ps-client-id",
    "zoom-ps-client-secret",
    "zoom-ps-secret-token",
];

/// Whether the practice tenant can fill the flow field `field_id`.
pub fn fills(field_id: &str) -> bool {
    FILLABLE.contains(&field_id)
}

#[derive(Deserialize, Serialize)]
struct Announcement {
    endpoints: AnnouncedEndpoints,
    credentials: AnnouncedCredentials,
}

#[derive(Deserialize, Serialize)]
struct AnnouncedEndpoints {
    #[serde(default)]
    control_base: Option<String>,
    zoom: Bases,
    cxone: CxoneBases,
    salesforce: SalesforceBases,
    genesys: GenesysBases,
    #[serde(default)]
    google: Option<GoogleBases>,
}

#[derive(Deserialize, Serialize)]
struct GoogleBases {
    token_uri: String,
}

#[derive(Deserialize, Serialize)]
struct Bases {
    token_base: String,
    api_base: String,
}

#[derive(Deserialize, Serialize)]
struct CxoneBases {
    auth_base: String,
    api_base: String,
}

#[derive(Deserialize, Serialize)]
struct SalesforceBases {
    login_base: String,
    instance_url: String,
    /// Announced but not needed (the client pins its own API version); declared so that
    /// attaching does not report it as ignored. Likewise every `_` field below.
    #[serde(default, rename = "api_version")]
    _api_version: Option<serde_json::Value>,
}

#[derive(Deserialize, Serialize)]
struct GenesysBases {
    org_region_domain: String,
    regions: Vec<GenesysRegion>,
}

#[derive(Deserialize, Serialize)]
struct GenesysRegion {
    domain: String,
    login_base: String,
    api_base: String,
    #[serde(default, rename = "region")]
    _region: Option<serde_json::Value>,
}

#[derive(Deserialize, Serialize)]
struct AnnouncedCredentials {
    zoom: ZoomCredentials,
    /// The second Zoom app (Presence Sync); older emulators announce only one.
    zoom_presence: Option<ZoomCredentials>,
    cxone: CxoneCredentials,
    salesforce: SalesforceCredentials,
    genesys: GenesysCredentials,
    /// The practice service account's key file, for a script to import; the core reads none
    /// of it (declared so that attaching does not report it as ignored).
    #[serde(default, rename = "google")]
    _google: Option<serde_json::Value>,
}

#[derive(Deserialize, Serialize)]
struct ZoomCredentials {
    account_id: String,
    client_id: String,
    client_secret: String,
}

#[derive(Deserialize, Serialize)]
struct CxoneCredentials {
    tenant_id: String,
    client_id: String,
    client_secret: String,
    access_key_id: String,
    access_key_secret: String,
}

#[derive(Deserialize, Serialize)]
struct SalesforceCredentials {
    username: String,
    password: String,
    security_token: String,
    consumer_key: String,
    consumer_secret: String,
}

#[derive(Deserialize, Serialize)]
struct GenesysCredentials {
    client_id: String,
    client_secret: String,
    #[serde(default, rename = "region_domain")]
    _region_domain: Option<serde_json::Value>,
}

fn practice(token_base: &str, api_base: &str) -> Endpoints {
    Endpoints {
        practice: true,
        token_base: Some(token_base.to_owned()),
        api_base: Some(api_base.to_owned()),
        ..Default::default()
    }
}

/// The keys of an announcement line this build does not read (a newer emulator's), by path:
/// attaching still works, but the admin is told what was left aside. Only key names, never the
/// values (the announcement carries the practice tenant's credentials).
pub fn ignored_announcement_keys(json: &str) -> Result<Vec<String>> {
    let corrupt = |e: serde_json::Error| Error::Corrupt(format!("emulator announcement: {e}"));
    let read: serde_json::Value = serde_json::from_str(json).map_err(corrupt)?;
    let announcement: Announcement = serde_json::from_value(read.clone()).map_err(corrupt)?;
    let known = serde_json::to_value(&announcement).map_err(corrupt)?;
    Ok(crate::unknown_keys::unknown_keys(&read, &known))
}

impl PracticeTenant {
    /// Reads the emulator's announcement line.
    pub fn from_announcement(json: &str) -> Result<PracticeTenant> {
        let a: Announcement = serde_json::from_str(json)
            .map_err(|e| Error::Corrupt(format!("emulator announcement: {e}")))?;
        let e = a.endpoints;
        let c = a.credentials;
        let genesys = e
            .genesys
            .regions
            .iter()
            .find(|r| r.domain == e.genesys.org_region_domain)
            .ok_or_else(|| Error::Corrupt("emulator announced no hosts for its org".into()))?;
        let flow_values = zoom_flow_values(&c.zoom, c.zoom_presence.as_ref());
        let settings = vec![
            ConnectionSettings::Zoom(ZoomSettings {
                account_id: c.zoom.account_id,
                client_id: c.zoom.client_id,
                // The core's Zoom API base is the host (it appends `/v2/...` itself, as for
                // `https://api.zoom.us`); the emulator announces the versioned base.
                endpoints: practice(&e.zoom.token_base, e.zoom.api_base.trim_end_matches("/v2")),
            }),
            ConnectionSettings::Cxone(CxoneSettings {
                access_key_id: c.cxone.access_key_id,
                client_id: c.cxone.client_id,
                cloud: CxoneCloud::Commercial,
                area: None,
                tenant_id: Some(c.cxone.tenant_id),
                endpoints: practice(&e.cxone.auth_base, &e.cxone.api_base),
            }),
            ConnectionSettings::Salesforce(SalesforceSettings {
                environment: SalesforceEnvironment::Production,
                my_domain_host: None,
                username: c.salesforce.username,
                consumer_key: c.salesforce.consumer_key,
                endpoints: practice(&e.salesforce.login_base, &e.salesforce.instance_url),
            }),
            ConnectionSettings::Genesys(GenesysSettings {
                region: e.genesys.org_region_domain.clone(),
                client_id: c.genesys.client_id,
                endpoints: practice(&genesys.login_base, &genesys.api_base),
            }),
        ];
        let secrets = vec![
            (
                Vendor::Zoom,
                "client-secret",
                Sensitive::new(c.zoom.client_secret),
            ),
            (
                Vendor::Cxone,
                "access-key-secret",
                Sensitive::new(c.cxone.access_key_secret),
            ),
            (
                Vendor::Cxone,
                "client-secret",
                Sensitive::new(c.cxone.client_secret),
            ),
            (
                Vendor::Salesforce,
                "consumer-secret",
                Sensitive::new(c.salesforce.consumer_secret),
            ),
            (
                Vendor::Salesforce,
                "password",
                Sensitive::new(c.salesforce.password),
            ),
            (
                Vendor::Salesforce,
                "security-token",
                Sensitive::new(c.salesforce.security_token),
            ),
            (
                Vendor::Genesys,
                "client-secret",
                Sensitive::new(c.genesys.client_secret),
            ),
        ];
        // Like every practice endpoint, it must stay on this computer.
        let google_token = e
            .google
            .map(|g| crate::connection::check_endpoint(&g.token_uri, true))
            .transpose()
            .map_err(|e| Error::Corrupt(format!("emulator announcement: google {}", e.code)))?;
        Ok(PracticeTenant {
            google_token,
            control: e.control_base,
            settings,
            secrets,
            flow_values,
        })
    }
}

impl PracticeTenant {
    /// One vendor's connection as the tenant announces it: its settings and its secrets (for
    /// tests, benchmarks and scripts that open a vendor session directly).
    pub fn connection(&self, vendor: Vendor) -> Option<(ConnectionSettings, ConnectionSecrets)> {
        let settings = self.settings.iter().find(|s| s.vendor() == vendor)?.clone();
        let mut secrets = ConnectionSecrets::default();
        for (of, field, value) in &self.secrets {
            if *of == vendor {
                secrets.insert(field, value.clone());
            }
        }
        Some((settings, secrets))
    }

    /// Creates presence statuses in the practice org, standing in for Salesforce Setup (which
    /// the emulator has no page for); one that exists already is left as it is.
    pub async fn add_presence_statuses(&self, statuses: &[(String, String)]) -> Result<()> {
        let control = self
            .control
            .as_deref()
            .ok_or_else(|| Error::not_found("the practice tenant's control endpoint"))?;
        let url = Url::parse(&format!("{control}/presence-statuses"))
            .map_err(|e| Error::Corrupt(format!("emulator control endpoint: {e}")))?;
        let http = Http::for_connection(true)?;
        for (developer_name, label) in statuses {
            let body = json!({ "developerName": developer_name, "label": label });
            let reply = http
                .send(&Request::post_json(url.clone(), body))
                .await
                .map_err(Error::emulator)?;
            if !reply.is_success() {
                let status = reply.status;
                return Err(Error::emulator(format!(
                    "presence status refused with HTTP {status}"
                )));
            }
        }
        Ok(())
    }
}

/// The Zoom apps' values as flow 1 asks for them. The emulator does not check webhook secret
/// tokens, so fixed ones stand in for what Zoom would generate.
fn zoom_flow_values(
    directory: &ZoomCredentials,
    presence: Option<&ZoomCredentials>,
) -> Vec<(&'static str, Sensitive, bool)> {
    let value = |v: &str| Sensitive::new(v.to_owned());
    let mut out = vec![
        ("zoom-account-id", value(&directory.account_id), false),
        ("zoom-client-id", value(&directory.client_id), false),
        ("zoom-client-secret", value(&directory.client_secret), true),
        (
            "zoom-secret-token",
            value("practice-directory-sync-token"),
            true,
        ),
        (
            "zoom-ps-secret-token",
            value("practice-presence-sync-token"),
            true,
        ),
    ];
    if let Some(p) = presence {
        out.push(("zoom-ps-client-id", value(&p.client_id), false));
        out.push(("zoom-ps-client-secret", value(&p.client_secret), true));
    }
    out
}
