//! Genesys Cloud: region-bound client-credentials tokens, integration types, the data-action
//! integration sequence (create, credential, versioned config, enable), limits and certificates.

use reqwest::Method;
use serde_json::{Value, json};

use crate::contract::assert_valid;
use crate::support::{client, genesys_session, genesys_token_response, get, read, start};

pub async fn call(method: Method, url: &str, token: &str, body: Option<Value>) -> (u16, Value) {
    let mut request = client().request(method, url).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    read(request.send().await.expect("request")).await
}

#[tokio::test]
async fn token_comes_from_the_org_region_and_works_only_there() {
    let emu = start().await;
    let (status, body) = read(genesys_token_response(&emu, "mypurecloud.com").await).await;
    assert_eq!(status, 200);
    assert_valid("genesys", "POST /oauth/token 200", &body);
    assert_eq!(body["expires_in"], 86399);
    let token = body["access_token"].as_str().expect("token").to_owned();

    let (status, body) = read(genesys_token_response(&emu, "mypurecloud.ie").await).await;
    assert_eq!(status, 400);
    assert_valid("genesys", "POST /oauth/token 400", &body);
    assert_eq!(body["description"], "client not found");

    let ireland = &emu
        .endpoints()
        .genesys
        .region("mypurecloud.ie")
        .expect("region")
        .api_base;
    let (status, body) = get(&format!("{ireland}/api/v2/integrations"), &token).await;
    assert_eq!(status, 401);
    assert_valid("genesys", "error", &body);
    assert_eq!(body["code"], "bad.credentials");

    let home = &emu.endpoints().genesys.org_region().api_base;
    let (status, body) = read(
        client()
            .get(format!("{home}/api/v2/integrations"))
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("authentication.required"))
    );
}

#[tokio::test]
async fn token_endpoint_refuses_a_wrong_secret_and_a_non_client_credentials_client() {
    let emu = start().await;
    let login = &emu.endpoints().genesys.org_region().login_base;
    let creds = &emu.credentials().genesys;
    let (status, body) = read(
        client()
            .post(format!("{login}/oauth/token"))
            .basic_auth(&creds.client_id, Some("wrong"))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str(), body["description"].as_str()),
        (400, Some("invalid_client"), Some("authentication failed"))
    );
    emu.faults()
        .update(|p| p.genesys_grant_type_disabled = true);
    let (status, body) = read(genesys_token_response(&emu, "mypurecloud.com").await).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unauthorized_client"))
    );
    assert_valid("genesys", "POST /oauth/token 400", &body);
}

#[tokio::test]
async fn integration_types_list_their_credentials_and_max_instances() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let (status, types) = get(
        &format!("{api}/api/v2/integrations/types?pageSize=100"),
        &token,
    )
    .await;
    assert_eq!(status, 200);
    assert_valid("genesys", "GET /api/v2/integrations/types 200", &types);
    let (status, salesforce) = get(
        &format!("{api}/api/v2/integrations/types/salesforce-datadip"),
        &token,
    )
    .await;
    assert_eq!(status, 200);
    assert_valid(
        "genesys",
        "GET /api/v2/integrations/types/{typeId} 200",
        &salesforce,
    );
    assert_eq!(salesforce["maxInstances"], 50);
    assert_eq!(
        salesforce["credentials"]["salesforceUser"]["credentialTypes"][0],
        "salesforce"
    );
    let (status, zendesk) = get(
        &format!("{api}/api/v2/integrations/types/zendesk-data-actions"),
        &token,
    )
    .await;
    assert_eq!((status, zendesk["maxInstances"].as_u64()), (200, Some(10)));
    let (status, _) = get(
        &format!("{api}/api/v2/integrations/types/zendesk-datadip"),
        &token,
    )
    .await;
    assert_eq!(status, 404, "the wrong id some seed lists carry");
    let (status, credential_types) = get(
        &format!("{api}/api/v2/integrations/credentials/types"),
        &token,
    )
    .await;
    assert_eq!(status, 200);
    assert_valid(
        "genesys",
        "GET /api/v2/integrations/credentials/types 200",
        &credential_types,
    );
}

