//! Zoom Contact Center ↔ Salesforce (flow 4): the pure logic of its editors.
//!
//! [`country_codes`]: the codes Salesforce's Zoom settings look callers up with.
//! [`status_map`]: which Salesforce presence status each Zoom Contact Center status sets.

pub mod country_codes;
pub mod status_map;
