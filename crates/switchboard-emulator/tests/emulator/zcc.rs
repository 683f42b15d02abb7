//! Zoom Contact Center ↔ Salesforce: the Tooling package query, the Metadata deploy (success and
//! a component failure), permission-set assignments (a duplicate refused as Salesforce does),
//! `User.CallCenterId`, and Zoom Contact Center users with their client integration.

use std::io::Write;

use serde_json::{Value, json};

use crate::contract::assert_valid;
use crate::support::{client, get, read, salesforce_session, start, zoom_token};

fn soql(instance: &str, api: &str, query: &str) -> String {
    let mut url = url::Url::parse(&format!("{instance}/services/data/v67.0/{api}")).expect("url");
    url.query_pairs_mut().append_pair("q", query);
    url.to_string()
}

async fn records(instance: &str, token: &str, api: &str, query: &str) -> Vec<Value> {
    let (status, body) = get(&soql(instance, api, query), token).await;
    assert_eq!(status, 200, "{body}");
    assert_valid("salesforce", "GET /services/data/vXX.X/query 200", &body);
    body["records"].as_array().expect("records").clone()
}

fn call_center_zip(name: &str, display: &str, adapter: &str) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("package.xml", options).expect("entry");
    zip.write_all(b"<Package xmlns=\"http://soap.sforce.com/2006/04/metadata\"><types><members>*</members><name>CallCenter</name></types><version>67.0</version></Package>").expect("write");
    zip.start_file(format!("callCenters/{name}.callCenter"), options)
        .expect("entry");
    let body = format!(
        "<CallCenter xmlns=\"http://soap.sforce.com/2006/04/metadata\"><adapterUrl>{adapter}</adapterUrl><displayName>{display}</displayName><displayNameLabel>Display Name</displayNameLabel><internalNameLabel>Internal Name</internalNameLabel></CallCenter>"
    );
    zip.write_all(body.as_bytes()).expect("write");
    zip.finish().expect("zip");
    out.into_inner()
}

async fn deploy(instance: &str, token: &str, zip: Vec<u8>) -> Value {
    let boundary = "sbZccBoundary";
    let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"json\"\r\nContent-Type: application/json\r\n\r\n{{\"deployOptions\":{{\"singlePackage\":true,\"rollbackOnError\":true}}}}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"deploy.zip\"\r\nContent-Type: application/zip\r\n\r\n").into_bytes();
    body.extend(zip);
    body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
    let response = client()
        .post(format!(
            "{instance}/services/data/v67.0/metadata/deployRequest"
        ))
        .bearer_auth(token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .expect("deploy");
    let (status, created) = read(response).await;
    assert_eq!(status, 201, "{created}");
    assert_valid(
        "salesforce",
        "POST /services/data/vXX.X/metadata/deployRequest 201",
        &created,
    );
    assert_eq!(created["deployResult"]["status"], "Pending");
    let id = created["id"].as_str().expect("id").to_owned();
    let url =
        format!("{instance}/services/data/v67.0/metadata/deployRequest/{id}?includeDetails=true");
    let (_, first) = get(&url, token).await;
    assert_eq!(first["deployResult"]["status"], "InProgress");
    let (status, last) = get(&url, token).await;
    assert_eq!(status, 200);
    assert_valid(
        "salesforce",
        "GET /services/data/vXX.X/metadata/deployRequest/{id} 200",
        &last,
    );
    assert_eq!(last["deployResult"]["done"], true);
    last
}

