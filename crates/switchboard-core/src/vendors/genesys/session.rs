//! Genesys Cloud: a signed-in client of the integrations API for the data-actions flow. It signs
//! in like the connection Test (client credentials on `login.<region>`) and keeps the token,
//! getting a fresh one once when Genesys refuses it.
//!
//! Creates (POST) are never retried after a 5xx or a lost answer, since Genesys may have done the
//! work: the apply finds what exists by name before creating again. `config/current` is written
//! with the version read just before; a stale version is the caller's to re-read and retry.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use serde_json::{Value, json};
use url::Url;

use super::authorization::Grants;
use super::types::{
    ActionCertificate, CredentialInfo, CredentialType, Integration, IntegrationConfig,
    IntegrationType,
};
use super::{bases, mint_token, refusal};
use crate::connection::{Code, ConnectionSecrets, Failure, GenesysSettings};
use crate::secrets::Sensitive;
use crate::vendors::http::{Http, Reply, Request};
use crate::vendors::oauth;
use crate::vendors::request::Method;
use crate::vendors::settings_failure;

/// Items asked for per page (Terraform uses the same).
const PAGE: usize = 100;
/// Writes of `config/current` tried before giving up on an integration someone keeps editing.
const CONFIG_TRIES: u32 = 5;
/// Pages read at most from one listing: 100,000 items, far past any org's integrations.
const MAX_PAGES: usize = 1_000;

pub struct GenesysSession {
    http: Http,
    api: Url,
    token_url: Url,
    settings: GenesysSettings,
    client_secret: Sensitive,
    token: Mutex<Sensitive>,
}

/// The outcome of writing `config/current`.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigWrite {
    Written(IntegrationConfig),
    /// Someone changed it since it was read: read it again, then write again.
    Stale,
}

/// A credential to create or replace: its type and fields, the secret ones kept apart.
#[derive(Debug, Clone)]
pub struct NewCredential {
    pub name: String,
    pub type_name: String,
    pub fields: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, Sensitive>,
}

impl NewCredential {
    fn body(&self) -> Value {
        let mut fields: serde_json::Map<String, Value> = self
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect();
        for (key, value) in &self.secrets {
            fields.insert(key.clone(), json!(value.expose()));
        }
        json!({
            "name": self.name,
            "type": { "name": self.type_name },
            "credentialFields": fields,
        })
    }
}

impl GenesysSession {
    pub async fn open(
        settings: &GenesysSettings,
        secrets: &ConnectionSecrets,
        http: Http,
    ) -> Result<Self, Failure> {
        if let Some((field, error)) = settings.field_error() {
            return Err(settings_failure(field, &error));
        }
        let client_secret = secrets.get("client-secret").cloned().ok_or_else(|| {
            Failure::new(Code::SettingsMissingSecret).with("field", "client-secret")
        })?;
        let (token_url, api) = bases(settings)?;
        let granted = mint_token(&http, &token_url, settings, &client_secret).await?;
        Ok(GenesysSession {
            http,
            api,
            token_url,
            settings: settings.clone(),
            client_secret,
            token: Mutex::new(granted.token),
        })
    }

    fn url(&self, path: &str) -> Url {
        crate::connection::join(&self.api, path)
    }

    /// Sends `request` with the session's token; a 401 gets one fresh token and one more try.
    async fn call(&self, request: Request) -> Result<Reply, Failure> {
        let token = self
            .token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let refresh = || async {
            let granted = mint_token(
                &self.http,
                &self.token_url,
                &self.settings,
                &self.client_secret,
            )
            .await?;
            *self.token.lock().unwrap_or_else(PoisonError::into_inner) = granted.token.clone();
            Ok(granted.token)
        };
        self.http
            .send_with_token(&request, &token, |r| r.status == 401, refresh)
            .await
    }

    async fn get(&self, url: Url) -> Result<Value, Failure> {
        let reply = self.call(Request::get(url)).await?;
        read(&reply)
    }

    /// Every entity of a `pageNumber` listing.
    async fn pages(&self, path: &str, query: &[(&str, &str)]) -> Result<Vec<Value>, Failure> {
        let mut all = Vec::new();
        for number in 1..=MAX_PAGES {
            let mut url = self.url(path);
            url.query_pairs_mut()
                .extend_pairs(query)
                .append_pair("pageSize", &PAGE.to_string())
                .append_pair("pageNumber", &number.to_string());
            let body = self.get(url).await?;
            let entities = body.get("entities").and_then(Value::as_array);
            let count = entities.map_or(0, Vec::len);
            all.extend(entities.into_iter().flatten().cloned());
            let next = body
                .get("nextUri")
                .and_then(Value::as_str)
                .is_some_and(|n| !n.is_empty());
            if count == 0 || !next {
                break;
            }
        }
        Ok(all)
    }

    /// The org's integration types, with their credential slots and instance limits.
    pub async fn integration_types(&self) -> Result<Vec<IntegrationType>, Failure> {
        let listed = self.pages("/api/v2/integrations/types", &[]).await?;
        Ok(listed
            .iter()
            .filter_map(IntegrationType::from_wire)
            .collect())
    }

