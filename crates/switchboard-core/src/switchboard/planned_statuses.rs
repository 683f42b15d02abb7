//! The Salesforce presence statuses step: the statuses the admin plans (kept with the profile)
//! under Salesforce's rules for Developer Names, and the step's live check that each planned
//! status now exists in the org.

use serde::{Deserialize, Serialize};

use crate::connection::{Code, ConnectionSettings, Diagnosis, Failure, SalesforceSettings, Vendor};
use crate::error::{Error, Result};
use crate::storage::profiles;
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::validate::FieldError;
use crate::vendors::http::Http;
use crate::vendors::salesforce::session::SalesforceSession;
use ts_rs::TS;

use super::{Switchboard, find_flow, load, save_status};

const STEP: &str = "sf-presence-statuses";
/// Salesforce's limit for a status's Status Name and for its Developer Name.
const MAX_LENGTH: usize = 80;

/// A presence status the admin will create in Setup › Presence Statuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedStatus {
    pub label: String,
    pub developer_name: String,
    pub kind: PlannedKind,
    /// The service channels of an Online status, as the admin writes them.
    #[serde(default)]
    pub channels: String,
}

/// The "Status Options" choice in Salesforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PlannedKind {
    Online,
    Busy,
}

/// The first row that breaks a rule, as `statuses[i].label` / `statuses[i].developerName`.
fn check_planned(statuses: &[PlannedStatus]) -> Result<()> {
    for (i, status) in statuses.iter().enumerate() {
        let invalid =
            |field: &str, detail| Err(Error::invalid(format!("statuses[{i}].{field}"), detail));
        if let Some(detail) = label_problem(&status.label) {
            return invalid("label", detail);
        }
        if let Some(detail) = developer_name_problem(&status.developer_name) {
            return invalid("developerName", detail);
        }
        let name = status.developer_name.trim();
        // Salesforce refuses a second status whose Developer Name differs only by case.
        if let Some(first) = statuses[..i]
            .iter()
            .position(|s| s.developer_name.trim().eq_ignore_ascii_case(name))
        {
            return invalid(
                "developerName",
                FieldError::new("duplicate").with("firstRow", first),
            );
        }
    }
    Ok(())
}

fn label_problem(label: &str) -> Option<FieldError> {
    let label = label.trim();
    if label.is_empty() {
        Some(FieldError::new("required"))
    } else if label.chars().count() > MAX_LENGTH {
        Some(FieldError::new("too_long").with("max", MAX_LENGTH))
    } else {
        None
    }
}

/// Salesforce's rule: a letter first, then letters, digits and underscores; no double
/// underscore and none at the end.
fn developer_name_problem(name: &str) -> Option<FieldError> {
    let name = name.trim();
    let code = if name.is_empty() {
        "required"
    } else if name.len() > MAX_LENGTH {
        return Some(FieldError::new("too_long").with("max", MAX_LENGTH));
    } else if !name.starts_with(|c: char| c.is_ascii_alphabetic())
        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        "developer_name"
    } else if name.contains("__") {
        "developer_name_double_underscore"
    } else if name.ends_with('_') {
        "developer_name_trailing_underscore"
    } else {
        return None;
    };
    Some(FieldError::new(code))
}

fn trimmed(status: &PlannedStatus) -> PlannedStatus {
    PlannedStatus {
        label: status.label.trim().to_owned(),
        developer_name: status.developer_name.trim().to_owned(),
        kind: status.kind,
        channels: match status.kind {
            PlannedKind::Online => status.channels.trim().to_owned(),
            PlannedKind::Busy => String::new(),
        },
    }
}

impl Switchboard {
    pub fn planned_statuses(&self, profile_id: i64, flow_id: &str) -> Result<Vec<PlannedStatus>> {
        let flow = find_flow(flow_id)?;
        flow.step(STEP)
            .ok_or_else(|| Error::not_found(format!("step {STEP}")))?;
        let db = self.db();
        profiles::get(&db, profile_id)?;
        Ok(step_documents::load(&db, planned_ref(profile_id, flow_id))?.unwrap_or_default())
    }

