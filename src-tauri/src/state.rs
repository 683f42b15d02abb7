//! What the commands share: the core once its database is open, or why it is not (the recovery
//! screen), and the facts About shows. The app starts either way: a database that cannot be
//! opened never takes the window down. The app opens the database on a thread of its own while
//! the window paints; a command that comes first waits for that one attempt.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use switchboard_core::paths::{AppPaths, BuildKind};
use switchboard_core::practice::Starter;
use switchboard_core::recovery::{self, Recovered, StartupProblem};
use switchboard_core::secrets::KeychainStore;
use switchboard_core::secrets::timed::{KEYCHAIN_TIMEOUT, Timed};
use switchboard_core::{Error, Result, Switchboard};
use switchboard_emulator::OnDemand;

use crate::logging;

pub struct AppState {
    /// Set once, at start-up or by a recovery action; never taken back, so commands borrow it
    /// without a lock.
    core: OnceLock<Switchboard>,
    /// Set once the first attempt to open the database has finished, whichever way it went.
    first_attempt: OnceLock<()>,
    /// Why the database is not open; also serialises the attempts to open it.
    problem: Mutex<Option<StartupProblem>>,
    pub paths: AppPaths,
    pub kind: BuildKind,
    /// The practice tenant's emulator (the core holds it too, to point the practice profile).
    pub practice: Arc<OnDemand>,
    _log_guard: Option<logging::Guard>,
}

impl AppState {
    /// Opens the core, or records why it could not: the app starts in both cases.
    pub fn start(paths: AppPaths, kind: BuildKind, log_guard: Option<logging::Guard>) -> AppState {
        let state = AppState::unopened(paths, kind, log_guard);
        state.open_at_start();
        state
    }

    /// The state before its first attempt to open the database: `open_at_start` makes it, and
    /// until then every caller of `core`, `startup_problem` or a recovery action waits.
    pub fn unopened(
        paths: AppPaths,
        kind: BuildKind,
        log_guard: Option<logging::Guard>,
    ) -> AppState {
        AppState {
            core: OnceLock::new(),
            first_attempt: OnceLock::new(),
            problem: Mutex::new(None),
            paths,
            kind,
            practice: Arc::new(OnDemand::default()),
            _log_guard: log_guard,
        }
    }

    /// The first attempt: restores a backup scheduled for this start, then opens the database.
    pub fn open_at_start(&self) {
        // A backup the admin chose to restore (Help › Restore a backup) before this start.
        match recovery::restore_scheduled(&self.paths, SystemTime::now()) {
            Ok(Some(done)) => tracing::warn!(moved_to = %done.moved_to, "backup restored"),
            Ok(None) => {}
            Err(error) => tracing::error!(code = ?error.code(), "backup not restored: {error}"),
        }
        self.attempt_open();
        let _ = self.first_attempt.set(());
    }

    /// The core, or `database_unavailable` while the recovery screen shows.
    pub fn core(&self) -> Result<&Switchboard> {
        self.first_attempt.wait();
        self.core.get().ok_or(Error::DatabaseUnavailable)
    }

    pub fn startup_problem(&self) -> Option<StartupProblem> {
        self.first_attempt.wait();
        self.problem().clone()
    }

    /// Tries to open the database again (after a lock is released or space is freed); the
    /// problem that remains, if any.
    pub fn reopen(&self) -> Option<StartupProblem> {
        self.first_attempt.wait();
        self.attempt_open()
    }

    fn attempt_open(&self) -> Option<StartupProblem> {
        let mut problem = self.problem();
        if self.core.get().is_some() {
            return None;
        }
        *problem = match self.open_core() {
            Ok(core) => {
                // Only this function sets it, under the `problem` lock: it is empty here.
                let _ = self.core.set(core);
                None
            }
            Err(error) => {
                tracing::error!(code = ?error.code(), "the database could not be opened: {error}");
                Some(StartupProblem::new(&self.paths, &error))
            }
        };
        problem.clone()
    }

    /// Sets the damaged database aside, starts a new one and opens it.
    pub fn start_fresh(&self) -> Result<Recovered> {
        self.recover(|paths| recovery::start_fresh(paths, SystemTime::now()))
    }

    /// Sets the damaged database aside, puts the backup `name` in its place and opens it.
    pub fn restore_backup(&self, name: &str) -> Result<Recovered> {
        self.recover(|paths| recovery::restore_backup(paths, name, SystemTime::now()))
    }

