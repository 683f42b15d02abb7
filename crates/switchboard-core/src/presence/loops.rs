//! Agent changes the rule does not let stand, in three classes: a **loop** (`presence.loop`) never
//! settles, the systems keep switching; a state the agent can **never keep**
//! (`presence.never_kept`) always ends elsewhere, whatever they came from; an **override**
//! (`presence.override`) settles on another state than the agent chose because a Previous state
//! row sends them back to where they came from.
//!
//! From the ACD side, the agent goes to A (coming from P): Salesforce shows S = publish(A), and
//! CXone gets subscribe(S). `State(A)` settles; `State(A′ ≠ A)` moves the agent away from what
//! they chose; Previous state sends them back to P, a loop whenever P ≠ A (reported with an
//! example P, `throughPrevious: true`). From the Salesforce side, the agent sets S: CXone goes to
//! A = subscribe(S) (for Previous state, the agent's previous ACD state) and Salesforce then shows
//! publish(A) = S′, a loop when S′ ≠ S. No row on the way means the chain stops: the other
//! system keeps its state. So a Previous state row is loop-free only when every state the agent
//! may return to publishes that same status (or nothing).

use std::collections::BTreeSet;

use serde_json::json;

use super::finding::{Finding, Table};
use super::mapping::{Target, known_acd_states, publish, subscribe};
use super::rule::{Catalog, PresenceRule};
use super::simulate::{Outcome, SimStep, Simulation, Start, System, simulate};

/// A loop before deduplication: where it starts and the chain the simulator played.
struct Candidate<'r> {
    table: Table,
    row: usize,
    start: Start,
    previous: Option<&'r str>,
    simulation: Simulation,
}

impl Candidate<'_> {
    fn states(&self) -> BTreeSet<(System, &str)> {
        let steps = self.simulation.steps.iter();
        steps.map(|s| (s.system, s.state.as_str())).collect()
    }

    /// Whether this chain is `other` seen one step later: its first change is the one `other`
    /// makes second (a Subscriber row that sends a published status elsewhere gives both).
    fn echoes(&self, other: &Candidate<'_>) -> bool {
        let same =
            |a: &SimStep, b: &SimStep| (a.system, &a.state, a.note) == (b.system, &b.state, b.note);
        let (mine, theirs) = (&self.simulation.steps, &other.simulation.steps);
        mine.len() >= 2
            && theirs.len() >= 3
            && mine[..2].iter().zip(&theirs[1..3]).all(|(a, b)| same(a, b))
    }

    /// The class of the change (see the module's comment) and the state it ends in, in the system
    /// the agent changed; `None` when it ends on the state the agent chose.
    fn class(&self) -> Option<(&'static str, Option<&str>)> {
        let end = self
            .simulation
            .steps
            .iter()
            .rev()
            .find(|s| s.system == self.start.system)
            .map(|s| s.state.as_str());
        match self.simulation.outcome {
            Outcome::Loops { .. } | Outcome::TooLong => Some(("presence.loop", None)),
            _ if end == Some(self.start.state.as_str()) => None,
            _ if self.previous.is_some() => Some(("presence.override", end)),
            _ => Some(("presence.never_kept", end)),
        }
    }

    fn finding(&self) -> Option<Finding> {
        let (code, end) = self.class()?;
        let chain: Vec<_> = self
            .simulation
            .steps
            .iter()
            .map(|s| json!({ "system": s.system, "state": s.state }))
            .collect();
        let mut finding = Finding::new(code, self.table, Some(self.row))
            .with("chain", chain)
            .with("state", self.start.state.as_str())
            .with("start", json!(self.start))
            .with("throughPrevious", self.previous.is_some())
            .with("outcome", json!(self.simulation.outcome));
        if let Some(previous) = self.previous {
            finding = finding.with("previous", previous);
        }
        if let Some(end) = end {
            finding = finding.with("end", end);
        }
        Some(finding)
    }
}

/// Each distinct loop once, linked to the row it starts from: ACD-side loops in the order of the
/// States rows, then Salesforce-side ones in the order of the Subscriber rows. A loop through the
/// same states as an earlier one (a ping-pong entered elsewhere), or that is another loop seen
/// one step later, is left out.
pub(crate) fn find(rule: &PresenceRule, catalog: Option<&Catalog>) -> Vec<Finding> {
    let known = known_acd_states(rule, catalog);
    // Every rule has a finite number of states: a chain this long has repeated itself.
    let limit = 4 * (rule.states.len() + rule.subscriber_states.len() + known.len()) + 4;
    let mut candidates = Vec::new();
    for (row, state) in rule.states.iter().enumerate() {
        let acd = state.acd.trim();
        let Some((first, status)) = publish(rule, acd) else {
            continue;
        };
        if first != row {
            continue; // a duplicate: CXone applies the first row
        }
        let previous = match subscribe(rule, status) {
            None => continue,
            Some((_, Target::State(back))) if back == acd => continue,
            Some((_, Target::State(_))) => None,
            Some((_, Target::Previous)) => match known.iter().find(|p| **p != acd) {
                Some(p) => Some(*p),
                None => continue,
            },
        };
        candidates.push(candidate(
            rule,
            Table::States,
            row,
            System::Acd,
            acd,
            previous,
            limit,
        ));
    }
    for (row, subscriber) in rule.subscriber_states.iter().enumerate() {
        let status = subscriber.salesforce.trim();
        let Some((first, target)) = subscribe(rule, status) else {
            continue;
        };
        if first != row {
            continue;
        }
        let changes_status = |acd: &str| publish(rule, acd).is_some_and(|(_, s)| s != status);
        let previous = match target {
            Target::State(acd) if changes_status(acd) => None,
            Target::State(_) => continue,
            Target::Previous => match known.iter().find(|p| changes_status(p)) {
                Some(p) => Some(*p),
                None => continue,
            },
        };
        let table = Table::SubscriberStates;
        let system = System::Salesforce;
        candidates.push(candidate(rule, table, row, system, status, previous, limit));
    }
    let sets: Vec<_> = candidates.iter().map(Candidate::states).collect();
    candidates
        .iter()
        .enumerate()
        .filter(|&(i, candidate)| {
            let same_states = sets[..i].contains(&sets[i]);
            // Within one cycle every chain echoes another: those go by their states alone.
            let echo = (candidates.iter().zip(&sets))
                .any(|(other, states)| *states != sets[i] && candidate.echoes(other));
            !same_states && !echo
        })
        .filter_map(|(_, c)| c.finding())
        .collect()
}

fn candidate<'r>(
    rule: &PresenceRule,
    table: Table,
    row: usize,
    system: System,
    state: &str,
    previous: Option<&'r str>,
    limit: usize,
) -> Candidate<'r> {
    let start = Start {
        system,
        state: state.to_owned(),
    };
    Candidate {
        table,
        row,
        simulation: simulate(rule, start.clone(), previous, limit),
        start,
        previous,
    }
}
