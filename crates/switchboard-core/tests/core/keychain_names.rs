//! Secrets bound to one profile of one database, forever: keychain entries named by the
//! database's install id and the profile's never-reused key, written so that the record and the
//! entry agree, and swept at start.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use switchboard_core::connection::Vendor;
use switchboard_core::locale::Locale;
use switchboard_core::paths::AppPaths;
use switchboard_core::secrets::{Account, MemoryStore, SecretKey, SecretStore, Sensitive};
use switchboard_core::{Error, Switchboard};

/// A keychain that can be told to refuse writes or removals, as a locked collection does.
#[derive(Default)]
struct Moody {
    store: MemoryStore,
    refuse_set: AtomicBool,
    refuse_delete: AtomicBool,
}

impl Moody {
    fn refusal() -> Error {
        Error::Keychain("the collection is locked".into())
    }
}

impl SecretStore for Moody {
    fn set(&self, account: &Account, value: &Sensitive) -> switchboard_core::Result<()> {
        if self.refuse_set.load(Ordering::SeqCst) {
            return Err(Self::refusal());
        }
        self.store.set(account, value)
    }
    fn get(&self, account: &Account) -> switchboard_core::Result<Option<Sensitive>> {
        self.store.get(account)
    }
    fn delete(&self, account: &Account) -> switchboard_core::Result<()> {
        if self.refuse_delete.load(Ordering::SeqCst) {
            return Err(Self::refusal());
        }
        self.store.delete(account)
    }
    fn check(&self) -> switchboard_core::Result<()> {
        self.store.check()
    }
}

const FLOW: &str = "zoom-directory-sync";
const FIELD: &str = "zoom-client-secret";

fn save(core: &Switchboard, profile: i64, value: &str) {
    core.set_secret(
        profile,
        FLOW,
        "zoom-app-create",
        FIELD,
        &Sensitive::new(value),
        Locale::En,
    )
    .unwrap();
}

/// The value a vendor call would be given, if any.
fn value(core: &Switchboard, profile: i64) -> Option<String> {
    core.secret(profile, FLOW, FIELD)
        .unwrap()
        .map(|s| s.expose().to_owned())
}

fn connection_saved(core: &Switchboard, profile: i64) -> Vec<String> {
    core.connection(profile, Vendor::Zoom).unwrap().secrets_set
}

/// The CLI's `--data-dir` and a reset database share the app's keychain service: two databases
/// each with a "profile 1" must never read or overwrite each other's entries.
#[test]
fn two_data_folders_on_one_keychain_never_share_an_entry() {
    let store = Arc::new(MemoryStore::new());
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let a = Switchboard::open(
        &AppPaths::under(a_dir.path().into()),
        Box::new(store.clone()),
    )
    .unwrap();
    let b = Switchboard::open(
        &AppPaths::under(b_dir.path().into()),
        Box::new(store.clone()),
    )
    .unwrap();
    let (pa, pb) = (
        a.create_profile("Acme").unwrap(),
        b.create_profile("Acme").unwrap(),
    );
    assert_eq!(
        pa.id, pb.id,
        "both databases number their first profile alike"
    );
    save(&a, pa.id, "alpha-secret-value");
    save(&b, pb.id, "bravo-secret-value");
    assert_eq!(store.len(), 2, "one entry per database");
    assert_eq!(value(&a, pa.id).as_deref(), Some("alpha-secret-value"));
    assert_eq!(value(&b, pb.id).as_deref(), Some("bravo-secret-value"));
}

