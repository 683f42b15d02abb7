//! Time for the vendor clients: "now" (for HTTP-date `Retry-After` and a diagnosis stamp) and
//! waiting between retries, behind [`Clock`] so tests neither sleep nor depend on the date.
//! The ISO-8601 text form of a time lives in [`crate::time`].

use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

pub type Pause<'a> = Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

pub trait Clock: Send + Sync {
    fn now(&self) -> SystemTime;
    fn sleep(&self, wait: Duration) -> Pause<'_>;
}

/// The real clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }

    fn sleep(&self, wait: Duration) -> Pause<'_> {
        Box::pin(tokio::time::sleep(wait))
    }
}

/// A clock for tests: time stands still until a sleep, which returns at once, moves time
/// forward by the wait and records it, so a test can assert every wait without spending it.
pub struct ManualClock {
    state: Mutex<(SystemTime, Vec<Duration>)>,
}

impl ManualClock {
    pub fn at(now: SystemTime) -> Self {
        ManualClock {
            state: Mutex::new((now, Vec::new())),
        }
    }

    /// Every wait asked for, in order.
    pub fn waits(&self) -> Vec<Duration> {
        self.state.lock().expect("clock lock").1.clone()
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        self.state.lock().expect("clock lock").0
    }

    fn sleep(&self, wait: Duration) -> Pause<'_> {
        let mut state = self.state.lock().expect("clock lock");
        state.0 += wait;
        state.1.push(wait);
        Box::pin(std::future::ready(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn a_manual_clock_records_waits_and_moves_on() {
        let clock = ManualClock::at(UNIX_EPOCH);
        futures_ready(clock.sleep(Duration::from_secs(2)));
        assert_eq!(clock.waits(), vec![Duration::from_secs(2)]);
        assert_eq!(clock.now(), UNIX_EPOCH + Duration::from_secs(2));
    }

    fn futures_ready(pause: Pause<'_>) {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(pause);
    }
}
