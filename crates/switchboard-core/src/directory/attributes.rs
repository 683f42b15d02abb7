//! The attribute map of a CXone Directory Sync: which Zoom user attribute fills which ACD user
//! attribute. Only attributes of the same kind pair up, so a phone never lands in a name.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an attribute holds; two attributes pair up only when their kinds are the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributeKind {
    Name,
    Email,
    Phone,
    Extension,
    Text,
}

/// A CXone ACD user attribute the sync can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AcdAttribute {
    FirstName,
    LastName,
    DisplayName,
    Email,
    BusinessPhone,
    MobilePhone,
    Extension,
    Department,
    JobTitle,
    Company,
}

/// A Zoom user attribute the sync can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ZoomAttribute {
    FirstName,
    LastName,
    DisplayName,
    Email,
    Phone,
    Mobile,
    Extension,
    Department,
    JobTitle,
    Company,
}

impl AcdAttribute {
    pub const ALL: &'static [AcdAttribute] = &[
        AcdAttribute::FirstName,
        AcdAttribute::LastName,
        AcdAttribute::DisplayName,
        AcdAttribute::Email,
        AcdAttribute::BusinessPhone,
        AcdAttribute::MobilePhone,
        AcdAttribute::Extension,
        AcdAttribute::Department,
        AcdAttribute::JobTitle,
        AcdAttribute::Company,
    ];

    pub fn kind(self) -> AttributeKind {
        match self {
            AcdAttribute::FirstName | AcdAttribute::LastName | AcdAttribute::DisplayName => {
                AttributeKind::Name
            }
            AcdAttribute::Email => AttributeKind::Email,
            AcdAttribute::BusinessPhone | AcdAttribute::MobilePhone => AttributeKind::Phone,
            AcdAttribute::Extension => AttributeKind::Extension,
            AcdAttribute::Department | AcdAttribute::JobTitle | AcdAttribute::Company => {
                AttributeKind::Text
            }
        }
    }
}

impl ZoomAttribute {
    pub const ALL: &'static [ZoomAttribute] = &[
        ZoomAttribute::FirstName,
        ZoomAttribute::LastName,
        ZoomAttribute::DisplayName,
        ZoomAttribute::Email,
        ZoomAttribute::Phone,
        ZoomAttribute::Mobile,
        ZoomAttribute::Extension,
        ZoomAttribute::Department,
        ZoomAttribute::JobTitle,
        ZoomAttribute::Company,
    ];

    pub fn kind(self) -> AttributeKind {
        match self {
            ZoomAttribute::FirstName | ZoomAttribute::LastName | ZoomAttribute::DisplayName => {
                AttributeKind::Name
            }
            ZoomAttribute::Email => AttributeKind::Email,
            ZoomAttribute::Phone | ZoomAttribute::Mobile => AttributeKind::Phone,
            ZoomAttribute::Extension => AttributeKind::Extension,
            ZoomAttribute::Department | ZoomAttribute::JobTitle | ZoomAttribute::Company => {
                AttributeKind::Text
            }
        }
    }
}

pub fn all_acd() -> &'static [AcdAttribute] {
    AcdAttribute::ALL
}

pub fn all_zoom() -> &'static [ZoomAttribute] {
    ZoomAttribute::ALL
}

/// Whether `zoom` may fill `acd`: the same kind of value (either Zoom phone fills either ACD
/// phone; an extension is not a phone number).
pub fn compatible(acd: AcdAttribute, zoom: ZoomAttribute) -> bool {
    acd.kind() == zoom.kind()
}

/// The Zoom attributes the editor offers for one ACD attribute.
pub fn zoom_options_for(acd: AcdAttribute) -> Vec<ZoomAttribute> {
    ZoomAttribute::ALL
        .iter()
        .copied()
        .filter(|&zoom| compatible(acd, zoom))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttributePair {
    pub acd: AcdAttribute,
    pub zoom: ZoomAttribute,
}

/// The map's rows, in the order the admin enters them in CXone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributeMap {
    pub pairs: Vec<AttributePair>,
}

/// A problem on one row (`row` indexes `pairs`); the UI translates `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapProblem {
    pub row: usize,
    pub code: &'static str,
}

impl AttributeMap {
    /// The map the flow starts from: names, email, and the business phone from Zoom's phone
    /// (the flow's own example pairs "Business phone" with "Phone").
    pub fn seed_default() -> Self {
        let pair = |acd, zoom| AttributePair { acd, zoom };
        AttributeMap {
            pairs: vec![
                pair(AcdAttribute::FirstName, ZoomAttribute::FirstName),
                pair(AcdAttribute::LastName, ZoomAttribute::LastName),
                pair(AcdAttribute::Email, ZoomAttribute::Email),
                pair(AcdAttribute::BusinessPhone, ZoomAttribute::Phone),
            ],
        }
    }

    /// `map.incompatible` for a pair of different kinds, `map.duplicate_acd` for an ACD
    /// attribute already filled by an earlier row (the sync would overwrite one with the other).
    pub fn problems(&self) -> Vec<MapProblem> {
        let mut seen = HashSet::new();
        let mut problems = Vec::new();
        for (row, pair) in self.pairs.iter().enumerate() {
            if !compatible(pair.acd, pair.zoom) {
                problems.push(MapProblem {
                    row,
                    code: "map.incompatible",
                });
            }
            if !seen.insert(pair.acd) {
                problems.push(MapProblem {
                    row,
                    code: "map.duplicate_acd",
                });
            }
        }
        problems
    }
}
