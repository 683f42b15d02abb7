//! A problem found in a presence rule ([`Finding`]), where it is ([`Table`]) and how bad
//! ([`Severity`]): what the lint, the loop finder, the simulator and the diagram share.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

/// Where a finding is: one of the two tables, or the rule as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[ts(rename = "FindingTable")]
#[serde(rename_all = "snake_case")]
pub enum Table {
    States,
    SubscriberStates,
    Rule,
}

/// `Error`: agents will be in the wrong state (loops, duplicates, states that do not exist,
/// unfinished rows). `Warning`: probably an oversight (something unmapped, no name, no targets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem. `row` indexes the table's rows from 0 (`None` for the table or rule as a
/// whole), and so do row numbers in `params` (`firstRow`). The UI translates `code` with
/// `params`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub table: Table,
    pub row: Option<usize>,
    pub params: BTreeMap<String, Value>,
}

impl Finding {
    pub(crate) fn new(code: &'static str, table: Table, row: Option<usize>) -> Finding {
        let severity = match code {
            "presence.acd_unmapped"
            | "presence.salesforce_unmapped"
            | "presence.rule_name_missing"
            | "presence.no_targets" => Severity::Warning,
            _ => Severity::Error,
        };
        Finding {
            code,
            severity,
            table,
            row,
            params: BTreeMap::new(),
        }
    }

    pub(crate) fn with(mut self, key: &str, value: impl Into<Value>) -> Finding {
        self.params.insert(key.to_owned(), value.into());
        self
    }
}
