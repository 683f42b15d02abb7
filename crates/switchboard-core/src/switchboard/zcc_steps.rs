//! The Zoom Contact Center flow's steps the window's live parts settle: the call center's
//! choice (standard, or SSO with the vanity host the flow holds), its import XML saved as a
//! file, and the steps marked Done when a deploy succeeds or the agents are ✓ in a place.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::files::write_new;
use super::presence_files::SavedFile;
use super::{Switchboard, find_flow, load, save_status};
use crate::error::Result;
use crate::storage::journal;
use crate::storage::progress::StepStatus;
use crate::zcc::agents::AgentTable;
use crate::zcc::apply::AgentsView;

use super::zcc::call_center_definition;

/// The catalogue flow this module settles steps of.
pub const FLOW: &str = "zoom-contact-center-salesforce";
const STANDARD_STEP: &str = "sf-import-call-center";
const SSO_STEP: &str = "sso-call-center";
/// The removal path's step whose API part is the agents' plan in reverse.
const REMOVAL_STEP: &str = "zcc-remove-agents";
/// The step whose field holds the agents chosen in the table.
pub const AGENTS_STEP: &str = "sf-assign-permission-sets";
/// That field: the chosen agents' e-mails (none is every matched user).
pub const AGENTS_FIELD: &str = "zcc-agent-emails";

/// The agents' places and the step each one is.
const PLACE_STEPS: [(&str, &str); 3] = [
    ("permissionSet", "sf-assign-permission-sets"),
    ("callCenter", "sf-add-call-center-users"),
    ("clientIntegration", "zoom-enable-client-integration"),
];

/// What the admin chose in the flow for the live parts: the call centers (the standard one
/// always, the SSO one when SSO is chosen, its vanity host as entered, validated only when
/// used) and the agents to enable (their e-mails; none listed is every matched user).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZccChoices {
    pub sso: bool,
    pub sso_host: Option<String>,
    pub agent_emails: Vec<String>,
    /// Where the agents' ticks are saved: this step's field (the window writes it with `set_field`).
    pub agents_step: String,
    pub agents_field: String,
    /// Each agent step and the table's column it is Done on, so the window shows the right one.
    pub place_steps: Vec<PlaceStep>,
}

/// One agent step and its column of the agents table (`permissionSet`, `callCenter`,
/// `clientIntegration`: the rows' field names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaceStep {
    pub place: String,
    pub step_id: String,
}

impl Switchboard {
    /// The flow's SSO choice (`zcc-use-sso`), vanity host (`zoom-vanity-host`) and agents
    /// (`zcc-agent-emails`, ticked in the agents table, saved split by commas; semicolons and
    /// line breaks are read too, for a value from an older profile file).
    pub fn zcc_choices(&self, profile_id: i64) -> Result<ZccChoices> {
        let state = load(&self.db(), profile_id, find_flow(FLOW)?)?;
        let values = state.values();
        let sso = values.get("zcc-use-sso").map(String::as_str) == Some("yes");
        let sso_host = values
            .get("zoom-vanity-host")
            .map(|h| h.trim().to_owned())
            .filter(|h| sso && !h.is_empty());
        let agent_emails = values
            .get(AGENTS_FIELD)
            .map(|list| {
                list.split([',', ';', '\n'])
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        Ok(ZccChoices {
            sso,
            sso_host,
            agent_emails,
            agents_step: AGENTS_STEP.to_owned(),
            agents_field: AGENTS_FIELD.to_owned(),
            place_steps: PLACE_STEPS
                .iter()
                .map(|(place, step)| PlaceStep {
                    place: (*place).to_owned(),
                    step_id: (*step).to_owned(),
                })
                .collect(),
        })
    }

    /// Writes the call center's import XML (the SSO one when `sso_host` is given) in `folder`.
    pub fn export_zcc_call_center(
        &self,
        profile_id: i64,
        sso_host: Option<&str>,
        folder: &Path,
    ) -> Result<SavedFile> {
        let definition = call_center_definition(sso_host)?;
        let stem = format!("call-center-{}", definition.internal_name());
        let path = write_new(folder, &stem, "xml", &definition.import_xml())?;
        self.remember_written(&path);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        journal::record(
            &self.db(),
            Some(profile_id),
            None,
            "zcc.call_center.export",
            "ok",
            name.as_deref(),
        )?;
        Ok(SavedFile {
            path: path.display().to_string(),
        })
    }

    /// The call center's step Done: it is deployed (or already was, identical).
    pub(crate) fn zcc_call_center_done(&self, profile_id: i64, sso: bool) -> Result<()> {
        self.zcc_mark_done(profile_id, &[if sso { SSO_STEP } else { STANDARD_STEP }])
    }

    /// Each agent step Done whose place is ✓ for every chosen agent of the table (a table with
    /// no chosen agent settles nothing).
    pub(crate) fn zcc_agents_done(&self, profile_id: i64, table: &AgentTable) -> Result<()> {
        let chosen: Vec<_> = table.rows.iter().filter(|r| r.chosen).collect();
        if chosen.is_empty() {
            return Ok(());
        }
        let steps: Vec<&str> = PLACE_STEPS
            .iter()
            .filter(|(place, _)| {
                chosen.iter().all(|row| match *place {
                    "permissionSet" => row.permission_set.is_set(),
                    "callCenter" => row.call_center.is_set(),
                    _ => row.client_integration.is_set(),
                })
            })
            .map(|(_, step)| *step)
            .collect();
        self.zcc_mark_done(profile_id, &steps)
    }

    /// The removal step Done once a removal run leaves nothing to undo for the chosen agents.
    pub(crate) fn zcc_agents_removed(&self, profile_id: i64, after: &AgentsView) -> Result<()> {
        let chosen = after.table.rows.iter().any(|r| r.chosen);
        if chosen && after.plan.actions.is_empty() {
            self.zcc_mark_done(profile_id, &[REMOVAL_STEP])?;
        }
        Ok(())
    }

    fn zcc_mark_done(&self, profile_id: i64, steps: &[&str]) -> Result<()> {
        let flow = find_flow(FLOW)?;
        let db = self.db();
        let mut state = load(&db, profile_id, flow)?;
        for id in steps {
            let Some(step) = flow.step(id) else { continue };
            if state.status(id) != StepStatus::Done {
                save_status(&db, profile_id, &mut state, step, StepStatus::Done)?;
            }
        }
        Ok(())
    }
}
