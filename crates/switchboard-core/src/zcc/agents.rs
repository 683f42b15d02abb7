//! Each agent's three places, compared: the Salesforce permission set (Zoom Contact Center Admin
//! or Agent), the Salesforce call center (`User.CallCenterId`) and the Zoom Contact Center
//! client integration (`Salesforce` + the connection's name). Salesforce users and Zoom Contact
//! Center users are matched by e-mail (trimmed, case-insensitive); the rest is listed with why.
//! From the table, a plan of writes that fixes every ✗, or (removal) undoes every ✓.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The Zoom client integration value for Salesforce.
pub const SALESFORCE_INTEGRATION: &str = "Salesforce";
/// The permission sets the package brings, by label (seed 003).
pub const ADMIN_SET_LABEL: &str = "Zoom Contact Center Admin";
pub const AGENT_SET_LABEL: &str = "Zoom Contact Center Agent";

/// A Salesforce user as the table reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SalesforceUser {
    pub id: String,
    pub name: String,
    pub email: String,
    pub active: bool,
    pub call_center_id: Option<String>,
}

/// A Zoom Contact Center user (`client_integration_name` read one by one, only where needed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContactCenterUser {
    pub id: String,
    pub name: String,
    pub email: String,
    pub client_integration: String,
    pub client_integration_name: Option<String>,
}

/// A `PermissionSetAssignment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    pub id: String,
    pub user_id: String,
    pub permission_set_id: String,
}

/// Which of the package's permission sets new agents get.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    #[default]
    Agent,
    Admin,
}

/// What the org holds that the table compares against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrgFacts {
    /// `Id` of "Zoom Contact Center Admin" and of "Zoom Contact Center Agent", when found.
    pub admin_set_id: Option<String>,
    pub agent_set_id: Option<String>,
    /// The target call center's `Id`, when it exists; its internal name either way.
    pub call_center_id: Option<String>,
    pub call_center: String,
    /// Names of the org's other call centers by `Id` (to say where an agent is instead).
    pub other_call_centers: BTreeMap<String, String>,
    /// The Zoom connection name agents must point to (the seed's "Salesforce").
    pub connection_name: String,
}

/// One of the three places, for one agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum Place {
    Set,
    Missing,
    /// Set to something else: another call center, another integration or connection.
    Elsewhere {
        what: String,
    },
}

impl Place {
    pub fn is_set(&self) -> bool {
        matches!(self, Place::Set)
    }

