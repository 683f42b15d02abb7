//! Customer profiles, and the practice tenant's profile with its fault panel.

use switchboard_core::Locale;
use switchboard_core::switchboard::profiles::{NextAction, ProfileDeleted, ProfileSummary};
use switchboard_emulator::PanelFaults;

use crate::contract::commands;
use crate::ipc_error::IpcError;

commands! {
    fn list_profiles[state, _app]() -> Vec<ProfileSummary> {
        Ok(state.core()?.list_profiles()?)
    }

    /// Per profile with work left, the step "Continue" opens.
    fn next_actions[state, _app](locale: Locale) -> Vec<NextAction> {
        Ok(state.core()?.next_actions(locale)?)
    }

    fn create_profile[state, _app](name: String) -> ProfileSummary {
        Ok(state.core()?.create_profile(&name)?)
    }

    fn rename_profile[state, _app](profile_id: i64, name: String) -> ProfileSummary {
        Ok(state.core()?.rename_profile(profile_id, &name)?)
    }

    /// Deletes the profile, its progress and its keychain entries; names the entries the
    /// keychain would not remove now.
    fn delete_profile[state, _app](profile_id: i64) -> ProfileDeleted {
        Ok(state.core()?.delete_profile(profile_id)?)
    }

    /// Opens (creating it once) the practice profile, pointed at the in-app emulator.
    fn open_practice_tenant[state, _app]() -> ProfileSummary {
        // A new practice profile is named in the UI's language (the OS's until one is chosen).
        let os = sys_locale::get_locale();
        Ok(state.core()?.open_practice_tenant_in(os.as_deref()).await?)
    }

    fn practice_faults[state, _app]() -> PanelFaults {
        Ok(state.practice.faults().await)
    }

    fn set_practice_faults[state, _app](faults: PanelFaults) -> PanelFaults {
        state.practice.set_faults(faults).await.map_err(IpcError::internal)
    }
}
