//! Recognising a CSV header: which column holds which entry field, whatever language or
//! spelling the exporting tool used.

use serde::Serialize;

use super::ImportError;
use crate::address_book::entry::EntryDraft;
use ts_rs::TS;

/// A header cell, and the entry field it was recognised as (`None`: ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    pub header: String,
    pub field: Option<&'static str>,
}

/// Header spellings per field, compared after [`fold`] (case, accents, spaces and dashes
/// ignored).
const ALIASES: &[(&str, &[&str])] = &[
    (
        "firstName",
        &[
            "firstname",
            "first name",
            "given name",
            "prénom",
            "名",
            "名前",
        ],
    ),
    (
        "lastName",
        &[
            "lastname",
            "last name",
            "surname",
            "family name",
            "nom",
            "nom de famille",
            "姓",
            "苗字",
        ],
    ),
    (
        "middleName",
        &[
            "middlename",
            "middle name",
            "deuxième prénom",
            "second prénom",
            "ミドルネーム",
        ],
    ),
    (
        "company",
        &[
            "company",
            "société",
            "entreprise",
            "organisation",
            "organization",
            "会社",
            "会社名",
        ],
    ),
    (
        "phone",
        &[
            "phone",
            "business phone",
            "work phone",
            "phone number",
            "téléphone",
            "téléphone professionnel",
            "tel",
            "電話",
            "電話番号",
            "会社電話",
        ],
    ),
    (
        "mobile",
        &[
            "mobile",
            "mobile phone",
            "cell phone",
            "portable",
            "téléphone mobile",
            "携帯",
            "携帯電話",
        ],
    ),
    (
        "email",
        &[
            "email",
            "e-mail",
            "mail",
            "courriel",
            "adresse e-mail",
            "メール",
            "メールアドレス",
        ],
    ),
];

/// The two columns without which no row can become an entry.
const REQUIRED: &[&str] = &["firstName", "lastName"];

pub(super) fn recognise(header: &::csv::StringRecord) -> Result<Vec<Column>, ImportError> {
    let mut columns: Vec<Column> = Vec::new();
    for cell in header {
        let folded = fold(cell);
        let field = ALIASES
            .iter()
            .find(|(_, aliases)| aliases.iter().any(|alias| fold(alias) == folded))
            .map(|(field, _)| *field);
        if let Some(field) = field
            && columns.iter().any(|c| c.field == Some(field))
        {
            return Err(ImportError::DuplicateColumn { field });
        }
        columns.push(Column {
            header: cell.trim().to_owned(),
            field,
        });
    }
    let missing: Vec<&'static str> = REQUIRED
        .iter()
        .copied()
        .filter(|required| !columns.iter().any(|c| c.field == Some(*required)))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::MissingColumns { missing });
    }
    Ok(columns)
}

pub(super) fn draft(columns: &[Column], cells: &[String]) -> EntryDraft {
    let mut draft = EntryDraft::default();
    for (column, cell) in columns.iter().zip(cells) {
        let slot = match column.field {
            Some("firstName") => &mut draft.first_name,
            Some("lastName") => &mut draft.last_name,
            Some("middleName") => &mut draft.middle_name,
            Some("company") => &mut draft.company,
            Some("phone") => &mut draft.phone,
            Some("mobile") => &mut draft.mobile,
            Some("email") => &mut draft.email,
            _ => continue,
        };
        slot.clone_from(cell);
    }
    draft
}

/// A header reduced to what identifies it: lower case, Latin accents removed, and no spaces,
/// dashes, underscores or dots (`Adresse E-mail` and `adresse email` are the same column).
fn fold(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars().flat_map(char::to_lowercase) {
        match c {
            ' ' | '\u{a0}' | '\u{3000}' | '-' | '_' | '.' | '\t' => {}
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            // a decomposed accent (NFD text from macOS) is dropped like a precomposed one
            '\u{300}'..='\u{36f}' => {}
            _ => out.push(c),
        }
    }
    out
}
