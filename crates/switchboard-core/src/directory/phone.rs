//! Phone numbers parsed with an explicit region, never a silent default, and given out as E.164.
//!
//! The `phonenumber` crate mishandles some inputs (whisperfish/rust-phonenumber #29, #30, #68,
//! #76, #100): `+33142764978` parsed with region US comes back as `+3342764978`, and `0033…`
//! without a region is refused. So the international call prefix is rewritten to `+` here,
//! numbers starting with `+` are parsed without a region, and every result must pass `is_valid`.

use std::fmt;
use std::str::FromStr;

use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, ParseError};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// A region known to the phone metadata, by its ISO 3166-1 alpha-2 code (`FR`, `JP`, `US`).
/// National numbers (`01 42 76 49 78`) only mean something within one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, TS)]
pub struct Region(#[ts(type = "string")] Id);

/// A region code that is not an ISO 3166-1 alpha-2 code the phone metadata knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("region.unknown")]
pub struct UnknownRegion;

impl UnknownRegion {
    pub fn code(&self) -> &'static str {
        "region.unknown"
    }
}

impl Region {
    /// The ISO code, upper case (`FR`).
    pub fn code(&self) -> &str {
        self.0.as_ref()
    }

    /// The country calling code (`33` for FR, `1` for US and Canada).
    pub fn calling_code(&self) -> u16 {
        DATABASE
            .by_id(self.code())
            .map(|m| m.country_code())
            .expect("a Region is only built for regions in the metadata")
    }
}

impl FromStr for Region {
    type Err = UnknownRegion;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        let id = Id::from_str(&upper).map_err(|_| UnknownRegion)?;
        // Every Id should have metadata, but a Region is a promise that parsing can use it.
        DATABASE.by_id(id.as_ref()).ok_or(UnknownRegion)?;
        Ok(Region(id))
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("region.unknown: {text}")))
    }
}

/// A valid number in E.164 form (`+33142764978`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct E164(String);

impl E164 {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Only international (`+…`) numbers: no region is needed to read them back.
impl FromStr for E164 {
    type Err = PhoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let cleaned = clean(s)?;
        if !cleaned.starts_with('+') {
            return Err(PhoneError::Unparseable);
        }
        parse_cleaned(&cleaned, None)
    }
}

impl<'de> Deserialize<'de> for E164 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|e: PhoneError| serde::de::Error::custom(format!("{}: {text}", e.code())))
    }
}

/// Why a number was refused; the UI translates the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum PhoneError {
    /// Nothing but spaces and punctuation.
    #[error("phone.empty")]
    Empty,
    /// Not a phone number at all: letters, a `+` in the middle, an extension.
    #[error("phone.unparseable")]
    Unparseable,
    /// Shaped like a number but not a valid one for its country (too short, unknown range).
    #[error("phone.invalid")]
    Invalid,
}

impl PhoneError {
    pub fn code(&self) -> &'static str {
        match self {
            PhoneError::Empty => "phone.empty",
            PhoneError::Unparseable => "phone.unparseable",
            PhoneError::Invalid => "phone.invalid",
        }
    }
}

impl Serialize for PhoneError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Parses a number as typed, a national one within `region`, and gives it back as E.164.
pub fn parse(input: &str, region: Region) -> Result<E164, PhoneError> {
    let cleaned = clean(input)?;
    let international = match cleaned.strip_prefix('+') {
        Some(_) => cleaned,
        None => without_international_prefix(&cleaned, region).unwrap_or(cleaned),
    };
    if international.starts_with('+') {
        parse_cleaned(&international, None)
    } else {
        parse_cleaned(&international, Some(region))
    }
}

/// A cleaned number already in international form — `+CC…`, or `00CC…` (the prefix most of the
/// world dials) — read without any region: `None` when it is in neither form.
pub fn parse_international(cleaned: &str) -> Option<Result<E164, PhoneError>> {
    let international = match cleaned.strip_prefix("00") {
        Some(rest) if !rest.is_empty() && !rest.starts_with('0') => format!("+{rest}"),
        _ if cleaned.starts_with('+') => cleaned.to_owned(),
        _ => return None,
    };
    Some(parse_cleaned(&international, None))
}

/// Drops the punctuation people type in numbers; refuses anything else that is not a digit or a
/// leading `+`. Full-width digits (typed with a Japanese input method) become ASCII.
pub fn clean(input: &str) -> Result<String, PhoneError> {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '0'..='9' | '+' => out.push(c),
            '０'..='９' => out.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '＋' => out.push('+'),
            ' ' | '.' | '-' | '(' | ')' | '\t' | '/' => {}
            // no-break, narrow no-break and ideographic spaces; hyphens and dashes of all kinds
            '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{3000}' | '\u{2010}'..='\u{2015}' => {}
            '\u{2212}' | '\u{ff0d}' | '\u{30fc}' | '\u{ff08}' | '\u{ff09}' => {}
            _ => return Err(PhoneError::Unparseable),
        }
    }
    if out.is_empty() {
        return Err(PhoneError::Empty);
    }
    if out[1..].contains('+') {
        return Err(PhoneError::Unparseable);
    }
    Ok(out)
}

/// `0033…` in France, `011 33…` in the US, `010 33…` in Japan: the region's own international
/// call prefix (from the metadata) becomes `+`, so the number is read without the region.
fn without_international_prefix(digits: &str, region: Region) -> Option<String> {
    let idd = DATABASE.by_id(region.code())?.international_prefix()?;
    let found = idd.find(digits)?;
    let rest = &digits[found.end()..];
    // A country code never starts with 0; such a number is a national one after all.
    (found.start() == 0 && !rest.is_empty() && !rest.starts_with('0')).then(|| format!("+{rest}"))
}

fn parse_cleaned(cleaned: &str, region: Option<Region>) -> Result<E164, PhoneError> {
    let number = phonenumber::parse(region.map(|r| r.0), cleaned).map_err(|e| match e {
        ParseError::NoNumber => PhoneError::Unparseable,
        _ => PhoneError::Invalid,
    })?;
    if number.extension().is_some() || !number.is_valid() {
        return Err(PhoneError::Invalid);
    }
    Ok(E164(number.format().mode(Mode::E164).to_string()))
}
