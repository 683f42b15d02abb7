//! The review of a profile and the hand-over report: assembled only from what the app recorded
//! — the connections' last Tests, every catalogue flow's step records and live checks, the apply
//! runs, remembered certificates and which secrets are saved when — so it grows with the flows.
//! No secret is ever read: the keychain is not asked, only the names of its entries.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rusqlite::Connection;
use serde_json::Value;

use super::data_actions::{self, SavedCertificate};
use super::planned_statuses::{PlannedStatus, planned_ref};
use super::{Switchboard, files, load};
use crate::catalogue::{self, Flow, LiveKind};
use crate::error::{Error, Result};
use crate::flow::FlowState;
use crate::locale::Locale;
use crate::report::{
    self, CheckFailure, ConnectionReview, FlowReview, Handover, ObjectAction, ObjectKind,
    ObjectReview, OpenStep, Reminder, ReminderKind, ReportFormat, Review, SOON_DAYS, Texts, Why,
};
use crate::storage::apply_runs::{self, Recorded};
use crate::storage::progress::StepStatus;
use crate::storage::{connections, journal, profiles, secret_refs, step_documents};
use crate::time::format_utc;
use crate::validate::FieldError;
use crate::vendor::Vendor;

/// The hand-over step's fields, wherever a flow keeps them.
const RECIPIENT_FIELD: &str = "handover-recipient";
const DATE_FIELD: &str = "handover-date";

impl Switchboard {
    /// The review of `profile_id`, with flow and step titles in `locale`.
    pub fn review(&self, profile_id: i64, locale: Locale) -> Result<Review> {
        let now = format_utc(SystemTime::now());
        let db = self.db();
        let profile = profiles::get(&db, profile_id)?;
        let states: Vec<FlowState> = catalogue::flows()
            .iter()
            .map(|flow| load(&db, profile_id, flow))
            .collect::<Result<_>>()?;
        let runs = apply_runs::recorded(&db, profile_id)?;
        Ok(Review {
            profile_id,
            profile_name: profile.name,
            practice: profile.practice,
            generated_at: now.clone(),
            connections: connection_reviews(&db, profile_id)?,
            flows: states
                .iter()
                .map(|s| flow_review(s, &runs, locale))
                .collect(),
            objects: objects(&db, profile_id, &states, &runs, locale)?,
            reminders: reminders(&db, profile_id, &now, locale)?,
            handover: handover(&states),
        })
    }

    /// The report as text, and the file name it is saved under by default.
    pub fn report(
        &self,
        profile_id: i64,
        format: ReportFormat,
        locale: Locale,
    ) -> Result<(String, String)> {
        let review = self.review(profile_id, locale)?;
        Ok((
            report::file_name(&review, format, locale),
            report::render(&review, format, locale),
        ))
    }

    /// Writes the report to `path` (the file the admin picked; replaced if it exists, the save
    /// dialog has asked), or, when `path` is a folder, to a new file named after the customer
    /// and the date inside it. The file may then be revealed.
    pub fn export_report(
        &self,
        profile_id: i64,
        format: ReportFormat,
        locale: Locale,
        path: &Path,
    ) -> Result<PathBuf> {
        let (name, text) = self.report(profile_id, format, locale)?;
        // A place the admin cannot write to (a read-only folder, a vanished drive) is theirs to
        // change, not an error of the app: said on `path`.
        let not_writable = |_| Error::invalid("path", FieldError::new("not_writable"));
        let written = if path.is_dir() {
            let stem = name.trim_end_matches(&format!(".{}", format.extension()));
            files::write_new(path, stem, format.extension(), &text).map_err(not_writable)?
        } else {
            std::fs::write(path, &text).map_err(|e| not_writable(Error::Io(e)))?;
            path.to_path_buf()
        };
        self.remember_written(&written);
        let file = written
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        journal::record(
            &self.db(),
            Some(profile_id),
            None,
            "report.export",
            "ok",
            Some(&format!(
                "{} {} {}",
                format.extension(),
                locale.code(),
                file.unwrap_or_default()
            )),
        )?;
        Ok(written)
    }
}

