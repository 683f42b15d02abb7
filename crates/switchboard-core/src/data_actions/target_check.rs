//! Testing a credential with the service it is for, before Genesys Cloud gets it: Zendesk's
//! `users/me` with the agent's e-mail and API token, for Dynamics 365 the Microsoft Entra
//! token Genesys will ask for (the username–password grant on the app registration), for
//! Salesforce the SOAP `login()` Genesys makes with the password and security token (see
//! [`soap_login`]), and for Google the service account's signed-JWT sign-in (see
//! [`super::google`]). Each
//! documented refusal becomes its own diagnosis. Other kinds have nothing the app can reach
//! itself (an AWS role is assumed by Genesys' own account; a Genesys OAuth client is tested by the
//! Genesys connection) and answer `None`.

use std::collections::BTreeMap;

use serde_json::Value;
use url::Url;

use super::google;
use super::kinds::Kind;
use super::plan::PlannedIntegration;
use crate::connection::{Code, Failure};
use crate::secrets::Sensitive;
use crate::vendors::http::{Http, Request};
use crate::vendors::salesforce::soap_login::{self, SoapLogin};

/// Microsoft Entra's sign-in host (injectable for tests).
pub const ENTRA_LOGIN: &str = "https://login.microsoftonline.com";

/// Where the services the app signs in to itself are: the vendors' own hosts, or for the
/// practice tenant its emulator's (a credential goes only to its vendor).
#[derive(Debug, Clone)]
pub struct Services {
    pub entra_login: Url,
    pub google_token: Url,
    /// Where Salesforce sign-ins go instead of the plan's login host (the emulator, a test
    /// server); `None` is the host the plan names.
    pub salesforce_login: Option<Url>,
}

impl Services {
    /// The real services.
    pub fn vendors() -> Self {
        Services {
            entra_login: Url::parse(ENTRA_LOGIN).expect("a valid constant"),
            google_token: Url::parse(google::GOOGLE_TOKEN).expect("a valid constant"),
            salesforce_login: None,
        }
    }
}

/// The kinds whose credential [`check`] can test (the window offers the test for these only).
pub const TESTABLE: &[Kind] = &[
    Kind::Zendesk,
    Kind::Dynamics,
    Kind::Salesforce,
    Kind::Google,
];

