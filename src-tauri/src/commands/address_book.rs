//! The CXone address book of the Directory Sync flow: its draft, entries checked as typed or
//! imported from a CSV file, the plan, and the journalled apply; and the CXone lists it picks
//! from (teams, and the agents offered as the access-key user).

use switchboard_core::Locale;
use switchboard_core::address_book::csv::Import;
use switchboard_core::address_book::entry::EntryDraft;
use switchboard_core::address_book::plan::PlanPreview;
use switchboard_core::storage::apply_runs::Unfinished;
use switchboard_core::switchboard::address_book::{
    AddressBookDraft, Applied, EntryCheck, RunView, check_entry as check, preview_csv as read_csv,
};
use switchboard_core::vendors::cxone::session::{Agent, Team};

use crate::contract::commands;

commands! {
    /// The CXone users (agents) matching `search`, for picking the access-key user.
    fn cxone_agents[state, _app](profile_id: i64, search: Option<String>) -> Vec<Agent> {
        Ok(state.core()?.cxone_agents(profile_id, search.as_deref()).await?)
    }

    /// The CXone teams, for assigning the address book.
    fn cxone_teams[state, _app](profile_id: i64) -> Vec<Team> {
        Ok(state.core()?.cxone_teams(profile_id).await?)
    }

    fn address_book_draft[state, _app](
        profile_id: i64,
        flow_id: String,
        locale: Option<Locale>,
    ) -> AddressBookDraft {
        let locale = locale.unwrap_or_default();
        Ok(state.core()?.address_book_draft(profile_id, &flow_id, locale)?)
    }

    fn save_address_book_draft[state, _app](
        profile_id: i64,
        flow_id: String,
        draft: AddressBookDraft,
    ) -> AddressBookDraft {
        Ok(state.core()?.save_address_book_draft(profile_id, &flow_id, &draft)?)
    }

    /// One entry checked as the admin types it (phone numbers in `region`'s national form).
    fn check_entry[_state, _app](draft: EntryDraft, region: String) -> EntryCheck {
        Ok(check(&draft, &region)?)
    }

    /// A CSV file's preview: every row checked, each refused one named by its line. The file
    /// comes as base64 text (`contentBase64`), never as a JSON array of numbers.
    fn preview_csv[_state, _app](content_base64: String, region: String) -> Import {
        Ok(read_csv(&content_base64, &region)?)
    }

    fn plan_address_book[state, _app](profile_id: i64, flow_id: String) -> PlanPreview {
        Ok(state.core()?.plan_address_book(profile_id, &flow_id).await?)
    }

    /// Applies the plan (idempotent, journalled: an interrupted run of the same plan resumes;
    /// one of another plan waits for `unfinished`: resume it or discard it).
    fn apply_address_book[state, _app](
        profile_id: i64,
        flow_id: String,
        locale: Locale,
        unfinished: Option<Unfinished>,
    ) -> Applied {
        Ok(state.core()?.apply_address_book(profile_id, &flow_id, locale, unfinished).await?)
    }

    fn address_book_run[state, _app](profile_id: i64) -> Option<RunView> {
        Ok(state.core()?.address_book_run(profile_id)?)
    }
}
