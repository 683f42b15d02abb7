//! Which text encoding a CSV file is in. Excel saves "CSV" in the system's code page: Windows-1252
//! in France, Shift_JIS in Japan, UTF-16 for "Unicode text"; only "CSV UTF-8" is UTF-8. Refusing
//! those would refuse most files admins actually have, so they are read as what they are.

use std::borrow::Cow;

use encoding_rs::{SHIFT_JIS, UTF_16BE, UTF_16LE, WINDOWS_1252};
use serde::Serialize;
use ts_rs::TS;

use super::ImportError;
use crate::directory::phone::Region;

/// The encoding a file was read as; the preview says so, since a wrong guess shows as odd letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "CsvEncoding")]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-16")]
    Utf16,
    #[serde(rename = "shift_jis")]
    ShiftJis,
    #[serde(rename = "windows-1252")]
    Windows1252,
}

/// A file's text, whether it began with a byte-order mark, and how it was read.
pub(super) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub had_bom: bool,
    pub encoding: Encoding,
}

/// A byte-order mark decides; else valid UTF-8 is UTF-8; else Shift_JIS when it reads cleanly
/// and looks Japanese; else Windows-1252, which gives every byte a character. Only a file that
/// claims an encoding it breaks, or has NUL bytes (UTF-16 without its mark, or not text at
/// all), cannot be read.
pub(super) fn decode(bytes: &[u8], region: Region) -> Result<Decoded<'_>, ImportError> {
    let decoded = if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = std::str::from_utf8(body).map_err(|e| ImportError::NotUtf8 {
            line: line_at(&body[..e.valid_up_to()]),
        })?;
        Decoded {
            text: Cow::Borrowed(text),
            had_bom: true,
            encoding: Encoding::Utf8,
        }
    } else if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(UTF_16LE.decode_without_bom_handling(body).0)?
    } else if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(UTF_16BE.decode_without_bom_handling(body).0)?
    } else if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(ImportError::NotUtf8 {
            line: line_at(&bytes[..nul]),
        });
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        plain(Cow::Borrowed(text), Encoding::Utf8)
    } else if let Some(text) = SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes)
        && (region.code() == "JP" || has_kana(&text))
    {
        plain(text, Encoding::ShiftJis)
    } else {
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        plain(text, Encoding::Windows1252)
    };
    if decoded.text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(decoded)
}

fn plain(text: Cow<'_, str>, encoding: Encoding) -> Decoded<'_> {
    Decoded {
        text,
        had_bom: false,
        encoding,
    }
}

/// UTF-16 text after its mark; a broken pair of surrogates is where it stops being text.
fn utf16(text: Cow<'_, str>) -> Result<Decoded<'_>, ImportError> {
    if let Some(bad) = text.find('\u{FFFD}') {
        return Err(ImportError::NotUtf8 {
            line: line_at(&text.as_bytes()[..bad]),
        });
    }
    Ok(Decoded {
        text,
        had_bom: true,
        encoding: Encoding::Utf16,
    })
}

/// Outside Japan, Shift_JIS only with kana: Windows-1252 accents read as Shift_JIS make kanji
/// and half-width katakana (`Hélène` has a kanji in it), but hiragana and full-width katakana
/// need bytes French text hardly has, while Japanese headers and names nearly always have them.
fn has_kana(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}'))
}

fn line_at(before: &[u8]) -> u64 {
    1 + before.iter().filter(|&&b| b == b'\n').count() as u64
}
