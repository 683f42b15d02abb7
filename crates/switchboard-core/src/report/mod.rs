//! The hand-over report: the [`Review`] of one profile, assembled only from what the app recorded
//! (connection Tests, step progress and checks, apply runs, remembered certificates, which
//! secrets are saved and when), and its renderings as a self-contained HTML page, Markdown or
//! JSON in English, French or Japanese.
//!
//! Assembling reads the database (`Switchboard::review`, in `switchboard/review.rs`); this module
//! is the model and pure rendering. A `Review` never holds a secret: only names, ids, dates,
//! counts and diagnosis codes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::failure::Code;
use crate::locale::Locale;
use crate::storage::progress::StepStatus;
use crate::vendor::Vendor;

mod dates;
mod document;
mod html;
mod markdown;
mod texts;

pub use dates::{days_until, format_date, format_moment};
pub use html::escape as escape_html;
pub use markdown::escape as escape_markdown;
pub use texts::Texts;

/// A reminder's date counts as soon within this many days.
pub const SOON_DAYS: i64 = 60;

/// Everything the hand-over report says about one profile.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub profile_id: i64,
    pub profile_name: String,
    /// The practice tenant's profile: nothing in it is the customer's.
    pub practice: bool,
    /// ISO-8601 UTC.
    pub generated_at: String,
    pub connections: Vec<ConnectionReview>,
    pub flows: Vec<FlowReview>,
    pub objects: Vec<ObjectReview>,
    pub reminders: Vec<Reminder>,
    pub handover: Handover,
}

/// A connection and its last Test.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReview {
    pub vendor: Vendor,
    /// ISO-8601 UTC; `None` when never tested with these settings.
    pub tested_at: Option<String>,
    pub ok: Option<bool>,
    /// The failed checks of the last Test.
    pub failures: Vec<CheckFailure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckFailure {
    /// The check that failed (`token`, `scopes`, …).
    pub check: String,
    pub code: Code,
}

/// One flow's progress and the steps still open.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlowReview {
    pub id: String,
    pub title: String,
    pub status: StepStatus,
    pub done: usize,
    pub total: usize,
    /// The admin marked the flow as not needed for this customer: it is reported as such, without
    /// its open steps (they are not work left to do).
    pub not_needed: bool,
    pub open: Vec<OpenStep>,
}

/// A step not Done, and why (when the records say).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenStep {
    pub step_id: String,
    pub title: String,
    pub status: StepStatus,
    pub why: Vec<Why>,
}

/// Why a step is still open.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Why {
    /// Waits for another step to be Done.
    #[serde(rename_all = "camelCase")]
    PendingOn { step_id: String, title: String },
    /// The step's last live check failed with this code.
    #[serde(rename_all = "camelCase")]
    CheckFailed { code: Code, checked_at: String },
    /// A value is missing (`required`) or does not follow its rule (the rule's error code).
    #[serde(rename_all = "camelCase")]
    Field { label: String, error: String },
    /// The step's last apply stopped with this code.
    #[serde(rename_all = "camelCase")]
    ApplyFailed { code: String },
}

/// What an object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ObjectKind {
    AddressBook,
    PresenceStatus,
    Integration,
    /// A step whose live check passed against the vendor.
    Check,
    /// An apply of a kind this version does not itemise.
    ApplyRun,
}

/// What the app did with the object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ObjectAction {
    /// The app created it through the vendor's API.
    Created,
    /// It existed and the app checked or updated it through the API.
    Verified,
}

/// An object the app created or verified through a vendor's API.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectReview {
    pub vendor: Vendor,
    pub kind: ObjectKind,
    pub action: ObjectAction,
    pub name: String,
    pub vendor_id: Option<String>,
    /// Address book: entries in the book after the apply.
    pub entries: Option<u64>,
    /// Address book: teams and agents it is assigned to.
    pub assigned: Option<u64>,
    pub flow_id: String,
    pub step_id: String,
    /// ISO-8601 UTC.
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// A certificate expires on `date`.
    CertificateExpiry,
    /// A Salesforce security token, reset whenever the user's password changes; `date` is when
    /// it was saved.
    SecurityToken,
    /// A secret saved on `date`, to rotate under the customer's policy.
    SecretRotation,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub kind: ReminderKind,
    pub vendor: Option<Vendor>,
    /// What it is about: a secret's name, a certificate's status and signing authority.
    pub subject: String,
    /// ISO-8601 UTC.
    pub date: Option<String>,
    /// Within [`SOON_DAYS`] (or past) — shown highlighted.
    pub soon: bool,
}

