//! Benchmark (not a test) of Directory Sync's two bulk paths against the in-process emulator:
//! (a) walking every Zoom Phone user of a 5,000- and a 50,000-user account, timed against
//! pages × latency, with the walker's peak memory (it runs in a child process, so the
//! emulator's own tenant does not count); (b) applying a 10,000-entry address book under a
//! CXone rate limit, timed against requests ÷ allowed rate.
//!
//! `cargo run --release -p switchboard-core --example bench_directory` (or
//! `scripts/bench-directory`).

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use switchboard_core::address_book::apply::{ApplyLog, ApplyRun, BATCH, RunState, apply};
use switchboard_core::address_book::entry::Entry;
use switchboard_core::address_book::plan::{AddressBookPlan, Target};
use switchboard_core::connection::{ConnectionSecrets, ConnectionSettings, Vendor};
use switchboard_core::practice::PracticeTenant;
use switchboard_core::secrets::Sensitive;
use switchboard_core::vendors::clock::SystemClock;
use switchboard_core::vendors::cxone::session::CxoneSession;
use switchboard_core::vendors::http::{Http, HttpConfig, RetryPolicy};
use switchboard_core::vendors::zoom::session::{PHONE_PAGE_SIZE, ZoomApp, ZoomDirectory};
use switchboard_emulator::{
    Emulator, EmulatorConfig, RateLimit, RetryAfter, RunningEmulator, TenantSize,
};

/// The emulator's default latency is 0; every request here pays this instead, as on a WAN
/// (`BENCH_LATENCY_MS` overrides it).
const DEFAULT_LATENCY_MS: u64 = 20;
const ENTRIES: usize = 10_000;
/// CXone publishes no ACD rate limit; a plausible one for a busy tenant.
const RATE_PER_SECOND: u32 = 10;

type Outcome<T> = Result<T, Box<dyn std::error::Error>>;

