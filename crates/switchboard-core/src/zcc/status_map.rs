//! The Omni-Channel status map: for each Zoom Contact Center agent status, the Salesforce
//! presence status Salesforce's Zoom settings switch the agent to ("Update Salesforce status
//! to"). It goes one way, so a Zoom status is mapped at most once. The lint checks it against
//! the statuses read live from both sides; the checklist is what to choose in the Zoom settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::presence::{SalesforceStatus, Severity};

/// The seed's example (「対応中」→「通話中」): Occupied → On Call.
pub const EXAMPLE_ZOOM: &str = "Occupied";
/// Names a Salesforce status for the seed's "On Call" may carry (DeveloperName or label).
const EXAMPLE_SALESFORCE: &[&str] = &["on_call", "oncall", "on call", "通話中", "en communication"];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "ZccStatusMap")]
#[serde(rename_all = "camelCase")]
pub struct StatusMap {
    pub rows: Vec<Row>,
}

/// One mapping. `salesforce` is the status's DeveloperName, which survives a label change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "ZccStatusMapRow")]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub zoom: String,
    pub salesforce: String,
}

/// A Zoom Contact Center agent status (`GET /contact_center/system_statuses`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZoomStatus {
    pub id: String,
    pub name: String,
    /// Created by the account's admin (Lunch, Training), not one of Zoom's four.
    pub custom: bool,
}

/// Both sides as last read live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "ZccStatusLists")]
#[serde(rename_all = "camelCase")]
pub struct Lists {
    pub zoom: Vec<ZoomStatus>,
    pub salesforce: Vec<SalesforceStatus>,
    /// False when the org has no queryable `ServicePresenceStatus` (Omni-Channel off).
    pub omni_channel: bool,
}

/// A problem of the map; `row` counts from 0, `None` for the map as a whole. The window
/// translates `code` with `params`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(rename = "ZccStatusFinding")]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub row: Option<usize>,
    pub params: BTreeMap<String, Value>,
}

impl Finding {
    fn new(code: &'static str, severity: Severity, row: Option<usize>) -> Finding {
        Finding {
            code,
            severity,
            row,
            params: BTreeMap::new(),
        }
    }

    fn with(mut self, key: &str, value: impl Into<Value>) -> Finding {
        self.params.insert(key.to_owned(), value.into());
        self
    }
}

/// One line of what to do in the Zoom settings tab: pick `salesforce_label` for `zoom`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "ZccStatusChecklistLine")]
#[serde(rename_all = "camelCase")]
pub struct ChecklistLine {
    pub zoom: String,
    /// The label Salesforce's list shows (the DeveloperName until the lists are read).
    pub salesforce_label: String,
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn salesforce_status<'l>(lists: &'l Lists, name: &str) -> Option<&'l SalesforceStatus> {
    lists
        .salesforce
        .iter()
        .find(|s| same(&s.developer_name, name))
}

/// The map a new profile starts with: the seed's example, its Salesforce side chosen only when
/// the org has such a status.
pub fn starting_map(lists: Option<&Lists>) -> StatusMap {
    let salesforce = lists
        .and_then(|l| {
            l.salesforce.iter().find(|s| {
                EXAMPLE_SALESFORCE
                    .iter()
                    .any(|n| same(&s.developer_name, n) || same(&s.label, n))
            })
        })
        .map(|s| s.developer_name.clone())
        .unwrap_or_default();
    StatusMap {
        rows: vec![Row {
            zoom: EXAMPLE_ZOOM.to_owned(),
            salesforce,
        }],
    }
}

/// Every problem of `map`; without `lists` only what needs no live data.
pub fn lint(map: &StatusMap, lists: Option<&Lists>) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(lists) = lists
        && !lists.omni_channel
    {
        findings.push(Finding::new(
            "status_map.omni_channel_off",
            Severity::Error,
            None,
        ));
    }
    if map.rows.is_empty() {
        findings.push(Finding::new("status_map.empty", Severity::Warning, None));
    }
    for (i, row) in map.rows.iter().enumerate() {
        if row.zoom.trim().is_empty() || row.salesforce.trim().is_empty() {
            findings.push(Finding::new(
                "status_map.row_incomplete",
                Severity::Error,
                Some(i),
            ));
        }
        if !row.zoom.trim().is_empty()
            && let Some(first) = map.rows[..i].iter().position(|r| same(&r.zoom, &row.zoom))
        {
            findings.push(
                Finding::new("status_map.zoom_twice", Severity::Error, Some(i))
                    .with("status", row.zoom.trim())
                    .with("firstRow", first),
            );
        }
        let Some(lists) = lists else { continue };
        if !row.zoom.trim().is_empty() && !lists.zoom.iter().any(|z| same(&z.name, &row.zoom)) {
            findings.push(
                Finding::new("status_map.zoom_unknown", Severity::Error, Some(i))
                    .with("status", row.zoom.trim()),
            );
        }
        if lists.omni_channel
            && !row.salesforce.trim().is_empty()
            && salesforce_status(lists, &row.salesforce).is_none()
        {
            findings.push(
                Finding::new("status_map.salesforce_unknown", Severity::Error, Some(i))
                    .with("status", row.salesforce.trim()),
            );
        }
    }
    if let Some(lists) = lists {
        for status in &lists.zoom {
            if !map.rows.iter().any(|r| same(&r.zoom, &status.name)) {
                findings.push(
                    Finding::new("status_map.zoom_unmapped", Severity::Warning, None)
                        .with("status", status.name.as_str()),
                );
            }
        }
    }
    findings
}

