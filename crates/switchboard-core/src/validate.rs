//! Field rules: every value the admin brings back is checked here, never only in the UI.
//!
//! A rule returns a [`FieldError`] with a stable code (the UI translates `validation.<code>`)
//! and the parameters its message needs. Rules check shape only; whether a value works is the
//! job of the live checks that later talk to each vendor.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

// The length caps on text the admin brings back, in one place. Every value saved through IPC
// meets one of them in the core, so a paste gone wrong (or a hostile caller) cannot fill the
// database, the keychain or a vendor request; lengths count characters, not bytes.

/// Longest single-line value we accept; vendor consoles cap names well below this.
pub const MAX_TEXT: usize = 255;
/// Zoom Contact Center accepts at most this many country codes.
pub const MAX_COUNTRY_CODES: usize = crate::zcc::country_codes::MAX;
/// Multi-line inputs (a list of statuses, a JSON document) stay well under this.
pub const MAX_MULTILINE: usize = 20_000;
/// A list of e-mails (the agents ticked in the Zoom Contact Center table): a contact center's
/// whole staff, thousands of addresses, must fit.
pub const MAX_EMAIL_LIST: usize = 256 * 1024;
/// A name the admin gives something in an editor (a presence rule).
pub const MAX_NAME: usize = 200;
/// Any other text inside an editor's saved document (an entry's cell, a team's name, a
/// translation pattern): far above every real value, well below what would hurt.
pub const MAX_DOCUMENT_TEXT: usize = 1_000;
/// A secret (a token, a password, a private key). A Google service-account key file, the
/// longest real one, is about 2.3 KB.
pub const MAX_SECRET: usize = 16 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Text,
    Multiline,
    ZoomAccountId,
    ZoomClientId,
    Email,
    EmailList,
    HttpsUrl,
    Hostname,
    Uuid,
    AwsRoleArn,
    SalesforceId,
    SalesforceHost,
    /// `https://<subdomain>.zendesk.com`, a Zendesk account's base URL.
    ZendeskUrl,
    /// `https://<org>.crm<n>.dynamics.com`, a Dynamics 365 organization's web address.
    DynamicsUrl,
    /// Comma-separated https URLs (Google OAuth scopes).
    UrlList,
    CountryCodes,
    GenesysRegion,
    JsonObject,
    Secret,
    Choice,
}

/// Every validation rule's code (`validation.<code>` in the UI), in one list.
pub const CODES: &[&str] = &[
    "required",
    "too_long",
    "zoom_account_id",
    "zoom_client_id",
    "email",
    "email_list",
    "https_url",
    "hostname",
    "uuid",
    "aws_role_arn",
    "salesforce_id",
    "salesforce_host",
    "zendesk_url",
    "dynamics_url",
    "url_list",
    "google_service_account",
    "country_codes",
    "country_code_shape",
    "country_code_unknown",
    "country_code_non_geographic",
    "country_code_duplicate",
    "too_many_country_codes",
    "genesys_region",
    "json_object",
    "secret_whitespace",
    "choice",
    "endpoint_url",
    "endpoint_https",
    "endpoint_loopback",
    "endpoint_not_vendor",
    "practice_endpoint_required",
    "cxone_area",
    "developer_name",
    "developer_name_double_underscore",
    "developer_name_trailing_underscore",
    "duplicate",
    "not_allowed",
    "not_writable",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldError {
    #[ts(type = "ValidationCode")]
    pub code: &'static str,
    pub params: BTreeMap<String, String>,
}

impl FieldError {
    pub fn new(code: &'static str) -> Self {
        FieldError {
            code,
            params: BTreeMap::new(),
        }
    }

    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.params.insert(name.to_owned(), value.to_string());
        self
    }
}

/// Genesys Cloud region domains (the login host is `login.<domain>`, the API `api.<domain>`).
pub const GENESYS_REGIONS: &[&str] = &[
    "mypurecloud.com",
    "use2.us-gov-pure.cloud",
    "usw2.pure.cloud",
    "cac1.pure.cloud",
    "sae1.pure.cloud",
    "mypurecloud.ie",
    "euw2.pure.cloud",
    "mypurecloud.de",
    "euc2.pure.cloud",
    "mec1.pure.cloud",
    "aps1.pure.cloud",
    "apne2.pure.cloud",
    "mypurecloud.com.au",
    "mypurecloud.jp",
    "apne3.pure.cloud",
    "apse1.pure.cloud",
    "mxc1.pure.cloud",
    "edee1.eusc-pure.cloud",
];

