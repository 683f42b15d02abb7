//! What applying an address book will do: the book (found by name or to be created), the
//! entries not yet in it, and the teams and agents it is not yet assigned to. Previewed
//! against the live tenant before anything is written.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::entry::Entry;
use crate::connection::Failure;
use crate::vendors::cxone::session::{AddressBook, CxoneSession};
use ts_rs::TS;

/// A team or an agent the book is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub id: i64,
    pub name: String,
}

/// What the admin asked for. Never holds a secret: it is stored with each run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressBookPlan {
    pub book_name: String,
    pub entries: Vec<Entry>,
    pub teams: Vec<Target>,
    pub agents: Vec<Target>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanPreview {
    /// Some: a book with that name (trimmed, any case) exists and is reused.
    pub book_id: Option<i64>,
    pub entries_to_add: usize,
    pub entries_present: usize,
    pub teams_to_assign: Vec<Target>,
    pub agents_to_assign: Vec<Target>,
    /// Teams and agents the book is already assigned to.
    pub already_assigned: usize,
}

/// Reads the tenant and says what [`super::apply::apply`] would change; writes nothing.
pub async fn preview(
    session: &CxoneSession,
    plan: &AddressBookPlan,
) -> Result<PlanPreview, Failure> {
    let books = session.address_books().await?;
    let Some(book) = find_book(&books, &plan.book_name) else {
        let (pending, _) = plan.pending(&HashSet::new());
        return Ok(PlanPreview {
            book_id: None,
            entries_to_add: pending.len(),
            entries_present: 0,
            teams_to_assign: plan.teams.clone(),
            agents_to_assign: plan.agents.clone(),
            already_assigned: 0,
        });
    };
    let present = present_keys(session, book.id).await?;
    let (pending, entries_present) = plan.pending(&present);
    let teams_to_assign = unassigned(&plan.teams, &book.teams);
    let agents_to_assign = unassigned(&plan.agents, &book.agents);
    let already_assigned =
        plan.teams.len() + plan.agents.len() - teams_to_assign.len() - agents_to_assign.len();
    Ok(PlanPreview {
        book_id: Some(book.id),
        entries_to_add: pending.len(),
        entries_present,
        teams_to_assign,
        agents_to_assign,
        already_assigned,
    })
}

/// The book named `name`, trimmed and ignoring case (CXone refuses a second book of that name).
pub(crate) fn find_book<'b>(books: &'b [AddressBook], name: &str) -> Option<&'b AddressBook> {
    let name = name.trim().to_lowercase();
    books.iter().find(|b| b.name.trim().to_lowercase() == name)
}

/// The [`Entry::key`] of every entry already in the book.
pub(crate) async fn present_keys(
    session: &CxoneSession,
    book_id: i64,
) -> Result<HashSet<String>, Failure> {
    let stored = session.entries(book_id).await?;
    Ok(stored.iter().map(|s| s.entry.key()).collect())
}

/// Targets not among `assigned`, in plan order.
pub(crate) fn unassigned(targets: &[Target], assigned: &[i64]) -> Vec<Target> {
    targets
        .iter()
        .filter(|t| !assigned.contains(&t.id))
        .cloned()
        .collect()
}

impl AddressBookPlan {
    /// Indexes of the entries to add (the first of each key not in `present`: a plan listing a
    /// person twice adds them once) and how many of the plan's entries are already present.
    pub(crate) fn pending(&self, present: &HashSet<String>) -> (Vec<usize>, usize) {
        let mut planned = HashSet::new();
        let mut pending = Vec::new();
        let mut already = 0;
        for (index, entry) in self.entries.iter().enumerate() {
            let key = entry.key();
            if present.contains(&key) {
                already += 1;
            } else if planned.insert(key) {
                pending.push(index);
            }
        }
        (pending, already)
    }
}
