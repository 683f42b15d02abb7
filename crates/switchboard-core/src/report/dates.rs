//! Dates in the report's language: `December 3, 2026`, `3 décembre 2026`, `2026年12月3日`, with
//! the time in UTC when it matters (the report may be read in another time zone).

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::locale::Locale;

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// An instant read in UTC, or a plain `YYYY-MM-DD` date (as the admin notes one) at midnight.
fn civil(iso: &str) -> Option<jiff::civil::DateTime> {
    if let Ok(at) = iso.trim().parse::<Timestamp>() {
        return Some(at.to_zoned(TimeZone::UTC).datetime());
    }
    let date: jiff::civil::Date = iso.trim().parse().ok()?;
    Some(date.to_datetime(jiff::civil::Time::midnight()))
}

/// The date of an ISO-8601 instant (UTC); text that is not one is returned as it is.
pub fn format_date(iso: &str, locale: Locale) -> String {
    let Some(at) = civil(iso) else {
        return iso.to_owned();
    };
    let (year, month, day) = (at.year(), at.month() as usize, at.day());
    match locale {
        Locale::En => format!("{} {day}, {year}", EN_MONTHS[month - 1]),
        Locale::Fr => {
            let day = if day == 1 {
                "1er".to_owned()
            } else {
                day.to_string()
            };
            format!("{day} {} {year}", FR_MONTHS[month - 1])
        }
        Locale::Ja => format!("{year}年{month}月{day}日"),
    }
}

/// The date and the time (UTC) of an ISO-8601 instant.
pub fn format_moment(iso: &str, locale: Locale) -> String {
    let Some(at) = civil(iso) else {
        return iso.to_owned();
    };
    let date = format_date(iso, locale);
    let time = format!("{:02}:{:02} UTC", at.hour(), at.minute());
    match locale {
        Locale::En => format!("{date}, {time}"),
        Locale::Fr => format!("{date} à {time}"),
        Locale::Ja => format!("{date} {time}"),
    }
}

/// Whole days from `now` to `iso` (negative when past); `None` when either is not an instant.
pub fn days_until(iso: &str, now: &str) -> Option<i64> {
    let at: Timestamp = iso.trim().parse().ok()?;
    let now: Timestamp = now.trim().parse().ok()?;
    Some((at.as_second() - now.as_second()).div_euclid(86_400))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let at = "2026-12-03T14:05:09Z";
        assert_eq!(format_date(at, Locale::En), "December 3, 2026");
        assert_eq!(format_date(at, Locale::Fr), "3 décembre 2026");
        assert_eq!(format_date(at, Locale::Ja), "2026年12月3日");
        assert_eq!(
            format_date("2027-08-01T00:00:00Z", Locale::Fr),
            "1er août 2027"
        );
        assert_eq!(format_date("2026-11-23", Locale::Ja), "2026年11月23日");
        assert_eq!(format_moment(at, Locale::En), "December 3, 2026, 14:05 UTC");
        assert_eq!(format_moment(at, Locale::Fr), "3 décembre 2026 à 14:05 UTC");
        assert_eq!(format_moment(at, Locale::Ja), "2026年12月3日 14:05 UTC");
    }

    #[test]
    fn text_that_is_not_an_instant_is_kept_and_days_count_down() {
        assert_eq!(format_date("next week", Locale::Fr), "next week");
        let now = "2026-12-03T12:00:00Z";
        assert_eq!(days_until("2026-12-13T12:00:00Z", now), Some(10));
        assert_eq!(days_until("2026-12-02T12:00:00Z", now), Some(-1));
        assert_eq!(days_until("never", now), None);
    }
}
