//! Zoom: the Server-to-Server OAuth app's Test. Mint a token with account credentials, compare
//! the granted scopes with what CXone's Directory / Presence Sync needs (naming the missing
//! ones), then count users with `GET /v2/users?page_size=1`.

pub mod agent_statuses;
pub mod contact_center;
pub mod session;

use serde_json::Value;
use url::Url;

use super::http::{Http, Reply, Request};
use super::{At, Stop, close, oauth, params, preflight, secret, settings_failure};
use crate::connection::{Code, ConnectionSecrets, Diagnosis, Failure, Vendor, ZoomSettings, join};
use crate::secrets::Sensitive;

pub const TOKEN_BASE: &str = "https://zoom.us";
pub const API_BASE: &str = "https://api.zoom.us";

/// One scope the integration needs: its classic name (what the admin ticks, and what a failure
/// names) and the granular names Zoom accepts in its place.
#[derive(Debug, Clone, Copy)]
pub struct ScopeNeed {
    pub scope: &'static str,
    pub granular: &'static [&'static str],
}

/// The five scopes NICE's "Create a Zoom App" step asks for (vendor-apis §1.7).
pub const REQUIRED_SCOPES: &[ScopeNeed] = &[
    ScopeNeed {
        scope: "contact:read:admin",
        granular: &["contact:read:list_contacts:admin"],
    },
    ScopeNeed {
        scope: "phone:read:admin",
        granular: &["phone:read:list_users:admin", "phone:read:user:admin"],
    },
    ScopeNeed {
        scope: "user:read:admin",
        granular: &["user:read:list_users:admin", "user:read:user:admin"],
    },
    ScopeNeed {
        scope: "user:write:admin",
        granular: &[],
    },
    ScopeNeed {
        scope: "zoom_events_basic:read:admin",
        granular: &[],
    },
];

pub async fn test(settings: &ZoomSettings, secrets: &ConnectionSecrets, http: &Http) -> Diagnosis {
    let mut diagnosis = Diagnosis::new(Vendor::Zoom);
    let outcome = run(settings, secrets, http, &mut diagnosis).await;
    close(diagnosis, outcome, http, secrets)
}

async fn run(
    settings: &ZoomSettings,
    secrets: &ConnectionSecrets,
    http: &Http,
    diagnosis: &mut Diagnosis,
) -> Result<(), Stop> {
    preflight(diagnosis, Vendor::Zoom, settings.field_error(), secrets)?;
    let client_secret = secret(secrets, "client-secret")?;
    let bases = settings
        .endpoints
        .token(Vendor::Zoom, TOKEN_BASE)
        .and_then(|token| Ok((token, settings.endpoints.api(Vendor::Zoom, Some(API_BASE))?)));
    let (token_base, api_base) = bases.map_err(|(f, e)| ("settings", settings_failure(f, &e)))?;
    let token_url = join(&token_base, "/oauth/token");
    let mint = || mint_token(http, &token_url, settings, client_secret);

    let granted = mint().await.at("token")?;
    diagnosis.pass("token", Default::default());

    let scope = granted.body.get("scope").and_then(Value::as_str);
    let missing = missing_scopes(scope.unwrap_or_default());
    if missing.is_empty() {
        diagnosis.pass("scopes", Default::default());
    } else {
        // Not fatal: the user count below may still work and says more about the app.
        diagnosis.fail(
            "scopes",
            Failure::new(Code::ZoomMissingScopes).with("missing", missing),
        );
    }

    let mut users = join(&api_base, "/v2/users");
    users.query_pairs_mut().append_pair("page_size", "1");
    let refresh = || async { mint().await.map(|g| g.token) };
    let reply = http
        .get_with_token(&users, &granted.token, token_expired, refresh)
        .await
        .map_err(daily_limit)
        .at("users")?;
    let total = read_users(&reply).at("users")?;
    diagnosis.pass("users", params([("totalRecords", total.into())]));
    Ok(())
}

pub(crate) async fn mint_token(
    http: &Http,
    url: &Url,
    settings: &ZoomSettings,
    client_secret: &Sensitive,
) -> Result<oauth::Granted, Failure> {
    // The parameters go in the body: Zoom has started to answer 400 to them in the query.
    let request = Request::post_form(url.clone())
        .basic(&settings.client_id, client_secret)
        .field("grant_type", "account_credentials")
        .field("account_id", &settings.account_id);
    let reply = http
        .send(&request)
        .await
        .map_err(|e| daily_limit(e.into()))?;
    oauth::read(&reply).map_err(|refusal| token_refusal(&refusal))
}

