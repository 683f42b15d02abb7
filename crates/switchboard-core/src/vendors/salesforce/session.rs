//! Salesforce: a logged-in session for the live steps that read the org (the presence statuses
//! the admin planned, the lists the presence rule editor offers). It logs in exactly as the
//! connection Test does, so a failure carries the same diagnosis code, and logs in again once
//! when Salesforce refuses the session as expired (the username-password flow has no refresh
//! token).

use std::sync::{Mutex, PoisonError};

use serde_json::Value;
use url::Url;

use super::{Login, PRESENCE_QUERY, query_url, read_query};
use crate::connection::{ConnectionSecrets, Diagnosis, Failure, SalesforceSettings, Vendor, join};
use crate::presence::{SalesforceStatus, StatusKind};
use crate::secrets::Sensitive;
use crate::vendors::http::Http;
use crate::vendors::request::{Reply, Request};
use crate::vendors::{At, Stop, preflight};

/// Pages followed at most through `nextRecordsUrl`: an org has a few dozen statuses, so more
/// means a vendor answering in circles.
const MAX_PAGES: usize = 50;
/// Pages of 2,000 records followed at most for users and assignments (100,000 records).
const MAX_RECORD_PAGES: usize = 50;

pub struct SalesforceSession {
    http: Http,
    login: Login,
    /// The org's instance (`instance_url`, or the connection's override).
    pub(super) api: Url,
    token: Mutex<Sensitive>,
}

impl SalesforceSession {
    /// Checks the settings and logs in on the org's login host.
    pub async fn open(
        settings: &SalesforceSettings,
        secrets: &ConnectionSecrets,
        http: Http,
    ) -> Result<Self, Failure> {
        let mut checks = Diagnosis::new(Vendor::Salesforce);
        Self::open_checked(settings, secrets, http, &mut checks)
            .await
            .map_err(|(_, failure)| failure)
    }

    /// [`SalesforceSession::open`], recording the `settings` and `token` checks in `diagnosis`
    /// as the connection Test does; a failure names the check it stopped at.
    pub(crate) async fn open_checked(
        settings: &SalesforceSettings,
        secrets: &ConnectionSecrets,
        http: Http,
        diagnosis: &mut Diagnosis,
    ) -> Result<Self, Stop> {
        preflight(
            diagnosis,
            Vendor::Salesforce,
            settings.field_error(),
            secrets,
        )?;
        let login = Login::new(settings, secrets)?;
        let granted = login.mint(&http).await.at("token")?;
        let api = login.api_base(&granted).at("token")?;
        diagnosis.pass("token", login.token_params(&api));
        Ok(SalesforceSession {
            http,
            login,
            api,
            token: Mutex::new(granted.token),
        })
    }

    /// Every Omni-Channel presence status of the org. The query cannot tell Online from Busy
    /// (that lives in the status's channels, not in a queryable field), so `kind` is Unknown.
    pub async fn presence_statuses(&self) -> Result<Vec<SalesforceStatus>, Failure> {
        let mut statuses = Vec::new();
        let mut url = query_url(&self.api, PRESENCE_QUERY);
        for _ in 0..MAX_PAGES {
            let body = self.get(&url).await?;
            let records = body.get("records").and_then(Value::as_array);
            statuses.extend(records.into_iter().flatten().filter_map(status));
            let next = body
                .get("nextRecordsUrl")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty());
            let done = body.get("done").and_then(Value::as_bool).unwrap_or(true);
            match next {
                Some(next) if !done => url = join(&self.api, next),
                _ => return Ok(statuses),
            }
        }
        Ok(statuses)
    }

    /// The session's clock's "now" (a manual one in tests).
    pub(crate) fn now(&self) -> std::time::SystemTime {
        self.http.clock().now()
    }

    /// GETs `url` with the session; a 401 logs in once more.
    pub(super) async fn get(&self, url: &Url) -> Result<Value, Failure> {
        let reply = self.send(&Request::get(url.clone())).await?;
        read_query(&reply)
    }

    /// Sends `request` with the session; a 401 logs in once more (a refused session means
    /// Salesforce did nothing, so a write is not done twice).
    pub(super) async fn send(&self, request: &Request) -> Result<Reply, Failure> {
        // Cloned out: the lock is never held across a request.
        let token = self
            .token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let refresh = || async {
            let granted = self.login.mint(&self.http).await?;
            *self.token.lock().unwrap_or_else(PoisonError::into_inner) = granted.token.clone();
            Ok(granted.token)
        };
        self.http
            .send_with_token(request, &token, |r| r.status == 401, refresh)
            .await
    }

    /// Every record of a query at `url`, following `nextRecordsUrl`.
    pub(super) async fn records(&self, mut url: Url) -> Result<Vec<Value>, Failure> {
        let mut all = Vec::new();
        for _ in 0..MAX_RECORD_PAGES {
            let body = self.get(&url).await?;
            if let Some(records) = body.get("records").and_then(Value::as_array) {
                all.extend(records.iter().cloned());
            }
            let next = body
                .get("nextRecordsUrl")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty());
            let done = body.get("done").and_then(Value::as_bool).unwrap_or(true);
            match next {
                Some(next) if !done => url = join(&self.api, next),
                _ => return Ok(all),
            }
        }
        Ok(all)
    }

    /// The clock of the session's HTTP layer (waits between deploy polls).
    pub(super) fn clock(&self) -> &dyn crate::vendors::clock::Clock {
        self.http.clock()
    }
}

/// One `ServicePresenceStatus` record; one without a DeveloperName is skipped.
fn status(record: &Value) -> Option<SalesforceStatus> {
    let text = |field: &str| record.get(field).and_then(Value::as_str).map(str::trim);
    let developer_name = text("DeveloperName").filter(|n| !n.is_empty())?;
    Some(SalesforceStatus {
        developer_name: developer_name.to_owned(),
        label: text("MasterLabel").unwrap_or(developer_name).to_owned(),
        kind: StatusKind::Unknown,
    })
}
