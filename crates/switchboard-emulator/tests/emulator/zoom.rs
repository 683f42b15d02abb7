//! Zoom: S2S token, users and phone users against Zoom's schemas, cursor paging, and the
//! requests Zoom refuses.

use std::collections::HashSet;

use serde_json::Value;

use crate::contract::assert_valid;
use crate::support::{client, get, read, start, start_sized, zoom_token, zoom_token_response};

#[tokio::test]
async fn token_grants_the_app_scopes_in_the_scope_string() {
    let emu = start().await;
    let (status, body) = read(zoom_token_response(&emu).await).await;
    assert_eq!(status, 200);
    assert_valid("zoom", "POST /oauth/token 200", &body);
    assert_eq!(body["expires_in"], 3600);
    let scopes: HashSet<&str> = body["scope"].as_str().unwrap_or("").split(' ').collect();
    for needed in [
        "user:read:admin",
        "phone:read:admin",
        "contact:read:admin",
        "user:write:admin",
    ] {
        assert!(scopes.contains(needed), "{needed} missing from {scopes:?}");
    }
}

#[tokio::test]
async fn token_endpoint_refuses_what_zoom_refuses() {
    let emu = start().await;
    let creds = emu.credentials().zoom.clone();
    let url = format!("{}/oauth/token", emu.endpoints().zoom.token_base);
    let account = creds.account_id.as_str();
    let cases = [
        (
            "wrong secret",
            Some("nope"),
            vec![
                ("grant_type", "account_credentials"),
                ("account_id", account),
            ],
            "invalid_client",
        ),
        (
            "wrong grant",
            Some(creds.client_secret.as_str()),
            vec![
                ("grant_type", "client_credentials"),
                ("account_id", account),
            ],
            "unsupported_grant_type",
        ),
        (
            "no grant",
            Some(creds.client_secret.as_str()),
            vec![("account_id", account)],
            "invalid_request",
        ),
        (
            "wrong account",
            Some(creds.client_secret.as_str()),
            vec![("grant_type", "account_credentials"), ("account_id", "x")],
            "invalid_request",
        ),
    ];
    for (case, secret, form, error) in cases {
        let response = client()
            .post(&url)
            .basic_auth(&creds.client_id, secret)
            .form(&form)
            .send()
            .await
            .expect("request");
        let (status, body) = read(response).await;
        assert_eq!(status, 400, "{case}");
        assert_valid("zoom", "POST /oauth/token 400", &body);
        assert_eq!(body["error"], error, "{case}: {body}");
    }
    let (status, body) = read(
        client()
            .post(&url)
            .form(&[("grant_type", "account_credentials")])
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_client")),
        "no Basic auth"
    );
    // Parameters in the query string instead of the body: 400 since Zoom's change.
    let response = client()
        .post(format!(
            "{url}?grant_type=account_credentials&account_id={account}"
        ))
        .basic_auth(&creds.client_id, Some(&creds.client_secret))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 400);
}

#[tokio::test]
async fn listing_users_walks_every_page_with_next_page_token() {
    let emu = start().await;
    let token = zoom_token(&emu).await;
    let base = &emu.endpoints().zoom.api_base;
    let mut cursor = String::new();
    let mut seen = HashSet::new();
    let mut total = None;
    let mut pages = 0;
    loop {
        let (status, body) = get(
            &format!("{base}/users?page_size=37&next_page_token={cursor}"),
            &token,
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_valid("zoom", "GET /users 200", &body);
        total = total.or(body["total_records"].as_u64());
        for user in body["users"].as_array().expect("users") {
            assert!(
                seen.insert(
                    user["id"]
                        .as_str()
                        .expect("active users have ids")
                        .to_owned()
                )
            );
            assert_eq!(user["status"], "active");
        }
        pages += 1;
        cursor = body["next_page_token"].as_str().unwrap_or("").to_owned();
        if cursor.is_empty() {
            break;
        }
    }
    assert_eq!(Some(seen.len() as u64), total);
    assert_eq!(pages, seen.len().div_ceil(37));
    assert!(seen.len() > 250, "a few hundred users: {}", seen.len());
}

#[tokio::test]
async fn demo_users_have_french_japanese_and_english_names_with_phone_numbers() {
    let emu = start().await;
    let token = zoom_token(&emu).await;
    let base = &emu.endpoints().zoom.api_base;
    let (_, body) = get(&format!("{base}/users?page_size=300"), &token).await;
    let names: Vec<&str> = body["users"]
        .as_array()
        .expect("users")
        .iter()
        .filter_map(|u| u["display_name"].as_str())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))),
        "Japanese"
    );
    assert!(
        names.iter().any(|n| n.contains(['é', 'è', 'ë', 'ï', 'ç'])),
        "French accents"
    );
    assert!(
        names
            .iter()
            .any(|n| ["Smith", "Taylor", "Johnson", "Brown", "Wilson"]
                .iter()
                .any(|e| n.ends_with(e))),
        "English"
    );
    let first = &body["users"][0];
    for key in [
        first["id"].as_str().expect("id"),
        first["email"].as_str().expect("email"),
    ] {
        let (status, user) = get(&format!("{base}/users/{key}"), &token).await;
        assert_eq!(status, 200);
        assert_valid("zoom", "GET /users/{userId} 200", &user);
        assert!(
            user["phone_numbers"][0]["number"]
                .as_str()
                .is_some_and(|n| !n.is_empty())
        );
    }
}

