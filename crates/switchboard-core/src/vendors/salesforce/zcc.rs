//! What the Zoom Contact Center flow reads and writes in the org: the installed package (Tooling
//! `InstalledSubscriberPackage`), the connected user's admin rights, call centers (queried, and
//! deployed through the REST Metadata API's `deployRequest`, polled until done), the package's
//! permission sets and their assignments, and users' `CallCenterId`.

use std::time::Duration;

use serde::Serialize;
use serde_json::{Value, json};
use ts_rs::TS;
use url::Url;

use super::API_VERSION;
use super::session::SalesforceSession;
use crate::connection::{Code, Failure, join};
use crate::vendors::http::{Method, Reply, Request};
use crate::vendors::oauth;
use crate::zcc::agents::{ADMIN_SET_LABEL, AGENT_SET_LABEL, Assignment, Outcome, SalesforceUser};

/// How the package's name reads in `InstalledSubscriberPackage` (seed 003).
pub const ZCC_PACKAGE_NAME: &str = "Zoom Contact Center";
/// Deploy status reads before giving up, one a second after the first.
const DEPLOY_POLLS: u32 = 120;

/// An installed managed package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstalledPackage {
    pub name: String,
    pub namespace: Option<String>,
    /// `Summer 2026 (2.14.0.3)`-style: the version name and number.
    pub version: String,
}

/// A call center as `CallCenter` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallCenter {
    pub id: String,
    pub internal_name: String,
    pub name: String,
    pub adapter_url: Option<String>,
}

/// The connected user's profile and whether it can set up the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AdminRights {
    pub profile: String,
    pub admin: bool,
}

/// The package's permission sets, by label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackageSets {
    pub admin: Option<String>,
    pub agent: Option<String>,
}

fn text(record: &Value, field: &str) -> Option<String> {
    record.get(field).and_then(Value::as_str).map(str::to_owned)
}

