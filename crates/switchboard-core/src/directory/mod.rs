//! CXone Directory Sync for Zoom, prepared offline: phone numbers parsed per region, the
//! phone-number translation pattern sets the admin enters in CXone, and the ACD ↔ Zoom attribute
//! map. Pure logic: the live preview feeds it Zoom users fetched by `vendors`.

pub mod attributes;
pub mod phone;
mod rule_problems;
pub mod translation;

pub use attributes::{
    AcdAttribute, AttributeKind, AttributeMap, AttributePair, MapProblem, ZoomAttribute,
};
pub use phone::{E164, PhoneError, Region, UnknownRegion};
pub use rule_problems::RuleProblem;
pub use translation::{
    Format, Pattern, PatternSet, Translation, TranslationRules, TranslationStatus,
};
