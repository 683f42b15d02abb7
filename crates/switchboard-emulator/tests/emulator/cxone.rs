//! NICE CXone: access-key token, discovery, agent states, teams, agents and address books
//! against the CXone OpenAPI excerpts.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use crate::contract::assert_valid;
use crate::support::{client, cxone_token, cxone_token_response, get, read, start};

const V34: &str = "/inContactAPI/services/v34.0";

#[tokio::test]
async fn access_key_token_carries_the_tenant_and_discovery_gives_the_api_endpoint() {
    let emu = start().await;
    let response = cxone_token_response(&emu).await;
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["pragma"], "no-cache");
    let (status, body) = read(response).await;
    assert_eq!(status, 200);
    assert_valid("cxone", "POST /auth/token 200", &body);
    let claims = body["id_token"]
        .as_str()
        .expect("id_token")
        .split('.')
        .nth(1)
        .expect("claims");
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).expect("base64url"))
        .expect("claims are JSON");
    let tenant = &emu.credentials().cxone.tenant_id;
    assert_eq!(claims["tenantId"], tenant.as_str());

    let url = format!(
        "{}/.well-known/cxone-configuration?tenantId={tenant}",
        emu.endpoints().cxone.auth_base
    );
    let (status, discovery) = read(client().get(url).send().await.expect("request")).await;
    assert_eq!(status, 200);
    assert_valid(
        "cxone",
        "GET /.well-known/cxone-configuration 200",
        &discovery,
    );
    assert_eq!(
        discovery["api_endpoint"],
        emu.endpoints().cxone.api_base.as_str()
    );
}

#[tokio::test]
async fn discovery_refuses_a_non_uuid_and_does_not_know_other_tenants() {
    let emu = start().await;
    let base = format!(
        "{}/.well-known/cxone-configuration",
        emu.endpoints().cxone.auth_base
    );
    let status = |url: String| async move {
        client()
            .get(url)
            .send()
            .await
            .expect("request")
            .status()
            .as_u16()
    };
    assert_eq!(status(format!("{base}?tenantId=acme")).await, 400);
    assert_eq!(
        status(format!(
            "{base}?tenantId=11111111-2222-4333-8444-555555555555"
        ))
        .await,
        404
    );
}

#[tokio::test]
async fn token_endpoint_answers_each_oauth_error() {
    let emu = start().await;
    let creds = emu.credentials().cxone.clone();
    let url = format!("{}/auth/token", emu.endpoints().cxone.auth_base);
    let good = |grant: &'static str, key: &str, client_secret: &str| {
        vec![
            ("grant_type", grant.to_owned()),
            ("username", creds.access_key_id.clone()),
            ("password", key.to_owned()),
            ("client_id", creds.client_id.clone()),
            ("client_secret", client_secret.to_owned()),
        ]
    };
    let cases = [
        (
            good("password", "wrong", &creds.client_secret),
            "invalid_grant",
        ),
        (
            good("password", &creds.access_key_secret, "wrong"),
            "invalid_client",
        ),
        (
            good(
                "client_credentials",
                &creds.access_key_secret,
                &creds.client_secret,
            ),
            "unsupported_grant_type",
        ),
        (
            good("", &creds.access_key_secret, &creds.client_secret),
            "invalid_request",
        ),
    ];
    for (form, error) in cases {
        let (status, body) = read(
            client()
                .post(&url)
                .form(&form)
                .send()
                .await
                .expect("request"),
        )
        .await;
        assert_eq!(status, 400);
        assert_valid("cxone", "POST /auth/token 400", &body);
        assert_eq!(body["error"], error);
    }
}