/// The complete rows, in order, as the admin enters them in the Zoom settings tab.
pub fn checklist(map: &StatusMap, lists: Option<&Lists>) -> Vec<ChecklistLine> {
    map.rows
        .iter()
        .filter(|r| !r.zoom.trim().is_empty() && !r.salesforce.trim().is_empty())
        .map(|r| ChecklistLine {
            zoom: r.zoom.trim().to_owned(),
            salesforce_label: lists
                .and_then(|l| salesforce_status(l, &r.salesforce))
                .map_or_else(|| r.salesforce.trim().to_owned(), |s| s.label.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presence::StatusKind;

    fn zoom(name: &str) -> ZoomStatus {
        ZoomStatus {
            id: name.to_lowercase(),
            name: name.to_owned(),
            custom: false,
        }
    }

    fn salesforce(developer_name: &str, label: &str) -> SalesforceStatus {
        SalesforceStatus {
            developer_name: developer_name.to_owned(),
            label: label.to_owned(),
            kind: StatusKind::Unknown,
        }
    }

    fn lists() -> Lists {
        Lists {
            zoom: ["Offline", "Ready", "Not Ready", "Occupied"]
                .map(zoom)
                .to_vec(),
            salesforce: vec![
                salesforce("Available", "Available"),
                salesforce("On_Call", "On Call"),
                salesforce("Away", "Away"),
            ],
            omni_channel: true,
        }
    }

    fn row(zoom: &str, salesforce: &str) -> Row {
        Row {
            zoom: zoom.to_owned(),
            salesforce: salesforce.to_owned(),
        }
    }

    fn codes(findings: &[Finding]) -> Vec<(&'static str, Option<usize>)> {
        findings.iter().map(|f| (f.code, f.row)).collect()
    }

    #[test]
    fn the_seeds_example_starts_the_map_with_the_orgs_on_call_status() {
        let map = starting_map(Some(&lists()));
        assert_eq!(map.rows, vec![row("Occupied", "On_Call")]);
        // Without such a status (or before reading), the Salesforce side waits for a choice.
        assert_eq!(starting_map(None).rows, vec![row("Occupied", "")]);
    }

    #[test]
    fn every_live_zoom_status_left_unmapped_is_a_warning() {
        let map = StatusMap {
            rows: vec![row("Occupied", "On_Call"), row("ready", "Available")],
        };
        let found = lint(&map, Some(&lists()));
        assert_eq!(
            codes(&found),
            vec![
                ("status_map.zoom_unmapped", None),
                ("status_map.zoom_unmapped", None)
            ]
        );
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        assert_eq!(found[0].params["status"], "Offline");
        assert_eq!(found[1].params["status"], "Not Ready");
    }

    #[test]
    fn statuses_that_no_longer_exist_and_a_zoom_status_mapped_twice_are_errors() {
        let map = StatusMap {
            rows: vec![
                row("Occupied", "On_Call"),
                row("Lunch", "Away"),
                row("Ready", "Retired_Status"),
                row("occupied ", "Away"),
                row("Offline", ""),
            ],
        };
        let found = lint(&map, Some(&lists()));
        assert_eq!(
            codes(&found),
            vec![
                ("status_map.zoom_unknown", Some(1)),
                ("status_map.salesforce_unknown", Some(2)),
                ("status_map.zoom_twice", Some(3)),
                ("status_map.row_incomplete", Some(4)),
                ("status_map.zoom_unmapped", None),
            ]
        );
        assert_eq!(found[2].params["firstRow"], 0);
    }

    #[test]
    fn omni_channel_off_is_named_once_instead_of_every_salesforce_status() {
        let mut off = lists();
        off.salesforce.clear();
        off.omni_channel = false;
        let map = StatusMap {
            rows: vec![row("Occupied", "On_Call")],
        };
        let found = lint(&map, Some(&off));
        assert_eq!(codes(&found)[0], ("status_map.omni_channel_off", None));
        assert!(
            !found
                .iter()
                .any(|f| f.code == "status_map.salesforce_unknown")
        );
    }

    #[test]
    fn before_the_lists_are_read_only_the_maps_own_shape_is_checked() {
        assert_eq!(
            codes(&lint(&StatusMap::default(), None)),
            vec![("status_map.empty", None)]
        );
        let map = StatusMap {
            rows: vec![row("Lunch", "Whatever")],
        };
        assert!(lint(&map, None).is_empty());
    }

    #[test]
    fn the_checklist_names_salesforce_statuses_by_the_label_their_list_shows() {
        let map = StatusMap {
            rows: vec![row("Occupied", "On_Call"), row("Ready", "")],
        };
        assert_eq!(
            checklist(&map, Some(&lists())),
            vec![ChecklistLine {
                zoom: "Occupied".to_owned(),
                salesforce_label: "On Call".to_owned(),
            }]
        );
        assert_eq!(checklist(&map, None)[0].salesforce_label, "On_Call");
    }
}
