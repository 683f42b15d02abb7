//! The journal as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel in French or
//! Japanese settings reads the accents and kana instead of guessing a code page), every cell
//! quoted as needed, and cells a spreadsheet would run as a formula neutralised (OWASP "CSV
//! injection": a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'`
//! first, so it is shown as text). Vendor names, details and profile names are typed by people
//! and vendors, so every cell is treated this way.

use crate::locale::Locale;
use crate::storage::journal::Entry;

const BOM: &str = "\u{feff}";

/// The column headings in the admin's language.
fn headings(locale: Locale) -> [&'static str; 5] {
    match locale {
        Locale::En => ["Time (UTC)", "Vendor", "Action", "Outcome", "Detail"],
        Locale::Fr => ["Heure (UTC)", "Éditeur", "Action", "Résultat", "Détail"],
        Locale::Ja => ["日時 (UTC)", "ベンダー", "操作", "結果", "詳細"],
    }
}

/// A cell as text a spreadsheet shows and never evaluates.
pub fn neutralised(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// The entries as CSV text (CRLF line ends, as spreadsheets expect), headings first.
pub fn to_csv(entries: &[Entry], locale: Locale) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(headings(locale));
    for entry in entries {
        let row = [
            entry.at.as_str(),
            entry.vendor.as_deref().unwrap_or(""),
            entry.action.as_str(),
            entry.outcome.as_str(),
            entry.detail.as_deref().unwrap_or(""),
        ];
        let _ = writer.write_record(row.map(neutralised));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: &str, detail: &str) -> Entry {
        Entry {
            at: "2026-12-03T10:00:00.000Z".into(),
            profile_id: Some(1),
            vendor: Some("genesys".into()),
            action: action.into(),
            outcome: "ok".into(),
            detail: Some(detail.into()),
        }
    }

    #[test]
    fn formula_cells_are_shown_as_text() {
        for cell in [
            "=1+1",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"http://x\")",
        ] {
            assert_eq!(neutralised(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["plain", "1-2", "a=b", "", "'quoted"] {
            assert_eq!(neutralised(cell), cell);
        }
    }

    #[test]
    fn the_file_starts_with_a_bom_and_quotes_what_needs_quoting() {
        let csv = to_csv(
            &[
                entry("=cmd|' /C calc'!A0", "a, \"b\"\nc"),
                entry("profile.create", "Équipe 東京"),
            ],
            Locale::Fr,
        );
        assert!(csv.starts_with("\u{feff}Heure (UTC),Éditeur,"));
        let body = csv.trim_start_matches('\u{feff}');
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][2], "'=cmd|' /C calc'!A0");
        assert_eq!(&rows[0][4], "a, \"b\"\nc");
        assert_eq!(&rows[1][4], "Équipe 東京");
        assert!(body.contains("\r\n"));
    }
}
