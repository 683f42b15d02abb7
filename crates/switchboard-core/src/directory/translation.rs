//! Phone number translation pattern sets, as the admin enters them in CXone's Directory Sync,
//! and their effect on real numbers so the editor can preview them before anything is saved.
//!
//! The CXone console has no API for these, so the app is only the place to try them out: the
//! semantics below are the app's reading of the console's fields, kept deliberately simple.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::phone::{self, Region};

/// Every pattern set, in the order they are tried. This is also the JSON format of
/// `switchboard-cli directory translate --rules FILE`:
///
/// ```json
/// {"sets": [
///   {"name": "France", "region": "FR", "patterns": [
///      {"match": "0XXXXXXXXX", "strip": 0, "prefix": "", "format": "e164"},
///      {"match": "+33*", "format": "e164"}]},
///   {"name": "Japan", "region": "JP", "patterns": [{"match": "0*", "format": "e164"}]},
///   {"name": "Short extensions", "region": "US", "patterns": [
///      {"match": "XXXX", "prefix": "+1415555", "format": "keep"}]}
/// ]}
/// ```
///
/// A number is first cleaned (spaces, dots, dashes and parentheses removed). `match` holds
/// digits, `+`, `X` for any one digit and an optional trailing `*` for any further digits; it
/// must match the whole cleaned number. The first matching pattern of the first set that has
/// one applies: `strip` leading characters are removed, `prefix` is put in front, then `format`
/// either keeps the result (`keep`, it must be `+` and digits) or reads it as a number of the
/// set's `region` and writes it in E.164 (`e164`). `strip`, `prefix` and `format` default to
/// `0`, `""` and `keep`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TranslationRules {
    pub sets: Vec<PatternSet>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PatternSet {
    pub name: String,
    pub region: Region,
    #[serde(default)]
    pub patterns: Vec<Pattern>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pattern {
    #[serde(rename = "match")]
    pub matches: String,
    #[serde(default)]
    pub strip: u32,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(rename = "PatternFormat")]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Keep,
    E164,
}

/// What became of one number; `set` and `pattern` index the rules' lists when one matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Translation {
    pub before: String,
    pub after: Option<String>,
    pub status: TranslationStatus,
    pub set: Option<usize>,
    pub pattern: Option<usize>,
    /// For [`TranslationStatus::Invalid`]: the `phone.*` code of why.
    pub reason: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TranslationStatus {
    Translated,
    /// A pattern matched but the result is the number as it was.
    Unchanged,
    NoMatch,
    /// The result is not a valid number; `reason` is the phone error code.
    Invalid,
    /// There was no number (a Zoom user without one).
    Empty,
}

impl TranslationRules {
    /// A sensible first set for a region, the editor's starting point: national numbers and
    /// numbers already in international form, both written in E.164.
    pub fn example(region: Region) -> Self {
        let e164 = |matches: &str| Pattern {
            matches: matches.to_owned(),
            strip: 0,
            prefix: String::new(),
            format: Format::E164,
        };
        let international = format!("+{}*", region.calling_code());
        let patterns = match region.code() {
            "FR" => vec![e164("0XXXXXXXXX"), e164(&international)],
            "JP" => vec![e164("0*"), e164(&international)],
            "US" => vec![
                e164("XXXXXXXXXX"),
                e164("1XXXXXXXXXX"),
                e164(&international),
            ],
            _ => vec![e164("0*"), e164(&international)],
        };
        TranslationRules {
            sets: vec![PatternSet {
                name: region.code().to_owned(),
                region,
                patterns,
            }],
        }
    }

