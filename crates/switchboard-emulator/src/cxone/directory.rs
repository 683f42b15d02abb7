//! The demo CXone business unit: unavailable codes (the agent states presence rules map), teams
//! with the codes applied to them, agents drawn from the shared directory, and address books.

use serde_json::{Value, json};

use crate::clock::iso8601;
use crate::seed::{Locale, Person, PersonStatus, Rng};

#[derive(Debug, Clone)]
pub(crate) struct UnavailableCode {
    pub id: u32,
    pub name: &'static str,
    pub is_active: bool,
    pub is_acw: bool,
    pub agent_timeout: u32,
}

#[derive(Debug, Clone)]
pub(crate) struct Team {
    pub id: u32,
    pub uuid: String,
    pub name: &'static str,
    pub is_active: bool,
    pub codes: Vec<u32>,
}

#[derive(Debug, Clone)]
pub(crate) struct Agent {
    pub id: u32,
    pub user_id: String,
    pub person: Person,
    pub team: usize,
    pub is_active: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// Stored as CXone returns it, `addressBookEntryId` included.
    pub fields: Value,
}

#[derive(Debug, Clone)]
pub(crate) struct AddressBook {
    pub id: u32,
    pub name: String,
    pub kind: String,
    pub entries: Vec<Entry>,
    /// (entity type, entity id) pairs assigned to the book; `("Everyone", "All")` for everyone.
    pub assigned: Vec<(String, String)>,
}

#[derive(Debug)]
pub(crate) struct CxoneData {
    pub business_unit_id: u32,
    pub codes: Vec<UnavailableCode>,
    pub teams: Vec<Team>,
    pub agents: Vec<Agent>,
    pub books: Vec<AddressBook>,
    pub next_book_id: u32,
    pub next_entry_id: u32,
}

/// (name, is ACW, timeout minutes); the last one is retired, to show `isActive: false`.
const CODES: &[(&str, bool, u32)] = &[
    ("Break", false, 15),
    ("Lunch", false, 60),
    ("Meeting", false, 0),
    ("Training", false, 0),
    ("Coaching", false, 0),
    ("Personal", false, 10),
    ("Technical Issue", false, 0),
    ("After Call Work", true, 3),
    ("Follow-up", true, 10),
    // Named by the Paris and Tokyo teams in their own languages.
    ("Pause café", false, 15),
    ("昼休み", false, 60),
    ("Legacy Away", false, 0),
];

impl CxoneData {
    pub(crate) fn seeded(rng: &Rng, people: &[Person]) -> Self {
        let mut rng = rng.derive("cxone");
        let codes: Vec<UnavailableCode> = CODES
            .iter()
            .enumerate()
            .map(|(i, (name, acw, timeout))| UnavailableCode {
                id: 4_200 + i as u32,
                name,
                is_active: *name != "Legacy Away",
                is_acw: *acw,
                agent_timeout: *timeout,
            })
            .collect();
        let active_codes: Vec<u32> = codes.iter().filter(|c| c.is_active).map(|c| c.id).collect();
        let team_names = [
            "Support Paris",
            "Support Tokyo",
            "Sales New York",
            "Support London",
        ];
        let teams: Vec<Team> = team_names
            .iter()
            .enumerate()
            .map(|(i, name)| Team {
                id: 1_870_000 + i as u32,
                uuid: rng.uuid(),
                name,
                is_active: true,
                // Sales does not coach through CXone states: a team without every code shows why
                // NICE says codes must be applied to teams.
                codes: active_codes
                    .iter()
                    .copied()
                    .filter(|id| !(name.starts_with("Sales") && *id == 4_204))
                    .collect(),
            })
            .collect();
        // One agent for every fifth person, skipping pending invitations.
        let count = (people.len() / 5).max(people.len().min(1));
        let agents = people
            .iter()
            .filter(|p| p.status != PersonStatus::Pending)
            .take(count)
            .enumerate()
            .map(|(i, person)| Agent {
                id: 31_000_000 + i as u32 * 7 + rng.below(7) as u32,
                user_id: rng.uuid(),
                person: person.clone(),
                team: Locale::ALL
                    .iter()
                    .position(|l| *l == person.locale)
                    .unwrap_or(0),
                is_active: person.status == PersonStatus::Active,
            })
            .collect();
        Self {
            business_unit_id: 4_600_000 + rng.below(99_999) as u32,
            codes,
            teams,
            agents,
            books: Vec::new(),
            next_book_id: 1_001,
            next_entry_id: 500_001,
        }
    }

    pub(crate) fn agent_count(&self, team: usize) -> usize {
        self.agents.iter().filter(|a| a.team == team).count()
    }
}

impl Agent {
    pub(crate) fn item(&self, team: &Team) -> Value {
        let p = &self.person;
        json!({
            "agentId": self.id,
            "userName": p.email,
            "firstName": p.first_name,
            "lastName": p.last_name,
            "emailAddress": p.email,
            "isActive": self.is_active,
            "teamId": team.id,
            "teamName": team.name,
            "teamUuId": team.uuid,
            "userID": self.user_id,
            "federatedId": p.email,
            "timeZone": p.locale.timezone(),
            "country": p.locale.country(),
            "city": p.locale.site(),
            "location": p.locale.site(),
            "profileId": 5,
            "profileName": "Agent",
            "isSupervisor": false,
            "createDate": iso8601(p.created_unix),
            "lastLogin": iso8601(p.last_login_unix),
            "internalId": format!("EMP{:06}", self.id % 1_000_000),
            "telephone1": p.phone_e164(),
        })
    }
}