    pub fn mark(&self) -> &'static str {
        if self.is_set() { "✓" } else { "✗" }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgentRow {
    pub email: String,
    pub name: String,
    pub salesforce_user_id: String,
    pub zoom_user_id: String,
    pub permission_set: Place,
    pub call_center: Place,
    pub client_integration: Place,
    /// Assignments of the package's sets this user holds (what removal deletes).
    pub assignment_ids: Vec<String>,
    /// Among the agents the admin chose (every matched user while none is chosen): only these
    /// are planned and decide whether an agent step is Done.
    pub chosen: bool,
}

impl AgentRow {
    pub fn complete(&self) -> bool {
        self.permission_set.is_set()
            && self.call_center.is_set()
            && self.client_integration.is_set()
    }
}

/// Why a user on one side is not in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Unmatched {
    /// A Salesforce user with no Zoom Contact Center user of that e-mail.
    NotInZoomContactCenter,
    /// A Zoom Contact Center user with no Salesforce user of that e-mail.
    NotInSalesforce,
    /// The Salesforce user of that e-mail is inactive.
    InactiveInSalesforce,
    /// Several users of one side share the e-mail: which one is meant cannot be told.
    DuplicateEmail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnmatchedUser {
    pub email: String,
    pub name: String,
    /// `salesforce` or `zoom`: the side the user is on.
    pub side: String,
    pub reason: Unmatched,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgentTable {
    pub rows: Vec<AgentRow>,
    pub unmatched: Vec<UnmatchedUser>,
}

/// The e-mail as both sides are compared: trimmed, lower case.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

fn group<T>(items: &[T], email: impl Fn(&T) -> &str) -> BTreeMap<String, Vec<&T>> {
    let mut out: BTreeMap<String, Vec<&T>> = BTreeMap::new();
    for item in items {
        let key = email_key(email(item));
        if !key.is_empty() {
            out.entry(key).or_default().push(item);
        }
    }
    out
}

/// The table: one row per e-mail found on both sides, the others listed with the reason.
pub fn table(
    salesforce: &[SalesforceUser],
    zoom: &[ContactCenterUser],
    assignments: &[Assignment],
    facts: &OrgFacts,
) -> AgentTable {
    let sf = group(salesforce, |u| &u.email);
    let cc = group(zoom, |u| &u.email);
    let sets: Vec<&String> = [&facts.admin_set_id, &facts.agent_set_id]
        .into_iter()
        .flatten()
        .collect();
    let mut rows = Vec::new();
    let mut unmatched = Vec::new();
    let mut miss = |email: &str, name: &str, side: &str, reason| {
        unmatched.push(UnmatchedUser {
            email: email.trim().to_owned(),
            name: name.to_owned(),
            side: side.to_owned(),
            reason,
        })
    };
    for (key, users) in &sf {
        let active: Vec<&&SalesforceUser> = users.iter().filter(|u| u.active).collect();
        let Some(zoom_users) = cc.get(key) else {
            for user in active {
                miss(
                    &user.email,
                    &user.name,
                    "salesforce",
                    Unmatched::NotInZoomContactCenter,
                );
            }
            continue;
        };
        match (active.as_slice(), zoom_users.as_slice()) {
            ([user], [zoom_user]) => {
                let held: Vec<&Assignment> = assignments
                    .iter()
                    .filter(|a| a.user_id == user.id && sets.contains(&&a.permission_set_id))
                    .collect();
                rows.push(AgentRow {
                    email: user.email.trim().to_owned(),
                    name: user.name.clone(),
                    salesforce_user_id: user.id.clone(),
                    zoom_user_id: zoom_user.id.clone(),
                    permission_set: if held.is_empty() {
                        Place::Missing
                    } else {
                        Place::Set
                    },
                    call_center: call_center_place(user, facts),
                    client_integration: integration_place(zoom_user, facts),
                    assignment_ids: held.iter().map(|a| a.id.clone()).collect(),
                    chosen: true,
                });
            }
            ([], _) => {
                for zoom_user in zoom_users {
                    miss(
                        &zoom_user.email,
                        &zoom_user.name,
                        "zoom",
                        Unmatched::InactiveInSalesforce,
                    );
                }
            }
            _ => {
                for user in active {
                    miss(
                        &user.email,
                        &user.name,
                        "salesforce",
                        Unmatched::DuplicateEmail,
                    );
                }
                for zoom_user in zoom_users {
                    miss(
                        &zoom_user.email,
                        &zoom_user.name,
                        "zoom",
                        Unmatched::DuplicateEmail,
                    );
                }
            }
        }
    }
    for (key, zoom_users) in &cc {
        if !sf.contains_key(key) {
            for zoom_user in zoom_users {
                miss(
                    &zoom_user.email,
                    &zoom_user.name,
                    "zoom",
                    Unmatched::NotInSalesforce,
                );
            }
        }
    }
    AgentTable { rows, unmatched }
}

fn call_center_place(user: &SalesforceUser, facts: &OrgFacts) -> Place {
    match (&user.call_center_id, &facts.call_center_id) {
        (Some(current), Some(target)) if current == target => Place::Set,
        (Some(current), _) => Place::Elsewhere {
            what: facts
                .other_call_centers
                .get(current)
                .cloned()
                .unwrap_or_else(|| current.clone()),
        },
        (None, _) => Place::Missing,
    }
}

fn integration_place(user: &ContactCenterUser, facts: &OrgFacts) -> Place {
    let name = user.client_integration_name.as_deref().unwrap_or_default();
    if user.client_integration != SALESFORCE_INTEGRATION {
        return if user.client_integration == "Default" || user.client_integration.is_empty() {
            Place::Missing
        } else {
            Place::Elsewhere {
                what: user.client_integration.clone(),
            }
        };
    }
    if name == facts.connection_name {
        Place::Set
    } else {
        Place::Elsewhere {
            what: format!("{SALESFORCE_INTEGRATION} ({name})"),
        }
    }
}

/// One write of a plan, for one agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Action {
    /// `PermissionSetAssignment` insert.
    AssignPermissionSet {
        email: String,
        user_id: String,
        permission_set_id: String,
    },
    /// `User.CallCenterId` set (or cleared, on removal).
    SetCallCenter {
        email: String,
        user_id: String,
        call_center_id: Option<String>,
    },
    /// Zoom `client_integration` (+ connection name), or `Default` on removal.
    SetClientIntegration {
        email: String,
        zoom_user_id: String,
        client_integration: String,
        connection_name: Option<String>,
    },
    /// `PermissionSetAssignment` delete (removal).
    RemovePermissionSet {
        email: String,
        assignment_id: String,
    },
}

impl Action {
    pub fn email(&self) -> &str {
        match self {
            Action::AssignPermissionSet { email, .. }
            | Action::SetCallCenter { email, .. }
            | Action::SetClientIntegration { email, .. }
            | Action::RemovePermissionSet { email, .. } => email,
        }
    }

