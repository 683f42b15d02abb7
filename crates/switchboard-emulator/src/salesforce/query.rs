//! `GET /services/data/vNN.N/query?q=SOQL` and `GET .../query/{locator}` (`nextRecordsUrl`
//! paging, batch size from `Sforce-Query-Options`), the Tooling API's `.../tooling/query`, plus
//! the unauthenticated version list.

use std::cmp::Ordering;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::records::{OBJECTS, Org, RELATIONS, Record, TOOLING_OBJECTS};
use super::soql::{self, Query};
use super::{LATEST_VERSION, OLDEST_VERSION, authorize, error, with_usage};
use crate::http::{Params, Refusal, ok};
use crate::server::Emu;

/// Records of an open query locator not yet returned.
#[derive(Debug)]
pub(crate) struct Cursor {
    records: Vec<Value>,
    batch: usize,
}

/// `v67.0` → `67.0`, if the emulator answers on that version.
fn version(raw: &str) -> Option<String> {
    let number = raw
        .strip_prefix('v')?
        .strip_suffix(".0")?
        .parse::<u32>()
        .ok()?;
    let latest = LATEST_VERSION.trim_end_matches(".0").parse::<u32>().ok()?;
    (OLDEST_VERSION..=latest)
        .contains(&number)
        .then(|| format!("{number}.0"))
}

pub(super) async fn versions() -> Response {
    let labels = [
        (64, "Summer '25"),
        (65, "Winter '26"),
        (66, "Spring '26"),
        (67, "Summer '26"),
    ];
    ok(Value::Array(
        labels
            .iter()
            .map(|(n, label)| {
                json!({ "label": label, "url": format!("/services/data/v{n}.0"), "version": format!("{n}.0") })
            })
            .collect(),
    ))
}

/// The relationship `relation` of `object`: its id field and the related object.
fn relation(object: &str, relation: &str) -> Option<(&'static str, &'static str, &'static str)> {
    RELATIONS
        .iter()
        .find(|(o, r, _, _)| *o == object && r.eq_ignore_ascii_case(relation))
        .map(|(_, name, id_field, target)| (*name, *id_field, *target))
}

/// The canonical name of `field` on `object` (SOQL names are case-insensitive), following one
/// relationship (`Profile.` from `User`, the package and version from a Tooling package).
fn canonical(object: &str, field: &str) -> Option<String> {
    if let Some((name, rest)) = field.split_once('.') {
        let (canonical_name, _, target) = relation(object, name)?;
        return canonical(target, rest).map(|f| format!("{canonical_name}.{f}"));
    }
    let (_, fields) = OBJECTS
        .iter()
        .chain(TOOLING_OBJECTS)
        .find(|(name, _)| *name == object)?;
    fields
        .iter()
        .find(|f| f.eq_ignore_ascii_case(field))
        .map(|f| (*f).to_owned())
}

fn related<'a>(org: &'a Org, record: &Record, name: &str) -> Option<&'a Record> {
    let (_, id_field, target) = relation(record.object, name)?;
    let id = record.fields.get(id_field)?.as_str()?;
    org.find(target, id)
}

/// A field's value, following a relationship to the related record.
fn value(org: &Org, record: &Record, field: &str) -> Value {
    match field.split_once('.') {
        Some((name, rest)) => related(org, record, name)
            .and_then(|p| p.fields.get(rest).cloned())
            .unwrap_or(Value::Null),
        None => record.fields.get(field).cloned().unwrap_or(Value::Null),
    }
}

fn attributes(object: &str, id: &str, version: &str) -> Value {
    json!({ "type": object, "url": format!("/services/data/v{version}/sobjects/{object}/{id}") })
}

fn render(org: &Org, record: &Record, fields: &[String], version: &str) -> Value {
    let mut out = Map::new();
    out.insert(
        "attributes".to_owned(),
        attributes(record.object, record.id(), version),
    );
    for field in fields {
        match field.split_once('.') {
            Some((name, rest)) => {
                let slot = out.entry(name.to_owned()).or_insert(Value::Null);
                if let Some(target) = related(org, record, name) {
                    if slot.is_null() {
                        *slot = json!({ "attributes": attributes(target.object, target.id(), version) });
                    }
                    slot[rest] = target.fields.get(rest).cloned().unwrap_or(Value::Null);
                }
            }
            None => {
                out.insert(field.clone(), value(org, record, field));
            }
        }
    }
    Value::Object(out)
}

fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        _ => Ordering::Equal,
    }
}

fn invalid_field(field: &str, object: &str) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        "INVALID_FIELD",
        &format!(
            "No such column '{field}' on entity '{object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."
        ),
    )
}

