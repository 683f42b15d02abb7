//! The Zoom Contact Center ↔ Salesforce flow's editors: country codes added one at a time, and
//! the Omni-Channel status map with both sides' statuses read live.

use switchboard_core::Locale;
use switchboard_core::flow::FlowView;
use switchboard_core::switchboard::zcc_editors::StatusMapView;
use switchboard_core::zcc::status_map::StatusMap;

use crate::contract::commands;

commands! {
    /// Adds a code in any form the admin types (`+33`, `0033`, `FR`); refused with a
    /// validation error on the field when it is no country's code or already listed.
    fn add_country_code[state, _app](
        profile_id: i64,
        flow_id: String,
        step_id: String,
        field_id: String,
        entry: String,
        locale: Locale,
    ) -> FlowView {
        Ok(state.core()?.add_country_code(profile_id, &flow_id, &step_id, &field_id, &entry, locale)?)
    }

    fn zcc_status_map[state, _app](profile_id: i64, flow_id: String) -> StatusMapView {
        Ok(state.core()?.zcc_status_map(profile_id, &flow_id)?)
    }

    fn save_zcc_status_map[state, _app](profile_id: i64, flow_id: String, map: StatusMap) -> StatusMapView {
        Ok(state.core()?.save_zcc_status_map(profile_id, &flow_id, &map)?)
    }

    fn refresh_zcc_statuses[state, _app](profile_id: i64, flow_id: String) -> StatusMapView {
        Ok(state.core()?.refresh_zcc_statuses(profile_id, &flow_id).await?)
    }
}
