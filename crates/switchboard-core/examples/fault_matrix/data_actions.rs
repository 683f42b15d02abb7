//! The Genesys data-actions apply under each fault: three Web services integrations, each with
//! its Basic credential. A cell passes when, after resuming, each planned integration exists
//! once, has exactly one credential `Integration-<id>`, and no credential is left orphaned.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use switchboard_core::connection::{ConnectionSettings, Vendor};
use switchboard_core::data_actions::apply::{ItemOutcome, Progress, ResolvedSecrets, Wait, apply};
use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{DataActionsPlan, PlannedIntegration, SecretSource};
use switchboard_core::practice::PracticeTenant;
use switchboard_core::secrets::Sensitive;
use switchboard_core::vendors::genesys::session::GenesysSession;
use switchboard_emulator::{Emulator, EmulatorConfig, RunningEmulator, VendorFaults};
use tokio::sync::Notify;

use super::{Cell, Outcome, RESUMES, http};

pub const INTEGRATIONS: usize = 3;

/// Journals like the database; signals a crash right after record `crash_after`.
struct Journal {
    records: usize,
    crash_after: Option<usize>,
    crash: Arc<Notify>,
}

impl Progress for Journal {
    fn record(&mut self, _: &[ItemOutcome]) -> switchboard_core::Result<()> {
        self.records += 1;
        if self.crash_after == Some(self.records) {
            self.crash.notify_one();
        }
        Ok(())
    }
}

async fn emulator() -> Outcome<RunningEmulator> {
    // A short activation delay keeps the matrix quick; the delay itself is the bench's business.
    let config = EmulatorConfig {
        genesys_state_delay_ms: 100,
        ..EmulatorConfig::default()
    };
    Ok(Emulator::start(config).await?)
}

async fn session(emulator: &RunningEmulator) -> Outcome<GenesysSession> {
    let tenant = PracticeTenant::from_announcement(&emulator.announcement())?;
    let Some((ConnectionSettings::Genesys(settings), secrets)) = tenant.connection(Vendor::Genesys)
    else {
        return Err("no Genesys connection announced".into());
    };
    Ok(GenesysSession::open(&settings, &secrets, http()?)
        .await
        .map_err(|f| format!("{f:?}"))?)
}

fn plan() -> (DataActionsPlan, ResolvedSecrets) {
    let plan = DataActionsPlan {
        integrations: (1..=INTEGRATIONS)
            .map(|n| PlannedIntegration {
                name: format!("Matrix service {n}"),
                kind: Kind::WebServices,
                credential_type: "basicAuth".into(),
                fields: BTreeMap::from([("userName".into(), format!("svc-{n}"))]),
                secrets: BTreeMap::from([("password".into(), SecretSource::Keychain)]),
                notes: String::new(),
            })
            .collect(),
    };
    let secrets = plan
        .integrations
        .iter()
        .map(|i| {
            let pw = BTreeMap::from([("password".to_owned(), Sensitive::new("matrix-pw-0042"))]);
            (i.name.clone(), pw)
        })
        .collect();
    (plan, secrets)
}

const WAIT: Wait = Wait {
    interval: std::time::Duration::from_millis(100),
    attempts: 50,
};

/// One pass; `None` when it crashed.
async fn pass(session: &GenesysSession, journal: &mut Journal) -> Option<Result<(), String>> {
    let (plan, secrets) = plan();
    let crash = journal.crash.clone();
    tokio::select! {
        biased;
        () = crash.notified() => None,
        done = apply(session, &plan, &secrets, journal, WAIT) => {
            Some(done.map(|_| ()).map_err(|f| f.code.as_str().to_owned()))
        }
    }
}

/// Records a clean run makes.
pub async fn records() -> Outcome<usize> {
    let emulator = emulator().await?;
    let session = session(&emulator).await?;
    let mut journal = Journal {
        records: 0,
        crash_after: None,
        crash: Arc::new(Notify::new()),
    };
    pass(&session, &mut journal).await;
    emulator.shutdown().await;
    Ok(journal.records)
}

pub async fn cell(set: Option<fn(&mut VendorFaults)>, crash_after: Option<usize>) -> Outcome<Cell> {
    let emulator = emulator().await?;
    let session = session(&emulator).await?;
    if let Some(set) = set {
        emulator.faults().update(|p| set(&mut p.genesys));
    }
    let started = Instant::now();
    let mut journal = Journal {
        records: 0,
        crash_after,
        crash: Arc::new(Notify::new()),
    };
    let first = match pass(&session, &mut journal).await {
        None => "crashed".to_owned(),
        Some(Ok(())) => "done".to_owned(),
        Some(Err(code)) => format!("stopped: {code}"),
    };
    emulator.faults().clear();
    journal.crash_after = None;
    let mut resumes = 0;
    let mut done = first == "done";
    while !done && resumes <= RESUMES {
        resumes += 1;
        done = matches!(pass(&session, &mut journal).await, Some(Ok(())));
    }
    let seconds = started.elapsed().as_secs_f64();
    let (plan, _) = plan();
    let integrations = session.integrations().await.map_err(|f| format!("{f:?}"))?;
    let credentials = session.credentials().await.map_err(|f| format!("{f:?}"))?;
    let mut lost = 0;
    let mut duplicated = 0;
    let mut credentials_ok = true;
    for item in &plan.integrations {
        let named: Vec<_> = integrations
            .iter()
            .filter(|i| i.name == item.name)
            .collect();
        lost += usize::from(named.is_empty());
        duplicated += named.len().saturating_sub(1);
        for integration in named {
            let name = format!("Integration-{}", integration.id);
            credentials_ok &= credentials.iter().filter(|c| c.name == name).count() == 1;
        }
    }
    // Every credential belongs to an integration of the org: none orphaned.
    let orphans = credentials
        .iter()
        .filter(|c| {
            !integrations
                .iter()
                .any(|i| c.name == format!("Integration-{}", i.id))
        })
        .count();
    emulator.shutdown().await;
    Ok(Cell {
        first,
        resumes,
        books: usize::from(credentials_ok && orphans == 0),
        lost,
        duplicated: duplicated + orphans,
        seconds,
    })
}
