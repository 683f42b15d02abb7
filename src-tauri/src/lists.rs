//! The closed lists the window iterates (languages, statuses, codes …), written as constants of
//! the generated contract so the UI never keeps its own copy. Each enum's list is read from its
//! own TypeScript union (ts-rs), so a new variant reaches the UI without being listed here.

use switchboard_core::catalogue::{LiveKind, StepKind};
use switchboard_core::connection::{CxoneCloud, SalesforceEnvironment, Vendor};
use switchboard_core::data_actions::kinds::{self, Kind};
use switchboard_core::directory::{AcdAttribute, TranslationStatus, ZoomAttribute};
use switchboard_core::failure::Code;
use switchboard_core::report::ReportFormat;
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::validate::Rule;
use switchboard_core::{ErrorCode, Locale};
use switchboard_emulator::PanelRateLimit;
use ts_rs::{Config, TS};

/// `(constant name, TypeScript type, values)` for each list; a type written `=Alias` is
/// declared from the list (text lists the core keeps as constants).
pub fn all() -> Vec<(&'static str, &'static str, Vec<String>)> {
    vec![
        ("LOCALES", "Locale", variants::<Locale>()),
        ("VENDORS", "Vendor", variants::<Vendor>()),
        ("STEP_STATUSES", "StepStatus", variants::<StepStatus>()),
        ("STEP_KINDS", "StepKind", variants::<StepKind>()),
        ("LIVE_KINDS", "LiveKind", variants::<LiveKind>()),
        ("REPORT_FORMATS", "ReportFormat", variants::<ReportFormat>()),
        ("ERROR_CODES", "ErrorCode", variants::<ErrorCode>()),
        (
            "VALIDATION_CODES",
            "=ValidationCode",
            strings(switchboard_core::validate::CODES),
        ),
        ("DIAGNOSIS_CODES", "DiagnosisCode", variants::<Code>()),
        ("ACD_ATTRIBUTES", "AcdAttribute", variants::<AcdAttribute>()),
        (
            "ZOOM_ATTRIBUTES",
            "ZoomAttribute",
            variants::<ZoomAttribute>(),
        ),
        (
            "TRANSLATION_STATUSES",
            "TranslationStatus",
            variants::<TranslationStatus>(),
        ),
        (
            "GENESYS_REGIONS",
            "string",
            strings(switchboard_core::validate::GENESYS_REGIONS),
        ),
        ("CXONE_CLOUDS", "CxoneCloud", variants::<CxoneCloud>()),
        ("DATA_ACTION_KINDS", "Kind", variants::<Kind>()),
        (
            "SALESFORCE_ENVIRONMENTS",
            "SalesforceEnvironment",
            variants::<SalesforceEnvironment>(),
        ),
        (
            "RATE_LIMIT_MODES",
            "RateLimitMode",
            variants::<PanelRateLimit>(),
        ),
    ]
}

/// Data the window reads as is: each vendor's keychain secrets (`optional` when a Test can do
/// without, like a Salesforce security token); each data-action kind's credential types and
/// each credential type's fields (name, validation rule, required, kept in the keychain).
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
    let credential_fields: serde_json::Map<String, serde_json::Value> = kinds::CREDENTIAL_TYPES
        .iter()
        .map(|t| {
            let fields = kinds::fields(t)
                .iter()
                .map(|f| {
                    let rule = if f.secret { Rule::Secret } else { f.rule };
                    serde_json::json!({
                        "name": f.name, "rule": rule, "required": f.required, "secret": f.secret,
                    })
                })
                .collect();
            ((*t).to_owned(), serde_json::Value::Array(fields))
        })
        .collect();
    let kind_types: serde_json::Map<String, serde_json::Value> = Kind::ALL
        .into_iter()
        .map(|k| {
            (
                k.as_str().to_owned(),
                serde_json::json!(k.credential_types()),
            )
        })
        .collect();
    vec![
        ("VENDOR_SECRETS", serde_json::Value::Object(secrets)),
        (
            "CREDENTIAL_FIELDS",
            serde_json::Value::Object(credential_fields),
        ),
        (
            "KIND_CREDENTIAL_TYPES",
            serde_json::Value::Object(kind_types),
        ),
        (
            "CREDENTIAL_TESTABLE_KINDS",
            serde_json::json!(switchboard_core::data_actions::target_check::TESTABLE),
        ),
        (
            "GENESYS_AWS_ACCOUNT",
            serde_json::json!(kinds::GENESYS_AWS_ACCOUNT),
        ),
    ]
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

/// The values of a unit enum, in declaration order, read from its TypeScript union
/// (`"a" | "b" | …`): exactly what travels, since ts-rs follows the serde names.
fn variants<T: TS>() -> Vec<String> {
    T::inline(&Config::new())
        .split(" | ")
        .map(|v| {
            assert!(
                v.starts_with('"') && v.ends_with('"'),
                "{} is not a union of strings: {v}",
                T::name(&Config::new())
            );
            v.trim_matches('"').to_owned()
        })
        .collect()
}
