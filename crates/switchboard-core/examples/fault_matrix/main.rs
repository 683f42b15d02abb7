//! The fault matrix (a script, not a test): every fault a vendor throws at an apply × every apply
//! Switchboard has, against the in-process emulator, printed as a table. Each cell applies a
//! plan with the fault on, then (as the admin pressing Resume would) resumes from what the
//! journal recorded until the run is done, and counts the result in the vendor: 0 lost and 0
//! duplicated is the only passing answer. "Crash after record k" drops the apply mid-flight
//! right after its k-th journal record, for every k a clean run makes: a crash between any two
//! calls that change something.
//!
//! Applies: the CXone address book (250 entries, 2 teams), the Genesys data actions (three
//! integrations, each with its credential; see `data_actions.rs`) and the Zoom Contact Center
//! agents (the demo org's plan across Salesforce and Zoom; see `zcc_agents.rs`).
//!
//! `cargo run -p switchboard-core --example fault_matrix [APPLY]` (or `scripts/fault-matrix`),
//! APPLY being `address book`, `data actions` or `zcc agents` to run that column alone. Exits 1
//! if any cell lost or duplicated anything.

mod data_actions;
mod zcc_agents;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use switchboard_core::address_book::apply::{ApplyLog, ApplyRun, RunState, apply};
use switchboard_core::address_book::entry::Entry;
use switchboard_core::address_book::plan::{AddressBookPlan, Target};
use switchboard_core::connection::{ConnectionSecrets, ConnectionSettings, Vendor};
use switchboard_core::practice::PracticeTenant;
use switchboard_core::vendors::clock::SystemClock;
use switchboard_core::vendors::cxone::session::CxoneSession;
use switchboard_core::vendors::http::{Http, HttpConfig, RetryPolicy};
use switchboard_emulator::{
    Emulator, RateLimit, RetryAfter, RunningEmulator, ServerErrors, Trigger, VendorFaults,
};
use tokio::sync::Notify;

type Outcome<T> = Result<T, Box<dyn std::error::Error>>;

const ENTRIES: usize = 250;
/// Resumes the admin would try before calling it a failure.
const RESUMES: usize = 5;

/// One fault, as the emulator's fault plan sets it on the vendor an apply talks to.
pub struct Fault {
    pub name: &'static str,
    pub set: fn(&mut VendorFaults),
    /// Only meaningful for this apply (its threshold fits that apply's number of writes).
    pub only: Option<&'static str>,
}

fn rate_limited(plan: &mut VendorFaults, retry_after: RetryAfter) {
    plan.rate_limit = Some(RateLimit {
        limit: 4,
        window_secs: 1,
        retry_after,
    });
}

const FAULTS: &[Fault] = &[
    Fault {
        name: "429, Retry-After in seconds",
        set: |p| rate_limited(p, RetryAfter::Seconds),
        only: None,
    },
    Fault {
        name: "429, Retry-After as an HTTP date",
        set: |p| rate_limited(p, RetryAfter::HttpDate),
        only: None,
    },
    Fault {
        name: "429, Retry-After as an ISO date",
        set: |p| rate_limited(p, RetryAfter::IsoDate),
        only: None,
    },
    Fault {
        name: "429, no Retry-After",
        set: |p| rate_limited(p, RetryAfter::Absent),
        only: None,
    },
    Fault {
        name: "503 on every 3rd request",
        set: |p| {
            p.server_errors = Some(ServerErrors {
                status: 503,
                trigger: Trigger::EveryNth(3),
            })
        },
        only: None,
    },
    Fault {
        name: "500 on every request",
        set: |p| {
            p.server_errors = Some(ServerErrors {
                status: 500,
                trigger: Trigger::Always,
            })
        },
        only: None,
    },
    Fault {
        name: "timeout (answers after 1.5 s, client waits 1 s)",
        set: |p| p.latency_ms = 1_500,
        only: None,
    },
    Fault {
        name: "connection reset on every 4th request",
        set: |p| p.drop_connections = Some(Trigger::EveryNth(4)),
        only: None,
    },
    Fault {
        name: "token expiry (1 s tokens, 300 ms per answer)",
        set: |p| {
            p.token_ttl_secs = Some(1);
            p.latency_ms = 300;
        },
        only: None,
    },
    Fault {
        name: "write stored, answer lost (500 after 100)",
        set: |p| p.fail_writes_after = Some(100),
        only: Some("address book"),
    },
    Fault {
        name: "write stored, answer lost (500 after 5)",
        set: |p| p.fail_writes_after = Some(5),
        only: Some("zcc agents"),
    },
];

/// The journal as the database keeps it: every recorded state, the last one wins. Signals a
/// crash right after record `crash_after`.
struct Journal {
    records: Vec<ApplyRun>,
    crash_after: Option<usize>,
    crash: Arc<Notify>,
}

