//! The CXone admin session against the emulator: address books, entries across pages, teams,
//! agents and unavailable codes, failures mapped to diagnosis codes, and a token refreshed
//! when CXone stops accepting it.

use switchboard_core::address_book::entry::Entry;
use switchboard_core::connection::Code;
use switchboard_core::vendors::cxone::session::{AssignKind, CxoneSession};
use switchboard_emulator::Vendor;

use super::directory_support::{emulator, http, session};

pub fn person(i: usize) -> Entry {
    Entry {
        first_name: format!("Ada{i}"),
        last_name: "Lovelace".into(),
        middle_name: None,
        company: Some("Analytical Engines".into()),
        phone: Some(format!("+3319900{i:04}")),
        mobile: None,
        email: Some(format!("ada{i}@example.com")),
    }
}

#[tokio::test]
async fn books_are_listed_created_and_listed_again() {
    let emu = emulator(300).await;
    let cx = session(&emu).await;
    assert!(
        cx.address_books().await.unwrap().is_empty(),
        "204 is an empty list"
    );
    let book = cx.create_address_book("Zoom Directory").await.unwrap();
    assert_eq!(
        (book.name.as_str(), book.kind.as_str()),
        ("Zoom Directory", "Standard")
    );
    let books = cx.address_books().await.unwrap();
    assert_eq!(books.len(), 1);
    assert_eq!(books[0].id, book.id);
}

#[tokio::test]
async fn entries_are_read_back_across_pages_and_refusals_come_per_entry() {
    let emu = emulator(300).await;
    let cx = session(&emu).await;
    let book = cx.create_address_book("Paged").await.unwrap();
    let mut entries: Vec<Entry> = (0..250).map(person).collect();
    entries[7].last_name = " ".into();
    let results = cx.add_entries(book.id, &entries).await.unwrap();
    assert_eq!(results.len(), 250);
    assert!(
        !results[7].success && results[7].error.is_some(),
        "{:?}",
        results[7]
    );
    assert_eq!(results.iter().filter(|r| r.success).count(), 249);
    let stored = cx.entries(book.id).await.unwrap();
    assert_eq!(stored.len(), 249, "three pages of at most 100");
    assert!(stored.iter().any(|s| s.entry == entries[200]));
}

#[tokio::test]
async fn teams_agents_and_codes_are_read_whole_and_agents_searched() {
    let emu = emulator(1_000).await;
    let cx = session(&emu).await;
    let teams = cx.teams().await.unwrap();
    assert_eq!(teams.len(), 4);
    assert!(teams.iter().all(|t| t.active && t.agent_count > 0));
    let agents = cx.agents(None).await.unwrap();
    assert_eq!(agents.len(), 200, "two pages of agents");
    let last = agents[150].last_name.clone();
    let found = cx.agents(Some(&last)).await.unwrap();
    assert!(!found.is_empty() && found.len() < agents.len());
    assert!(found.iter().all(|a| {
        a.last_name.contains(&last)
            || a.first_name.contains(&last)
            || a.email
                .as_deref()
                .is_some_and(|e| e.contains(&last.to_lowercase()))
    }));
    let codes = cx.unavailable_codes().await.unwrap();
    assert_eq!(codes.len(), 12);
    assert!(codes.iter().any(|c| c.acw) && codes.iter().any(|c| !c.active));
}

#[tokio::test]
async fn a_missing_book_and_a_missing_team_are_named() {
    let emu = emulator(300).await;
    let cx = session(&emu).await;
    let failure = cx.entries(424_242).await.unwrap_err();
    assert_eq!(failure.code, Code::CxoneAddressBookMissing);
    let book = cx.create_address_book("Assigned").await.unwrap();
    let results = cx.assign(book.id, AssignKind::Team, &[999]).await.unwrap();
    assert!(!results[0].success, "an unknown team is refused per item");
}

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_write_goes_through() {
    let emu = emulator(300).await;
    let cx = session(&emu).await;
    emu.faults().expire_tokens(Vendor::Cxone);
    let book = cx.create_address_book("After expiry").await.unwrap();
    emu.faults().expire_tokens(Vendor::Cxone);
    let results = cx.add_entries(book.id, &[person(1)]).await.unwrap();
    assert!(results[0].success);
    assert_eq!(cx.entries(book.id).await.unwrap().len(), 1, "written once");
}

#[tokio::test]
async fn wrong_secrets_fail_to_open_with_the_tests_codes() {
    let emu = emulator(300).await;
    let (settings, secrets) = super::directory_support::cxone(&emu);
    let wrong = secrets.with(
        "access-key-secret",
        switchboard_core::secrets::Sensitive::new("nope"),
    );
    let failure = CxoneSession::open(&settings, &wrong, http())
        .await
        .err()
        .expect("refused");
    assert_eq!(failure.code, Code::CxoneInvalidAccessKey);
}
