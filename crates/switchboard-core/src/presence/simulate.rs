//! Follows one agent change through the rule, step by step, as CXone and Salesforce would pass it
//! back and forth: the lint uses it to show a loop's chain, the editor to let the admin try a
//! state. Deterministic: the same rule and start always give the same steps.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::finding::Table;
use super::mapping::{Target, publish, subscribe};
use super::rule::PresenceRule;

/// The system a step happens in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(rename = "PresenceSystem")]
#[serde(rename_all = "lowercase")]
pub enum System {
    Acd,
    Salesforce,
}

/// The change that starts the chain: the agent picks `state` in `system`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Start {
    pub system: System,
    pub state: String,
}

/// One state change. `via_row` is the row that caused it (none for the start); `note` is
/// `"previous_state"` when a Previous state row sent the agent back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "SimulationStep")]
#[serde(rename_all = "camelCase")]
pub struct SimStep {
    pub system: System,
    pub state: String,
    pub via_row: Option<(Table, usize)>,
    pub note: Option<&'static str>,
}

/// How the chain ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "SimulationOutcome")]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Outcome {
    /// The other system already shows what the last step asks for: nothing more changes.
    Settles,
    /// The last step puts both systems back exactly as after step `back_to`: it goes on forever.
    Loops {
        #[serde(rename = "backTo")]
        back_to: usize,
    },
    /// No row answers for the last step (`"no_state_row"`, `"no_subscriber_row"`), or a Previous
    /// state row was reached while the agent's previous state is unknown (`"previous_unknown"`).
    Stops { reason: &'static str },
    /// `max_steps` were taken without an end.
    TooLong,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Simulation {
    pub steps: Vec<SimStep>,
    pub outcome: Outcome,
}

/// Both systems as the chain goes: the agent's current and previous ACD states (so Previous state
/// works along the chain) and the status Salesforce shows. `None` is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Agent {
    acd: Option<String>,
    previous: Option<String>,
    salesforce: Option<String>,
}

impl Agent {
    fn move_to(&mut self, state: &str) {
        self.previous = self.acd.take();
        self.acd = Some(state.to_owned());
    }
}

/// Plays `start` through `rule`. `previous` is the agent's previous ACD state, the one a
/// Previous state row returns to: for an ACD start, the state the agent comes from; for a
/// Salesforce start, whatever the agent was in before (their current ACD state is then unknown,
/// so any Subscriber row moves them).
pub fn simulate(
    rule: &PresenceRule,
    start: Start,
    previous: Option<&str>,
    max_steps: usize,
) -> Simulation {
    let state = start.state.trim().to_owned();
    let mut agent = Agent {
        acd: (start.system == System::Acd).then(|| state.clone()),
        previous: previous
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty()),
        salesforce: (start.system == System::Salesforce).then(|| state.clone()),
    };
    let mut steps = vec![SimStep {
        system: start.system,
        state,
        via_row: None,
        note: None,
    }];
    // What both systems looked like after each step, to see the chain come back to one.
    let mut seen = vec![(start.system, agent.clone())];
    let outcome = loop {
        if steps.len() >= max_steps {
            break Outcome::TooLong;
        }
        let last = steps.last().expect("the chain starts with one step");
        let step = match next_step(rule, last, &mut agent) {
            Ok(step) => step,
            Err(outcome) => break outcome,
        };
        let key = (step.system, agent.clone());
        steps.push(step);
        if let Some(back_to) = seen.iter().position(|k| *k == key) {
            break Outcome::Loops { back_to };
        }
        seen.push(key);
    };
    Simulation { steps, outcome }
}

/// The change `last` causes in the other system, or how the chain ends there.
fn next_step(rule: &PresenceRule, last: &SimStep, agent: &mut Agent) -> Result<SimStep, Outcome> {
    match last.system {
        System::Acd => {
            let (row, status) = publish(rule, &last.state).ok_or(Outcome::Stops {
                reason: "no_state_row",
            })?;
            if agent.salesforce.as_deref() == Some(status) {
                return Err(Outcome::Settles);
            }
            agent.salesforce = Some(status.to_owned());
            Ok(SimStep {
                system: System::Salesforce,
                state: status.to_owned(),
                via_row: Some((Table::States, row)),
                note: None,
            })
        }
        System::Salesforce => {
            let (row, target) = subscribe(rule, &last.state).ok_or(Outcome::Stops {
                reason: "no_subscriber_row",
            })?;
            let (state, note) = match target {
                Target::State(state) => (state.to_owned(), None),
                Target::Previous => {
                    let previous = agent.previous.clone().ok_or(Outcome::Stops {
                        reason: "previous_unknown",
                    })?;
                    (previous, Some("previous_state"))
                }
            };
            if agent.acd.as_deref() == Some(state.as_str()) {
                return Err(Outcome::Settles);
            }
            agent.move_to(&state);
            Ok(SimStep {
                system: System::Acd,
                state,
                via_row: Some((Table::SubscriberStates, row)),
                note,
            })
        }
    }
}