fn connection_reviews(db: &Connection, profile_id: i64) -> Result<Vec<ConnectionReview>> {
    Ok(connections::list(db, profile_id)?
        .into_iter()
        .map(|stored| {
            let vendor = stored.settings.vendor();
            let last = stored.last_diagnosis;
            ConnectionReview {
                vendor,
                tested_at: last.as_ref().map(|d| d.checked_at.clone()),
                ok: last.as_ref().map(|d| d.ok),
                failures: last
                    .iter()
                    .flat_map(|d| &d.checks)
                    .filter_map(|c| {
                        c.code.map(|code| CheckFailure {
                            check: c.id.clone(),
                            code,
                        })
                    })
                    .collect(),
            }
        })
        .collect())
}

/// The apply-run kind a live step records its applies under.
fn run_kind(live: LiveKind) -> Option<&'static str> {
    match live {
        LiveKind::CxoneAddressBook => Some(apply_runs::ADDRESS_BOOK),
        LiveKind::GenesysDataActions => Some(data_actions::RUN_KIND),
        _ => None,
    }
}

/// The flow and step whose applies are recorded under `kind`.
fn step_of_run(kind: &str) -> Option<(&'static Flow, &'static catalogue::Step)> {
    catalogue::flows().iter().find_map(|flow| {
        flow.steps
            .iter()
            .find(|s| s.live.and_then(run_kind) == Some(kind))
            .map(|s| (flow, s))
    })
}

fn flow_review(state: &FlowState, runs: &[Recorded], locale: Locale) -> FlowReview {
    let summary = state.summary(locale);
    let open = state
        .counted_steps()
        .into_iter()
        .filter(|step| state.status(&step.id) != StepStatus::Done)
        .map(|step| {
            let mut why: Vec<Why> = state
                .pending(step)
                .into_iter()
                .map(|p| Why::PendingOn {
                    step_id: p.id.clone(),
                    title: p.title.get(locale).to_owned(),
                })
                .collect();
            if let Some(check) = state.checks.get(&step.id).filter(|c| !c.ok) {
                why.extend(
                    check
                        .failed_codes()
                        .into_iter()
                        .map(|code| Why::CheckFailed {
                            code,
                            checked_at: check.checked_at.clone(),
                        }),
                );
            }
            let last_run = step
                .live
                .and_then(run_kind)
                .and_then(|kind| runs.iter().rev().find(|r| r.kind == kind));
            if let Some(run) = last_run.filter(|r| r.state == "failed") {
                why.push(Why::ApplyFailed {
                    code: run.error_code.clone().unwrap_or_default(),
                });
            }
            if why.is_empty()
                && let Some((field, error)) = state.blocking_field(step)
            {
                let label = state
                    .flow
                    .field(field)
                    .map(|(_, f)| f.label.get(locale).to_owned())
                    .unwrap_or_else(|| field.to_owned());
                why.push(Why::Field {
                    label,
                    error: error.code.to_owned(),
                });
            }
            OpenStep {
                step_id: step.id.clone(),
                title: step.title.get(locale).to_owned(),
                status: state.status(&step.id),
                why,
            }
        })
        .collect();
    FlowReview {
        id: summary.id,
        title: summary.title,
        status: summary.status,
        done: summary.done,
        total: summary.total,
        not_needed: state.not_needed,
        open,
    }
}

