//! The CXone ↔ Salesforce presence flow: the planned Salesforce statuses (their check is
//! `verify_step`), the presence rule editor, its simulator and its files (saved to Downloads).

use std::path::PathBuf;

use switchboard_core::exports;
use switchboard_core::flow::FlowView;
use switchboard_core::presence::{DiagramLabels, PresenceRule, Simulation, Start};
use switchboard_core::switchboard::planned_statuses::PlannedStatus;
use switchboard_core::switchboard::presence::PresenceRuleView;
use switchboard_core::switchboard::presence_files::SavedFile;

use crate::contract::commands;
use crate::ipc_error::{IpcError, IpcResult};

commands! {
    fn planned_statuses[state, _app](profile_id: i64, flow_id: String) -> Vec<PlannedStatus> {
        Ok(state.core()?.planned_statuses(profile_id, &flow_id)?)
    }

    fn save_planned_statuses[state, _app](
        profile_id: i64,
        flow_id: String,
        statuses: Vec<PlannedStatus>,
    ) -> Vec<PlannedStatus> {
        Ok(state.core()?.save_planned_statuses(profile_id, &flow_id, &statuses)?)
    }

    /// Creates the planned statuses in the practice org, standing in for Salesforce Setup;
    /// replies with the flow (in the UI's language) as every flow mutator does.
    fn practice_create_planned_statuses[state, _app](profile_id: i64, flow_id: String) -> FlowView {
        let os = sys_locale::get_locale();
        Ok(state.core()?.practice_create_planned_statuses(profile_id, &flow_id, os.as_deref()).await?)
    }

    fn presence_rule[state, _app](profile_id: i64, flow_id: String, labels: DiagramLabels) -> PresenceRuleView {
        Ok(state.core()?.presence_rule(profile_id, &flow_id, &labels)?)
    }

    fn save_presence_rule[state, _app](
        profile_id: i64,
        flow_id: String,
        rule: PresenceRule,
        labels: DiagramLabels,
    ) -> PresenceRuleView {
        Ok(state.core()?.save_presence_rule(profile_id, &flow_id, &rule, &labels)?)
    }

    /// Reads the CXone states and Salesforce statuses again.
    fn refresh_presence_lists[state, _app](
        profile_id: i64,
        flow_id: String,
        labels: DiagramLabels,
    ) -> PresenceRuleView {
        Ok(state.core()?.refresh_presence_lists(profile_id, &flow_id, &labels).await?)
    }

    fn simulate_presence[state, _app](
        profile_id: i64,
        flow_id: String,
        start: Start,
        previous: Option<String>,
    ) -> Simulation {
        Ok(state.core()?.simulate_presence(profile_id, &flow_id, start, previous.as_deref())?)
    }

    fn export_presence_rule[state, _app](profile_id: i64, flow_id: String) -> SavedFile {
        Ok(state.core()?.export_presence_rule(profile_id, &flow_id, &downloads()?)?)
    }

    /// Imports a rule file, its teams and users matched by name to this tenant's.
    fn import_presence_rule[state, _app](
        profile_id: i64,
        flow_id: String,
        json: String,
        labels: DiagramLabels,
    ) -> PresenceRuleView {
        Ok(state.core()?.import_presence_rule(profile_id, &flow_id, &json, &labels).await?)
    }

    fn export_presence_diagram[state, _app](
        profile_id: i64,
        flow_id: String,
        labels: DiagramLabels,
    ) -> SavedFile {
        Ok(state.core()?.export_presence_diagram(profile_id, &flow_id, &labels, &downloads()?)?)
    }
}

/// Where exports go: the user's Downloads folder, else their home folder.
pub(crate) fn downloads() -> IpcResult<PathBuf> {
    exports::folder()
        .ok_or_else(|| IpcError::internal("this system has no Downloads or home folder"))
}
