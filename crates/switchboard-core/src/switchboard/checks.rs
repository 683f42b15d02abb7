//! Verified steps: a step's live check against the vendor (the Zoom apps' scopes, the
//! Salesforce log-in, the planned Salesforce statuses, the Zoom Contact Center prerequisites and
//! package), kept as the step's `lastCheck`.

use super::zoom_checks::zoom_app_fields;
use super::{Switchboard, find_flow, find_step, load, save_status};
use crate::catalogue::{LiveKind, StepKind};
use crate::connection::{Diagnosis, Vendor};
use crate::error::{Error, Result};
use crate::flow::FlowView;
use crate::locale::Locale;
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::storage::{journal, profiles};

impl Switchboard {
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
        let step = find_step(flow, step_id)?;
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
            LiveKind::GenesysConnection => {
                match self.test_connection(profile_id, Vendor::Genesys).await {
                    Err(Error::NotFound { .. }) => {
                        return Err(Error::ConnectionMissing(Vendor::Genesys));
                    }
                    other => other?,
                }
            }
            LiveKind::ZccPrerequisites => self.zcc_prerequisites_check(profile_id).await?,
            LiveKind::ZccPackage => self.zcc_package_check(profile_id).await?,
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
        let step = find_step(flow, step_id)?;
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
}
