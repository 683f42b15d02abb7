//! The demo Salesforce org's records the wizard reads: `Profile`, `User` (an integration user plus
//! agents from the shared directory), Omni-Channel `ServicePresenceStatus`, and the Zoom Contact
//! Center objects (`CallCenter`, `PermissionSet`, `PermissionSetAssignment`, Tooling
//! `InstalledSubscriberPackage`, seeded in [`super::zcc`]), with real-looking 18-character ids.

use serde_json::{Map, Value, json};

use crate::clock::{now_unix, salesforce as sf_time};
use crate::seed::{Locale, Person, PersonStatus, Rng};

/// The org's queryable objects, with their fields in Salesforce's canonical case.
pub(crate) const OBJECTS: &[(&str, &[&str])] = &[
    (
        "Profile",
        &[
            "Id",
            "Name",
            "UserType",
            "Description",
            "PermissionsCustomizeApplication",
            "PermissionsManageUsers",
            "CreatedDate",
            "LastModifiedDate",
        ],
    ),
    (
        "User",
        &[
            "Id",
            "Username",
            "FirstName",
            "LastName",
            "Name",
            "Email",
            "IsActive",
            "ProfileId",
            "UserType",
            "FederationIdentifier",
            "LanguageLocaleKey",
            "TimeZoneSidKey",
            "CallCenterId",
            "Department",
            "Title",
            "CreatedDate",
            "LastModifiedDate",
        ],
    ),
    (
        "ServicePresenceStatus",
        &[
            "Id",
            "DeveloperName",
            "MasterLabel",
            "Language",
            "IsDeleted",
            "CreatedDate",
            "LastModifiedDate",
        ],
    ),
    (
        "CallCenter",
        &[
            "Id",
            "Name",
            "InternalName",
            "AdapterUrl",
            "Version",
            "CreatedDate",
            "LastModifiedDate",
        ],
    ),
    (
        "PermissionSet",
        &["Id", "Name", "Label", "IsOwnedByProfile", "NamespacePrefix"],
    ),
    (
        "PermissionSetAssignment",
        &["Id", "AssigneeId", "PermissionSetId"],
    ),
];

/// Objects of the Tooling API (`/tooling/query`), apart from the data objects above.
pub(crate) const TOOLING_OBJECTS: &[(&str, &[&str])] = &[
    (
        "InstalledSubscriberPackage",
        &["Id", "SubscriberPackageId", "SubscriberPackageVersionId"],
    ),
    ("SubscriberPackage", &["Id", "Name", "NamespacePrefix"]),
    (
        "SubscriberPackageVersion",
        &[
            "Id",
            "Name",
            "MajorVersion",
            "MinorVersion",
            "PatchVersion",
            "BuildNumber",
        ],
    ),
];

/// Relationships a query may follow: `(object, relationship, id field, related object)`.
pub(crate) const RELATIONS: &[(&str, &str, &str, &str)] = &[
    ("User", "Profile", "ProfileId", "Profile"),
    (
        "InstalledSubscriberPackage",
        "SubscriberPackage",
        "SubscriberPackageId",
        "SubscriberPackage",
    ),
    (
        "InstalledSubscriberPackage",
        "SubscriberPackageVersion",
        "SubscriberPackageVersionId",
        "SubscriberPackageVersion",
    ),
];

/// The people who are the org's agents: every fifth person of the directory, no pending ones
/// (the Zoom Contact Center users are built from the same list, so both sides match by e-mail).
pub(crate) fn agents(people: &[Person]) -> impl Iterator<Item = &Person> {
    let count = (people.len() / 5).max(people.len().min(1));
    people
        .iter()
        .filter(|p| p.status != PersonStatus::Pending)
        .take(count)
}

/// A 15-character id made case-insensitive with Salesforce's 3-character checksum suffix.
pub(crate) fn id18(prefix: &str, rng: &mut Rng) -> String {
    let id15 = format!("{prefix}{}", rng.alnum(15 - prefix.len()));
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    let suffix: String = id15
        .as_bytes()
        .chunks(5)
        .map(|chunk| {
            let flags = chunk
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_ascii_uppercase())
                .fold(0usize, |acc, (i, _)| acc | (1 << i));
            char::from(alphabet[flags])
        })
        .collect();
    format!("{id15}{suffix}")
}

#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub object: &'static str,
    pub fields: Map<String, Value>,
}

impl Record {
    pub(crate) fn id(&self) -> &str {
        self.fields.get("Id").and_then(Value::as_str).unwrap_or("")
    }
}

#[derive(Debug)]
pub(crate) struct Org {
    pub org_id: String,
    pub integration_user_id: String,
    pub records: Vec<Record>,
    /// Users whose `CallCenterId` the org refuses to change (sharing rules): the REST update
    /// answers `INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY`.
    pub call_center_locked: Vec<String>,
    /// Ids of records created while the emulator runs.
    pub(crate) rng: Rng,
}

pub(crate) fn record(object: &'static str, fields: Value) -> Record {
    Record {
        object,
        fields: fields.as_object().cloned().unwrap_or_default(),
    }
}

pub(crate) const CREATED: i64 = 1_704_067_200; // 2024-01-01

fn presence_status(rng: &mut Rng, developer_name: &str, label: &str, created: i64) -> Record {
    record(
        "ServicePresenceStatus",
        json!({
            "Id": id18("0N5", rng), "DeveloperName": developer_name,
            "MasterLabel": label, "Language": "en_US", "IsDeleted": false,
            "CreatedDate": sf_time(created), "LastModifiedDate": sf_time(created),
        }),
    )
}

