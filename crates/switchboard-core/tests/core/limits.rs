//! Text the admin brings back has limits, checked in the core: a step field, a secret, a
//! presence rule's name and every text of an editor's saved document.

use switchboard_core::presence::{DiagramLabels, PresenceRule};
use switchboard_core::secrets::Sensitive;
use switchboard_core::switchboard::address_book::AddressBookDraft;
use switchboard_core::validate::{MAX_DOCUMENT_TEXT, MAX_NAME, MAX_SECRET, MAX_TEXT};
use switchboard_core::{Error, ErrorCode, Locale};

const DIRECTORY: &str = "zoom-directory-sync";
const PRESENCE: &str = "cxone-salesforce-presence";

/// The field a validation error names, and the `max` its `too_long` detail gives.
fn too_long(error: &Error) -> (String, String) {
    assert_eq!(error.code(), ErrorCode::Validation, "{error}");
    let detail = error.detail().expect("a detail");
    assert_eq!(detail.code, "too_long");
    (
        error.field().unwrap().to_owned(),
        detail.params["max"].clone(),
    )
}

#[test]
fn a_step_value_longer_than_its_rule_allows_is_refused_and_not_stored() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let field = "cxone-address-book-name";
    // The address book's step shows once the purpose includes Directory Sync.
    core.set_field(
        p,
        DIRECTORY,
        "choose-purpose",
        "sync-purpose",
        "directory",
        Locale::En,
    )
    .unwrap();
    let step = core
        .flow_view(p, DIRECTORY, Locale::En)
        .unwrap()
        .steps
        .into_iter()
        .find(|s| s.fields.iter().any(|f| f.id == field))
        .unwrap()
        .id;
    let error = core
        .set_field(
            p,
            DIRECTORY,
            &step,
            field,
            &"x".repeat(MAX_TEXT + 1),
            Locale::En,
        )
        .unwrap_err();
    assert_eq!(too_long(&error), (field.to_owned(), MAX_TEXT.to_string()));
    let view = core
        .set_field(
            p,
            DIRECTORY,
            &step,
            field,
            &"x".repeat(MAX_TEXT),
            Locale::En,
        )
        .unwrap();
    let saved = view
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == field);
    assert_eq!(
        saved.unwrap().value.as_deref().map(str::len),
        Some(MAX_TEXT)
    );
}

#[test]
fn a_secret_past_16_kb_is_refused_and_a_service_account_sized_one_is_kept() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let set = |value: String| {
        core.set_secret(
            p,
            DIRECTORY,
            "zoom-app-create",
            "zoom-client-secret",
            &Sensitive::new(value),
            Locale::En,
        )
    };
    let error = set("k".repeat(MAX_SECRET + 1)).unwrap_err();
    assert_eq!(
        too_long(&error),
        ("zoom-client-secret".to_owned(), MAX_SECRET.to_string())
    );
    set("k".repeat(2_400)).unwrap();
}

#[test]
fn a_presence_rule_name_past_200_characters_is_refused() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let labels = DiagramLabels::english();
    let rule = PresenceRule {
        name: "n".repeat(MAX_NAME + 1),
        ..PresenceRule::default()
    };
    let error = core
        .save_presence_rule(p, PRESENCE, &rule, &labels)
        .unwrap_err();
    assert_eq!(too_long(&error), ("name".to_owned(), MAX_NAME.to_string()));
    let rule = PresenceRule {
        name: "n".repeat(MAX_NAME),
        ..PresenceRule::default()
    };
    core.save_presence_rule(p, PRESENCE, &rule, &labels)
        .unwrap();
}

#[test]
fn an_overlong_text_in_a_saved_document_is_refused_by_its_path() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let mut draft: AddressBookDraft = core.address_book_draft(p, DIRECTORY, Locale::En).unwrap();
    let mut json = serde_json::to_value(&draft).unwrap();
    json["entries"] = serde_json::json!([{
        "firstName": "Ana",
        "lastName": "x".repeat(MAX_DOCUMENT_TEXT + 1),
    }]);
    draft = serde_json::from_value(json).unwrap();
    let error = core
        .save_address_book_draft(p, DIRECTORY, &draft)
        .unwrap_err();
    assert_eq!(
        too_long(&error),
        (
            "entries.0.lastName".to_owned(),
            MAX_DOCUMENT_TEXT.to_string()
        )
    );

    let mut doc = core.directory_sync(p, DIRECTORY, Locale::En).unwrap().doc;
    doc.acd_directory = "d".repeat(MAX_DOCUMENT_TEXT + 1);
    let error = core.save_directory_sync(p, DIRECTORY, doc).unwrap_err();
    assert_eq!(
        too_long(&error),
        ("acdDirectory".to_owned(), MAX_DOCUMENT_TEXT.to_string())
    );
}
