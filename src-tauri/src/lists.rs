//! The closed lists the window iterates (languages, statuses, codes …), written as constants of
//! the generated contract so the UI never keeps its own copy.

use serde::Serialize;
use switchboard_core::catalogue::{LiveKind, StepKind};
use switchboard_core::connection::{CxoneCloud, SalesforceEnvironment, Vendor};
use switchboard_core::directory::{AcdAttribute, TranslationStatus, ZoomAttribute};
use switchboard_core::failure::Code;
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::{ErrorCode, Locale};
use switchboard_emulator::PanelRateLimit;

/// `(constant name, TypeScript type, values)` for each list.
pub fn all() -> Vec<(&'static str, &'static str, Vec<String>)> {
    use StepStatus::*;
    vec![
        ("LOCALES", "Locale", texts(&Locale::ALL)),
        ("VENDORS", "Vendor", texts(&Vendor::ALL)),
        (
            "STEP_STATUSES",
            "StepStatus",
            texts(&[NotStarted, InProgress, NeedsAttention, Done]),
        ),
        (
            "STEP_KINDS",
            "StepKind",
            texts(&[
                StepKind::Manual,
                StepKind::Verified,
                StepKind::Automated,
                StepKind::Editor,
            ]),
        ),
        (
            "LIVE_KINDS",
            "LiveKind",
            texts(&[
                LiveKind::ZoomScopes,
                LiveKind::ZoomPsScopes,
                LiveKind::CxoneAddressBook,
                LiveKind::DirectorySync,
                LiveKind::SfStatuses,
                LiveKind::PresenceRule,
                LiveKind::SfLogin,
                LiveKind::SfPreflight,
            ]),
        ),
        (
            "ERROR_CODES",
            "ErrorCode",
            texts(&[
                ErrorCode::Validation,
                ErrorCode::NotFound,
                ErrorCode::Conflict,
                ErrorCode::KeychainUnavailable,
                ErrorCode::Storage,
                ErrorCode::InvalidLink,
                ErrorCode::Internal,
                ErrorCode::Vendor,
                ErrorCode::ConnectionMissing,
                ErrorCode::LiveCheckRequired,
            ]),
        ),
        (
            "VALIDATION_CODES",
            "=ValidationCode",
            strings(switchboard_core::validate::CODES),
        ),
        ("DIAGNOSIS_CODES", "DiagnosisCode", texts(Code::ALL)),
        ("ACD_ATTRIBUTES", "AcdAttribute", texts(AcdAttribute::ALL)),
        (
            "ZOOM_ATTRIBUTES",
            "ZoomAttribute",
            texts(ZoomAttribute::ALL),
        ),
        (
            "TRANSLATION_STATUSES",
            "TranslationStatus",
            texts(&[
                TranslationStatus::Translated,
                TranslationStatus::Unchanged,
                TranslationStatus::NoMatch,
                TranslationStatus::Invalid,
                TranslationStatus::Empty,
            ]),
        ),
        (
            "GENESYS_REGIONS",
            "string",
            strings(switchboard_core::validate::GENESYS_REGIONS),
        ),
        (
            "CXONE_CLOUDS",
            "CxoneCloud",
            texts(&[CxoneCloud::Commercial, CxoneCloud::UsGov]),
        ),
        (
            "SALESFORCE_ENVIRONMENTS",
            "SalesforceEnvironment",
            texts(&[
                SalesforceEnvironment::Production,
                SalesforceEnvironment::Sandbox,
                SalesforceEnvironment::Hyperforce,
                SalesforceEnvironment::MyDomain,
            ]),
        ),
        (
            "RATE_LIMIT_MODES",
            "RateLimitMode",
            texts(&[
                PanelRateLimit::Off,
                PanelRateLimit::RetryAfterSeconds,
                PanelRateLimit::RetryAfterDate,
                PanelRateLimit::NoRetryAfter,
            ]),
        ),
    ]
}

/// Data the window reads as is: each vendor's keychain secrets (`optional` when a Test can do
/// without, like a Salesforce security token).
pub fn data() -> Vec<(&'static str, serde_json::Value)> {
    let secrets: serde_json::Map<String, serde_json::Value> = Vendor::ALL
        .into_iter()
        .map(|vendor| {
            let fields = vendor
                .secret_fields()
                .iter()
                .map(|f| serde_json::json!({ "name": f.id, "optional": !f.required }))
                .collect();
            (vendor.as_str().to_owned(), serde_json::Value::Array(fields))
        })
        .collect();
    vec![("VENDOR_SECRETS", serde_json::Value::Object(secrets))]
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

/// Each value as it travels (its serde text).
fn texts<T: Serialize>(values: &[T]) -> Vec<String> {
    values
        .iter()
        .map(
            |v| match serde_json::to_value(v).expect("a list value serialises") {
                serde_json::Value::String(text) => text,
                other => other.to_string(),
            },
        )
        .collect()
}