/// Checks `value` against `rule`; `options` are the allowed values of a choice. An empty value
/// is `required` when the field is required and acceptable otherwise.
pub fn check(rule: Rule, value: &str, required: bool, options: &[&str]) -> Option<FieldError> {
    if value.trim().is_empty() {
        return required.then(|| FieldError::new("required"));
    }
    let max = max_length(rule);
    if value.chars().count() > max {
        return Some(too_long(max));
    }
    let v = value.trim();
    let ok = match rule {
        Rule::Text | Rule::Multiline => true,
        Rule::ZoomAccountId | Rule::ZoomClientId => zoom_id(v),
        Rule::Email => email(v),
        Rule::EmailList => return email_list(v),
        Rule::HttpsUrl => https_url(v),
        Rule::Hostname => hostname(v),
        Rule::Uuid => uuid(v),
        Rule::AwsRoleArn => aws_role_arn(v),
        Rule::SalesforceId => salesforce_id(v),
        Rule::SalesforceHost => salesforce_host(v),
        Rule::ZendeskUrl => https_host(v).is_some_and(|h| subdomain_of(&h, "zendesk.com")),
        Rule::DynamicsUrl => https_host(v).is_some_and(|h| subdomain_of(&h, "dynamics.com")),
        Rule::UrlList => v
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .all(|url| https_host(url).is_some()),
        Rule::CountryCodes => return country_codes(v),
        Rule::GenesysRegion => GENESYS_REGIONS.contains(&v.to_ascii_lowercase().as_str()),
        Rule::JsonObject => {
            serde_json::from_str::<serde_json::Value>(v).is_ok_and(|json| json.is_object())
        }
        Rule::Secret => {
            // A pasted token with a stray space or line break fails at the vendor with no hint
            // why; multi-line secrets (private keys) legitimately end with a line break.
            if value != v && !v.contains('\n') {
                return Some(FieldError::new("secret_whitespace"));
            }
            true
        }
        Rule::Choice => options.contains(&v),
    };
    (!ok).then(|| FieldError::new(rule_code(rule)))
}

/// The longest value `rule` accepts.
pub fn max_length(rule: Rule) -> usize {
    match rule {
        Rule::Secret => MAX_SECRET,
        Rule::Multiline | Rule::JsonObject => MAX_MULTILINE,
        Rule::EmailList => MAX_EMAIL_LIST,
        _ => MAX_TEXT,
    }
}

/// `too_long`, with the `max` its message names.
pub fn too_long(max: usize) -> FieldError {
    FieldError::new("too_long").with("max", max)
}

/// The first text in `document` longer than `max`, named by its path (`entries.3.company`), so
/// an editor's whole saved document meets the same cap whatever its shape.
pub fn first_too_long(document: &impl Serialize, max: usize) -> Option<(String, FieldError)> {
    fn walk(value: &serde_json::Value, path: &mut Vec<String>, max: usize) -> Option<String> {
        match value {
            serde_json::Value::String(text) if text.chars().count() > max => Some(path.join(".")),
            serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                path.push(i.to_string());
                let found = walk(item, path, max);
                path.pop();
                found
            }),
            serde_json::Value::Object(fields) => fields.iter().find_map(|(name, item)| {
                path.push(name.clone());
                let found = walk(item, path, max);
                path.pop();
                found
            }),
            _ => None,
        }
    }
    let value = serde_json::to_value(document).ok()?;
    walk(&value, &mut Vec::new(), max).map(|path| (path, too_long(max)))
}