fn latency_ms() -> u64 {
    std::env::var("BENCH_LATENCY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_LATENCY_MS)
}

fn main() -> Outcome<()> {
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    if let [_, flag, announcement] = args.as_slice()
        && flag == "--walk"
    {
        return runtime.block_on(walk(announcement));
    }
    println!(
        "emulator latency: {} ms per request (set by the bench; the emulator's default is 0)",
        latency_ms()
    );
    runtime.block_on(async {
        phone_users().await?;
        address_book().await
    })
}

fn http() -> Outcome<Http> {
    let config = HttpConfig {
        https_only: false,
        retry: RetryPolicy {
            attempts: 5,
            ..RetryPolicy::default()
        },
        ..HttpConfig::default()
    };
    Ok(Http::new(config, Arc::new(SystemClock)).map_err(|f| format!("{f:?}"))?)
}

async fn start(zoom_users: usize) -> Outcome<RunningEmulator> {
    let config = EmulatorConfig {
        size: TenantSize { zoom_users },
        ..EmulatorConfig::default()
    };
    let emulator = Emulator::start(config).await?;
    emulator.faults().update(|p| {
        p.zoom.latency_ms = latency_ms();
        p.cxone.latency_ms = latency_ms();
    });
    Ok(emulator)
}

/// (a): each size walked by a child process of this example.
async fn phone_users() -> Outcome<()> {
    println!("\n(a) Zoom Phone users, GET /phone/users?page_size={PHONE_PAGE_SIZE}");
    println!(
        "{:>7} {:>8} {:>6} {:>11} {:>10} {:>6} {:>13}",
        "users", "phone", "pages", "lower bound", "measured", "ratio", "peak RSS (KB)"
    );
    for size in [5_000, 50_000] {
        let emulator = start(size).await?;
        let announcement = emulator.announcement();
        let output = tokio::task::spawn_blocking(move || {
            Command::new(std::env::current_exe()?)
                .args(["--walk", &announcement])
                .output()
        })
        .await??;
        emulator.shutdown().await;
        let line = String::from_utf8_lossy(&output.stdout);
        let fields: Vec<u64> = line
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        let [pages, users, micros, hwm] = fields[..] else {
            return Err(format!(
                "walker said: {line} {}",
                String::from_utf8_lossy(&output.stderr)
            )
            .into());
        };
        let bound = Duration::from_millis(pages * latency_ms()).max(Duration::from_millis(1));
        let measured = Duration::from_micros(micros);
        println!(
            "{size:>7} {users:>8} {pages:>6} {:>10.2}s {:>9.2}s {:>5.2}x {hwm:>13}",
            bound.as_secs_f64(),
            measured.as_secs_f64(),
            measured.as_secs_f64() / bound.as_secs_f64()
        );
    }
    Ok(())
}

/// The child: walks every phone user and prints `pages users micros peak_rss_kb`.
async fn walk(announcement: &str) -> Outcome<()> {
    let tenant = PracticeTenant::from_announcement(announcement)?;
    let endpoints = tenant.settings.iter().find_map(|s| match s {
        ConnectionSettings::Zoom(z) => Some(z.endpoints.clone()),
        _ => None,
    });
    let credentials: Value = serde_json::from_str(announcement)?;
    let zoom = &credentials["credentials"]["zoom"];
    let text = |key: &str| zoom[key].as_str().unwrap_or_default().to_owned();
    let app = ZoomApp {
        account_id: text("account_id"),
        client_id: text("client_id"),
        client_secret: Sensitive::new(text("client_secret")),
    };
    let endpoints = endpoints.ok_or("no Zoom connection announced")?;
    let directory = ZoomDirectory::open(&endpoints, &app, http()?)
        .await
        .map_err(|f| format!("{f:?}"))?;
    let mut users = 0u64;
    let started = Instant::now();
    let pages = directory
        .each_phone_user(|user| users += u64::from(!user.id.is_empty()))
        .await
        .map_err(|f| format!("{f:?}"))?;
    let micros = started.elapsed().as_micros();
    println!("{pages} {users} {micros} {}", peak_rss_kb());
    Ok(())
}

/// `VmHWM` of /proc/self/status: the process's peak resident set.
fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

struct Discard;

impl ApplyLog for Discard {
    fn record(&mut self, _: &ApplyRun) -> switchboard_core::Result<()> {
        Ok(())
    }
}

/// (b): a 10,000-entry apply under a rate limit of `RATE_PER_SECOND`.
async fn address_book() -> Outcome<()> {
    let emulator = start(300).await?;
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
    let session = CxoneSession::open(&settings, &secrets, http()?)
        .await
        .map_err(|f| format!("{f:?}"))?;
    let teams = session.teams().await.map_err(|f| format!("{f:?}"))?;
    let plan = AddressBookPlan {
        book_name: "Zoom Directory".into(),
        entries: (0..ENTRIES).map(entry).collect(),
        teams: teams
            .iter()
            .map(|t| Target {
                id: t.id,
                name: t.name.clone(),
            })
            .collect(),
        agents: Vec::new(),
    };
    // Books, create, entries (204), the batches, one team assignment.
    let requests = 3 + ENTRIES.div_ceil(BATCH) + 1;
    emulator.faults().update(|p| {
        p.cxone.rate_limit = Some(RateLimit {
            limit: RATE_PER_SECOND,
            window_secs: 1,
            retry_after: RetryAfter::Seconds,
        })
    });
    let mut run = ApplyRun {
        id: 1,
        plan,
        state: RunState::Running,
        book_id: None,
        added: 0,
        present: 0,
        assigned: 0,
        rejected: Vec::new(),
        updated_at: String::new(),
    };
    let started = Instant::now();
    apply(&session, &mut run, &mut Discard, &mut |_| {})
        .await
        .map_err(|f| format!("{f:?}"))?;
    let measured = started.elapsed();
    emulator.shutdown().await;
    let bound = requests as f64 / f64::from(RATE_PER_SECOND);
    println!("\n(b) address-book apply under a CXone rate limit");
    println!(
        "entries {ENTRIES}, batch {BATCH}, limit {RATE_PER_SECOND} requests/s (Retry-After: seconds)"
    );
    println!(
        "requests {requests}, lower bound {bound:.2}s, measured {:.2}s, ratio {:.2}x; added {}, assigned {}",
        measured.as_secs_f64(),
        measured.as_secs_f64() / bound,
        run.added,
        run.assigned
    );
    Ok(())
}

fn entry(i: usize) -> Entry {
    Entry {
        first_name: format!("Person{i}"),
        last_name: "Bench".into(),
        middle_name: None,
        company: None,
        phone: Some(format!("+331990{i:05}")),
        mobile: None,
        email: Some(format!("p{i}@bench.example")),
    }
}