    /// Every credential type and the fields it asks for.
    pub async fn credential_types(&self) -> Result<Vec<CredentialType>, Failure> {
        let listed = self
            .pages("/api/v2/integrations/credentials/types", &[])
            .await?;
        Ok(listed
            .iter()
            .filter_map(CredentialType::from_wire)
            .collect())
    }

    /// The org's id: the External ID an AWS role's trust policy must name.
    pub async fn organization_id(&self) -> Result<String, Failure> {
        let body = self.get(self.url("/api/v2/organizations/me")).await?;
        body.get("id")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or(Failure::new(Code::VendorUnexpectedResponse))
    }

    /// The client's own roles and permission policies (Genesys asks no permission here).
    pub async fn grants(&self) -> Result<Grants, Failure> {
        let mut url = self.url("/api/v2/authorization/subjects/me");
        url.query_pairs_mut()
            .append_pair("includeFullRoles", "true");
        let reply = self.call(Request::get(url)).await?;
        Grants::from_wire(&read(&reply)?).ok_or_else(|| oauth::unexpected(&reply))
    }

    pub async fn integrations(&self) -> Result<Vec<Integration>, Failure> {
        let listed = self
            .pages("/api/v2/integrations", &[("expand", "config.current")])
            .await?;
        Ok(listed.iter().filter_map(Integration::from_wire).collect())
    }

    /// One integration; `None` once it is gone.
    pub async fn integration(&self, id: &str) -> Result<Option<Integration>, Failure> {
        let mut url = self.url(&format!("/api/v2/integrations/{id}"));
        url.query_pairs_mut()
            .append_pair("expand", "config.current");
        let reply = self.call(Request::get(url)).await?;
        if reply.status == 404 {
            return Ok(None);
        }
        Integration::from_wire(&read(&reply)?)
            .map(Some)
            .ok_or_else(|| oauth::unexpected(&reply))
    }

    /// A new integration of `type_id` named `name` (Genesys starts it DISABLED).
    pub async fn create_integration(
        &self,
        type_id: &str,
        name: &str,
    ) -> Result<Integration, Failure> {
        let body = json!({ "integrationType": { "id": type_id }, "name": name });
        let request =
            Request::post_json(self.url("/api/v2/integrations"), body).retry_when_refused();
        let reply = self.call(request).await?;
        if reply.status == 400 && reply.body.contains("maximum number of instances") {
            return Err(Failure::new(Code::GenesysInstanceLimit).with("type", type_id));
        }
        Integration::from_wire(&read(&reply)?).ok_or_else(|| oauth::unexpected(&reply))
    }

    pub async fn config(&self, id: &str) -> Result<IntegrationConfig, Failure> {
        let reply = self
            .call(Request::get(
                self.url(&format!("/api/v2/integrations/{id}/config/current")),
            ))
            .await?;
        IntegrationConfig::from_wire(&read(&reply)?).ok_or_else(|| oauth::unexpected(&reply))
    }

    /// Writes `config` (its `version` is the one just read).
    pub async fn put_config(
        &self,
        id: &str,
        config: &IntegrationConfig,
    ) -> Result<ConfigWrite, Failure> {
        let url = self.url(&format!("/api/v2/integrations/{id}/config/current"));
        let reply = self
            .call(Request::with_json(Method::Put, url, config.to_wire()))
            .await?;
        let stale = reply.status == 409
            || (reply.status == 400 && reply.body.contains("does not match the current version"));
        if stale {
            return Ok(ConfigWrite::Stale);
        }
        IntegrationConfig::from_wire(&read(&reply)?)
            .map(ConfigWrite::Written)
            .ok_or_else(|| oauth::unexpected(&reply))
    }

    /// Reads `config/current`, lets `change` edit it (returning false when it is already as
    /// wanted), and writes it with the version just read; a stale version is read again and
    /// retried. `Ok(true)` when something was written; `genesys.config_conflict` naming `name`
    /// when someone else kept changing it.
    pub async fn edit_config(
        &self,
        id: &str,
        name: &str,
        change: impl Fn(&mut IntegrationConfig) -> bool,
    ) -> Result<bool, Failure> {
        for _ in 0..CONFIG_TRIES {
            let mut config = self.config(id).await?;
            if !change(&mut config) {
                return Ok(false);
            }
            if let ConfigWrite::Written(_) = self.put_config(id, &config).await? {
                return Ok(true);
            }
        }
        Err(Failure::new(Code::GenesysConfigConflict).with("name", name))
    }

    /// Asks Genesys to enable or disable the integration; what it reports follows later.
    pub async fn set_enabled(&self, id: &str, enabled: bool) -> Result<Integration, Failure> {
        let state = if enabled { "ENABLED" } else { "DISABLED" };
        let url = self.url(&format!("/api/v2/integrations/{id}"));
        let request = Request::with_json(Method::Patch, url, json!({ "intendedState": state }))
            .retry_when_refused();
        let reply = self.call(request).await?;
        Integration::from_wire(&read(&reply)?).ok_or_else(|| oauth::unexpected(&reply))
    }

