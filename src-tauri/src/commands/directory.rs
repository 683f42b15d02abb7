//! The Directory Sync editor: the attribute map and translation rules, and the live preview on
//! the Zoom users.

use switchboard_core::Locale;
use switchboard_core::switchboard::directory::{
    DirectoryPreview, DirectorySyncDoc, DirectorySyncView,
};

use crate::contract::commands;

commands! {
    fn directory_sync[state, _app](profile_id: i64, flow_id: String, locale: Locale) -> DirectorySyncView {
        Ok(state.core()?.directory_sync(profile_id, &flow_id, locale)?)
    }

    fn save_directory_sync[state, _app](
        profile_id: i64,
        flow_id: String,
        doc: DirectorySyncDoc,
    ) -> DirectorySyncView {
        Ok(state.core()?.save_directory_sync(profile_id, &flow_id, doc)?)
    }

    /// The translation applied to every Zoom Phone user's number, read live from Zoom.
    fn preview_directory[state, _app](
        profile_id: i64,
        flow_id: String,
        locale: Option<Locale>,
    ) -> DirectoryPreview {
        let locale = locale.unwrap_or_default();
        Ok(state.core()?.preview_directory(profile_id, &flow_id, locale).await?)
    }
}
