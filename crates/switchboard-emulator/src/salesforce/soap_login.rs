//! `POST /services/Soap/u/{version}`: the partner API's SOAP `login()`, as Genesys Cloud's
//! Salesforce data actions sign in — the password followed by the security token. Refusals are
//! SOAP faults with HTTP 500 and Salesforce's `faultcode`: `INVALID_LOGIN` for a wrong user or
//! password, `LOGIN_MUST_USE_SECURITY_TOKEN` for the right password sent without the token
//! (the caller's network is not trusted), and `UNSUPPORTED_API_VERSION` from v65.0, where
//! `login()` no longer exists.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::server::Emu;

/// The first API version without SOAP `login()`.
const FIRST_WITHOUT_LOGIN: f64 = 65.0;

pub(super) async fn login(
    State(emu): State<Arc<Emu>>,
    Path(version): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let xml_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/xml"));
    if !xml_type || headers.get("SOAPAction").is_none() {
        return fault("soapenv:Client", "Content-Type and SOAPAction are required");
    }
    match version.parse::<f64>() {
        Ok(v) if (31.0..FIRST_WITHOUT_LOGIN).contains(&v) => {}
        _ => {
            return fault(
                "sf:UNSUPPORTED_API_VERSION",
                "UNSUPPORTED_API_VERSION: Invalid Api version specified on URL",
            );
        }
    }
    let body = String::from_utf8_lossy(&body);
    let (Some(username), Some(password)) = (element(&body, "username"), element(&body, "password"))
    else {
        return fault(
            "soapenv:Client",
            "Element {urn:partner.soap.sforce.com}login invalid",
        );
    };
    let creds = &emu.credentials.salesforce;
    let plan = emu.faults.plan();
    let user_ok = username == creds.username && !plan.salesforce.reject_credentials;
    if user_ok && password == creds.password {
        return fault(
            "sf:LOGIN_MUST_USE_SECURITY_TOKEN",
            "LOGIN_MUST_USE_SECURITY_TOKEN: Invalid username, password, security token; or user locked out. Are you at a new location? When accessing Salesforce--either via a desktop client or the API--from outside of your company's trusted networks, you must add a security token to your password to log in.",
        );
    }
    if !user_ok || password != format!("{}{}", creds.password, creds.security_token) {
        return fault(
            "sf:INVALID_LOGIN",
            "INVALID_LOGIN: Invalid username, password, security token; or user locked out.",
        );
    }
    let sf = &emu.salesforce;
    let (org_id, user_id) = {
        let org = sf.org();
        (org.org_id.clone(), org.integration_user_id.clone())
    };
    let session = format!("{}!{}", &org_id[..15], sf.tokens.fresh_value(96));
    sf.tokens
        .issue(&emu.faults, &session, vec!["api".to_owned()], "");
    let instance = &emu.endpoints.salesforce.instance_url;
    xml(
        StatusCode::OK,
        format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8"?>"#,
                r#"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com">"#,
                "<soapenv:Body><loginResponse><result>",
                "<metadataServerUrl>{instance}/services/Soap/m/{version}/{org}</metadataServerUrl>",
                "<passwordExpired>false</passwordExpired><sandbox>false</sandbox>",
                "<serverUrl>{instance}/services/Soap/u/{version}/{org}</serverUrl>",
                "<sessionId>{session}</sessionId><userId>{user}</userId>",
                "</result></loginResponse></soapenv:Body></soapenv:Envelope>"
            ),
            instance = instance,
            version = version,
            org = org_id,
            session = session,
            user = user_id,
        ),
    )
}

fn fault(code: &str, message: &str) -> Response {
    xml(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8"?>"#,
                r#"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com">"#,
                "<soapenv:Body><soapenv:Fault><faultcode>{}</faultcode><faultstring>{}</faultstring>",
                "</soapenv:Fault></soapenv:Body></soapenv:Envelope>"
            ),
            code,
            escape(message)
        ),
    )
}

fn xml(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/xml;charset=UTF-8")],
        body,
    )
        .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
}

/// The unescaped text of the first element whose local name is `name`.
fn element(body: &str, name: &str) -> Option<String> {
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let end = rest.find('>')?;
        let tag = &rest[..end];
        let local = tag.split_whitespace().next()?.rsplit(':').next()?;
        if local == name && !tag.starts_with('/') {
            let content = &rest[end + 1..];
            let close = content.find("</")?;
            return Some(
                content[..close]
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            );
        }
        rest = &rest[end + 1..];
    }
    None
}