    fn recover(&self, action: impl FnOnce(&AppPaths) -> Result<Recovered>) -> Result<Recovered> {
        self.first_attempt.wait();
        // Held across the action so a second click cannot move files while the first opens.
        let guard = self.problem();
        if self.core.get().is_some() {
            return Err(Error::Conflict("the database is already open".into()));
        }
        let recovered = action(&self.paths)?;
        tracing::warn!(moved_to = %recovered.moved_to, "the damaged database was set aside");
        drop(guard);
        match self.attempt_open() {
            None => Ok(recovered),
            // The restored or new file fails too: the screen shows that problem next.
            Some(problem) => Err(Error::Conflict(problem.message)),
        }
    }

    fn problem(&self) -> std::sync::MutexGuard<'_, Option<StartupProblem>> {
        // A panic mid-open leaves nothing half-done in this value.
        self.problem.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn open_core(&self) -> Result<Switchboard> {
        let keychain = Timed::new(KeychainStore::new(self.kind.identifier()), KEYCHAIN_TIMEOUT);
        let started = self.practice.clone();
        Ok(
            Switchboard::open(&self.paths, Box::new(keychain))?.with_practice(Box::new(Starter(
                move || {
                    let emulator = started.clone();
                    async move { emulator.announcement().await.map_err(Error::emulator) }
                },
            ))),
        )
    }
}

#[cfg(test)]
mod tests {
    use switchboard_core::ErrorCode;

    use super::*;

    /// A private data folder, removed when dropped.
    struct Folder(std::path::PathBuf);

    impl Folder {
        fn new(name: &str) -> Folder {
            let path = std::env::temp_dir()
                .join(format!("switchboard-state-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).unwrap();
            Folder(path)
        }
    }

    impl Drop for Folder {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn damaged(folder: &Folder) -> AppState {
        let paths = AppPaths::under(folder.0.clone());
        std::fs::write(paths.database(), vec![0x5a; 4096]).unwrap();
        AppState::start(paths, BuildKind::Development, None)
    }

    #[test]
    fn a_damaged_database_starts_the_app_in_recovery_with_commands_refused() {
        let folder = Folder::new("refused");
        let state = damaged(&folder);
        let problem = state.startup_problem().expect("a problem to show");
        assert_eq!(problem.code, ErrorCode::DatabaseCorrupt);
        let refused = state.core().err().expect("no core");
        assert_eq!(refused.code(), ErrorCode::DatabaseUnavailable);
        assert_eq!(
            state.reopen().map(|p| p.code),
            Some(ErrorCode::DatabaseCorrupt)
        );
    }

    #[test]
    fn a_fresh_start_opens_the_core_without_a_restart_and_only_once() {
        let folder = Folder::new("fresh");
        let state = damaged(&folder);
        let recovered = state.start_fresh().unwrap();
        assert!(recovered.moved_to.ends_with(".damaged.sqlite3"));
        assert!(state.startup_problem().is_none());
        state
            .core()
            .unwrap()
            .create_profile("After recovery")
            .unwrap();
        let again = state.start_fresh().unwrap_err();
        assert_eq!(
            again.code(),
            ErrorCode::Conflict,
            "an open database is never set aside"
        );
    }

    #[test]
    fn a_command_that_comes_before_the_database_is_open_waits_for_it() {
        let folder = Folder::new("waits");
        let state = Arc::new(AppState::unopened(
            AppPaths::under(folder.0.clone()),
            BuildKind::Development,
            None,
        ));
        let early = {
            let state = state.clone();
            std::thread::spawn(move || {
                state.core()?.create_profile("Asked before the open")?;
                Ok::<_, Error>(state.startup_problem().is_none())
            })
        };
        state.open_at_start();
        assert!(
            early.join().unwrap().unwrap(),
            "no startup problem once open"
        );
        assert_eq!(state.core().unwrap().list_profiles().unwrap().len(), 1);
    }

    #[test]
    fn a_backup_chosen_while_running_is_restored_at_the_next_start() {
        let folder = Folder::new("scheduled");
        let paths = AppPaths::under(folder.0.clone());
        let state = AppState::start(paths.clone(), BuildKind::Development, None);
        let core = state.core().unwrap();
        let acme = core.create_profile("Acme").unwrap().id;
        let backup = core.back_up(SystemTime::now()).unwrap();
        core.rename_profile(acme, "After the backup").unwrap();
        recovery::schedule_restore(&paths, &backup).unwrap();
        drop(state);

        let restarted = AppState::start(paths, BuildKind::Development, None);
        assert_eq!(
            restarted.core().unwrap().profile(acme).unwrap().name,
            "Acme"
        );
    }
}
