//! The CXone lists the flows pick from (agents for the access-key user, teams for the address
//! book), read through an admin session on the profile's CXone connection.

use super::Switchboard;
use crate::connection::{ConnectionSettings, CxoneSettings, Vendor};
use crate::error::{Error, Result};
use crate::vendors::cxone::session::{Agent, CxoneSession, Team};
use crate::vendors::http::Http;

impl Switchboard {
    /// A CXone admin session through the profile's CXone connection.
    pub(crate) async fn cxone_session(&self, profile_id: i64) -> Result<CxoneSession> {
        let (settings, secrets) = self.connection_inputs(profile_id, Vendor::Cxone).await?;
        let settings: CxoneSettings = match settings {
            ConnectionSettings::Cxone(s) => s,
            _ => return Err(Error::ConnectionMissing(Vendor::Cxone)),
        };
        let http = Http::for_connection(settings.endpoints.practice)?.redacting(secrets.values());
        Ok(CxoneSession::open(&settings, &secrets, http).await?)
    }

    /// The CXone users (agents) matching `search`, for picking the access-key user.
    pub async fn cxone_agents(&self, profile_id: i64, search: Option<&str>) -> Result<Vec<Agent>> {
        let session = self.cxone_session(profile_id).await?;
        Ok(session
            .agents(search.filter(|s| !s.trim().is_empty()))
            .await?)
    }

    /// The CXone teams, for assigning the address book.
    pub async fn cxone_teams(&self, profile_id: i64) -> Result<Vec<Team>> {
        let session = self.cxone_session(profile_id).await?;
        Ok(session.teams().await?)
    }
}
