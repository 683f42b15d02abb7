//! Shared test plumbing: start an emulator, and obtain each vendor's token the way a client does.

use reqwest::{Client, Response};
use serde_json::Value;
use switchboard_emulator::{Emulator, EmulatorConfig, RunningEmulator, TenantSize};

pub async fn start() -> RunningEmulator {
    start_with(EmulatorConfig::default()).await
}

pub async fn start_with(config: EmulatorConfig) -> RunningEmulator {
    Emulator::start(config).await.expect("emulator starts")
}

pub async fn start_sized(zoom_users: usize) -> RunningEmulator {
    start_with(EmulatorConfig {
        size: TenantSize { zoom_users },
        ..EmulatorConfig::default()
    })
    .await
}

pub fn client() -> Client {
    Client::builder().build().expect("client builds")
}

/// Status and JSON body (Null when there is none).
pub async fn read(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body reads");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub async fn zoom_token_response(emu: &RunningEmulator) -> Response {
    let creds = &emu.credentials().zoom;
    client()
        .post(format!("{}/oauth/token", emu.endpoints().zoom.token_base))
        .basic_auth(&creds.client_id, Some(&creds.client_secret))
        .form(&[
            ("grant_type", "account_credentials"),
            ("account_id", creds.account_id.as_str()),
        ])
        .send()
        .await
        .expect("zoom token request")
}

pub async fn zoom_token(emu: &RunningEmulator) -> String {
    let (status, body) = read(zoom_token_response(emu).await).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"]
        .as_str()
        .expect("access_token")
        .to_owned()
}

pub async fn cxone_token_response(emu: &RunningEmulator) -> Response {
    let creds = &emu.credentials().cxone;
    client()
        .post(format!("{}/auth/token", emu.endpoints().cxone.auth_base))
        .form(&[
            ("grant_type", "password"),
            ("username", creds.access_key_id.as_str()),
            ("password", creds.access_key_secret.as_str()),
            ("client_id", creds.client_id.as_str()),
            ("client_secret", creds.client_secret.as_str()),
        ])
        .send()
        .await
        .expect("cxone token request")
}

pub async fn cxone_token(emu: &RunningEmulator) -> String {
    let (status, body) = read(cxone_token_response(emu).await).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"]
        .as_str()
        .expect("access_token")
        .to_owned()
}

/// Username-password flow with `password` = what the admin typed (password + security token).
pub async fn salesforce_token_response(emu: &RunningEmulator, password: &str) -> Response {
    let creds = &emu.credentials().salesforce;
    client()
        .post(format!(
            "{}/services/oauth2/token",
            emu.endpoints().salesforce.login_base
        ))
        .form(&[
            ("grant_type", "password"),
            ("client_id", creds.consumer_key.as_str()),
            ("client_secret", creds.consumer_secret.as_str()),
            ("username", creds.username.as_str()),
            ("password", password),
        ])
        .send()
        .await
        .expect("salesforce token request")
}

/// The access token and the `instance_url` to call.
pub async fn salesforce_session(emu: &RunningEmulator) -> (String, String) {
    let creds = &emu.credentials().salesforce;
    let password = format!("{}{}", creds.password, creds.security_token);
    let (status, body) = read(salesforce_token_response(emu, &password).await).await;
    assert_eq!(status, 200, "{body}");
    (
        body["access_token"]
            .as_str()
            .expect("access_token")
            .to_owned(),
        body["instance_url"]
            .as_str()
            .expect("instance_url")
            .to_owned(),
    )
}

pub async fn genesys_token_response(emu: &RunningEmulator, domain: &str) -> Response {
    let creds = &emu.credentials().genesys;
    let region = emu
        .endpoints()
        .genesys
        .region(domain)
        .expect("known region");
    client()
        .post(format!("{}/oauth/token", region.login_base))
        .basic_auth(&creds.client_id, Some(&creds.client_secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("genesys token request")
}

/// A token from the org's region, and that region's API base.
pub async fn genesys_session(emu: &RunningEmulator) -> (String, String) {
    let domain = emu.endpoints().genesys.org_region_domain.clone();
    let (status, body) = read(genesys_token_response(emu, &domain).await).await;
    assert_eq!(status, 200, "{body}");
    (
        body["access_token"]
            .as_str()
            .expect("access_token")
            .to_owned(),
        emu.endpoints().genesys.org_region().api_base.clone(),
    )
}

/// GET with a bearer token, as status and JSON.
pub async fn get(url: &str, token: &str) -> (u16, Value) {
    read(
        client()
            .get(url)
            .bearer_auth(token)
            .send()
            .await
            .expect("request"),
    )
    .await
}