    /// The place this write changes (`permissionSet`, `callCenter`, `clientIntegration`).
    pub fn place(&self) -> &'static str {
        match self {
            Action::AssignPermissionSet { .. } | Action::RemovePermissionSet { .. } => {
                "permissionSet"
            }
            Action::SetCallCenter { .. } => "callCenter",
            Action::SetClientIntegration { .. } => "clientIntegration",
        }
    }
}

/// Enabling agents, or undoing it (removal).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    #[default]
    Enable,
    Remove,
}

/// The writes, in order, plus what could not be planned (e.g. no call center to join yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgentPlan {
    pub direction: Direction,
    pub actions: Vec<Action>,
}

/// The plan for `rows` (the agents chosen): enabling fixes every ✗ (a call center missing from
/// the org is left out: it has to be deployed first); removal undoes, in the seed's order, the
/// client integration, the call center, then the permission sets.
pub fn plan(rows: &[AgentRow], facts: &OrgFacts, role: Role, direction: Direction) -> AgentPlan {
    let mut actions = Vec::new();
    match direction {
        Direction::Enable => {
            let set = match role {
                Role::Agent => &facts.agent_set_id,
                Role::Admin => &facts.admin_set_id,
            };
            for row in rows {
                if let (false, Some(set)) = (row.permission_set.is_set(), set) {
                    actions.push(Action::AssignPermissionSet {
                        email: row.email.clone(),
                        user_id: row.salesforce_user_id.clone(),
                        permission_set_id: set.clone(),
                    });
                }
                if let (false, Some(center)) = (row.call_center.is_set(), &facts.call_center_id) {
                    actions.push(Action::SetCallCenter {
                        email: row.email.clone(),
                        user_id: row.salesforce_user_id.clone(),
                        call_center_id: Some(center.clone()),
                    });
                }
                if !row.client_integration.is_set() {
                    actions.push(Action::SetClientIntegration {
                        email: row.email.clone(),
                        zoom_user_id: row.zoom_user_id.clone(),
                        client_integration: SALESFORCE_INTEGRATION.to_owned(),
                        connection_name: Some(facts.connection_name.clone()),
                    });
                }
            }
        }
        Direction::Remove => {
            for row in rows.iter().filter(|r| r.client_integration.is_set()) {
                actions.push(Action::SetClientIntegration {
                    email: row.email.clone(),
                    zoom_user_id: row.zoom_user_id.clone(),
                    client_integration: "Default".to_owned(),
                    connection_name: None,
                });
            }
            for row in rows.iter().filter(|r| r.call_center.is_set()) {
                actions.push(Action::SetCallCenter {
                    email: row.email.clone(),
                    user_id: row.salesforce_user_id.clone(),
                    call_center_id: None,
                });
            }
            for row in rows {
                for id in &row.assignment_ids {
                    actions.push(Action::RemovePermissionSet {
                        email: row.email.clone(),
                        assignment_id: id.clone(),
                    });
                }
            }
        }
    }
    AgentPlan { direction, actions }
}