#[tokio::test]
async fn the_tooling_api_lists_the_zoom_contact_center_package_with_its_version() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    let found = records(
        &instance,
        &token,
        "tooling/query",
        "SELECT Id, SubscriberPackage.Name, SubscriberPackage.NamespacePrefix, SubscriberPackageVersion.Name, SubscriberPackageVersion.MajorVersion, SubscriberPackageVersion.MinorVersion FROM InstalledSubscriberPackage",
    )
    .await;
    assert_eq!(found.len(), 1);
    assert_valid("salesforce", "record InstalledSubscriberPackage", &found[0]);
    assert_eq!(found[0]["SubscriberPackage"]["Name"], "Zoom Contact Center");
    assert_eq!(found[0]["SubscriberPackageVersion"]["MajorVersion"], 2);
    // The data API does not know Tooling objects.
    let (status, _) = get(
        &soql(
            &instance,
            "query",
            "SELECT Id FROM InstalledSubscriberPackage",
        ),
        &token,
    )
    .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_deployed_call_center_is_found_by_a_call_center_query() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    let zip = call_center_zip(
        "zccsso",
        "ZCC SSO",
        "https://acme.zoom.us/cci/multi/callbar-cti",
    );
    let result = deploy(&instance, &token, zip).await;
    assert_eq!(result["deployResult"]["status"], "Succeeded", "{result}");
    let centers = records(
        &instance,
        &token,
        "query",
        "SELECT Id, Name, InternalName, AdapterUrl FROM CallCenter WHERE InternalName = 'zccsso'",
    )
    .await;
    assert_eq!(centers.len(), 1);
    assert_valid("salesforce", "record CallCenter", &centers[0]);
    assert_eq!(centers[0]["Name"], "ZCC SSO");
    assert_eq!(
        centers[0]["AdapterUrl"],
        "https://acme.zoom.us/cci/multi/callbar-cti"
    );
}

#[tokio::test]
async fn a_refused_component_fails_the_deploy_with_its_problem_and_changes_nothing() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    emu.faults()
        .update(|plan| plan.salesforce_deploy_failure = Some("Entity is locked".to_owned()));
    let zip = call_center_zip(
        "zccsso",
        "ZCC SSO",
        "https://acme.zoom.us/cci/multi/callbar-cti",
    );
    let result = deploy(&instance, &token, zip).await;
    assert_eq!(result["deployResult"]["status"], "Failed");
    let failure = &result["deployResult"]["details"]["componentFailures"][0];
    assert_eq!(failure["fullName"], "zccsso");
    assert_eq!(failure["problem"], "Entity is locked");
    emu.faults()
        .update(|plan| plan.salesforce_deploy_failure = None);
    // A definition without a display name fails on its content.
    let result = deploy(
        &instance,
        &token,
        call_center_zip("broken", "", "https://zoom.us/x"),
    )
    .await;
    assert_eq!(
        result["deployResult"]["details"]["componentFailures"][0]["problem"],
        "Required field is missing: displayName"
    );
    let centers = records(
        &instance,
        &token,
        "query",
        "SELECT Id FROM CallCenter WHERE InternalName = 'zccsso'",
    )
    .await;
    assert!(centers.is_empty());
}

#[tokio::test]
async fn a_duplicate_permission_set_assignment_is_refused_as_salesforce_does() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    let sets = records(
        &instance,
        &token,
        "query",
        "SELECT Id, Name, Label, IsOwnedByProfile, NamespacePrefix FROM PermissionSet",
    )
    .await;
    let agent_set = sets
        .iter()
        .inspect(|s| assert_valid("salesforce", "record PermissionSet", s))
        .find(|s| s["Label"] == "Zoom Contact Center Agent")
        .expect("agent set");
    let users = records(
        &instance,
        &token,
        "query",
        "SELECT Id FROM User WHERE IsActive = true",
    )
    .await;
    let assigned = records(
        &instance,
        &token,
        "query",
        "SELECT Id, AssigneeId, PermissionSetId FROM PermissionSetAssignment",
    )
    .await;
    let user = users
        .iter()
        .find(|u| !assigned.iter().any(|a| a["AssigneeId"] == u["Id"]))
        .expect("a user without a set");
    let body = json!({ "AssigneeId": user["Id"], "PermissionSetId": agent_set["Id"] });
    let url = format!("{instance}/services/data/v67.0/sobjects/PermissionSetAssignment");
    let post = || client().post(&url).bearer_auth(&token).json(&body).send();
    let (status, created) = read(post().await.expect("post")).await;
    assert_eq!(status, 201, "{created}");
    assert_valid(
        "salesforce",
        "POST /services/data/vXX.X/sobjects/{object} 201",
        &created,
    );
    let (status, refused) = read(post().await.expect("post")).await;
    assert_eq!(status, 400);
    assert_valid("salesforce", "error", &refused);
    assert_eq!(refused[0]["errorCode"], "DUPLICATE_VALUE");
    assert!(
        refused[0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Duplicate PermissionSetAssignment"))
    );
}

