//! Zoom Contact Center ↔ Salesforce (seed 003), without I/O: the call-center definitions and
//! their files ([`call_center`]), and the agents' three places compared and planned ([`agents`]).

pub mod agents;
pub mod call_center;
