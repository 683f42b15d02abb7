//! The automated address-book step: the draft (entries, region, teams and agents) kept with the
//! profile, the CSV import preview, the plan against CXone and the journalled apply.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use crate::address_book::apply::{self, ApplyRun, RunState};
use crate::address_book::csv::{self, Import, ImportError};
use crate::address_book::entry::{self, Entry, EntryDraft, EntryProblem};
use crate::address_book::plan::{self, AddressBookPlan, PlanPreview, Target};
use crate::connection::{Params, Vendor};
use crate::directory::phone::Region;
use crate::error::{Error, Result};
use crate::flow::FlowView;
use crate::locale::Locale;
use crate::storage::apply_runs::{self, Unfinished};
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::storage::{journal, profiles};
use crate::validate::{self, FieldError};
use ts_rs::TS;

use super::{Switchboard, find_flow, load, save_status};

const STEP: &str = "cxone-address-book";
const BOOK_NAME_FIELD: &str = "cxone-address-book-name";
const RUN_KIND: &str = apply_runs::ADDRESS_BOOK;

/// What the admin is preparing: kept as they type, applied on request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddressBookDraft {
    pub region: String,
    pub entries: Vec<Entry>,
    pub teams: Vec<Target>,
    pub agents: Vec<Target>,
}

impl AddressBookDraft {
    /// Adds the entries not already in the draft (nor twice among themselves): the same
    /// identity (`Entry::key`) the apply uses to find an entry already in CXone. Returns how
    /// many were skipped.
    pub fn add_entries(&mut self, entries: impl IntoIterator<Item = Entry>) -> usize {
        let mut skipped = 0;
        for entry in entries {
            if self.entries.iter().any(|e| e.key() == entry.key()) {
                skipped += 1;
            } else {
                self.entries.push(entry);
            }
        }
        skipped
    }
}

/// One entry typed in the form: the normalized entry, or why not.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryCheck {
    pub entry: Option<Entry>,
    pub problems: Vec<EntryProblem>,
}

/// An apply run as the UI shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "ApplyRun")]
#[serde(rename_all = "camelCase")]
pub struct RunView {
    pub id: i64,
    #[ts(type = "'running' | 'done' | 'failed' | 'discarded'")]
    pub state: &'static str,
    pub failure: Option<FailureView>,
    pub book_id: Option<i64>,
    pub total: usize,
    pub added: usize,
    pub present: usize,
    pub assigned: usize,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FailureView {
    pub code: String,
    pub params: Params,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "ApplyResult")]
pub struct Applied {
    pub run: RunView,
    pub flow: FlowView,
}

impl RunView {
    fn of(run: &ApplyRun) -> Self {
        let (state, failure) = match &run.state {
            RunState::Running => ("running", None),
            RunState::Done => ("done", None),
            RunState::Discarded => ("discarded", None),
            RunState::Failed { code } => (
                "failed",
                Some(FailureView {
                    code: code.clone(),
                    params: Params::new(),
                }),
            ),
        };
        RunView {
            id: run.id,
            state,
            failure,
            book_id: run.book_id,
            total: run.plan.entries.len(),
            added: run.added,
            present: run.present,
            assigned: run.assigned,
            updated_at: run.updated_at.clone(),
        }
    }
}

/// The region whose national phone numbers the admin most likely types.
pub fn default_region(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "FR",
        Locale::Ja => "JP",
        Locale::En => "US",
    }
}

fn region(value: &str) -> Result<Region> {
    value
        .parse()
        .map_err(|_| Error::validation("region", "region"))
}

/// Checks one entry typed in the form.
pub fn check_entry(draft: &EntryDraft, region_code: &str) -> Result<EntryCheck> {
    Ok(match entry::check_entry(draft, region(region_code)?) {
        Ok(entry) => EntryCheck {
            entry: Some(entry),
            problems: Vec::new(),
        },
        Err(problems) => EntryCheck {
            entry: None,
            problems,
        },
    })
}

