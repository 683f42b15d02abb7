//! The country codes Salesforce's Zoom settings hold (the caller's number is looked up with
//! them): real country calling codes only, each named by the regions that use it, no duplicate,
//! at most twenty, kept as the admin entered them, in the canonical `+1, +33, +81` form.
//!
//! An admin types `+33`, `33`, `0033`, `＋３３` (a Japanese IME's full-width form) or a region
//! code (`FR`); all mean +33. Codes the phone metadata does not know (`+999`) and the
//! non-geographic ones (`+800` freephone, `+882` networks: no caller's country) are refused.

use phonenumber::metadata::DATABASE;
use serde::Serialize;
use ts_rs::TS;

/// Zoom Contact Center keeps at most this many codes.
pub const MAX: usize = 20;

/// What Salesforce's Zoom settings hold before anyone edits them.
pub const DEFAULT: &str = "+1";

/// The region code libphonenumber gives non-geographic entities (`+800`, `+882` …).
const NON_GEOGRAPHIC: &str = "001";

/// One valid code and the regions dialled with it, the main one first (`+1`: US, then AG, AI …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "CountryCallingCode")]
#[serde(rename_all = "camelCase")]
pub struct CountryCode {
    pub code: u16,
    /// ISO 3166-1 alpha-2 codes; the window names them in the admin's language.
    pub regions: Vec<String>,
}

impl CountryCode {
    /// `+33`, as Salesforce's field takes it.
    pub fn text(&self) -> String {
        format!("+{}", self.code)
    }
}

/// Why an entry is not a country code; `code()` is its validation code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryError {
    /// Not `+digits`, `00digits`, digits or a region code.
    Shape,
    /// Shaped like a code, but no country is dialled with it (`+999`, `+1809` is an area).
    Unknown,
    /// A code with no country: international freephone, satellite networks.
    NonGeographic,
    /// Already in the list (as `+33`, whatever form the admin typed).
    Duplicate(u16),
    /// The list already holds [`MAX`].
    TooMany,
}

impl EntryError {
    pub fn code(&self) -> &'static str {
        match self {
            EntryError::Shape => "country_code_shape",
            EntryError::Unknown => "country_code_unknown",
            EntryError::NonGeographic => "country_code_non_geographic",
            EntryError::Duplicate(_) => "country_code_duplicate",
            EntryError::TooMany => "too_many_country_codes",
        }
    }
}

/// One entry of a saved list, as the editor shows it: the text, and what it is or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "CountryCodeEntry")]
#[serde(rename_all = "camelCase")]
pub struct ListEntry {
    pub text: String,
    pub country: Option<CountryCode>,
    /// The validation code when the entry is refused (see [`EntryError::code`]).
    #[ts(type = "ValidationCode | null")]
    pub problem: Option<&'static str>,
}

/// Reads one entry the admin typed.
pub fn parse(entry: &str) -> Result<CountryCode, EntryError> {
    let narrow: String = entry.trim().chars().map(narrow_char).collect();
    let labelled = labelled_code(&narrow);
    let text = labelled.unwrap_or(&narrow);
    let text = text.trim_start_matches('(').trim_end_matches(')').trim();
    if text.len() == 2 && text.chars().all(|c| c.is_ascii_alphabetic()) {
        let region = text.to_ascii_uppercase();
        return DATABASE
            .by_id(region.as_str())
            .map(|m| m.country_code())
            .and_then(country)
            .ok_or(EntryError::Unknown);
    }
    let digits = text
        .strip_prefix('+')
        .or_else(|| text.strip_prefix("00"))
        .unwrap_or(text)
        .trim_start();
    // `+1 809`, `+1-809`: a country code followed by an area code is no country code.
    let spaced = digits
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.'));
    if spaced && digits.chars().filter(char::is_ascii_digit).count() > 3 {
        return Err(EntryError::Unknown);
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(EntryError::Shape);
    }
    // The longest calling code has three digits; a fourth is an area code (+1 809).
    if digits.len() > 3 || digits.starts_with('0') {
        return Err(EntryError::Unknown);
    }
    let code: u16 = digits.parse().map_err(|_| EntryError::Shape)?;
    let regions = DATABASE.region(&code).ok_or(EntryError::Unknown)?;
    if regions.iter().all(|r| *r == NON_GEOGRAPHIC) {
        return Err(EntryError::NonGeographic);
    }
    country(code).ok_or(EntryError::Unknown)
}

