//! Genesys Cloud data actions (flow 3): the kinds of integration the procedure covers and their
//! credential fields ([`kinds`]), a plan of integrations checked offline and against the org
//! ([`plan`]), the journalled, idempotent apply ([`apply`]), and a credential tested with its
//! own service before Genesys gets it ([`target_check`]); the OAuth client's permissions are
//! checked before anything is created ([`preflight`]).

pub mod apply;
pub mod google;
pub mod kinds;
pub mod plan;
pub mod preflight;
pub mod target_check;
