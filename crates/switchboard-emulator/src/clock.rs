//! Wall-clock times in the formats the vendors print (ISO 8601 with or without milliseconds,
//! Salesforce's `+0000` offset, HTTP dates), all in UTC through `jiff`.

use std::time::Duration;

use jiff::Timestamp;
use jiff::fmt::rfc2822::DateTimePrinter;

/// Seconds since the Unix epoch (0 if the system clock is set before it).
pub(crate) fn now_unix() -> i64 {
    Timestamp::now().as_second().max(0)
}

/// Milliseconds since the Unix epoch (0 if the system clock is set before it).
pub(crate) fn now_millis() -> u128 {
    u128::try_from(Timestamp::now().as_millisecond()).unwrap_or(0)
}

/// Milliseconds since the Unix epoch as a signed number, for state that changes within a second
/// (Genesys integrations settle 1.5 s after a `PATCH`).
pub(crate) fn now_unix_millis() -> i64 {
    Timestamp::now().as_millisecond().max(0)
}

/// `2026-11-23T20:04:00.250Z`: `iso8601_millis` with the milliseconds kept.
pub(crate) fn iso8601_from_millis(unix_millis: i64) -> String {
    let millis = unix_millis.clamp(
        Timestamp::MIN.as_millisecond(),
        Timestamp::MAX.as_millisecond(),
    );
    Timestamp::from_millisecond(millis)
        .unwrap_or(Timestamp::UNIX_EPOCH)
        .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// The instant `unix` seconds after the epoch, held to the years -9999..=9999 `jiff` covers.
fn at(unix: i64) -> Timestamp {
    let unix = unix.clamp(Timestamp::MIN.as_second(), Timestamp::MAX.as_second());
    Timestamp::from_second(unix).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// `2019-06-01T07:58:03Z` (Zoom, CXone).
pub(crate) fn iso8601(unix: i64) -> String {
    at(unix).strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `2026-11-23T20:04:00.000Z` (Genesys).
pub(crate) fn iso8601_millis(unix: i64) -> String {
    at(unix).strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// `2026-11-23T20:04:00.000+0000` (Salesforce REST).
pub(crate) fn salesforce(unix: i64) -> String {
    at(unix).strftime("%Y-%m-%dT%H:%M:%S%.3f%z").to_string()
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`, `delay` from now, for `Retry-After` as an HTTP date.
pub(crate) fn http_date_in(delay: Duration) -> String {
    let then = Timestamp::now()
        .checked_add(delay)
        .unwrap_or(Timestamp::MAX);
    http_date(then)
}

/// RFC 9110's IMF-fixdate; fractional seconds are dropped.
fn http_date(at: Timestamp) -> String {
    DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&at)
        .unwrap_or_else(|_| "Thu, 01 Jan 1970 00:00:00 GMT".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_559_375_883), "2019-06-01T07:58:03Z");
        assert_eq!(iso8601(-1), "1969-12-31T23:59:59Z");
        assert_eq!(iso8601_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601_millis(951_782_400), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso8601_millis(1_795_464_240), "2026-11-23T20:04:00.000Z");
        assert_eq!(salesforce(1_700_000_000), "2023-11-14T22:13:20.000+0000");
        assert_eq!(salesforce(0), "1970-01-01T00:00:00.000+0000");
        assert_eq!(
            iso8601_from_millis(1_795_464_240_250),
            "2026-11-23T20:04:00.250Z"
        );
        assert_eq!(iso8601_from_millis(0), iso8601_millis(0));
    }

    #[test]
    fn http_dates_are_imf_fixdates() {
        let rfc_example = Timestamp::from_second(784_111_777).unwrap();
        assert_eq!(http_date(rfc_example), "Sun, 06 Nov 1994 08:49:37 GMT");
        let with_fraction = Timestamp::new(1_700_000_000, 999_000_000).unwrap();
        assert_eq!(http_date(with_fraction), "Tue, 14 Nov 2023 22:13:20 GMT");
        assert_eq!(
            http_date(Timestamp::UNIX_EPOCH),
            "Thu, 01 Jan 1970 00:00:00 GMT"
        );
    }

    #[test]
    fn http_date_in_is_that_far_ahead() {
        let text = http_date_in(Duration::from_secs(120));
        assert_eq!(text.len(), 29, "{text}");
        assert!(text.ends_with(" GMT"), "{text}");
        let then = jiff::fmt::rfc2822::DateTimeParser::new()
            .parse_timestamp(&text)
            .unwrap();
        let ahead = then.as_second() - now_unix();
        assert!((110..=120).contains(&ahead), "{ahead}");
    }

    #[test]
    fn now_is_after_2020() {
        assert!(now_unix() > 1_577_836_800);
        assert!(now_millis() / 1000 >= u128::try_from(now_unix()).unwrap() - 1);
    }
}
