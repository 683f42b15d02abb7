//! Wall-clock times in the formats the vendors print (ISO 8601 with or without milliseconds,
//! Salesforce's `+0000` offset, HTTP dates), without a date-time dependency.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub(crate) fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

pub(crate) fn now_millis() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

/// Days since 1970-01-01 to (year, month, day): Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn parts(unix: i64) -> (i64, u32, u32, i64, i64, i64) {
    let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
    let secs = unix.rem_euclid(86_400);
    (y, m, d, secs / 3600, (secs % 3600) / 60, secs % 60)
}

/// `2019-06-01T07:58:03Z` (Zoom, CXone).
pub(crate) fn iso8601(unix: i64) -> String {
    let (y, m, d, hh, mm, ss) = parts(unix);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
}

/// `2026-11-23T20:04:00.000Z` (Genesys).
pub(crate) fn iso8601_millis(unix: i64) -> String {
    let (y, m, d, hh, mm, ss) = parts(unix);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.000Z")
}

/// `2026-11-23T20:04:00.000+0000` (Salesforce REST).
pub(crate) fn salesforce(unix: i64) -> String {
    let (y, m, d, hh, mm, ss) = parts(unix);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.000+0000")
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`, for `Retry-After` as an HTTP date.
pub(crate) fn http_date_in(delay: Duration) -> String {
    httpdate::fmt_http_date(SystemTime::now() + delay)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_559_375_883), "2019-06-01T07:58:03Z");
        assert_eq!(iso8601_millis(951_782_400), "2000-02-29T00:00:00.000Z");
        assert_eq!(salesforce(1_700_000_000), "2023-11-14T22:13:20.000+0000");
    }
}
