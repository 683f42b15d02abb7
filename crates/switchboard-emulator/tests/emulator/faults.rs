//! Faults: rate limits with each `Retry-After` form, injected server errors, latency, dropped
//! connections, token expiry mid-run and refused credentials, set at start or while running.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use switchboard_emulator::{
    Emulator, EmulatorConfig, EmulatorError, FaultPlan, RateLimit, RetryAfter, ServerErrors,
    Trigger, Vendor, VendorFaults,
};

use crate::contract::assert_valid;
use crate::support::{
    client, cxone_token, cxone_token_response, genesys_session, genesys_token_response, get, read,
    salesforce_session, salesforce_token_response, start, start_with, zoom_token,
    zoom_token_response,
};

fn limit(limit: u32, retry_after: RetryAfter) -> Option<RateLimit> {
    Some(RateLimit {
        limit,
        window_secs: 60,
        retry_after,
    })
}

#[tokio::test]
async fn genesys_rate_limit_answers_429_with_retry_after_in_seconds() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    emu.faults()
        .update(|p| p.genesys.rate_limit = limit(1, RetryAfter::Seconds));
    let url = format!("{api}/api/v2/integrations");
    assert_eq!(get(&url, &token).await.0, 200);
    let response = client()
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 429);
    let seconds: u64 = response.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&seconds), "{seconds}");
    let (_, body) = read(response).await;
    assert_valid("genesys", "error", &body);
    assert_eq!(body["code"], "too.many.requests");
}

#[tokio::test]
async fn cxone_rate_limit_can_give_retry_after_as_an_http_date() {
    let emu = start().await;
    let token = cxone_token(&emu).await;
    emu.faults()
        .update(|p| p.cxone.rate_limit = limit(0, RetryAfter::HttpDate));
    let url = format!(
        "{}/inContactAPI/services/v34.0/teams",
        emu.endpoints().cxone.api_base
    );
    let response = client()
        .get(url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 429);
    let date = response.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let when = httpdate::parse_http_date(&date).expect("an HTTP date");
    assert!(when > std::time::SystemTime::now(), "{date}");
}

#[tokio::test]
async fn zoom_daily_limit_gives_an_iso_timestamp_and_the_per_second_limit_may_give_none() {
    let emu = start().await;
    let token = zoom_token(&emu).await;
    let url = format!("{}/users", emu.endpoints().zoom.api_base);
    emu.faults()
        .update(|p| p.zoom.rate_limit = limit(0, RetryAfter::IsoDate));
    let response = client()
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["x-ratelimit-type"], "Daily-limit");
    let iso = response.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        iso.len() == 20 && iso.ends_with('Z') && &iso[10..11] == "T",
        "{iso}"
    );
    let (_, body) = read(response).await;
    assert_valid("zoom", "error", &body);
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Reached the maximum daily rate limit"))
    );

    emu.faults()
        .update(|p| p.zoom.rate_limit = limit(0, RetryAfter::Absent));
    let response = client()
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 429);
    assert!(response.headers().get("retry-after").is_none());
    let (_, body) = read(response).await;
    assert_eq!(body["code"], 429);
}

#[tokio::test]
async fn salesforce_limit_is_403_request_limit_exceeded_without_retry_after() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    emu.faults()
        .update(|p| p.salesforce.rate_limit = limit(0, RetryAfter::Seconds));
    let response = client()
        .get(format!(
            "{instance}/services/data/v67.0/query?q=SELECT+Id+FROM+User"
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 403);
    assert!(response.headers().get("retry-after").is_none());
    let (_, body) = read(response).await;
    assert_eq!(body[0]["errorCode"], "REQUEST_LIMIT_EXCEEDED");
}

#[tokio::test]
async fn injected_server_errors_hit_the_next_requests_then_stop() {
    let emu = start().await;
    let token = zoom_token(&emu).await;
    emu.faults().set_vendor(
        Vendor::Zoom,
        VendorFaults {
            server_errors: Some(ServerErrors {
                status: 503,
                trigger: Trigger::Next(2),
            }),
            ..VendorFaults::default()
        },
    );
    let url = format!("{}/users", emu.endpoints().zoom.api_base);
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(get(&url, &token).await.0);
    }
    assert_eq!(statuses, [503, 503, 200]);
    let (token, api) = genesys_session(&emu).await;
    emu.faults().update(|p| {
        p.genesys.server_errors = Some(ServerErrors {
            status: 500,
            trigger: Trigger::Always,
        })
    });
    let (status, body) = get(&format!("{api}/api/v2/integrations"), &token).await;
    assert_eq!(status, 500);
    assert_valid("genesys", "error", &body);
}