/// A SOQL string literal: `\` and `'` escaped.
fn literal(value: &str) -> String {
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A Salesforce REST error body's first `{errorCode, message}`.
fn refusal(reply: &Reply) -> (String, String) {
    let body = reply.json().unwrap_or(Value::Null);
    let first = body.get(0).unwrap_or(&Value::Null);
    (
        text(first, "errorCode").unwrap_or_else(|| reply.status.to_string()),
        text(first, "message").unwrap_or_default(),
    )
}

/// Errors that stop a whole run rather than one row: the org's allowance, API access, sessions.
fn run_failure(reply: &Reply, code: &str) -> Option<Failure> {
    match code {
        "REQUEST_LIMIT_EXCEEDED" => Some(Failure::new(Code::SalesforceRequestLimitExceeded).with(
            "usage",
            reply.header("sforce-limit-info").unwrap_or_default(),
        )),
        "API_DISABLED_FOR_ORG" | "API_CURRENTLY_DISABLED" => {
            Some(Failure::new(Code::SalesforceApiDisabled))
        }
        _ if reply.status >= 500 || reply.status == 401 => Some(oauth::unexpected(reply)),
        _ => None,
    }
}

/// A write's reply as its row's outcome; `already` names the codes that mean "already so".
fn write_outcome(reply: &Reply, already: &[&str]) -> Result<Outcome, Failure> {
    if reply.is_success() {
        return Ok(Outcome::Done);
    }
    let (code, message) = refusal(reply);
    if let Some(failure) = run_failure(reply, &code) {
        return Err(failure);
    }
    if already.contains(&code.as_str()) {
        return Ok(Outcome::AlreadyDone);
    }
    Ok(Outcome::Refused {
        error_code: code,
        message,
    })
}

impl SalesforceSession {
    fn data(&self, path: &str) -> Url {
        join(&self.api, &format!("/services/data/{API_VERSION}{path}"))
    }

    fn soql(&self, api: &str, soql: &str) -> Url {
        let mut url = self.data(api);
        url.query_pairs_mut().append_pair("q", soql);
        url
    }

    /// The installed managed packages (Tooling API).
    pub async fn installed_packages(&self) -> Result<Vec<InstalledPackage>, Failure> {
        let url = self.soql(
            "/tooling/query",
            "SELECT Id, SubscriberPackage.Name, SubscriberPackage.NamespacePrefix, SubscriberPackageVersion.Name, SubscriberPackageVersion.MajorVersion, SubscriberPackageVersion.MinorVersion, SubscriberPackageVersion.PatchVersion, SubscriberPackageVersion.BuildNumber FROM InstalledSubscriberPackage",
        );
        let records = self.records(url).await?;
        Ok(records
            .iter()
            .filter_map(|r| {
                let package = r.get("SubscriberPackage")?;
                let version = r.get("SubscriberPackageVersion").unwrap_or(&Value::Null);
                let number = |f: &str| version.get(f).and_then(Value::as_i64).unwrap_or(0);
                Some(InstalledPackage {
                    name: text(package, "Name")?,
                    namespace: text(package, "NamespacePrefix"),
                    version: format!(
                        "{} ({}.{}.{}.{})",
                        text(version, "Name").unwrap_or_default(),
                        number("MajorVersion"),
                        number("MinorVersion"),
                        number("PatchVersion"),
                        number("BuildNumber")
                    ),
                })
            })
            .collect())
    }

    /// The connected user's profile: an admin can customize the application and manage users.
    pub async fn admin_rights(&self, username: &str) -> Result<AdminRights, Failure> {
        let url = self.soql(
            "/query",
            &format!(
                "SELECT Id, Profile.Name, Profile.PermissionsCustomizeApplication, Profile.PermissionsManageUsers FROM User WHERE Username = {}",
                literal(username)
            ),
        );
        let records = self.records(url).await?;
        let profile = records
            .first()
            .and_then(|r| r.get("Profile"))
            .cloned()
            .unwrap_or(Value::Null);
        let allowed = |f: &str| profile.get(f).and_then(Value::as_bool).unwrap_or(false);
        Ok(AdminRights {
            profile: text(&profile, "Name").unwrap_or_default(),
            admin: allowed("PermissionsCustomizeApplication") && allowed("PermissionsManageUsers"),
        })
    }

    pub async fn call_centers(&self) -> Result<Vec<CallCenter>, Failure> {
        let url = self.soql(
            "/query",
            "SELECT Id, Name, InternalName, AdapterUrl FROM CallCenter",
        );
        Ok(self
            .records(url)
            .await?
            .iter()
            .filter_map(|r| {
                Some(CallCenter {
                    id: text(r, "Id")?,
                    internal_name: text(r, "InternalName")?,
                    name: text(r, "Name").unwrap_or_default(),
                    adapter_url: text(r, "AdapterUrl"),
                })
            })
            .collect())
    }

    /// Deploys `zip` (package.xml + the call center) and waits for the outcome: Ok when it
    /// succeeded, else the first component's problem (`component` = `full_name`).
    pub async fn deploy(&self, zip: Vec<u8>, full_name: &str) -> Result<String, Failure> {
        let boundary = "switchboard-deploy-7f3a9c";
        let options = json!({ "deployOptions": {
            "singlePackage": true, "rollbackOnError": true, "checkOnly": false,
            "testLevel": "NoTestRun",
        }});
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"json\"\r\nContent-Type: application/json\r\n\r\n{options}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"deploy.zip\"\r\nContent-Type: application/zip\r\n\r\n"
        )
        .into_bytes();
        body.extend(zip);
        body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
        let request = Request::post_bytes(
            self.data("/metadata/deployRequest"),
            &format!("multipart/form-data; boundary={boundary}"),
            body,
        );
        let reply = self.send(&request).await?;
        if !reply.is_success() {
            let (code, message) = refusal(&reply);
            return Err(run_failure(&reply, &code).unwrap_or_else(|| {
                Failure::new(Code::SalesforceDeployFailed)
                    .with("component", full_name)
                    .with("problem", format!("{code}: {message}"))
            }));
        }
        let created = reply.json().unwrap_or(Value::Null);
        let id = text(&created, "id").ok_or_else(|| oauth::unexpected(&reply))?;
        let mut status_url = self.data(&format!("/metadata/deployRequest/{id}"));
        status_url
            .query_pairs_mut()
            .append_pair("includeDetails", "true");
        for poll in 0..DEPLOY_POLLS {
            if poll > 0 {
                self.clock().sleep(Duration::from_secs(1)).await;
            }
            let status = self.get(&status_url).await?;
            let result = &status["deployResult"];
            if result["done"] != Value::Bool(true) {
                continue;
            }
            if result["success"] == Value::Bool(true) {
                return Ok(id);
            }
            let failure = result
                .pointer("/details/componentFailures/0")
                .cloned()
                .unwrap_or(Value::Null);
            let problem = text(&failure, "problem")
                .or_else(|| text(result, "errorMessage"))
                .unwrap_or_else(|| text(result, "status").unwrap_or_default());
            return Err(Failure::new(Code::SalesforceDeployFailed)
                .with(
                    "component",
                    text(&failure, "fullName").unwrap_or_else(|| full_name.to_owned()),
                )
                .with("problem", problem));
        }
        Err(Failure::new(Code::SalesforceDeployPending).with("deployId", id))
    }

    /// The package's two permission sets, found by label.
    pub async fn package_sets(&self) -> Result<PackageSets, Failure> {
        let url = self.soql(
            "/query",
            "SELECT Id, Name, Label FROM PermissionSet WHERE IsOwnedByProfile = false",
        );
        let records = self.records(url).await?;
        let find = |label: &str| {
            records
                .iter()
                .find(|r| r.get("Label").and_then(Value::as_str) == Some(label))
                .and_then(|r| text(r, "Id"))
        };
        Ok(PackageSets {
            admin: find(ADMIN_SET_LABEL),
            agent: find(AGENT_SET_LABEL),
        })
    }

    /// Assignments of the given permission sets.
    pub async fn assignments(&self, sets: &[&str]) -> Result<Vec<Assignment>, Failure> {
        if sets.is_empty() {
            return Ok(Vec::new());
        }
        let list: Vec<String> = sets.iter().map(|s| literal(s)).collect();
        let url = self.soql(
            "/query",
            &format!(
                "SELECT Id, AssigneeId, PermissionSetId FROM PermissionSetAssignment WHERE PermissionSetId IN ({})",
                list.join(", ")
            ),
        );
        Ok(self
            .records(url)
            .await?
            .iter()
            .filter_map(|r| {
                Some(Assignment {
                    id: text(r, "Id")?,
                    user_id: text(r, "AssigneeId")?,
                    permission_set_id: text(r, "PermissionSetId")?,
                })
            })
            .collect())
    }

    /// The org's standard users (agents are chosen among them).
    pub async fn users(&self) -> Result<Vec<SalesforceUser>, Failure> {
        let url = self.soql(
            "/query",
            "SELECT Id, Name, Email, IsActive, CallCenterId FROM User WHERE UserType = 'Standard'",
        );
        Ok(self
            .records(url)
            .await?
            .iter()
            .filter_map(|r| {
                Some(SalesforceUser {
                    id: text(r, "Id")?,
                    name: text(r, "Name").unwrap_or_default(),
                    email: text(r, "Email").unwrap_or_default(),
                    active: r.get("IsActive").and_then(Value::as_bool).unwrap_or(false),
                    call_center_id: text(r, "CallCenterId"),
                })
            })
            .collect())
    }

    /// Inserts a `PermissionSetAssignment`; a duplicate is already done.
    pub async fn assign(&self, user_id: &str, set_id: &str) -> Result<Outcome, Failure> {
        let request = Request::post_json(
            self.data("/sobjects/PermissionSetAssignment"),
            json!({ "AssigneeId": user_id, "PermissionSetId": set_id }),
        );
        write_outcome(&self.send(&request).await?, &["DUPLICATE_VALUE"])
    }

    /// Deletes a `PermissionSetAssignment`; one already gone is already done.
    pub async fn unassign(&self, assignment_id: &str) -> Result<Outcome, Failure> {
        let request = Request::without_body(
            Method::Delete,
            self.data(&format!(
                "/sobjects/PermissionSetAssignment/{assignment_id}"
            )),
        );
        let reply = self.send(&request).await?;
        if reply.status == 404 {
            return Ok(Outcome::AlreadyDone);
        }
        write_outcome(&reply, &["ENTITY_IS_DELETED"])
    }

    /// Sets (or clears) `User.CallCenterId`.
    pub async fn set_call_center(
        &self,
        user_id: &str,
        call_center_id: Option<&str>,
    ) -> Result<Outcome, Failure> {
        let request = Request::with_json(
            Method::Patch,
            self.data(&format!("/sobjects/User/{user_id}")),
            json!({ "CallCenterId": call_center_id }),
        );
        write_outcome(&self.send(&request).await?, &[])
    }
}
