//! Applying an address-book plan to CXone, journalled and idempotent: find or create the book,
//! add only the entries not already in it (in batches, recorded after each), assign only the
//! teams and agents not already assigned. Every step re-reads what exists, so a run that failed
//! halfway (a crash, a 5xx after CXone stored a batch, a lost answer) can simply be applied
//! again: nothing is added twice and nothing is lost.

use serde::{Deserialize, Serialize};

use super::plan::{AddressBookPlan, Target, find_book, present_keys, unassigned};
use crate::connection::{Code, Failure};
use crate::time::format_utc;
use crate::vendors::cxone::session::{AddressBook, AssignKind, CxoneSession};

/// Entries sent per POST.
pub const BATCH: usize = 100;
/// Entry batches sent at once. Two keep a rate-limit window busy while the other waits out a
/// whole-second `Retry-After`, without leaning much harder on CXone's unpublished limit.
pub const IN_FLIGHT: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum RunState {
    Running,
    Done,
    /// `code` is the failure's diagnosis code; applying the run again resumes it.
    Failed {
        code: String,
    },
    /// Not finished: the admin chose to apply a newer plan instead.
    Discarded,
}

/// What CXone refused, item by item (not fatal: the rest of the run goes on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rejected {
    /// `entry`, `team` or `agent`.
    pub kind: String,
    /// Index in the plan's list of that kind.
    pub index: usize,
    /// CXone's reason, as sent.
    pub error: String,
}

/// One application of a plan. The counts describe the latest pass: a resumed run counts what
/// it found already present and what it added itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplyRun {
    pub id: i64,
    pub plan: AddressBookPlan,
    pub state: RunState,
    pub book_id: Option<i64>,
    pub added: usize,
    pub present: usize,
    pub assigned: usize,
    #[serde(default)]
    pub rejected: Vec<Rejected>,
    pub updated_at: String,
}

/// Where a run is journalled after every vendor step that changed something. The host
/// implements it over SQLite (`storage::apply_runs::Journal`); it must not hold a lock across
/// the apply's awaits.
pub trait ApplyLog {
    fn record(&mut self, run: &ApplyRun) -> crate::Result<()>;
}

/// Applies (or resumes) `run`. On failure the run is recorded as `Failed` with the code, and
/// the same failure returned.
pub async fn apply(
    session: &CxoneSession,
    run: &mut ApplyRun,
    log: &mut (dyn ApplyLog + Send),
    progress: &mut (dyn FnMut(&ApplyRun) + Send),
) -> Result<(), Failure> {
    run.state = RunState::Running;
    run.added = 0;
    run.present = 0;
    run.assigned = 0;
    run.rejected.clear();
    let mut out = Outbox {
        session,
        log,
        progress,
    };
    let outcome = match out.note(run) {
        Ok(()) => steps(&mut out, run).await,
        Err(failure) => Err(failure),
    };
    match outcome {
        Ok(()) => {
            run.state = RunState::Done;
            out.note(run)
        }
        Err(failure) => {
            run.state = RunState::Failed {
                code: failure.code.as_str().to_owned(),
            };
            // The failure that stopped the run is the one to report, even if this fails too.
            let _ = out.note(run);
            Err(failure)
        }
    }
}

/// Journals and reports the run.
struct Outbox<'a> {
    session: &'a CxoneSession,
    log: &'a mut (dyn ApplyLog + Send),
    progress: &'a mut (dyn FnMut(&ApplyRun) + Send),
}

impl Outbox<'_> {
    fn note(&mut self, run: &mut ApplyRun) -> Result<(), Failure> {
        run.updated_at = format_utc(self.session.now());
        self.log.record(run).map_err(|error| {
            tracing::error!(%error, run = run.id, "cannot record the apply run");
            Failure::new(Code::ApplyNotRecorded)
        })?;
        (self.progress)(run);
        Ok(())
    }
}

async fn steps(out: &mut Outbox<'_>, run: &mut ApplyRun) -> Result<(), Failure> {
    let session = out.session;
    let book = ensure_book(out, run).await?;
    let present = present_keys(session, book.id).await?;
    let (pending, already) = run.plan.pending(&present);
    run.present = already;
    (out.progress)(run);
    let chunks: Vec<&[usize]> = pending.chunks(BATCH).collect();
    for group in chunks.chunks(IN_FLIGHT) {
        let batch = |chunk: &[usize]| -> Vec<_> {
            chunk.iter().map(|&i| run.plan.entries[i].clone()).collect()
        };
        let answers = match group {
            [one] => vec![session.add_entries(book.id, &batch(one)).await],
            [first, second, ..] => {
                let (a, b) = (batch(first), batch(second));
                let (x, y) = tokio::join!(
                    session.add_entries(book.id, &a),
                    session.add_entries(book.id, &b)
                );
                vec![x, y]
            }
            [] => Vec::new(),
        };
        // Every batch that went through is counted and journalled before a failure stops the
        // run; a resumed run re-reads the book anyway.
        let mut failure = None;
        for (answer, chunk) in answers.into_iter().zip(group) {
            match answer {
                Ok(results) => {
                    for (result, &index) in results.iter().zip(*chunk) {
                        if result.success {
                            run.added += 1;
                        } else {
                            let error = result.error.clone().unwrap_or_default();
                            run.rejected.push(rejected("entry", index, error));
                        }
                    }
                }
                Err(f) => failure = failure.or(Some(f)),
            }
        }
        out.note(run)?;
        if let Some(f) = failure {
            return Err(f);
        }
    }
    let teams = run.plan.teams.clone();
    assign(out, run, &book, AssignKind::Team, &teams).await?;
    let agents = run.plan.agents.clone();
    assign(out, run, &book, AssignKind::Agent, &agents).await
}

/// The run's book if it still exists, else the one with the plan's name, else a new one.
async fn ensure_book(out: &mut Outbox<'_>, run: &mut ApplyRun) -> Result<AddressBook, Failure> {
    let books = out.session.address_books().await?;
    let known = run.book_id.and_then(|id| books.iter().find(|b| b.id == id));
    let book = match known.or_else(|| find_book(&books, &run.plan.book_name)) {
        Some(book) => book.clone(),
        None => {
            let name = run.plan.book_name.trim();
            out.session.create_address_book(name).await?
        }
    };
    if run.book_id != Some(book.id) {
        run.book_id = Some(book.id);
        out.note(run)?;
    }
    Ok(book)
}

async fn assign(
    out: &mut Outbox<'_>,
    run: &mut ApplyRun,
    book: &AddressBook,
    kind: AssignKind,
    targets: &[Target],
) -> Result<(), Failure> {
    let already = match kind {
        AssignKind::Team => &book.teams,
        AssignKind::Agent => &book.agents,
    };
    let missing = unassigned(targets, already);
    if missing.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = missing.iter().map(|t| t.id).collect();
    let results = out.session.assign(book.id, kind, &ids).await?;
    let label = match kind {
        AssignKind::Team => "team",
        AssignKind::Agent => "agent",
    };
    for (result, target) in results.iter().zip(&missing) {
        if result.success {
            run.assigned += 1;
        } else {
            let index = targets.iter().position(|t| t.id == target.id).unwrap_or(0);
            let error = result.error.clone().unwrap_or_default();
            run.rejected.push(rejected(label, index, error));
        }
    }
    out.note(run)
}

fn rejected(kind: &str, index: usize, error: String) -> Rejected {
    Rejected {
        kind: kind.to_owned(),
        index,
        error,
    }
}