/// Reads a CSV file, sent by the window as base64 text, into accepted and rejected rows;
/// nothing is saved. Base64 because a JSON array of numbers would make a 10 MB file some 40 MB
/// of IPC; its length is checked before decoding, so an oversize file is never held twice.
pub fn preview_csv(content_base64: &str, region_code: &str) -> Result<Import> {
    let region = region(region_code)?;
    if content_base64.len() > csv::MAX_BYTES.div_ceil(3) * 4 {
        let too_large = ImportError::TooLarge {
            max_mb: csv::MAX_BYTES / (1024 * 1024),
        };
        return Err(import_error(&too_large));
    }
    let bytes = STANDARD.decode(content_base64.trim()).map_err(|_| {
        // The window encodes the file itself: garbled base64 is its bug, not the admin's file.
        Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "the CSV file did not arrive as base64",
        ))
    })?;
    csv::read_csv(&bytes, region).map_err(|e| import_error(&e))
}

fn import_error(error: &ImportError) -> Error {
    let mut detail = FieldError::new(error.code());
    match error {
        ImportError::NotUtf8 { line } => {
            detail = detail.with("line", line);
        }
        ImportError::MissingColumns { missing } => {
            detail = detail.with("missing", missing.join(", "));
        }
        ImportError::DuplicateColumn { field } => {
            detail = detail.with("field", field);
        }
        ImportError::Malformed { line } => {
            detail = detail.with("line", line);
        }
        ImportError::TooLarge { max_mb } => {
            detail = detail.with("maxMb", max_mb);
        }
        ImportError::TooManyRows { max } => {
            detail = detail.with("max", max);
        }
        ImportError::Empty => {}
    }
    Error::invalid("file", detail)
}

