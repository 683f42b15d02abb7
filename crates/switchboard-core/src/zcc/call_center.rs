//! The seed's two call-center definitions, standard and SSO, as values (never a text replace of
//! `yourVanityURL`: the SSO host is a validated field), and the files made from them: the import
//! XML of Setup › Call Centers, the Metadata API's `CallCenter` file, its `package.xml`, and the
//! deploy zip holding both.

use std::io::Write;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{FieldError, hostname};
use crate::xml::escape;

/// The Metadata API version of `package.xml` (the REST version the clients call).
const METADATA_VERSION: &str = "67.0";
const METADATA_NAMESPACE: &str = "http://soap.sforce.com/2006/04/metadata";

/// One `<item>`: `sortOrder` is its position in the section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub name: &'static str,
    pub label: String,
    pub value: String,
}

/// One `<section>`: `sortOrder` is its position in the definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub name: &'static str,
    pub label: &'static str,
    pub items: Vec<Item>,
}

/// A call-center definition as the seed writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallCenterDefinition {
    pub sections: Vec<Section>,
}

/// Which of the seed's definitions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Variant {
    /// "Zoom Contact Center", adapter on zoom.us.
    Standard,
    /// "ZCC SSO", adapter on the account's vanity host (e.g. `acme.zoom.us`).
    Sso { host: VanityHost },
}

/// The Zoom vanity host of the SSO definition: a DNS host name, lower case, without scheme or
/// path (`https://Acme.zoom.us/` is taken as `acme.zoom.us`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct VanityHost(String);

