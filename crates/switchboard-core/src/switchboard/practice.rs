//! The practice tenant as the core sees it: the practice profile, (re)pointed at the running
//! emulator the host's [`PracticeResolver`] announces, and the practice-only shortcuts (filling
//! a step with the tenant's values).

use super::profiles::{ProfileSummary, summarize};
use super::{Switchboard, find_flow, find_step};
use crate::error::{Error, Result};
use crate::flow::FlowView;
use crate::locale::Locale;
use crate::practice::{PracticeResolver, PracticeTenant, practice_profile_name};
use crate::storage::{journal, profiles};

impl Switchboard {
    /// Creates the practice profile once, then reopens it, (re)pointing its four connections at
    /// the running emulator described by `tenant` (its port changes on every app start).
    pub fn open_practice_profile(&self, tenant: &PracticeTenant) -> Result<ProfileSummary> {
        self.open_practice_profile_in(tenant, None)
    }

    /// [`Self::open_practice_profile`], a new profile named in the UI's language (`os`: the OS
    /// language tag, used when none was chosen).
    pub fn open_practice_profile_in(
        &self,
        tenant: &PracticeTenant,
        os: Option<&str>,
    ) -> Result<ProfileSummary> {
        let id = self.point_at(tenant, os)?;
        self.profile(id)
    }

    /// The practice profile's id, creating it once (named in the UI's language), with its
    /// connections pointed at `tenant`.
    fn point_at(&self, tenant: &PracticeTenant, os: Option<&str>) -> Result<i64> {
        let locale = self.ui_locale(os)?;
        let profile = {
            let db = self.db();
            match profiles::practice(&db)? {
                Some(profile) => profile,
                None => {
                    let name = practice_profile_name(locale);
                    let profile = profiles::create_practice(&db, name)?;
                    journal::record(&db, Some(profile.id), None, "practice.create", "ok", None)?;
                    profile
                }
            }
        };
        // Only a new emulator (a new port, after a restart) changes anything: reopening the same
        // one must not rewrite the keychain or clear the last test results.
        let mut changed = false;
        for settings in &tenant.settings {
            let current = self.connection(profile.id, settings.vendor())?.settings;
            if current.as_ref() != Some(settings) {
                self.save_connection(profile.id, settings.clone())?;
                changed = true;
            }
        }
        if changed {
            for (vendor, field, value) in &tenant.secrets {
                self.set_connection_secret(profile.id, *vendor, field, Some(value))?;
            }
        }
        Ok(profile.id)
    }

    /// Opens the practice tenant on the host's emulator (started first if need be).
    pub async fn open_practice_tenant(&self) -> Result<ProfileSummary> {
        self.open_practice_tenant_in(None).await
    }

    /// [`Self::open_practice_tenant`], a new profile named in the UI's language (`os`: the OS
    /// language tag, used when none was chosen).
    pub async fn open_practice_tenant_in(&self, os: Option<&str>) -> Result<ProfileSummary> {
        let tenant = self.running_tenant().await?;
        self.open_practice_profile_in(&tenant, os)
    }

    /// Points the practice profile at the emulator the host runs now. A core opened without a
    /// resolver (tests that start their own emulator) keeps what `open_practice_profile` saved.
    pub(crate) async fn point_practice_profile(&self) -> Result<()> {
        if self.practice.is_some() {
            let tenant = self.running_tenant().await?;
            self.point_at(&tenant, None)?;
        }
        Ok(())
    }

    /// The practice tenant the host's resolver announces.
    pub(crate) async fn running_tenant(&self) -> Result<PracticeTenant> {
        let resolver: &dyn PracticeResolver = self
            .practice
            .as_deref()
            .ok_or_else(|| Error::not_found("the practice tenant"))?;
        PracticeTenant::from_announcement(&resolver.announcement().await?)
    }

    /// Creates the planned presence statuses in the practice org, standing in for Salesforce
    /// Setup; replies with the flow in the UI's language (`os`: the OS language tag, used when
    /// none was chosen), as every flow mutator does.
    pub async fn practice_create_planned_statuses(
        &self,
        profile_id: i64,
        flow_id: &str,
        os: Option<&str>,
    ) -> Result<FlowView> {
        let locale = self.ui_locale(os)?;
        let planned: Vec<(String, String)> = self
            .practice_planned_statuses(profile_id, flow_id)?
            .into_iter()
            .map(|status| (status.developer_name, status.label))
            .collect();
        self.running_tenant()
            .await?
            .add_presence_statuses(&planned)
            .await?;
        self.flow_view(profile_id, flow_id, locale)
    }

    /// The practice profile, if one was made (its emulator must be running to test it).
    pub fn practice_profile(&self) -> Result<Option<ProfileSummary>> {
        let db = self.db();
        profiles::practice(&db)?
            .map(|p| summarize(&db, p))
            .transpose()
    }

    /// Fills the step's fields the practice tenant knows (its Zoom apps' credentials).
    pub async fn fill_practice_values(
        &self,
        profile_id: i64,
        flow_id: &str,
        step_id: &str,
        locale: Locale,
    ) -> Result<FlowView> {
        let tenant = self.running_tenant().await?;
        let flow = find_flow(flow_id)?;
        let step = find_step(flow, step_id)?;
        if !profiles::get(&self.db(), profile_id)?.practice {
            return Err(Error::Conflict(
                "only the practice profile is filled from the practice tenant".into(),
            ));
        }
        for field in &step.fields {
            let Some((_, value, secret)) = tenant.flow_values.iter().find(|v| v.0 == field.id)
            else {
                continue;
            };
            if *secret {
                self.set_secret(profile_id, flow_id, step_id, &field.id, value, locale)?;
            } else {
                self.set_field(
                    profile_id,
                    flow_id,
                    step_id,
                    &field.id,
                    value.expose(),
                    locale,
                )?;
            }
        }
        self.flow_view(profile_id, flow_id, locale)
    }
}