    /// Saves the plan when every row follows Salesforce's rules; nothing is saved otherwise. A
    /// changed plan takes a Done step back to In progress: the last check no longer covers it.
    pub fn save_planned_statuses(
        &self,
        profile_id: i64,
        flow_id: &str,
        statuses: &[PlannedStatus],
    ) -> Result<Vec<PlannedStatus>> {
        check_planned(statuses)?;
        let statuses: Vec<PlannedStatus> = statuses.iter().map(trimmed).collect();
        let before = self.planned_statuses(profile_id, flow_id)?;
        let flow = find_flow(flow_id)?;
        let step = flow.step(STEP).expect("checked by planned_statuses");
        let db = self.db();
        step_documents::save(&db, planned_ref(profile_id, flow_id), &statuses)?;
        let mut state = load(&db, profile_id, flow)?;
        let now = match state.status(STEP) {
            StepStatus::NotStarted => Some(StepStatus::InProgress),
            StepStatus::Done if before != statuses => Some(StepStatus::InProgress),
            _ => None,
        };
        if let Some(status) = now {
            save_status(&db, profile_id, &mut state, step, status)?;
        }
        Ok(statuses)
    }

    /// The planned statuses to create in the practice org (the admin cannot open its Setup);
    /// only for the practice profile.
    pub fn practice_planned_statuses(
        &self,
        profile_id: i64,
        flow_id: &str,
    ) -> Result<Vec<PlannedStatus>> {
        if !profiles::get(&self.db(), profile_id)?.practice {
            return Err(Error::Conflict(
                "only the practice tenant's statuses are created by the app".into(),
            ));
        }
        let planned = self.planned_statuses(profile_id, flow_id)?;
        if planned.is_empty() {
            return Err(Error::validation("statuses", "required"));
        }
        Ok(planned)
    }

    /// The check of the statuses step: log in as the connection Test does, read every
    /// ServicePresenceStatus, and name the planned Developer Names Salesforce does not have.
    pub(crate) async fn planned_statuses_check(
        &self,
        profile_id: i64,
        flow_id: &str,
    ) -> Result<Diagnosis> {
        let planned = self.planned_statuses(profile_id, flow_id)?;
        if planned.is_empty() {
            return Err(Error::validation("statuses", "required"));
        }
        let (settings, secrets) = self
            .connection_inputs(profile_id, Vendor::Salesforce)
            .await?;
        let settings = salesforce_settings(settings)?;
        let http = Http::for_connection(settings.endpoints.practice)?.redacting(secrets.values());
        let mut diagnosis = Diagnosis::new(Vendor::Salesforce);
        let opened = SalesforceSession::open_checked(&settings, &secrets, http, &mut diagnosis);
        let now = match opened.await {
            Err((check, failure)) => {
                diagnosis.fail(check, failure);
                std::time::SystemTime::now()
            }
            Ok(session) => {
                match session.presence_statuses().await {
                    Err(failure) => diagnosis.fail("statuses", failure),
                    Ok(found) => {
                        let missing: Vec<&str> = planned
                            .iter()
                            .map(|p| p.developer_name.as_str())
                            .filter(|name| !found.iter().any(|s| s.developer_name == *name))
                            .collect();
                        if missing.is_empty() {
                            let count = serde_json::json!(planned.len());
                            diagnosis.pass("statuses", [("count".to_owned(), count)].into());
                        } else {
                            let failure = Failure::new(Code::SalesforceStatusesMissing)
                                .with("missing", missing);
                            diagnosis.fail("statuses", failure);
                        }
                    }
                }
                session.now()
            }
        };
        Ok(diagnosis.finish(now, &secrets))
    }

    /// A Salesforce session through the profile's Salesforce connection.
    pub(crate) async fn salesforce_session(&self, profile_id: i64) -> Result<SalesforceSession> {
        let (settings, secrets) = self
            .connection_inputs(profile_id, Vendor::Salesforce)
            .await?;
        let settings = salesforce_settings(settings)?;
        let http = Http::for_connection(settings.endpoints.practice)?.redacting(secrets.values());
        Ok(SalesforceSession::open(&settings, &secrets, http).await?)
    }
}

fn salesforce_settings(settings: ConnectionSettings) -> Result<SalesforceSettings> {
    match settings {
        ConnectionSettings::Salesforce(s) => Ok(s),
        _ => Err(Error::ConnectionMissing(Vendor::Salesforce)),
    }
}

pub(crate) fn planned_ref(profile_id: i64, flow_id: &str) -> DocRef<'_> {
    DocRef {
        profile_id,
        flow_id,
        step_id: STEP,
        kind: DocKind::Draft,
    }
}
