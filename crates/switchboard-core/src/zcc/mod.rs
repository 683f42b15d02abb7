//! Zoom Contact Center ↔ Salesforce (seed 003): the call-center definitions and their files
//! ([`call_center`]) and the agents' three places compared and planned ([`agents`]), without
//! I/O; the agents' table read from both vendors and its apply ([`apply`]).

pub mod agents;
pub mod apply;
pub mod call_center;
