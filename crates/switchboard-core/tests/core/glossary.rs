//! One vocabulary per language: every catalogue text and every string of the window's i18n
//! files uses the glossary's term for each vendor concept it names, and follows its language's
//! rules (Japanese full-width punctuation, 手順 and です/ます; French non-breaking spaces before
//! high punctuation). A failure names the file, the key and the offending term.

use std::path::PathBuf;

use switchboard_core::catalogue;
use switchboard_core::glossary::offences;
use switchboard_core::locale::Locale;

/// The window's text, one file per language, checked in place (the repository's own files).
fn i18n_file(locale: Locale) -> (String, serde_json::Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/lib/i18n")
        .join(format!("{}.json", locale.code()));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    (format!("ui/src/lib/i18n/{}.json", locale.code()), json)
}

fn leaves<'a>(value: &'a serde_json::Value, key: String, out: &mut Vec<(String, &'a str)>) {
    match value {
        serde_json::Value::String(s) => out.push((key, s)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let key = if key.is_empty() {
                    k.clone()
                } else {
                    format!("{key}.{k}")
                };
                leaves(v, key, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{key}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn report(problems: &[String]) -> String {
    format!("{} problem(s):\n{}", problems.len(), problems.join("\n"))
}

#[test]
fn every_catalogue_text_follows_the_glossary_and_its_language_rules() {
    let mut problems = Vec::new();
    for flow in catalogue::flows() {
        for (at, text) in catalogue::texts(flow) {
            for locale in Locale::ALL {
                for offence in offences(locale, text.get(locale)) {
                    problems.push(format!(
                        "catalogue/{}.json {at} [{}]: {offence}",
                        flow.id,
                        locale.code()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", report(&problems));
}

#[test]
fn every_ui_string_follows_the_glossary_and_its_language_rules() {
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let (file, json) = i18n_file(locale);
        let mut strings = Vec::new();
        leaves(&json, String::new(), &mut strings);
        for (key, text) in strings {
            for offence in offences(locale, text) {
                problems.push(format!("{file} {key}: {offence}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", report(&problems));
}
