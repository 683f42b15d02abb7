//! Zoom Contact Center ↔ Salesforce (seed 003, flow 4): the call-center definitions and their
//! files ([`call_center`]) and the agents' three places compared and planned ([`agents`]),
//! without I/O; the agents' table read from both vendors and its apply ([`apply`]); the
//! editors' logic: the country codes Salesforce's Zoom settings look callers up with
//! ([`country_codes`]) and which Salesforce presence status each Zoom Contact Center status
//! sets ([`status_map`]).

pub mod agents;
pub mod apply;
pub mod call_center;
pub mod country_codes;
pub mod status_map;