/// SQLite hands a deleted profile's id to the next one: an entry the keychain would not remove
/// is named to the admin, never shown or used as the new profile's, and removed at the next start.
#[test]
fn a_deleted_profiles_leftover_entry_is_named_never_inherited_and_swept() {
    let store = Arc::new(Moody::default());
    let core = Switchboard::in_memory(Box::new(store.clone())).unwrap();
    let old = core.create_profile("Old customer").unwrap();
    save(&core, old.id, "old-customer-secret");

    store.refuse_delete.store(true, Ordering::SeqCst);
    let deleted = core.delete_profile(old.id).unwrap();
    assert_eq!(deleted.left_in_keychain.len(), 1, "{deleted:?}");
    assert!(deleted.left_in_keychain[0].ends_with("/flow:zoom-directory-sync/zoom-client-secret"));
    assert!(
        core.list_profiles().unwrap().is_empty(),
        "the profile is gone"
    );

    let new = core.create_profile("New customer").unwrap();
    assert_eq!(new.id, old.id, "the new profile got the old id");
    assert_eq!(value(&core, new.id), None, "nothing inherited");
    save(&core, new.id, "new-customer-secret");
    assert_eq!(store.store.len(), 2, "the new secret has its own entry");

    let refused = core.sweep_keychain().unwrap();
    assert_eq!((refused.removed, refused.left.len()), (0, 1));
    store.refuse_delete.store(false, Ordering::SeqCst);
    let swept = core.sweep_keychain().unwrap();
    assert_eq!((swept.removed, swept.left.len()), (1, 0));
    assert_eq!(
        store.store.len(),
        1,
        "only the new customer's entry is left"
    );
    assert_eq!(value(&core, new.id).as_deref(), Some("new-customer-secret"));
}

/// A keychain that refuses the write leaves neither an entry nor a record saying "saved".
#[test]
fn a_refused_keychain_write_leaves_neither_entry_nor_record() {
    let store = Arc::new(Moody::default());
    let core = Switchboard::in_memory(Box::new(store.clone())).unwrap();
    let p = core.create_profile("Acme").unwrap();
    store.refuse_set.store(true, Ordering::SeqCst);
    let error = core
        .set_connection_secret(
            p.id,
            Vendor::Zoom,
            "client-secret",
            Some(&Sensitive::new("never-saved-value")),
        )
        .unwrap_err();
    assert!(matches!(error, Error::Keychain(_)), "{error:?}");
    assert!(connection_saved(&core, p.id).is_empty());
    assert!(store.store.is_empty());
    assert_eq!(
        core.sweep_keychain().unwrap().removed,
        0,
        "nothing in flight"
    );
}

/// A refused removal keeps the secret recorded (it is still there) instead of hiding it.
#[test]
fn a_refused_keychain_removal_keeps_the_secret_recorded() {
    let store = Arc::new(Moody::default());
    let core = Switchboard::in_memory(Box::new(store.clone())).unwrap();
    let p = core.create_profile("Acme").unwrap();
    let kept = Sensitive::new("kept-secret-value");
    core.set_connection_secret(p.id, Vendor::Zoom, "client-secret", Some(&kept))
        .unwrap();
    store.refuse_delete.store(true, Ordering::SeqCst);
    core.set_connection_secret(p.id, Vendor::Zoom, "client-secret", None)
        .unwrap_err();
    assert_eq!(connection_saved(&core, p.id), ["client-secret"]);
    store.refuse_delete.store(false, Ordering::SeqCst);
    assert_eq!(core.sweep_keychain().unwrap().removed, 0);
    assert_eq!(
        store.store.len(),
        1,
        "the sweep leaves a recorded secret alone"
    );
}

/// Entries saved by versions that named them `profile/<rowid>/…` keep working: moved to their
/// new name on first use, and the old name removed.
#[test]
fn entries_under_the_old_names_are_moved_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().into());
    let store = Arc::new(MemoryStore::new());
    {
        let conn = rusqlite::Connection::open(paths.database()).unwrap();
        let to_v5 = switchboard_core::storage::migrations();
        let mut conn = conn;
        to_v5.to_version(&mut conn, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO profiles (name) VALUES ('Acme');
             INSERT INTO secret_refs (profile_id, scope, field)
               VALUES (1, 'flow:zoom-directory-sync', 'zoom-client-secret');",
        )
        .unwrap();
    }
    let key = SecretKey::new(1, "flow:zoom-directory-sync", FIELD);
    store
        .set(&Account::legacy(&key), &Sensitive::new("saved-by-0-1"))
        .unwrap();
    let core = Switchboard::open(&paths, Box::new(store.clone())).unwrap();
    core.sweep_keychain().unwrap();
    assert_eq!(store.get(&Account::legacy(&key)).unwrap(), None);
    assert_eq!(store.len(), 1);
    assert_eq!(value(&core, 1).as_deref(), Some("saved-by-0-1"));
}
