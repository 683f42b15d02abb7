//! Live steps: a verified step's check against the vendor (the Zoom apps' scopes), filling a
//! step from the practice tenant, and the vendor sessions the automated and editor steps open
//! with the profile's connections.

use crate::catalogue::LiveKind;
use crate::connection::{
    Code, ConnectionSecrets, ConnectionSettings, CxoneSettings, Diagnosis, Endpoints, Failure,
    Vendor,
};
use crate::error::{Error, Result};
use crate::flow::{self, FlowView};
use crate::locale::Locale;
use crate::practice::PracticeTenant;
use crate::secrets::SecretKey;
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::storage::{connections, journal, profiles};
use crate::vendors::cxone_admin::{Agent, CxoneSession, Team};
use crate::vendors::http::Http;
use crate::vendors::zoom_app::{self, ZoomApp};

use super::{Switchboard, find_flow, load, save_status};

/// The flow fields a Zoom app's check reads: account ID, client ID, client secret.
fn zoom_app_fields(live: LiveKind) -> Option<[&'static str; 3]> {
    match live {
        LiveKind::ZoomScopes => Some(["zoom-account-id", "zoom-client-id", "zoom-client-secret"]),
        LiveKind::ZoomPsScopes => Some([
            "zoom-account-id",
            "zoom-ps-client-id",
            "zoom-ps-client-secret",
        ]),
        LiveKind::CxoneAddressBook | LiveKind::DirectorySync => None,
    }
}

impl Switchboard {
    /// Fills the step's fields the practice tenant knows (its Zoom apps' credentials).
    pub fn fill_practice_values(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        tenant: &PracticeTenant,
        locale: Locale,
    ) -> Result<FlowView> {
        let flow = find_flow(flow_id)?;
        let step = flow
            .step(step_id)
            .ok_or_else(|| Error::not_found(format!("step {step_id}")))?;
        if !profiles::get(&self.db(), profile_id)?.practice {
            return Err(Error::Conflict(
                "only the practice profile is filled from the practice tenant".into(),
            ));
        }
        for field in &step.fields {
            let Some((_, value, secret)) = tenant.flow_values.iter().find(|v| v.0 == field.id)
            else {
                continue;
            };
            if *secret {
                self.set_secret(profile_id, flow_id, step_id, &field.id, value, locale)?;
            } else {
                self.set_field(
                    profile_id,
                    flow_id,
                    step_id,
                    &field.id,
                    value.expose(),
                    locale,
                )?;
            }
        }
        self.flow_view(profile_id, flow_id, locale)
    }

    /// Runs a verified step's live check; the step is Done when it passes and Needs attention
    /// otherwise. The result is kept as the step's `lastCheck`.
    pub async fn verify_step(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        locale: Locale,
    ) -> Result<FlowView> {
        let flow = find_flow(flow_id)?;
        let step = flow
            .step(step_id)
            .ok_or_else(|| Error::not_found(format!("step {step_id}")))?;
        let fields = step
            .live
            .and_then(zoom_app_fields)
            .ok_or_else(|| Error::not_found(format!("live check of step {step_id}")))?;
        let (app, endpoints) = {
            let db = self.db();
            profiles::get(&db, profile_id)?;
            let state = load(&db, profile_id, flow)?;
            if let Some(first) = state.pending(step).first() {
                return Err(Error::Conflict(format!(
                    "step {step_id} is waiting for step {} to be done",
                    first.id
                )));
            }
            // The fields live in earlier steps: a missing or invalid one is named, as when
            // marking a step done.
            let values = state.values();
            for id in &fields[..2] {
                let (_, field) = flow.field(id).expect("catalogue names the app fields");
                let value = values.get(*id).map(String::as_str).unwrap_or("");
                if let Some(e) = crate::validate::check(field.rule, value, true, &[]) {
                    return Err(Error::invalid(*id, e));
                }
            }
            let secret = self
                .secrets
                .get(&SecretKey::new(
                    profile_id,
                    flow::secret_scope(flow_id),
                    fields[2],
                ))?
                .ok_or_else(|| Error::validation(fields[2], "required"))?;
            let app = ZoomApp {
                account_id: values[fields[0]].clone(),
                client_id: values[fields[1]].clone(),
                client_secret: secret,
            };
            (app, zoom_endpoints(&db, profile_id)?)
        };
        let http = Http::for_connection(endpoints.practice)?;
        let diagnosis = scope_check(&endpoints, &app, &http).await;

        let db = self.db();
        let at = DocRef {
            profile_id,
            flow_id,
            step_id,
            kind: DocKind::Check,
        };
        step_documents::save(&db, at, &diagnosis)?;
        let mut state = load(&db, profile_id, flow)?;
        let status = if diagnosis.ok {
            StepStatus::Done
        } else {
            StepStatus::NeedsAttention
        };
        save_status(&db, profile_id, &mut state, step, status)?;
        let codes: Vec<&str> = diagnosis
            .failed_codes()
            .iter()
            .map(|c| c.as_str())
            .collect();
        journal::record(
            &db,
            Some(profile_id),
            Some(Vendor::Zoom.as_str()),
            "step.verify",
            if diagnosis.ok { "ok" } else { "failed" },
            Some(&format!("{flow_id}/{step_id} {}", codes.join(","))),
        )?;
        Ok(state.view(profile_id, locale))
    }

