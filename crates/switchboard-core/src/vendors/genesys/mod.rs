//! Genesys Cloud: the OAuth client's Test. Get a client-credentials token on
//! `login.<region>`, then list the integration types on `api.<region>` (what the data-action
//! flow needs to read first). [`session`] is the signed-in client the data-actions flow uses.

pub mod authorization;
pub mod session;
pub mod types;

use serde_json::Value;
use url::Url;

use super::http::{Http, Reply, Request};
use super::{At, Stop, close, oauth, params, preflight, secret, settings_failure};
use crate::connection::{
    Code, ConnectionSecrets, Diagnosis, Failure, GenesysSettings, Vendor, join,
};
use crate::secrets::Sensitive;

pub async fn test(
    settings: &GenesysSettings,
    secrets: &ConnectionSecrets,
    http: &Http,
) -> Diagnosis {
    let mut diagnosis = Diagnosis::new(Vendor::Genesys);
    let outcome = run(settings, secrets, http, &mut diagnosis).await;
    close(diagnosis, outcome, http, secrets)
}

async fn run(
    settings: &GenesysSettings,
    secrets: &ConnectionSecrets,
    http: &Http,
    diagnosis: &mut Diagnosis,
) -> Result<(), Stop> {
    preflight(diagnosis, Vendor::Genesys, settings.field_error(), secrets)?;
    let client_secret = secret(secrets, "client-secret")?;
    let (token_url, api_base) = bases(settings).map_err(|f| ("settings", f))?;
    let mint = || mint_token(http, &token_url, settings, client_secret);

    let granted = mint().await.at("token")?;
    diagnosis.pass(
        "token",
        params([("region", settings.region.clone().into())]),
    );

    let mut types = join(&api_base, "/api/v2/integrations/types");
    types.query_pairs_mut().append_pair("pageSize", "100");
    let refresh = || async { mint().await.map(|g| g.token) };
    let reply = http
        .get_with_token(&types, &granted.token, |r| r.status == 401, refresh)
        .await
        .at("integration_types")?;
    let count = read_types(&reply).at("integration_types")?;
    diagnosis.pass("integration_types", params([("count", count.into())]));
    Ok(())
}

/// The token URL on `login.<region>` and the API base `api.<region>` (or the injected ones).
fn bases(settings: &GenesysSettings) -> Result<(Url, Url), Failure> {
    let login = format!("https://login.{}", settings.region);
    let api = format!("https://api.{}", settings.region);
    let token_base = settings
        .endpoints
        .token(Vendor::Genesys, &login)
        .map_err(|(f, e)| settings_failure(f, &e))?;
    let api_base = settings
        .endpoints
        .api(Vendor::Genesys, Some(&api))
        .map_err(|(f, e)| settings_failure(f, &e))?;
    Ok((join(&token_base, "/oauth/token"), api_base))
}

async fn mint_token(
    http: &Http,
    url: &Url,
    settings: &GenesysSettings,
    client_secret: &Sensitive,
) -> Result<oauth::Granted, Failure> {
    let request = Request::post_form(url.clone())
        .basic(&settings.client_id, client_secret)
        .field("grant_type", "client_credentials");
    let reply = http.send(&request).await?;
    oauth::read(&reply).map_err(|refusal| token_refusal(&refusal, &settings.region))
}

fn token_refusal(refusal: &oauth::Refusal, region: &str) -> Failure {
    if refusal.is_empty_grant() {
        return refusal.rejected(Code::VendorUnexpectedResponse);
    }
    let text = refusal.text();
    match refusal.error.as_str() {
        "unauthorized_client" => Failure::new(Code::GenesysWrongGrantType),
        // Each region has its own login host, so an unknown client is as often a wrong region
        // as a wrong ID: the fix names the region that was asked.
        "invalid_client" if text.contains("not found") => {
            Failure::new(Code::GenesysClientNotFoundInRegion).with("region", region)
        }
        "invalid_client" if text.contains("authentication failed") => {
            Failure::new(Code::GenesysInvalidClientSecret)
        }
        _ => refusal.rejected(Code::GenesysTokenRequestRejected),
    }
}

fn read_types(reply: &Reply) -> Result<i64, Failure> {
    let body = reply.json().unwrap_or(Value::Null);
    if reply.is_success() {
        let listed = body.get("entities").and_then(Value::as_array);
        return body
            .get("total")
            .and_then(Value::as_i64)
            .or_else(|| listed.map(|l| l.len() as i64))
            .ok_or_else(|| oauth::unexpected(reply));
    }
    Err(refusal(reply).unwrap_or_else(|| oauth::unexpected(reply)))
}

/// The refusals every Genesys call shares: missing permissions (named), a refused token.
fn refusal(reply: &Reply) -> Option<Failure> {
    let body = reply.json().unwrap_or(Value::Null);
    let code = body.get("code").and_then(Value::as_str).unwrap_or_default();
    if reply.status == 403 || code == "missing.permissions" {
        let message = body
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let permissions = missing_permissions(message);
        return Some(
            Failure::new(Code::GenesysMissingPermissions).with("permissions", permissions),
        );
    }
    (reply.status == 401).then(|| Failure::new(Code::VendorTokenRejected))
}

/// The permissions named in "…missing the following permission(s): a, b" (brackets optional).
pub fn missing_permissions(message: &str) -> Vec<String> {
    let Some((_, list)) = message.split_once("permission(s):") else {
        return Vec::new();
    };
    list.split([',', ' ', '[', ']'])
        .map(|p| p.trim().trim_end_matches('.'))
        .filter(|p| p.contains(':'))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_permissions_are_read_from_the_message() {
        assert_eq!(
            missing_permissions(
                "You are missing the following permission(s): \
                 [integrations:integration:view, integrations:integration:add]"
            ),
            vec![
                "integrations:integration:view",
                "integrations:integration:add"
            ]
        );
        assert!(missing_permissions("Forbidden").is_empty());
    }
}
