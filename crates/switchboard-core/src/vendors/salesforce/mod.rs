//! Salesforce: the connected app's Test with the username-password flow. Log in on the
//! environment's host (the security token appended to the password here, never by the user),
//! then query `ServicePresenceStatus` on the org's `instance_url`.

pub mod session;
pub mod soap_login;
pub mod zcc;

use serde_json::Value;
use url::Url;

use super::http::{Http, Reply, Request};
use super::{At, Stop, close, oauth, params, preflight, secret, settings_failure, untrusted};
use crate::connection::{
    Code, ConnectionSecrets, Diagnosis, Endpoints, Failure, Params, SalesforceEnvironment,
    SalesforceSettings, Vendor, join,
};
use crate::secrets::Sensitive;

pub const PRODUCTION_LOGIN: &str = "https://login.salesforce.com";
pub const SANDBOX_LOGIN: &str = "https://test.salesforce.com";
pub const API_VERSION: &str = "v67.0";
pub const PRESENCE_QUERY: &str = "SELECT Id, DeveloperName, MasterLabel FROM ServicePresenceStatus";

pub async fn test(
    settings: &SalesforceSettings,
    secrets: &ConnectionSecrets,
    http: &Http,
) -> Diagnosis {
    let mut diagnosis = Diagnosis::new(Vendor::Salesforce);
    let outcome = run(settings, secrets, http, &mut diagnosis).await;
    close(diagnosis, outcome, http, secrets)
}

/// The login host: the org's My Domain when known (it always works, and is the only host for
/// My Domain / Hyperforce), else the generic production or sandbox host.
pub fn login_base(settings: &SalesforceSettings) -> String {
    match (&settings.my_domain_host, settings.environment) {
        (Some(host), _) => format!("https://{host}"),
        (None, SalesforceEnvironment::Sandbox) => SANDBOX_LOGIN.to_owned(),
        (None, _) => PRODUCTION_LOGIN.to_owned(),
    }
}

async fn run(
    settings: &SalesforceSettings,
    secrets: &ConnectionSecrets,
    http: &Http,
    diagnosis: &mut Diagnosis,
) -> Result<(), Stop> {
    preflight(
        diagnosis,
        Vendor::Salesforce,
        settings.field_error(),
        secrets,
    )?;
    let login = Login::new(settings, secrets)?;
    let granted = login.mint(http).await.at("token")?;
    let api_base = login.api_base(&granted).at("token")?;
    diagnosis.pass("token", login.token_params(&api_base));

    let query = query_url(&api_base, PRESENCE_QUERY);
    // No refresh token in this flow: "refreshing" is logging in again.
    let refresh = || async { login.mint(http).await.map(|g| g.token) };
    let reply = http
        .get_with_token(&query, &granted.token, |r| r.status == 401, refresh)
        .await
        .at("presence_statuses")?;
    let count = read_statuses(&reply).at("presence_statuses")?;
    diagnosis.pass("presence_statuses", params([("count", count.into())]));
    Ok(())
}

/// Everything the username-password login sends, gathered once: the Test and the session
/// ([`session`]) log in (and log in again when a token expires) with it.
pub(crate) struct Login {
    consumer_key: String,
    username: String,
    consumer_secret: Sensitive,
    password: Sensitive,
    security_token_set: bool,
    token_url: Url,
    login_host: String,
    endpoints: Endpoints,
}

impl Login {
    /// A missing secret or a bad login host is the `settings` check's failure.
    pub(crate) fn new(
        settings: &SalesforceSettings,
        secrets: &ConnectionSecrets,
    ) -> Result<Login, Stop> {
        let login_base = settings
            .endpoints
            .token(Vendor::Salesforce, &login_base(settings))
            .map_err(|(f, e)| ("settings", settings_failure(f, &e)))?;
        Ok(Login {
            consumer_key: settings.consumer_key.clone(),
            username: settings.username.clone(),
            consumer_secret: secret(secrets, "consumer-secret")?.clone(),
            // The app joins password and token, so the admin keeps them in two fields and a
            // token change never means retyping the password.
            password: Sensitive::new(format!(
                "{}{}",
                secret(secrets, "password")?.expose(),
                secrets.get("security-token").map_or("", |t| t.expose())
            )),
            security_token_set: secrets.get("security-token").is_some(),
            token_url: join(&login_base, "/services/oauth2/token"),
            login_host: login_base.host_str().unwrap_or_default().to_owned(),
            endpoints: settings.endpoints.clone(),
        })
    }

