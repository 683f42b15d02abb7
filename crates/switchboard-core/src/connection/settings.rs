//! Each vendor's connection settings: never a secret (those are in `secrets`).

use serde::{Deserialize, Serialize};

use super::endpoint::Endpoints;
use crate::error::Error;
use crate::validate::{self, FieldError, Rule};
use crate::vendor::Vendor;
use ts_rs::TS;

/// A connection's non-secret settings, tagged by vendor:
/// `{"vendor": "zoom", "accountId": …, "clientId": …, "practice": false,
/// "tokenBase"?: …, "apiBase"?: …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "vendor", rename_all = "snake_case")]
pub enum ConnectionSettings {
    Zoom(ZoomSettings),
    Cxone(CxoneSettings),
    Salesforce(SalesforceSettings),
    Genesys(GenesysSettings),
}

/// A Zoom Server-to-Server OAuth app. Secret: `client-secret`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZoomSettings {
    pub account_id: String,
    pub client_id: String,
    #[serde(flatten)]
    pub endpoints: Endpoints,
}

/// Which CXone cloud issues the tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CxoneCloud {
    #[default]
    Commercial,
    UsGov,
}

/// A CXone tenant reached with an access key and a NICE-registered API client. Secrets:
/// `access-key-secret`, `client-secret`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CxoneSettings {
    pub access_key_id: String,
    pub client_id: String,
    #[serde(default)]
    pub cloud: CxoneCloud,
    /// The tenant's area (`na1`, `eu1`, `au1` …), checked against discovery when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The tenant ID (UUID); read from CXone's token when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    #[serde(flatten)]
    pub endpoints: Endpoints,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SalesforceEnvironment {
    /// login.salesforce.com
    Production,
    /// test.salesforce.com
    Sandbox,
    /// Hyperforce orgs log in on their My Domain (no separate Hyperforce login host is known).
    Hyperforce,
    /// The org's own My Domain host.
    MyDomain,
}

/// A Salesforce org reached through a connected app (username-password flow). Secrets:
/// `consumer-secret`, `password`, `security-token` (optional; appended to the password by the
/// app, never by the user).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SalesforceSettings {
    pub environment: SalesforceEnvironment,
    /// Required for `my_domain` and `hyperforce`, e.g. `acme.my.salesforce.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_domain_host: Option<String>,
    pub username: String,
    pub consumer_key: String,
    #[serde(flatten)]
    pub endpoints: Endpoints,
}

/// A Genesys Cloud org reached with a client-credentials OAuth client. Secret: `client-secret`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GenesysSettings {
    /// The region domain, e.g. `mypurecloud.de` (login on `login.<domain>`, API on `api.<domain>`).
    pub region: String,
    pub client_id: String,
    #[serde(flatten)]
    pub endpoints: Endpoints,
}

impl ConnectionSettings {
    pub fn vendor(&self) -> Vendor {
        match self {
            ConnectionSettings::Zoom(_) => Vendor::Zoom,
            ConnectionSettings::Cxone(_) => Vendor::Cxone,
            ConnectionSettings::Salesforce(_) => Vendor::Salesforce,
            ConnectionSettings::Genesys(_) => Vendor::Genesys,
        }
    }

    pub fn endpoints(&self) -> &Endpoints {
        match self {
            ConnectionSettings::Zoom(s) => &s.endpoints,
            ConnectionSettings::Cxone(s) => &s.endpoints,
            ConnectionSettings::Salesforce(s) => &s.endpoints,
            ConnectionSettings::Genesys(s) => &s.endpoints,
        }
    }

    /// The same settings with the practice flag the profile decides: only the practice
    /// profile's connections may use plain http (to loopback), whatever was stored or sent.
    pub fn for_profile(mut self, practice: bool) -> Self {
        match &mut self {
            ConnectionSettings::Zoom(s) => s.endpoints.practice = practice,
            ConnectionSettings::Cxone(s) => s.endpoints.practice = practice,
            ConnectionSettings::Salesforce(s) => s.endpoints.practice = practice,
            ConnectionSettings::Genesys(s) => s.endpoints.practice = practice,
        }
        self
    }

    /// The stored form: trimmed, hosts lower-cased without scheme or path.
    pub fn normalized(mut self) -> Self {
        let trim = |s: &mut String| *s = s.trim().to_owned();
        match &mut self {
            ConnectionSettings::Zoom(s) => {
                trim(&mut s.account_id);
                trim(&mut s.client_id);
            }
            ConnectionSettings::Cxone(s) => {
                trim(&mut s.access_key_id);
                trim(&mut s.client_id);
                s.area = s.area.take().map(|a| a.trim().to_ascii_lowercase());
                s.area = s.area.take().filter(|a| !a.is_empty());
                s.tenant_id = s.tenant_id.take().map(|t| t.trim().to_ascii_lowercase());
                s.tenant_id = s.tenant_id.take().filter(|t| !t.is_empty());
            }
            ConnectionSettings::Salesforce(s) => {
                trim(&mut s.username);
                trim(&mut s.consumer_key);
                s.my_domain_host = s
                    .my_domain_host
                    .take()
                    .map(|h| validate::normalize(Rule::SalesforceHost, &h))
                    .filter(|h| !h.is_empty());
            }
            ConnectionSettings::Genesys(s) => {
                s.region = validate::normalize(Rule::GenesysRegion, &s.region);
                trim(&mut s.client_id);
            }
        }
        self
    }