/// How one write of a plan ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "outcome")]
pub enum Outcome {
    Done,
    /// Already so (a duplicate assignment, an assignment already gone).
    AlreadyDone,
    /// The vendor refused this write for this user: the row keeps its manual instructions.
    Refused {
        error_code: String,
        message: String,
    },
}

/// One write's outcome, by its index in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionOutcome {
    pub index: usize,
    pub email: String,
    pub place: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sf(id: &str, email: &str, active: bool, center: Option<&str>) -> SalesforceUser {
        SalesforceUser {
            id: id.into(),
            name: id.into(),
            email: email.into(),
            active,
            call_center_id: center.map(Into::into),
        }
    }

    fn cc(id: &str, email: &str, integration: &str, name: Option<&str>) -> ContactCenterUser {
        ContactCenterUser {
            id: id.into(),
            name: id.into(),
            email: email.into(),
            client_integration: integration.into(),
            client_integration_name: name.map(Into::into),
        }
    }

    fn facts() -> OrgFacts {
        OrgFacts {
            admin_set_id: Some("0PSadmin".into()),
            agent_set_id: Some("0PSagent".into()),
            call_center_id: Some("04vzoom".into()),
            call_center: "zoomcontactcenter".into(),
            other_call_centers: [("04vother".to_owned(), "Other CTI".to_owned())].into(),
            connection_name: "Salesforce".into(),
        }
    }

    #[test]
    fn users_match_by_trimmed_case_insensitive_email_and_the_rest_says_why() {
        let salesforce = [
            sf("005a", "Ann@Example.com ", true, Some("04vzoom")),
            sf("005b", "bob@example.com", true, Some("04vother")),
            sf("005c", "cy@example.com", false, None),
            sf("005d", "dee@example.com", true, None),
        ];
        let zoom = [
            cc("za", " ann@example.COM", "Salesforce", Some("Salesforce")),
            cc(
                "zb",
                "bob@example.com",
                "Salesforce",
                Some("Salesforce Sandbox"),
            ),
            cc("zc", "cy@example.com", "Default", None),
            cc("ze", "eve@example.com", "Default", None),
        ];
        let assignments = [Assignment {
            id: "0Pa1".into(),
            user_id: "005a".into(),
            permission_set_id: "0PSagent".into(),
        }];
        let table = table(&salesforce, &zoom, &assignments, &facts());
        let ann = &table.rows[0];
        assert!(ann.complete(), "{ann:?}");
        let bob = &table.rows[1];
        assert_eq!(bob.permission_set, Place::Missing);
        assert_eq!(
            bob.call_center,
            Place::Elsewhere {
                what: "Other CTI".into()
            }
        );
        assert_eq!(
            bob.client_integration,
            Place::Elsewhere {
                what: "Salesforce (Salesforce Sandbox)".into()
            }
        );
        let reasons: Vec<(&str, Unmatched)> = table
            .unmatched
            .iter()
            .map(|u| (u.email.as_str(), u.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                ("cy@example.com", Unmatched::InactiveInSalesforce),
                ("dee@example.com", Unmatched::NotInZoomContactCenter),
                ("eve@example.com", Unmatched::NotInSalesforce),
            ]
        );
        let plan = plan(&table.rows, &facts(), Role::Agent, Direction::Enable);
        assert_eq!(plan.actions.len(), 3, "bob's three places: {plan:?}");
        let removal = super::plan(&table.rows, &facts(), Role::Agent, Direction::Remove);
        let places: Vec<&str> = removal.actions.iter().map(Action::place).collect();
        assert_eq!(places, ["clientIntegration", "callCenter", "permissionSet"]);
    }
}
