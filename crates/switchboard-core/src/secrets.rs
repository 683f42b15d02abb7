//! Secrets live in the OS keychain and nowhere else.
//!
//! [`SecretStore`] is the seam: [`KeychainStore`] (the `keyring` crate with its platform
//! features) in the app and the CLI, [`MemoryStore`] in tests. There is deliberately no fallback
//! from one to the other: when no keychain is usable, callers get
//! [`Error::KeychainUnavailable`] and the user is told how to fix it. Values travel wrapped in
//! [`Sensitive`], whose `Debug` never prints them. The hosts wrap the keychain in
//! [`timed::Timed`], so a keychain that never answers fails with `keychain_timeout` instead of
//! holding a command forever.

pub mod timed;

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use crate::error::{Error, Result};

/// A value that must never reach a log, a `Debug` print or an IPC reply.
#[derive(Clone, PartialEq, Eq)]
pub struct Sensitive(String);

impl Sensitive {
    pub fn new(value: impl Into<String>) -> Self {
        Sensitive(value.into())
    }

    /// The plain value, for the one place that needs it (the keychain, a vendor request).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Where a secret belongs: a profile, then a scope (`flow:<id>` or `connection:<vendor>`), then a
/// field. Two customers' secrets can never collide.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SecretKey {
    pub profile_id: i64,
    pub scope: String,
    pub field: String,
}

impl SecretKey {
    pub fn new(profile_id: i64, scope: impl Into<String>, field: impl Into<String>) -> Self {
        SecretKey {
            profile_id,
            scope: scope.into(),
            field: field.into(),
        }
    }

    /// The keychain account name, e.g. `profile/3/flow:zoom-directory-sync/zoom-client-secret`.
    pub fn account(&self) -> String {
        format!("profile/{}/{}/{}", self.profile_id, self.scope, self.field)
    }
}

pub trait SecretStore: Send + Sync {
    fn set(&self, key: &SecretKey, value: &Sensitive) -> Result<()>;
    fn get(&self, key: &SecretKey) -> Result<Option<Sensitive>>;
    /// Removing an absent secret is not an error.
    fn delete(&self, key: &SecretKey) -> Result<()>;
    /// Whether the store can be used at all; the error says why not.
    fn check(&self) -> Result<()>;
}

/// The OS keychain: macOS Keychain, Windows Credential Manager, Secret Service on Linux.
pub struct KeychainStore {
    service: String,
}

impl KeychainStore {
    /// `service` is the build's identifier, so development and release builds never share entries.
    pub fn new(service: impl Into<String>) -> Self {
        KeychainStore {
            service: service.into(),
        }
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.service, account).map_err(keychain_error)
    }
}

impl SecretStore for KeychainStore {
    fn set(&self, key: &SecretKey, value: &Sensitive) -> Result<()> {
        self.entry(&key.account())?
            .set_password(value.expose())
            .map_err(keychain_error)
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Sensitive>> {
        match self.entry(&key.account())?.get_password() {
            Ok(value) => Ok(Some(Sensitive::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(keychain_error(error)),
        }
    }

    fn delete(&self, key: &SecretKey) -> Result<()> {
        match self.entry(&key.account())?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(keychain_error(error)),
        }
    }

    fn check(&self) -> Result<()> {
        // Reading an entry that does not exist proves the keychain answers without storing
        // anything; "no entry" is the healthy answer.
        match self.entry("switchboard-self-check")?.get_password() {
            Ok(_) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(keychain_error(error)),
        }
    }
}

/// Platform failures (no Secret Service, a locked collection, no D-Bus) mean the keychain is not
/// usable here; anything else is a plain keychain error.
fn keychain_error(error: keyring::Error) -> Error {
    match error {
        keyring::Error::PlatformFailure(_) | keyring::Error::NoStorageAccess(_) => {
            Error::KeychainUnavailable(error.to_string())
        }
        other => Error::Keychain(other.to_string()),
    }
}

/// An in-memory store for tests. Never used by the app: secrets would vanish on restart.
#[derive(Default)]
pub struct MemoryStore {
    values: Mutex<HashMap<SecretKey, Sensitive>>,
    unavailable: Option<String>,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    /// A store that behaves like a machine without a keychain.
    pub fn unavailable(reason: impl Into<String>) -> Self {
        MemoryStore {
            values: Mutex::default(),
            unavailable: Some(reason.into()),
        }
    }

    pub fn len(&self) -> usize {
        self.values.lock().expect("memory store lock").len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn available(&self) -> Result<()> {
        match &self.unavailable {
            Some(reason) => Err(Error::KeychainUnavailable(reason.clone())),
            None => Ok(()),
        }
    }
}

impl SecretStore for MemoryStore {
    fn set(&self, key: &SecretKey, value: &Sensitive) -> Result<()> {
        self.available()?;
        self.values
            .lock()
            .expect("memory store lock")
            .insert(key.clone(), value.clone());
        Ok(())
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Sensitive>> {
        self.available()?;
        Ok(self
            .values
            .lock()
            .expect("memory store lock")
            .get(key)
            .cloned())
    }

    fn delete(&self, key: &SecretKey) -> Result<()> {
        self.available()?;
        self.values.lock().expect("memory store lock").remove(key);
        Ok(())
    }

    fn check(&self) -> Result<()> {
        self.available()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensitive_values_are_redacted_in_debug_output() {
        let secret = Sensitive::new("hunter2-very-secret");
        let printed = format!("{secret:?} {:?}", Some(&secret));
        assert!(
            !printed.contains("hunter2"),
            "Debug leaked the secret: {printed}"
        );
        assert!(printed.contains("<redacted>"));
    }

    #[test]
    fn keys_are_namespaced_by_profile_scope_and_field() {
        let a = SecretKey::new(1, "flow:zoom-directory-sync", "zoom-client-secret");
        let b = SecretKey::new(2, "flow:zoom-directory-sync", "zoom-client-secret");
        assert_ne!(
            a.account(),
            b.account(),
            "two profiles must never share a keychain entry"
        );
        assert_eq!(
            a.account(),
            "profile/1/flow:zoom-directory-sync/zoom-client-secret"
        );
    }

    #[test]
    fn memory_store_sets_replaces_and_clears() {
        let store = MemoryStore::new();
        let key = SecretKey::new(1, "connection:zoom", "client-secret");
        store.set(&key, &Sensitive::new("one")).unwrap();
        store.set(&key, &Sensitive::new("two")).unwrap();
        assert_eq!(store.get(&key).unwrap(), Some(Sensitive::new("two")));
        store.delete(&key).unwrap();
        store.delete(&key).unwrap();
        assert_eq!(store.get(&key).unwrap(), None);
    }

    #[test]
    fn an_unavailable_store_refuses_instead_of_pretending() {
        let store = MemoryStore::unavailable("org.freedesktop.secrets was not provided");
        let key = SecretKey::new(1, "connection:zoom", "client-secret");
        let error = store.set(&key, &Sensitive::new("x")).unwrap_err();
        assert_eq!(error.code(), crate::ErrorCode::KeychainUnavailable);
        assert!(store.check().is_err());
    }
}
