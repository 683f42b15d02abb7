//! Salesforce's SOAP `login()` (partner API): the sign-in Genesys Cloud's Salesforce data
//! actions make with a user's password and security token, tried by the app first so a wrong
//! credential is named before Genesys gets it. Salesforce answers a refusal with a SOAP fault
//! whose `faultcode` (`sf:INVALID_LOGIN`, …) says why; each becomes its own diagnosis.
//!
//! `login()` is unavailable from API v65.0 and retires for v31–v64 in Summer '27, so the version
//! is pinned to the last one that has it; once Salesforce retires it, the refusal is named as
//! such (the data action itself will need another credential type by then).

use url::Url;

use super::super::http::{Http, Reply, Request};
use super::super::oauth;
use crate::connection::{Code, Failure, join};
use crate::secrets::Sensitive;
use crate::xml;

/// The last API version with SOAP `login()`.
pub const SOAP_LOGIN_VERSION: &str = "64.0";

/// A user's sign-in: the password and the security token are sent together (the token appended,
/// as Salesforce wants it; an empty token when the caller's network is trusted).
pub struct SoapLogin<'a> {
    pub username: &'a str,
    pub password: &'a Sensitive,
    pub security_token: Option<&'a Sensitive>,
}

/// Signs in at `login_base` (`https://login.salesforce.com`, `https://test.salesforce.com`, a
/// My Domain, or the emulator's): `Ok` when Salesforce issues a session.
pub async fn login(http: &Http, login_base: &Url, user: &SoapLogin<'_>) -> Result<(), Failure> {
    let url = join(
        login_base,
        &format!("/services/Soap/u/{SOAP_LOGIN_VERSION}"),
    );
    let token = user.security_token.map(Sensitive::expose).unwrap_or("");
    let combined = Sensitive::new(format!("{}{token}", user.password.expose()));
    let escaped = Sensitive::new(xml::escape(combined.expose()));
    let envelope = format!(
        concat!(
            r#"<?xml version="1.0" encoding="utf-8"?>"#,
            r#"<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">"#,
            r#"<env:Body><n1:login xmlns:n1="urn:partner.soap.sforce.com">"#,
            "<n1:username>{}</n1:username><n1:password>{}</n1:password>",
            "</n1:login></env:Body></env:Envelope>"
        ),
        xml::escape(user.username.trim()),
        escaped.expose()
    );
    let mut secrets = vec![user.password, &combined, &escaped];
    secrets.extend(user.security_token);
    let request = Request::post_bytes(url, "text/xml; charset=UTF-8", envelope.into_bytes())
        .soap_action("login")
        .raw_secrets(secrets);
    let reply = http.send(&request).await?;
    if reply.is_success() && element(&reply.body, "sessionId").is_some() {
        return Ok(());
    }
    Err(refusal(&reply, login_base))
}

/// The diagnosis for a SOAP fault (`faultcode` is `sf:<CODE>`, sometimes unprefixed).
fn refusal(reply: &Reply, login_base: &Url) -> Failure {
    let Some(fault) = element(&reply.body, "faultcode") else {
        return oauth::unexpected(reply);
    };
    let code = fault.rsplit(':').next().unwrap_or_default();
    let diagnosis = match code {
        "INVALID_LOGIN" | "PASSWORD_LOCKOUT" => Code::SalesforceInvalidLogin,
        "LOGIN_MUST_USE_SECURITY_TOKEN" => Code::SalesforceSecurityTokenRequired,
        "API_DISABLED_FOR_ORG" | "API_CURRENTLY_DISABLED" => Code::SalesforceApiDisabled,
        "INVALID_OPERATION_WITH_EXPIRED_PASSWORD" => Code::SalesforcePasswordExpired,
        "LOGIN_DURING_RESTRICTED_DOMAIN" => Code::SalesforceLoginHostNotSupported,
        _ => {
            let message = element(&reply.body, "faultstring").unwrap_or_default();
            return Failure::new(Code::SalesforceTokenRequestRejected)
                .with("error", code)
                .with("vendorMessage", message);
        }
    };
    let failure = Failure::new(diagnosis);
    if diagnosis == Code::SalesforceLoginHostNotSupported {
        return failure.with("loginHost", login_base.host_str().unwrap_or_default());
    }
    failure
}

/// The text of the first element named `name` (any namespace prefix): a SOAP answer is small
/// and flat, and only these few elements are read.
fn element<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let end = rest.find('>')?;
        let tag = &rest[..end];
        let local = tag.split_whitespace().next()?.rsplit(':').next()?;
        if local == name && !tag.starts_with('/') && !tag.ends_with('/') {
            let content = &rest[end + 1..];
            let close = content.find("</")?;
            return Some(content[..close].trim());
        }
        rest = &rest[end + 1..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::element;

    #[test]
    fn an_element_is_read_whatever_its_prefix() {
        let fault = r#"<?xml version="1.0"?><soapenv:Envelope><soapenv:Body><soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>"#;
        assert_eq!(element(fault, "faultcode"), Some("sf:INVALID_LOGIN"));
        assert!(
            element(fault, "faultstring")
                .unwrap()
                .starts_with("INVALID_LOGIN:")
        );
        let ok = r#"<loginResponse><result><serverUrl>https://x</serverUrl><sessionId>00D!AQ</sessionId></result></loginResponse>"#;
        assert_eq!(element(ok, "sessionId"), Some("00D!AQ"));
        assert_eq!(element(ok, "faultcode"), None);
    }
}
