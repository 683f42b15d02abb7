//! What the demo org can install: data-action integration types (ids, credential keys and
//! `maxInstances` from vendor-apis.md §4.4) and the credential types their credentials use.
//!
//! Google's data-actions type id and credential names are not published (§4.4 "UNCONFIRMED"):
//! the ones here are deliberately ones no static table in a client would carry, so a client
//! must discover them (types → the type's `credentials` map → credential types). The fields
//! follow a Google service-account key file, as the Genesys Google Cloud setup asks for them.

use serde_json::{Map, Value, json};

/// One credential slot of an integration type: config key → accepted credential types.
#[derive(Debug, Clone)]
pub(crate) struct CredentialSlot {
    pub key: &'static str,
    pub title: &'static str,
    pub types: &'static [&'static str],
}

#[derive(Debug, Clone)]
pub(crate) struct IntegrationType {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub category: &'static str,
    pub slots: &'static [CredentialSlot],
    pub max_instances: u32,
    pub non_installable: bool,
}

/// (field, title, secret)
pub(crate) type Field = (&'static str, &'static str, bool);

#[derive(Debug, Clone)]
pub(crate) struct CredentialType {
    pub id: &'static str,
    pub name: &'static str,
    pub fields: &'static [Field],
    pub required: &'static [&'static str],
}

pub(crate) const CREDENTIAL_TYPES: &[CredentialType] = &[
    CredentialType {
        id: "basicAuth",
        name: "basicAuth",
        fields: &[
            ("userName", "User Name", false),
            ("password", "Password", true),
        ],
        required: &["userName", "password"],
    },
    CredentialType {
        id: "userDefined",
        name: "userDefined",
        fields: &[],
        required: &[],
    },
    CredentialType {
        id: "userDefinedOAuth",
        name: "userDefinedOAuth",
        fields: &[],
        required: &[],
    },
    CredentialType {
        id: "pureCloudOAuthClient",
        name: "pureCloudOAuthClient",
        fields: &[
            ("clientId", "Client ID", false),
            ("clientSecret", "Client Secret", true),
        ],
        required: &["clientId", "clientSecret"],
    },
    CredentialType {
        id: "salesforce",
        name: "salesforce",
        fields: &[
            ("username", "User Name", false),
            ("password", "Password", true),
            ("securityToken", "Security Token", true),
            ("loginUrl", "Login URL", false),
        ],
        required: &["username", "password"],
    },
    CredentialType {
        id: "zendeskApiToken",
        name: "zendeskApiToken",
        fields: &[
            ("userEmail", "User Email", false),
            ("baseUrl", "Base URL", false),
            ("apiToken", "API Token", true),
        ],
        required: &["userEmail", "baseUrl", "apiToken"],
    },
    CredentialType {
        id: "msDynamics",
        name: "msDynamics",
        fields: &[
            ("username", "User Name", false),
            ("password", "Password", true),
            ("orgWebAddress", "Organization Web Address", false),
            ("applicationId", "Application ID", false),
        ],
        required: &["username", "password", "orgWebAddress", "applicationId"],
    },
    CredentialType {
        id: "amazonWebServicesARN",
        name: "amazonWebServicesARN",
        fields: &[("ARN", "Role ARN", false)],
        required: &["ARN"],
    },
    CredentialType {
        id: "googleCloudPlatform",
        name: "googleCloudPlatform",
        fields: GOOGLE_FIELDS,
        required: GOOGLE_REQUIRED,
    },
    CredentialType {
        id: "googleGSuite",
        name: "googleGSuite",
        fields: GOOGLE_FIELDS,
        required: GOOGLE_REQUIRED,
    },
];

/// A Google service account: `scopes` is comma-separated; `impersonateUserEmail` (domain-wide
/// delegation) is optional.
const GOOGLE_FIELDS: &[Field] = &[
    ("clientId", "Client ID", false),
    ("clientEmail", "Client Email", false),
    ("privateKeyId", "Private Key ID", false),
    ("privateKey", "Private Key", true),
    ("scopes", "Scopes", false),
    ("impersonateUserEmail", "Impersonate User Email", false),
];
const GOOGLE_REQUIRED: &[&str] = &[
    "clientId",
    "clientEmail",
    "privateKeyId",
    "privateKey",
    "scopes",
];

