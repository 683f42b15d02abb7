//! The one scrubber for secrets a vendor echoes back: every reply body is passed through it
//! against the secrets its request carried (tokens, passwords, client secrets) and the saved
//! secrets of the connection the session was opened with (`Http::redacting`), and a connection
//! Test's diagnosis against the connection's saved secrets, before any of it can reach a
//! failure, the journal, a log, an apply result or the window.
//!
//! A secret is removed in each form a vendor may quote it: as sent, URL-encoded (from a form
//! body or a query) and JSON-escaped.

use serde_json::Value;
use url::form_urlencoded::byte_serialize;

/// What a removed secret is replaced with.
pub const REDACTED: &str = "<redacted>";

/// Secrets this short would shred ordinary words; a value that short cannot be quoted
/// recognisably anyway.
const SHORTEST: usize = 4;

/// The texts `secret` may appear as in a vendor's reply.
fn forms(secret: &str) -> Vec<String> {
    let form: String = byte_serialize(secret.as_bytes()).collect();
    let percent = form.replace('+', "%20");
    let json = serde_json::to_string(secret).unwrap_or_default();
    let json = json.trim_matches('"').to_owned();
    let mut forms = vec![secret.to_owned(), form, percent, json];
    forms.sort();
    forms.dedup();
    // Longest first, so a form that contains another is removed whole.
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms
}

/// `text` with every form of every secret replaced by [`REDACTED`].
pub fn scrub_text(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= SHORTEST) {
        for form in forms(secret) {
            if out.contains(&form) {
                out = out.replace(&form, REDACTED);
            }
        }
    }
    out
}

/// Every string inside `value`, scrubbed with [`scrub_text`].
pub fn scrub_value(value: &mut Value, secrets: &[&str]) {
    match value {
        Value::String(text) => *text = scrub_text(text, secrets),
        Value::Array(items) => items.iter_mut().for_each(|v| scrub_value(v, secrets)),
        Value::Object(map) => map.values_mut().for_each(|v| scrub_value(v, secrets)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "p@ss w/rd\"+é";

    #[test]
    fn a_secret_is_removed_as_sent_url_encoded_and_json_escaped() {
        for quoted in [
            SECRET.to_owned(),
            byte_serialize(SECRET.as_bytes()).collect::<String>(),
            byte_serialize(SECRET.as_bytes())
                .collect::<String>()
                .replace('+', "%20"),
            serde_json::to_string(SECRET)
                .unwrap()
                .trim_matches('"')
                .to_owned(),
        ] {
            let text = format!("invalid_grant: password={quoted}&user=ann");
            let scrubbed = scrub_text(&text, &[SECRET]);
            assert_eq!(
                scrubbed,
                format!("invalid_grant: password={REDACTED}&user=ann"),
                "{quoted}"
            );
        }
    }

    #[test]
    fn very_short_values_and_other_text_are_left_alone() {
        assert_eq!(scrub_text("a bad request", &["a", "bad"]), "a bad request");
    }

    #[test]
    fn every_string_of_a_json_value_is_scrubbed() {
        let mut value = serde_json::json!({ "error": ["token tok-123456 expired"], "n": 1 });
        scrub_value(&mut value, &["tok-123456"]);
        assert_eq!(
            value,
            serde_json::json!({ "error": [format!("token {REDACTED} expired")], "n": 1 })
        );
    }
}