#[tokio::test]
async fn web_services_integration_is_created_configured_and_enabled() {
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
    assert_valid("genesys", "POST /api/v2/integrations 200", &created);
    assert_eq!(
        created["intendedState"], "DISABLED",
        "a new integration starts disabled"
    );
    let id = created["id"].as_str().expect("id").to_owned();

    let credential = json!({
        "name": format!("Integration-{id}"),
        "type": { "name": "basicAuth" },
        "credentialFields": { "userName": "svc", "password": "s3cret" },
    });
    let (status, info) = call(
        Method::POST,
        &format!("{integrations}/credentials"),
        &token,
        Some(credential),
    )
    .await;
    assert_eq!(status, 200, "{info}");
    assert_valid(
        "genesys",
        "POST /api/v2/integrations/credentials 200",
        &info,
    );
    let credential_id = info["id"].as_str().expect("id").to_owned();
    let (_, stored) = get(
        &format!("{integrations}/credentials/{credential_id}"),
        &token,
    )
    .await;
    assert_valid(
        "genesys",
        "GET /api/v2/integrations/credentials/{credentialId} 200",
        &stored,
    );
    assert!(
        stored["credentialFields"].get("password").is_none(),
        "secrets are redacted"
    );

    let config_url = format!("{integrations}/{id}/config/current");
    let (status, config) = get(&config_url, &token).await;
    assert_eq!(status, 200);
    assert_valid(
        "genesys",
        "GET /api/v2/integrations/{integrationId}/config/current 200",
        &config,
    );
    let version = config["version"].as_u64().expect("version");
    let update = |version: u64| {
        json!({
            "name": "Switchboard web services", "version": version, "properties": {}, "advanced": {},
            "notes": "", "credentials": { "basicAuth": { "id": credential_id } },
        })
    };
    let (status, updated) = call(Method::PUT, &config_url, &token, Some(update(version))).await;
    assert_eq!(status, 200, "{updated}");
    assert_valid(
        "genesys",
        "PUT /api/v2/integrations/{integrationId}/config/current 200",
        &updated,
    );
    assert_eq!(updated["version"], version + 1);

    let (status, conflict) = call(Method::PUT, &config_url, &token, Some(update(version))).await;
    assert_eq!(status, 409, "a stale version is a conflict");
    assert_valid("genesys", "error", &conflict);
    assert!(
        conflict["message"]
            .as_str()
            .is_some_and(|m| m.contains("does not match the current version"))
    );

    let (status, enabled) = call(
        Method::PATCH,
        &format!("{integrations}/{id}"),
        &token,
        Some(json!({ "intendedState": "ENABLED" })),
    )
    .await;
    assert_eq!(status, 200);
    assert_valid(
        "genesys",
        "PATCH /api/v2/integrations/{integrationId} 200",
        &enabled,
    );
    assert_eq!(
        enabled["reportedState"]["code"], "ACTIVATING",
        "ACTIVE comes after a delay"
    );
    assert_eq!(
        enabled["config"]["current"]["name"],
        "Switchboard web services"
    );

    let (status, listed) = get(&format!("{integrations}?pageSize=1&pageNumber=2"), &token).await;
    assert_eq!(status, 200);
    assert_valid("genesys", "GET /api/v2/integrations 200", &listed);
    assert_eq!(
        listed["total"], 2,
        "the seeded Salesforce integration and ours"
    );
    assert!(listed.get("nextUri").is_none() && listed["previousUri"].is_string());

    let (status, deleted) = call(
        Method::DELETE,
        &format!("{integrations}/{id}"),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_valid(
        "genesys",
        "DELETE /api/v2/integrations/{integrationId} 200",
        &deleted,
    );
    let (status, missing) = get(&format!("{integrations}/{id}"), &token).await;
    assert_eq!((status, missing["code"].as_str()), (404, Some("not.found")));
}

#[tokio::test]
async fn creating_past_max_instances_is_refused() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let url = format!("{api}/api/v2/integrations");
    let body = json!({ "integrationType": { "id": "zendesk-data-actions" } });
    for _ in 0..10 {
        let (status, _) = call(Method::POST, &url, &token, Some(body.clone())).await;
        assert_eq!(status, 200);
    }
    let (status, refusal) = call(Method::POST, &url, &token, Some(body)).await;
    assert_eq!(status, 400);
    assert_valid("genesys", "error", &refusal);
    let (status, malformed) = read(
        client()
            .post(&url)
            .bearer_auth(&token)
            .body("{")
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(malformed["code"], "bad.request");
}

#[tokio::test]
async fn data_action_certificates_list_current_and_upcoming() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let url = format!("{api}/api/v2/integrations/actions/certificates");
    let (status, all) = get(&url, &token).await;
    assert_eq!(status, 200);
    assert_valid(
        "genesys",
        "GET /api/v2/integrations/actions/certificates 200",
        &all,
    );
    assert_eq!(all["total"], 2);
    let (_, current) = get(&format!("{url}?status=Current&type=Client"), &token).await;
    assert_eq!(current["entities"][0]["status"], "Current");
    assert!(
        current["entities"][0]["certificate"]
            .as_str()
            .is_some_and(|c| c.starts_with("-----BEGIN CERTIFICATE-----"))
    );
    let (status, _) = get(&format!("{url}?status=Expired"), &token).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn credentials_listing_follows_the_after_cursor() {
    let emu = start().await;
    let (token, api) = genesys_session(&emu).await;
    let base = format!("{api}/api/v2/integrations/credentials");
    for n in 0..3 {
        let body = json!({ "name": format!("cred-{n}"), "type": "userDefined", "credentialFields": { "k": "v" } });
        let (status, _) = call(Method::POST, &base, &token, Some(body)).await;
        assert_eq!(status, 200);
    }
    let (status, first) = get(&format!("{base}/listing?pageSize=2"), &token).await;
    assert_eq!(status, 200);
    assert_valid(
        "genesys",
        "GET /api/v2/integrations/credentials/listing 200",
        &first,
    );
    let next = first["nextUri"].as_str().expect("nextUri");
    let (_, second) = get(&format!("{api}{next}"), &token).await;
    assert_eq!(second["entities"].as_array().map(Vec::len), Some(1));
    assert!(second.get("nextUri").is_none());
}