impl ApplyLog for Journal {
    fn record(&mut self, run: &ApplyRun) -> switchboard_core::Result<()> {
        self.records.push(run.clone());
        if self.crash_after == Some(self.records.len()) {
            self.crash.notify_one();
        }
        Ok(())
    }
}

/// How one cell ended: `books` counts the apply's containers (one address book; for data
/// actions, one credential per integration and no orphan, counted as 1).
pub struct Cell {
    pub first: String,
    pub resumes: usize,
    pub books: usize,
    pub lost: usize,
    pub duplicated: usize,
    pub seconds: f64,
}

impl Cell {
    fn passed(&self) -> bool {
        self.books == 1 && self.lost == 0 && self.duplicated == 0 && self.resumes <= RESUMES
    }
}

fn http() -> Outcome<Http> {
    let config = HttpConfig {
        https_only: false,
        timeout: Duration::from_secs(1),
        retry: RetryPolicy {
            attempts: 3,
            backoff: Duration::from_millis(20),
            max_wait: Duration::from_secs(3),
        },
        ..HttpConfig::default()
    };
    Ok(Http::new(config, Arc::new(SystemClock)).map_err(|f| format!("{f:?}"))?)
}

async fn session(emulator: &RunningEmulator) -> Outcome<CxoneSession> {
    let tenant = PracticeTenant::from_announcement(&emulator.announcement())?;
    let settings = tenant.settings.iter().find_map(|s| match s {
        ConnectionSettings::Cxone(c) => Some(c.clone()),
        _ => None,
    });
    let mut secrets = ConnectionSecrets::default();
    for (vendor, field, value) in tenant.secrets {
        if vendor == Vendor::Cxone {
            secrets.insert(field, value);
        }
    }
    let settings = settings.ok_or("no CXone connection announced")?;
    Ok(CxoneSession::open(&settings, &secrets, http()?)
        .await
        .map_err(|f| format!("{f:?}"))?)
}

async fn plan(session: &CxoneSession) -> Outcome<AddressBookPlan> {
    let teams = session.teams().await.map_err(|f| format!("{f:?}"))?;
    let target = |id, name: &str| Target {
        id,
        name: name.to_owned(),
    };
    Ok(AddressBookPlan {
        book_name: "Fault matrix".into(),
        entries: (0..ENTRIES).map(entry).collect(),
        teams: teams
            .iter()
            .take(2)
            .map(|t| target(t.id, &t.name))
            .collect(),
        agents: Vec::new(),
    })
}

fn entry(i: usize) -> Entry {
    Entry {
        first_name: format!("Person{i}"),
        last_name: "Matrix".into(),
        middle_name: None,
        company: None,
        phone: Some(format!("+331990{i:05}")),
        mobile: None,
        email: None,
    }
}

