//! The journal viewer: a profile's audit journal filtered by vendor, outcome and words, a page
//! at a time, and exported as CSV (see `journal_csv.rs`) into the export folder.

use std::path::Path;
use std::time::SystemTime;

use serde::Serialize;
use ts_rs::TS;

use super::Switchboard;
use super::files::write_new;
use super::presence_files::SavedFile;
use crate::error::Result;
use crate::journal_csv;
use crate::locale::Locale;
use crate::storage::journal::{self, Column, Entry, Query};
use crate::storage::profiles;
use crate::time::format_utc;

/// One page of the journal, with the values the filters offer.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalPage {
    pub entries: Vec<Entry>,
    /// How many entries match the filters in all.
    pub total: u32,
    pub vendors: Vec<String>,
    pub outcomes: Vec<String>,
}

/// The most entries one page holds.
pub const MAX_PAGE: u32 = 500;

impl Switchboard {
    pub fn profile_journal(&self, profile_id: i64, query: &Query) -> Result<JournalPage> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        let mut query = query.clone();
        // 0 ("all") is the CSV's; a page is at most MAX_PAGE.
        query.limit = match query.limit {
            0 => MAX_PAGE,
            n => n.min(MAX_PAGE),
        };
        let (entries, total) = journal::query(&db, profile_id, &query)?;
        Ok(JournalPage {
            entries,
            total,
            vendors: journal::distinct(&db, profile_id, Column::Vendor)?,
            outcomes: journal::distinct(&db, profile_id, Column::Outcome)?,
        })
    }

    /// Every entry matching the filters (no paging) as CSV text.
    pub fn journal_csv(&self, profile_id: i64, query: &Query, locale: Locale) -> Result<String> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        let all = Query {
            offset: 0,
            limit: 0,
            ..query.clone()
        };
        let (entries, _) = journal::query(&db, profile_id, &all)?;
        Ok(journal_csv::to_csv(&entries, locale))
    }

    /// Writes the CSV as `journal-<profile>-<date>.csv` in `folder` (never replacing a file).
    pub fn export_journal(
        &self,
        profile_id: i64,
        query: &Query,
        locale: Locale,
        folder: &Path,
    ) -> Result<SavedFile> {
        let text = self.journal_csv(profile_id, query, locale)?;
        let name = profiles::get(&self.db(), profile_id)?.name;
        let date = format_utc(SystemTime::now());
        let date = date.get(..10).unwrap_or(&date);
        let stem = match super::names::file_slug(&name, 40) {
            slug if slug.is_empty() => format!("journal-{date}"),
            slug => format!("journal-{slug}-{date}"),
        };
        let path = write_new(folder, &stem, "csv", &text)?;
        self.remember_written(&path);
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
        journal::record(
            &self.db(),
            Some(profile_id),
            None,
            "journal.export",
            "ok",
            file.as_deref(),
        )?;
        Ok(SavedFile {
            path: path.display().to_string(),
        })
    }
}
