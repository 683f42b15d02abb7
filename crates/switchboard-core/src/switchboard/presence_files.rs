//! Saving the presence rule as files the admin keeps or hands on: the rule file (JSON, format in
//! `presence/file.rs`) and the diagram (SVG). The host names the folder (the user's Downloads
//! folder in the app, a temporary one in tests); a file already there is never overwritten.

use std::path::Path;
use std::time::SystemTime;

use serde::Serialize;

use crate::error::Result;
use crate::presence::{self, DiagramLabels};
use crate::storage::journal;
use crate::time::format_utc;
use ts_rs::TS;

use super::Switchboard;
use super::files::write_new;
use super::names::file_slug;
use super::presence::STEP;

/// A file Switchboard wrote, for the UI to show and reveal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedFile {
    pub path: String,
}

/// Longest rule-name part of a file name, in bytes.
const SLUG_MAX: usize = 40;

impl Switchboard {
    /// Writes the saved rule, with the lists last read, as a rule file in `folder`.
    pub fn export_presence_rule(
        &self,
        profile_id: i64,
        flow_id: &str,
        folder: &Path,
    ) -> Result<SavedFile> {
        let (rule, lists) = self.presence_documents(profile_id, flow_id)?;
        let now = SystemTime::now();
        let text = presence::export(&rule, lists.as_ref().map(|l| &l.catalog), &format_utc(now));
        let path = write_new(folder, &file_stem(&rule.name, now), "json", &text)?;
        self.journal_export(profile_id, "presence_rule.export", &path)
    }

    /// Writes the saved rule's diagram, as the editor shows it, as an SVG file in `folder`.
    pub fn export_presence_diagram(
        &self,
        profile_id: i64,
        flow_id: &str,
        labels: &DiagramLabels,
        folder: &Path,
    ) -> Result<SavedFile> {
        let view = self.presence_rule(profile_id, flow_id, labels)?;
        let stem = file_stem(&view.rule.name, SystemTime::now());
        let path = write_new(folder, &stem, "svg", &view.diagram)?;
        self.journal_export(profile_id, "presence_diagram.export", &path)
    }

    fn journal_export(&self, profile_id: i64, action: &str, path: &Path) -> Result<SavedFile> {
        self.remember_written(path);
        // The file name only: the folder holds the user's name on most systems.
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        journal::record(
            &self.db(),
            Some(profile_id),
            None,
            action,
            "ok",
            Some(&format!("{STEP} {}", name.unwrap_or_default())),
        )?;
        Ok(SavedFile {
            path: path.display().to_string(),
        })
    }
}

/// `presence-rule-<name>-<date>`, or `presence-rule-<date>` when the name gives no slug.
fn file_stem(rule_name: &str, now: SystemTime) -> String {
    let date = format_utc(now);
    let date = date.get(..10).unwrap_or(&date);
    match file_slug(rule_name, SLUG_MAX) {
        slug if slug.is_empty() => format!("presence-rule-{date}"),
        slug => format!("presence-rule-{slug}-{date}"),
    }
}
