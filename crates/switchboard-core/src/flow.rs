//! What one flow looks like for one profile: which steps show for the admin's choices, the value
//! of every copy field and deep link, field errors, pending steps and step statuses.
//!
//! Pure functions over the catalogue and the stored records; reading and writing them is the job
//! of the core's entry point (`Switchboard`). Views are what the UI renders, already in the user's
//! language: secrets appear only as "set" or "not set".

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::catalogue::{
    self, CopyFormat, Field, FieldKind, FieldSource, Flow, LiveKind, Step, StepKind, WarningLevel,
};
use crate::connection::Diagnosis;
use crate::error::{Error, Result};
use crate::links;
use crate::locale::Locale;
use crate::secrets::Sensitive;
use crate::storage::progress::{StepRecord, StepStatus};
use crate::validate::{self, FieldError};
use ts_rs::TS;

/// The stored state of one flow of one profile.
pub struct FlowState {
    pub flow: &'static Flow,
    pub records: HashMap<String, StepRecord>,
    pub secrets_set: HashSet<String>,
    /// The last live check of each verified step, by step id.
    pub checks: HashMap<String, Diagnosis>,
    /// The profile is the practice tenant's.
    pub practice: bool,
    /// Values of fields with `from_connection`, read from the profile's connections.
    pub from_connections: HashMap<String, String>,
    /// Secret fields not set in the flow whose connection holds the secret: field id → the
    /// connection's keychain entry. They count as set, and copies read them from there.
    pub borrowed_secrets: HashMap<String, crate::secrets::SecretKey>,
    /// Values the flow's steps depend on that no field holds, e.g. `integration-kinds` (the kinds
    /// a data-actions plan holds, comma-separated) for the steps that prepare each kind.
    pub derived: HashMap<String, String>,
    /// The admin marked this flow as not needed for this customer: out of the profile's
    /// progress and of "Continue", until marked needed again.
    pub not_needed: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlowSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub done: usize,
    pub total: usize,
    pub status: StepStatus,
    pub not_needed: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlowView {
    pub profile_id: i64,
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Every step that applies, the "when needed" ones included (flagged, listed apart).
    pub steps: Vec<StepView>,
    pub current_step_id: String,
    pub practice: bool,
    /// The choices the flow asks before its steps, with what is chosen so far.
    pub choices: Vec<ChoiceView>,
    /// Counted steps (those that apply, not the "when needed" ones) Done, and their number.
    pub done: usize,
    pub total: usize,
    /// Every counted step is Done.
    pub finished: bool,
    pub not_needed: bool,
}

/// A choice the flow asks first: the field, and the step that keeps its value.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceView {
    pub step_id: String,
    pub field: FieldView,
}

/// A warning of a step, with how much it matters; a step's warnings come traps first.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WarningView {
    pub text: String,
    pub level: WarningLevel,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    pub id: String,
    pub kind: StepKind,
    pub title: String,
    pub status: StepStatus,
    pub instructions: Vec<String>,
    pub warnings: Vec<WarningView>,
    pub links: Vec<LinkView>,
    pub copies: Vec<CopyView>,
    pub fields: Vec<FieldView>,
    pub pending: Vec<PendingOn>,
    pub updated_at: Option<String>,
    pub live: Option<LiveKind>,
    pub last_check: Option<Diagnosis>,
    /// The practice tenant can fill some of this step's fields (its demo app credentials).
    pub practice_fill: bool,
    /// A step for later (edit, remove): listed apart, never counted.
    pub when_needed: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    pub label: String,
    pub url: Option<String>,
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CopyView {
    pub id: String,
    pub label: String,
    pub target: Option<String>,
    /// `None` while fields are missing, and always for a copy that contains a secret.
    pub value: Option<String>,
    pub missing: Vec<String>,
    /// Built from a saved secret: the UI copies it with `copy_secret`, the value never crosses IPC.
    pub secret: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldView {
    pub id: String,
    pub label: String,
    pub help: Option<String>,
    pub kind: FieldKind,
    pub required: bool,
    pub options: Vec<OptionView>,
    pub value: Option<String>,
    pub secret_set: bool,
    pub error: Option<FieldError>,
    pub source: Option<FieldSource>,
    /// The value shown is read from this connection (`salesforce`, …): nothing typed here yet.
    pub from_connection: Option<String>,
    /// A country-codes field's entries, each named or refused; Salesforce's default (+1)
    /// while nothing is saved.
    pub country_codes: Option<Vec<crate::zcc::country_codes::ListEntry>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "FieldOption")]
