//! What the Genesys Cloud integrations API answers, read leniently from the wire: integration
//! types (with their credential slots and `maxInstances`), credential types, integrations and
//! their versioned configuration, credentials (never their secret fields), and the data-action
//! client certificates.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use ts_rs::TS;

fn text(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// One credential slot of an integration type: the key the configuration names it by, and the
/// credential types that may fill it (the two names differ: key `salesforceUser`, type
/// `salesforce`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialSlot {
    pub key: String,
    pub required: bool,
    pub credential_types: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationType {
    pub id: String,
    pub name: String,
    pub description: String,
    pub slots: Vec<CredentialSlot>,
    /// How many integrations of this type an org may have; `None` when Genesys does not say.
    pub max_instances: Option<u32>,
    pub non_installable: bool,
}

impl IntegrationType {
    pub fn from_wire(value: &Value) -> Option<Self> {
        let id = value.get("id")?.as_str()?.to_owned();
        let mut slots: Vec<CredentialSlot> = value
            .get("credentials")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(key, slot)| CredentialSlot {
                key: key.clone(),
                required: slot
                    .get("required")
                    .and_then(Value::as_bool)
                    .unwrap_or(true),
                credential_types: slot
                    .get("credentialTypes")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect(),
            })
            .collect();
        slots.sort_by(|a, b| a.key.cmp(&b.key));
        Some(IntegrationType {
            name: text(value, "name"),
            description: text(value, "description"),
            slots,
            max_instances: value
                .get("maxInstances")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok()),
            non_installable: value
                .get("nonInstallable")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            id,
        })
    }
}

/// A credential type and the fields it asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialType {
    pub name: String,
    pub fields: Vec<String>,
    pub required: Vec<String>,
}

impl CredentialType {
    pub fn from_wire(value: &Value) -> Option<Self> {
        let name = value
            .get("name")
            .or_else(|| value.get("id"))?
            .as_str()?
            .to_owned();
        let strings = |key: &str| -> Vec<String> {
            value
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        };
        let mut fields = strings("displayOrder");
        if let Some(properties) = value.get("properties").and_then(Value::as_object) {
            for key in properties.keys() {
                if !fields.contains(key) {
                    fields.push(key.clone());
                }
            }
        }
        Some(CredentialType {
            name,
            fields,
            required: strings("required"),
        })
    }
}

/// `reportedState.code`: what Genesys says the integration is doing, as opposed to what it was
/// asked (`intendedState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ReportedState {
    Active,
    Activating,
    Inactive,
    Deactivating,
    Error,
    Unknown,
}

impl ReportedState {
    fn from_code(code: &str) -> Self {
        match code.to_ascii_uppercase().as_str() {
            "ACTIVE" => Self::Active,
            "ACTIVATING" => Self::Activating,
            "INACTIVE" => Self::Inactive,
            "DEACTIVATING" => Self::Deactivating,
            "ERROR" => Self::Error,
            _ => Self::Unknown,
        }
    }

