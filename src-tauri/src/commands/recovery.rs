//! The recovery screen's commands, for when the database could not be opened at start-up: what
//! happened, try again, start fresh, restore a backup, show the data folder, quit. The file work
//! is the core's (`switchboard_core::recovery`); `AppState` keeps the core it then opens.

use switchboard_core::recovery::{self, Backup, Recovered, StartupProblem};
use tauri_plugin_opener::OpenerExt;

use crate::contract::commands;
use crate::ipc_error::IpcError;

commands! {
    /// Why the database is not open, or nothing when it is (the normal app).
    fn startup_problem[state, _app]() -> Option<StartupProblem> {
        Ok(state.startup_problem())
    }

    /// Tries to open the database again (a lock released, space freed); what still fails.
    fn retry_open[state, _app]() -> Option<StartupProblem> {
        Ok(state.reopen())
    }

    /// A damaged database only: sets it aside (never deleted) and opens a new one.
    fn start_fresh_database[state, _app]() -> Recovered {
        Ok(state.start_fresh()?)
    }

    /// A damaged database only: sets it aside and opens a copy of the backup `name`.
    fn restore_backup[state, _app](name: String) -> Recovered {
        Ok(state.restore_backup(&name)?)
    }

    /// Opens the data folder (where the database and the files set aside are) in the file manager.
    fn open_data_folder[state, app]() -> () {
        app.opener()
            .open_path(state.paths.data_dir.display().to_string(), None::<&str>)
            .map_err(IpcError::internal)
    }

    /// Help › Restore a backup while the app runs: the backups beside the database, newest first.
    fn list_backups[state, _app]() -> Vec<Backup> {
        Ok(recovery::backups(&state.paths)?)
    }

    /// Restores the backup `name` by restarting: the open core cannot be swapped under the
    /// commands in flight (see `recovery::schedule_restore`), so the choice is written down and
    /// the app restarts, restoring it before the database is opened.
    fn restore_backup_and_restart[state, app](name: String) -> () {
        recovery::schedule_restore(&state.paths, &name)?;
        tracing::warn!(backup = %name, "restoring a backup: restarting");
        app.restart()
    }

    fn quit_app[_state, app]() -> () {
        app.exit(0);
        Ok(())
    }
}