/// `+33` out of `France (+33)` or `+33 France`: a code written beside a country's name (as
/// lists of codes show them), when nothing else in the entry is a digit.
fn labelled_code(text: &str) -> Option<&str> {
    let plus = text.find('+')?;
    let end = text[plus + 1..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len(), |n| plus + 1 + n);
    let rest = || text[..plus].chars().chain(text[end..].chars());
    let named = rest().any(char::is_alphabetic);
    let other_digits = rest().any(|c| c.is_ascii_digit());
    // The name stands apart (`+33a` is a typo, not a label).
    let apart = !text[end..].starts_with(char::is_alphanumeric)
        && !text[..plus].ends_with(char::is_alphanumeric);
    (end > plus + 1 && named && apart && !other_digits).then(|| &text[plus..end])
}

/// The code with its regions, main region first; `None` for a code with no region.
fn country(code: u16) -> Option<CountryCode> {
    let mut found: Vec<(bool, String)> = DATABASE
        .by_code(&code)?
        .into_iter()
        .filter(|m| m.id() != NON_GEOGRAPHIC)
        .map(|m| (!m.is_main_country_for_code(), m.id().to_owned()))
        .collect();
    found.sort();
    found.dedup();
    let regions: Vec<String> = found.into_iter().map(|(_, id)| id).collect();
    (!regions.is_empty()).then_some(CountryCode { code, regions })
}

