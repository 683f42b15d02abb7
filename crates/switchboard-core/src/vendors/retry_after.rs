//! Reading `Retry-After`: delta-seconds (Genesys), an HTTP date (RFC 9110), or the ISO-8601
//! timestamp Zoom sends for daily limits. Absent or unreadable means "use our own backoff".

use std::time::{Duration, SystemTime};

use crate::time::parse_utc;

/// What the vendor asked for: a wait from `now`, and the moment when it named one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter {
    pub wait: Duration,
    pub at: Option<SystemTime>,
}

pub fn parse(value: &str, now: SystemTime) -> Option<RetryAfter> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(RetryAfter {
            wait: Duration::from_secs(secs),
            at: None,
        });
    }
    let at = httpdate::parse_http_date(value)
        .ok()
        .or_else(|| parse_utc(value))?;
    // A date already past means "now"; never a negative wait.
    let wait = at.duration_since(now).unwrap_or(Duration::ZERO);
    Some(RetryAfter { wait, at: Some(at) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    fn now() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_590_883_200) // Sun, 31 May 2020 00:00:00 GMT
    }

    #[test]
    fn seconds_http_dates_and_iso_dates_are_all_read() {
        assert_eq!(parse("3", now()).unwrap().wait, Duration::from_secs(3));
        let http = parse("Sun, 31 May 2020 00:00:05 GMT", now()).unwrap();
        assert_eq!(http.wait, Duration::from_secs(5));
        let iso = parse("2020-05-31T00:01:00Z", now()).unwrap();
        assert_eq!(iso.wait, Duration::from_secs(60));
        assert!(iso.at.is_some());
    }

    #[test]
    fn past_dates_mean_now_and_garbage_means_absent() {
        assert_eq!(
            parse("Sat, 30 May 2020 00:00:00 GMT", now()).unwrap().wait,
            Duration::ZERO
        );
        assert_eq!(parse("soon", now()), None);
        assert_eq!(parse("-1", now()), None);
    }
}
