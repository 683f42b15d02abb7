//! Salesforce: the username-password flow and its failure modes, SOQL queries of presence
//! statuses, users and profiles, `nextRecordsUrl` paging and REST errors.

use std::collections::HashSet;

use crate::contract::assert_valid;
use crate::support::{
    client, get, read, salesforce_session, salesforce_token_response, start, start_sized,
};

#[tokio::test]
async fn password_flow_session_reads_presence_statuses() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    assert_eq!(instance, emu.endpoints().salesforce.instance_url);
    let url = format!(
        "{instance}/services/data/v67.0/query?q=SELECT+Id,DeveloperName,MasterLabel+FROM+ServicePresenceStatus"
    );
    let response = client()
        .get(url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert!(
        response.headers()["sforce-limit-info"]
            .to_str()
            .is_ok_and(|v| v.starts_with("api-usage="))
    );
    let (status, body) = read(response).await;
    assert_eq!(status, 200);
    assert_valid("salesforce", "GET /services/data/vXX.X/query 200", &body);
    assert_eq!(body["done"], true);
    let names: Vec<&str> = body["records"]
        .as_array()
        .expect("records")
        .iter()
        .map(|r| {
            assert_valid("salesforce", "record ServicePresenceStatus", r);
            r["DeveloperName"].as_str().expect("DeveloperName")
        })
        .collect();
    assert!(
        names.contains(&"Available") && names.contains(&"Busy"),
        "{names:?}"
    );
}

