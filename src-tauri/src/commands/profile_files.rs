//! Profile files and the journal viewer: export a profile (into the export folder, revealed like
//! the other exports), read a file before importing it, import it as a copy or replacing the
//! profile of its name, import only its reusable parts; a profile's journal, a page at a time,
//! and its CSV. The window reads the chosen file itself (`<input type=file>`) and sends its text.

use switchboard_core::Locale;
use switchboard_core::storage::journal::Query;
use switchboard_core::switchboard::journal::JournalPage;
use switchboard_core::switchboard::presence_files::SavedFile;
use switchboard_core::switchboard::profile_files::{
    ImportChoice, PartsImported, ProfileFilePreview, ProfileImported,
};

use super::presence::downloads;
use crate::contract::commands;

commands! {
    /// Writes the profile file (never a secret) into the export folder.
    fn export_profile[state, _app](profile_id: i64) -> SavedFile {
        Ok(state.core()?.export_profile(profile_id, &downloads()?)?)
    }

    /// What a profile file holds, and whether a profile already has its name.
    fn preview_profile_file[state, _app](text: String) -> ProfileFilePreview {
        Ok(state.core()?.preview_profile_file(&text)?)
    }

    /// Imports a profile file as a new profile, or replacing one when `choice.replace`.
    fn import_profile[state, _app](text: String, choice: ImportChoice) -> ProfileImported {
        Ok(state.core()?.import_profile(&text, &choice)?)
    }

    /// Copies the file's presence rules, directory rules and data-actions plans into the profile.
    fn import_profile_parts[state, _app](profile_id: i64, text: String) -> PartsImported {
        Ok(state.core()?.import_profile_parts(profile_id, &text)?)
    }

    fn profile_journal[state, _app](profile_id: i64, query: Query) -> JournalPage {
        Ok(state.core()?.profile_journal(profile_id, &query)?)
    }

    /// Writes the journal entries the filters keep as CSV into the export folder.
    fn export_journal[state, _app](profile_id: i64, query: Query, locale: Locale) -> SavedFile {
        Ok(state.core()?.export_journal(profile_id, &query, locale, &downloads()?)?)
    }
}
