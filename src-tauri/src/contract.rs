//! The wire contract between the core and the window, written once, in Rust. Each command is
//! declared with [`commands!`]: that makes the `#[tauri::command]` *and* records its arguments
//! and reply, whose TypeScript (via ts-rs) becomes `ui/src/lib/contract.ts`. The file is
//! committed; `contract_is_current` fails when it is stale, and
//! `SWITCHBOARD_WRITE_CONTRACT=1 cargo test -p switchboard contract` writes it anew.
//!
//! Why ts-rs and our own command list rather than tauri-specta: tauri-specta for Tauri 2 is still
//! a release candidate (an exact `=2.0.0-rc.N` pin, unverified with this Tauri), while ts-rs is
//! stable and needs nothing from Tauri; the command half is this one small macro.

#[cfg(test)]
pub mod typescript;

/// Declares commands: each `fn name[state, app](arg: Type, …) -> Reply { body }` becomes an
/// async `#[tauri::command]` (the window never waits on SQLite, the keychain or a vendor) that
/// receives the app state and handle under the two names given, plus a [`Signature`] for the
/// TypeScript contract. The body returns `IpcResult<Reply>`.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident[$state:ident, $app:ident]($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command(async)]
            // Tauri passes each argument by name, as the window sends it: no struct to bundle them.
            #[allow(clippy::too_many_arguments)]
            pub async fn $name(
                $state: tauri::State<'_, $crate::AppState>,
                $app: tauri::AppHandle,
                $($arg: $ty),*
            ) -> $crate::ipc_error::IpcResult<$ret> $body
        )*

        /// This module's commands, as the TypeScript contract lists them.
        #[cfg(test)]
        pub fn signatures() -> Vec<$crate::contract::typescript::Signature> {
            vec![$(
                $crate::contract::typescript::Signature::new(stringify!($name), &[$($doc),*])
                    $(.arg::<$ty>(stringify!($arg)))*
                    .returns::<$ret>()
            ),*]
        }
    };
}
pub(crate) use commands;