/// A full-width digit or plus sign (what an IME in full-width mode types) as its ASCII form.
fn narrow_char(c: char) -> char {
    match c {
        '＋' => '+',
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        'Ａ'..='Ｚ' => char::from_u32(c as u32 - 'Ａ' as u32 + 'A' as u32).unwrap_or(c),
        'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'a' as u32).unwrap_or(c),
        '（' => '(',
        '）' => ')',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The entries of a saved value (comma-, semicolon-, space- or line-separated), each read, the
/// second of two equal codes marked as a duplicate and every entry past [`MAX`] as too many.
pub fn entries(value: &str) -> Vec<ListEntry> {
    let mut seen: Vec<u16> = Vec::new();
    split(value)
        .map(|text| {
            let read = parse(text).and_then(|c| {
                if seen.contains(&c.code) {
                    Err(EntryError::Duplicate(c.code))
                } else if seen.len() >= MAX {
                    Err(EntryError::TooMany)
                } else {
                    seen.push(c.code);
                    Ok(c)
                }
            });
            match read {
                Ok(country) => ListEntry {
                    text: country.text(),
                    country: Some(country),
                    problem: None,
                },
                Err(e) => ListEntry {
                    text: text.to_owned(),
                    country: None,
                    problem: Some(e.code()),
                },
            }
        })
        .collect()
}

/// The first problem of a saved value, with the entry it is about.
pub fn first_problem(value: &str) -> Option<(&'static str, String)> {
    entries(value)
        .into_iter()
        .find_map(|e| e.problem.map(|p| (p, e.text)))
}

/// The list with `entry` added at the end, in canonical form; refused when the entry is not a
/// code, is already listed, or the list is full.
pub fn add(value: &str, entry: &str) -> Result<(String, CountryCode), EntryError> {
    let country = parse(entry)?;
    let listed: Vec<ListEntry> = entries(value);
    if listed
        .iter()
        .any(|e| e.country.as_ref().is_some_and(|c| c.code == country.code))
    {
        return Err(EntryError::Duplicate(country.code));
    }
    if listed.iter().filter(|e| e.country.is_some()).count() >= MAX {
        return Err(EntryError::TooMany);
    }
    let mut texts: Vec<String> = listed.into_iter().map(|e| e.text).collect();
    texts.push(country.text());
    Ok((texts.join(", "), country))
}

/// The saved value rewritten canonically (`33 ; ００８１` → `+33, +81`); entries that are
/// refused stay as typed, so the admin sees and fixes them.
pub fn canonical(value: &str) -> String {
    entries(value)
        .into_iter()
        .map(|e| e.text)
        .collect::<Vec<_>>()
        .join(", ")
}

fn split(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([',', ';', '\n', '、', '，', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(entry: &str) -> Result<u16, &'static str> {
        parse(entry).map(|c| c.code).map_err(|e| e.code())
    }

    #[test]
    fn every_way_an_admin_types_a_code_means_the_same_code() {
        for typed in [
            "+33",
            "33",
            "0033",
            "＋３３",
            " +33 ",
            "(+33)",
            "FR",
            "fr",
            "ＦＲ",
        ] {
            assert_eq!(code(typed), Ok(33), "{typed}");
        }
        assert_eq!(code("+81"), Ok(81));
        assert_eq!(code("JP"), Ok(81));
        assert_eq!(code("+1"), Ok(1));
        // Pasted from a list of codes, with the country's name.
        assert_eq!(code("France (+33)"), Ok(33));
        assert_eq!(code("+81 Japon"), Ok(81));
        assert_eq!(code("日本（＋８１）"), Ok(81));
    }

    #[test]
    fn a_code_is_named_by_its_regions_main_one_first() {
        let nanp = parse("+1").unwrap();
        assert_eq!(nanp.regions[0], "US");
        assert!(nanp.regions.contains(&"CA".to_owned()));
        assert_eq!(parse("+44").unwrap().regions[0], "GB");
        assert_eq!(parse("+7").unwrap().regions[0], "RU");
        assert_eq!(parse("+33").unwrap().regions, vec!["FR"]);
    }

    #[test]
    fn codes_no_country_is_dialled_with_are_refused() {
        assert_eq!(code("+999"), Err("country_code_unknown"));
        assert_eq!(code("+1809"), Err("country_code_unknown"));
        assert_eq!(code("+1 809"), Err("country_code_unknown"));
        assert_eq!(code("+1-809"), Err("country_code_unknown"));
        assert_eq!(code("+0"), Err("country_code_unknown"));
        assert_eq!(code("+800"), Err("country_code_non_geographic"));
        assert_eq!(code("+882"), Err("country_code_non_geographic"));
        assert_eq!(code("ZZ"), Err("country_code_unknown"));
        assert_eq!(code("France"), Err("country_code_shape"));
        assert_eq!(code("+33a"), Err("country_code_shape"));
        assert_eq!(code(""), Err("country_code_shape"));
    }

    #[test]
    fn adding_refuses_a_duplicate_in_any_form_and_a_twenty_first_code() {
        let (list, added) = add("+1", "0033").unwrap();
        assert_eq!(list, "+1, +33");
        assert_eq!(added.code, 33);
        assert_eq!(add(&list, "FR").unwrap_err(), EntryError::Duplicate(33));
        let full = [
            1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49,
        ]
        .map(|c| format!("+{c}"))
        .join(", ");
        assert_eq!(add(&full, "+81").unwrap_err(), EntryError::TooMany);
    }

    #[test]
    fn a_saved_list_is_read_entry_by_entry_in_any_separator() {
        let read = entries("33 ; ００８１、+33\n+999");
        let texts: Vec<_> = read.iter().map(|e| (e.text.as_str(), e.problem)).collect();
        assert_eq!(
            texts,
            vec![
                ("+33", None),
                ("+81", None),
                ("+33", Some("country_code_duplicate")),
                ("+999", Some("country_code_unknown")),
            ]
        );
        assert_eq!(canonical("33 ; ００８１"), "+33, +81");
        assert_eq!(
            first_problem("+1, +33, +33"),
            Some(("country_code_duplicate", "+33".to_owned()))
        );
        assert_eq!(first_problem(""), None);
    }
}
