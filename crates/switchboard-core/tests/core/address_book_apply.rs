//! Applying an address-book plan to the emulated CXone: twice without duplicates, resumed after
//! a crash halfway, through a storm of 429s, with refusals reported and the run journalled.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use switchboard_core::address_book::apply::{ApplyLog, ApplyRun, RunState, apply};
use switchboard_core::address_book::plan::{AddressBookPlan, Target, preview};
use switchboard_core::connection::Code;
use switchboard_core::storage::{self, apply_runs};
use switchboard_core::vendors::cxone::session::CxoneSession;
use switchboard_emulator::{RateLimit, RetryAfter};

use super::cxone_session::person;
use super::directory_support::{emulator, faults, session};

/// Records every journalled state in memory.
#[derive(Debug, Default)]
struct Recorded(Vec<ApplyRun>);

impl ApplyLog for Recorded {
    fn record(&mut self, run: &ApplyRun) -> switchboard_core::Result<()> {
        self.0.push(run.clone());
        Ok(())
    }
}

async fn plan(cx: &CxoneSession, entries: usize) -> AddressBookPlan {
    let teams = cx.teams().await.unwrap();
    let agents = cx.agents(None).await.unwrap();
    AddressBookPlan {
        book_name: "Zoom Directory".into(),
        entries: (0..entries).map(person).collect(),
        teams: teams[..2]
            .iter()
            .map(|t| Target {
                id: t.id,
                name: t.name.clone(),
            })
            .collect(),
        agents: vec![Target {
            id: agents[0].id,
            name: agents[0].user_name.clone(),
        }],
    }
}

fn run_of(plan: &AddressBookPlan) -> ApplyRun {
    ApplyRun {
        id: 1,
        plan: plan.clone(),
        state: RunState::Running,
        book_id: None,
        added: 0,
        present: 0,
        assigned: 0,
        rejected: Vec::new(),
        updated_at: String::new(),
    }
}

async fn run(cx: &CxoneSession, run: &mut ApplyRun) -> Result<Recorded, Code> {
    let mut log = Recorded::default();
    let outcome = apply(cx, run, &mut log, &mut |_| {}).await;
    outcome.map(|()| log).map_err(|f| f.code)
}

/// Entry keys in the one book, with how many times each appears.
async fn book_keys(cx: &CxoneSession) -> HashMap<String, usize> {
    let books = cx.address_books().await.unwrap();
    assert_eq!(books.len(), 1, "exactly one book");
    let mut keys = HashMap::new();
    for stored in cx.entries(books[0].id).await.unwrap() {
        *keys.entry(stored.entry.key()).or_default() += 1;
    }
    keys
}

fn exactly(plan: &AddressBookPlan, keys: &HashMap<String, usize>) {
    let wanted: HashSet<String> = plan.entries.iter().map(|e| e.key()).collect();
    assert_eq!(keys.keys().cloned().collect::<HashSet<_>>(), wanted);
    assert!(keys.values().all(|&n| n == 1), "no duplicates");
}

#[tokio::test]
async fn applying_twice_makes_one_book_and_the_second_run_adds_nothing() {
    let emu = emulator(300).await;
    let cx = session(&emu).await;
    let plan = plan(&cx, 120).await;
    let before = preview(&cx, &plan).await.unwrap();
    assert_eq!((before.book_id, before.entries_to_add), (None, 120));
    assert_eq!(
        before.teams_to_assign.len() + before.agents_to_assign.len(),
        3
    );

    let mut first = run_of(&plan);
    let log = run(&cx, &mut first).await.unwrap();
    assert_eq!(first.state, RunState::Done);
    assert_eq!((first.added, first.present, first.assigned), (120, 0, 3));
    assert!(
        log.0.len() >= 4,
        "recorded after each step: {}",
        log.0.len()
    );

    // A new run of the same plan, the book name typed differently.
    let mut again = AddressBookPlan {
        book_name: "  zoom DIRECTORY ".into(),
        ..plan.clone()
    };
    again.entries.reverse();
    let after = preview(&cx, &again).await.unwrap();
    assert_eq!(after.book_id, first.book_id);
    assert_eq!((after.entries_to_add, after.entries_present), (0, 120));
    assert_eq!(after.already_assigned, 3);
    let mut second = run_of(&again);
    run(&cx, &mut second).await.unwrap();
    assert_eq!((second.added, second.present, second.assigned), (0, 120, 0));
    assert_eq!(second.book_id, first.book_id);
    exactly(&plan, &book_keys(&cx).await);
}