/// The form a value is stored in: hosts lose a pasted `https://` and path and are lower-cased, so
/// links and copies built from them are right; other values keep what the admin typed.
pub fn normalize(rule: Rule, value: &str) -> String {
    match rule {
        Rule::Hostname | Rule::SalesforceHost | Rule::GenesysRegion => {
            let v = value.trim();
            let v = v
                .strip_prefix("https://")
                .or_else(|| v.strip_prefix("http://"))
                .unwrap_or(v);
            v.split('/').next().unwrap_or(v).to_ascii_lowercase()
        }
        Rule::Secret | Rule::Multiline | Rule::JsonObject => value.to_owned(),
        Rule::CountryCodes => crate::zcc::country_codes::canonical(value),
        _ => value.trim().to_owned(),
    }
}

fn rule_code(rule: Rule) -> &'static str {
    match rule {
        Rule::Text | Rule::Multiline => "required",
        Rule::ZoomAccountId => "zoom_account_id",
        Rule::ZoomClientId => "zoom_client_id",
        Rule::Email => "email",
        Rule::EmailList => "email_list",
        Rule::HttpsUrl => "https_url",
        Rule::Hostname => "hostname",
        Rule::Uuid => "uuid",
        Rule::AwsRoleArn => "aws_role_arn",
        Rule::SalesforceId => "salesforce_id",
        Rule::SalesforceHost => "salesforce_host",
        Rule::ZendeskUrl => "zendesk_url",
        Rule::DynamicsUrl => "dynamics_url",
        Rule::UrlList => "url_list",
        Rule::CountryCodes => "country_codes",
        Rule::GenesysRegion => "genesys_region",
        Rule::JsonObject => "json_object",
        Rule::Secret => "secret_whitespace",
        Rule::Choice => "choice",
    }
}

/// Zoom account and client IDs are 16–32 URL-safe characters (e.g. `a1B2c3D4e5F6g7H8i9J0kL`).
fn zoom_id(v: &str) -> bool {
    (16..=32).contains(&v.len())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn email(v: &str) -> bool {
    let Some((local, domain)) = v.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !local
            .chars()
            .any(|c| c.is_whitespace() || c == '@' || c == ',' || c == ';')
        && hostname(domain)
        && domain.contains('.')
}

fn email_list(v: &str) -> Option<FieldError> {
    let items: Vec<&str> = v
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        return Some(FieldError::new("required"));
    }
    items
        .iter()
        .find(|item| !email(item))
        .map(|item| FieldError::new("email_list").with("item", item))
}

fn https_url(v: &str) -> bool {
    url::Url::parse(v).is_ok_and(|u| u.scheme() == "https" && u.host_str().is_some_and(hostname))
}

/// A DNS host name: labels of letters, digits and hyphens, at least two labels.
pub fn hostname(v: &str) -> bool {
    let v = v.strip_suffix('.').unwrap_or(v);
    v.len() <= 253
        && v.split('.').count() >= 2
        && v.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

fn uuid(v: &str) -> bool {
    let groups: Vec<&str> = v.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n)
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `arn:aws:iam::123456789012:role/Name` (also the China and GovCloud partitions).
fn aws_role_arn(v: &str) -> bool {
    let parts: Vec<&str> = v.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = parts.as_slice() else {
        return false;
    };
    *arn == "arn"
        && ["aws", "aws-cn", "aws-us-gov"].contains(partition)
        && *service == "iam"
        && region.is_empty()
        && account.len() == 12
        && account.chars().all(|c| c.is_ascii_digit())
        && resource.strip_prefix("role/").is_some_and(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+=,.@_-/".contains(c))
        })
}

/// 15- or 18-character Salesforce record IDs.
fn salesforce_id(v: &str) -> bool {
    (v.len() == 15 || v.len() == 18) && v.chars().all(|c| c.is_ascii_alphanumeric())
}

/// An org's own host: My Domain (`acme.my.salesforce.com`), a sandbox
/// (`acme--uat.sandbox.my.salesforce.com`), Lightning (`acme.lightning.force.com`), or the
/// generic login hosts. Accepts a pasted `https://host/...` and keeps only the host.
fn salesforce_host(v: &str) -> bool {
    let host = v.strip_prefix("https://").unwrap_or(v);
    let host = host.split('/').next().unwrap_or(host).to_ascii_lowercase();
    hostname(&host)
        && (host.ends_with(".my.salesforce.com")
            || host.ends_with(".lightning.force.com")
            || host.ends_with(".my.salesforce-setup.com")
            || host == "login.salesforce.com"
            || host == "test.salesforce.com")
}