fn objects(
    db: &Connection,
    profile_id: i64,
    states: &[FlowState],
    runs: &[Recorded],
    locale: Locale,
) -> Result<Vec<ObjectReview>> {
    let mut out: Vec<ObjectReview> = Vec::new();
    for run in runs {
        out.extend(run_objects(run));
    }
    // A later run of the same object replaces what an earlier one said about it.
    let mut seen = std::collections::HashSet::new();
    out.reverse();
    out.retain(|o| seen.insert((o.kind, o.vendor_id.clone(), o.name.clone())));
    out.reverse();
    for state in states {
        let flow = state.flow;
        for step in state.visible_steps() {
            let Some(check) = state.checks.get(&step.id).filter(|c| c.ok) else {
                continue;
            };
            out.push(ObjectReview {
                vendor: check.vendor,
                kind: ObjectKind::Check,
                action: ObjectAction::Verified,
                name: step.title.get(locale).to_owned(),
                vendor_id: None,
                entries: None,
                assigned: None,
                flow_id: flow.id.clone(),
                step_id: step.id.clone(),
                at: check.checked_at.clone(),
            });
            if step.live == Some(LiveKind::SfStatuses) {
                let planned: Vec<PlannedStatus> =
                    step_documents::load(db, planned_ref(profile_id, &flow.id))?
                        .unwrap_or_default();
                out.extend(planned.into_iter().map(|status| ObjectReview {
                    vendor: Vendor::Salesforce,
                    kind: ObjectKind::PresenceStatus,
                    action: ObjectAction::Verified,
                    name: status.label,
                    vendor_id: Some(status.developer_name),
                    entries: None,
                    assigned: None,
                    flow_id: flow.id.clone(),
                    step_id: step.id.clone(),
                    at: check.checked_at.clone(),
                }));
            }
        }
    }
    Ok(out)
}

/// What one apply run created or verified, read from its plan and its own progress record.
fn run_objects(run: &Recorded) -> Vec<ObjectReview> {
    let (flow_id, step_id) = step_of_run(&run.kind)
        .map(|(f, s)| (f.id.clone(), s.id.clone()))
        .unwrap_or_default();
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let object = |vendor, kind, action, name: String, vendor_id: Option<String>| ObjectReview {
        vendor,
        kind,
        action,
        name,
        vendor_id,
        entries: None,
        assigned: None,
        flow_id: flow_id.clone(),
        step_id: step_id.clone(),
        at: run.updated_at.clone(),
    };
    match run.kind.as_str() {
        apply_runs::ADDRESS_BOOK => {
            let Some(book_id) = run.book_id.filter(|_| run.state == "done") else {
                return Vec::new();
            };
            let targets = ["teams", "agents"]
                .iter()
                .filter_map(|k| run.plan.get(k).and_then(Value::as_array))
                .map(Vec::len)
                .sum::<usize>();
            let action = if run.added > 0 {
                ObjectAction::Created
            } else {
                ObjectAction::Verified
            };
            let name = text(&run.plan, "bookName").unwrap_or_default();
            let mut book = object(
                Vendor::Cxone,
                ObjectKind::AddressBook,
                action,
                name,
                Some(book_id.to_string()),
            );
            book.entries = u64::try_from(run.added + run.present).ok();
            book.assigned = u64::try_from(targets).ok();
            vec![book]
        }
        data_actions::RUN_KIND => run
            .progress
            .as_ref()
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|item| {
                let id = text(item, "integrationId")?;
                let created = item.get("created").and_then(Value::as_bool) == Some(true);
                let action = if created {
                    ObjectAction::Created
                } else {
                    ObjectAction::Verified
                };
                let name = text(item, "name").unwrap_or_default();
                Some(object(
                    Vendor::Genesys,
                    ObjectKind::Integration,
                    action,
                    name,
                    Some(id),
                ))
            })
            .collect(),
        // A kind this version does not itemise is still listed once it is done.
        other if run.state == "done" => {
            let Some(vendor) = step_of_run(other)
                .and_then(|(_, s)| s.live)
                .and_then(live_vendor)
            else {
                return Vec::new();
            };
            vec![object(
                vendor,
                ObjectKind::ApplyRun,
                ObjectAction::Created,
                other.to_owned(),
                None,
            )]
        }
        _ => Vec::new(),
    }
}