pub struct OptionView {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PendingOn {
    pub step_id: String,
    pub title: String,
}

/// The secret scope of a flow's fields in the keychain and in `secret_refs`.
pub fn secret_scope(flow_id: &str) -> String {
    format!("flow:{flow_id}")
}

impl FlowState {
    /// Counts the connection's secrets as set for the fields that borrow them; a secret typed
    /// in the flow keeps priority.
    pub fn with_borrowed_secrets(
        mut self,
        borrowed: HashMap<String, crate::secrets::SecretKey>,
    ) -> Self {
        for (field, key) in borrowed {
            if self.secrets_set.insert(field.clone()) {
                self.borrowed_secrets.insert(field, key);
            }
        }
        self
    }

    /// Every non-secret value entered anywhere in the flow, by field id. A value typed in the
    /// flow wins over the same value read from a connection.
    pub fn values(&self) -> HashMap<String, String> {
        let mut values = self.from_connections.clone();
        values.extend(self.records.values().flat_map(|r| r.fields.clone()));
        values.extend(self.derived.clone());
        values
    }

    pub fn status(&self, step_id: &str) -> StepStatus {
        self.records
            .get(step_id)
            .map(|r| r.status)
            .unwrap_or_default()
    }

    /// The steps that apply to the admin's choices so far.
    pub fn visible_steps(&self) -> Vec<&'static Step> {
        let values = self.values();
        self.flow
            .steps
            .iter()
            .filter(|s| s.when.as_ref().is_none_or(|w| w.holds(&values)))
            .collect()
    }

