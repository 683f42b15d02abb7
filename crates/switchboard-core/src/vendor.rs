//! The four vendors Switchboard connects to, and the keychain secrets each connection has.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One secret of a connection, stored in the keychain under `connection:<vendor>` / `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecretField {
    pub id: &'static str,
    /// Optional secrets (a Salesforce security token, unneeded from a trusted IP range) may be
    /// absent when testing.
    pub required: bool,
}

const fn required(id: &'static str) -> SecretField {
    SecretField { id, required: true }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Vendor {
    Zoom,
    Cxone,
    Salesforce,
    Genesys,
}

impl Vendor {
    pub const ALL: [Vendor; 4] = [
        Vendor::Zoom,
        Vendor::Cxone,
        Vendor::Salesforce,
        Vendor::Genesys,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Vendor::Zoom => "zoom",
            Vendor::Cxone => "cxone",
            Vendor::Salesforce => "salesforce",
            Vendor::Genesys => "genesys",
        }
    }

    pub fn parse(text: &str) -> Option<Vendor> {
        Vendor::ALL.into_iter().find(|v| v.as_str() == text)
    }

    /// The keychain scope of this vendor's connection secrets.
    pub fn secret_scope(self) -> String {
        format!("connection:{}", self.as_str())
    }

    pub fn secret_fields(self) -> &'static [SecretField] {
        const ONE_CLIENT: &[SecretField] = &[required("client-secret")];
        const CXONE: &[SecretField] = &[required("access-key-secret"), required("client-secret")];
        const SALESFORCE: &[SecretField] = &[
            required("consumer-secret"),
            required("password"),
            SecretField {
                id: "security-token",
                required: false,
            },
        ];
        match self {
            Vendor::Zoom | Vendor::Genesys => ONE_CLIENT,
            Vendor::Cxone => CXONE,
            Vendor::Salesforce => SALESFORCE,
        }
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