    /// Deletes the integration; one already gone is not an error.
    pub async fn delete_integration(&self, id: &str) -> Result<(), Failure> {
        let url = self.url(&format!("/api/v2/integrations/{id}"));
        let reply = self
            .call(Request::without_body(Method::Delete, url))
            .await?;
        gone_or_done(&reply)
    }

    /// Every credential of the org (names and types, never fields).
    pub async fn credentials(&self) -> Result<Vec<CredentialInfo>, Failure> {
        let mut all = Vec::new();
        let mut url = self.url("/api/v2/integrations/credentials/listing");
        url.query_pairs_mut()
            .append_pair("pageSize", &PAGE.to_string());
        for _ in 0..MAX_PAGES {
            let body = self.get(url.clone()).await?;
            let entities = body.get("entities").and_then(Value::as_array);
            all.extend(
                entities
                    .into_iter()
                    .flatten()
                    .filter_map(CredentialInfo::from_wire),
            );
            let Some(next) = body
                .get("nextUri")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty())
            else {
                break;
            };
            // `nextUri` is relative to the API host, with its own query.
            url = self
                .api
                .join(next)
                .map_err(|_| Failure::new(Code::VendorUnexpectedResponse))?;
        }
        Ok(all)
    }

    pub async fn create_credential(
        &self,
        credential: &NewCredential,
    ) -> Result<CredentialInfo, Failure> {
        let url = self.url("/api/v2/integrations/credentials");
        let request = Request::post_json(url, credential.body())
            .json_secrets(credential.secrets.values())
            .retry_when_refused();
        let reply = self.call(request).await?;
        CredentialInfo::from_wire(&read(&reply)?).ok_or_else(|| oauth::unexpected(&reply))
    }

    /// Replaces the credential's fields (rotating a secret keeps its id and its integration).
    pub async fn update_credential(
        &self,
        id: &str,
        credential: &NewCredential,
    ) -> Result<(), Failure> {
        let url = self.url(&format!("/api/v2/integrations/credentials/{id}"));
        let request = Request::with_json(Method::Put, url, credential.body())
            .json_secrets(credential.secrets.values());
        let reply = self.call(request).await?;
        read(&reply).map(|_| ())
    }

    /// A credential's type and its fields as Genesys returns them (sensitive ones left out).
    pub async fn credential(
        &self,
        id: &str,
    ) -> Result<(String, BTreeMap<String, String>), Failure> {
        let url = self.url(&format!("/api/v2/integrations/credentials/{id}"));
        let body = self.get(url).await?;
        let type_name = body
            .pointer("/type/name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let fields = body
            .get("credentialFields")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
            .collect();
        Ok((type_name, fields))
    }

    pub async fn delete_credential(&self, id: &str) -> Result<(), Failure> {
        let url = self.url(&format!("/api/v2/integrations/credentials/{id}"));
        let reply = self
            .call(Request::without_body(Method::Delete, url))
            .await?;
        gone_or_done(&reply)
    }

    /// The data-action client certificates (Current, and Upcoming during a rotation).
    pub async fn certificates(&self) -> Result<Vec<ActionCertificate>, Failure> {
        let mut url = self.url("/api/v2/integrations/actions/certificates");
        url.query_pairs_mut().append_pair("type", "Client");
        let body = self.get(url).await?;
        Ok(body
            .get("entities")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(ActionCertificate::from_wire)
            .collect())
    }
}

impl GenesysSession {
    /// The data actions of an integration (Genesys lists them once it is active).
    pub async fn actions(&self, integration_id: &str) -> Result<Vec<(String, String)>, Failure> {
        let listed = self
            .pages(
                "/api/v2/integrations/actions",
                &[("integrationId", integration_id)],
            )
            .await?;
        Ok(listed
            .iter()
            .filter_map(|a| {
                Some((
                    a.get("id")?.as_str()?.to_owned(),
                    a.get("name")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                ))
            })
            .collect())
    }

    /// Runs an action's test with `input`; Genesys' refusal (inactive integration, bad input)
    /// comes back as a failure with its words.
    pub async fn test_action(&self, action_id: &str, input: &Value) -> Result<ActionTest, Failure> {
        let url = self.url(&format!("/api/v2/integrations/actions/{action_id}/test"));
        let reply = self.call(Request::post_json(url, input.clone())).await?;
        let body = read(&reply)?;
        let failed_step = body
            .get("operations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .find(|op| op.get("success").and_then(Value::as_bool) == Some(false))
            .and_then(|op| op.get("name").and_then(Value::as_str))
            .map(str::to_owned);
        Ok(ActionTest {
            success: body
                .get("success")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            failed_step,
        })
    }
}

/// An action test's outcome.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionTest {
    pub success: bool,
    /// The first step Genesys reports as failed.
    pub failed_step: Option<String>,
}

fn read(reply: &Reply) -> Result<Value, Failure> {
    if reply.is_success() {
        return Ok(reply.json().unwrap_or(Value::Null));
    }
    Err(refusal(reply).unwrap_or_else(|| oauth::unexpected(reply)))
}

fn gone_or_done(reply: &Reply) -> Result<(), Failure> {
    if reply.status == 404 {
        return Ok(());
    }
    read(reply).map(|_| ())
}