    pub(crate) async fn mint(&self, http: &Http) -> Result<oauth::Granted, Failure> {
        let request = Request::post_form(self.token_url.clone())
            .field("grant_type", "password")
            .field("client_id", &self.consumer_key)
            .secret_field("client_secret", &self.consumer_secret)
            .field("username", &self.username)
            .secret_field("password", &self.password);
        let reply = http.send(&request).await?;
        oauth::read(&reply).map_err(|refusal| token_refusal(&refusal, self))
    }

    /// The org's API base: the granted token's `instance_url`, unless the connection overrides it.
    pub(crate) fn api_base(&self, granted: &oauth::Granted) -> Result<Url, Failure> {
        let instance = granted
            .body
            .get("instance_url")
            .and_then(Value::as_str)
            .unwrap_or_default();
        self.endpoints
            .api(Vendor::Salesforce, Some(instance))
            .map_err(|_| untrusted(instance))
    }

    /// The `token` check's params: where the login went and which instance answers.
    pub(crate) fn token_params(&self, api_base: &Url) -> Params {
        params([
            ("loginHost", self.login_host.clone().into()),
            (
                "instanceHost",
                api_base.host_str().unwrap_or_default().into(),
            ),
        ])
    }
}

/// The REST query resource for `soql` on the org.
pub(crate) fn query_url(api_base: &Url, soql: &str) -> Url {
    let mut query = join(api_base, &format!("/services/data/{API_VERSION}/query"));
    query.query_pairs_mut().append_pair("q", soql);
    query
}

/// Salesforce's login refusals, the specific texts first: several arrive as `invalid_grant`.
fn token_refusal(refusal: &oauth::Refusal, login: &Login) -> Failure {
    let login_host = login.login_host.as_str();
    if refusal.is_empty_grant() {
        return refusal.rejected(Code::VendorUnexpectedResponse);
    }
    let text = refusal.text();
    let code = if text.contains("login_must_use_security_token") {
        Code::SalesforceSecurityTokenRequired
    } else if text.contains("invalid_login") {
        Code::SalesforceInvalidLogin
    } else if text.contains("approved this consumer") {
        Code::SalesforceUserNotApproved
    } else if text.contains("not supported on this domain") {
        return Failure::new(Code::SalesforceLoginHostNotSupported).with("loginHost", login_host);
    } else if refusal.error == "invalid_client_id" {
        Code::SalesforceInvalidConsumerKey
    } else if refusal.error == "invalid_client" {
        Code::SalesforceInvalidConsumerSecret
    } else if refusal.error == "unsupported_grant_type" {
        return Failure::new(Code::SalesforceUnsupportedGrantType).with("loginHost", login_host);
    } else if refusal.error == "invalid_grant" && text.contains("authentication failure") {
        // The same answer for a blocked flow and a wrong password or token: name both causes.
        return Failure::new(Code::SalesforceAuthenticationFailure)
            .with(
                "likelyCauses",
                vec![
                    "username_password_flow_disabled",
                    "password_or_security_token",
                ],
            )
            .with("securityTokenSet", login.security_token_set);
    } else {
        return refusal.rejected(Code::SalesforceTokenRequestRejected);
    };
    Failure::new(code)
}

/// The number of presence statuses a query answered.
fn read_statuses(reply: &Reply) -> Result<i64, Failure> {
    read_query(reply)?
        .get("totalSize")
        .and_then(Value::as_i64)
        .ok_or_else(|| oauth::unexpected(reply))
}

/// A query's JSON body, or the failure its error names. REST errors are arrays of
/// `{message, errorCode}`.
pub(crate) fn read_query(reply: &Reply) -> Result<Value, Failure> {
    let body = reply.json().unwrap_or(Value::Null);
    if reply.is_success() {
        return match body {
            Value::Object(_) => Ok(body),
            _ => Err(oauth::unexpected(reply)),
        };
    }
    let error_code = body
        .get(0)
        .and_then(|e| e.get("errorCode"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let code = match error_code {
        "REQUEST_LIMIT_EXCEEDED" => {
            let usage = reply.header("sforce-limit-info").unwrap_or_default();
            return Err(Failure::new(Code::SalesforceRequestLimitExceeded).with("usage", usage));
        }
        "API_DISABLED_FOR_ORG" | "API_CURRENTLY_DISABLED" => Code::SalesforceApiDisabled,
        "INVALID_TYPE" => Code::SalesforceOmniChannelUnavailable,
        "INVALID_FIELD" => Code::SalesforceDeveloperNameHidden,
        _ => return Err(oauth::unexpected(reply)),
    };
    Err(Failure::new(code))
}
