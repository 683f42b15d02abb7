//! Genesys Cloud data actions: the org's kinds, the plan and its secrets, the preview, the
//! journalled apply, and managing the org's integrations.

use switchboard_core::Locale;
use switchboard_core::data_actions::plan::{DataActionsPlan, PlanPreview};
use switchboard_core::secrets::Sensitive;
use switchboard_core::storage::apply_runs::Unfinished;
use switchboard_core::switchboard::data_actions::{
    ActionTestView, CredentialCheck, DataActionsApplied, DataActionsOrg, DataActionsPlanView,
    ManagedIntegration, SavedCertificate,
};

use crate::contract::commands;

/// The window never reads secrets from the environment (only the command line does).
fn no_env(_: &str) -> Option<String> {
    None
}

commands! {
    /// Each kind as the org offers it (type, limit, how many exist) and the organization id.
    fn data_actions_org[state, _app](profile_id: i64) -> DataActionsOrg {
        Ok(state.core()?.data_actions_org(profile_id).await?)
    }

    fn data_actions_plan[state, _app](profile_id: i64, flow_id: String) -> DataActionsPlanView {
        Ok(state.core()?.data_actions_plan(profile_id, &flow_id)?)
    }

    fn save_data_actions_plan[state, _app](
        profile_id: i64,
        flow_id: String,
        plan: DataActionsPlan,
    ) -> DataActionsPlanView {
        Ok(state.core()?.save_data_actions_plan(profile_id, &flow_id, &plan)?)
    }

    /// A planned integration's secret goes straight to the keychain (`null` clears it).
    fn set_data_action_secret[state, _app](
        profile_id: i64,
        flow_id: String,
        name: String,
        field: String,
        value: Option<String>,
    ) -> DataActionsPlanView {
        let value = value.map(Sensitive::new);
        Ok(state.core()?.set_data_action_secret(profile_id, &flow_id, &name, &field, value.as_ref())?)
    }

    /// A Google service-account key file's text: its fields filled, its private key to the
    /// keychain.
    fn import_google_key[state, _app](
        profile_id: i64,
        flow_id: String,
        name: String,
        key_json: String,
    ) -> DataActionsPlanView {
        Ok(state.core()?.import_google_key(profile_id, &flow_id, &name, &key_json)?)
    }

    fn preview_data_actions[state, _app](profile_id: i64, flow_id: String) -> PlanPreview {
        Ok(state.core()?.preview_data_actions(profile_id, &flow_id).await?)
    }

    /// Applies the plan (claimed and journalled; an unfinished run of another plan waits for
    /// `unfinished`).
    fn apply_data_actions[state, _app](
        profile_id: i64,
        flow_id: String,
        locale: Locale,
        unfinished: Option<Unfinished>,
    ) -> DataActionsApplied {
        Ok(state.core()?.apply_data_actions(profile_id, &flow_id, locale, unfinished, &no_env).await?)
    }

    fn data_action_integrations[state, _app](profile_id: i64) -> Vec<ManagedIntegration> {
        Ok(state.core()?.data_action_integrations(profile_id).await?)
    }

    /// Puts the plan's current secrets into the integration's existing credential.
    fn rotate_data_action_credential[state, _app](
        profile_id: i64,
        flow_id: String,
        integration_id: String,
    ) -> () {
        Ok(state.core()?.rotate_data_action_credential(profile_id, &flow_id, &integration_id, &no_env).await?)
    }

    fn set_data_action_enabled[state, _app](
        profile_id: i64,
        integration_id: String,
        enabled: bool,
    ) -> ManagedIntegration {
        Ok(state.core()?.set_data_action_enabled(profile_id, &integration_id, enabled).await?)
    }

    fn rename_data_action[state, _app](
        profile_id: i64,
        integration_id: String,
        name: String,
    ) -> ManagedIntegration {
        Ok(state.core()?.rename_data_action(profile_id, &integration_id, &name).await?)
    }

    /// Saves the data-action client certificates (Current, Upcoming) as PEM files in Downloads,
    /// with their expiry dates.
    fn save_data_action_certificates[state, _app](
        profile_id: i64,
        flow_id: String,
    ) -> Vec<SavedCertificate> {
        let folder = super::presence::downloads()?;
        Ok(state.core()?.save_data_action_certificates(profile_id, &flow_id, &folder).await?)
    }

    /// The certificates last downloaded, with their expiry dates.
    fn data_action_certificates[state, _app](profile_id: i64, flow_id: String) -> Vec<SavedCertificate> {
        Ok(state.core()?.data_action_certificates(profile_id, &flow_id)?)
    }

    /// Tests a planned integration's credential with its own service (Zendesk, the Entra sign-in
    /// for Dynamics 365) before Genesys gets it.
    fn check_data_action_credential[state, _app](
        profile_id: i64,
        flow_id: String,
        name: String,
    ) -> CredentialCheck {
        Ok(state.core()?.check_data_action_credential(profile_id, &flow_id, &name).await?)
    }

    /// Tests the integration's first data action with `input`, the text of a JSON object.
    fn test_data_action[state, _app](
        profile_id: i64,
        integration_id: String,
        input: String,
    ) -> ActionTestView {
        Ok(state.core()?.test_data_action(profile_id, &integration_id, &input).await?)
    }

    /// Deletes the integration and its credential.
    fn delete_data_action[state, _app](profile_id: i64, integration_id: String) -> () {
        Ok(state.core()?.delete_data_action(profile_id, &integration_id).await?)
    }
}