#[tokio::test]
async fn unknown_user_is_404_code_1001() {
    let emu = start().await;
    let token = zoom_token(&emu).await;
    let (status, body) = get(
        &format!(
            "{}/users/nobody@nowhere.example",
            emu.endpoints().zoom.api_base
        ),
        &token,
    )
    .await;
    assert_eq!(status, 404);
    assert_valid("zoom", "error", &body);
    assert_eq!(body["code"], 1001);
    assert_eq!(
        body["message"],
        "User does not exist: nobody@nowhere.example."
    );
}

#[tokio::test]
async fn phone_users_carry_extensions_and_walk_all_pages() {
    let emu = start().await;
    let token = zoom_token(&emu).await;
    let base = &emu.endpoints().zoom.api_base;
    let mut cursor = String::new();
    let mut extensions = HashSet::new();
    let mut first: Option<Value> = None;
    loop {
        let (status, body) = get(
            &format!("{base}/phone/users?page_size=100&next_page_token={cursor}"),
            &token,
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_valid("zoom", "GET /phone/users 200", &body);
        for user in body["users"].as_array().expect("users") {
            // Most lines have an extension and a number; Directory Sync copes with the rest.
            if let Some(extension) = user["extension_number"].as_u64() {
                assert!(extensions.insert(extension), "extensions are unique");
                first.get_or_insert_with(|| user.clone());
            }
        }
        cursor = body["next_page_token"].as_str().unwrap_or("").to_owned();
        if cursor.is_empty() {
            break;
        }
    }
    assert!(extensions.len() > 150, "{} phone users", extensions.len());
    let first = first.expect("at least one phone user");
    let (status, detail) = get(
        &format!("{base}/phone/users/{}", first["id"].as_str().expect("id")),
        &token,
    )
    .await;
    assert_eq!(status, 200);
    assert_valid("zoom", "GET /phone/users/{userId} 200", &detail);
    assert_eq!(detail["extension_number"], first["extension_number"]);
}

#[tokio::test]
async fn page_size_above_the_maximum_is_a_validation_failure() {
    let emu = start().await;
    let token = zoom_token(&emu).await;
    let base = &emu.endpoints().zoom.api_base;
    for url in [
        format!("{base}/users?page_size=2001"),
        format!("{base}/users?page_size=ten"),
        format!("{base}/phone/users?page_size=101"),
    ] {
        let (status, body) = get(&url, &token).await;
        assert_eq!(status, 400, "{url}");
        assert_valid("zoom", "error", &body);
        assert_eq!(body["code"], 300);
        assert_eq!(body["errors"][0]["field"], "page_size");
    }
}

#[tokio::test]
async fn forged_next_page_token_is_refused() {
    let emu = start().await;
    let token = zoom_token(&emu).await;
    let (status, body) = get(
        &format!(
            "{}/users?next_page_token=IAfJX3jsOLW7w3dokmFl84zOa0MAVGyMEB2",
            emu.endpoints().zoom.api_base
        ),
        &token,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["code"], 300);
    assert_eq!(
        body["message"],
        "The next page token is invalid or expired."
    );
}

#[tokio::test]
async fn missing_or_unknown_token_is_401_code_124() {
    let emu = start().await;
    let url = format!("{}/users", emu.endpoints().zoom.api_base);
    let (status, body) = read(client().get(&url).send().await.expect("request")).await;
    assert_eq!((status, &body["code"]), (401, &Value::from(124)));
    let (status, body) = get(&url, "made-up").await;
    assert_eq!(status, 401);
    assert_valid("zoom", "error", &body);
    assert_eq!(body["message"], "Invalid access token.");
}

#[tokio::test]
async fn revoked_scope_gets_400_code_4711_naming_the_scope() {
    let emu = start().await;
    emu.faults().update(|plan| {
        plan.zoom_revoked_scopes = vec!["phone:read:admin".to_owned()];
    });
    let token = zoom_token(&emu).await;
    let base = &emu.endpoints().zoom.api_base;
    let (status, body) = get(&format!("{base}/phone/users"), &token).await;
    assert_eq!(status, 400);
    assert_eq!(body["code"], 4711);
    assert_eq!(
        body["message"],
        "Invalid access token, does not contain scopes:[phone:read:list_users:admin]."
    );
    let (status, _) = get(&format!("{base}/users"), &token).await;
    assert_eq!(status, 200, "other scopes still granted");
}

#[tokio::test]
async fn benchmark_tenant_has_fifty_thousand_users() {
    let emu = start_sized(50_000).await;
    let token = zoom_token(&emu).await;
    let base = &emu.endpoints().zoom.api_base;
    let mut total = 0;
    for status in ["active", "inactive", "pending"] {
        let (_, body) = get(&format!("{base}/users?page_size=1&status={status}"), &token).await;
        total += body["total_records"].as_u64().expect("total_records");
    }
    assert_eq!(total, 50_000);
    let (status, body) = get(&format!("{base}/users?page_size=2000"), &token).await;
    assert_eq!(status, 200);
    assert_eq!(body["users"].as_array().map(Vec::len), Some(2000));
}