#[tokio::test]
async fn latency_delays_every_answer() {
    let emu = start().await;
    emu.faults().update(|p| p.zoom.latency_ms = 300);
    let started = Instant::now();
    let _ = zoom_token_response(&emu).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn dropped_connection_gives_no_answer_and_the_next_request_is_served() {
    let emu = start().await;
    emu.faults()
        .update(|p| p.cxone.drop_connections = Some(Trigger::Next(1)));
    let error = cxone_token_response_error(&emu).await;
    assert!(
        error.is_request() || error.is_connect() || error.is_body(),
        "{error:?}"
    );
    let (status, _) = read(cxone_token_response(&emu).await).await;
    assert_eq!(status, 200);
}

async fn cxone_token_response_error(emu: &switchboard_emulator::RunningEmulator) -> reqwest::Error {
    let url = format!("{}/auth/token", emu.endpoints().cxone.auth_base);
    match client()
        .post(url)
        .form(&[("grant_type", "password")])
        .send()
        .await
    {
        Ok(response) => response
            .text()
            .await
            .expect_err("the connection was dropped"),
        Err(error) => error,
    }
}

#[tokio::test]
async fn tokens_expired_mid_run_get_each_vendors_401() {
    let emu = start().await;
    let zoom = zoom_token(&emu).await;
    let cxone = cxone_token(&emu).await;
    let (salesforce, instance) = salesforce_session(&emu).await;
    let (genesys, api) = genesys_session(&emu).await;
    emu.faults().expire_all_tokens();

    let (status, body) = get(&format!("{}/users", emu.endpoints().zoom.api_base), &zoom).await;
    assert_eq!(
        (status, body["code"].as_u64(), body["message"].as_str()),
        (401, Some(124), Some("Access token is expired."))
    );
    let (status, _) = get(
        &format!(
            "{}/inContactAPI/services/v34.0/agents",
            emu.endpoints().cxone.api_base
        ),
        &cxone,
    )
    .await;
    assert_eq!(status, 401);
    let (status, body) = get(
        &format!("{instance}/services/data/v67.0/query?q=SELECT+Id+FROM+User"),
        &salesforce,
    )
    .await;
    assert_eq!(
        (status, body[0]["errorCode"].as_str()),
        (401, Some("INVALID_SESSION_ID"))
    );
    let (status, body) = get(&format!("{api}/api/v2/integrations"), &genesys).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("bad.credentials"))
    );

    let fresh = zoom_token(&emu).await;
    assert_eq!(
        get(&format!("{}/users", emu.endpoints().zoom.api_base), &fresh)
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn short_token_lifetime_expires_tokens_on_their_own() {
    let emu = start().await;
    emu.faults().update(|p| p.genesys.token_ttl_secs = Some(1));
    let (status, body) = read(genesys_token_response(&emu, "mypurecloud.com").await).await;
    assert_eq!((status, body["expires_in"].as_u64()), (200, Some(1)));
    let token = body["access_token"].as_str().expect("token").to_owned();
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let api = &emu.endpoints().genesys.org_region().api_base;
    assert_eq!(
        get(&format!("{api}/api/v2/integrations"), &token).await.0,
        401
    );
}

#[tokio::test]
async fn refused_credentials_get_each_vendors_token_error() {
    let mut plan = FaultPlan::default();
    for vendor in Vendor::ALL {
        plan.vendor_mut(vendor).reject_credentials = true;
    }
    let emu = start_with(EmulatorConfig {
        faults: plan,
        ..EmulatorConfig::default()
    })
    .await;
    let (status, body) = read(zoom_token_response(&emu).await).await;
    assert_eq!(
        (status, body["error"].as_str(), body["reason"].as_str()),
        (
            400,
            Some("invalid_client"),
            Some("Invalid client_id or client_secret")
        )
    );
    let (status, body) = read(cxone_token_response(&emu).await).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    let creds = emu.credentials().salesforce.clone();
    let full = format!("{}{}", creds.password, creds.security_token);
    let (status, body) = read(salesforce_token_response(&emu, &full).await).await;
    assert_eq!(
        (status, body["error_description"].as_str()),
        (400, Some("authentication failure"))
    );
    let (status, body) = read(genesys_token_response(&emu, "mypurecloud.com").await).await;
    assert_eq!(
        (status, body["description"].as_str()),
        (400, Some("authentication failed"))
    );
}

#[tokio::test]
async fn control_endpoint_changes_faults_of_a_running_emulator() {
    let emu = start().await;
    let control = &emu.endpoints().control_base;
    let mut plan = FaultPlan::default();
    plan.zoom.server_errors = Some(ServerErrors {
        status: 502,
        trigger: Trigger::Always,
    });
    let response = client()
        .put(format!("{control}/faults"))
        .json(&plan)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(emu.faults().plan(), plan);
    assert_eq!(zoom_token_response(&emu).await.status().as_u16(), 502);

    emu.faults().clear();
    let token = zoom_token(&emu).await;
    let expired = client()
        .post(format!("{control}/expire-tokens?vendor=zoom"))
        .send()
        .await
        .expect("request");
    assert_eq!(expired.status().as_u16(), 204);
    assert_eq!(
        get(&format!("{}/users", emu.endpoints().zoom.api_base), &token)
            .await
            .0,
        401
    );
}

#[tokio::test]
async fn emulator_refuses_to_listen_beyond_loopback() {
    let config = EmulatorConfig {
        bind: SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)),
        ..EmulatorConfig::default()
    };
    assert!(matches!(
        Emulator::start(config).await,
        Err(EmulatorError::NotLoopback(_))
    ));
}