/// Tests `item`'s credential with its own service: `None` when the app cannot reach that service
/// itself ([`TESTABLE`] lists those it can), `Some(Ok(()))` when it accepts the credential.
pub async fn check(
    http: &Http,
    item: &PlannedIntegration,
    secrets: &BTreeMap<String, Sensitive>,
    services: &Services,
) -> Option<Result<(), Failure>> {
    let field = |name: &str| item.fields.get(name).map(String::as_str).unwrap_or("");
    let secret = |name: &str| {
        secrets
            .get(name)
            .ok_or_else(|| Failure::new(Code::SettingsMissingSecret).with("field", name))
    };
    Some(match item.kind {
        Kind::Zendesk => match secret("apiToken") {
            Ok(token) => zendesk(http, field("baseUrl"), field("userEmail"), token).await,
            Err(failure) => Err(failure),
        },
        Kind::Dynamics => match secret("password") {
            Ok(password) => {
                let sign_in = EntraSignIn {
                    application_id: field("applicationId"),
                    username: field("username"),
                    password,
                    org: field("orgWebAddress"),
                };
                entra(http, &services.entra_login, &sign_in).await
            }
            Err(failure) => Err(failure),
        },
        Kind::Salesforce => match secret("password") {
            Ok(password) => {
                let host = field("loginUrl").trim();
                let base = match &services.salesforce_login {
                    Some(base) => Ok(base.clone()),
                    None => Url::parse(&format!("https://{host}"))
                        .map_err(|_| Failure::new(Code::SettingsInvalid).with("field", "loginUrl")),
                };
                // The token may be left out when the org trusts the caller's network.
                let user = SoapLogin {
                    username: field("username"),
                    password,
                    security_token: secrets.get("securityToken"),
                };
                match base {
                    Ok(base) => soap_login::login(http, &base, &user).await,
                    Err(failure) => Err(failure),
                }
            }
            Err(failure) => Err(failure),
        },
        Kind::Google => match secret("privateKey") {
            Ok(private_key) => {
                let impersonated = field("impersonateUserEmail").trim();
                let account = google::ServiceAccount {
                    client_email: field("clientEmail"),
                    client_id: field("clientId"),
                    private_key_id: field("privateKeyId"),
                    private_key,
                    // The plan lists scopes comma-separated; Google wants them space-separated.
                    scopes: field("scopes")
                        .split([',', ' ', '\n'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect(),
                    subject: (!impersonated.is_empty()).then_some(impersonated),
                };
                google::sign_in(http, &services.google_token, &account).await
            }
            Err(failure) => Err(failure),
        },
        _ => return None,
    })
}

async fn zendesk(http: &Http, base: &str, email: &str, token: &Sensitive) -> Result<(), Failure> {
    let url = Url::parse(base.trim_end_matches('/'))
        .and_then(|b| b.join("/api/v2/users/me.json"))
        .map_err(|_| Failure::new(Code::ZendeskAccountNotFound).with("baseUrl", base))?;
    // Zendesk's API-token form of Basic authentication: `<e-mail>/token` and the token.
    let request = Request::get(url).basic(&format!("{email}/token"), token);
    let reply = http.send(&request).await?;
    let body = reply.json().unwrap_or(Value::Null);
    match reply.status {
        // A wrong token is answered 200 with the anonymous user (no id) on some accounts.
        200 if body.pointer("/user/id").is_some_and(|id| !id.is_null()) => Ok(()),
        200 | 401 | 403 => Err(Failure::new(Code::ZendeskUnauthorized).with("email", email)),
        404 => Err(Failure::new(Code::ZendeskAccountNotFound).with("baseUrl", base)),
        _ => Err(crate::vendors::oauth::unexpected(&reply)),
    }
}

struct EntraSignIn<'a> {
    application_id: &'a str,
    username: &'a str,
    password: &'a Sensitive,
    org: &'a str,
}

async fn entra(http: &Http, login: &Url, sign_in: &EntraSignIn<'_>) -> Result<(), Failure> {
    let url = login
        .join("/organizations/oauth2/v2.0/token")
        .map_err(|_| Failure::new(Code::Internal))?;
    let scope = format!("{}/.default", sign_in.org.trim_end_matches('/'));
    let request = Request::post_form(url)
        .field("grant_type", "password")
        .field("client_id", sign_in.application_id)
        .field("username", sign_in.username)
        .secret_field("password", sign_in.password)
        .field("scope", &scope);
    let reply = http.send(&request).await?;
    let body = reply.json().unwrap_or(Value::Null);
    if reply.is_success() && body.get("access_token").is_some() {
        return Ok(());
    }
    let description = body
        .get("error_description")
        .and_then(Value::as_str)
        .unwrap_or_default();
    Err(entra_refusal(description))
}

/// The AADSTS code at the start of Entra's `error_description`, e.g. `AADSTS50126`.
fn aadsts(description: &str) -> Option<&str> {
    let start = description.find("AADSTS")?;
    let rest = &description[start..];
    let end = rest[6..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(rest.len(), |n| n + 6);
    Some(&rest[..end])
}

fn entra_refusal(description: &str) -> Failure {
    let code = aadsts(description).unwrap_or_default();
    let diagnosis = match code {
        "AADSTS50126" | "AADSTS50034" => Code::EntraInvalidCredentials,
        "AADSTS50076" | "AADSTS50079" | "AADSTS50158" => Code::EntraMfaRequired,
        "AADSTS7000218" => Code::EntraPublicClientDisabled,
        "AADSTS700016" => Code::EntraAppNotFound,
        "AADSTS65001" => Code::EntraConsentRequired,
        "AADSTS50055" => Code::EntraPasswordExpired,
        _ => Code::EntraTokenRejected,
    };
    // The first line only: Entra appends trace and correlation ids.
    let message = description.lines().next().unwrap_or_default();
    Failure::new(diagnosis)
        .with("aadsts", code)
        .with("vendorMessage", message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn exactly_the_testable_kinds_are_tested() {
        let http = Http::for_connection(false).unwrap();
        for kind in Kind::ALL {
            let item = PlannedIntegration {
                name: "x".into(),
                kind,
                credential_type: kind.credential_types()[0].into(),
                fields: BTreeMap::new(),
                secrets: BTreeMap::new(),
                notes: String::new(),
            };
            // No secret is saved: a testable kind answers at once that one is missing.
            let tested = check(&http, &item, &BTreeMap::new(), &Services::vendors()).await;
            assert_eq!(tested.is_some(), TESTABLE.contains(&kind), "{kind:?}");
        }
    }

    #[test]
    fn entra_refusals_are_read_by_their_aadsts_code() {
        let cases = [
            (
                "AADSTS50126: Error validating credentials due to invalid username or password.\r\nTrace ID: 1",
                Code::EntraInvalidCredentials,
            ),
            (
                "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication",
                Code::EntraMfaRequired,
            ),
            (
                "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
                Code::EntraPublicClientDisabled,
            ),
            (
                "AADSTS700016: Application with identifier 'x' was not found in the directory 'y'.",
                Code::EntraAppNotFound,
            ),
            (
                "AADSTS65001: The user or administrator has not consented to use the application",
                Code::EntraConsentRequired,
            ),
            (
                "AADSTS50055: The password is expired.",
                Code::EntraPasswordExpired,
            ),
            (
                "AADSTS90002: Tenant 'z' not found.",
                Code::EntraTokenRejected,
            ),
        ];
        for (description, code) in cases {
            let failure = entra_refusal(description);
            assert_eq!(failure.code, code, "{description}");
            assert!(
                !failure.params["vendorMessage"]
                    .as_str()
                    .unwrap()
                    .contains("Trace ID")
            );
        }
        assert_eq!(aadsts("AADSTS50126: x"), Some("AADSTS50126"));
        assert_eq!(aadsts("no code here"), None);
    }
}
