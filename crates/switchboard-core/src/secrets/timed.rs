//! A deadline on every call of a [`SecretStore`]. The keychain APIs block, and Secret Service on
//! Linux can wait on an unlock prompt nobody sees (a locked collection, a headless session):
//! without a deadline that one command would never answer.

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use super::{Account, SecretStore, Sensitive};
use crate::error::{Error, Result};

/// Long enough to type a keychain password at a prompt, short enough to be a clear failure.
pub const KEYCHAIN_TIMEOUT: Duration = Duration::from_secs(20);

/// Runs each call of `S` on its own thread and gives up after `timeout` with
/// [`Error::KeychainTimeout`]. A call that gave up keeps its thread until the store answers
/// (a blocked OS call cannot be cancelled); nothing waits for it.
pub struct Timed<S> {
    store: Arc<S>,
    timeout: Duration,
}

impl<S: SecretStore + 'static> Timed<S> {
    pub fn new(store: S, timeout: Duration) -> Self {
        Timed {
            store: Arc::new(store),
            timeout,
        }
    }

    fn run<T: Send + 'static>(
        &self,
        call: impl FnOnce(&S) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let (sender, receiver) = mpsc::channel();
        let store = self.store.clone();
        std::thread::Builder::new()
            .name("keychain".into())
            .spawn(move || {
                // The receiver is gone when we gave up; the late answer is simply dropped.
                let _ = sender.send(call(&store));
            })?;
        receiver
            .recv_timeout(self.timeout)
            .unwrap_or(Err(Error::KeychainTimeout(self.timeout)))
    }
}

impl<S: SecretStore + 'static> SecretStore for Timed<S> {
    fn set(&self, key: &Account, value: &Sensitive) -> Result<()> {
        let (key, value) = (key.clone(), value.clone());
        self.run(move |store| store.set(&key, &value))
    }

    fn get(&self, key: &Account) -> Result<Option<Sensitive>> {
        let key = key.clone();
        self.run(move |store| store.get(&key))
    }

    fn delete(&self, key: &Account) -> Result<()> {
        let key = key.clone();
        self.run(move |store| store.delete(&key))
    }

    fn check(&self) -> Result<()> {
        self.run(|store| store.check())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::ErrorCode;
    use crate::secrets::MemoryStore;

    /// A keychain stuck on a prompt: every call sleeps far past any deadline.
    struct Hanging;

    impl SecretStore for Hanging {
        fn set(&self, _: &Account, _: &Sensitive) -> Result<()> {
            std::thread::sleep(Duration::from_secs(60));
            Ok(())
        }
        fn get(&self, _: &Account) -> Result<Option<Sensitive>> {
            std::thread::sleep(Duration::from_secs(60));
            Ok(None)
        }
        fn delete(&self, _: &Account) -> Result<()> {
            std::thread::sleep(Duration::from_secs(60));
            Ok(())
        }
        fn check(&self) -> Result<()> {
            std::thread::sleep(Duration::from_secs(60));
            Ok(())
        }
    }

    #[test]
    fn a_hanging_keychain_fails_with_keychain_timeout_at_the_deadline() {
        let store = Timed::new(Hanging, Duration::from_millis(50));
        let key = Account::from_stored("i/p/connection:zoom/client-secret".into());
        let started = Instant::now();
        let errors = [
            store.get(&key).unwrap_err(),
            store.set(&key, &Sensitive::new("x")).unwrap_err(),
            store.delete(&key).unwrap_err(),
            store.check().unwrap_err(),
        ];
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "gave up late: {:?}",
            started.elapsed()
        );
        for error in errors {
            assert_eq!(error.code(), ErrorCode::KeychainTimeout);
        }
    }

    #[test]
    fn a_keychain_that_answers_in_time_is_passed_through() {
        let store = Timed::new(MemoryStore::new(), Duration::from_secs(5));
        let key = Account::from_stored("i/p/connection:zoom/client-secret".into());
        store.set(&key, &Sensitive::new("s3cret")).unwrap();
        assert_eq!(store.get(&key).unwrap(), Some(Sensitive::new("s3cret")));
        store.delete(&key).unwrap();
        assert_eq!(store.get(&key).unwrap(), None);
    }

    #[test]
    fn the_store_own_errors_are_kept() {
        let store = Timed::new(MemoryStore::unavailable("no D-Bus"), Duration::from_secs(5));
        assert_eq!(
            store.check().unwrap_err().code(),
            ErrorCode::KeychainUnavailable
        );
    }
}
