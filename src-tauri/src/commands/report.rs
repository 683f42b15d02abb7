//! The review screen and the hand-over report: the review model, where to save the report (the
//! native save dialog), and writing it. Revealing the file is `reveal_file`.

use std::path::{Path, PathBuf};

use switchboard_core::Locale;
use switchboard_core::report::{self, ReportFormat, Review};
use tauri_plugin_dialog::DialogExt;

use crate::contract::commands;

/// Set (by the end-to-end tests, which cannot click a native dialog) to a folder: the save
/// dialog is skipped and the report goes there under its default name.
const SAVE_DIR: &str = "SWITCHBOARD_SAVE_DIR";

commands! {
    /// The review of a profile, from what the app recorded; titles in `locale`.
    fn review[state, _app](profile_id: i64, locale: Locale) -> Review {
        Ok(state.core()?.review(profile_id, locale)?)
    }

    /// Asks where to save the report (the native save dialog, starting in Downloads with the
    /// customer's name and the date); `None` when the admin cancels.
    fn choose_report_path[state, app](
        profile_id: i64,
        format: ReportFormat,
        locale: Locale,
    ) -> Option<String> {
        let review = state.core()?.review(profile_id, locale)?;
        let name = report::file_name(&review, format, locale);
        if let Some(folder) = std::env::var_os(SAVE_DIR) {
            return Ok(Some(Path::new(&folder).join(name).display().to_string()));
        }
        let mut dialog = app
            .dialog()
            .file()
            .set_file_name(&name)
            .add_filter(filter_name(format), &[format.extension()]);
        if let Ok(folder) = super::presence::downloads() {
            dialog = dialog.set_directory(folder);
        }
        // Blocking is fine here: commands run on the async runtime, never on the main thread.
        let picked: Option<PathBuf> = dialog
            .blocking_save_file()
            .and_then(|path| path.into_path().ok());
        Ok(picked.map(|p| p.display().to_string()))
    }

    /// Writes the report in `format` and `lang` to `path`; answers the path written, which
    /// `reveal_file` may then show.
    fn export_report[state, _app](
        profile_id: i64,
        format: ReportFormat,
        lang: Locale,
        path: String,
    ) -> String {
        let written = state.core()?.export_report(profile_id, format, lang, Path::new(&path))?;
        Ok(written.display().to_string())
    }
}

fn filter_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Html => "HTML",
        ReportFormat::Md => "Markdown",
        ReportFormat::Json => "JSON",
    }
}