    /// The wire code (`ACTIVE`, `ACTIVATING` …), as Genesys spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::Activating => "ACTIVATING",
            Self::Inactive => "INACTIVE",
            Self::Deactivating => "DEACTIVATING",
            Self::Error => "ERROR",
            Self::Unknown => "UNKNOWN",
        }
    }

    /// Still on its way to where it was asked to go.
    pub fn is_moving(self) -> bool {
        matches!(self, Self::Activating | Self::Deactivating)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Integration {
    pub id: String,
    pub name: String,
    pub type_id: String,
    pub enabled: bool,
    pub reported: ReportedState,
    /// Genesys' explanation when the state is `ERROR`.
    pub detail: Option<String>,
}

impl Integration {
    pub fn from_wire(value: &Value) -> Option<Self> {
        let reported = value.get("reportedState");
        let name = value
            .pointer("/config/current/name")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| text(value, "name"));
        Some(Integration {
            id: value.get("id")?.as_str()?.to_owned(),
            name,
            type_id: value
                .pointer("/integrationType/id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            enabled: value
                .get("intendedState")
                .and_then(Value::as_str)
                .is_some_and(|s| s.eq_ignore_ascii_case("ENABLED")),
            reported: reported
                .and_then(|r| r.get("code"))
                .and_then(Value::as_str)
                .map_or(ReportedState::Unknown, ReportedState::from_code),
            detail: reported
                .and_then(|r| r.pointer("/detail/message"))
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }
}

/// `config/current`: written whole, with the version read just before.
#[derive(Debug, Clone, PartialEq)]
pub struct IntegrationConfig {
    pub name: String,
    pub version: u64,
    pub properties: Value,
    pub advanced: Value,
    pub notes: String,
    /// credential key → credential id
    pub credentials: BTreeMap<String, String>,
}

impl IntegrationConfig {
    pub fn from_wire(value: &Value) -> Option<Self> {
        Some(IntegrationConfig {
            name: text(value, "name"),
            version: value.get("version")?.as_u64()?,
            properties: value.get("properties").cloned().unwrap_or(json!({})),
            advanced: value.get("advanced").cloned().unwrap_or(json!({})),
            notes: text(value, "notes"),
            credentials: value
                .get("credentials")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .filter_map(|(key, c)| Some((key.clone(), c.get("id")?.as_str()?.to_owned())))
                .collect(),
        })
    }

    pub fn to_wire(&self) -> Value {
        let credentials: Map<String, Value> = self
            .credentials
            .iter()
            .map(|(key, id)| (key.clone(), json!({ "id": id })))
            .collect();
        json!({
            "name": self.name,
            "version": self.version,
            "properties": self.properties,
            "advanced": self.advanced,
            "notes": self.notes,
            "credentials": credentials,
        })
    }
}

/// A credential as listed: never its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialInfo {
    pub id: String,
    pub name: String,
    pub type_name: String,
}

impl CredentialInfo {
    pub fn from_wire(value: &Value) -> Option<Self> {
        Some(CredentialInfo {
            id: value.get("id")?.as_str()?.to_owned(),
            name: text(value, "name"),
            type_name: value
                .pointer("/type/name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
        })
    }
}

/// One data-action client certificate (mTLS to the admin's web service).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionCertificate {
    /// `Current` or `Upcoming`.
    pub status: String,
    pub signing_authority: String,
    pub pem: String,
    /// The certificate's `notAfter`, ISO 8601 UTC; `None` if the PEM cannot be read.
    pub not_after: Option<String>,
}

impl ActionCertificate {
    pub fn from_wire(value: &Value) -> Option<Self> {
        let pem = value.get("certificate")?.as_str()?.to_owned();
        Some(ActionCertificate {
            status: text(value, "status"),
            signing_authority: text(value, "signingAuthority"),
            not_after: expiry(&pem),
            pem,
        })
    }
}

/// When a PEM certificate expires (Genesys publishes no expiry field; the certificate says it).
pub fn expiry(pem: &str) -> Option<String> {
    use x509_cert::der::DecodePem;
    let certificate = x509_cert::Certificate::from_pem(pem.trim().as_bytes()).ok()?;
    let after = certificate
        .tbs_certificate
        .validity
        .not_after
        .to_system_time();
    Some(crate::time::format_utc(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_names_its_slots_by_key_with_their_credential_types() {
        let wire = json!({
            "id": "salesforce-datadip", "name": "Salesforce Data Actions", "maxInstances": 50,
            "credentials": {"salesforceUser": {"required": true, "title": "User", "credentialTypes": ["salesforce"]}}
        });
        let kind = IntegrationType::from_wire(&wire).unwrap();
        assert_eq!(kind.max_instances, Some(50));
        assert_eq!(kind.slots[0].key, "salesforceUser");
        assert_eq!(kind.slots[0].credential_types, ["salesforce"]);
    }

    #[test]
    fn an_integration_reads_its_configured_name_and_both_states() {
        let wire = json!({
            "id": "i-1", "name": "Type name", "integrationType": {"id": "custom-rest-actions"},
            "intendedState": "ENABLED", "config": {"current": {"name": "Billing API"}},
            "reportedState": {"code": "ERROR", "detail": {"message": "Missing required credentials."}}
        });
        let integration = Integration::from_wire(&wire).unwrap();
        assert_eq!(integration.name, "Billing API");
        assert!(integration.enabled);
        assert_eq!(integration.reported, ReportedState::Error);
        assert_eq!(
            integration.detail.as_deref(),
            Some("Missing required credentials.")
        );
    }

    #[test]
    fn a_reported_state_is_named_as_genesys_spells_it() {
        use ReportedState::*;
        for state in [Active, Activating, Inactive, Deactivating, Error, Unknown] {
            assert_eq!(serde_json::to_value(state).unwrap(), state.as_str());
        }
    }

    #[test]
    fn a_config_round_trips_with_its_version_and_credential_ids() {
        let wire = json!({
            "name": "Billing API", "version": 4, "properties": {}, "advanced": {}, "notes": "",
            "credentials": {"basicAuth": {"id": "c-9"}}
        });
        let config = IntegrationConfig::from_wire(&wire).unwrap();
        assert_eq!(config.version, 4);
        assert_eq!(config.credentials["basicAuth"], "c-9");
        assert_eq!(config.to_wire(), wire);
    }
}