/// Runs a parsed query: all matching records, rendered.
fn execute(emu: &Emu, query: &Query, version: &str, api: Api) -> Result<Vec<Value>, Refusal> {
    let omni_off = emu.faults.plan().salesforce_omni_channel_disabled;
    let objects = match api {
        Api::Data => OBJECTS,
        Api::Tooling => TOOLING_OBJECTS,
    };
    let object = objects
        .iter()
        .map(|(name, _)| *name)
        .find(|name| name.eq_ignore_ascii_case(&query.object))
        .filter(|name| !(omni_off && *name == "ServicePresenceStatus"))
        .ok_or_else(|| {
            Box::new(error(
                StatusCode::BAD_REQUEST,
                "INVALID_TYPE",
                &format!(
                    "sObject type '{}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
                    query.object
                ),
            ))
        })?;
    let resolve = |field: &str| {
        canonical(object, field).ok_or_else(|| Box::new(invalid_field(field, object)))
    };
    let fields = query
        .fields
        .iter()
        .map(|f| resolve(f))
        .collect::<Result<Vec<_>, _>>()?;
    let conditions = query
        .conditions
        .iter()
        .map(|c| resolve(c.field()).map(|f| (f, c)))
        .collect::<Result<Vec<_>, _>>()?;
    let order = query
        .order_by
        .as_ref()
        .map(|(f, desc)| resolve(f).map(|f| (f, *desc)))
        .transpose()?;
    let org = emu.salesforce.org();
    let org = &*org;
    let mut matching: Vec<&Record> = org
        .records
        .iter()
        .filter(|r| r.object == object)
        .filter(|r| conditions.iter().all(|(f, c)| c.holds(&value(org, r, f))))
        .collect();
    if let Some((field, descending)) = &order {
        matching.sort_by(|a, b| {
            let ordering = compare(&value(org, a, field), &value(org, b, field));
            if *descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
    }
    if let Some(limit) = query.limit {
        matching.truncate(limit);
    }
    Ok(matching
        .iter()
        .map(|r| render(org, r, &fields, version))
        .collect())
}

/// `Sforce-Query-Options: batchSize=N`: 200 to 2000, default 2000.
fn batch_size(headers: &HeaderMap) -> usize {
    headers
        .get("sforce-query-options")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(',')
                .filter_map(|kv| kv.trim().split_once('='))
                .find(|(k, _)| k.eq_ignore_ascii_case("batchSize"))
                .and_then(|(_, n)| n.trim().parse::<usize>().ok())
        })
        .map_or(2000, |n| n.clamp(200, 2000))
}

/// One batch from `records`, parking the rest under a new locator.
fn batch(emu: &Emu, mut records: Vec<Value>, batch: usize, total: usize, version: &str) -> Value {
    let rest = records.split_off(batch.min(records.len()));
    let mut body = json!({ "totalSize": total, "done": rest.is_empty(), "records": records });
    if !rest.is_empty() {
        let served = total - rest.len();
        let locator = format!("01g{}-{served}", emu.salesforce.tokens.fresh_value(15));
        body["nextRecordsUrl"] = json!(format!("/services/data/v{version}/query/{locator}"));
        emu.salesforce
            .cursors
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(
                locator,
                Cursor {
                    records: rest,
                    batch,
                },
            );
    }
    body
}

/// Which query resource: the data API's or the Tooling API's (each knows its own objects).
#[derive(Debug, Clone, Copy)]
enum Api {
    Data,
    Tooling,
}

pub(super) async fn run(
    State(emu): State<Arc<Emu>>,
    Path(raw_version): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    answer(&emu, &raw_version, &uri, &headers, Api::Data)
}

pub(super) async fn tooling(
    State(emu): State<Arc<Emu>>,
    Path(raw_version): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    answer(&emu, &raw_version, &uri, &headers, Api::Tooling)
}

fn answer(emu: &Emu, raw_version: &str, uri: &Uri, headers: &HeaderMap, api: Api) -> Response {
    let Some(version) = version(raw_version) else {
        return error(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "The requested resource does not exist",
        );
    };
    if let Err(refusal) = authorize(emu, headers) {
        return *refusal;
    }
    let params = Params::from_query(uri);
    let Some(soql) = params.get("q").filter(|q| !q.trim().is_empty()) else {
        return with_usage(
            emu,
            error(
                StatusCode::BAD_REQUEST,
                "MALFORMED_QUERY",
                "A query string has to be specified",
            ),
        );
    };
    let query = match soql::parse(soql) {
        Ok(query) => query,
        Err(message) => {
            return with_usage(
                emu,
                error(StatusCode::BAD_REQUEST, "MALFORMED_QUERY", &message),
            );
        }
    };
    match execute(emu, &query, &version, api) {
        Ok(records) => {
            let total = records.len();
            let body = batch(emu, records, batch_size(headers), total, &version);
            with_usage(emu, ok(body))
        }
        Err(refusal) => with_usage(emu, *refusal),
    }
}

pub(super) async fn more(
    State(emu): State<Arc<Emu>>,
    Path((raw_version, locator)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let Some(version) = version(&raw_version) else {
        return error(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "The requested resource does not exist",
        );
    };
    if let Err(refusal) = authorize(&emu, &headers) {
        return *refusal;
    }
    let cursor = emu
        .salesforce
        .cursors
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .remove(&locator);
    let Some(cursor) = cursor else {
        return with_usage(
            &emu,
            error(
                StatusCode::BAD_REQUEST,
                "INVALID_QUERY_LOCATOR",
                "invalid query locator",
            ),
        );
    };
    let served: usize = locator
        .rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let total = served + cursor.records.len();
    let body = batch(&emu, cursor.records, cursor.batch, total, &version);
    with_usage(&emu, ok(body))
}
