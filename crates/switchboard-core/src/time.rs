//! The ISO-8601 UTC text form the core stores and shows (`2026-11-23T10:15:00Z`), and reading
//! the ISO-8601 timestamps vendors send, both through `jiff`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jiff::Timestamp;

/// `2026-11-23T10:15:00Z` (whole seconds, UTC). A time before 1970 prints as the epoch; one past
/// the year 9999 as the last second `jiff` can represent.
pub fn format_utc(time: SystemTime) -> String {
    let last = Timestamp::MAX.as_second();
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(last).min(last));
    let at = Timestamp::from_second(secs).unwrap_or(Timestamp::UNIX_EPOCH);
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `20261123T101500Z`: the same instant without the characters a file name cannot hold on
/// Windows (`:`), for names such as a damaged database set aside.
pub fn compact_utc(time: SystemTime) -> String {
    format_utc(time).replace(['-', ':'], "")
}

/// Parses an RFC 3339 / ISO-8601 timestamp with an offset, `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`,
/// the form Zoom uses in `Retry-After` for daily limits; `t`, `z` and a space separator are
/// accepted too. Fractional seconds are dropped. A time before 1970, a missing offset or
/// anything else is `None`.
pub fn parse_utc(text: &str) -> Option<SystemTime> {
    let at: Timestamp = text.trim().parse().ok()?;
    if at < Timestamp::UNIX_EPOCH {
        return None;
    }
    let secs = u64::try_from(at.as_second()).ok()?;
    Some(UNIX_EPOCH + Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn iso_timestamps_round_trip() {
        let t = at(1_590_883_200); // 2020-05-31T00:00:00Z
        assert_eq!(format_utc(t), "2020-05-31T00:00:00Z");
        assert_eq!(parse_utc("2020-05-31T00:00:00Z"), Some(t));
        assert_eq!(parse_utc("2020-05-31T02:00:00.123+02:00"), Some(t));
        assert_eq!(
            parse_utc("2024-02-29T12:00:00Z").map(format_utc).as_deref(),
            Some("2024-02-29T12:00:00Z")
        );
        assert_eq!(parse_utc("Sun, 31 May 2020 00:00:00 GMT"), None);
        assert_eq!(compact_utc(t), "20200531T000000Z");
        assert_eq!(parse_utc("2020-13-01T00:00:00Z"), None);
    }

    #[test]
    fn formatting_drops_fractions_and_clamps_to_the_epoch() {
        assert_eq!(format_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        assert_eq!(
            format_utc(at(1_700_000_000) + Duration::from_millis(999)),
            "2023-11-14T22:13:20Z"
        );
        assert_eq!(
            format_utc(UNIX_EPOCH - Duration::from_secs(3600)),
            "1970-01-01T00:00:00Z"
        );
        assert_eq!(format_utc(at(951_782_400)), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn parsing_accepts_the_forms_vendors_send() {
        let t = at(1_590_883_200); // 2020-05-31T00:00:00Z
        // Lower-case separators and a space instead of `T`.
        assert_eq!(parse_utc("2020-05-31t00:00:00z"), Some(t));
        assert_eq!(parse_utc("2020-05-31 00:00:00Z"), Some(t));
        assert_eq!(parse_utc("  2020-05-31T00:00:00Z \n"), Some(t));
        // Fractional seconds are dropped, not rounded.
        assert_eq!(parse_utc("2020-05-31T00:00:00.999Z"), Some(t));
        assert_eq!(parse_utc("2020-05-31T00:00:00.5-00:00"), Some(t));
        // Negative and half-hour offsets.
        assert_eq!(parse_utc("2020-05-30T19:00:00-05:00"), Some(t));
        assert_eq!(parse_utc("2020-05-31T05:30:00+05:30"), Some(t));
        assert_eq!(parse_utc("2020-05-30T23:30:00-00:30"), Some(t));
    }

    #[test]
    fn parsing_rejects_what_is_not_an_instant_after_1970() {
        // No offset: a civil time, not an instant.
        assert_eq!(parse_utc("2020-05-31T00:00:00"), None);
        assert_eq!(parse_utc("2020-05-31"), None);
        assert_eq!(parse_utc("2020-05-31T24:00:00Z"), None);
        assert_eq!(parse_utc("2020-05-31T00:60:00Z"), None);
        assert_eq!(parse_utc("1969-12-31T23:59:59Z"), None);
        assert_eq!(parse_utc("1969-12-31T23:59:59.5Z"), None);
        assert_eq!(parse_utc("1970-01-01T01:00:00+01:00"), Some(UNIX_EPOCH));
        assert_eq!(parse_utc(""), None);
        assert_eq!(parse_utc("soon"), None);
    }
}
