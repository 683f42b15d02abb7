//! NICE CXone: the access-key connection's Test. Get a token with the access key and the
//! NICE-registered client, discover the tenant's API host (`/.well-known/cxone-configuration`),
//! then read the unavailable codes (the "ACD states" presence rules use).

mod directory;
pub mod session;
mod types;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;
use url::Url;

use super::http::{Http, Reply, Request};
use super::{At, Stop, close, oauth, params, preflight, secret, settings_failure, untrusted};
use crate::connection::{
    Code, ConnectionSecrets, CxoneCloud, CxoneSettings, Diagnosis, Failure, Vendor, join,
};
use crate::secrets::Sensitive;

pub const TOKEN_BASE: &str = "https://cxone.niceincontact.com";
pub const GOV_TOKEN_BASE: &str = "https://cxone-gov.niceincontact.com";
/// The ACD admin API version the clients speak.
pub const ADMIN_API: &str = "/inContactAPI/services/v34.0";

pub async fn test(settings: &CxoneSettings, secrets: &ConnectionSecrets, http: &Http) -> Diagnosis {
    let mut diagnosis = Diagnosis::new(Vendor::Cxone);
    let outcome = run(settings, secrets, http, &mut diagnosis).await;
    close(diagnosis, outcome, http, secrets)
}

async fn run(
    settings: &CxoneSettings,
    secrets: &ConnectionSecrets,
    http: &Http,
    diagnosis: &mut Diagnosis,
) -> Result<(), Stop> {
    preflight(diagnosis, Vendor::Cxone, settings.field_error(), secrets)?;
    let credentials = Credentials {
        access_key_secret: secret(secrets, "access-key-secret")?,
        client_secret: secret(secrets, "client-secret")?,
    };
    let default_base = match settings.cloud {
        CxoneCloud::Commercial => TOKEN_BASE,
        CxoneCloud::UsGov => GOV_TOKEN_BASE,
    };
    let auth_base = settings
        .endpoints
        .token(Vendor::Cxone, default_base)
        .map_err(|(f, e)| ("settings", settings_failure(f, &e)))?;
    let token_url = join(&auth_base, "/auth/token");
    let mint = || mint_token(http, &token_url, settings, &credentials);

    let granted = mint().await.at("token")?;
    diagnosis.pass("token", Default::default());

    let tenant = settings
        .tenant_id
        .clone()
        .or_else(|| tenant_from_id_token(&granted.body))
        .ok_or(Code::CxoneTenantUnknown)
        .at("discovery")?;
    let discovered = discover(http, &auth_base, &tenant).await.at("discovery")?;
    diagnosis.pass(
        "discovery",
        params([
            ("tenantId", tenant.clone().into()),
            ("apiEndpoint", discovered.api_endpoint.clone().into()),
            ("area", discovered.area.clone().into()),
        ]),
    );
    if let (Some(configured), Some(actual)) = (&settings.area, &discovered.area)
        && !configured.eq_ignore_ascii_case(actual)
    {
        let failure = Failure::new(Code::CxoneAreaMismatch)
            .with("configured", configured.as_str())
            .with("actual", actual.as_str());
        // Not fatal: discovery already gave the right API host.
        diagnosis.fail("area", failure);
    }

    let api_base = settings
        .endpoints
        .api(Vendor::Cxone, Some(&discovered.api_endpoint))
        .map_err(|_| ("discovery", untrusted(&discovered.api_endpoint)))?;
    let mut codes = join(&api_base, &format!("{ADMIN_API}/unavailable-codes"));
    codes.query_pairs_mut().append_pair("top", "1");
    let refresh = || async { mint().await.map(|g| g.token) };
    let reply = http
        .get_with_token(&codes, &granted.token, |r| r.status == 401, refresh)
        .await
        .at("unavailable_codes")?;
    let total = read_codes(&reply).at("unavailable_codes")?;
    diagnosis.pass(
        "unavailable_codes",
        params([("totalRecords", total.into())]),
    );
    Ok(())
}

pub(crate) struct Credentials<'s> {
    pub access_key_secret: &'s Sensitive,
    pub client_secret: &'s Sensitive,
}

/// The `password` grant with an access key; the registered client authenticates with Basic.
pub(crate) async fn mint_token(
    http: &Http,
    url: &Url,
    settings: &CxoneSettings,
    credentials: &Credentials<'_>,
) -> Result<oauth::Granted, Failure> {
    let request = Request::post_form(url.clone())
        .basic(&settings.client_id, credentials.client_secret)
        .field("grant_type", "password")
        .field("username", &settings.access_key_id)
        .secret_field("password", credentials.access_key_secret);
    let reply = http.send(&request).await?;
    oauth::read(&reply).map_err(|refusal| token_refusal(&refusal))
}

fn token_refusal(refusal: &oauth::Refusal) -> Failure {
    if refusal.is_empty_grant() {
        return refusal.rejected(Code::VendorUnexpectedResponse);
    }
    let code = match refusal.error.as_str() {
        "invalid_client" => Code::CxoneInvalidClient,
        "invalid_grant" => Code::CxoneInvalidAccessKey,
        "unauthorized_client" => Code::CxoneUnauthorizedClient,
        _ => return refusal.rejected(Code::CxoneTokenRequestRejected),
    };
    Failure::new(code)
}

/// The `tenantId` claim of the `id_token` (a JWT; read, not verified: it only picks the
/// tenant to discover, and discovery itself is an https call to CXone).
pub(crate) fn tenant_from_id_token(body: &Value) -> Option<String> {
    let jwt = body.get("id_token")?.as_str()?;
    let payload = jwt.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    let claims: Value = serde_json::from_slice(&bytes).ok()?;
    let tenant = claims.get("tenantId").or_else(|| claims.get("tenant_id"))?;
    tenant.as_str().map(str::to_owned)
}

pub(crate) struct Discovered {
    pub api_endpoint: String,
    pub area: Option<String>,
}

pub(crate) async fn discover(
    http: &Http,
    auth_base: &Url,
    tenant: &str,
) -> Result<Discovered, Failure> {
    let mut url = join(auth_base, "/.well-known/cxone-configuration");
    url.query_pairs_mut().append_pair("tenantId", tenant);
    let reply = http.send(&Request::get(url)).await?;
    if reply.status == 404 || reply.status == 422 {
        return Err(Failure::new(Code::CxoneTenantNotFound).with("tenantId", tenant));
    }
    let body = reply.json().filter(|_| reply.is_success());
    let field = |key: &str| {
        let value = body.as_ref()?.get(key)?.as_str()?;
        Some(value.to_owned())
    };
    let api_endpoint = field("api_endpoint").ok_or_else(|| oauth::unexpected(&reply))?;
    Ok(Discovered {
        api_endpoint,
        area: field("area"),
    })
}

fn read_codes(reply: &Reply) -> Result<i64, Failure> {
    match reply.status {
        // 204: the tenant has no unavailable codes yet; the read itself worked.
        204 => Ok(0),
        200 => {
            let body = reply.json().ok_or_else(|| oauth::unexpected(reply))?;
            let listed = body.get("unavailableCodes").and_then(Value::as_array);
            body.get("totalRecords")
                .and_then(Value::as_i64)
                .or_else(|| listed.map(|l| l.len() as i64))
                .ok_or_else(|| oauth::unexpected(reply))
        }
        403 => Err(Failure::new(Code::CxoneMissingPermissions)),
        _ => Err(oauth::unexpected(reply)),
    }
}
