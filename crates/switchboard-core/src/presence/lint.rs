//! What is wrong with a presence rule, found in the editor before agents flip between states:
//! incomplete and duplicate rows, states that no longer exist, states left unmapped, and
//! flip-flop loops (defined in `loops.rs`).

use std::collections::HashMap;

use super::finding::{Finding, Table};
use super::loops;
use super::rule::{Catalog, PresenceRule, SubscriberTarget};

/// Every finding, in a stable order: the rule's own, then the States table's (row by row, then
/// the unmapped ACD states), then the Subscriber states table's likewise, then the loops in the
/// order of the rows they start from. Without a catalog, nothing is checked against the live
/// lists (unmapped, missing).
pub fn lint(rule: &PresenceRule, catalog: Option<&Catalog>) -> Vec<Finding> {
    let mut findings = Vec::new();
    if rule.name.trim().is_empty() {
        findings.push(Finding::new(
            "presence.rule_name_missing",
            Table::Rule,
            None,
        ));
    }
    if rule.teams.is_empty() && rule.users.is_empty() {
        findings.push(Finding::new("presence.no_targets", Table::Rule, None));
    }
    findings.extend(states_table(rule, catalog));
    findings.extend(subscriber_table(rule, catalog));
    findings.extend(loops::find(rule, catalog));
    findings
}

fn states_table(rule: &PresenceRule, catalog: Option<&Catalog>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut first_rows: HashMap<&str, usize> = HashMap::new();
    for (i, row) in rule.states.iter().enumerate() {
        let (acd, status) = (row.acd.trim(), row.salesforce.trim());
        source_findings(
            &mut findings,
            &mut first_rows,
            Table::States,
            i,
            acd,
            status,
        );
        if let Some(catalog) = catalog {
            if !acd.is_empty() && !catalog.has_acd_state(acd) {
                findings.push(acd_state_missing(Table::States, i, acd));
            }
            if !status.is_empty() && !catalog.has_salesforce_status(status) {
                findings.push(status_missing(Table::States, i, status));
            }
        }
    }
    for state in catalog.map(Catalog::acd_state_names).unwrap_or_default() {
        if !first_rows.contains_key(state) {
            findings.push(
                Finding::new("presence.acd_unmapped", Table::States, None).with("state", state),
            );
        }
    }
    findings
}

fn subscriber_table(rule: &PresenceRule, catalog: Option<&Catalog>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut first_rows: HashMap<&str, usize> = HashMap::new();
    for (i, row) in rule.subscriber_states.iter().enumerate() {
        let status = row.salesforce.trim();
        let target = match &row.acd {
            SubscriberTarget::State(state) => Some(state.trim()),
            SubscriberTarget::PreviousState => None,
        };
        let table = Table::SubscriberStates;
        let filled = target.unwrap_or("previous");
        source_findings(&mut findings, &mut first_rows, table, i, status, filled);
        if let Some(catalog) = catalog {
            if !status.is_empty() && !catalog.has_salesforce_status(status) {
                findings.push(status_missing(table, i, status));
            }
            if let Some(acd) = target.filter(|a| !a.is_empty() && !catalog.has_acd_state(a)) {
                findings.push(acd_state_missing(table, i, acd));
            }
        }
    }
    let statuses = catalog.map_or(&[][..], |c| &c.salesforce_statuses[..]);
    let mut reported = Vec::new();
    for status in statuses.iter().map(|s| s.developer_name.trim()) {
        if !status.is_empty() && !first_rows.contains_key(status) && !reported.contains(&status) {
            reported.push(status);
            findings.push(
                Finding::new(
                    "presence.salesforce_unmapped",
                    Table::SubscriberStates,
                    None,
                )
                .with("status", status),
            );
        }
    }
    findings
}

/// A row's own problems: unfinished, or a source an earlier complete row already maps (that
/// earlier row is the one CXone applies). `params.state` names the source in both tables.
fn source_findings<'r>(
    findings: &mut Vec<Finding>,
    first_rows: &mut HashMap<&'r str, usize>,
    table: Table,
    row: usize,
    source: &'r str,
    target: &str,
) {
    if source.is_empty() || target.is_empty() {
        findings.push(Finding::new("presence.row_incomplete", table, Some(row)));
        return;
    }
    match first_rows.get(source) {
        Some(&first) => findings.push(
            Finding::new("presence.duplicate_source", table, Some(row))
                .with("state", source)
                .with("firstRow", first),
        ),
        None => {
            first_rows.insert(source, row);
        }
    }
}

fn acd_state_missing(table: Table, row: usize, state: &str) -> Finding {
    Finding::new("presence.acd_state_missing", table, Some(row)).with("state", state)
}

fn status_missing(table: Table, row: usize, status: &str) -> Finding {
    Finding::new("presence.salesforce_status_missing", table, Some(row)).with("status", status)
}