impl Switchboard {
    pub fn address_book_draft(
        &self,
        profile_id: i64,
        flow_id: &str,
        locale: Locale,
    ) -> Result<AddressBookDraft> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        find_flow(flow_id)?;
        let saved = step_documents::load(&db, draft_ref(profile_id, flow_id))?;
        Ok(saved.unwrap_or_else(|| AddressBookDraft {
            region: default_region(locale).to_owned(),
            entries: Vec::new(),
            teams: Vec::new(),
            agents: Vec::new(),
        }))
    }

    pub fn save_address_book_draft(
        &self,
        profile_id: i64,
        flow_id: &str,
        draft: &AddressBookDraft,
    ) -> Result<AddressBookDraft> {
        region(&draft.region)?;
        if let Some((field, error)) = validate::first_too_long(draft, validate::MAX_DOCUMENT_TEXT) {
            return Err(Error::invalid(field, error));
        }
        let flow = find_flow(flow_id)?;
        let db = self.db();
        profiles::get(&db, profile_id)?;
        step_documents::save(&db, draft_ref(profile_id, flow_id), draft)?;
        let mut state = load(&db, profile_id, flow)?;
        if state.status(STEP) == StepStatus::NotStarted
            && let Some(step) = flow.step(STEP)
        {
            save_status(&db, profile_id, &mut state, step, StepStatus::InProgress)?;
        }
        Ok(draft.clone())
    }

    fn address_book_plan(&self, profile_id: i64, flow_id: &str) -> Result<AddressBookPlan> {
        let draft = self.address_book_draft(profile_id, flow_id, Locale::En)?;
        let db = self.db();
        let state = load(&db, profile_id, find_flow(flow_id)?)?;
        let book_name = state
            .values()
            .get(BOOK_NAME_FIELD)
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| Error::validation(BOOK_NAME_FIELD, "required"))?;
        Ok(AddressBookPlan {
            book_name,
            entries: draft.entries,
            teams: draft.teams,
            agents: draft.agents,
        })
    }

    /// What applying the draft would change in CXone, read live.
    pub async fn plan_address_book(&self, profile_id: i64, flow_id: &str) -> Result<PlanPreview> {
        let plan = self.address_book_plan(profile_id, flow_id)?;
        let session = self.cxone_session(profile_id).await?;
        Ok(plan::preview(&session, &plan).await?)
    }

    /// Applies the draft to CXone, or first finishes a run that stopped (crash, rate limit,
    /// network): every step re-reads CXone, so nothing is lost or added twice. An unfinished run
    /// is resumed silently only when its plan is the plan shown; otherwise `unfinished` says
    /// what the admin chose (refused with `ApplyPlanChanged` until they do). Refused with
    /// `ApplyRunning` while another apply (window, CLI) holds the profile's run.
    pub async fn apply_address_book(
        &self,
        profile_id: i64,
        flow_id: &str,
        locale: Locale,
        unfinished: Option<Unfinished>,
    ) -> Result<Applied> {
        let flow = find_flow(flow_id)?;
        let plan = self.address_book_plan(profile_id, flow_id)?;
        let mut run = apply_runs::claim(&mut self.db(), profile_id, RUN_KIND, &plan, unfinished)?;
        let outcome = match self.cxone_session(profile_id).await {
            Ok(session) => {
                // The journal locks the database for each save only, never across vendor calls.
                let mut log = apply_runs::Journal::new(&self.db);
                let (run_id, mut progress) = (run.id, |_: &ApplyRun| {});
                let work = apply::apply(&session, &mut run, &mut log, &mut progress);
                self.holding_claim(run_id, work).await
            }
            Err(Error::Vendor(failure)) => Err(failure),
            Err(other) => {
                apply_runs::release(&self.db(), run.id)?;
                return Err(other);
            }
        };
        let mut view = RunView::of(&run);
        if let Err(failure) = &outcome {
            if !matches!(run.state, RunState::Failed { .. }) {
                run.state = RunState::Failed {
                    code: failure.code.as_str().to_owned(),
                };
                apply_runs::save(&self.db(), &run)?;
                view = RunView::of(&run);
            }
            view.failure = Some(FailureView {
                code: failure.code.as_str().to_owned(),
                params: failure.params.clone(),
            });
        }
        let db = self.db();
        let mut state = load(&db, profile_id, flow)?;
        let step = flow
            .step(STEP)
            .ok_or_else(|| Error::not_found(format!("step {STEP}")))?;
        let status = if outcome.is_ok() {
            StepStatus::Done
        } else {
            StepStatus::NeedsAttention
        };
        save_status(&db, profile_id, &mut state, step, status)?;
        journal::record(
            &db,
            Some(profile_id),
            Some(Vendor::Cxone.as_str()),
            "address_book.apply",
            view.state,
            Some(&format!(
                "run {} added {} present {} assigned {}",
                run.id, run.added, run.present, run.assigned
            )),
        )?;
        Ok(Applied {
            run: view,
            flow: state.view(profile_id, locale),
        })
    }

    /// The latest apply run (to show progress while applying, or an interrupted run).
    pub fn address_book_run(&self, profile_id: i64) -> Result<Option<RunView>> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        Ok(apply_runs::latest(&db, profile_id, RUN_KIND)?
            .as_ref()
            .map(RunView::of))
    }
}

impl Switchboard {
    /// Runs `work` while renewing the claim on `run_id`, so a long vendor call (retries, a
    /// rate-limit wait) never lets another apply take the run over.
    pub(super) async fn holding_claim<T>(&self, run_id: i64, work: impl Future<Output = T>) -> T {
        let mut work = std::pin::pin!(work);
        loop {
            tokio::select! {
                out = &mut work => return out,
                () = tokio::time::sleep(apply_runs::RENEW_EVERY) => {
                    if let Err(error) = apply_runs::renew(&self.db(), run_id) {
                        tracing::warn!(%error, run = run_id, "cannot renew the apply claim");
                    }
                }
            }
        }
    }
}

fn draft_ref(profile_id: i64, flow_id: &str) -> DocRef<'_> {
    DocRef {
        profile_id,
        flow_id,
        step_id: STEP,
        kind: DocKind::Draft,
    }
}
