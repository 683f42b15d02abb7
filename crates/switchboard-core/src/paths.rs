//! Where a build keeps its data and logs, and under which keychain service its secrets live.
//!
//! A development build has its own identifier, so it never opens a release build's database or
//! touches its keychain entries. The directories match what Tauri's path resolver gives for the
//! same identifier, so the app and `switchboard-cli` share one database.

use std::path::PathBuf;

pub const RELEASE_IDENTIFIER: &str = "app.switchboard.desktop";
pub const DEVELOPMENT_IDENTIFIER: &str = "app.switchboard.desktop.dev";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildKind {
    Release,
    Development,
}

impl BuildKind {
    /// The kind of the binary being compiled: hosts call this so the choice is made in their
    /// crate, where `debug_assertions` reflects how *they* were built.
    pub const fn of_current_build(debug_assertions: bool) -> BuildKind {
        if debug_assertions {
            BuildKind::Development
        } else {
            BuildKind::Release
        }
    }

    pub fn identifier(self) -> &'static str {
        match self {
            BuildKind::Release => RELEASE_IDENTIFIER,
            BuildKind::Development => DEVELOPMENT_IDENTIFIER,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppPaths {
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
}

impl AppPaths {
    /// The platform's per-user directories for this build kind; `None` when the OS gives none.
    pub fn for_user(kind: BuildKind) -> Option<AppPaths> {
        let id = kind.identifier();
        let data_dir = dirs::data_dir()?.join(id);
        let log_dir = if cfg!(target_os = "macos") {
            dirs::home_dir()?.join("Library/Logs").join(id)
        } else {
            dirs::data_local_dir()?.join(id).join("logs")
        };
        Some(AppPaths { data_dir, log_dir })
    }

    /// Everything under one folder: `--data-dir` of the CLI and test runs.
    pub fn under(dir: PathBuf) -> AppPaths {
        AppPaths {
            log_dir: dir.join("logs"),
            data_dir: dir,
        }
    }

    pub fn database(&self) -> PathBuf {
        self.data_dir.join("switchboard.sqlite3")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn development_and_release_builds_never_share_an_identifier() {
        assert_ne!(
            BuildKind::Development.identifier(),
            BuildKind::Release.identifier()
        );
        assert_eq!(BuildKind::of_current_build(true), BuildKind::Development);
        assert_eq!(BuildKind::of_current_build(false), BuildKind::Release);
    }

    #[test]
    fn user_paths_are_namespaced_by_identifier() {
        let dev = AppPaths::for_user(BuildKind::Development).expect("a home directory");
        let release = AppPaths::for_user(BuildKind::Release).expect("a home directory");
        assert_ne!(dev.data_dir, release.data_dir);
        assert!(dev.data_dir.ends_with(DEVELOPMENT_IDENTIFIER));
    }
}
