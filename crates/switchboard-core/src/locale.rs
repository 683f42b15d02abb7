//! The three languages Switchboard speaks, and how an OS locale string maps onto them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, TS)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Fr,
    Ja,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::Ja];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Ja => "ja",
        }
    }

    /// Parses a saved code or an OS locale such as `fr-CA`, `ja_JP.UTF-8` or `en-US`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.split(['-', '_', '.']).next()?.to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Locale::En),
            "fr" => Some(Locale::Fr),
            "ja" => Some(Locale::Ja),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_locale_tags_map_to_the_supported_language() {
        assert_eq!(Locale::from_tag("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("ja_JP.UTF-8"), Some(Locale::Ja));
        assert_eq!(Locale::from_tag("en"), Some(Locale::En));
        assert_eq!(
            Locale::from_tag("de-DE"),
            None,
            "unsupported languages fall back elsewhere"
        );
    }
}
