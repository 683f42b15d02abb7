//! Live steps: a verified step's check against the vendor (the Zoom apps' scopes, the planned
//! Salesforce statuses), filling a step from the practice tenant, and the vendor sessions the
//! automated and editor steps open with the profile's connections.

use crate::catalogue::{LiveKind, StepKind};
use crate::connection::{ConnectionSecrets, ConnectionSettings, CxoneSettings, Diagnosis, Vendor};
use crate::error::{Error, Result};
use crate::flow::FlowView;
use crate::locale::Locale;
use crate::practice::PracticeTenant;
use crate::secrets::SecretKey;
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::storage::{connections, journal, profiles};
use crate::vendors::cxone_admin::{Agent, CxoneSession, Team};
use crate::vendors::http::Http;

use super::zoom_checks::zoom_app_fields;
use super::{Switchboard, find_flow, load, save_status};

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
        let live = step
            .live
            .filter(|live| live.step_kind() == StepKind::Verified)
            .ok_or_else(|| Error::not_found(format!("live check of step {step_id}")))?;
        {
            let db = self.db();
            profiles::get(&db, profile_id)?;
            let state = load(&db, profile_id, flow)?;
            if let Some(first) = state.pending(step).first() {
                return Err(Error::Conflict(format!(
                    "step {step_id} is waiting for step {} to be done",
                    first.id
                )));
            }
        }
        let diagnosis = match live {
            LiveKind::SfStatuses => self.planned_statuses_check(profile_id, flow_id).await?,
            // The connection's own Test: the username-password login, each refusal diagnosed.
            LiveKind::SfLogin => match self.test_connection(profile_id, Vendor::Salesforce).await {
                Err(Error::NotFound { .. }) => {
                    return Err(Error::ConnectionMissing(Vendor::Salesforce));
                }
                other => other?,
            },
            zoom => {
                let fields = zoom_app_fields(zoom)
                    .ok_or_else(|| Error::not_found(format!("live check of step {step_id}")))?;
                self.zoom_scope_check(profile_id, flow_id, fields).await?
            }
        };
        self.record_check(profile_id, flow_id, step_id, &diagnosis, locale)
    }

    /// Keeps a verified step's check as its `lastCheck`: the step is Done when it passed and
    /// Needs attention otherwise.
    pub(crate) fn record_check(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        diagnosis: &Diagnosis,
        locale: Locale,
    ) -> Result<FlowView> {
        let flow = find_flow(flow_id)?;
        let step = flow
            .step(step_id)
            .ok_or_else(|| Error::not_found(format!("step {step_id}")))?;
        let db = self.db();
        let at = DocRef {
            profile_id,
            flow_id,
            step_id,
            kind: DocKind::Check,
        };
        step_documents::save(&db, at, diagnosis)?;
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
            Some(diagnosis.vendor.as_str()),
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
}
