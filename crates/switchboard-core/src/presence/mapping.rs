//! The rule as CXone applies it: which row answers for a state. Names are compared trimmed and
//! exactly; an incomplete row answers for nothing, and of two rows for the same source the first
//! one wins (the lint reports the later one).

use super::rule::{PresenceRule, SubscriberTarget};

/// The Salesforce status the States table publishes for `acd`, with its row.
pub(crate) fn publish<'r>(rule: &'r PresenceRule, acd: &str) -> Option<(usize, &'r str)> {
    rule.states.iter().enumerate().find_map(|(i, row)| {
        let (source, status) = (row.acd.trim(), row.salesforce.trim());
        (!source.is_empty() && !status.is_empty() && source == acd.trim()).then_some((i, status))
    })
}

/// Where the Subscriber states table sends the agent for `status`, with its row.
pub(crate) fn subscribe<'r>(rule: &'r PresenceRule, status: &str) -> Option<(usize, Target<'r>)> {
    rule.subscriber_states
        .iter()
        .enumerate()
        .find_map(|(i, row)| {
            let source = row.salesforce.trim();
            if source.is_empty() || source != status.trim() {
                return None;
            }
            match &row.acd {
                SubscriberTarget::State(state) if state.trim().is_empty() => None,
                SubscriberTarget::State(state) => Some((i, Target::State(state.trim()))),
                SubscriberTarget::PreviousState => Some((i, Target::Previous)),
            }
        })
}

/// A complete Subscriber row's target, borrowed and trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target<'r> {
    State(&'r str),
    Previous,
}

/// Every ACD state the rule names, [`super::AVAILABLE`] first then in the order of the tables,
/// followed by the catalog's: the candidates for "the state the agent was in before".
pub(crate) fn known_acd_states<'a>(
    rule: &'a PresenceRule,
    catalog: Option<&'a super::Catalog>,
) -> Vec<&'a str> {
    let mut names = vec![super::AVAILABLE];
    let targets = rule
        .subscriber_states
        .iter()
        .filter_map(|row| match &row.acd {
            SubscriberTarget::State(state) => Some(state.as_str()),
            SubscriberTarget::PreviousState => None,
        });
    let listed = catalog.map(|c| c.acd_states.iter().map(String::as_str));
    let all = rule
        .states
        .iter()
        .map(|row| row.acd.as_str())
        .chain(targets)
        .chain(listed.into_iter().flatten());
    for name in all {
        let name = name.trim();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}
