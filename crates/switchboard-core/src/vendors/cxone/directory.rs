//! The CXone directory reads of an admin session: teams, agents (with CXone's `searchString`)
//! and unavailable codes, every page of each.

use serde_json::Value;

use super::session::CxoneSession;
use super::types::{Agent, Team, UnavailableCode};
use crate::connection::Failure;

impl CxoneSession {
    pub async fn teams(&self) -> Result<Vec<Team>, Failure> {
        let mut teams = Vec::new();
        self.each_item("/teams", &[], "/teams", None, |item| {
            teams.extend(Team::from_wire(item));
        })
        .await?;
        Ok(teams)
    }

    /// Every agent, or those CXone matches with `search` (name, user name or email).
    pub async fn agents(&self, search: Option<&str>) -> Result<Vec<Agent>, Failure> {
        let query: Vec<(&str, &str)> = search
            .filter(|s| !s.trim().is_empty())
            .map(|s| ("searchString", s.trim()))
            .into_iter()
            .collect();
        let mut agents = Vec::new();
        self.each_item("/agents", &query, "/agents", None, |item| {
            agents.extend(Agent::from_wire(item));
        })
        .await?;
        Ok(agents)
    }

    pub async fn unavailable_codes(&self) -> Result<Vec<UnavailableCode>, Failure> {
        let mut codes = Vec::new();
        self.each_item(
            "/unavailable-codes",
            &[],
            "/unavailableCodes",
            None,
            |item: &Value| codes.extend(UnavailableCode::from_wire(item)),
        )
        .await?;
        Ok(codes)
    }
}
