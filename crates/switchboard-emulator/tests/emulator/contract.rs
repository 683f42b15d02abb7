//! Checks answers against the vendors' schema excerpts in `tests/contracts/`: a small JSON-schema
//! subset (type, properties, required, additionalProperties, items, enum, allOf, lengths and
//! bounds, date-time and email formats), strict about undocumented fields.

use std::collections::BTreeSet;

use serde_json::Value;

const FILES: &[(&str, &str)] = &[
    ("zoom", include_str!("../contracts/zoom.openapi.json")),
    ("zoom", include_str!("../contracts/zoom.documented.json")),
    ("cxone", include_str!("../contracts/cxone.openapi.json")),
    ("cxone", include_str!("../contracts/cxone.documented.json")),
    (
        "salesforce",
        include_str!("../contracts/salesforce.documented.json"),
    ),
    (
        "genesys",
        include_str!("../contracts/genesys.documented.json"),
    ),
];

/// The schema of `operation` (e.g. `GET /users 200`) in `vendor`'s excerpts.
pub fn schema(vendor: &str, operation: &str) -> Value {
    FILES
        .iter()
        .filter(|(v, _)| *v == vendor)
        .filter_map(|(_, text)| {
            let doc: Value = serde_json::from_str(text).expect("contract file is JSON");
            doc["operations"]
                .get(operation)
                .map(|op| op["schema"].clone())
        })
        .next()
        .unwrap_or_else(|| panic!("no contract for {vendor} `{operation}`"))
}

/// Panics with every violation when `value` does not satisfy `vendor`'s `operation` schema.
#[track_caller]
pub fn assert_valid(vendor: &str, operation: &str, value: &Value) {
    let problems = violations(&schema(vendor, operation), value);
    assert!(
        problems.is_empty(),
        "{vendor} `{operation}` contract violated:\n  {}\nin {}",
        problems.join("\n  "),
        serde_json::to_string(value)
            .unwrap_or_default()
            .chars()
            .take(2_000)
            .collect::<String>()
    );
}

pub fn violations(schema: &Value, value: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    walk(schema, value, "$", true, &mut problems);
    problems
}

fn known_names(schema: &Value, names: &mut BTreeSet<String>) {
    for key in ["properties"] {
        if let Some(props) = schema.get(key).and_then(Value::as_object) {
            names.extend(props.keys().cloned());
        }
    }
    if let Some(required) = schema.get("required").and_then(Value::as_array) {
        names.extend(required.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    if let Some(branches) = schema.get("allOf").and_then(Value::as_array) {
        branches.iter().for_each(|b| known_names(b, names));
    }
}

fn type_ok(expected: &str, value: &Value) -> bool {
    match expected {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "null" => value.is_null(),
        _ => true,
    }
}

fn walk(schema: &Value, value: &Value, at: &str, strict: bool, problems: &mut Vec<String>) {
    let Some(s) = schema.as_object() else { return };
    let mut fail = |message: String| problems.push(format!("{at}: {message}"));
    let types: Vec<&str> = match s.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() && !types.iter().any(|t| type_ok(t, value)) {
        fail(format!("expected {types:?}, got {value}"));
        return;
    }
    if let Some(allowed) = s.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        fail(format!("{value} not in {allowed:?}"));
    }
    if let Some(text) = value.as_str() {
        let len = text.chars().count() as u64;
        if s.get("maxLength")
            .and_then(Value::as_u64)
            .is_some_and(|max| len > max)
        {
            fail(format!("longer than maxLength: {text:?}"));
        }
        if s.get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|min| len < min)
        {
            fail(format!("shorter than minLength: {text:?}"));
        }
        match s.get("format").and_then(Value::as_str) {
            Some("date-time") if !looks_like_date_time(text) => {
                fail(format!("not a date-time: {text:?}"))
            }
            Some("email") if !text.contains('@') => fail(format!("not an email: {text:?}")),
            _ => {}
        }
    }
    if let Some(n) = value.as_f64() {
        if s.get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|max| n > max)
        {
            fail(format!("{n} above maximum"));
        }
        if s.get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|min| n < min)
        {
            fail(format!("{n} below minimum"));
        }
    }
    if let Some(items) = value.as_array() {
        if s.get("maxItems")
            .and_then(Value::as_u64)
            .is_some_and(|max| items.len() as u64 > max)
        {
            fail(format!("{} items, above maxItems", items.len()));
        }
        if let Some(item_schema) = s.get("items") {
            for (i, item) in items.iter().enumerate() {
                walk(item_schema, item, &format!("{at}[{i}]"), true, problems);
            }
        }
    }
    if let Some(branches) = s.get("allOf").and_then(Value::as_array) {
        for branch in branches {
            walk(branch, value, at, false, problems);
        }
    }
    let Some(object) = value.as_object() else {
        return;
    };
    if let Some(required) = s.get("required").and_then(Value::as_array) {
        for name in required.iter().filter_map(Value::as_str) {
            if !object.contains_key(name) {
                problems.push(format!("{at}: missing required `{name}`"));
            }
        }
    }
    let props = s.get("properties").and_then(Value::as_object);
    if let Some(props) = props {
        for (name, sub) in props {
            if let Some(v) = object.get(name) {
                walk(sub, v, &format!("{at}.{name}"), true, problems);
            }
        }
    }
    let mut known = BTreeSet::new();
    known_names(schema, &mut known);
    match s.get("additionalProperties") {
        Some(Value::Bool(true)) => {}
        Some(extra @ Value::Object(_)) => {
            for (name, v) in object.iter().filter(|(k, _)| !known.contains(*k)) {
                walk(extra, v, &format!("{at}.{name}"), true, problems);
            }
        }
        // Strict: a field the vendor does not document is an emulator bug.
        _ if strict && (props.is_some() || s.contains_key("allOf")) => {
            for name in object.keys().filter(|k| !known.contains(*k)) {
                problems.push(format!("{at}: undocumented field `{name}`"));
            }
        }
        _ => {}
    }
}

/// `YYYY-MM-DDTHH:MM:SS` followed by a zone (Z or an offset), optional fraction.
fn looks_like_date_time(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && (text.ends_with('Z') || text[19..].contains(['+', '-']))
}

#[test]
fn checker_flags_wrong_types_missing_and_undocumented_fields() {
    let schema = serde_json::json!({
        "type": "object",
        "required": ["id"],
        "properties": { "id": { "type": "string" }, "n": { "type": "integer", "maximum": 3 } }
    });
    assert!(violations(&schema, &serde_json::json!({ "id": "a", "n": 2 })).is_empty());
    let problems = violations(&schema, &serde_json::json!({ "n": 4, "extra": true }));
    assert_eq!(problems.len(), 3, "{problems:?}");
}
