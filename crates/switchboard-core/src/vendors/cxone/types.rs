//! What a CXone admin session returns, read leniently from CXone's JSON (ids arrive as numbers
//! or as numeric strings), and serialisable in camelCase so it can cross to the UI.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressBook {
    pub id: i64,
    pub name: String,
    /// `Standard` or `Dynamic`.
    pub kind: String,
    /// Agent ids the book is assigned to.
    pub agents: Vec<i64>,
    /// Team ids the book is assigned to.
    pub teams: Vec<i64>,
}

/// A checked entry, with CXone's `addressBookEntries` field names. Phones are E.164.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "AddressEntry")]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub first_name: String,
    pub last_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Entry {
    /// Who the entry is, for idempotency: the same person with the same phone and email is the
    /// same entry however it was capitalised or spaced.
    pub fn key(&self) -> String {
        let part = |s: &str| s.trim().to_lowercase();
        [
            part(&self.first_name),
            part(&self.last_name),
            part(self.phone.as_deref().unwrap_or("")),
            part(self.email.as_deref().unwrap_or("")),
        ]
        .join("\u{1f}")
    }
}

/// An entry as stored in a book, with CXone's id for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredEntry {
    pub id: String,
    pub entry: Entry,
}

/// CXone's answer for one entry of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryResult {
    pub success: bool,
    pub id: Option<String>,
    pub error: Option<String>,
}

/// Who a book is assigned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssignKind {
    Team,
    Agent,
}

impl AssignKind {
    /// CXone's `entityType`.
    pub fn as_str(self) -> &'static str {
        match self {
            AssignKind::Team => "Team",
            AssignKind::Agent => "Agent",
        }
    }
}

/// CXone's answer for one entity of an assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignResult {
    pub success: bool,
    pub entity_id: Option<i64>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "CxoneTeam")]
#[serde(rename_all = "camelCase")]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub active: bool,
    pub agent_count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "CxoneAgent")]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    pub id: i64,
    pub user_name: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub active: bool,
}

/// An agent state ("unavailable code"); `acw` marks after-call-work codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnavailableCode {
    pub id: i64,
    pub name: String,
    pub active: bool,
    pub acw: bool,
}

/// A number or a numeric string.
pub(super) fn id(item: &Value, key: &str) -> Option<i64> {
    match item.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A string, or a number printed.
pub(super) fn text(item: &Value, key: &str) -> Option<String> {
    match item.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub(super) fn flag(item: &Value, key: &str) -> bool {
    item.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn ids(item: &Value, list: &str, key: &str) -> Vec<i64> {
    let items = item.get(list).and_then(Value::as_array);
    items
        .into_iter()
        .flatten()
        .filter_map(|i| id(i, key))
        .collect()
}

impl AddressBook {
    /// An item of `GET /address-books`, or the `resultSet` of a creation.
    pub(super) fn from_wire(item: &Value) -> Option<Self> {
        Some(AddressBook {
            id: id(item, "addressBookId")?,
            name: text(item, "addressBookName").unwrap_or_default(),
            kind: text(item, "addressBookType").unwrap_or_default(),
            agents: ids(item, "agents", "agentId"),
            teams: ids(item, "teams", "teamId"),
        })
    }
}

impl StoredEntry {
    pub(super) fn from_wire(item: &Value) -> Option<Self> {
        let mut fields = item.as_object()?.clone();
        let id = text(item, "addressBookEntryId")?;
        fields.remove("addressBookEntryId");
        let entry = serde_json::from_value(Value::Object(fields)).ok()?;
        Some(StoredEntry { id, entry })
    }
}

/// An entry as CXone takes it: absent fields left out rather than sent as `null`.
pub(super) fn entry_to_wire(entry: &Entry) -> Value {
    let fields = match serde_json::to_value(entry) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    };
    Value::Object(fields.into_iter().filter(|(_, v)| !v.is_null()).collect())
}

impl EntryResult {
    pub(super) fn from_wire(item: &Value) -> Self {
        EntryResult {
            success: flag(item, "success"),
            id: text(item, "addressBookEntryId"),
            error: text(item, "error"),
        }
    }
}

impl AssignResult {
    pub(super) fn from_wire(item: &Value) -> Self {
        AssignResult {
            success: flag(item, "success"),
            entity_id: id(item, "entityId"),
            error: text(item, "error"),
        }
    }
}

impl Team {
    pub(super) fn from_wire(item: &Value) -> Option<Self> {
        Some(Team {
            id: id(item, "teamId")?,
            name: text(item, "teamName").unwrap_or_default(),
            active: flag(item, "isActive"),
            agent_count: item.get("agentCount").and_then(Value::as_u64).unwrap_or(0),
        })
    }
}

impl Agent {
    pub(super) fn from_wire(item: &Value) -> Option<Self> {
        Some(Agent {
            id: id(item, "agentId")?,
            user_name: text(item, "userName").unwrap_or_default(),
            first_name: text(item, "firstName").unwrap_or_default(),
            last_name: text(item, "lastName").unwrap_or_default(),
            email: text(item, "emailAddress").filter(|e| !e.is_empty()),
            team_id: id(item, "teamId"),
            team_name: text(item, "teamName"),
            active: flag(item, "isActive"),
        })
    }
}

impl UnavailableCode {
    pub(super) fn from_wire(item: &Value) -> Option<Self> {
        Some(UnavailableCode {
            id: id(item, "id")?,
            name: text(item, "name").unwrap_or_default(),
            active: flag(item, "isActive"),
            acw: flag(item, "isACW") || flag(item, "isAcw"),
        })
    }
}