    /// Checks every field; the error names the field (as in the JSON) and the failed rule.
    pub fn validate(&self) -> Result<(), Error> {
        self.field_error()
            .map_or(Ok(()), |(field, e)| Err(Error::invalid(field, e)))
    }

    pub(crate) fn field_error(&self) -> Option<(&'static str, FieldError)> {
        match self {
            ConnectionSettings::Zoom(s) => s.field_error(),
            ConnectionSettings::Cxone(s) => s.field_error(),
            ConnectionSettings::Salesforce(s) => s.field_error(),
            ConnectionSettings::Genesys(s) => s.field_error(),
        }
    }
}

type FieldProblem = Option<(&'static str, FieldError)>;

fn rule(field: &'static str, rule: Rule, value: &str) -> FieldProblem {
    validate::check(rule, value, true, &[]).map(|e| (field, e))
}

impl ZoomSettings {
    pub(crate) fn field_error(&self) -> FieldProblem {
        rule("accountId", Rule::ZoomAccountId, &self.account_id)
            .or_else(|| rule("clientId", Rule::ZoomClientId, &self.client_id))
            .or_else(|| self.endpoints.validate(Vendor::Zoom, true).err())
    }
}

impl CxoneSettings {
    pub(crate) fn field_error(&self) -> FieldProblem {
        rule("accessKeyId", Rule::Text, &self.access_key_id)
            .or_else(|| rule("clientId", Rule::Text, &self.client_id))
            .or_else(|| {
                let area = self.area.as_deref()?;
                let ok = (2..=8).contains(&area.len())
                    && area.chars().all(|c| c.is_ascii_alphanumeric());
                (!ok).then(|| ("area", FieldError::new("cxone_area")))
            })
            .or_else(|| rule("tenantId", Rule::Uuid, self.tenant_id.as_deref()?))
            // The API host is discovered, so a practice connection overrides the token host only.
            .or_else(|| self.endpoints.validate(Vendor::Cxone, false).err())
    }
}

impl SalesforceSettings {
    pub(crate) fn field_error(&self) -> FieldProblem {
        rule("username", Rule::Email, &self.username)
            .or_else(|| rule("consumerKey", Rule::Text, &self.consumer_key))
            .or_else(
                || match (self.environment, self.my_domain_host.as_deref()) {
                    (SalesforceEnvironment::MyDomain | SalesforceEnvironment::Hyperforce, None) => {
                        Some(("myDomainHost", FieldError::new("required")))
                    }
                    (_, Some(host)) => rule("myDomainHost", Rule::SalesforceHost, host),
                    _ => None,
                },
            )
            // The API host is the token's `instance_url`.
            .or_else(|| self.endpoints.validate(Vendor::Salesforce, false).err())
    }
}

impl GenesysSettings {
    pub(crate) fn field_error(&self) -> FieldProblem {
        rule("region", Rule::GenesysRegion, &self.region)
            .or_else(|| rule("clientId", Rule::Text, &self.client_id))
            .or_else(|| self.endpoints.validate(Vendor::Genesys, true).err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_serialize_flat_with_the_vendor_tag() {
        let settings = ConnectionSettings::Zoom(ZoomSettings {
            account_id: "xYz12AbCdEfGhIjKlMnOpQ".into(),
            client_id: "aBcDeFgHiJkLmNoPqR".into(),
            endpoints: Endpoints {
                practice: true,
                token_base: Some("http://127.0.0.1:4010".into()),
                api_base: Some("http://127.0.0.1:4010".into()),
                ..Default::default()
            },
        });
        let json = serde_json::to_value(&settings).unwrap();
        assert_eq!(json["vendor"], "zoom");
        assert_eq!(json["accountId"], "xYz12AbCdEfGhIjKlMnOpQ");
        assert_eq!(json["tokenBase"], "http://127.0.0.1:4010");
        let back: ConnectionSettings = serde_json::from_value(json).unwrap();
        assert_eq!(back, settings);
    }

    #[test]
    fn my_domain_and_hyperforce_need_the_org_host() {
        let settings = ConnectionSettings::Salesforce(SalesforceSettings {
            environment: SalesforceEnvironment::Hyperforce,
            my_domain_host: None,
            username: "admin@acme.example".into(),
            consumer_key: "3MVG9".into(),
            endpoints: Endpoints::default(),
        });
        assert_eq!(settings.field_error().unwrap().0, "myDomainHost");
    }
}
