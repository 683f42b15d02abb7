//! What CXone Directory / Presence Sync needs from the emulator: a second Zoom app on the same
//! account, phone users with numbers written as admins write them, a crash halfway through a
//! bulk address-book write, and rate limits that throttle writes too.

use std::collections::HashSet;

use serde_json::{Value, json};
use switchboard_emulator::{FaultPlan, RateLimit, RetryAfter};

use crate::contract::assert_valid;
use crate::support::{client, cxone_token, get, read, start, start_sized};

const V34: &str = "/inContactAPI/services/v34.0";

async fn token_for(
    emu: &switchboard_emulator::RunningEmulator,
    id: &str,
    secret: &str,
) -> (u16, Value) {
    let account = &emu.credentials().zoom.account_id;
    read(
        client()
            .post(format!("{}/oauth/token", emu.endpoints().zoom.token_base))
            .basic_auth(id, Some(secret))
            .form(&[
                ("grant_type", "account_credentials"),
                ("account_id", account),
            ])
            .send()
            .await
            .expect("token request"),
    )
    .await
}

#[tokio::test]
async fn the_presence_app_is_a_second_app_on_the_same_account() {
    let emu = start().await;
    let presence = &emu.credentials().zoom_presence;
    assert_eq!(presence.account_id, emu.credentials().zoom.account_id);
    assert_ne!(presence.client_id, emu.credentials().zoom.client_id);
    let (status, body) = token_for(&emu, &presence.client_id, &presence.client_secret).await;
    assert_eq!(status, 200, "{body}");
    let token = body["access_token"].as_str().expect("token");
    let (status, _) = get(&format!("{}/users", emu.endpoints().zoom.api_base), token).await;
    assert_eq!(status, 200);
    // Each app's secret belongs to it alone.
    let zoom = &emu.credentials().zoom;
    let (status, _) = token_for(&emu, &presence.client_id, &zoom.client_secret).await;
    assert_eq!(status, 400);
    let announced: Value = serde_json::from_str(&emu.announcement()).expect("JSON");
    assert_eq!(
        announced["credentials"]["zoom_presence"]["client_id"],
        presence.client_id.as_str()
    );
}

/// Every phone user of the account: (extension, number) pairs.
async fn phone_lines(
    emu: &switchboard_emulator::RunningEmulator,
) -> Vec<(Option<u64>, Option<String>)> {
    let zoom = &emu.credentials().zoom;
    let (_, body) = token_for(emu, &zoom.client_id, &zoom.client_secret).await;
    let token = body["access_token"].as_str().expect("token").to_owned();
    let base = &emu.endpoints().zoom.api_base;
    let mut cursor = String::new();
    let mut lines = Vec::new();
    loop {
        let url = format!("{base}/phone/users?page_size=100&next_page_token={cursor}");
        let (status, body) = get(&url, &token).await;
        assert_eq!(status, 200, "{body}");
        assert_valid("zoom", "GET /phone/users 200", &body);
        for user in body["users"].as_array().expect("users") {
            let number = user["phone_numbers"][0]["number"]
                .as_str()
                .map(str::to_owned);
            lines.push((user["extension_number"].as_u64(), number));
        }
        cursor = body["next_page_token"].as_str().unwrap_or("").to_owned();
        if cursor.is_empty() {
            return lines;
        }
    }
}

#[tokio::test]
async fn phone_numbers_come_in_e164_and_national_forms_and_some_lines_have_none() {
    let emu = start().await;
    let lines = phone_lines(&emu).await;
    let numbers: Vec<&str> = lines.iter().filter_map(|(_, n)| n.as_deref()).collect();
    for prefix in ["+33", "+81", "+1"] {
        assert!(
            numbers.iter().any(|n| n.starts_with(prefix)),
            "{prefix} missing"
        );
    }
    let national: Vec<&&str> = numbers.iter().filter(|n| !n.starts_with('+')).collect();
    assert!(
        national.iter().any(|n| n.starts_with("01 ")),
        "French national: {national:?}"
    );
    assert!(
        national.iter().any(|n| n.starts_with("03-")),
        "Japanese national"
    );
    assert!(national.iter().any(|n| n.starts_with('(')), "US national");
    assert!(
        lines.iter().any(|(_, n)| n.is_none()),
        "some lines have no number"
    );
    let with_extension = lines.iter().filter(|(e, _)| e.is_some()).count();
    assert!(
        with_extension * 10 > lines.len() * 8,
        "most have an extension"
    );
    assert!(with_extension < lines.len(), "not all");
    assert_eq!(
        phone_lines(&start().await).await,
        lines,
        "same seed, same lines"
    );
}

