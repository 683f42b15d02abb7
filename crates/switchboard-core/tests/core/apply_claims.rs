//! An apply runs the plan the admin saw, once: two applies at once (the app and the CLI on one
//! database) make one book, and an unfinished run of another plan is never resumed silently.

use std::sync::Arc;

use switchboard_core::address_book::entry::EntryDraft;
use switchboard_core::locale::Locale;
use switchboard_core::paths::AppPaths;
use switchboard_core::practice::Attached;
use switchboard_core::secrets::MemoryStore;
use switchboard_core::storage::apply_runs::Unfinished;
use switchboard_core::switchboard::address_book::{AddressBookDraft, check_entry};
use switchboard_core::{Error, Switchboard};
use switchboard_emulator::RunningEmulator;

use super::directory_support::{emulator, faults, session};

const FLOW: &str = "zoom-directory-sync";
const EN: Locale = Locale::En;

/// A core on the database in `dir` and the machine's one keychain, pointed at `emulator` as
/// the practice tenant.
fn core_on(
    dir: &std::path::Path,
    keychain: &Arc<MemoryStore>,
    emulator: &RunningEmulator,
) -> Switchboard {
    Switchboard::open(&AppPaths::under(dir.into()), Box::new(keychain.clone()))
        .unwrap()
        .with_practice(Box::new(Attached::new(emulator.announcement())))
}

/// Saves a draft of `names` (one entry each) and the book's name.
fn draft(core: &Switchboard, profile: i64, names: &[&str]) {
    core.set_field(
        profile,
        FLOW,
        "cxone-address-book",
        "cxone-address-book-name",
        "Zoom users",
        EN,
    )
    .unwrap();
    let entries = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let typed = EntryDraft {
                first_name: (*name).into(),
                last_name: "Lefèvre".into(),
                phone: format!("01 42 76 49 {:02}", 10 + i),
                ..EntryDraft::default()
            };
            check_entry(&typed, "FR").unwrap().entry.expect("valid")
        })
        .collect();
    let draft = AddressBookDraft {
        region: "FR".into(),
        entries,
        teams: Vec::new(),
        agents: Vec::new(),
    };
    core.save_address_book_draft(profile, FLOW, &draft).unwrap();
}

async fn book_count(emulator: &RunningEmulator) -> usize {
    session(emulator).await.address_books().await.unwrap().len()
}

async fn entry_count(emulator: &RunningEmulator) -> usize {
    let cx = session(emulator).await;
    let books = cx.address_books().await.unwrap();
    cx.entries(books[0].id).await.unwrap().len()
}

#[tokio::test]
async fn two_applies_at_once_on_one_database_make_one_book() {
    let emu = emulator(20).await;
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemoryStore::new());
    let (app, cli) = (
        core_on(dir.path(), &keychain, &emu),
        core_on(dir.path(), &keychain, &emu),
    );
    let profile = app.open_practice_tenant().await.unwrap().id;
    draft(&app, profile, &["Émilie", "Zoé", "Chloé"]);

    let (a, b) = tokio::join!(
        app.apply_address_book(profile, FLOW, EN, None),
        cli.apply_address_book(profile, FLOW, EN, None),
    );
    let outcomes = [a, b];
    let done = outcomes
        .iter()
        .filter(|o| o.as_ref().is_ok_and(|a| a.run.state == "done"))
        .count();
    let refused = outcomes
        .iter()
        .filter(|o| matches!(o, Err(Error::ApplyRunning { .. })))
        .count();
    assert_eq!((done, refused), (1, 1), "{outcomes:?}");
    assert_eq!(book_count(&emu).await, 1, "exactly one book");

    let again = cli
        .apply_address_book(profile, FLOW, EN, None)
        .await
        .unwrap();
    assert_eq!(
        (again.run.added, again.run.present),
        (0, 3),
        "{:?}",
        again.run
    );
}

/// A practice core whose first apply of `names` stopped after CXone stored its entries but
/// answered 500: an unfinished run. The temp dir and the emulator live as long as the result.
struct Stopped {
    emu: RunningEmulator,
    _dir: tempfile::TempDir,
    core: Switchboard,
    profile: i64,
    run: switchboard_core::switchboard::address_book::RunView,
}

async fn stopped(names: &[&str]) -> Stopped {
    let emu = emulator(20).await;
    let dir = tempfile::tempdir().unwrap();
    let core = core_on(dir.path(), &Arc::default(), &emu);
    let profile = core.open_practice_tenant().await.unwrap().id;
    draft(&core, profile, names);
    faults(&emu, |f| f.cxone.fail_writes_after = Some(0));
    let run = core
        .apply_address_book(profile, FLOW, EN, None)
        .await
        .unwrap()
        .run;
    assert_eq!(run.state, "failed", "{run:?}");
    Stopped {
        emu,
        _dir: dir,
        core,
        profile,
        run,
    }
}

#[tokio::test]
async fn an_unfinished_run_of_another_plan_waits_for_the_admins_choice() {
    let Stopped {
        emu,
        _dir,
        core,
        profile,
        run: stopped,
    } = stopped(&["Émilie", "Zoé"]).await;
    draft(&core, profile, &["Émilie", "Zoé", "Chloé"]);
    let error = core
        .apply_address_book(profile, FLOW, EN, None)
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::ApplyPlanChanged { run } if run == stopped.id),
        "{error:?}"
    );
    assert_eq!(
        entry_count(&emu).await,
        2,
        "nothing applied without a choice"
    );

    let resumed = core
        .apply_address_book(profile, FLOW, EN, Some(Unfinished::Resume))
        .await
        .unwrap();
    assert_eq!(resumed.run.id, stopped.id, "the earlier run itself");
    assert_eq!((resumed.run.state, resumed.run.total), ("done", 2));
    assert_eq!(
        entry_count(&emu).await,
        2,
        "the earlier plan, not the new draft"
    );
}

#[tokio::test]
async fn discarding_an_unfinished_run_applies_the_plan_shown() {
    let Stopped {
        emu,
        _dir,
        core,
        profile,
        run: stopped,
    } = stopped(&["Émilie"]).await;
    draft(&core, profile, &["Zoé", "Chloé"]);
    let applied = core
        .apply_address_book(profile, FLOW, EN, Some(Unfinished::Discard))
        .await
        .unwrap();
    assert_ne!(applied.run.id, stopped.id, "a new run");
    assert_eq!(applied.run.state, "done");
    assert_eq!(
        entry_count(&emu).await,
        3,
        "the earlier entry and the plan shown"
    );
    let earlier = core.address_book_run(profile).unwrap().unwrap();
    assert_eq!(earlier.id, applied.run.id, "the latest run is the new one");
}

#[tokio::test]
async fn the_same_plan_resumes_without_asking() {
    let stopped = stopped(&["Émilie", "Zoé"]).await;
    let resumed = stopped
        .core
        .apply_address_book(stopped.profile, FLOW, EN, None)
        .await
        .unwrap();
    assert_eq!(resumed.run.id, stopped.run.id);
    assert_eq!(resumed.run.state, "done");
    drop(stopped.emu);
}