/// Zoom's token errors (OAuth codes 4700–4741) by their text first: the numbers overlap with
/// REST codes, the texts do not.
fn token_refusal(refusal: &oauth::Refusal) -> Failure {
    if refusal.is_empty_grant() {
        return Failure::new(Code::ZoomNoTokenIssued);
    }
    let text = refusal.text();
    let code = if text.contains("does not match") {
        Code::ZoomClientIdMismatch
    } else if text.contains("client") && text.contains("missing") {
        Code::ZoomCredentialsMissing
    } else if text.contains("invalid client secret") {
        Code::ZoomInvalidClientSecret
    } else if refusal.error == "unsupported_grant_type"
        || text.contains("unsupported grant type")
        || text.contains("grant type is not supported")
        || refusal.code == Some(4705)
    {
        Code::ZoomNotServerToServerApp
    } else if text.contains("account") {
        Code::ZoomInvalidAccountId
    } else if refusal.error == "invalid_client"
        || text.contains("invalid client")
        || matches!(refusal.code, Some(4702 | 4704))
    {
        Code::ZoomInvalidClient
    } else if refusal.code == Some(4706) {
        Code::ZoomCredentialsMissing
    } else {
        return refusal.rejected(Code::ZoomTokenRequestRejected);
    };
    Failure::new(code)
}

/// The required scopes the token's space-separated `scope` string lacks (classic names).
pub fn missing_scopes(granted: &str) -> Vec<&'static str> {
    let granted: Vec<&str> = granted.split_whitespace().collect();
    REQUIRED_SCOPES
        .iter()
        .filter(|need| {
            !granted.contains(&need.scope) && !need.granular.iter().any(|g| granted.contains(g))
        })
        .map(|need| need.scope)
        .collect()
}

/// The scopes named in "Invalid access token, does not contain scopes:[a, b]." (any code).
pub fn scopes_in_message(message: &str) -> Option<Vec<String>> {
    let (_, rest) = message.split_once("does not contain scopes:")?;
    let list = rest.trim().trim_start_matches('[');
    let list = list.split(']').next().unwrap_or(list);
    let scopes: Vec<String> = list
        .split(',')
        .map(|s| s.trim().trim_end_matches('.').to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    (!scopes.is_empty()).then_some(scopes)
}

pub(crate) fn message(reply: &Reply) -> String {
    reply
        .json()
        .and_then(|b| b.get("message")?.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Code 124 ("Access token is expired" / "Invalid access token") or a bare 401, but never the
/// missing-scopes answer, which a new token would not fix.
pub(crate) fn token_expired(reply: &Reply) -> bool {
    let code = reply
        .json()
        .and_then(|b| b.get("code")?.as_i64())
        .unwrap_or_default();
    (reply.status == 401 || code == 124) && scopes_in_message(&message(reply)).is_none()
}

pub(crate) fn read_users(reply: &Reply) -> Result<i64, Failure> {
    let body = reply.json().unwrap_or(Value::Null);
    if reply.is_success() {
        return body
            .get("total_records")
            .and_then(Value::as_i64)
            .ok_or_else(|| oauth::unexpected(reply));
    }
    let text = message(reply);
    if let Some(missing) = scopes_in_message(&text) {
        return Err(Failure::new(Code::ZoomMissingScopes).with("missing", missing));
    }
    if reply.status == 403 || text.contains("has been denied") {
        return Err(Failure::new(Code::ZoomApiAccessDenied));
    }
    Err(oauth::unexpected(reply))
}

/// Zoom's daily limit is not worth waiting for; say so rather than "try again soon".
pub(crate) fn daily_limit(failure: Failure) -> Failure {
    let daily = failure.code == Code::RateLimited
        && failure
            .params
            .get("vendorMessage")
            .and_then(Value::as_str)
            .is_some_and(|m| m.to_ascii_lowercase().contains("daily"));
    if !daily {
        return failure;
    }
    Failure {
        code: Code::ZoomDailyRateLimit,
        params: failure.params,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_or_granular_names_satisfy_a_need() {
        let all = "contact:read:admin phone:read:admin user:read:admin user:write:admin \
                   zoom_events_basic:read:admin";
        assert!(missing_scopes(all).is_empty());
        let granular = "contact:read:list_contacts:admin phone:read:list_users:admin \
                        user:read:list_users:admin user:write:admin";
        assert_eq!(
            missing_scopes(granular),
            vec!["zoom_events_basic:read:admin"]
        );
    }

    #[test]
    fn scope_lists_are_read_from_zoom_messages() {
        assert_eq!(
            scopes_in_message(
                "Invalid access token, does not contain scopes:[user:read:list_users:admin]."
            ),
            Some(vec!["user:read:list_users:admin".to_owned()])
        );
        assert_eq!(
            scopes_in_message(
                "Invalid access token, does not contain scopes: \
                 [user:write:admin, user:read:admin]."
            ),
            Some(vec![
                "user:write:admin".to_owned(),
                "user:read:admin".to_owned()
            ])
        );
        assert_eq!(scopes_in_message("Invalid access token."), None);
    }
}
