//! The seven kinds of data-actions integration the procedure covers, and what each credential
//! type asks for. Type ids are Genesys' documented ones, except Google's, which is discovered
//! from the org's types (it is not documented); every type is looked up in the org before use.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::Rule;
use crate::vendors::genesys::types::IntegrationType;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    AwsLambda,
    GenesysCloud,
    Google,
    Dynamics,
    Salesforce,
    WebServices,
    Zendesk,
}

/// One field of a credential type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The name Genesys uses in `credentialFields`.
    pub name: &'static str,
    pub rule: Rule,
    pub required: bool,
    /// Kept in the keychain, never in a plan file or the database.
    pub secret: bool,
}

const fn field(name: &'static str, rule: Rule) -> FieldSpec {
    FieldSpec {
        name,
        rule,
        required: true,
        secret: false,
    }
}

const fn secret(name: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        rule: Rule::Secret,
        required: true,
        secret: true,
    }
}

const fn optional(spec: FieldSpec) -> FieldSpec {
    FieldSpec {
        required: false,
        ..spec
    }
}

const GOOGLE_FIELDS: &[FieldSpec] = &[
    field("clientId", Rule::Text),
    field("clientEmail", Rule::Email),
    field("privateKeyId", Rule::Text),
    secret("privateKey"),
    field("scopes", Rule::UrlList),
    optional(field("impersonateUserEmail", Rule::Email)),
];

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::AwsLambda,
        Kind::GenesysCloud,
        Kind::Google,
        Kind::Dynamics,
        Kind::Salesforce,
        Kind::WebServices,
        Kind::Zendesk,
    ];

    /// The plan file's name of the kind (`aws-lambda`, `web-services` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::AwsLambda => "aws-lambda",
            Kind::GenesysCloud => "genesys-cloud",
            Kind::Google => "google",
            Kind::Dynamics => "dynamics",
            Kind::Salesforce => "salesforce",
            Kind::WebServices => "web-services",
            Kind::Zendesk => "zendesk",
        }
    }

    /// The integration type id Genesys documents; `None` for Google (discovered).
    pub fn known_type_id(self) -> Option<&'static str> {
        Some(match self {
            Kind::AwsLambda => "aws-lambda-data-actions",
            Kind::GenesysCloud => "purecloud-data-actions",
            Kind::Google => return None,
            Kind::Dynamics => "microsoft-dynamics-data-actions",
            Kind::Salesforce => "salesforce-datadip",
            Kind::WebServices => "custom-rest-actions",
            Kind::Zendesk => "zendesk-data-actions",
        })
    }

    /// This kind's type among the org's: by its documented id, or for Google the installable
    /// type whose id or name says Google.
    pub fn find_type(self, types: &[IntegrationType]) -> Option<&IntegrationType> {
        match self.known_type_id() {
            Some(id) => types.iter().find(|t| t.id == id),
            None => types.iter().find(|t| {
                !t.non_installable
                    && (t.id.to_ascii_lowercase().contains("google")
                        || t.name.to_ascii_lowercase().contains("google"))
            }),
        }
    }

    /// The per-org limit the procedure states, for a type that does not say.
    pub fn stated_limit(self) -> u32 {
        match self {
            Kind::Salesforce | Kind::WebServices => 50,
            Kind::Google => 100,
            _ => 10,
        }
    }

    /// The credential types this kind may use; the first is the default.
    pub fn credential_types(self) -> &'static [&'static str] {
        match self {
            Kind::AwsLambda => &["amazonWebServicesARN"],
            Kind::GenesysCloud => &["pureCloudOAuthClient"],
            Kind::Google => &["googleCloudPlatform", "googleGSuite"],
            Kind::Dynamics => &["msDynamics"],
            Kind::Salesforce => &["salesforce"],
            Kind::WebServices => &["basicAuth", "userDefined", "userDefinedOAuth"],
            Kind::Zendesk => &["zendeskApiToken"],
        }
    }
}

