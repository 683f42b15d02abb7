//! The one place the Switchboard touches the keychain: entries named by this database's install
//! id and the profile's never-reused key, a record and an entry that agree (a failure between the
//! two leaves neither), entries of deleted profiles removed or named, and a sweep at start.
//!
//! The keychain is never asked while the database lock is held: a keychain prompt or a slow
//! Secret Service must not freeze every other command.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::secrets::{Account, SecretKey, Sensitive};
use crate::storage::keychain_pending::{self, Intent, Pending};
use crate::storage::{profiles, secret_refs, settings};

use super::Switchboard;

const INSTALL_ID: &str = "install_id";
const LEGACY_NAMES: &str = "keychain_legacy_names";

/// What a sweep at start did: entries of this database that no profile owns, removed; those the
/// keychain would not remove yet are named (they are tried again at the next start).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeychainSweep {
    pub removed: usize,
    pub left: Vec<String>,
}

/// The keychain entry of `key` in this database.
pub(crate) fn account_of(db: &Connection, key: &SecretKey) -> Result<Account> {
    let install = settings::get(db, INSTALL_ID)?
        .ok_or_else(|| Error::Corrupt("the database has no install id".into()))?;
    let profile = profiles::keychain_key(db, key.profile_id)?;
    Ok(Account::new(&install, &profile, key))
}

fn pending(db: &Connection, key: &SecretKey, intent: Intent) -> Result<Pending> {
    Ok(Pending {
        account: account_of(db, key)?,
        intent,
        profile_key: profiles::keychain_key(db, key.profile_id)?,
        scope: key.scope.clone(),
        field: key.field.clone(),
    })
}

impl Switchboard {
    /// A saved secret, read from the keychain only when the database records it as set: an
    /// entry no record owns is never used.
    pub(crate) fn saved_secret(&self, key: &SecretKey) -> Result<Option<Sensitive>> {
        let (account, legacy) = {
            let db = self.db();
            if !secret_refs::is_set(&db, key)? {
                return Ok(None);
            }
            (
                account_of(&db, key)?,
                settings::get(&db, LEGACY_NAMES)?.is_some(),
            )
        };
        match self.secrets.get(&account)? {
            Some(value) => Ok(Some(value)),
            None if legacy => self.move_legacy_entry(key, &account),
            None => Ok(None),
        }
    }

    /// Moves an entry saved under the old `profile/<rowid>/…` name to its new name.
    fn move_legacy_entry(&self, key: &SecretKey, account: &Account) -> Result<Option<Sensitive>> {
        let old = Account::legacy(key);
        let Some(value) = self.secrets.get(&old)? else {
            return Ok(None);
        };
        self.secrets.set(account, &value)?;
        self.secrets.delete(&old)?;
        Ok(Some(value))
    }

    /// Saves (`Some`) or removes (`None`) the entry of `key` and records it: the entry is listed
    /// as in flight first, so a crash between keychain and database is finished by the next
    /// sweep, and a keychain refusal changes nothing.
    pub(crate) fn write_secret(&self, key: &SecretKey, value: Option<&Sensitive>) -> Result<()> {
        let intent = if value.is_some() {
            Intent::Set
        } else {
            Intent::Delete
        };
        let (pending, was_set) = {
            let db = self.db();
            let pending = pending(&db, key, intent)?;
            keychain_pending::add(&db, &pending)?;
            (pending, secret_refs::is_set(&db, key)?)
        };
        let written = match value {
            Some(value) => self.secrets.set(&pending.account, value),
            None => self.secrets.delete(&pending.account),
        };
        if let Err(error) = written {
            keychain_pending::remove(&self.db(), &pending.account)?;
            return Err(error);
        }
        let recorded = self.record_secret(key, &pending.account, value.is_some());
        if recorded.is_err() && value.is_some() && !was_set {
            // The database refused (disk full): take the new entry back. If even that fails,
            // the pending row (or, failing that, nothing refers to the entry) lets the sweep try.
            let _ = self.secrets.delete(&pending.account);
        }
        recorded
    }

    fn record_secret(&self, key: &SecretKey, account: &Account, set: bool) -> Result<()> {
        let mut db = self.db();
        let tx = db.transaction()?;
        if set {
            secret_refs::mark_set(&tx, key)?;
        } else {
            secret_refs::mark_cleared(&tx, key)?;
        }
        keychain_pending::remove(&tx, account)?;
        tx.commit()?;
        Ok(())
    }

    /// Lists every entry of `profile_id` for removal, in the same transaction as `remove`
    /// (which deletes the profile), then removes the entries: returns the ones the keychain
    /// would not remove now (the sweep at start tries them again).
    pub(crate) fn remove_profile_entries(
        &self,
        profile_id: i64,
        remove: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<Vec<String>> {
        let listed = {
            let mut db = self.db();
            let tx = db.transaction()?;
            let mut listed = Vec::new();
            for key in secret_refs::for_profile(&tx, profile_id)? {
                let pending = pending(&tx, &key, Intent::Delete)?;
                keychain_pending::add(&tx, &pending)?;
                listed.push((pending.account, Account::legacy(&key)));
            }
            remove(&tx)?;
            tx.commit()?;
            listed
        };
        let mut left = Vec::new();
        for (account, legacy) in listed {
            let removed = self
                .secrets
                .delete(&account)
                .and_then(|()| self.secrets.delete(&legacy));
            match removed {
                Ok(()) => keychain_pending::remove(&self.db(), &account)?,
                Err(_) => left.push(account.to_string()),
            }
        }
        Ok(left)
    }

    /// Run once at start (the app does it in the background): finishes or undoes keychain
    /// writes a crash interrupted, removes entries of deleted profiles the keychain refused
    /// before, and moves entries still under their pre-0.2 names.
    pub fn sweep_keychain(&self) -> Result<KeychainSweep> {
        self.move_legacy_entries()?;
        let pending = keychain_pending::all(&self.db())?;
        let mut sweep = KeychainSweep::default();
        for entry in pending {
            let recorded = keychain_pending::is_recorded(&self.db(), &entry)?;
            if entry.intent == Intent::Set && recorded {
                // Saved and recorded; only the bookkeeping was interrupted.
                keychain_pending::remove(&self.db(), &entry.account)?;
                continue;
            }
            match self.secrets.delete(&entry.account) {
                Ok(()) => {
                    let mut db = self.db();
                    let tx = db.transaction()?;
                    if recorded {
                        keychain_pending::forget_record(&tx, &entry)?;
                    }
                    keychain_pending::remove(&tx, &entry.account)?;
                    tx.commit()?;
                    sweep.removed += 1;
                }
                Err(_) => sweep.left.push(entry.account.to_string()),
            }
        }
        Ok(sweep)
    }

    fn move_legacy_entries(&self) -> Result<()> {
        let keys = {
            let db = self.db();
            if settings::get(&db, LEGACY_NAMES)?.is_none() {
                return Ok(());
            }
            let mut keys = Vec::new();
            for profile in profiles::list(&db)? {
                for key in secret_refs::for_profile(&db, profile.id)? {
                    keys.push((account_of(&db, &key)?, key));
                }
            }
            keys
        };
        for (account, key) in keys {
            if self.secrets.get(&account)?.is_none() {
                self.move_legacy_entry(&key, &account)?;
            }
        }
        settings::set(&self.db(), LEGACY_NAMES, None)
    }
}
