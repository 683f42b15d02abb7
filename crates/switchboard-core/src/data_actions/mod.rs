//! Genesys Cloud data actions (flow 3): the kinds of integration the procedure covers and their
//! credential fields ([`kinds`]), a plan of integrations checked offline and against the org
//! ([`plan`]), and the journalled, idempotent apply ([`apply`]).

pub mod apply;
pub mod kinds;
pub mod plan;