#[tokio::test]
async fn agent_states_teams_and_agents_match_the_spec() {
    let emu = start().await;
    let token = cxone_token(&emu).await;
    let api = format!("{}{V34}", emu.endpoints().cxone.api_base);
    let (status, codes) = get(&format!("{api}/unavailable-codes"), &token).await;
    assert_eq!(status, 200);
    assert_valid("cxone", &format!("GET {V34}/unavailable-codes 200"), &codes);
    assert!(
        codes["unavailableCodes"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["isACW"] == true))
    );
    let (_, active) = get(&format!("{api}/unavailable-codes?isActive=true"), &token).await;
    assert!(active["totalRecords"].as_u64() < codes["totalRecords"].as_u64());

    let (status, teams) = get(&format!("{api}/teams"), &token).await;
    assert_eq!(status, 200);
    assert_valid("cxone", &format!("GET {V34}/teams 200"), &teams);
    let team_id = teams["teams"][0]["teamId"].as_u64().expect("teamId");
    let (status, team_codes) =
        get(&format!("{api}/teams/{team_id}/unavailable-codes"), &token).await;
    assert_eq!(status, 200);
    assert_valid(
        "cxone",
        &format!("GET {V34}/teams/{{teamId}}/unavailable-codes 200"),
        &team_codes,
    );

    // Walk the agents by following `_links.next`, as a client should.
    let mut next = Some(format!("{api}/agents?top=25"));
    let mut seen = 0;
    let mut total = 0;
    while let Some(url) = next {
        let (status, page) = get(&url, &token).await;
        assert_eq!(status, 200, "{page}");
        assert_valid("cxone", &format!("GET {V34}/agents 200"), &page);
        seen += page["agents"].as_array().map_or(0, Vec::len);
        total = page["totalRecords"].as_u64().unwrap_or(0) as usize;
        next = page["_links"]["next"].as_str().map(str::to_owned);
    }
    assert_eq!(seen, total);
    assert!(total >= 50, "{total} agents");
    let response = client()
        .get(format!("{api}/agents?searchString=zzzz"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 204, "nothing found is 204");
}

#[tokio::test]
async fn address_book_is_created_filled_and_assigned() {
    let emu = start().await;
    let token = cxone_token(&emu).await;
    let api = format!("{}{V34}", emu.endpoints().cxone.api_base);
    let http = client();
    let none = http
        .get(format!("{api}/address-books"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(none.status().as_u16(), 204, "no address books yet");

    let created = http
        .post(format!(
            "{api}/address-books?addressBookName=Zoom%20Directory&addressBookType=Standard"
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    let (status, created) = read(created).await;
    assert_eq!(status, 200);
    assert_valid("cxone", &format!("POST {V34}/address-books 200"), &created);
    let book = created["resultSet"]["addressBookId"].as_u64().expect("id");

    let entries = json!({ "addressBookEntries": [
        { "firstName": "Élodie", "lastName": "Lefèvre", "phone": "+33199001234", "email": "elodie@example.com" },
        { "firstName": "健", "lastName": "佐藤", "mobile": "+81355501234" },
        { "firstName": "NoLastName" },
    ]});
    let (status, added) = read(
        http.post(format!("{api}/address-books/{book}/entries"))
            .bearer_auth(&token)
            .json(&entries)
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(status, 202);
    assert_valid(
        "cxone",
        &format!("POST {V34}/address-books/{{addressBookId}}/entries 202"),
        &added,
    );
    let success: Vec<bool> = added["entryResults"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["success"] == true)
        .collect();
    assert_eq!(
        success,
        [true, true, false],
        "batch items succeed or fail one by one"
    );

    let (status, listed) = get(&format!("{api}/address-books/{book}/entries"), &token).await;
    assert_eq!(status, 200);
    assert_valid(
        "cxone",
        &format!("GET {V34}/address-books/{{addressBookId}}/entries 200"),
        &listed,
    );
    assert_eq!(listed["totalRecords"], 2);

    let (_, teams) = get(&format!("{api}/teams"), &token).await;
    let team = teams["teams"][0]["teamId"].to_string();
    let body = json!({ "addressBookAssignments": [{ "entityId": team }, { "entityId": "999" }] });
    let (status, assigned) = read(
        http.post(format!(
            "{api}/address-books/{book}/assignment?entityType=Team"
        ))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .expect("request"),
    )
    .await;
    assert_eq!(status, 202);
    assert_valid(
        "cxone",
        &format!("POST {V34}/address-books/{{addressBookId}}/assignment 202"),
        &assigned,
    );
    assert_eq!(assigned["assignResults"][0]["success"], true);
    assert_eq!(assigned["assignResults"][1]["success"], false);

    let (status, books) = get(&format!("{api}/address-books"), &token).await;
    assert_eq!(status, 200);
    assert_valid("cxone", &format!("GET {V34}/address-books 200"), &books);
    assert_eq!(
        books["addressBooks"][0]["teams"][0]["teamId"].to_string(),
        team
    );
}

#[tokio::test]
async fn calls_without_a_valid_token_are_401() {
    let emu = start().await;
    let api = format!("{}{V34}", emu.endpoints().cxone.api_base);
    let (status, body) = read(
        client()
            .get(format!("{api}/unavailable-codes"))
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(status, 401);
    assert_valid("cxone", &format!("GET {V34}/unavailable-codes 401"), &body);
    let (status, body) = get(&format!("{api}/agents"), "forged").await;
    assert_eq!(status, 401);
    assert_valid("cxone", "error", &body);
}
