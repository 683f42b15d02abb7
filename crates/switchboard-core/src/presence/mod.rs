//! CXone ↔ Salesforce Presence Sync rules, checked before the admin enters them in CXone
//! ("Adapters › Presence Sync"): the rule model, a lint that finds flip-flop loops (an agent change
//! in one system coming back as a different state, Previous state included), a step-by-step
//! simulator, an SVG diagram and a JSON file to reuse a proven rule across customers.
//!
//! Pure logic: the editor feeds it the live ACD states and Salesforce statuses as a [`Catalog`].

pub mod diagram;
pub mod file;
pub mod finding;
pub mod lint;
mod loops;
mod mapping;
pub mod rule;
pub mod simulate;
mod svg;

pub use diagram::{DiagramLabels, diagram_svg};
pub use file::{FORMAT, RuleFile, RuleFileError, VERSION, export, import};
pub use finding::{Finding, Severity, Table};
pub use lint::lint;
pub use rule::{
    AVAILABLE, Catalog, PresenceRule, SalesforceStatus, StateRow, StatusKind, SubscriberRow,
    SubscriberTarget, Target,
};
pub use simulate::{Outcome, SimStep, Simulation, Start, System, simulate};
