//! The demo company's people: one directory, generated from the seed, that Zoom, CXone and
//! Salesforce each show in their own shape (a person with a Zoom Phone extension may also be a
//! CXone agent and a Salesforce user, with the same email).

use std::collections::HashSet;

use super::DEMO_DOMAIN;
use super::names::{
    DEPARTMENTS, ENGLISH_FIRST, ENGLISH_LAST, FRENCH_FIRST, FRENCH_LAST, JAPANESE_FIRST,
    JAPANESE_LAST, JOB_TITLES, email_part,
};
use super::rng::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Locale {
    French,
    Japanese,
    EnglishUs,
    EnglishUk,
}

impl Locale {
    /// ISO country, dialling code, Zoom Phone site, time zone and language of each office.
    pub(crate) fn country(self) -> &'static str {
        match self {
            Self::French => "FR",
            Self::Japanese => "JP",
            Self::EnglishUs => "US",
            Self::EnglishUk => "GB",
        }
    }

    pub(crate) fn dialling_code(self) -> &'static str {
        match self {
            Self::French => "+33",
            Self::Japanese => "+81",
            Self::EnglishUs => "+1",
            Self::EnglishUk => "+44",
        }
    }

    pub(crate) fn site(self) -> &'static str {
        match self {
            Self::French => "Paris",
            Self::Japanese => "Tokyo",
            Self::EnglishUs => "New York",
            Self::EnglishUk => "London",
        }
    }

    pub(crate) fn timezone(self) -> &'static str {
        match self {
            Self::French => "Europe/Paris",
            Self::Japanese => "Asia/Tokyo",
            Self::EnglishUs => "America/New_York",
            Self::EnglishUk => "Europe/London",
        }
    }

    pub(crate) fn language(self) -> &'static str {
        match self {
            Self::French => "fr-FR",
            Self::Japanese => "ja-JP",
            Self::EnglishUs => "en-US",
            Self::EnglishUk => "en-GB",
        }
    }

    pub(crate) const ALL: [Locale; 4] = [
        Self::French,
        Self::Japanese,
        Self::EnglishUs,
        Self::EnglishUk,
    ];

    fn index(self) -> usize {
        match self {
            Self::French => 0,
            Self::Japanese => 1,
            Self::EnglishUs => 2,
            Self::EnglishUk => 3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PersonStatus {
    Active,
    Inactive,
    Pending,
}

#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub locale: Locale,
    pub first_name: String,
    pub last_name: String,
    /// Family name first for Japanese people, as Zoom shows them in Japan.
    pub display_name: String,
    pub email: String,
    /// National significant number without the dialling code, e.g. `199001234`.
    pub phone_national: String,
    pub status: PersonStatus,
    /// Has a Zoom Phone licence, hence an extension.
    pub has_phone: bool,
    /// Extension number, unique per tenant; site-prefixed.
    pub extension: u32,
    pub created_unix: i64,
    pub last_login_unix: i64,
    pub department: &'static str,
    pub job_title: &'static str,
}

impl Person {
    pub(crate) fn phone_e164(&self) -> String {
        format!("{}{}", self.locale.dialling_code(), self.phone_national)
    }
}

/// 2019-01-01T00:00:00Z: the demo company's first accounts.
const FOUNDED: i64 = 1_546_300_800;
/// 2026-11-01T00:00:00Z: "now" for the seeded data, so data never depends on the clock.
const SEEDED_AT: i64 = 1_793_491_200;

/// `count` people in a fixed mix: 30 % French, 30 % Japanese, 25 % US, 15 % UK; about 5 %
/// deactivated and 5 % pending invitations, 85 % of the rest on Zoom Phone.
pub(crate) fn directory(rng: &Rng, count: usize) -> Vec<Person> {
    let mut rng = rng.derive("people");
    let mut emails = HashSet::with_capacity(count);
    let mut per_locale = [0u32; 4];
    // Extensions stay 4 digits for demo-sized offices and widen for benchmark tenants.
    let width = if count / 4 < 900 { 1_000 } else { 100_000 };
    (0..count)
        .map(|i| {
            let roll = rng.below(100);
            let locale = match roll {
                0..30 => Locale::French,
                30..60 => Locale::Japanese,
                60..85 => Locale::EnglishUs,
                _ => Locale::EnglishUk,
            };
            let (first, last, display, local) = name(&mut rng, locale);
            let email = unique_email(&mut emails, &local);
            let n = per_locale[locale.index()];
            per_locale[locale.index()] += 1;
            let status = match i % 20 {
                7 => PersonStatus::Inactive,
                13 => PersonStatus::Pending,
                _ => PersonStatus::Active,
            };
            let created = FOUNDED + rng.below((SEEDED_AT - FOUNDED) as u64 - 86_400) as i64;
            let last_login = created + rng.below((SEEDED_AT - created) as u64) as i64;
            let department = *rng.pick(DEPARTMENTS);
            let job_title = *rng.pick(JOB_TITLES);
            Person {
                locale,
                first_name: first,
                last_name: last,
                display_name: display,
                email,
                phone_national: phone_national(locale, n),
                status,
                has_phone: status == PersonStatus::Active && rng.chance(85),
                extension: (locale.index() as u32 + 1) * width + 1 + n,
                created_unix: created,
                last_login_unix: last_login,
                department,
                job_title,
            }
        })
        .collect()
}

fn name(rng: &mut Rng, locale: Locale) -> (String, String, String, String) {
    match locale {
        Locale::Japanese => {
            let (first, first_romaji) = *rng.pick(JAPANESE_FIRST);
            let (last, last_romaji) = *rng.pick(JAPANESE_LAST);
            (
                first.to_owned(),
                last.to_owned(),
                format!("{last} {first}"),
                format!("{first_romaji}.{last_romaji}"),
            )
        }
        Locale::French => {
            let first = *rng.pick(FRENCH_FIRST);
            let last = *rng.pick(FRENCH_LAST);
            western(first, last)
        }
        Locale::EnglishUs | Locale::EnglishUk => {
            let first = *rng.pick(ENGLISH_FIRST);
            let last = *rng.pick(ENGLISH_LAST);
            western(first, last)
        }
    }
}

fn western(first: &str, last: &str) -> (String, String, String, String) {
    (
        first.to_owned(),
        last.to_owned(),
        format!("{first} {last}"),
        format!("{}.{}", email_part(first), email_part(last)),
    )
}

fn unique_email(taken: &mut HashSet<String>, local: &str) -> String {
    let mut candidate = format!("{local}@{DEMO_DOMAIN}");
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{local}{n}@{DEMO_DOMAIN}");
        n += 1;
    }
    candidate
}

