//! Zoom Contact Center ↔ Salesforce: the prerequisites and the package checked live, the call
//! center's import XML and its Metadata API deploy, and the agents' three places with the apply
//! (and removal) that fixes them.

use switchboard_core::storage::apply_runs::Unfinished;
use switchboard_core::switchboard::presence_files::SavedFile;
use switchboard_core::switchboard::zcc::{
    AgentTarget, AgentsApplied, AgentsView, CallCenterDeployed, Prerequisites,
    call_center_definition,
};
use switchboard_core::switchboard::zcc_steps::ZccChoices;
use switchboard_core::vendors::salesforce::zcc::InstalledPackage;
use switchboard_core::zcc::agents::Direction;

use super::presence::downloads;
use crate::contract::commands;

commands! {
    fn zcc_prerequisites[state, _app](profile_id: i64) -> Prerequisites {
        Ok(state.core()?.zcc_prerequisites(profile_id).await?)
    }

    fn zcc_package[state, _app](profile_id: i64) -> InstalledPackage {
        Ok(state.core()?.zcc_package(profile_id).await?)
    }

    /// The import XML of Setup › Call Centers (the SSO definition when `sso_host` is given).
    fn zcc_call_center_xml[_state, _app](sso_host: Option<String>) -> String {
        Ok(call_center_definition(sso_host.as_deref())?.import_xml())
    }

    /// The flow's choices for the live parts: SSO and its vanity host, the agents' e-mails.
    fn zcc_choices[state, _app](profile_id: i64) -> ZccChoices {
        Ok(state.core()?.zcc_choices(profile_id)?)
    }

    /// Saves the import XML in the user's Downloads folder (never replacing a file).
    fn export_zcc_call_center[state, _app](profile_id: i64, sso_host: Option<String>) -> SavedFile {
        Ok(state.core()?.export_zcc_call_center(profile_id, sso_host.as_deref(), &downloads()?)?)
    }

    fn zcc_deploy_call_center[state, _app](
        profile_id: i64,
        sso_host: Option<String>,
    ) -> CallCenterDeployed {
        Ok(state.core()?.zcc_deploy_call_center(profile_id, sso_host.as_deref()).await?)
    }

    fn zcc_agents[state, _app](
        profile_id: i64,
        target: AgentTarget,
        direction: Direction,
    ) -> AgentsView {
        Ok(state.core()?.zcc_agents(profile_id, &target, direction).await?)
    }

    /// Applies the plan shown (claimed and journalled; an unfinished run of another plan waits
    /// for `unfinished`).
    fn zcc_agents_apply[state, _app](
        profile_id: i64,
        target: AgentTarget,
        direction: Direction,
        unfinished: Option<Unfinished>,
    ) -> AgentsApplied {
        Ok(state.core()?.zcc_agents_apply(profile_id, &target, direction, unfinished).await?)
    }
}