    /// The saved settings and keychain secrets of one of the profile's connections.
    pub(crate) fn connection_inputs(
        &self,
        profile_id: i64,
        vendor: Vendor,
    ) -> Result<(ConnectionSettings, ConnectionSecrets)> {
        let settings = {
            let db = self.db();
            profiles::get(&db, profile_id)?;
            connections::get(&db, profile_id, vendor)?
                .ok_or(Error::ConnectionMissing(vendor))?
                .settings
        };
        let mut secrets = ConnectionSecrets::default();
        for field in vendor.secret_fields() {
            let key = SecretKey::new(profile_id, vendor.secret_scope(), field.id);
            if let Some(value) = self.secrets.get(&key)? {
                secrets.insert(field.id, value);
            }
        }
        Ok((settings, secrets))
    }

    /// A CXone admin session through the profile's CXone connection.
    pub(crate) async fn cxone_session(&self, profile_id: i64) -> Result<CxoneSession> {
        let (settings, secrets) = self.connection_inputs(profile_id, Vendor::Cxone)?;
        let settings: CxoneSettings = match settings {
            ConnectionSettings::Cxone(s) => s,
            _ => return Err(Error::ConnectionMissing(Vendor::Cxone)),
        };
        let http = Http::for_connection(settings.endpoints.practice)?;
        Ok(CxoneSession::open(&settings, &secrets, http).await?)
    }

    /// The CXone users (agents) matching `search`, for picking the access-key user.
    pub async fn cxone_agents(&self, profile_id: i64, search: Option<&str>) -> Result<Vec<Agent>> {
        let session = self.cxone_session(profile_id).await?;
        Ok(session
            .agents(search.filter(|s| !s.trim().is_empty()))
            .await?)
    }

    /// The CXone teams, for assigning the address book.
    pub async fn cxone_teams(&self, profile_id: i64) -> Result<Vec<Team>> {
        let session = self.cxone_session(profile_id).await?;
        Ok(session.teams().await?)
    }

    /// The Directory Sync Zoom app entered in the flow, with the Zoom connection's endpoints.
    pub(crate) fn directory_zoom_app(
        &self,
        profile_id: i64,
        flow_id: &str,
    ) -> Result<(ZoomApp, Endpoints)> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        let state = load(&db, profile_id, find_flow(flow_id)?)?;
        let values = state.values();
        let [account, client, secret] =
            zoom_app_fields(LiveKind::ZoomScopes).expect("the Directory Sync app has fields");
        let value = |id: &str| {
            values
                .get(id)
                .cloned()
                .ok_or_else(|| Error::validation(id, "required"))
        };
        let client_secret = self
            .secrets
            .get(&SecretKey::new(
                profile_id,
                flow::secret_scope(flow_id),
                secret,
            ))?
            .ok_or_else(|| Error::validation(secret, "required"))?;
        let app = ZoomApp {
            account_id: value(account)?,
            client_id: value(client)?,
            client_secret,
        };
        Ok((app, zoom_endpoints(&db, profile_id)?))
    }
}

/// Where Zoom is for this profile: the Zoom connection's endpoints (practice tenant, a proxy
/// host), else Zoom's own hosts.
fn zoom_endpoints(db: &rusqlite::Connection, profile_id: i64) -> Result<Endpoints> {
    Ok(match connections::get(db, profile_id, Vendor::Zoom)? {
        Some(stored) => stored.settings.endpoints().clone(),
        None => Endpoints::default(),
    })
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
        let http = Http::for_connection(endpoints.practice)?;
        let directory = zoom_app::ZoomDirectory::open(endpoints, app, http).await?;
        directory.user_count().await
    };
    match counted.await {
        Ok(total) => diagnosis.pass("users", [("totalRecords".to_owned(), total.into())].into()),
        Err(failure) => diagnosis.fail("users", failure),
    }
}