pub(crate) const INTEGRATION_TYPES: &[IntegrationType] = &[
    IntegrationType {
        id: "purecloud-data-actions",
        name: "Genesys Cloud Data Actions",
        description: "Call Genesys Cloud public APIs from flows and scripts.",
        category: "Data Actions",
        slots: &[CredentialSlot {
            key: "pureCloudOAuthClient",
            title: "OAuth Client",
            types: &["pureCloudOAuthClient"],
        }],
        max_instances: 10,
        non_installable: false,
    },
    IntegrationType {
        id: "custom-rest-actions",
        name: "Web Services Data Actions",
        description: "Call your own web services from flows and scripts.",
        category: "Data Actions",
        slots: &[CredentialSlot {
            key: "basicAuth",
            title: "Credentials",
            types: &["basicAuth", "userDefined", "userDefinedOAuth"],
        }],
        max_instances: 50,
        non_installable: false,
    },
    IntegrationType {
        id: "salesforce-datadip",
        name: "Salesforce Data Actions",
        description: "Look up and update Salesforce records from flows and scripts.",
        category: "Data Actions",
        slots: &[CredentialSlot {
            key: "salesforceUser",
            title: "Salesforce User",
            types: &["salesforce"],
        }],
        max_instances: 50,
        non_installable: false,
    },
    IntegrationType {
        id: "zendesk-data-actions",
        name: "Zendesk Data Actions",
        description: "Look up and update Zendesk records from flows and scripts.",
        category: "Data Actions",
        slots: &[CredentialSlot {
            key: "zendeskApiToken",
            title: "API Token",
            types: &["zendeskApiToken"],
        }],
        max_instances: 10,
        non_installable: false,
    },
    IntegrationType {
        id: "microsoft-dynamics-data-actions",
        name: "Microsoft Dynamics 365 Data Actions",
        description: "Look up and update Dynamics 365 records from flows and scripts.",
        category: "Data Actions",
        slots: &[CredentialSlot {
            key: "msDynamics",
            title: "Dynamics User",
            types: &["msDynamics"],
        }],
        max_instances: 10,
        non_installable: false,
    },
    IntegrationType {
        id: "aws-lambda-data-actions",
        name: "AWS Lambda Data Actions",
        description: "Invoke AWS Lambda functions from flows and scripts.",
        category: "Data Actions",
        slots: &[CredentialSlot {
            key: "AmazonWebServicesARN",
            title: "IAM Role",
            types: &["amazonWebServicesARN"],
        }],
        max_instances: 10,
        non_installable: false,
    },
    IntegrationType {
        id: "google-cloud-data-actions",
        name: "Google Cloud Data Actions",
        description: "Call Google Cloud Functions and Google APIs from flows and scripts.",
        category: "Data Actions",
        slots: &[CredentialSlot {
            key: "googleServiceAccount",
            title: "Service Account",
            types: &["googleCloudPlatform", "googleGSuite"],
        }],
        max_instances: 100,
        non_installable: false,
    },
    IntegrationType {
        id: "function-data-actions",
        name: "Function Data Actions",
        description: "Run Genesys Cloud Functions from flows and scripts.",
        category: "Data Actions",
        slots: &[],
        max_instances: 10,
        non_installable: false,
    },
    IntegrationType {
        id: "embedded-client-app",
        name: "Client Application",
        description: "Embed a web application in Genesys Cloud.",
        category: "Client Apps",
        slots: &[],
        max_instances: 100,
        non_installable: false,
    },
];

impl IntegrationType {
    pub(crate) fn find(id: &str) -> Option<&'static IntegrationType> {
        INTEGRATION_TYPES.iter().find(|t| t.id == id)
    }

    pub(crate) fn render(&self) -> Value {
        let credentials: Map<String, Value> = self
            .slots
            .iter()
            .map(|slot| {
                (
                    slot.key.to_owned(),
                    json!({ "required": true, "title": slot.title, "credentialTypes": slot.types }),
                )
            })
            .collect();
        let id = self.id;
        json!({
            "id": id,
            "name": self.name,
            "description": self.description,
            "provider": "genesys",
            "category": self.category,
            "images": [],
            "configPropertiesSchemaUri": format!("/api/v2/integrations/types/{id}/configschemas/properties"),
            "configAdvancedSchemaUri": format!("/api/v2/integrations/types/{id}/configschemas/advanced"),
            "helpUri": "https://help.mypurecloud.com/articles/about-the-data-actions-integrations/",
            "credentials": credentials,
            "nonInstallable": self.non_installable,
            "maxInstances": self.max_instances,
            "userPermissions": ["integrations:integration:view"],
            "vendorOAuthClientIds": [],
            "selfUri": format!("/api/v2/integrations/types/{id}"),
        })
    }
}

impl CredentialType {
    pub(crate) fn find(name: &str) -> Option<&'static CredentialType> {
        CREDENTIAL_TYPES.iter().find(|t| t.name == name)
    }

    pub(crate) fn is_secret(&self, field: &str) -> bool {
        self.fields
            .iter()
            .any(|(name, _, secret)| *name == field && *secret)
    }

    pub(crate) fn render(&self) -> Value {
        let properties: Map<String, Value> = self
            .fields
            .iter()
            .map(|(name, title, secret)| {
                (
                    (*name).to_owned(),
                    json!({ "type": "string", "title": title, "sensitive": secret }),
                )
            })
            .collect();
        json!({
            "id": self.id,
            "name": self.name,
            "properties": properties,
            "displayOrder": self.fields.iter().map(|(name, _, _)| *name).collect::<Vec<_>>(),
            "required": self.required,
        })
    }
}