    /// The steps that count toward progress: those that apply, less the "when needed" ones.
    pub fn counted_steps(&self) -> Vec<&'static Step> {
        self.visible_steps()
            .into_iter()
            .filter(|s| !s.when_needed)
            .collect()
    }

    /// The step to go on with: the first counted step not Done (`None` once the flow is
    /// finished, or while a choice asked first is still open and nothing applies yet).
    pub fn next_step(&self) -> Option<&'static Step> {
        self.counted_steps()
            .into_iter()
            .find(|s| self.status(&s.id) != StepStatus::Done)
    }

    fn field_error(field: &Field, value: Option<&str>) -> Option<FieldError> {
        let value = value.unwrap_or("");
        // An empty value is shown as missing when marking done, not as an error while typing.
        if value.trim().is_empty() {
            return None;
        }
        validate::check(field.rule, value, field.required, &field.option_values())
    }

    /// The first reason `step` cannot be Done: a required field empty, or a field invalid.
    pub fn blocking_field(&self, step: &Step) -> Option<(&'static str, FieldError)> {
        let values = self.values();
        step.fields.iter().find_map(|field| {
            let field: &'static Field = self.flow.field(&field.id)?.1;
            if field.kind == FieldKind::Secret {
                let missing = field.required && !self.secrets_set.contains(&field.id);
                return missing.then(|| (field.id.as_str(), FieldError::new("required")));
            }
            let value = values.get(&field.id).map(String::as_str).unwrap_or("");
            validate::check(field.rule, value, field.required, &field.option_values())
                .map(|e| (field.id.as_str(), e))
        })
    }

    /// Steps named in `pending_on` that are visible and not Done yet.
    pub fn pending(&self, step: &Step) -> Vec<&'static Step> {
        let visible: Vec<&str> = self.visible_steps().iter().map(|s| s.id.as_str()).collect();
        step.pending_on
            .iter()
            .filter(|id| visible.contains(&id.as_str()) && self.status(id) != StepStatus::Done)
            .filter_map(|id| self.flow.step(id))
            .collect()
    }

    pub fn summary(&self, locale: Locale) -> FlowSummary {
        let steps = self.counted_steps();
        let statuses: Vec<StepStatus> = steps.iter().map(|s| self.status(&s.id)).collect();
        let done = statuses.iter().filter(|s| **s == StepStatus::Done).count();
        let status = if !statuses.is_empty() && done == statuses.len() {
            StepStatus::Done
        } else if statuses.contains(&StepStatus::NeedsAttention) {
            StepStatus::NeedsAttention
        } else if statuses.iter().any(|s| *s != StepStatus::NotStarted) {
            StepStatus::InProgress
        } else {
            StepStatus::NotStarted
        };
        FlowSummary {
            id: self.flow.id.clone(),
            title: self.flow.title.get(locale).to_owned(),
            summary: self.flow.summary.get(locale).to_owned(),
            done,
            total: steps.len(),
            status,
            not_needed: self.not_needed,
        }
    }

    pub fn view(&self, profile_id: i64, locale: Locale) -> FlowView {
        let values = self.values();
        let steps: Vec<StepView> = self
            .visible_steps()
            .into_iter()
            .map(|s| self.step_view(s, &values, locale))
            .collect();
        let counted: Vec<&StepView> = steps.iter().filter(|s| !s.when_needed).collect();
        let done = counted
            .iter()
            .filter(|s| s.status == StepStatus::Done)
            .count();
        let current_step_id = counted
            .iter()
            .find(|s| s.status != StepStatus::Done)
            .or(counted.last())
            .or(steps.first().as_ref())
            .map(|s| s.id.clone())
            .unwrap_or_default();
        let choices = self
            .flow
            .choices
            .iter()
            .filter_map(|id| self.flow.field(id))
            .map(|(step, field)| ChoiceView {
                step_id: step.id.clone(),
                field: self.field_view(field, &values, locale),
            })
            .collect();
        FlowView {
            choices,
            done,
            total: counted.len(),
            finished: !counted.is_empty() && done == counted.len(),
            not_needed: self.not_needed,
            profile_id,
            id: self.flow.id.clone(),
            title: self.flow.title.get(locale).to_owned(),
            summary: self.flow.summary.get(locale).to_owned(),
            steps,
            current_step_id,
            practice: self.practice,
        }
    }

    fn step_view(&self, step: &Step, values: &HashMap<String, String>, locale: Locale) -> StepView {
        let record = self.records.get(&step.id);
        StepView {
            id: step.id.clone(),
            kind: step.shown_kind(),
            title: step.title.get(locale).to_owned(),
            status: record.map(|r| r.status).unwrap_or_default(),
            instructions: step
                .instructions
                .iter()
                .map(|t| t.get(locale).to_owned())
                .collect(),
            warnings: {
                let mut warnings: Vec<WarningView> = step
                    .warnings
                    .iter()
                    .zip(&step.warning_levels)
                    .map(|(t, level)| WarningView {
                        text: t.get(locale).to_owned(),
                        level: *level,
                    })
                    .collect();
                // Stable: within a level, the catalogue's order stays.
                warnings.sort_by_key(|w| w.level);
                warnings
            },
            links: step
                .links
                .iter()
                .map(|link| {
                    let (url, missing, _) = self.fill(&link.url, CopyFormat::Text, values, locale);
                    // The filled URL is checked again: a value must never steer a link off-vendor.
                    let url = url.filter(|u| links::check(u).is_ok());
                    LinkView {
                        label: link.label.get(locale).to_owned(),
                        url,
                        missing,
                    }
                })
                .collect(),
            copies: step
                .copies
                .iter()
                .filter(|c| c.when.as_ref().is_none_or(|w| w.holds(values)))
                .map(|copy| {
                    let (value, missing, secret) =
                        self.fill(&copy.value, copy.format, values, locale);
                    CopyView {
                        id: copy.id.clone(),
                        label: copy.label.get(locale).to_owned(),
                        target: copy.target.as_ref().map(|t| t.get(locale).to_owned()),
                        value: value.filter(|_| !secret),
                        missing,
                        secret,
                    }
                })
                .collect(),
            fields: step
                .fields
                .iter()
                .map(|f| self.field_view(f, values, locale))
                .collect(),
            pending: self
                .pending(step)
                .into_iter()
                .map(|s| PendingOn {
                    step_id: s.id.clone(),
                    title: s.title.get(locale).to_owned(),
                })
                .collect(),
            updated_at: record.and_then(|r| r.updated_at.clone()),
            live: step.live,
            last_check: self.checks.get(&step.id).cloned(),
            practice_fill: self.practice
                && step.fields.iter().any(|f| crate::practice::fills(&f.id)),
            when_needed: step.when_needed,
        }
    }

    fn field_view(
        &self,
        field: &Field,
        values: &HashMap<String, String>,
        locale: Locale,
    ) -> FieldView {
        let secret = field.kind == FieldKind::Secret;
        let value = if secret {
            None
        } else {
            values.get(&field.id).cloned()
        };
        FieldView {
            id: field.id.clone(),
            label: field.label.get(locale).to_owned(),
            help: field.help.as_ref().map(|h| h.get(locale).to_owned()),
            kind: field.kind,
            required: field.required,
            options: field
                .options
                .iter()
                .map(|o| OptionView {
                    value: o.value.clone(),
                    label: o.label.get(locale).to_owned(),
                })
                .collect(),
            error: if secret {
                None
            } else {
                Self::field_error(field, value.as_deref())
            },
            value,
            secret_set: secret && self.secrets_set.contains(&field.id),
            source: field.source,
            from_connection: field
                .connection_source()
                .filter(|_| {
                    let typed = self
                        .records
                        .values()
                        .any(|r| r.fields.contains_key(&field.id));
                    self.borrowed_secrets.contains_key(&field.id)
                        || (self.from_connections.contains_key(&field.id) && !typed)
                })
                .map(|(vendor, _)| vendor.as_str().to_owned()),
            country_codes: (field.kind == FieldKind::CountryCodes).then(|| {
                let saved = values.get(&field.id).map(String::as_str);
                crate::zcc::country_codes::entries(
                    saved.unwrap_or(crate::zcc::country_codes::DEFAULT),
                )
            }),
        }
    }

    /// Fills `{{field}}` placeholders with valid values; otherwise names the fields still missing.
    /// Saved secrets are left as placeholders and reported by the third value.
    fn fill(
        &self,
        template: &str,
        format: CopyFormat,
        values: &HashMap<String, String>,
        locale: Locale,
    ) -> (Option<String>, Vec<String>, bool) {
        let mut missing = Vec::new();
        let mut secret = false;
        let mut out = template.to_owned();
        for name in catalogue::placeholders(template) {
            let Some((_, field)) = self.flow.field(name) else {
                continue;
            };
            if field.kind == FieldKind::Secret {
                secret = true;
                if !self.secrets_set.contains(name) {
                    missing.push(field.label.get(locale).to_owned());
                }
                continue;
            }
            let value = values.get(name).map(String::as_str).unwrap_or("");
            let valid = !value.trim().is_empty() && Self::field_error(field, Some(value)).is_none();
            if !valid {
                missing.push(field.label.get(locale).to_owned());
                continue;
            }
            out = out.replace(&format!("{{{{{name}}}}}"), &escape(format, value));
        }
        if missing.is_empty() {
            (Some(out), missing, secret)
        } else {
            (None, missing, secret)
        }
    }

    /// The full value of a copy built from secrets, read from the keychain through `secret`.
    pub fn resolve_secret_copy(
        &self,
        copy_id: &str,
        secret: impl Fn(&str) -> Result<Option<Sensitive>>,
    ) -> Result<Sensitive> {
        let values = self.values();
        let copy = self
            .visible_steps()
            .into_iter()
            .flat_map(|s| &s.copies)
            .find(|c| c.id == copy_id)
            .ok_or_else(|| Error::not_found(format!("copy {copy_id}")))?;
        let (Some(mut out), missing, true) =
            self.fill(&copy.value, copy.format, &values, Locale::En)
        else {
            return Err(Error::validation(copy_id, "required"));
        };
        debug_assert!(missing.is_empty());
        for name in catalogue::placeholders(&copy.value) {
            let Some((_, field)) = self.flow.field(name) else {
                continue;
            };
            if field.kind == FieldKind::Secret {
                let value = secret(name)?.ok_or_else(|| Error::validation(name, "required"))?;
                out = out.replace(
                    &format!("{{{{{name}}}}}"),
                    &escape(copy.format, value.expose()),
                );
            }
        }
        Ok(Sensitive::new(out))
    }
}

