//! The Zoom apps' live checks: the flow fields each app's check reads, its token's scopes and
//! one harmless read, and the Directory Sync app as the editor's preview uses it.

use crate::catalogue::LiveKind;
use crate::connection::{Code, ConnectionSecrets, Diagnosis, Endpoints, Failure, Vendor};
use crate::error::{Error, Result};
use crate::flow;
use crate::secrets::SecretKey;
use crate::storage::profiles;
use crate::vendors::http::Http;
use crate::vendors::zoom::session::{self as zoom_app, ZoomApp};

use super::{Switchboard, find_flow, load};

/// The flow fields a Zoom app's check reads: account ID, client ID, client secret.
pub(super) fn zoom_app_fields(live: LiveKind) -> Option<[&'static str; 3]> {
    match live {
        LiveKind::ZoomScopes => Some(["zoom-account-id", "zoom-client-id", "zoom-client-secret"]),
        LiveKind::ZoomPsScopes => Some([
            "zoom-account-id",
            "zoom-ps-client-id",
            "zoom-ps-client-secret",
        ]),
        LiveKind::CxoneAddressBook
        | LiveKind::DirectorySync
        | LiveKind::SfStatuses
        | LiveKind::SfLogin
        | LiveKind::SfPreflight
        | LiveKind::ZccPrerequisites
        | LiveKind::ZccPackage
        | LiveKind::PresenceRule
        | LiveKind::GenesysConnection
        | LiveKind::GenesysDataActions
        | LiveKind::ZccStatusMap
        | LiveKind::ZccCallCenter
        | LiveKind::ZccAgents
        | LiveKind::ZccAgentsRemove
        | LiveKind::Review
        | LiveKind::ReportExport => None,
    }
}

impl Switchboard {
    /// A Zoom app's check: its fields (entered in earlier steps) must be valid, then its token
    /// must carry every scope.
    pub(super) async fn zoom_scope_check(
        &self,
        profile_id: i64,
        flow_id: &str,
        fields: [&'static str; 3],
    ) -> Result<Diagnosis> {
        let (app, endpoints) = self.zoom_app(profile_id, flow_id, fields).await?;
        let http = Http::for_connection(endpoints.practice)?.redacting([&app.client_secret]);
        Ok(scope_check(&endpoints, &app, &http).await)
    }

    /// The Directory Sync Zoom app entered in the flow, with the Zoom connection's endpoints.
    pub(crate) async fn directory_zoom_app(
        &self,
        profile_id: i64,
        flow_id: &str,
    ) -> Result<(ZoomApp, Endpoints)> {
        let fields =
            zoom_app_fields(LiveKind::ZoomScopes).expect("the Directory Sync app has fields");
        self.zoom_app(profile_id, flow_id, fields).await
    }

    /// The Zoom app whose account ID, client ID and client secret are the flow's `fields`, with
    /// the Zoom connection's endpoints. The fields live in earlier steps: a missing or invalid
    /// one is named, as when marking a step done.
    async fn zoom_app(
        &self,
        profile_id: i64,
        flow_id: &str,
        [account, client, secret]: [&'static str; 3],
    ) -> Result<(ZoomApp, Endpoints)> {
        let flow = find_flow(flow_id)?;
        // Where Zoom is for this profile: the Zoom connection's endpoints (practice tenant, a
        // proxy host), else Zoom's own hosts.
        let endpoints = match self.connection_settings(profile_id, Vendor::Zoom).await? {
            Some(settings) => settings.endpoints().clone(),
            None => Endpoints::default(),
        };
        let values = {
            let db = self.db();
            profiles::get(&db, profile_id)?;
            load(&db, profile_id, flow)?.values()
        };
        let value = |id: &str| {
            let (_, field) = flow.field(id).expect("catalogue names the app fields");
            let value = values.get(id).map(String::as_str).unwrap_or("");
            match crate::validate::check(field.rule, value, true, &[]) {
                Some(e) => Err(Error::invalid(id, e)),
                None => Ok(value.to_owned()),
            }
        };
        let (account_id, client_id) = (value(account)?, value(client)?);
        let key = SecretKey::new(profile_id, flow::secret_scope(flow_id), secret);
        let client_secret = self
            .saved_secret(&key)?
            .ok_or_else(|| Error::validation(secret, "required"))?;
        let app = ZoomApp {
            account_id,
            client_id,
            client_secret,
        };
        Ok((app, endpoints))
    }
}

/// Token → scopes → users, as a diagnosis the UI already knows how to show.
async fn scope_check(endpoints: &Endpoints, app: &ZoomApp, http: &Http) -> Diagnosis {
    let mut diagnosis = Diagnosis::new(Vendor::Zoom);
    diagnosis.pass("settings", Default::default());
    match zoom_app::check_scopes(endpoints, app, http).await {
        Err(failure) => diagnosis.fail("token", failure),
        Ok(check) => {
            diagnosis.pass("token", Default::default());
            if check.missing.is_empty() {
                let granted = serde_json::json!(check.granted);
                diagnosis.pass("scopes", [("granted".to_owned(), granted)].into());
                users(endpoints, app, &mut diagnosis).await;
            } else {
                let failure = Failure::new(Code::ZoomMissingScopes).with("missing", check.missing);
                diagnosis.fail("scopes", failure);
            }
        }
    }
    let secrets = ConnectionSecrets::default().with("client-secret", app.client_secret.clone());
    diagnosis.finish(http.clock().now(), &secrets)
}

/// One harmless read with the new token, as the connection Test does: the user count.
async fn users(endpoints: &Endpoints, app: &ZoomApp, diagnosis: &mut Diagnosis) {
    let counted = async {
        // The directory keeps its own client: the token check's is borrowed by the caller.
        let http = Http::for_connection(endpoints.practice)?.redacting([&app.client_secret]);
        let directory = zoom_app::ZoomDirectory::open(endpoints, app, http).await?;
        directory.user_count().await
    };
    match counted.await {
        Ok(total) => diagnosis.pass("users", [("totalRecords".to_owned(), total.into())].into()),
        Err(failure) => diagnosis.fail("users", failure),
    }
}
