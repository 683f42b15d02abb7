//! One CXone Standard address book entry, and the checks that turn what the admin typed (or a
//! CSV row) into one.

use serde::{Deserialize, Serialize};

use crate::directory::phone::{self, Region};
use crate::validate::{self, Rule};
use ts_rs::TS;

pub use crate::vendors::cxone::session::Entry;

/// Longest name or phone field we accept; the CXone console truncates well-meant longer ones.
pub const MAX_FIELD: usize = 50;
/// Company names and email addresses are allowed more.
pub const MAX_LONG_FIELD: usize = 100;

/// An entry as typed in the form or read from a CSV row: every field as text, unchecked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct EntryDraft {
    pub first_name: String,
    pub last_name: String,
    pub middle_name: String,
    pub company: String,
    pub phone: String,
    pub mobile: String,
    pub email: String,
}

/// What is wrong with one field (`field` is its camelCase name) or, without a field, with the
/// whole row. The UI translates `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryProblem {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    pub code: &'static str,
}

impl EntryProblem {
    pub fn field(field: &'static str, code: &'static str) -> Self {
        EntryProblem {
            field: Some(field),
            code,
        }
    }

    pub fn row(code: &'static str) -> Self {
        EntryProblem { field: None, code }
    }
}

/// What a spreadsheet reads as the start of a formula (OWASP "CSV injection"). Tab and carriage
/// return, the other prefixes it lists, are trimmed off every field before this is asked.
fn looks_like_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@'])
}

/// Trims every field, requires both names, checks lengths and the email's shape, and writes the
/// phones in E.164 (national numbers read within `region`). Every problem is reported at once.
///
/// A text that starts like a formula (`=`, `+`, `-`, `@`) is refused as `entry.formula`: CXone
/// lists entries in exports an agent's spreadsheet would run. A phone number starting with `+`
/// is the one exception, and only when it is a valid number.
pub fn check_entry(draft: &EntryDraft, region: Region) -> Result<Entry, Vec<EntryProblem>> {
    let mut problems = Vec::new();
    let mut text = |field: &'static str, value: &str, max: usize| -> Option<String> {
        let value = value.trim();
        if value.chars().count() > max {
            problems.push(EntryProblem::field(field, "entry.too_long"));
        }
        if looks_like_formula(value) {
            problems.push(EntryProblem::field(field, "entry.formula"));
        }
        (!value.is_empty()).then(|| value.to_owned())
    };
    let first_name = text("firstName", &draft.first_name, MAX_FIELD);
    let last_name = text("lastName", &draft.last_name, MAX_FIELD);
    let middle_name = text("middleName", &draft.middle_name, MAX_FIELD);
    let company = text("company", &draft.company, MAX_LONG_FIELD);
    let email = text("email", &draft.email, MAX_LONG_FIELD);
    if first_name.is_none() {
        problems.push(EntryProblem::field("firstName", "entry.first_name_missing"));
    }
    if last_name.is_none() {
        problems.push(EntryProblem::field("lastName", "entry.last_name_missing"));
    }
    if let Some(email) = &email
        && validate::check(Rule::Email, email, false, &[]).is_some()
    {
        problems.push(EntryProblem::field("email", "entry.email_invalid"));
    }
    let mut number = |field: &'static str, value: &str| -> Option<String> {
        if value.trim().is_empty() {
            return None;
        }
        match phone::parse(value, region) {
            Ok(number) => Some(number.to_string()),
            // `=1+2` is not a bad number but a formula: say that, it is what to fix.
            Err(_) if looks_like_formula(value.trim()) => {
                problems.push(EntryProblem::field(field, "entry.formula"));
                None
            }
            Err(e) => {
                problems.push(EntryProblem::field(field, e.code()));
                None
            }
        }
    };
    let phone = number("phone", &draft.phone);
    let mobile = number("mobile", &draft.mobile);
    match (first_name, last_name) {
        (Some(first_name), Some(last_name)) if problems.is_empty() => Ok(Entry {
            first_name,
            last_name,
            middle_name,
            company,
            phone,
            mobile,
            email,
        }),
        _ => Err(problems),
    }
}
