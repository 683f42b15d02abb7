//! The Zoom Contact Center agents' apply under each fault (set on Salesforce and Zoom alike):
//! the demo org's plan (permission-set assignments, `User.CallCenterId`, Zoom client
//! integrations). A cell passes when, after resuming, every planned write is in place but the
//! one the org refuses for its locked user (lost counts the others still missing), and no agent
//! holds the package's permission sets twice (duplicated).

use std::sync::Arc;
use std::time::Instant;

use switchboard_core::connection::{ConnectionSettings, Vendor};
use switchboard_core::practice::PracticeTenant;
use switchboard_core::vendors::salesforce::session::SalesforceSession;
use switchboard_core::vendors::zoom::session::{ZoomApp, ZoomDirectory};
use switchboard_core::zcc::agents::{ActionOutcome, AgentPlan, Direction, Outcome as Written};
use switchboard_core::zcc::apply::{AgentTarget, Progress, apply, read};
use switchboard_emulator::{Emulator, RunningEmulator, VendorFaults};
use tokio::sync::Notify;

use super::{Cell, Outcome, RESUMES, http};

/// Journals like the database; signals a crash right after record `crash_after`.
struct Journal {
    saved: Vec<ActionOutcome>,
    records: usize,
    crash_after: Option<usize>,
    crash: Arc<Notify>,
}

impl Progress for Journal {
    fn record(&mut self, outcomes: &[ActionOutcome]) -> switchboard_core::Result<()> {
        self.saved = outcomes.to_vec();
        self.records += 1;
        if self.crash_after == Some(self.records) {
            self.crash.notify_one();
        }
        Ok(())
    }
}

async fn sessions(emulator: &RunningEmulator) -> Outcome<(SalesforceSession, ZoomDirectory)> {
    let tenant = PracticeTenant::from_announcement(&emulator.announcement())?;
    let Some((ConnectionSettings::Salesforce(sf), sf_secrets)) =
        tenant.connection(Vendor::Salesforce)
    else {
        return Err("no Salesforce connection announced".into());
    };
    let Some((ConnectionSettings::Zoom(zoom), zoom_secrets)) = tenant.connection(Vendor::Zoom)
    else {
        return Err("no Zoom connection announced".into());
    };
    let session = SalesforceSession::open(&sf, &sf_secrets, http()?)
        .await
        .map_err(|f| format!("{f:?}"))?;
    let app = ZoomApp {
        account_id: zoom.account_id.clone(),
        client_id: zoom.client_id.clone(),
        client_secret: zoom_secrets
            .get("client-secret")
            .cloned()
            .ok_or("no Zoom client secret announced")?,
    };
    let directory = ZoomDirectory::open(&zoom.endpoints, &app, http()?)
        .await
        .map_err(|f| format!("{f:?}"))?;
    Ok((session, directory))
}

/// One pass; `None` when it crashed.
async fn pass(
    sessions: &(SalesforceSession, ZoomDirectory),
    plan: &AgentPlan,
    journal: &mut Journal,
) -> Option<Result<(), String>> {
    let crash = journal.crash.clone();
    let done = journal.saved.clone();
    tokio::select! {
        biased;
        () = crash.notified() => None,
        outcome = apply(&sessions.0, &sessions.1, plan, done, journal) => {
            Some(outcome.map(|_| ()).map_err(|e| e.to_string()))
        }
    }
}

async fn planned(sessions: &(SalesforceSession, ZoomDirectory)) -> Outcome<AgentPlan> {
    let view = read(
        &sessions.0,
        &sessions.1,
        &AgentTarget::default(),
        Direction::Enable,
    )
    .await
    .map_err(|e| e.to_string())?;
    Ok(view.plan)
}

/// Records a clean run makes.
pub async fn records() -> Outcome<usize> {
    let emulator = Emulator::start(Default::default()).await?;
    let sessions = sessions(&emulator).await?;
    let plan = planned(&sessions).await?;
    let mut journal = Journal {
        saved: Vec::new(),
        records: 0,
        crash_after: None,
        crash: Arc::new(Notify::new()),
    };
    pass(&sessions, &plan, &mut journal).await;
    emulator.shutdown().await;
    Ok(journal.records)
}

pub async fn cell(set: Option<fn(&mut VendorFaults)>, crash_after: Option<usize>) -> Outcome<Cell> {
    let emulator = Emulator::start(Default::default()).await?;
    let sessions = sessions(&emulator).await?;
    let plan = planned(&sessions).await?;
    if let Some(set) = set {
        emulator.faults().update(|p| {
            set(&mut p.salesforce);
            set(&mut p.zoom);
        });
    }
    let started = Instant::now();
    let mut journal = Journal {
        saved: Vec::new(),
        records: 0,
        crash_after,
        crash: Arc::new(Notify::new()),
    };
    let first = match pass(&sessions, &plan, &mut journal).await {
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
        done = matches!(pass(&sessions, &plan, &mut journal).await, Some(Ok(())));
    }
    let seconds = started.elapsed().as_secs_f64();
    let refused: Vec<&ActionOutcome> = journal
        .saved
        .iter()
        .filter(|o| matches!(o.outcome, Written::Refused { .. }))
        .collect();
    let after = read(
        &sessions.0,
        &sessions.1,
        &AgentTarget::default(),
        Direction::Enable,
    )
    .await
    .map_err(|e| e.to_string())?;
    let lost = after
        .plan
        .actions
        .iter()
        .filter(|a| {
            !refused
                .iter()
                .any(|r| r.email == a.email() && r.place == a.place())
        })
        .count();
    let duplicated = after
        .table
        .rows
        .iter()
        .map(|r| r.assignment_ids.len().saturating_sub(1))
        .sum();
    emulator.shutdown().await;
    Ok(Cell {
        first,
        resumes,
        // The org refuses exactly one write (its locked user): any other count is a fault.
        books: usize::from(refused.len() == 1),
        lost,
        duplicated,
        seconds,
    })
}
