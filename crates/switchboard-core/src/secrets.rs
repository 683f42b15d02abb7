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

/// Which secret of which profile: a scope (`flow:<id>` or `connection:<vendor>`), then a field.
/// This is how the database records it; the keychain entry's name is an [`Account`].
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

    /// `scope/field`, for the journal: names the secret without naming the profile's entry.
    pub fn label(&self) -> String {
        format!("{}/{}", self.scope, self.field)
    }
}

/// The name of one keychain entry: `<install id>/<profile key>/<scope>/<field>`.
///
/// The install id is random per database and the profile key random per profile, never reused:
/// a reset database, a second data folder (the CLI's `--data-dir`) or a new profile that SQLite
/// gives a deleted profile's id can never name, read or overwrite another one's entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Account(String);

impl Account {
    pub fn new(install_id: &str, profile_key: &str, key: &SecretKey) -> Self {
        Account(format!(
            "{install_id}/{profile_key}/{}/{}",
            key.scope, key.field
        ))
    }

    /// The name versions before 0.2 used (`profile/<rowid>/<scope>/<field>`), only to move such
    /// entries to their [`Account::new`] name.
    pub fn legacy(key: &SecretKey) -> Self {
        Account(format!(
            "profile/{}/{}/{}",
            key.profile_id, key.scope, key.field
        ))
    }

    /// A name read back from the database's own list of entries to remove.
    pub fn from_stored(name: String) -> Self {
        Account(name)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub trait SecretStore: Send + Sync {
    fn set(&self, account: &Account, value: &Sensitive) -> Result<()>;
    fn get(&self, account: &Account) -> Result<Option<Sensitive>>;
    /// Removing an absent secret is not an error.
    fn delete(&self, account: &Account) -> Result<()>;
    /// Whether the store can be used at all; the error says why not.
    fn check(&self) -> Result<()>;
}

/// A shared store (tests open two databases on one keychain, as the app and the CLI do).
impl<S: SecretStore + ?Sized> SecretStore for std::sync::Arc<S> {
    fn set(&self, account: &Account, value: &Sensitive) -> Result<()> {
        (**self).set(account, value)
    }
    fn get(&self, account: &Account) -> Result<Option<Sensitive>> {
        (**self).get(account)
    }
    fn delete(&self, account: &Account) -> Result<()> {
        (**self).delete(account)
    }
    fn check(&self) -> Result<()> {
        (**self).check()
    }
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
    fn set(&self, account: &Account, value: &Sensitive) -> Result<()> {
        self.entry(account.as_str())?
            .set_password(value.expose())
            .map_err(keychain_error)
    }

    fn get(&self, account: &Account) -> Result<Option<Sensitive>> {
        match self.entry(account.as_str())?.get_password() {
            Ok(value) => Ok(Some(Sensitive::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(keychain_error(error)),
        }
    }

    fn delete(&self, account: &Account) -> Result<()> {
        match self.entry(account.as_str())?.delete_credential() {
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
    values: Mutex<HashMap<Account, Sensitive>>,
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
    fn set(&self, account: &Account, value: &Sensitive) -> Result<()> {
        self.available()?;
        self.values
            .lock()
            .expect("memory store lock")
            .insert(account.clone(), value.clone());
        Ok(())
    }

    fn get(&self, account: &Account) -> Result<Option<Sensitive>> {
        self.available()?;
        Ok(self
            .values
            .lock()
            .expect("memory store lock")
            .get(account)
            .cloned())
    }

    fn delete(&self, account: &Account) -> Result<()> {
        self.available()?;
        self.values
            .lock()
            .expect("memory store lock")
            .remove(account);
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
    fn entries_are_named_by_database_profile_scope_and_field() {
        let key = SecretKey::new(1, "connection:zoom", "client-secret");
        let a = Account::new("db-a", "p-1", &key);
        assert_ne!(
            a,
            Account::new("db-b", "p-1", &key),
            "two databases never share"
        );
        assert_ne!(
            a,
            Account::new("db-a", "p-2", &key),
            "two profiles never share"
        );
        assert_eq!(a.as_str(), "db-a/p-1/connection:zoom/client-secret");
        assert_eq!(
            Account::legacy(&key).as_str(),
            "profile/1/connection:zoom/client-secret"
        );
    }

    #[test]
    fn memory_store_sets_replaces_and_clears() {
        let store = MemoryStore::new();
        let key = Account::from_stored("i/p/connection:zoom/client-secret".into());
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
        let key = Account::from_stored("i/p/connection:zoom/client-secret".into());
        let error = store.set(&key, &Sensitive::new("x")).unwrap_err();
        assert_eq!(error.code(), crate::ErrorCode::KeychainUnavailable);
        assert!(store.check().is_err());
    }
}
