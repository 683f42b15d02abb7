//! The Metadata API's REST deploy: `POST /services/data/vNN.N/metadata/deployRequest`
//! (multipart: a `json` part with `deployOptions`, a `file` part with the zip) and
//! `GET .../metadata/deployRequest/{id}?includeDetails=true`, asynchronous as in Salesforce:
//! Pending, then InProgress, then Succeeded or Failed with `details.componentFailures`. Only
//! `CallCenter` components are understood; a deployed one is then found by a `CallCenter` query.
//! A component fails on its content (no `displayName`, an `adapterUrl` that is not https) or
//! through the `salesforce_deploy_failure` fault.

use std::io::{Cursor, Read};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::records::id18;
use super::zcc::call_center;
use super::{authorize, error, with_usage};
use crate::clock::{now_unix, salesforce as sf_time};
use crate::http::{json, ok};
use crate::server::Emu;

/// One component of a deploy and how it ended.
#[derive(Debug, Clone)]
struct Component {
    file_name: String,
    full_name: String,
    display_name: String,
    adapter_url: String,
    /// The problem that fails it, if any.
    problem: Option<String>,
}

/// A deploy the org received; it advances one state per status request.
#[derive(Debug)]
pub(crate) struct Deploy {
    id: String,
    polls: u32,
    created: i64,
    components: Vec<Component>,
    /// Set when the deploy as a whole is refused (a file that is not a zip).
    error: Option<String>,
}

/// The boundary of a `multipart/form-data` request.
fn boundary(headers: &HeaderMap) -> Option<String> {
    let value = headers.get("content-type")?.to_str().ok()?;
    let (kind, rest) = value.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    rest.split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim_matches('"').to_owned())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The content of the part named `name`.
fn part<'a>(body: &'a [u8], boundary: &str, name: &str) -> Option<&'a [u8]> {
    let delimiter = format!("--{boundary}");
    let wanted = format!("name=\"{name}\"");
    let mut rest = body;
    while let Some(at) = find(rest, delimiter.as_bytes()) {
        rest = &rest[at + delimiter.len()..];
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&rest[..head_end]);
        let content = &rest[head_end + 4..];
        let end = find(content, format!("\r\n{delimiter}").as_bytes()).unwrap_or(content.len());
        if head.contains(&wanted) {
            return Some(&content[..end]);
        }
    }
    None
}

/// The text of `<tag>` in a metadata file, entities decoded.
fn element(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = xml.find(&open)? + open.len();
    let end = start + xml[start..].find(&format!("</{tag}>"))?;
    Some(
        xml[start..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

/// The components of the zip, or why the whole deploy is refused.
fn read_zip(bytes: &[u8], fault: Option<&str>) -> Result<Vec<Component>, String> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("Invalid zip file: {e}"))?;
    let mut package = false;
    let mut components = Vec::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(|e| e.to_string())?;
        let name = file.name().to_owned();
        let mut text = String::new();
        file.read_to_string(&mut text)
            .map_err(|_| format!("{name}: not UTF-8 text"))?;
        let name = name.trim_start_matches("unpackaged/").to_owned();
        if name == "package.xml" {
            package = true;
            continue;
        }
        let Some(full_name) = name
            .strip_prefix("callCenters/")
            .and_then(|n| n.strip_suffix(".callCenter"))
        else {
            continue;
        };
        let display_name = element(&text, "displayName").unwrap_or_default();
        let adapter_url = element(&text, "adapterUrl").unwrap_or_default();
        let problem = if !text.contains("<CallCenter") {
            Some("Not a CallCenter metadata file".to_owned())
        } else if display_name.trim().is_empty() {
            Some("Required field is missing: displayName".to_owned())
        } else if !adapter_url.starts_with("https://") {
            Some(format!("Invalid adapterUrl: {adapter_url}"))
        } else {
            fault.map(str::to_owned)
        };
        components.push(Component {
            file_name: format!("callCenters/{full_name}.callCenter"),
            full_name: full_name.to_owned(),
            display_name,
            adapter_url,
            problem,
        });
    }
    if !package {
        // As Salesforce reports it: a failure of the package manifest itself.
        components.push(Component {
            file_name: "package.xml".to_owned(),
            full_name: "package.xml".to_owned(),
            display_name: String::new(),
            adapter_url: String::new(),
            problem: Some("No package.xml found".to_owned()),
        });
    }
    Ok(components)
}

