//! A flow's steps: opening a flow, the values and secrets the admin enters, step status, and
//! the copy fields built from saved secrets.

use super::settings::Resume;
use super::{Switchboard, find_field, find_flow, find_step, load, save_status};
use crate::catalogue::{self, FieldKind};
use crate::error::{Error, Result};
use crate::flow::{self, FlowSummary, FlowView};
use crate::locale::Locale;
use crate::secrets::{SecretKey, Sensitive};
use crate::storage::progress::StepStatus;
use crate::storage::{journal, profiles};
use crate::validate;

impl Switchboard {
    pub fn list_flows(&self, profile_id: i64, locale: Locale) -> Result<Vec<FlowSummary>> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        catalogue::flows()
            .iter()
            .map(|flow| Ok(load(&db, profile_id, flow)?.summary(locale)))
            .collect()
    }

    pub fn flow_view(&self, profile_id: i64, flow_id: &str, locale: Locale) -> Result<FlowView> {
        let db = self.db();
        profiles::get(&db, profile_id)?;
        Ok(load(&db, profile_id, find_flow(flow_id)?)?.view(profile_id, locale))
    }

    /// The flow as the user opens it; also remembered as where to resume after a restart.
    pub fn open_flow(&self, profile_id: i64, flow_id: &str, locale: Locale) -> Result<FlowView> {
        let view = self.flow_view(profile_id, flow_id, locale)?;
        self.set_resume(Some(&Resume {
            profile_id,
            flow_id: Some(flow_id.to_owned()),
        }))?;
        Ok(view)
    }

    /// Marks the flow as not needed for this customer (`true`), or needed again (`false`):
    /// its steps and values stay as they are; only the profile's progress and "Continue" leave
    /// it out while it is marked.
    pub fn set_flow_not_needed(
        &self,
        profile_id: i64,
        flow_id: &str,
        not_needed: bool,
        locale: Locale,
    ) -> Result<FlowView> {
        let mut db = self.db();
        let flow = find_flow(flow_id)?;
        let tx = db.transaction()?;
        profiles::get(&tx, profile_id)?;
        crate::storage::flow_marks::set_not_needed(&tx, profile_id, flow_id, not_needed)?;
        let action = if not_needed {
            "flow.not_needed"
        } else {
            "flow.needed"
        };
        journal::record(&tx, Some(profile_id), Some(flow_id), action, "ok", None)?;
        profiles::touch(&tx, profile_id)?;
        tx.commit()?;
        Ok(load(&db, profile_id, flow)?.view(profile_id, locale))
    }

    /// Saves a non-secret value. An invalid value is kept (the rest of the draft is never lost)
    /// and the step turns Needs attention; the view's field error says why.
    pub fn set_field(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        field_id: &str,
        value: &str,
        locale: Locale,
    ) -> Result<FlowView> {
        let mut db = self.db();
        let flow = find_flow(flow_id)?;
        let (step, field) = find_field(flow, step_id, field_id)?;
        if field.kind == FieldKind::Secret {
            return Err(Error::not_found(format!("non-secret field {field_id}")));
        }
        // Kept when invalid, but never past the rule's length: that is not a draft, it is a
        // paste gone wrong.
        let max = validate::max_length(field.rule);
        if value.chars().count() > max {
            return Err(Error::invalid(field_id, validate::too_long(max)));
        }
        let tx = db.transaction()?;
        profiles::get(&tx, profile_id)?;
        let mut state = load(&tx, profile_id, flow)?;
        let record = state.records.entry(step.id.clone()).or_default();
        let value = validate::normalize(field.rule, value);
        if value.is_empty() {
            record.fields.remove(field_id);
        } else {
            record.fields.insert(field_id.to_owned(), value);
        }
        let before = record.status;
        let after = flow::status_after_edit(&state, step, before);
        save_status(&tx, profile_id, &mut state, step, after)?;
        profiles::touch(&tx, profile_id)?;
        tx.commit()?;
        Ok(state.view(profile_id, locale))
    }

    /// Saves a secret to the keychain; the database only learns that it is set. An invalid
    /// secret is refused whole: nothing half-valid is stored.
    pub fn set_secret(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        field_id: &str,
        value: &Sensitive,
        locale: Locale,
    ) -> Result<FlowView> {
        self.change_secret(profile_id, flow_id, step_id, field_id, Some(value), locale)
    }

    pub fn clear_secret(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        field_id: &str,
        locale: Locale,
    ) -> Result<FlowView> {
        self.change_secret(profile_id, flow_id, step_id, field_id, None, locale)
    }

    /// Sets (`Some`) or clears (`None`) a secret field: keychain first, then the record that it
    /// is set, the journal, and the step's status.
    fn change_secret(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        field_id: &str,
        value: Option<&Sensitive>,
        locale: Locale,
    ) -> Result<FlowView> {
        let flow = find_flow(flow_id)?;
        let (step, field) = find_field(flow, step_id, field_id)?;
        if field.kind != FieldKind::Secret {
            return Err(Error::not_found(format!("secret field {field_id}")));
        }
        profiles::get(&self.db(), profile_id)?;
        let key = SecretKey::new(profile_id, flow::secret_scope(flow_id), field_id);
        let action = self.store_secret(&key, field.rule, value)?;
        let db = self.db();
        journal::record(
            &db,
            Some(profile_id),
            None,
            action,
            "ok",
            Some(&key.label()),
        )?;
        let mut state = load(&db, profile_id, flow)?;
        let after = flow::status_after_edit(&state, step, state.status(step_id));
        save_status(&db, profile_id, &mut state, step, after)?;
        Ok(state.view(profile_id, locale))
    }

    /// Saves (`Some`, after checking it against `rule`) or clears (`None`) one keychain entry
    /// and records only that it is set; returns the journal action. Call without the database
    /// lock: the keychain is asked in between.
    pub(super) fn store_secret(
        &self,
        key: &SecretKey,
        rule: validate::Rule,
        value: Option<&Sensitive>,
    ) -> Result<&'static str> {
        if let Some(value) = value {
            // Whatever the field's rule (a key file is a JSON object), a secret stays small.
            if value.expose().chars().count() > validate::MAX_SECRET {
                let error = validate::too_long(validate::MAX_SECRET);
                return Err(Error::invalid(key.field.clone(), error));
            }
            if let Some(error) = validate::check(rule, value.expose(), true, &[]) {
                return Err(Error::invalid(key.field.clone(), error));
            }
        }
        self.write_secret(key, value)?;
        Ok(if value.is_some() {
            "secret.set"
        } else {
            "secret.clear"
        })
    }

    /// Changes a step's status; Done is refused while the step is pending or a required value
    /// is missing or invalid (the error names the field to fix).
    pub fn set_step_status(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        status: StepStatus,
        locale: Locale,
    ) -> Result<FlowView> {
        let db = self.db();
        let flow = find_flow(flow_id)?;
        let step = find_step(flow, step_id)?;
        profiles::get(&db, profile_id)?;
        let mut state = load(&db, profile_id, flow)?;
        flow::check_status_change(&state, step, status)?;
        save_status(&db, profile_id, &mut state, step, status)?;
        journal::record(
            &db,
            Some(profile_id),
            None,
            "step.status",
            status.as_str(),
            Some(&format!("{flow_id}/{step_id}")),
        )?;
        Ok(state.view(profile_id, locale))
    }

    /// The value of a copy field built from saved secrets (e.g. password + security token), for
    /// the host to put on the clipboard. Only on an explicit click; never returned to the UI.
    pub fn secret_copy(&self, profile_id: i64, flow_id: &str, copy_id: &str) -> Result<Sensitive> {
        let flow = find_flow(flow_id)?;
        let state = {
            let db = self.db();
            profiles::get(&db, profile_id)?;
            load(&db, profile_id, flow)?
        };
        // Only entries the database records as set are read, and never under its lock.
        let value = state.resolve_secret_copy(copy_id, |field| {
            match state.borrowed_secrets.get(field) {
                // Not typed in the flow: the connection's own entry (same value, one place).
                Some(key) => self.saved_secret(key),
                None => self.saved_secret(&SecretKey::new(
                    profile_id,
                    flow::secret_scope(flow_id),
                    field,
                )),
            }
        })?;
        journal::record(
            &self.db(),
            Some(profile_id),
            None,
            "secret.copy",
            "ok",
            Some(&format!("{flow_id}/{copy_id}")),
        )?;
        Ok(value)
    }

    pub fn journal(&self, limit: u32) -> Result<Vec<journal::Entry>> {
        journal::recent(&self.db(), limit)
    }

    /// The secret itself, for the few places that must send it to a vendor. Never for the UI.
    pub fn secret(
        &self,
        profile_id: i64,
        flow_id: &str,
        field_id: &str,
    ) -> Result<Option<Sensitive>> {
        self.saved_secret(&SecretKey::new(
            profile_id,
            flow::secret_scope(flow_id),
            field_id,
        ))
    }
}
