//! Integration tests of switchboard-core: one binary, one module per area.

mod address_book_apply;
mod address_book_csv;
mod catalogue;
mod connections;
mod cxone_session;
mod directory;
mod directory_flow;
mod directory_support;
mod keychain;
mod migrations;
mod practice;
mod presence;
mod presence_flow;
mod profiles;
mod salesforce_session;
mod steps;
mod ui_contract;
mod vendor_checks;
mod vendor_errors;
mod vendor_http;
mod vendor_support;
mod vendor_writes;
mod zoom_app;

use switchboard_core::Switchboard;
use switchboard_core::secrets::MemoryStore;

/// A core on a private in-memory database and an in-memory secret store.
pub fn core() -> Switchboard {
    Switchboard::in_memory(Box::new(MemoryStore::new())).expect("in-memory core")
}
