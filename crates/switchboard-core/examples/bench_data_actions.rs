//! Benchmark (not a test): applying a 50-integration data-actions plan to the emulated Genesys
//! org under its default limit of 300 requests a minute per token (and its 1.5 s activation
//! delay), timed against the bound the limit sets: the fewest calls the apply can make (three
//! reads, then per integration create, credential, read and write the configuration, enable,
//! one state read) divided by the rate. Goal: at most 1.2× the bound.
//!
//! `cargo run --release -p switchboard-core --example bench_data_actions` (or
//! `scripts/bench-data-actions`).

use std::collections::BTreeMap;
use std::time::Instant;

use switchboard_core::connection::{ConnectionSettings, Vendor};
use switchboard_core::data_actions::apply::{ItemOutcome, Progress, Wait, apply};
use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{DataActionsPlan, PlannedIntegration, SecretSource};
use switchboard_core::practice::PracticeTenant;
use switchboard_core::secrets::Sensitive;
use switchboard_core::vendors::genesys::session::GenesysSession;
use switchboard_core::vendors::http::Http;
use switchboard_emulator::{Emulator, GENESYS_TOKEN_RATE_PER_MINUTE};

type Outcome<T> = Result<T, Box<dyn std::error::Error>>;

const INTEGRATIONS: usize = 50;

struct Quiet;

impl Progress for Quiet {
    fn record(&mut self, _: &[ItemOutcome]) -> switchboard_core::Result<()> {
        Ok(())
    }
}

fn main() -> Outcome<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run())
}

async fn run() -> Outcome<()> {
    let emulator = Emulator::start(Default::default()).await?;
    let tenant = PracticeTenant::from_announcement(&emulator.announcement())?;
    let Some((ConnectionSettings::Genesys(settings), secrets)) = tenant.connection(Vendor::Genesys)
    else {
        return Err("no Genesys connection announced".into());
    };
    // The app's own client for an apply: it waits out the per-minute window.
    let http = Http::for_apply(true).map_err(|f| format!("{f:?}"))?;
    let session = GenesysSession::open(&settings, &secrets, http)
        .await
        .map_err(|f| format!("{f:?}"))?;
    let plan = DataActionsPlan {
        integrations: (1..=INTEGRATIONS)
            .map(|n| PlannedIntegration {
                name: format!("Web service {n:02}"),
                kind: Kind::WebServices,
                credential_type: "basicAuth".into(),
                fields: BTreeMap::from([("userName".into(), format!("svc-{n:02}"))]),
                secrets: BTreeMap::from([("password".into(), SecretSource::Keychain)]),
                notes: String::new(),
            })
            .collect(),
    };
    let values = plan
        .integrations
        .iter()
        .map(|i| {
            let pw = BTreeMap::from([("password".to_owned(), Sensitive::new("bench-pw-0042"))]);
            (i.name.clone(), pw)
        })
        .collect();
    let calls = 3 + 6 * INTEGRATIONS;
    let rate = f64::from(GENESYS_TOKEN_RATE_PER_MINUTE) / 60.0;
    let bound = calls as f64 / rate;
    let started = Instant::now();
    let outcomes = apply(&session, &plan, &values, &mut Quiet, Wait::default())
        .await
        .map_err(|f| format!("{f:?}"))?;
    let measured = started.elapsed().as_secs_f64();
    let active = outcomes
        .iter()
        .filter(|o| {
            o.state == Some(switchboard_core::vendors::genesys::types::ReportedState::Active)
        })
        .count();
    emulator.shutdown().await;
    println!(
        "data-actions apply: {INTEGRATIONS} integrations, limit {GENESYS_TOKEN_RATE_PER_MINUTE} requests/min per token"
    );
    println!(
        "fewest calls {calls}, lower bound {bound:.1}s, measured {measured:.1}s, ratio {:.2}x; {active} active",
        measured / bound
    );
    Ok(())
}