pub(super) async fn create(
    State(emu): State<Arc<Emu>>,
    Path(_version): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = authorize(&emu, &headers) {
        return *refusal;
    }
    let file = boundary(&headers).and_then(|b| part(&body, &b, "file"));
    let Some(file) = file else {
        return with_usage(
            &emu,
            error(
                StatusCode::BAD_REQUEST,
                "INVALID_MULTIPART_REQUEST",
                "The request must be multipart/form-data with a file part holding the zip",
            ),
        );
    };
    let fault = emu.faults.plan().salesforce_deploy_failure;
    let (components, refused) = match read_zip(file, fault.as_deref()) {
        Ok(components) => (components, None),
        Err(why) => (Vec::new(), Some(why)),
    };
    let mut org = emu.salesforce.org_mut();
    let id = id18("0Af", &mut org.rng);
    drop(org);
    let deploy = Deploy {
        id: id.clone(),
        polls: 0,
        created: now_unix(),
        components,
        error: refused,
    };
    let answer = render(&deploy, "Pending", false);
    emu.salesforce
        .deploys
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(id, deploy);
    with_usage(&emu, json(StatusCode::CREATED, answer))
}

pub(super) async fn status(
    State(emu): State<Arc<Emu>>,
    Path((_version, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(refusal) = authorize(&emu, &headers) {
        return *refusal;
    }
    let mut deploys = emu
        .salesforce
        .deploys
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    let Some(deploy) = deploys.get_mut(&id) else {
        return with_usage(
            &emu,
            error(
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                "The requested resource does not exist",
            ),
        );
    };
    deploy.polls += 1;
    let failed = deploy.error.is_some() || deploy.components.iter().any(|c| c.problem.is_some());
    let state = match deploy.polls {
        1 => "InProgress",
        _ if failed => "Failed",
        _ => "Succeeded",
    };
    // The org changes once, when the deploy completes (rollbackOnError: all or nothing).
    if deploy.polls == 2 && !failed {
        let mut org = emu.salesforce.org_mut();
        for component in &deploy.components {
            let existing = org.records.iter_mut().find(|r| {
                r.object == "CallCenter"
                    && r.fields.get("InternalName").and_then(Value::as_str)
                        == Some(component.full_name.as_str())
            });
            match existing {
                Some(record) => {
                    record
                        .fields
                        .insert("Name".into(), json!(component.display_name));
                    record
                        .fields
                        .insert("AdapterUrl".into(), json!(component.adapter_url));
                    record
                        .fields
                        .insert("LastModifiedDate".into(), json!(sf_time(now_unix())));
                }
                None => {
                    let record = call_center(
                        &mut org.rng,
                        &component.full_name,
                        &component.display_name,
                        &component.adapter_url,
                        now_unix(),
                    );
                    org.records.push(record);
                }
            }
        }
    }
    with_usage(&emu, ok(render(deploy, state, deploy.polls >= 2)))
}

fn render(deploy: &Deploy, status: &str, done: bool) -> Value {
    let failures: Vec<Value> = deploy
        .components
        .iter()
        .filter_map(|c| {
            let problem = c.problem.as_ref()?;
            Some(json!({
                "changed": false, "created": false, "deleted": false, "success": false,
                "componentType": if c.file_name == "package.xml" { "" } else { "CallCenter" },
                "fullName": c.full_name, "fileName": c.file_name,
                "problem": problem, "problemType": "Error", "lineNumber": null, "columnNumber": null,
            }))
        })
        .collect();
    let successes: Vec<Value> = deploy
        .components
        .iter()
        .filter(|c| c.problem.is_none() && done && status == "Succeeded")
        .map(|c| {
            json!({
                "changed": true, "created": true, "deleted": false, "success": true,
                "componentType": "CallCenter", "fullName": c.full_name, "fileName": c.file_name,
                "problem": null, "problemType": null, "lineNumber": null, "columnNumber": null,
            })
        })
        .collect();
    let total = deploy.components.len();
    let failed = status == "Failed";
    let at = sf_time(deploy.created);
    json!({
        "id": deploy.id,
        "validatedDeployRequestId": null,
        "deployOptions": {
            "checkOnly": false, "singlePackage": true, "rollbackOnError": true,
            "ignoreWarnings": false, "allowMissingFiles": false, "autoUpdatePackage": false,
            "purgeOnDelete": false, "performRetrieve": false, "testLevel": "NoTestRun",
            "runTests": [],
        },
        "deployResult": {
            "id": deploy.id,
            "status": status,
            "done": done,
            "success": done && !failed,
            "checkOnly": false,
            "ignoreWarnings": false,
            "rollbackOnError": true,
            "numberComponentsTotal": total,
            "numberComponentsDeployed": if done && !failed { total } else { 0 },
            "numberComponentErrors": if failed { failures.len() } else { 0 },
            "numberTestsTotal": 0,
            "numberTestsCompleted": 0,
            "numberTestErrors": 0,
            "createdDate": at,
            "startDate": if deploy.polls > 0 { json!(at) } else { Value::Null },
            "completedDate": if done { json!(sf_time(now_unix())) } else { Value::Null },
            "lastModifiedDate": sf_time(now_unix()),
            "errorMessage": deploy.error,
            "errorStatusCode": null,
            "stateDetail": null,
            "details": {
                "componentFailures": if failed { failures } else { Vec::new() },
                "componentSuccesses": successes,
                "runTestResult": null,
            },
        },
    })
}
