//! The commands the window invokes, filed by what they serve. Each is one call into
//! `switchboard-core` (or, for the browser and the clipboard, into a Tauri plugin after the core
//! has checked the value); `contract::commands!` also records it for the TypeScript contract.

pub mod address_book;
pub mod app;
pub mod connections;
pub mod data_actions;
pub mod directory;
pub mod presence;
pub mod profile_files;
pub mod profiles;
pub mod recovery;
pub mod report;
pub mod steps;
pub mod zcc;
pub mod zcc_editors;

/// Every command, in the order the contract file lists them.
#[cfg(test)]
pub fn signatures() -> Vec<crate::contract::typescript::Signature> {
    [
        app::signatures(),
        profiles::signatures(),
        steps::signatures(),
        connections::signatures(),
        address_book::signatures(),
        directory::signatures(),
        presence::signatures(),
        data_actions::signatures(),
        zcc_editors::signatures(),
        profile_files::signatures(),
        zcc::signatures(),
        recovery::signatures(),
        report::signatures(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