#[tokio::test]
async fn a_user_joins_a_call_center_unless_the_org_refuses_it_for_that_user() {
    let emu = start().await;
    let (token, instance) = salesforce_session(&emu).await;
    let center = records(
        &instance,
        &token,
        "query",
        "SELECT Id FROM CallCenter WHERE InternalName = 'zoomcontactcenter'",
    )
    .await;
    let center = center[0]["Id"].clone();
    let users = records(
        &instance,
        &token,
        "query",
        "SELECT Id, CallCenterId FROM User WHERE IsActive = true",
    )
    .await;
    let mut refused = 0;
    let mut moved = 0;
    for user in users.iter().filter(|u| u["CallCenterId"].is_null()) {
        let url = format!(
            "{instance}/services/data/v67.0/sobjects/User/{}",
            user["Id"].as_str().expect("id")
        );
        let response = client()
            .patch(&url)
            .bearer_auth(&token)
            .json(&json!({ "CallCenterId": center }))
            .send()
            .await
            .expect("patch");
        match response.status().as_u16() {
            204 => moved += 1,
            400 => {
                let (_, body) = read(response).await;
                assert_eq!(
                    body[0]["errorCode"],
                    "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY"
                );
                refused += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(refused, 1);
    assert!(moved > 0);
    let still = records(
        &instance,
        &token,
        "query",
        "SELECT Id FROM User WHERE IsActive = true AND CallCenterId = null",
    )
    .await;
    // The integration user had none either and was moved too; only the refused one is left.
    assert_eq!(still.len(), 1);
}

#[tokio::test]
async fn contact_center_users_page_and_take_the_salesforce_client_integration() {
    let emu = start().await;
    let token = zoom_token(&emu).await;
    let api = &emu.endpoints().zoom.api_base;
    let mut url = format!("{api}/contact_center/users?page_size=5");
    let mut users = Vec::new();
    loop {
        let (status, page) = get(&url, &token).await;
        assert_eq!(status, 200, "{page}");
        assert_valid("zoom", "GET /contact_center/users 200", &page);
        users.extend(page["users"].as_array().expect("users").clone());
        match page["next_page_token"].as_str().filter(|t| !t.is_empty()) {
            Some(next) => {
                url = format!("{api}/contact_center/users?page_size=5&next_page_token={next}")
            }
            None => break,
        }
    }
    assert!(users.len() > 5);
    let integrations: Vec<&str> = users
        .iter()
        .filter_map(|u| u["client_integration"].as_str())
        .collect();
    assert!(integrations.contains(&"Salesforce") && integrations.contains(&"Default"));
    let default = users
        .iter()
        .find(|u| u["client_integration"] == "Default")
        .expect("default");
    let id = default["user_id"].as_str().expect("user_id");
    let one = format!("{api}/contact_center/users/{id}");
    let patch = |body: Value| client().patch(&one).bearer_auth(&token).json(&body).send();
    let response =
        patch(json!({ "client_integration": "Salesforce", "client_integration_name": "Nope" }))
            .await
            .expect("patch");
    let (status, body) = read(response).await;
    assert_eq!((status, body["code"].clone()), (404, json!(1006)));
    let response = patch(
        json!({ "client_integration": "Salesforce", "client_integration_name": "Salesforce" }),
    )
    .await
    .expect("patch");
    assert_eq!(response.status().as_u16(), 204);
    let (_, user) = get(&one, &token).await;
    assert_valid("zoom", "GET /contact_center/users/{userId} 200", &user);
    assert_eq!(user["client_integration"], "Salesforce");
    assert_eq!(user["client_integration_name"], "Salesforce");
    // The batch form sets several at once.
    let response = client()
        .patch(format!("{api}/contact_center/users"))
        .bearer_auth(&token)
        .json(&json!({ "users": [{ "user_id": id, "client_integration": "Default" }] }))
        .send()
        .await
        .expect("batch");
    assert_eq!(response.status().as_u16(), 204);
    let (_, user) = get(&one, &token).await;
    assert_eq!(
        (
            user["client_integration"].clone(),
            user["client_integration_name"].clone()
        ),
        (json!("Default"), json!(""))
    );
}