/// Numbers from ranges reserved for fiction where the country has one (ARCEP 01 99 00, Ofcom
/// 020 7946 0, NANP 555-01xx); they repeat past the range size in benchmark tenants.
fn phone_national(locale: Locale, n: u32) -> String {
    match locale {
        Locale::French => format!("19900{:04}", n % 10_000),
        Locale::EnglishUk => format!("2079460{:03}", n % 1_000),
        Locale::EnglishUs => {
            const AREAS: [u32; 5] = [212, 646, 917, 718, 347];
            format!("{}55501{:02}", AREAS[(n / 100) as usize % 5], n % 100)
        }
        Locale::Japanese => format!("35550{:04}", n % 10_000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_is_deterministic_and_mixes_three_languages() {
        let a = directory(&Rng::new(3), 300);
        let b = directory(&Rng::new(3), 300);
        assert_eq!(a.len(), 300);
        assert_eq!(a[42].email, b[42].email);
        for locale in Locale::ALL {
            assert!(a.iter().any(|p| p.locale == locale), "{locale:?} missing");
        }
        let emails: HashSet<_> = a.iter().map(|p| &p.email).collect();
        assert_eq!(emails.len(), 300, "emails are unique");
        let extensions: HashSet<_> = a.iter().map(|p| p.extension).collect();
        assert_eq!(extensions.len(), 300, "extensions are unique");
    }
}
