//! Reading an address book CSV export (Excel, Google Sheets, an HR tool) into a preview: which
//! rows become entries and which are refused, and why, line by line.
//!
//! Files come from French and Japanese Excel as often as from English tools, so the separator
//! (`,`, `;` or tab) is detected, the encoding too (UTF-8, UTF-16, Shift_JIS, Windows-1252:
//! [`encoding`]), and headers are recognised in English, French and Japanese. A bad row never
//! blocks the good ones; a column that is not recognised is named, not silently dropped.

use std::collections::HashMap;

use serde::Serialize;

use super::entry::{Entry, EntryProblem, check_entry};
use crate::directory::phone::Region;

mod encoding;
mod headers;

pub use encoding::Encoding;
pub use headers::Column;
use headers::{draft, recognise};
use ts_rs::TS;

/// The preview of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "CsvImport")]
#[serde(rename_all = "camelCase")]
pub struct Import {
    pub separator: char,
    pub had_bom: bool,
    pub encoding: Encoding,
    pub columns: Vec<Column>,
    /// The headers of the columns no entry field was recognised in: their cells are not
    /// imported, and the admin should know (a `Fax` column, or `Phone` misspelt).
    pub ignored_columns: Vec<String>,
    pub accepted: Vec<AcceptedRow>,
    pub rejected: Vec<RejectedRow>,
}

/// `line` is the 1-based line of the file where the row starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AcceptedRow {
    pub line: u64,
    pub entry: Entry,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RejectedRow {
    pub line: u64,
    pub problems: Vec<EntryProblem>,
    /// The cells as read, so the admin can find and fix the row.
    pub raw: Vec<String>,
    /// For `row.duplicate`: the line of the accepted row it repeats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<u64>,
}

/// Why the file as a whole cannot be read; the UI translates the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code")]
pub enum ImportError {
    /// Not readable as text: a UTF-8 or UTF-16 file whose bytes break the encoding its byte-order
    /// mark claims, or NUL bytes (UTF-16 without its mark, or not a text file); `line` is where
    /// the first offending byte is. Fix: save as "CSV UTF-8".
    #[error("import.not_utf8")]
    #[serde(rename = "import.not_utf8")]
    NotUtf8 { line: u64 },
    /// No header row.
    #[error("import.empty")]
    #[serde(rename = "import.empty")]
    Empty,
    /// The header has no column for these required fields (camelCase names).
    #[error("import.missing_columns")]
    #[serde(rename = "import.missing_columns")]
    MissingColumns { missing: Vec<&'static str> },
    /// Two columns mean the same field (`Phone` and `Téléphone`): which one to use is unclear.
    #[error("import.duplicate_column")]
    #[serde(rename = "import.duplicate_column")]
    DuplicateColumn { field: &'static str },
    /// The CSV reader gave up at this line.
    #[error("import.malformed")]
    #[serde(rename = "import.malformed")]
    Malformed { line: u64 },
    /// Larger than [`MAX_BYTES`] (`max_mb`): not an address book export.
    #[error("import.too_large")]
    #[serde(rename = "import.too_large")]
    TooLarge { max_mb: usize },
    /// More than [`MAX_ROWS`] data rows (`max`): split the file.
    #[error("import.too_many_rows")]
    #[serde(rename = "import.too_many_rows")]
    TooManyRows { max: usize },
}

/// The largest file read: an address book of [`MAX_ROWS`] people fits well within it.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most data rows one import may hold.
pub const MAX_ROWS: usize = 50_000;

impl ImportError {
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::NotUtf8 { .. } => "import.not_utf8",
            ImportError::Empty => "import.empty",
            ImportError::MissingColumns { .. } => "import.missing_columns",
            ImportError::DuplicateColumn { .. } => "import.duplicate_column",
            ImportError::Malformed { .. } => "import.malformed",
            ImportError::TooLarge { .. } => "import.too_large",
            ImportError::TooManyRows { .. } => "import.too_many_rows",
        }
    }
}

/// Reads a CSV file's bytes into a preview; national phone numbers are read within `region`.
pub fn read_csv(bytes: &[u8], region: Region) -> Result<Import, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            max_mb: MAX_BYTES / (1024 * 1024),
        });
    }
    let decoded = encoding::decode(bytes, region)?;
    let text: &str = &decoded.text;
    let separator = detect_separator(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator as u8)
        .from_reader(text.as_bytes());
    let mut records = reader.records().filter(|r| match r {
        Ok(record) => record.iter().any(|cell| !cell.trim().is_empty()),
        Err(_) => true,
    });
    let line_of = |e: &::csv::Error| e.position().map_or(0, |p| p.line());

    let header = match records.next() {
        None => return Err(ImportError::Empty),
        Some(Err(e)) => return Err(ImportError::Malformed { line: line_of(&e) }),
        Some(Ok(header)) => header,
    };
    let columns = recognise(&header)?;
    let ignored_columns = columns
        .iter()
        .filter(|c| c.field.is_none() && !c.header.is_empty())
        .map(|c| c.header.clone())
        .collect();

    let mut accepted: Vec<AcceptedRow> = Vec::new();
    let mut rejected = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut lines = Lines::new(text);
    for (index, record) in records.enumerate() {
        if index >= MAX_ROWS {
            return Err(ImportError::TooManyRows { max: MAX_ROWS });
        }
        let record = record.map_err(|e| ImportError::Malformed { line: line_of(&e) })?;
        let line = lines.start_of(record.position().map_or(0, |p| p.byte()));
        let raw: Vec<String> = record.iter().map(str::to_owned).collect();
        let reject = |problems, duplicate_of| RejectedRow {
            line,
            problems,
            raw: raw.clone(),
            duplicate_of,
        };
        if record.len() != columns.len() {
            rejected.push(reject(vec![EntryProblem::row("row.cell_count")], None));
            continue;
        }
        match check_entry(&draft(&columns, &raw), region) {
            Err(problems) => rejected.push(reject(problems, None)),
            Ok(entry) => match seen.get(&entry.key()) {
                Some(&first) => rejected.push(reject(
                    vec![EntryProblem::row("row.duplicate")],
                    Some(first),
                )),
                None => {
                    seen.insert(entry.key(), line);
                    accepted.push(AcceptedRow { line, entry });
                }
            },
        }
    }
    Ok(Import {
        separator,
        had_bom: decoded.had_bom,
        encoding: decoded.encoding,
        columns,
        ignored_columns,
        accepted,
        rejected,
    })
}

/// The line a record starts on. The CSV reader's own line number is where it began reading,
/// which is before the blank lines and the `\n` of a `\r\n` it skips first: it would point one
/// or more lines above the row the admin must look at.
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// Records come in order, so counting resumes where the previous one stopped.
    fn start_of(&mut self, byte: u64) -> u64 {
        let mut start = (byte as usize).clamp(self.offset, self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        self.line += self.text[self.offset..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.offset = start;
        self.line
    }
}

/// The separator that occurs most in the header line outside quotes (`,` on a tie).
fn detect_separator(text: &str) -> char {
    let mut counts = [(',', 0), (';', 0), ('\t', 0)];
    let mut quoted = false;
    let header = text.trim_start_matches(['\r', '\n']);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                if let Some(count) = counts.iter_mut().find(|(s, _)| *s == c) {
                    count.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold(
            (',', 0),
            |best, &(c, n)| if n > best.1 { (c, n) } else { best },
        )
        .0
}