const AWS_FIELDS: &[FieldSpec] = &[field("ARN", Rule::AwsRoleArn)];
const GENESYS_FIELDS: &[FieldSpec] = &[field("clientId", Rule::Uuid), secret("clientSecret")];
// The msDynamics credential is a user and password plus the app id: no client secret.
const DYNAMICS_FIELDS: &[FieldSpec] = &[
    field("username", Rule::Email),
    secret("password"),
    field("orgWebAddress", Rule::DynamicsUrl),
    field("applicationId", Rule::Uuid),
];
const SALESFORCE_FIELDS: &[FieldSpec] = &[
    field("username", Rule::Email),
    secret("password"),
    secret("securityToken"),
    field("loginUrl", Rule::SalesforceHost),
];
// The procedure marks the Basic password optional (some services take a user alone).
const BASIC_FIELDS: &[FieldSpec] = &[field("userName", Rule::Text), optional(secret("password"))];
const ZENDESK_FIELDS: &[FieldSpec] = &[
    field("userEmail", Rule::Email),
    field("baseUrl", Rule::ZendeskUrl),
    secret("apiToken"),
];

/// The Genesys Cloud AWS account an AWS Lambda role must trust (documented by Genesys).
pub const GENESYS_AWS_ACCOUNT: &str = "765628985471";

/// Every credential type the seven kinds use, in the kinds' order.
pub const CREDENTIAL_TYPES: &[&str] = &[
    "amazonWebServicesARN",
    "pureCloudOAuthClient",
    "googleCloudPlatform",
    "googleGSuite",
    "msDynamics",
    "salesforce",
    "basicAuth",
    "userDefined",
    "userDefinedOAuth",
    "zendeskApiToken",
];

/// The fields of a credential type; empty for the user-defined ones (any name–value rows).
pub fn fields(credential_type: &str) -> &'static [FieldSpec] {
    match credential_type {
        "amazonWebServicesARN" => AWS_FIELDS,
        "pureCloudOAuthClient" => GENESYS_FIELDS,
        "googleCloudPlatform" | "googleGSuite" => GOOGLE_FIELDS,
        "msDynamics" => DYNAMICS_FIELDS,
        "salesforce" => SALESFORCE_FIELDS,
        "basicAuth" => BASIC_FIELDS,
        "zendeskApiToken" => ZENDESK_FIELDS,
        _ => &[],
    }
}

/// Whether the credential type takes free name–value rows (Web services' user-defined ones).
pub fn takes_any_fields(credential_type: &str) -> bool {
    matches!(credential_type, "userDefined" | "userDefinedOAuth")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(id: &str, name: &str) -> IntegrationType {
        IntegrationType {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            slots: Vec::new(),
            max_instances: None,
            non_installable: false,
        }
    }

    #[test]
    fn every_credential_type_of_every_kind_is_listed_once() {
        let mut used: Vec<&str> = Kind::ALL
            .iter()
            .flat_map(|k| k.credential_types().iter().copied())
            .collect();
        used.sort_unstable();
        let mut listed = CREDENTIAL_TYPES.to_vec();
        listed.sort_unstable();
        assert_eq!(used, listed);
    }

    #[test]
    fn each_kind_is_named_as_plan_files_spell_it() {
        for kind in Kind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }

    #[test]
    fn the_google_type_is_discovered_by_name_not_guessed() {
        let types = [
            kind("custom-rest-actions", "Web Services Data Actions"),
            kind("gcp-data-actions-v2", "Google Cloud Data Actions"),
        ];
        assert_eq!(
            Kind::Google.find_type(&types).unwrap().id,
            "gcp-data-actions-v2"
        );
        assert!(
            Kind::Zendesk.find_type(&types).is_none(),
            "a type the org lacks"
        );
    }

    #[test]
    fn dynamics_asks_no_client_secret_and_basic_auth_no_mandatory_password() {
        assert!(
            fields("msDynamics")
                .iter()
                .all(|f| f.name != "clientSecret")
        );
        let password = fields("basicAuth")
            .iter()
            .find(|f| f.name == "password")
            .unwrap();
        assert!(password.secret && !password.required);
    }
}
