//! Time for the vendor clients: "now" (for HTTP-date `Retry-After` and a diagnosis stamp) and
//! waiting between retries, behind [`Clock`] so tests neither sleep nor depend on the date.
//! Also the ISO-8601 UTC text form, without pulling in a date crate for two functions.

use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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

/// `2026-11-23T10:15:00Z` (whole seconds, UTC).
pub fn format_utc(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`, the form Zoom uses in `Retry-After` for daily
/// limits. Anything else is `None`.
pub fn parse_utc(text: &str) -> Option<SystemTime> {
    let text = text.trim();
    let (date, time) = text.split_once(['T', 't', ' '])?;
    let mut date_parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, mo, d) = (
        date_parts.next()??,
        date_parts.next()??,
        date_parts.next()??,
    );
    let (clock, offset_secs) = split_offset(time)?;
    let clock = clock.split('.').next()?;
    let mut parts = clock.splitn(3, ':').map(|p| p.parse::<i64>().ok());
    let (h, mi, s) = (parts.next()??, parts.next()??, parts.next()??);
    let valid = (1..=12).contains(&mo)
        && (1..=31).contains(&d)
        && (0..24).contains(&h)
        && (0..60).contains(&mi)
        && (0..=60).contains(&s);
    if !valid {
        return None;
    }
    let secs = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s - offset_secs;
    let secs = u64::try_from(secs).ok()?;
    Some(UNIX_EPOCH + Duration::from_secs(secs))
}

fn split_offset(time: &str) -> Option<(&str, i64)> {
    if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        return Some((clock, 0));
    }
    let at = time.rfind(['+', '-'])?;
    let (clock, offset) = time.split_at(at);
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let (h, m) = offset[1..].split_once(':')?;
    Some((
        clock,
        sign * (h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().ok()? * 60),
    ))
}

// Howard Hinnant's days <-> civil date algorithms (proleptic Gregorian calendar).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_timestamps_round_trip() {
        let t = UNIX_EPOCH + Duration::from_secs(1_590_883_200); // 2020-05-31T00:00:00Z
        assert_eq!(format_utc(t), "2020-05-31T00:00:00Z");
        assert_eq!(parse_utc("2020-05-31T00:00:00Z"), Some(t));
        assert_eq!(parse_utc("2020-05-31T02:00:00.123+02:00"), Some(t));
        assert_eq!(
            parse_utc("2024-02-29T12:00:00Z").map(format_utc).as_deref(),
            Some("2024-02-29T12:00:00Z")
        );
        assert_eq!(parse_utc("Sun, 31 May 2020 00:00:00 GMT"), None);
        assert_eq!(parse_utc("2020-13-01T00:00:00Z"), None);
    }

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
