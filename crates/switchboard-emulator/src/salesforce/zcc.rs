//! The demo org's Zoom Contact Center side: the managed package (Tooling
//! `InstalledSubscriberPackage`), its two permission sets, the Zoom call center imported by hand
//! earlier beside another CTI vendor's, and agents left in every mixed state: some without the
//! permission set, some in no call center or in the other one, one the org will not move.

use serde_json::{Value, json};

use super::records::{CREATED, Org, Record, id18, record};
use crate::clock::salesforce as sf_time;
use crate::seed::Rng;

/// The package as Setup › Installed Packages lists it (the seed: "Zoom Contact Center").
pub(crate) const PACKAGE_NAME: &str = "Zoom Contact Center";
const PACKAGE_NAMESPACE: &str = "zoom_cc";
/// The permission sets the package brings (labels as the seed names them in English).
pub(crate) const ADMIN_SET: (&str, &str) =
    ("Zoom_Contact_Center_Admin", "Zoom Contact Center Admin");
pub(crate) const AGENT_SET: (&str, &str) =
    ("Zoom_Contact_Center_Agent", "Zoom Contact Center Agent");
/// The standard definition's Internal Name and Display Name (seed 003).
const ZOOM_CALL_CENTER: (&str, &str) = ("zoomcontactcenter", "Zoom Contact Center");

fn permission_set(rng: &mut Rng, (name, label): (&str, &str), namespace: Option<&str>) -> Record {
    record(
        "PermissionSet",
        json!({
            "Id": id18("0PS", rng), "Name": name, "Label": label,
            "IsOwnedByProfile": false, "NamespacePrefix": namespace,
        }),
    )
}

/// A call center as the REST query shows it.
pub(crate) fn call_center(
    rng: &mut Rng,
    internal_name: &str,
    name: &str,
    adapter_url: &str,
    at: i64,
) -> Record {
    record(
        "CallCenter",
        json!({
            "Id": id18("04v", rng), "Name": name, "InternalName": internal_name,
            "AdapterUrl": adapter_url, "Version": 4.0,
            "CreatedDate": sf_time(at), "LastModifiedDate": sf_time(at),
        }),
    )
}

pub(crate) fn assignment(rng: &mut Rng, user: &str, set: &str) -> Record {
    record(
        "PermissionSetAssignment",
        json!({ "Id": id18("0Pa", rng), "AssigneeId": user, "PermissionSetId": set }),
    )
}

/// The org with its Zoom Contact Center part seeded on top (see [`seed`]).
pub(crate) fn seeded_org(mut org: Org) -> Org {
    org.call_center_locked = seed(&mut org.records, &mut org.rng);
    org
}

/// Adds the package, permission sets, call centers and assignments to `records` (users already
/// there); the ids of users whose call center the org refuses to change.
pub(crate) fn seed(records: &mut Vec<Record>, rng: &mut Rng) -> Vec<String> {
    let package = id18("033", rng);
    let version = id18("04t", rng);
    records.push(record(
        "SubscriberPackage",
        json!({ "Id": package, "Name": PACKAGE_NAME, "NamespacePrefix": PACKAGE_NAMESPACE }),
    ));
    records.push(record(
        "SubscriberPackageVersion",
        json!({
            "Id": version, "Name": "Summer 2026", "MajorVersion": 2, "MinorVersion": 14,
            "PatchVersion": 0, "BuildNumber": 3,
        }),
    ));
    records.push(record(
        "InstalledSubscriberPackage",
        json!({
            "Id": id18("0A3", rng), "SubscriberPackageId": package,
            "SubscriberPackageVersionId": version,
        }),
    ));
    let admin = permission_set(rng, ADMIN_SET, Some(PACKAGE_NAMESPACE));
    let agent = permission_set(rng, AGENT_SET, Some(PACKAGE_NAMESPACE));
    let (admin_id, agent_id) = (admin.id().to_owned(), agent.id().to_owned());
    records.push(admin);
    records.push(agent);
    records.push(permission_set(
        rng,
        ("Knowledge_User", "Knowledge User"),
        None,
    ));
    let zoom = call_center(
        rng,
        ZOOM_CALL_CENTER.0,
        ZOOM_CALL_CENTER.1,
        "https://zoom.us/cci/multi/callbar-cti",
        CREATED,
    );
    let other = call_center(
        rng,
        "DemoAdapterOpenCti",
        "Demo Call Center Adapter",
        "https://softphone.example/cti",
        CREATED,
    );
    let (zoom_id, other_id) = (zoom.id().to_owned(), other.id().to_owned());
    records.push(zoom);
    records.push(other);
    // The first user is the integration user; the agents follow, active ones in the mix.
    let agents: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.object == "User")
        .skip(1)
        .filter(|(_, r)| r.fields.get("IsActive") == Some(&Value::Bool(true)))
        .map(|(i, _)| i)
        .collect();
    let mut locked = Vec::new();
    let mut assignments = Vec::new();
    for (n, &at) in agents.iter().enumerate() {
        let user = records[at].id().to_owned();
        // 0: all set (admin); 1: no permission set; 2: the other vendor's call center;
        // 3: no call center; then every state again with the agent set.
        let set = if n == 0 { &admin_id } else { &agent_id };
        if n % 4 != 1 {
            assignments.push(assignment(rng, &user, set));
        }
        let center = match n % 4 {
            0 | 1 => Some(&zoom_id),
            2 => Some(&other_id),
            _ => None,
        };
        records[at].fields["CallCenterId"] = center.map_or(Value::Null, |c| json!(c));
        if n == 7 {
            locked.push(user);
        }
    }
    records.extend(assignments);
    locked
}