    /// Applies the first matching pattern to `number`.
    pub fn translate(&self, number: &str) -> Translation {
        let before = number.trim().to_owned();
        let outcome =
            |status, after: Option<String>, at: Option<(usize, usize)>, reason| Translation {
                before: before.clone(),
                after,
                status,
                set: at.map(|(s, _)| s),
                pattern: at.map(|(_, p)| p),
                reason,
            };
        let cleaned = match phone::clean(&before) {
            Ok(cleaned) => cleaned,
            Err(phone::PhoneError::Empty) => {
                return outcome(TranslationStatus::Empty, None, None, None);
            }
            Err(e) => return outcome(TranslationStatus::Invalid, None, None, Some(e.code())),
        };
        let Some((at, set, pattern)) = self.first_match(&cleaned) else {
            // A number already in international form (`+CC…`, `00CC…`) needs no pattern, whatever
            // the sets' regions: written in E.164 when valid, named invalid when not.
            return match phone::parse_international(&cleaned) {
                None => outcome(TranslationStatus::NoMatch, None, None, None),
                Some(Ok(e164)) if e164.as_str() == before => outcome(
                    TranslationStatus::Unchanged,
                    Some(e164.to_string()),
                    None,
                    None,
                ),
                Some(Ok(e164)) => outcome(
                    TranslationStatus::Translated,
                    Some(e164.to_string()),
                    None,
                    None,
                ),
                Some(Err(e)) => outcome(TranslationStatus::Invalid, None, None, Some(e.code())),
            };
        };
        let rest: String = cleaned.chars().skip(pattern.strip as usize).collect();
        let result = format!("{}{rest}", pattern.prefix);
        let after = match pattern.format {
            Format::Keep => phone::clean(&result).and_then(|kept| {
                // `clean` drops punctuation; a kept result must already be bare.
                if kept != result {
                    return Err(phone::PhoneError::Unparseable);
                }
                // Kept as written, but an international result must be a real number of its
                // country: `+3312` is not "translated".
                match phone::parse_international(&kept) {
                    Some(Err(e)) => Err(e),
                    _ => Ok(kept),
                }
            }),
            Format::E164 => phone::parse(&result, set.region).map(|n| n.to_string()),
        };
        match after {
            Ok(after) if after == before => {
                outcome(TranslationStatus::Unchanged, Some(after), Some(at), None)
            }
            Ok(after) => outcome(TranslationStatus::Translated, Some(after), Some(at), None),
            Err(e) => outcome(TranslationStatus::Invalid, None, Some(at), Some(e.code())),
        }
    }

    /// The first pattern that matches. A number in international form (`+…`, `00…`) is only
    /// taken by a pattern written in that form: a national `0*` must not swallow `0044…`.
    fn first_match(&self, cleaned: &str) -> Option<((usize, usize), &PatternSet, &Pattern)> {
        let international = |text: &str| text.starts_with('+') || text.starts_with("00");
        let number_international = international(cleaned);
        self.sets.iter().enumerate().find_map(|(s, set)| {
            set.patterns
                .iter()
                .enumerate()
                .filter(|(_, p)| !number_international || international(&p.matches))
                .find(|(_, p)| MatchPattern::new(&p.matches).matches(cleaned))
                .map(|(p, pattern)| ((s, p), set, pattern))
        })
    }
}

/// A `match` text split into its fixed part and whether a trailing `*` follows.
#[derive(Debug, Clone, Copy)]
pub(super) struct MatchPattern<'a> {
    pub body: &'a str,
    pub star: bool,
}

impl<'a> MatchPattern<'a> {
    pub fn new(text: &'a str) -> Self {
        match text.strip_suffix('*') {
            Some(body) => MatchPattern { body, star: true },
            None => MatchPattern {
                body: text,
                star: false,
            },
        }
    }

    /// Whether the whole of a cleaned number (`+` and ASCII digits) matches.
    pub fn matches(&self, number: &str) -> bool {
        let (n, b) = (number.as_bytes(), self.body.as_bytes());
        let length_fits = if self.star {
            n.len() >= b.len()
        } else {
            n.len() == b.len()
        };
        length_fits
            && b.iter().zip(n).all(|(&p, &c)| covers(p, c))
            && n[b.len()..].iter().all(u8::is_ascii_digit)
    }
}

/// Whether one pattern character accepts one number character (or pattern character: `X`
/// accepts any digit and `X` itself, which is what the unreachable-pattern check needs).
pub(super) fn covers(pattern: u8, c: u8) -> bool {
    match pattern {
        b'X' => c.is_ascii_digit() || c == b'X',
        _ => pattern == c,
    }
}
