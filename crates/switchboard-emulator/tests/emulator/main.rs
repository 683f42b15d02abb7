//! Integration tests of the vendor emulator, through HTTP with reqwest as Switchboard's clients
//! will talk to it: contracts per vendor, paging, faults, and the binary.

mod binary;
mod contract;
mod cxone;
mod directory_sync;
mod faults;
mod genesys;
mod genesys_limits;
mod genesys_setup;
mod salesforce;
mod support;
mod zcc;
mod zoom;