#[tokio::test]
async fn a_presence_status_created_in_setup_is_queried_once_and_only_once() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    let names = |body: &serde_json::Value| -> Vec<String> {
        body["records"]
            .as_array()
            .expect("records")
            .iter()
            .map(|r| r["DeveloperName"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let url = format!(
        "{instance}/services/data/v67.0/query?q=SELECT+Id,DeveloperName,MasterLabel+FROM+ServicePresenceStatus"
    );
    let (_, before) = get(&url, &token).await;
    assert!(names(&before).contains(&"Pause_cafe".to_owned()));
    assert!(!names(&before).contains(&"Back_Office".to_owned()));

    assert!(emu.add_presence_status("Back_Office", "Back office"));
    assert!(
        !emu.add_presence_status("back_office", "Back office again"),
        "Developer Names are unique whatever their case"
    );
    let (status, after) = get(&url, &token).await;
    assert_eq!(status, 200);
    let record = after["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["DeveloperName"] == "Back_Office")
        .expect("the new status is listed");
    assert_valid("salesforce", "record ServicePresenceStatus", record);
    assert_eq!(record["MasterLabel"], "Back office");
    assert_eq!(
        after["totalSize"].as_u64(),
        before["totalSize"].as_u64().map(|n| n + 1)
    );
}

#[tokio::test]
async fn token_request_failures_carry_salesforce_bodies() {
    let emu = start().await;
    let creds = emu.credentials().salesforce.clone();
    let check = |(status, body): (u16, serde_json::Value), error: &str, description: &str| {
        assert_eq!(status, 400, "{body}");
        assert_valid("salesforce", "POST /services/oauth2/token 400", &body);
        assert_eq!(
            (body["error"].as_str(), body["error_description"].as_str()),
            (Some(error), Some(description))
        );
    };
    // Wrong password, and a right password without the security token: the same answer.
    check(
        read(salesforce_token_response(&emu, "wrong").await).await,
        "invalid_grant",
        "authentication failure",
    );
    check(
        read(salesforce_token_response(&emu, &creds.password).await).await,
        "invalid_grant",
        "authentication failure",
    );
    // The org blocks the flow: still indistinguishable from a bad password (field-notes SF-1).
    emu.faults()
        .update(|p| p.salesforce_password_flow_blocked = true);
    let full = format!("{}{}", creds.password, creds.security_token);
    check(
        read(salesforce_token_response(&emu, &full).await).await,
        "invalid_grant",
        "authentication failure",
    );
    emu.faults().clear();

    let url = format!(
        "{}/services/oauth2/token",
        emu.endpoints().salesforce.login_base
    );
    let json_body = client()
        .post(&url)
        .json(&serde_json::json!({ "grant_type": "password" }))
        .send()
        .await
        .expect("request");
    check(
        read(json_body).await,
        "unsupported_grant_type",
        "grant type not supported",
    );
    let wrong_key = client()
        .post(&url)
        .form(&[("grant_type", "password"), ("client_id", "nope")])
        .send()
        .await
        .expect("request");
    check(
        read(wrong_key).await,
        "invalid_client_id",
        "client identifier invalid",
    );
    let wrong_secret = client()
        .post(&url)
        .form(&[
            ("grant_type", "password"),
            ("client_id", creds.consumer_key.as_str()),
            ("client_secret", "nope"),
        ])
        .send()
        .await
        .expect("request");
    check(
        read(wrong_secret).await,
        "invalid_client",
        "invalid client credentials",
    );
    let client_credentials = client()
        .post(&url)
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("request");
    check(
        read(client_credentials).await,
        "invalid_grant",
        "request not supported on this domain",
    );
}

#[tokio::test]
async fn user_query_pages_through_next_records_url() {
    let emu = start_sized(2_000).await;
    let (token, instance) = salesforce_session(&emu).await;
    let first = client()
        .get(format!(
            "{instance}/services/data/v67.0/query?q=SELECT+Id,Username,Profile.Name+FROM+User"
        ))
        .bearer_auth(&token)
        .header("Sforce-Query-Options", "batchSize=200")
        .send()
        .await
        .expect("request");
    let (status, mut page) = read(first).await;
    assert_eq!(status, 200);
    let total = page["totalSize"].as_u64().expect("totalSize") as usize;
    let mut ids = HashSet::new();
    loop {
        assert_valid("salesforce", "GET /services/data/vXX.X/query 200", &page);
        for record in page["records"].as_array().expect("records") {
            assert_valid("salesforce", "record User", record);
            assert!(record["Profile"]["Name"].is_string(), "{record}");
            ids.insert(record["Id"].as_str().expect("Id").to_owned());
        }
        let Some(next) = page["nextRecordsUrl"].as_str() else {
            break;
        };
        assert_eq!(page["done"], false);
        let (status, body) = get(&format!("{instance}{next}"), &token).await;
        assert_eq!(status, 200, "{body}");
        page = body;
    }
    assert_eq!(ids.len(), total);
    assert!(total > 400, "{total} users");
}

#[tokio::test]
async fn profiles_and_filtered_users_are_queryable() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    let q = |soql: &str| {
        format!(
            "{instance}/services/data/v67.0/query?q={}",
            soql.replace(' ', "+")
        )
    };
    let (status, profiles) = get(&q("SELECT Id, Name FROM Profile ORDER BY Name"), &token).await;
    assert_eq!(status, 200);
    for record in profiles["records"].as_array().expect("records") {
        assert_valid("salesforce", "record Profile", record);
    }
    assert_eq!(
        profiles["records"][0]["Name"],
        "Minimum Access - Salesforce"
    );
    let (status, admins) = get(&q("SELECT Id, Username FROM User WHERE IsActive = true AND Profile.Name = 'System Administrator'"), &token).await;
    assert_eq!(status, 200);
    assert_eq!(admins["totalSize"], 1);
    assert_eq!(
        admins["records"][0]["Username"],
        emu.credentials().salesforce.username.as_str()
    );
}

#[tokio::test]
async fn query_errors_are_arrays_with_salesforce_codes() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    let base = format!("{instance}/services/data/v67.0/query?q=");
    let cases = [
        (format!("{base}SELECT+Id+FROM+Widget"), 400, "INVALID_TYPE"),
        (
            format!("{base}SELECT+Bogus+FROM+User"),
            400,
            "INVALID_FIELD",
        ),
        (format!("{base}SELECT+FROM+User"), 400, "MALFORMED_QUERY"),
        (
            format!("{instance}/services/data/v99.0/query?q=SELECT+Id+FROM+User"),
            404,
            "NOT_FOUND",
        ),
        (
            format!("{instance}/services/data/v67.0/query/01gNOPE-2000"),
            400,
            "INVALID_QUERY_LOCATOR",
        ),
    ];
    for (url, expected, code) in cases {
        let (status, body) = get(&url, &token).await;
        assert_eq!(status, expected, "{url}: {body}");
        assert_valid("salesforce", "error", &body);
        assert_eq!(body[0]["errorCode"], code);
    }
    let (status, body) = get(&format!("{base}SELECT+Id+FROM+User"), "00Dexpired!token").await;
    assert_eq!(status, 401);
    assert_eq!(body[0]["errorCode"], "INVALID_SESSION_ID");
    assert_eq!(body[0]["message"], "Session expired or invalid");
    emu.faults()
        .update(|p| p.salesforce_omni_channel_disabled = true);
    let (status, body) = get(
        &format!("{base}SELECT+Id+FROM+ServicePresenceStatus"),
        &token,
    )
    .await;
    assert_eq!(
        (status, body[0]["errorCode"].as_str()),
        (400, Some("INVALID_TYPE"))
    );
}
