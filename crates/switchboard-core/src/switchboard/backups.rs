//! The daily backup while the app runs: the host calls [`Switchboard::backup_if_due`] on a
//! timer with the time, and the core decides from the newest backup whether one is due.

use std::time::SystemTime;

use super::Switchboard;
use crate::backups;
use crate::error::Result;
use crate::storage::journal;

impl Switchboard {
    /// Backs the database up when the newest automatic backup is a day old (or there is none);
    /// returns the new file's name. Nothing for a database in memory.
    pub fn backup_if_due(&self, now: SystemTime) -> Result<Option<String>> {
        let Some(database) = &self.database else {
            return Ok(None);
        };
        if !backups::is_due(database, now)? {
            return Ok(None);
        }
        self.back_up(now).map(Some)
    }

    /// Backs the database up now; returns the new file's name.
    pub fn back_up(&self, now: SystemTime) -> Result<String> {
        let Some(database) = &self.database else {
            return Err(crate::error::Error::Conflict(
                "a database in memory has no backups".into(),
            ));
        };
        let db = self.db();
        let path = backups::back_up(&db, database, now)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        journal::record(&db, None, None, "database.backup", "ok", Some(&name))?;
        Ok(name)
    }
}
