//! A presence rule as the CXone editor holds it: the States table (ACD state → Salesforce
//! status, what Salesforce shows for a CXone agent state), the Subscriber states table
//! (Salesforce status → ACD state or Previous state), and the teams and users it applies to.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The ACD state every tenant has; all the others are its unavailable codes.
pub const AVAILABLE: &str = "Available";

/// One presence rule. Rows may hold empty strings while the admin edits (a row added but not
/// filled yet); the lint reports them rather than the model refusing them.
/// Every field may be left out of JSON (a rule being written by hand): the lint says what is
/// missing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PresenceRule {
    pub name: String,
    /// Publisher direction, CXone → Salesforce.
    pub states: Vec<StateRow>,
    /// Subscriber direction, Salesforce → CXone.
    pub subscriber_states: Vec<SubscriberRow>,
    pub teams: Vec<Target>,
    pub users: Vec<Target>,
}

/// A States row: while the agent is in the ACD state `acd`, Salesforce shows `salesforce`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StateRow {
    /// ACD state name, e.g. "Available" or an unavailable code such as "Lunch".
    pub acd: String,
    /// The Salesforce status's DeveloperName, e.g. "Available_for_Chat".
    pub salesforce: String,
}

/// A Subscriber states row: when Salesforce shows `salesforce`, CXone moves the agent to `acd`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubscriberRow {
    /// The Salesforce status's DeveloperName.
    pub salesforce: String,
    pub acd: SubscriberTarget,
}

/// Where a Subscriber row sends the agent. JSON: `{"state": "Lunch"}` for an ACD state, the
/// string `"previous"` for Previous state (the agent returns to the ACD state they were in
/// before their current one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum SubscriberTarget {
    #[serde(rename = "state")]
    State(String),
    #[serde(rename = "previous")]
    PreviousState,
}

/// A team or user the rule applies to. Ids are the tenant's own: a rule imported from another
/// customer keeps them, and the UI re-matches by `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "RuleTarget")]
pub struct Target {
    pub id: i64,
    pub name: String,
}

/// The live lists the rule is checked against: the tenant's ACD states (from CXone) and the
/// org's ServicePresenceStatus records (from Salesforce).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(rename = "PresenceCatalog")]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// The unavailable codes; [`AVAILABLE`] is an ACD state whether listed or not.
    #[serde(default)]
    pub acd_states: Vec<String>,
    #[serde(default)]
    pub salesforce_statuses: Vec<SalesforceStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SalesforceStatus {
    pub developer_name: String,
    pub label: String,
    #[serde(default)]
    pub kind: StatusKind,
}

/// A ServicePresenceStatus is Online (the agent can take work) or Busy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(rename = "SalesforceStatusKind")]
#[serde(rename_all = "camelCase")]
pub enum StatusKind {
    Online,
    Busy,
    #[default]
    Unknown,
}

impl Catalog {
    /// Every ACD state, [`AVAILABLE`] first, each once.
    pub fn acd_state_names(&self) -> Vec<&str> {
        let mut names = vec![AVAILABLE];
        for state in &self.acd_states {
            let state = state.trim();
            if !state.is_empty() && !names.contains(&state) {
                names.push(state);
            }
        }
        names
    }

    pub fn has_acd_state(&self, state: &str) -> bool {
        self.acd_state_names().contains(&state.trim())
    }

    pub fn has_salesforce_status(&self, developer_name: &str) -> bool {
        let name = developer_name.trim();
        self.salesforce_statuses
            .iter()
            .any(|s| s.developer_name.trim() == name)
    }
}