/// The lower-cased host of an `https://` URL, if `v` is one.
fn https_host(v: &str) -> Option<String> {
    let url = url::Url::parse(v).ok()?;
    (url.scheme() == "https")
        .then(|| url.host_str().map(str::to_ascii_lowercase))
        .flatten()
}

/// `host` is a proper subdomain of `zone` (`acme.zendesk.com`, not `zendesk.com` nor
/// `zendesk.com.evil.example`).
fn subdomain_of(host: &str, zone: &str) -> bool {
    host.strip_suffix(zone)
        .and_then(|rest| rest.strip_suffix('.'))
        .is_some_and(|label| !label.is_empty() && hostname(host))
}

/// Every entry a real country calling code, none twice, at most twenty
/// ([`crate::zcc::country_codes`] reads the forms an admin types).
fn country_codes(v: &str) -> Option<FieldError> {
    crate::zcc::country_codes::first_problem(v).map(|(code, item)| {
        FieldError::new(code)
            .with("item", item)
            .with("max", MAX_COUNTRY_CODES)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(rule: Rule, value: &str) -> Option<&'static str> {
        check(rule, value, true, &[]).map(|e| e.code)
    }

    #[test]
    fn empty_values_are_required_only_when_the_field_is() {
        assert_eq!(
            check(Rule::Text, "  ", true, &[]).map(|e| e.code),
            Some("required")
        );
        assert_eq!(check(Rule::Email, "", false, &[]), None);
    }

    #[test]
    fn zoom_ids_accept_real_shapes_and_reject_pasted_urls() {
        assert_eq!(code(Rule::ZoomAccountId, "xYz12AbCdEfGhIjKlMnOpQ"), None);
        assert_eq!(code(Rule::ZoomClientId, "aBcDeFgHiJkLmNoPqR"), None);
        assert_eq!(
            code(Rule::ZoomAccountId, "https://zoom.us/account"),
            Some("zoom_account_id")
        );
        assert_eq!(code(Rule::ZoomAccountId, "short"), Some("zoom_account_id"));
    }

    #[test]
    fn email_lists_name_the_first_bad_address() {
        assert_eq!(code(Rule::EmailList, "a@example.com; b@exemple.fr"), None);
        let error = check(Rule::EmailList, "a@example.com, not-an-address", true, &[]).unwrap();
        assert_eq!(error.code, "email_list");
        assert_eq!(error.params["item"], "not-an-address");
    }

    #[test]
    fn urls_must_be_https_with_a_host() {
        assert_eq!(code(Rule::HttpsUrl, "https://acme.crm.dynamics.com"), None);
        assert_eq!(
            code(Rule::HttpsUrl, "http://acme.crm.dynamics.com"),
            Some("https_url")
        );
        assert_eq!(code(Rule::HttpsUrl, "acme"), Some("https_url"));
    }

    #[test]
    fn aws_role_arns_are_checked_for_shape() {
        assert_eq!(
            code(
                Rule::AwsRoleArn,
                "arn:aws:iam::123456789012:role/GenesysLambda"
            ),
            None
        );
        assert_eq!(
            code(Rule::AwsRoleArn, "arn:aws:iam::12345:role/x"),
            Some("aws_role_arn")
        );
        assert_eq!(
            code(
                Rule::AwsRoleArn,
                "arn:aws:lambda:us-east-1:123456789012:function:f"
            ),
            Some("aws_role_arn"),
            "a Lambda function ARN is the classic mistake for the role ARN"
        );
    }

    #[test]
    fn salesforce_hosts_are_the_orgs_own() {
        assert_eq!(code(Rule::SalesforceHost, "acme.my.salesforce.com"), None);
        assert_eq!(
            code(
                Rule::SalesforceHost,
                "https://acme--uat.sandbox.my.salesforce.com/"
            ),
            None
        );
        assert_eq!(
            code(Rule::SalesforceHost, "acme.example.com"),
            Some("salesforce_host")
        );
    }

    #[test]
    fn country_codes_are_real_codes_none_twice_at_most_twenty() {
        assert_eq!(code(Rule::CountryCodes, "+1, +33, +81"), None);
        let bad = check(Rule::CountryCodes, "+1, +999", true, &[]).unwrap();
        assert_eq!(
            (bad.code, bad.params["item"].as_str()),
            ("country_code_unknown", "+999")
        );
        assert_eq!(
            code(Rule::CountryCodes, "+33, 0033"),
            Some("country_code_duplicate")
        );
        let many = [
            1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51,
        ]
        .map(|n| format!("+{n}"))
        .join(",");
        assert_eq!(
            code(Rule::CountryCodes, &many),
            Some("too_many_country_codes")
        );
        assert_eq!(normalize(Rule::CountryCodes, " 33 ; ００８１ "), "+33, +81");
    }

    #[test]
    fn hosts_are_stored_without_scheme_or_path() {
        assert_eq!(
            normalize(
                Rule::SalesforceHost,
                " https://ACME.my.salesforce.com/home "
            ),
            "acme.my.salesforce.com"
        );
        assert_eq!(normalize(Rule::Text, "  Acme  "), "Acme");
        assert_eq!(
            normalize(Rule::Secret, " keep "),
            " keep ",
            "secrets are never altered"
        );
    }

    #[test]
    fn secrets_with_pasted_whitespace_are_refused() {
        assert_eq!(code(Rule::Secret, "abc123"), None);
        assert_eq!(code(Rule::Secret, "abc123\n"), Some("secret_whitespace"));
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----\n";
        assert_eq!(
            code(Rule::Secret, &pem.repeat(10)),
            None,
            "private keys are long, multi-line"
        );
    }

    #[test]
    fn other_rules_check_their_shapes() {
        assert_eq!(
            code(Rule::Uuid, "3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            None
        );
        assert_eq!(code(Rule::Uuid, "3f2504e0"), Some("uuid"));
        assert_eq!(code(Rule::GenesysRegion, "mypurecloud.jp"), None);
        assert_eq!(
            code(Rule::GenesysRegion, "purecloud.example"),
            Some("genesys_region")
        );
        assert_eq!(code(Rule::JsonObject, r#"{"client_email": "x"}"#), None);
        assert_eq!(code(Rule::JsonObject, "[1]"), Some("json_object"));
        assert_eq!(code(Rule::SalesforceId, "005000000000001"), None);
        assert_eq!(code(Rule::Hostname, "zoom-cc.example.com"), None);
        assert_eq!(code(Rule::Hostname, "bad host"), Some("hostname"));
        assert_eq!(
            check(Rule::Choice, "both", true, &["directory", "both"]),
            None
        );
        assert_eq!(code(Rule::Choice, "other"), Some("choice"));
        assert_eq!(
            code(Rule::Text, &"x".repeat(MAX_TEXT + 1)),
            Some("too_long")
        );
    }

    #[test]
    fn secrets_are_capped_at_16_kb_and_a_service_account_key_fits() {
        let key = format!(r#"{{"private_key": "{}"}}"#, "k".repeat(2_400));
        assert_eq!(code(Rule::Secret, &key), None);
        assert_eq!(code(Rule::JsonObject, &key), None);
        let error = check(Rule::Secret, &"k".repeat(MAX_SECRET + 1), true, &[]).unwrap();
        assert_eq!(error.code, "too_long");
        assert_eq!(error.params["max"], MAX_SECRET.to_string());
    }

    #[test]
    fn the_first_overlong_text_of_a_document_is_named_by_its_path() {
        let doc = serde_json::json!({
            "name": "ok",
            "entries": [{"company": "fine"}, {"company": "x".repeat(MAX_DOCUMENT_TEXT + 1)}],
        });
        let (path, error) = first_too_long(&doc, MAX_DOCUMENT_TEXT).unwrap();
        assert_eq!(path, "entries.1.company");
        assert_eq!(error.params["max"], MAX_DOCUMENT_TEXT.to_string());
        assert_eq!(first_too_long(&serde_json::json!({"name": "ok"}), 10), None);
    }
}