impl VanityHost {
    pub fn parse(text: &str) -> Result<VanityHost, FieldError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(FieldError::new("required"));
        }
        let bare = trimmed
            .strip_prefix("https://")
            .unwrap_or(trimmed)
            .trim_end_matches('/')
            .to_ascii_lowercase();
        if hostname(&bare) {
            Ok(VanityHost(bare))
        } else {
            Err(FieldError::new("hostname"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for VanityHost {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        VanityHost::parse(&text).map_err(|e| e.code.to_owned())
    }
}

impl From<VanityHost> for String {
    fn from(host: VanityHost) -> String {
        host.0
    }
}

fn item(name: &'static str, label: &str, value: &str) -> Item {
    Item {
        name,
        label: label.to_owned(),
        value: value.to_owned(),
    }
}

impl Variant {
    /// The definition exactly as the seed shows it: values, sections and their order.
    pub fn definition(&self) -> CallCenterDefinition {
        let (internal, internal_label, display, adapter) = match self {
            Variant::Standard => (
                "zoomcontactcenter",
                "Zoom Contact Center",
                "Zoom Contact Center",
                "https://zoom.us/cci/multi/callbar-cti".to_owned(),
            ),
            Variant::Sso { host } => (
                "zccsso",
                "ZCCSSO",
                "ZCC SSO",
                format!("https://{}/cci/multi/callbar-cti", host.as_str()),
            ),
        };
        CallCenterDefinition {
            sections: vec![
                Section {
                    name: "reqGeneralInfo",
                    label: "General Info",
                    items: vec![
                        item("reqInternalName", internal_label, internal),
                        item("reqDisplayName", "Display Name", display),
                        item("reqDescription", "Description", ""),
                        item("reqAdapterUrl", "CTI Adapter URL", &adapter),
                        item("reqUseApi", "Use CTI API", "true"),
                        item("reqSoftphoneHeight", "Softphone Height", "680"),
                        item("reqSoftphoneWidth", "Softphone Width", "700"),
                        item(
                            "reqSalesforceCompatibilityMode",
                            "Salesforce Compatibility Mode",
                            "Classic_and_Lightning",
                        ),
                    ],
                },
                Section {
                    name: "reqDialingOptions",
                    label: "Dialing Options",
                    items: vec![
                        item("reqOutsidePrefix", "Outside Prefix", "9"),
                        item("reqLongDistPrefix", "Long Distance Prefix", "1"),
                        item("reqInternationalPrefix", "International Prefix", "01"),
                    ],
                },
            ],
        }
    }
}

impl CallCenterDefinition {
    fn value(&self, name: &str) -> &str {
        self.sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| i.name == name)
            .map_or("", |i| i.value.as_str())
    }

    /// The Internal Name (`reqInternalName`): the Metadata API's `fullName`.
    pub fn internal_name(&self) -> &str {
        self.value("reqInternalName")
    }

    pub fn display_name(&self) -> &str {
        self.value("reqDisplayName")
    }

    pub fn adapter_url(&self) -> &str {
        self.value("reqAdapterUrl")
    }

    /// The file Setup › Call Centers › Import reads, in the seed's layout.
    pub fn import_xml(&self) -> String {
        let mut out = String::from("<callCenter>\n");
        for (order, section) in self.sections.iter().enumerate() {
            out.push_str(&format!(
                "<section sortOrder=\"{order}\" name=\"{}\" label=\"{}\">\n",
                escape(section.name),
                escape(section.label)
            ));
            for (order, item) in section.items.iter().enumerate() {
                out.push_str(&format!(
                    "<item sortOrder=\"{order}\" name=\"{}\" label=\"{}\">{}</item>\n",
                    escape(item.name),
                    escape(&item.label),
                    escape(&item.value)
                ));
            }
            out.push_str("</section>\n");
        }
        out.push_str("</callCenter>\n");
        out
    }

    /// The Metadata API's `callCenters/<fullName>.callCenter`: `reqInternalName` becomes the
    /// file name, `reqDisplayName` the `displayName` (vendor-apis.md §3.5); every other item
    /// stays in its section.
    pub fn metadata_xml(&self) -> String {
        let general = self.sections.first();
        let label_of = |name: &str| {
            general
                .and_then(|s| s.items.iter().find(|i| i.name == name))
                .map_or("", |i| i.label.as_str())
        };
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CallCenter xmlns=\"{METADATA_NAMESPACE}\">\n    <adapterUrl>{}</adapterUrl>\n    <displayName>{}</displayName>\n    <displayNameLabel>{}</displayNameLabel>\n    <internalNameLabel>{}</internalNameLabel>\n",
            escape(self.adapter_url()),
            escape(self.display_name()),
            escape(label_of("reqDisplayName")),
            escape(label_of("reqInternalName")),
        );
        for section in &self.sections {
            out.push_str(&format!(
                "    <sections>\n        <label>{}</label>\n        <name>{}</name>\n",
                escape(section.label),
                escape(section.name)
            ));
            for item in section
                .items
                .iter()
                .filter(|i| !matches!(i.name, "reqInternalName" | "reqDisplayName"))
            {
                out.push_str(&format!(
                    "        <items>\n            <label>{}</label>\n            <name>{}</name>\n            <value>{}</value>\n        </items>\n",
                    escape(&item.label),
                    escape(item.name),
                    escape(&item.value)
                ));
            }
            out.push_str("    </sections>\n");
        }
        out.push_str("</CallCenter>\n");
        out
    }

    /// The `package.xml` naming this call center.
    pub fn package_xml(&self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Package xmlns=\"{METADATA_NAMESPACE}\">\n    <types>\n        <members>{}</members>\n        <name>CallCenter</name>\n    </types>\n    <version>{METADATA_VERSION}</version>\n</Package>\n",
            escape(self.internal_name())
        )
    }

    /// The deploy zip: `package.xml` and `callCenters/<fullName>.callCenter`, stored entries.
    pub fn deploy_zip(&self) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let files = [
            ("package.xml".to_owned(), self.package_xml()),
            (
                format!("callCenters/{}.callCenter", self.internal_name()),
                self.metadata_xml(),
            ),
        ];
        for (name, text) in files {
            // Writing to memory cannot fail but for a bug in the zip writer.
            zip.start_file(name, options)
                .and_then(|()| zip.write_all(text.as_bytes()).map_err(Into::into))
                .expect("a zip in memory");
        }
        zip.finish().expect("a zip in memory");
        out.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vanity_host_is_a_validated_field_not_a_text_replace() {
        assert_eq!(
            VanityHost::parse(" https://Acme.Zoom.us/ ").map(|h| h.0),
            Ok("acme.zoom.us".to_owned())
        );
        assert_eq!(
            VanityHost::parse("yourVanityUrl").map_err(|e| e.code),
            Err("hostname")
        );
        assert_eq!(
            VanityHost::parse("acme.zoom.us/cci").map_err(|e| e.code),
            Err("hostname")
        );
        assert_eq!(VanityHost::parse("  ").map_err(|e| e.code), Err("required"));
    }
}
