//! Vendor connections: settings, secrets to the keychain, and the live Test.

use switchboard_core::connection::{ConnectionSettings, ConnectionView, Diagnosis, Vendor};
use switchboard_core::secrets::Sensitive;

use crate::contract::commands;

commands! {
    /// Every connection of the profile (a practice profile's pointed at the running emulator).
    fn list_connections[state, _app](profile_id: i64) -> Vec<ConnectionView> {
        Ok(state.core()?.connections(profile_id).await?)
    }

    fn save_connection[state, _app](profile_id: i64, settings: ConnectionSettings) -> ConnectionView {
        Ok(state.core()?.save_connection(profile_id, settings)?)
    }

    /// A secret arrives once and goes straight to the keychain (`null` clears it).
    fn set_connection_secret[state, _app](
        profile_id: i64,
        vendor: Vendor,
        field: String,
        value: Option<String>,
    ) -> ConnectionView {
        let value = value.map(Sensitive::new);
        Ok(state.core()?.set_connection_secret(profile_id, vendor, &field, value.as_ref())?)
    }

    fn test_connection[state, _app](profile_id: i64, vendor: Vendor) -> Diagnosis {
        Ok(state.core()?.test_connection(profile_id, vendor).await?)
    }
}