#[tokio::test]
async fn a_run_that_crashed_halfway_resumes_with_exactly_the_plans_entries() {
    let emu = emulator(300).await;
    let cx = session(&emu).await;
    let plan = plan(&cx, 250).await;
    // The second batch is stored, but CXone answers 500: the client cannot know.
    faults(&emu, |p| p.cxone.fail_writes_after = Some(100));
    let mut resumed = run_of(&plan);
    let failed = run(&cx, &mut resumed).await.unwrap_err();
    assert_eq!(failed, Code::VendorServerError);
    assert_eq!(
        resumed.state,
        RunState::Failed {
            code: "vendor.server_error".into()
        }
    );
    assert_eq!(resumed.added, 100, "only the acknowledged batch is counted");
    assert_eq!(book_keys(&cx).await.len(), 200);

    run(&cx, &mut resumed).await.unwrap();
    assert_eq!(resumed.state, RunState::Done);
    assert_eq!((resumed.present, resumed.added), (200, 50));
    assert_eq!(resumed.assigned, 3);
    exactly(&plan, &book_keys(&cx).await);
}

#[tokio::test]
async fn a_storm_of_429s_slows_the_run_but_duplicates_nothing() {
    let emu = emulator(300).await;
    let cx = session(&emu).await;
    let plan = plan(&cx, 230).await;
    faults(&emu, |p| {
        p.cxone.rate_limit = Some(RateLimit {
            limit: 3,
            window_secs: 1,
            retry_after: RetryAfter::Seconds,
        })
    });
    // Eight requests (books, create, entries, three batches, two assignments) at three a
    // second: every window ends in a 429, and the emulator's windows are real time, so the
    // waits are real too (about two seconds in all).
    let started = Instant::now();
    let mut storm = run_of(&plan);
    run(&cx, &mut storm).await.unwrap();
    assert!(started.elapsed() >= Duration::from_secs(2), "throttled");
    assert_eq!((storm.added, storm.assigned), (230, 3));
    emu.faults().clear();
    exactly(&plan, &book_keys(&cx).await);
}

#[tokio::test]
async fn an_entry_cxone_refuses_is_reported_and_the_rest_applied() {
    let emu = emulator(300).await;
    let cx = session(&emu).await;
    let mut plan = plan(&cx, 5).await;
    plan.entries[3].first_name = String::new();
    plan.agents.push(Target {
        id: 1,
        name: "nobody".into(),
    });
    let mut refused = run_of(&plan);
    run(&cx, &mut refused).await.unwrap();
    assert_eq!(refused.state, RunState::Done);
    assert_eq!((refused.added, refused.assigned), (4, 3));
    let kinds: Vec<(&str, usize)> = refused
        .rejected
        .iter()
        .map(|r| (r.kind.as_str(), r.index))
        .collect();
    assert_eq!(kinds, [("entry", 3), ("agent", 1)]);
}

#[tokio::test]
async fn the_run_is_journalled_and_a_failed_one_is_found_to_resume() {
    let emu = emulator(300).await;
    let cx = session(&emu).await;
    let plan = plan(&cx, 250).await;
    let db = Mutex::new(storage::open_in_memory().unwrap());
    let profile = {
        let conn = db.lock().unwrap();
        storage::profiles::create(&conn, "Acme").unwrap().id
    };
    let kind = apply_runs::ADDRESS_BOOK;
    let mut current = apply_runs::start(&db.lock().unwrap(), profile, kind, &plan).unwrap();
    assert_eq!(current.state, RunState::Running);

    faults(&emu, |p| p.cxone.fail_writes_after = Some(100));
    let mut journal = apply_runs::Journal::new(&db);
    let mut seen = 0;
    let outcome = apply(&cx, &mut current, &mut journal, &mut |_| seen += 1).await;
    assert!(outcome.is_err());
    assert!(seen > 0, "progress is reported");

    let unfinished = apply_runs::unfinished(&db.lock().unwrap(), profile, kind)
        .unwrap()
        .expect("the failed run");
    assert_eq!(unfinished.id, current.id);
    assert_eq!(unfinished.plan, plan, "the plan is stored whole");
    assert_eq!(unfinished.book_id, current.book_id);
    assert_eq!(
        unfinished.state,
        RunState::Failed {
            code: "vendor.server_error".into()
        }
    );

    let mut resumed = unfinished;
    apply(&cx, &mut resumed, &mut journal, &mut |_| {})
        .await
        .unwrap();
    let (unfinished, latest) = {
        let conn = db.lock().unwrap();
        (
            apply_runs::unfinished(&conn, profile, kind).unwrap(),
            apply_runs::latest(&conn, profile, kind).unwrap().unwrap(),
        )
    };
    assert!(unfinished.is_none(), "the resumed run is done");
    assert_eq!(
        (latest.state, latest.present, latest.added),
        (RunState::Done, 200, 50)
    );
    exactly(&plan, &book_keys(&cx).await);
}