/// To whom and when the report was handed over, as the admin noted in the last step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Handover {
    pub recipient: Option<String>,
    pub date: Option<String>,
}

/// A report's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    Html,
    Md,
    Json,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Md => "md",
            ReportFormat::Json => "json",
        }
    }

    pub fn parse(text: &str) -> Option<ReportFormat> {
        match text.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(ReportFormat::Html),
            "md" | "markdown" => Some(ReportFormat::Md),
            "json" => Some(ReportFormat::Json),
            _ => None,
        }
    }
}

/// The report as text in `format` and `locale`.
pub fn render(review: &Review, format: ReportFormat, locale: Locale) -> String {
    match format {
        ReportFormat::Html => html::render(review, locale),
        ReportFormat::Md => markdown::render(review, locale),
        ReportFormat::Json => {
            serde_json::to_string_pretty(review).expect("a review always serialises") + "\n"
        }
    }
}

/// `Switchboard report - <Customer> - 2026-12-03.html` (in the report's language): the
/// profile's name made safe as a file name on Windows, macOS and Linux, and the report's date.
pub fn file_name(review: &Review, format: ReportFormat, locale: Locale) -> String {
    let date = review.generated_at.get(..10).unwrap_or("");
    format!(
        "{} - {} - {date}.{}",
        texts::Texts::of(locale).file_stem,
        safe_name(&review.profile_name),
        format.extension()
    )
}

/// `name` without what a file name cannot hold on any of the three systems (`<>:"/\|?*`,
/// control characters), trimmed of dots and spaces at the ends, at most 80 characters.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(80)
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        "profile".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The vendor's name as its own product says it (not translated).
pub fn vendor_name(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Zoom => "Zoom",
        Vendor::Cxone => "NICE CXone",
        Vendor::Salesforce => "Salesforce",
        Vendor::Genesys => "Genesys Cloud",
    }
}

#[cfg(test)]
pub(crate) mod sample;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_hold_the_customer_and_date_and_nothing_a_system_refuses() {
        let mut review = sample::review();
        review.profile_name = "Acme: \"EU\"/FR <prod>?*|\\ ".into();
        assert_eq!(
            file_name(&review, ReportFormat::Html, Locale::En),
            "Switchboard report - Acme_ _EU__FR _prod_____ - 2026-12-03.html"
        );
        review.profile_name = " ... ".into();
        assert_eq!(
            file_name(&review, ReportFormat::Md, Locale::En),
            "Switchboard report - profile - 2026-12-03.md"
        );
        review.profile_name = "山田商事\u{7}".into();
        assert_eq!(
            file_name(&review, ReportFormat::Json, Locale::En),
            "Switchboard report - 山田商事_ - 2026-12-03.json"
        );
    }

    #[test]
    fn the_default_file_name_is_in_the_reports_language() {
        let review = sample::review();
        let name = |locale| file_name(&review, ReportFormat::Html, locale);
        assert!(
            name(Locale::Fr).starts_with("Rapport Switchboard - "),
            "{}",
            name(Locale::Fr)
        );
        assert!(
            name(Locale::Ja).starts_with("Switchboard レポート - "),
            "{}",
            name(Locale::Ja)
        );
    }

    #[test]
    fn formats_parse_from_their_names_and_extensions() {
        assert_eq!(ReportFormat::parse("HTML"), Some(ReportFormat::Html));
        assert_eq!(ReportFormat::parse("markdown"), Some(ReportFormat::Md));
        assert_eq!(ReportFormat::parse("md"), Some(ReportFormat::Md));
        assert_eq!(ReportFormat::parse("json"), Some(ReportFormat::Json));
        assert_eq!(ReportFormat::parse("pdf"), None);
    }

    #[test]
    fn the_json_report_is_the_review() {
        let review = sample::review();
        let json = render(&review, ReportFormat::Json, Locale::Fr);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["profileName"], review.profile_name);
        assert_eq!(value["objects"][0]["vendorId"], "4711");
        assert_eq!(value["flows"][0]["open"][0]["why"][0]["kind"], "pendingOn");
    }
}
