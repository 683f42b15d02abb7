//! Genesys limits a client meets in a real org: role permissions the OAuth client lacks
//! (403 `missing.permissions`) and the default 300 requests a minute per token (429 with
//! `Retry-After` in seconds).

use reqwest::Method;
use serde_json::{Value, json};
use switchboard_emulator::{EmulatorConfig, GENESYS_TOKEN_RATE_PER_MINUTE, RateLimit, RetryAfter};

use crate::contract::assert_valid;
use crate::genesys::call;
use crate::support::{client, genesys_session, get, read, start, start_with};

#[tokio::test]
async fn missing_permissions_refuse_the_writes_that_need_them_with_403() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let integrations = format!("{api}/api/v2/integrations");
    let (status, created) = call(
        Method::POST,
        &integrations,
        &token,
        Some(json!({ "integrationType": { "id": "custom-rest-actions" } })),
    )
    .await;
    assert_eq!(status, 200, "{created}");
    let id = created["id"].as_str().expect("id").to_owned();

    // Set through the control endpoint, so the JSON name is the one tools and the app use.
    let plan = json!({ "genesys_missing_permissions": ["integrations:integration:add", "integrations:integration:delete"] });
    let control = &emu.endpoints().control_base;
    let response = client()
        .put(format!("{control}/faults"))
        .json(&plan)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);

    let (status, refused) = call(
        Method::POST,
        &integrations,
        &token,
        Some(json!({ "integrationType": { "id": "custom-rest-actions" } })),
    )
    .await;
    assert_eq!(status, 403);
    assert_valid("genesys", "error", &refused);
    assert_eq!(refused["code"], "missing.permissions");
    assert_eq!(refused["status"], 403);
    assert_eq!(
        refused["message"],
        "You are missing the following permission(s): [integrations:integration:add]"
    );
    let credential =
        json!({ "name": "c", "type": { "name": "userDefined" }, "credentialFields": {} });
    let (status, refused) = call(
        Method::POST,
        &format!("{integrations}/credentials"),
        &token,
        Some(credential),
    )
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("missing.permissions"))
    );

    let (status, _) = get(&integrations, &token).await;
    assert_eq!(status, 200, "view is still granted");
    let (status, _) = call(
        Method::PATCH,
        &format!("{integrations}/{id}"),
        &token,
        Some(json!({ "intendedState": "ENABLED" })),
    )
    .await;
    assert_eq!(status, 200, "edit is still granted");
    let (status, refused) = call(
        Method::DELETE,
        &format!("{integrations}/{id}"),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 403);
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("[integrations:integration:delete]"))
    );

    emu.faults()
        .update(|p| p.genesys_missing_permissions = vec!["integrations:integration:view".into()]);
    let (status, refused) = get(&format!("{integrations}/{id}"), &token).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("missing.permissions"))
    );
}

/// Sends `count` GETs of the integrations listing with `token`; returns the last answer and its
/// `Retry-After`.
async fn burst(api: &str, token: &str, count: usize) -> (u16, Value, Option<String>) {
    let mut last = (0, Value::Null, None);
    for _ in 0..count {
        let response = client()
            .get(format!("{api}/api/v2/integrations"))
            .bearer_auth(token)
            .send()
            .await
            .expect("request");
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let (status, body) = read(response).await;
        last = (status, body, retry_after);
        if status != 200 {
            break;
        }
    }
    last
}

#[tokio::test]
async fn the_default_limit_is_300_requests_a_minute_per_token() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let limit = GENESYS_TOKEN_RATE_PER_MINUTE as usize;
    let (status, _, _) = burst(&api, &token, limit).await;
    assert_eq!(status, 200, "300 requests pass");
    let (status, body, retry_after) = burst(&api, &token, 1).await;
    assert_eq!(status, 429);
    assert_valid("genesys", "error", &body);
    assert_eq!(body["code"], "too.many.requests");
    assert_eq!(
        body["message"],
        "Rate limit exceeded the maximum [300] requests within [60] seconds"
    );
    let seconds: u64 = retry_after
        .expect("Retry-After")
        .parse()
        .expect("in seconds");
    assert!((1..=60).contains(&seconds), "{seconds}");

    let (other, _) = genesys_session(&emu).await;
    let (status, _, _) = burst(&api, &other, 1).await;
    assert_eq!(status, 200, "each token has its own allowance");
}

#[tokio::test]
async fn the_configured_per_token_limit_applies_unless_a_rate_limit_fault_replaces_it() {
    let emu = start_with(EmulatorConfig {
        genesys_token_rate_per_minute: Some(3),
        ..EmulatorConfig::default()
    })
    .await;
    let (token, api) = genesys_session(&emu).await;
    let (status, body, _) = burst(&api, &token, 4).await;
    assert_eq!(status, 429);
    assert_eq!(
        body["message"],
        "Rate limit exceeded the maximum [3] requests within [60] seconds"
    );

    emu.faults().update(|p| {
        p.genesys.rate_limit = Some(RateLimit {
            limit: 100,
            window_secs: 60,
            retry_after: RetryAfter::Seconds,
        })
    });
    let (status, _, _) = burst(&api, &token, 10).await;
    assert_eq!(status, 200, "the fault's limit of 100 replaces the default");

    let unlimited = start_with(EmulatorConfig {
        genesys_token_rate_per_minute: None,
        ..EmulatorConfig::default()
    })
    .await;
    let (token, api) = genesys_session(&unlimited).await;
    let (status, _, _) = burst(&api, &token, 5).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn the_clients_grants_lose_what_missing_permissions_take_away() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let subject = format!("{api}/api/v2/authorization/subjects/me?includeFullRoles=true");
    let actions_of = |body: &Value| -> Value {
        body["grants"][0]["role"]["policies"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["entityName"] == "integration"))
            .map(|p| p["actions"].clone())
            .unwrap_or(Value::Null)
    };

    let (status, full) = get(&subject, &token).await;
    assert_eq!(status, 200, "{full}");
    assert_valid(
        "genesys",
        "GET /api/v2/authorization/subjects/me 200",
        &full,
    );
    assert_eq!(actions_of(&full), json!(["view", "add", "edit", "delete"]));

    emu.faults()
        .update(|p| p.genesys_missing_permissions = vec!["integrations:integration:add".into()]);
    let (_, fewer) = get(&subject, &token).await;
    assert_eq!(actions_of(&fewer), json!(["view", "edit", "delete"]));

    emu.faults().update(|p| p.genesys_subject_refused = true);
    let (status, refused) = get(&subject, &token).await;
    assert_eq!(status, 403);
    assert_valid("genesys", "error", &refused);
}