fn fresh_run(plan: &AddressBookPlan) -> ApplyRun {
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

/// One pass of the apply from `run`; `None` when it crashed.
async fn pass(
    session: &CxoneSession,
    run: &mut ApplyRun,
    journal: &mut Journal,
) -> Option<Result<(), String>> {
    let crash = journal.crash.clone();
    let mut progress = |_: &ApplyRun| {};
    let work = apply(session, run, journal, &mut progress);
    tokio::select! {
        biased;
        () = crash.notified() => None,
        outcome = work => Some(outcome.map_err(|f| f.code.as_str().to_owned())),
    }
}

/// Applies the plan with `fault` on (and a crash after record `crash_after`), then resumes
/// without faults until done; counts what CXone holds.
async fn cell(set: Option<fn(&mut VendorFaults)>, crash_after: Option<usize>) -> Outcome<Cell> {
    let emulator = Emulator::start(Default::default()).await?;
    let session = session(&emulator).await?;
    let plan = plan(&session).await?;
    if let Some(set) = set {
        emulator.faults().update(|p| set(&mut p.cxone));
    }
    let started = Instant::now();
    let mut journal = Journal {
        records: Vec::new(),
        crash_after,
        crash: Arc::new(Notify::new()),
    };
    let mut run = fresh_run(&plan);
    let first = match pass(&session, &mut run, &mut journal).await {
        None => "crashed".to_owned(),
        Some(Ok(())) => "done".to_owned(),
        Some(Err(code)) => format!("stopped: {code}"),
    };
    emulator.faults().clear();
    journal.crash_after = None;
    let mut resumes = 0;
    while journal
        .records
        .last()
        .is_none_or(|r| r.state != RunState::Done)
        && resumes <= RESUMES
    {
        resumes += 1;
        // What the database recorded is all a restarted app knows.
        let mut resumed = journal
            .records
            .last()
            .cloned()
            .unwrap_or_else(|| fresh_run(&plan));
        let _ = pass(&session, &mut resumed, &mut journal).await;
    }
    let seconds = started.elapsed().as_secs_f64();
    let books = session
        .address_books()
        .await
        .map_err(|f| format!("{f:?}"))?;
    let mut counts: HashMap<String, usize> = HashMap::new();
    if let Some(book) = books.first() {
        for stored in session
            .entries(book.id)
            .await
            .map_err(|f| format!("{f:?}"))?
        {
            *counts.entry(stored.entry.key()).or_default() += 1;
        }
    }
    let wanted: HashSet<String> = plan.entries.iter().map(Entry::key).collect();
    emulator.shutdown().await;
    Ok(Cell {
        first,
        resumes,
        books: books.len(),
        lost: wanted.iter().filter(|k| !counts.contains_key(*k)).count(),
        duplicated: counts.values().map(|n| n.saturating_sub(1)).sum(),
        seconds,
    })
}

fn row(fault: &str, apply: &str, cell: &Cell) {
    println!(
        "| {fault:<48} | {apply:<12} | {:<34} | {:>7} | {:>5} | {:>4} | {:>10} | {:>5.1} | {} |",
        cell.first,
        cell.resumes,
        cell.books,
        cell.lost,
        cell.duplicated,
        cell.seconds,
        if cell.passed() { "ok" } else { "FAIL" }
    );
}

fn main() -> Outcome<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let chosen = std::env::args().nth(1);
    let wanted = |apply: &str| chosen.as_deref().is_none_or(|c| c == apply);
    runtime.block_on(async {
        println!("Address book: {ENTRIES} entries, 2 teams. Data actions: {} integrations. Each cell: apply with the fault, then resume until done.\n", data_actions::INTEGRATIONS);
        println!(
            "| {:<48} | apply        | {:<34} | resumes | sets  | lost | duplicated | secs  | result |",
            "fault", "first run"
        );
        println!("|{:-<50}|{:-<14}|{:-<36}|{:-<9}|{:-<7}|{:-<6}|{:-<12}|{:-<7}|{:-<8}|", "", "", "", "", "", "", "", "", "");
        let mut failed = 0;
        for fault in FAULTS {
            if wanted("address book") && fault.only.is_none_or(|only| only == "address book") {
                let cell = cell(Some(fault.set), None).await?;
                failed += usize::from(!cell.passed());
                row(fault.name, "address book", &cell);
            }
            if wanted("data actions") && fault.only.is_none() {
                let cell = data_actions::cell(Some(fault.set), None).await?;
                failed += usize::from(!cell.passed());
                row(fault.name, "data actions", &cell);
            }
            if wanted("zcc agents") && fault.only.is_none_or(|only| only == "zcc agents") {
                let cell = zcc_agents::cell(Some(fault.set), None).await?;
                failed += usize::from(!cell.passed());
                row(fault.name, "zcc agents", &cell);
            }
        }
        if wanted("address book") {
            // A clean run's records: crash right after each of them.
            let clean = cell(None, None).await?;
            failed += usize::from(!clean.passed());
            row("none", "address book", &clean);
            let records = {
                let emulator = Emulator::start(Default::default()).await?;
                let session = session(&emulator).await?;
                let plan = plan(&session).await?;
                let mut journal = Journal {
                    records: Vec::new(),
                    crash_after: None,
                    crash: Arc::new(Notify::new()),
                };
                let _ = pass(&session, &mut fresh_run(&plan), &mut journal).await;
                emulator.shutdown().await;
                journal.records.len()
            };
            for k in 1..records {
                let cell = cell(None, Some(k)).await?;
                failed += usize::from(!cell.passed());
                row(&format!("crash after journal record {k} of {records}"), "address book", &cell);
            }
        }
        if wanted("data actions") {
            let records = data_actions::records().await?;
            for k in 0..=records {
                let cell = data_actions::cell(None, Some(k)).await?;
                failed += usize::from(!cell.passed());
                let when = if k == 0 { "none".to_owned() } else { format!("crash after journal record {k} of {records}") };
                row(&when, "data actions", &cell);
            }
        }
        if wanted("zcc agents") {
            let records = zcc_agents::records().await?;
            for k in 0..=records {
                let cell = zcc_agents::cell(None, Some(k)).await?;
                failed += usize::from(!cell.passed());
                let when = if k == 0 { "none".to_owned() } else { format!("crash after journal record {k} of {records}") };
                row(&when, "zcc agents", &cell);
            }
        }
        println!("\n{failed} failing cell(s).");
        if failed > 0 {
            std::process::exit(1);
        }
        Ok(())
    })
}
