//! The keys of a JSON file a reader does not know. serde reads past an unknown key without a
//! word, so a hand-edited file with a typo, or one from a later build, would lose data silently;
//! the importers name those keys to the admin instead of failing or staying quiet.

use serde_json::Value;

/// The object keys of `read` (the file as written) that `known` (the same file as understood:
/// read, then written again) does not have, by path (`rule.states.0.colour`).
pub fn unknown_keys(read: &Value, known: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(read, known, &mut Vec::new(), &mut out);
    out
}

fn walk(read: &Value, known: &Value, path: &mut Vec<String>, out: &mut Vec<String>) {
    match (read, known) {
        (Value::Object(read), Value::Object(known)) => {
            for (key, value) in read {
                path.push(key.clone());
                match known.get(key) {
                    Some(kept) => walk(value, kept, path, out),
                    None => out.push(path.join(".")),
                }
                path.pop();
            }
        }
        (Value::Array(read), Value::Array(known)) => {
            for (i, (value, kept)) in read.iter().zip(known).enumerate() {
                path.push(i.to_string());
                walk(value, kept, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::unknown_keys;
    use serde_json::json;

    #[test]
    fn keys_only_in_the_file_are_named_by_path_at_any_depth() {
        let read = json!({"a": 1, "extra": true, "list": [{"b": 2, "c": 3}], "o": {"d": {"e": 1}}});
        let known = json!({"a": 1, "list": [{"b": 2}], "o": {"d": {}}});
        assert_eq!(
            unknown_keys(&read, &known),
            vec!["extra", "list.0.c", "o.d.e"]
        );
        assert!(unknown_keys(&known, &known).is_empty());
    }
}