fn escape(format: CopyFormat, value: &str) -> String {
    match format {
        CopyFormat::Text => value.to_owned(),
        CopyFormat::Xml => crate::xml::escape(value),
    }
}

/// The status a step takes after one of its values changed.
pub fn status_after_edit(state: &FlowState, step: &Step, before: StepStatus) -> StepStatus {
    let values = state.values();
    let invalid = step.fields.iter().any(|f| {
        f.kind != FieldKind::Secret
            && FlowState::field_error(f, values.get(&f.id).map(String::as_str)).is_some()
    });
    match before {
        _ if invalid => StepStatus::NeedsAttention,
        StepStatus::Done if state.blocking_field(step).is_some() => StepStatus::InProgress,
        StepStatus::Done => StepStatus::Done,
        _ => StepStatus::InProgress,
    }
}

/// Whether `step` may take `status` now; Done needs every required value and no pending step,
/// and a verified step with a live check becomes Done only through that check.
pub fn check_status_change(state: &FlowState, step: &Step, status: StepStatus) -> Result<()> {
    if status != StepStatus::Done {
        return Ok(());
    }
    if step.kind == StepKind::Verified && step.live.is_some() {
        return Err(Error::LiveCheckRequired(step.id.clone()));
    }
    if let Some(first) = state.pending(step).first() {
        return Err(Error::Conflict(format!(
            "step {} is waiting for step {} to be done",
            step.id, first.id
        )));
    }
    if let Some((field, detail)) = state.blocking_field(step) {
        return Err(Error::invalid(field, detail));
    }
    Ok(())
}
