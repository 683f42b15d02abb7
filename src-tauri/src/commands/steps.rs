//! A flow's steps: opening a flow, the values and secrets the admin enters, step status, a
//! verified step's live check, and where to resume after a restart.

use switchboard_core::Locale;
use switchboard_core::flow::{FlowSummary, FlowView};
use switchboard_core::secrets::Sensitive;
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::switchboard::settings::Resume;

use crate::contract::commands;

commands! {
    fn list_flows[state, _app](profile_id: i64, locale: Locale) -> Vec<FlowSummary> {
        Ok(state.core()?.list_flows(profile_id, locale)?)
    }

    /// The flow as the user opens it; also remembered as where to resume.
    fn open_flow[state, _app](profile_id: i64, flow_id: String, locale: Locale) -> FlowView {
        Ok(state.core()?.open_flow(profile_id, &flow_id, locale)?)
    }

    /// Marks the flow not needed for this customer, or needed again; steps and values stay.
    fn set_flow_not_needed[state, _app](
        profile_id: i64,
        flow_id: String,
        not_needed: bool,
        locale: Locale,
    ) -> FlowView {
        Ok(state.core()?.set_flow_not_needed(profile_id, &flow_id, not_needed, locale)?)
    }

    fn set_field[state, _app](
        profile_id: i64,
        flow_id: String,
        step_id: String,
        field_id: String,
        value: String,
        locale: Locale,
    ) -> FlowView {
        Ok(state.core()?.set_field(profile_id, &flow_id, &step_id, &field_id, &value, locale)?)
    }

    /// The value arrives once and goes straight to the keychain; the reply says only "set".
    fn set_secret[state, _app](
        profile_id: i64,
        flow_id: String,
        step_id: String,
        field_id: String,
        value: String,
        locale: Locale,
    ) -> FlowView {
        let value = Sensitive::new(value);
        Ok(state.core()?.set_secret(profile_id, &flow_id, &step_id, &field_id, &value, locale)?)
    }

    fn clear_secret[state, _app](
        profile_id: i64,
        flow_id: String,
        step_id: String,
        field_id: String,
        locale: Locale,
    ) -> FlowView {
        Ok(state.core()?.clear_secret(profile_id, &flow_id, &step_id, &field_id, locale)?)
    }

    fn set_step_status[state, _app](
        profile_id: i64,
        flow_id: String,
        step_id: String,
        status: StepStatus,
        locale: Locale,
    ) -> FlowView {
        Ok(state.core()?.set_step_status(profile_id, &flow_id, &step_id, status, locale)?)
    }

    /// Runs a verified step's live check; Done when it passes, Needs attention otherwise.
    fn verify_step[state, _app](
        profile_id: i64,
        flow_id: String,
        step_id: String,
        locale: Locale,
    ) -> FlowView {
        Ok(state.core()?.verify_step(profile_id, &flow_id, &step_id, locale).await?)
    }

    /// Fills the step's fields the practice tenant knows (its Zoom apps' credentials).
    fn fill_practice_values[state, _app](
        profile_id: i64,
        flow_id: String,
        step_id: String,
        locale: Locale,
    ) -> FlowView {
        Ok(state.core()?.fill_practice_values(profile_id, &flow_id, &step_id, locale).await?)
    }

    fn get_resume[state, _app]() -> Option<Resume> {
        Ok(state.core()?.resume()?)
    }

    fn set_resume[state, _app](profile_id: Option<i64>, flow_id: Option<String>) -> () {
        let resume = profile_id.map(|profile_id| Resume { profile_id, flow_id });
        Ok(state.core()?.set_resume(resume.as_ref())?)
    }
}
