//! Flow 4's two editors: the country codes (one code added at a time, refused when it is no
//! country's code or already listed) and the Omni-Channel status map, kept with the profile and
//! checked against the statuses read live from Zoom Contact Center and Salesforce.

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::failure::Code;
use crate::flow::FlowView;
use crate::locale::Locale;
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::storage::{journal, profiles};
use crate::time::format_utc;
use crate::validate::{self, FieldError};
use crate::zcc::country_codes;
use crate::zcc::status_map::{self, ChecklistLine, Finding, Lists, StatusMap};

use super::{Switchboard, find_field, find_flow, load, save_status};

/// The step whose editor is the status map.
pub(super) const STATUS_MAP_STEP: &str = "sf-omni-channel-status-sync";

/// The status map as the editor shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "ZccStatusMapView")]
#[serde(rename_all = "camelCase")]
pub struct StatusMapView {
    pub map: StatusMap,
    pub lists: Option<Lists>,
    /// When the lists were read live (RFC 3339, UTC).
    pub lists_at: Option<String>,
    pub findings: Vec<Finding>,
    pub checklist: Vec<ChecklistLine>,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReadLists {
    lists: Lists,
    at: String,
}

fn view(map: StatusMap, read: Option<ReadLists>) -> StatusMapView {
    let (lists, lists_at) = match read {
        Some(r) => (Some(r.lists), Some(r.at)),
        None => (None, None),
    };
    StatusMapView {
        findings: status_map::lint(&map, lists.as_ref()),
        checklist: status_map::checklist(&map, lists.as_ref()),
        map,
        lists,
        lists_at,
    }
}

impl Switchboard {
    /// Adds one country code to a country-codes field (Salesforce's +1 is the list until one
    /// is saved); the entry in any form an admin types, saved as `+33`.
    #[allow(clippy::too_many_arguments)]
    pub fn add_country_code(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        field_id: &str,
        entry: &str,
        locale: Locale,
    ) -> Result<FlowView> {
        let flow = find_flow(flow_id)?;
        let (_, field) = find_field(flow, step_id, field_id)?;
        if field.rule != validate::Rule::CountryCodes {
            return Err(Error::not_found(format!("country-codes field {field_id}")));
        }
        let saved = {
            let db = self.db();
            profiles::get(&db, profile_id)?;
            load(&db, profile_id, flow)?.values().remove(field_id)
        };
        let current = saved.as_deref().unwrap_or(country_codes::DEFAULT);
        let (list, _) = country_codes::add(current, entry).map_err(|e| {
            let mut error = FieldError::new(e.code())
                .with("item", entry.trim())
                .with("max", country_codes::MAX);
            if let country_codes::EntryError::Duplicate(code) = e {
                // Named as listed (+33), whatever form was typed (0033, FR).
                error = error.with("item", format!("+{code}"));
            }
            Error::invalid(field_id, error)
        })?;
        self.set_field(profile_id, flow_id, step_id, field_id, &list, locale)
    }

    /// The saved map (the seed's example row at first) and the lists last read.
    pub fn zcc_status_map(&self, profile_id: i64, flow_id: &str) -> Result<StatusMapView> {
        let (map, read) = self.status_map_documents(profile_id, flow_id)?;
        Ok(view(map, read))
    }

    /// Saves the map as it is, findings and all: the admin fixes it at their pace.
    pub fn save_zcc_status_map(
        &self,
        profile_id: i64,
        flow_id: &str,
        map: &StatusMap,
    ) -> Result<StatusMapView> {
        let (_, read) = self.status_map_documents(profile_id, flow_id)?;
        if let Some((field, error)) = validate::first_too_long(map, validate::MAX_DOCUMENT_TEXT) {
            return Err(Error::invalid(field, error));
        }
        if map.rows.len() > MAX_ROWS {
            return Err(Error::invalid(
                "rows",
                FieldError::new("too_long").with("max", MAX_ROWS),
            ));
        }
        let flow = find_flow(flow_id)?;
        let db = self.db();
        step_documents::save(&db, map_ref(profile_id, flow_id), map)?;
        let mut state = load(&db, profile_id, flow)?;
        if state.status(STATUS_MAP_STEP) == StepStatus::NotStarted
            && let Some(step) = flow.step(STATUS_MAP_STEP)
        {
            save_status(&db, profile_id, &mut state, step, StepStatus::InProgress)?;
        }
        Ok(view(map.clone(), read))
    }

    /// Reads both lists live: Zoom Contact Center's agent statuses through the Zoom connection,
    /// Salesforce's presence statuses through the Salesforce connection (an org whose
    /// Omni-Channel is off is recorded as such, not failed).
    pub async fn refresh_zcc_statuses(
        &self,
        profile_id: i64,
        flow_id: &str,
    ) -> Result<StatusMapView> {
        let (_, _) = self.status_map_documents(profile_id, flow_id)?;
        let zoom = self.zcc_zoom(profile_id, false).await?;
        let zoom_statuses = zoom.agent_statuses().await?;
        let salesforce = self.salesforce_session(profile_id).await?;
        let (salesforce_statuses, omni_channel) = match salesforce.presence_statuses().await {
            Ok(statuses) => (statuses, true),
            Err(f) if f.code == Code::SalesforceOmniChannelUnavailable => (Vec::new(), false),
            Err(f) => return Err(f.into()),
        };
        let read = ReadLists {
            lists: Lists {
                zoom: zoom_statuses,
                salesforce: salesforce_statuses,
                omni_channel,
            },
            at: format_utc(salesforce.now()),
        };
        let db = self.db();
        step_documents::save(&db, lists_ref(profile_id, flow_id), &read)?;
        // A map never saved starts from the seed's example, now with the org's own status.
        let map = match step_documents::load(&db, map_ref(profile_id, flow_id))? {
            Some(map) => map,
            None => status_map::starting_map(Some(&read.lists)),
        };
        journal::record(
            &db,
            Some(profile_id),
            Some("zoom"),
            "zcc_statuses.read",
            "ok",
            Some(&format!(
                "{} Zoom, {} Salesforce",
                read.lists.zoom.len(),
                read.lists.salesforce.len()
            )),
        )?;
        Ok(view(map, Some(read)))
    }

    /// The saved map (or the starting one) and the lists; also checks the profile and step.
    fn status_map_documents(
        &self,
        profile_id: i64,
        flow_id: &str,
    ) -> Result<(StatusMap, Option<ReadLists>)> {
        let flow = find_flow(flow_id)?;
        flow.step(STATUS_MAP_STEP)
            .ok_or_else(|| Error::not_found(format!("step {STATUS_MAP_STEP}")))?;
        let db = self.db();
        profiles::get(&db, profile_id)?;
        let read: Option<ReadLists> = step_documents::load(&db, lists_ref(profile_id, flow_id))?;
        let map = match step_documents::load(&db, map_ref(profile_id, flow_id))? {
            Some(map) => map,
            None => status_map::starting_map(read.as_ref().map(|r| &r.lists)),
        };
        Ok((map, read))
    }
}

/// Far more rows than any account has statuses (Zoom's four plus custom ones).
const MAX_ROWS: usize = 200;

fn map_ref(profile_id: i64, flow_id: &str) -> DocRef<'_> {
    DocRef {
        profile_id,
        flow_id,
        step_id: STATUS_MAP_STEP,
        kind: DocKind::Editor,
    }
}

fn lists_ref(profile_id: i64, flow_id: &str) -> DocRef<'_> {
    DocRef {
        profile_id,
        flow_id,
        step_id: STATUS_MAP_STEP,
        kind: DocKind::Draft,
    }
}