#[tokio::test]
async fn a_benchmark_tenant_pages_phone_users_by_at_most_one_hundred() {
    let emu = start_sized(5_000).await;
    let lines = phone_lines(&emu).await;
    assert!(lines.len() > 3_000, "{} phone users", lines.len());
    let extensions: HashSet<u64> = lines.iter().filter_map(|(e, _)| *e).collect();
    assert_eq!(
        extensions.len(),
        lines.iter().filter(|(e, _)| e.is_some()).count(),
        "extensions stay unique at scale"
    );
}

/// Creates a book and returns the URL of its entries.
async fn new_book(emu: &switchboard_emulator::RunningEmulator, token: &str) -> String {
    let api = format!("{}{V34}", emu.endpoints().cxone.api_base);
    let (status, created) = read(
        client()
            .post(format!(
                "{api}/address-books?addressBookName=Crash&addressBookType=Standard"
            ))
            .bearer_auth(token)
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(status, 200);
    let book = created["resultSet"]["addressBookId"].as_u64().expect("id");
    format!("{api}/address-books/{book}/entries")
}

fn batch(from: usize, count: usize) -> Value {
    let entries: Vec<Value> = (from..from + count)
        .map(|i| json!({ "firstName": "Test", "lastName": format!("Person {i}") }))
        .collect();
    json!({ "addressBookEntries": entries })
}

async fn post(url: &str, token: &str, body: &Value) -> u16 {
    let response = client()
        .post(url)
        .bearer_auth(token)
        .json(body)
        .send()
        .await;
    response.expect("request").status().as_u16()
}

#[tokio::test]
async fn a_write_after_the_limit_is_stored_but_answered_500_once() {
    let emu = start().await;
    let token = cxone_token(&emu).await;
    let entries = new_book(&emu, &token).await;
    emu.faults()
        .update(|p| p.cxone.fail_writes_after = Some(10));
    assert_eq!(post(&entries, &token, &batch(0, 10)).await, 202);
    assert_eq!(
        post(&entries, &token, &batch(10, 10)).await,
        500,
        "the crash"
    );
    assert_eq!(
        post(&entries, &token, &batch(20, 5)).await,
        202,
        "once only"
    );
    let (_, listed) = get(&entries, &token).await;
    assert_eq!(
        listed["totalRecords"], 25,
        "the failed batch was stored all the same"
    );
    assert_eq!(emu.faults().plan().cxone.fail_writes_after, None);
}

#[tokio::test]
async fn the_crash_fault_is_set_through_the_control_endpoint_too() {
    let emu = start().await;
    let mut plan = FaultPlan::default();
    plan.cxone.fail_writes_after = Some(100);
    let response = client()
        .put(format!("{}/faults", emu.endpoints().control_base))
        .json(&plan)
        .send()
        .await
        .expect("request");
    let (status, body) = read(response).await;
    assert_eq!(status, 200);
    assert_eq!(body["cxone"]["fail_writes_after"], 100);
}

#[tokio::test]
async fn a_rate_limit_throttles_writes_with_retry_after() {
    let emu = start().await;
    let token = cxone_token(&emu).await;
    let entries = new_book(&emu, &token).await;
    emu.faults().update(|p| {
        p.cxone.rate_limit = Some(RateLimit {
            limit: 1,
            window_secs: 60,
            retry_after: RetryAfter::Seconds,
        })
    });
    assert_eq!(post(&entries, &token, &batch(0, 1)).await, 202);
    let response = client()
        .post(&entries)
        .bearer_auth(&token)
        .json(&batch(1, 1))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 429);
    assert!(response.headers().contains_key("retry-after"));
    emu.faults().clear();
    let (_, listed) = get(&entries, &token).await;
    assert_eq!(
        listed["totalRecords"], 1,
        "a throttled write stores nothing"
    );
}