fn locale_keys(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::French => ("fr", "Europe/Paris"),
        Locale::Japanese => ("ja", "Asia/Tokyo"),
        Locale::EnglishUs => ("en_US", "America/New_York"),
        Locale::EnglishUk => ("en_GB", "Europe/London"),
    }
}

impl Org {
    pub(crate) fn seeded(rng: &Rng, people: &[Person], integration_username: &str) -> Self {
        let mut rng = rng.derive("salesforce");
        let org_id = id18("00D", &mut rng);
        let mut records = Vec::new();
        let profiles = [
            ("System Administrator", "Standard", "Full access"),
            ("Standard User", "Standard", "Standard platform access"),
            (
                "Service Agent",
                "Standard",
                "Omni-Channel agents (custom profile)",
            ),
            ("Read Only", "Standard", "Read-only access"),
            ("Minimum Access - Salesforce", "Standard", "Minimum access"),
        ];
        let mut profile_ids = Vec::new();
        for (name, user_type, description) in profiles {
            let id = id18("00e", &mut rng);
            let admin = name == "System Administrator";
            profile_ids.push(id.clone());
            records.push(record(
                "Profile",
                json!({
                    "Id": id, "Name": name, "UserType": user_type, "Description": description,
                    "PermissionsCustomizeApplication": admin, "PermissionsManageUsers": admin,
                    "CreatedDate": sf_time(CREATED), "LastModifiedDate": sf_time(CREATED),
                }),
            ));
        }
        let integration_user_id = id18("005", &mut rng);
        records.push(record(
            "User",
            json!({
                "Id": integration_user_id, "Username": integration_username,
                "FirstName": "Integration", "LastName": "Switchboard",
                "Name": "Integration Switchboard", "Email": integration_username,
                "IsActive": true, "ProfileId": profile_ids[0], "UserType": "Standard",
                "FederationIdentifier": null, "LanguageLocaleKey": "en_US",
                "TimeZoneSidKey": "America/New_York", "CallCenterId": null,
                "Department": "IT", "Title": "Integration user",
                "CreatedDate": sf_time(CREATED), "LastModifiedDate": sf_time(CREATED),
            }),
        ));
        // Agents are the same people as the CXone agents: every fifth person, no pending ones.
        for person in agents(people) {
            let (language, zone) = locale_keys(person.locale);
            records.push(record(
                "User",
                json!({
                    "Id": id18("005", &mut rng), "Username": person.email,
                    "FirstName": person.first_name, "LastName": person.last_name,
                    "Name": format!("{} {}", person.first_name, person.last_name),
                    "Email": person.email, "IsActive": person.status == PersonStatus::Active,
                    "ProfileId": profile_ids[2], "UserType": "Standard",
                    "FederationIdentifier": person.email, "LanguageLocaleKey": language,
                    "TimeZoneSidKey": zone, "CallCenterId": null,
                    "Department": person.department, "Title": person.job_title,
                    "CreatedDate": sf_time(person.created_unix.max(CREATED)),
                    "LastModifiedDate": sf_time(person.last_login_unix.max(CREATED)),
                }),
            ));
        }
        // Labels in the languages of the org's agents: the Developer Name stays ASCII.
        let statuses = [
            ("Available", "Available"),
            ("Available_Voice", "Available - Voice"),
            ("Busy", "Busy"),
            ("On_Call", "On Call"),
            ("On_Break", "On Break"),
            ("Lunch", "Lunch"),
            ("Meeting", "Meeting"),
            ("Training", "Training"),
            ("Away", "Away"),
            ("Pause_cafe", "Pause café"),
            ("Hiru_yasumi", "昼休み"),
        ];
        for (developer_name, label) in statuses {
            records.push(presence_status(&mut rng, developer_name, label, CREATED));
        }
        Self {
            org_id,
            integration_user_id,
            records,
            // The Zoom Contact Center part of the org is seeded on top (`zcc::seed`).
            call_center_locked: Vec::new(),
            rng,
        }
    }

    /// See [`super::Salesforce::add_presence_status`].
    pub(crate) fn add_presence_status(&mut self, developer_name: &str, label: &str) -> bool {
        let taken = self.records.iter().any(|r| {
            r.object == "ServicePresenceStatus"
                && r.fields
                    .get("DeveloperName")
                    .and_then(Value::as_str)
                    .is_some_and(|n| n.eq_ignore_ascii_case(developer_name))
        });
        if taken {
            return false;
        }
        let status = presence_status(&mut self.rng, developer_name, label, now_unix());
        self.records.push(status);
        true
    }

    pub(crate) fn find(&self, object: &str, id: &str) -> Option<&Record> {
        self.records
            .iter()
            .find(|r| r.object == object && r.id() == id)
    }

    pub(crate) fn find_mut(&mut self, object: &str, id: &str) -> Option<&mut Record> {
        self.records
            .iter_mut()
            .find(|r| r.object == object && r.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id18_appends_the_case_checksum() {
        let mut rng = Rng::new(1);
        let id = id18("005", &mut rng);
        assert_eq!(id.len(), 18);
        assert!(id.starts_with("005"));
        let suffix = &id[15..];
        assert!(
            suffix
                .chars()
                .all(|c| c.is_ascii_uppercase() || ('0'..='5').contains(&c))
        );
    }
}
