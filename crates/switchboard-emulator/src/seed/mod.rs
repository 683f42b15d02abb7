//! The seeded demo tenant's raw material: a deterministic random source and a directory of people
//! (French, Japanese and English names) that every vendor's data is built from, so the same
//! person appears in Zoom, CXone and Salesforce as in a real customer.

mod names;
mod people;
mod rng;

pub(crate) use people::{Locale, Person, PersonStatus, directory};
pub(crate) use rng::Rng;

/// Email domain of the demo company (`.example` is reserved, so no real mailbox is ever named).
pub(crate) const DEMO_DOMAIN: &str = "switchboard-demo.example";