/// The vendor a live step works on; `None` for the review's own steps.
fn live_vendor(live: LiveKind) -> Option<Vendor> {
    Some(match live {
        LiveKind::ZoomScopes | LiveKind::ZoomPsScopes | LiveKind::DirectorySync => Vendor::Zoom,
        LiveKind::CxoneAddressBook | LiveKind::PresenceRule => Vendor::Cxone,
        LiveKind::SfStatuses
        | LiveKind::SfLogin
        | LiveKind::SfPreflight
        | LiveKind::ZccPrerequisites
        | LiveKind::ZccPackage
        | LiveKind::ZccStatusMap
        | LiveKind::ZccCallCenter
        | LiveKind::ZccAgents
        | LiveKind::ZccAgentsRemove => Vendor::Salesforce,
        LiveKind::GenesysConnection | LiveKind::GenesysDataActions => Vendor::Genesys,
        LiveKind::Review | LiveKind::ReportExport => return None,
    })
}

fn reminders(db: &Connection, profile_id: i64, now: &str, locale: Locale) -> Result<Vec<Reminder>> {
    let mut out = Vec::new();
    for flow in catalogue::flows() {
        let saved: Vec<SavedCertificate> =
            step_documents::load(db, data_actions::certificates_ref(profile_id, &flow.id))?
                .unwrap_or_default();
        for certificate in saved {
            let soon = certificate
                .not_after
                .as_deref()
                .and_then(|d| report::days_until(d, now))
                .is_some_and(|days| days <= SOON_DAYS);
            out.push(Reminder {
                kind: ReminderKind::CertificateExpiry,
                vendor: Some(Vendor::Genesys),
                subject: format!("{} — {}", certificate.status, certificate.signing_authority),
                date: certificate.not_after,
                soon,
            });
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    let texts = Texts::of(locale);
    for (scope, field, set_at) in secret_refs::saved(db, profile_id)? {
        let (vendor, subject) = secret_subject(&scope, &field, texts, locale);
        out.push(Reminder {
            kind: if field == "security-token" {
                ReminderKind::SecurityToken
            } else {
                ReminderKind::SecretRotation
            },
            vendor,
            subject,
            date: Some(set_at),
            soon: false,
        });
    }
    Ok(out)
}

/// Which vendor a saved secret belongs to and its name, from its keychain scope and field.
fn secret_subject(
    scope: &str,
    field: &str,
    texts: &Texts,
    locale: Locale,
) -> (Option<Vendor>, String) {
    if let Some(vendor) = scope.strip_prefix("connection:").and_then(Vendor::parse) {
        let name = texts.connection_secret(field).unwrap_or(field);
        return (Some(vendor), name.to_owned());
    }
    if let Some(flow_id) = scope.strip_prefix("flow:") {
        let label = catalogue::flow(flow_id)
            .and_then(|flow| flow.field(field))
            .map(|(_, f)| f.label.get(locale).to_owned())
            .unwrap_or_else(|| field.to_owned());
        // Flow fields are named after the vendor they belong to (`zoom-…`, `sf-…`).
        let vendor = match field.split('-').next() {
            Some("zoom") => Some(Vendor::Zoom),
            Some("cxone") => Some(Vendor::Cxone),
            Some("sf" | "salesforce") => Some(Vendor::Salesforce),
            Some("genesys") => Some(Vendor::Genesys),
            _ => None,
        };
        return (vendor, label);
    }
    // Data-action credentials: `<integration>/<field>`.
    let subject = field.replacen('/', " — ", 1);
    (Some(Vendor::Genesys), subject)
}

fn handover(states: &[FlowState]) -> Handover {
    let value = |id: &str| {
        states
            .iter()
            .find_map(|s| s.records.values().find_map(|r| r.fields.get(id).cloned()))
    };
    Handover {
        recipient: value(RECIPIENT_FIELD),
        date: value(DATE_FIELD),
    }
}
