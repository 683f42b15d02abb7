//! Applying a data-actions plan, in the order Genesys' own wizard and its Terraform provider use:
//! create the integration (named, so it can be found again), create its credential
//! `Integration-<id>`, write `config/current` with the version read just before (a stale
//! version is read again and retried), enable it once, then wait until Genesys reports it active
//! or says why not. Every step first reads what exists, so re-applying changes nothing and a run
//! stopped anywhere (a crash, a 429 storm, a lost answer) resumes without a second integration
//! or an orphan credential.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kinds;
use super::plan::{DataActionsPlan, PlannedIntegration, permissions_needed, preview_against};
use super::preflight;
use crate::connection::{Code, Failure};
use crate::secrets::Sensitive;
use crate::vendors::genesys::session::{GenesysSession, NewCredential};
use crate::vendors::genesys::types::{CredentialInfo, Integration, ReportedState};

/// The secret values of each planned integration, by integration name then field.
pub type ResolvedSecrets = BTreeMap<String, BTreeMap<String, Sensitive>>;

/// How long to wait for Genesys to report an enabled integration active.
#[derive(Debug, Clone, Copy)]
pub struct Wait {
    pub interval: Duration,
    pub attempts: u32,
}

impl Default for Wait {
    /// Genesys' own wizard waits about 3 s; some types take longer to activate.
    fn default() -> Self {
        Wait {
            interval: Duration::from_millis(500),
            attempts: 60,
        }
    }
}

/// What the apply did (or found done) for one planned integration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemOutcome {
    pub name: String,
    pub integration_id: Option<String>,
    pub credential_id: Option<String>,
    /// This run created the integration / the credential / wrote the configuration / enabled it.
    pub created: bool,
    pub credential_created: bool,
    pub configured: bool,
    pub enabled: bool,
    /// What Genesys reported last.
    pub state: Option<ReportedState>,
}

/// Where a run records each step (the host's database); must not hold a lock across awaits.
pub trait Progress {
    fn record(&mut self, outcomes: &[ItemOutcome]) -> crate::Result<()>;
}

/// Applies (or resumes) `plan`. Reads the org's types, integrations and credentials once (a
/// run is claimed, so nothing else of ours creates meanwhile), sets each integration up and
/// enables it, then waits for all of them together: Genesys activates them in parallel. Stops
/// at the first integration that fails, with its failure; what was done so far is in the last
/// record.
pub async fn apply(
    session: &GenesysSession,
    plan: &DataActionsPlan,
    secrets: &ResolvedSecrets,
    progress: &mut (dyn Progress + Send),
    wait: Wait,
) -> Result<Vec<ItemOutcome>, Failure> {
    let types = session.integration_types().await?;
    let mut org = Org {
        integrations: session.integrations().await?,
        credentials: session.credentials().await?,
    };
    // The preview's permission preflight again, on what the run reads: a client that lost a
    // permission since the preview stops here, before anything is created.
    let steps: Vec<_> = preview_against(plan, &types, &org.integrations)
        .items
        .iter()
        .map(|i| i.step)
        .collect();
    if let Some(finding) = preflight::permissions(session, &permissions_needed(&steps)).await
        && finding.blocking
    {
        return Err(Failure {
            code: finding.failure.code,
            params: finding.failure.params,
        });
    }
    let mut outcomes: Vec<ItemOutcome> = plan
        .integrations
        .iter()
        .map(|item| ItemOutcome {
            name: item.name.clone(),
            ..ItemOutcome::default()
        })
        .collect();
    for (index, item) in plan.integrations.iter().enumerate() {
        let kind_type = item.kind.find_type(&types).ok_or_else(|| {
            Failure::new(Code::GenesysTypeUnavailable).with("kind", item.kind.as_str())
        })?;
        let slot = kind_type
            .slots
            .iter()
            .find(|s| {
                s.credential_types
                    .iter()
                    .any(|t| t == &item.credential_type)
            })
            .or_else(|| kind_type.slots.first())
            .map(|s| s.key.clone())
            .unwrap_or_else(|| item.credential_type.clone());
        let step = Apply {
            session,
            item,
            type_id: &kind_type.id,
            slot: &slot,
            secrets: secrets.get(&item.name),
        };
        let result = step.set_up(&mut org, &mut outcomes, index, progress).await;
        note(progress, &outcomes)?;
        result?;
    }
    let waited = activated(session, plan, &mut outcomes, wait).await;
    note(progress, &outcomes)?;
    waited?;
    Ok(outcomes)
}

/// What the org holds, read once per run and kept up to date with what the run creates.
struct Org {
    integrations: Vec<Integration>,
    credentials: Vec<CredentialInfo>,
}

fn note(progress: &mut (dyn Progress + Send), outcomes: &[ItemOutcome]) -> Result<(), Failure> {
    progress.record(outcomes).map_err(|error| {
        tracing::error!(%error, "cannot record the data-actions run");
        Failure::new(Code::ApplyNotRecorded)
    })
}

struct Apply<'a> {
    session: &'a GenesysSession,
    item: &'a PlannedIntegration,
    type_id: &'a str,
    slot: &'a str,
    secrets: Option<&'a BTreeMap<String, Sensitive>>,
}

impl Apply<'_> {
    /// Integration, credential, configuration, enabled: each only if not already so.
    async fn set_up(
        &self,
        org: &mut Org,
        outcomes: &mut [ItemOutcome],
        index: usize,
        progress: &mut (dyn Progress + Send),
    ) -> Result<(), Failure> {
        let integration = self.integration(org, &mut outcomes[index]).await?;
        note(progress, outcomes)?;
        let credential = self
            .credential(org, &integration, &mut outcomes[index])
            .await?;
        note(progress, outcomes)?;
        self.configure(&integration, &credential, &mut outcomes[index])
            .await?;
        if !integration.enabled {
            self.session.set_enabled(&integration.id, true).await?;
            outcomes[index].enabled = true;
        }
        Ok(())
    }

    /// The integration named like the plan's, or a new one.
    async fn integration(
        &self,
        org: &mut Org,
        outcome: &mut ItemOutcome,
    ) -> Result<Integration, Failure> {
        let name = self.item.name.trim();
        let found = org
            .integrations
            .iter()
            .find(|i| i.name.trim().eq_ignore_ascii_case(name))
            .cloned();
        let integration = match found {
            Some(found) if found.type_id != self.type_id => {
                return Err(Failure::new(Code::GenesysNameTaken)
                    .with("name", name)
                    .with("type", found.type_id));
            }
            Some(found) => found,
            None => {
                outcome.created = true;
                let created = self.session.create_integration(self.type_id, name).await?;
                org.integrations.push(created.clone());
                created
            }
        };
        outcome.integration_id = Some(integration.id.clone());
        Ok(integration)
    }

    /// The credential the Genesys UI would name for it, `Integration-<id>`, or a new one.
    async fn credential(
        &self,
        org: &mut Org,
        integration: &Integration,
        outcome: &mut ItemOutcome,
    ) -> Result<CredentialInfo, Failure> {
        let name = format!("Integration-{}", integration.id);
        let found = org.credentials.iter().find(|c| c.name == name).cloned();
        let credential = match found {
            Some(found) => found,
            None => {
                let new = self.new_credential(name)?;
                outcome.credential_created = true;
                let created = self.session.create_credential(&new).await?;
                org.credentials.push(created.clone());
                created
            }
        };
        outcome.credential_id = Some(credential.id.clone());
        Ok(credential)
    }
    fn new_credential(&self, name: String) -> Result<NewCredential, Failure> {
        let mut secrets = BTreeMap::new();
        for field in self.item.secrets.keys() {
            let value = self.secrets.and_then(|s| s.get(field)).ok_or_else(|| {
                Failure::new(Code::SettingsMissingSecret)
                    .with("field", format!("{}.{field}", self.item.name))
            })?;
            secrets.insert(field.clone(), value.clone());
        }
        let required_missing = kinds::fields(&self.item.credential_type)
            .iter()
            .find(|f| f.secret && f.required && !secrets.contains_key(f.name));
        if let Some(field) = required_missing {
            return Err(Failure::new(Code::SettingsMissingSecret)
                .with("field", format!("{}.{}", self.item.name, field.name)));
        }
        Ok(NewCredential {
            name,
            type_name: self.item.credential_type.clone(),
            fields: self.item.fields.clone(),
            secrets,
        })
    }

    /// `config/current` names the integration and points its slot at the credential; written
    /// only when it does not yet, with the version read just before.
    async fn configure(
        &self,
        integration: &Integration,
        credential: &CredentialInfo,
        outcome: &mut ItemOutcome,
    ) -> Result<(), Failure> {
        let wanted_name = self.item.name.trim();
        let written = self
            .session
            .edit_config(&integration.id, &self.item.name, |config| {
                let linked = config.credentials.get(self.slot) == Some(&credential.id);
                let notes_ok = self.item.notes.is_empty() || config.notes == self.item.notes;
                if linked && config.name == wanted_name && notes_ok {
                    return false;
                }
                config.name = wanted_name.to_owned();
                config
                    .credentials
                    .insert(self.slot.to_owned(), credential.id.clone());
                if !self.item.notes.is_empty() {
                    config.notes = self.item.notes.clone();
                }
                true
            })
            .await?;
        outcome.configured |= written;
        Ok(())
    }
}

/// Waits until Genesys reports every integration of the run active, or says which is not and
/// why. All were enabled before, so they activate together and one wait covers them all.
async fn activated(
    session: &GenesysSession,
    plan: &DataActionsPlan,
    outcomes: &mut [ItemOutcome],
    wait: Wait,
) -> Result<(), Failure> {
    for (item, outcome) in plan.integrations.iter().zip(outcomes.iter_mut()) {
        let Some(id) = outcome.integration_id.clone() else {
            continue;
        };
        let mut last = ReportedState::Unknown;
        for attempt in 0..wait.attempts.max(1) {
            if attempt > 0 {
                tokio::time::sleep(wait.interval).await;
            }
            let Some(integration) = session.integration(&id).await? else {
                break;
            };
            last = integration.reported;
            match integration.reported {
                ReportedState::Active => break,
                ReportedState::Error => {
                    outcome.state = Some(ReportedState::Error);
                    return Err(Failure::new(Code::GenesysIntegrationError)
                        .with("name", item.name.clone())
                        .with("vendorMessage", integration.detail.unwrap_or_default()));
                }
                _ => {}
            }
        }
        outcome.state = Some(last);
        if last != ReportedState::Active {
            return Err(Failure::new(Code::GenesysNotActive)
                .with("name", item.name.clone())
                .with("state", last.as_str()));
        }
    }
    Ok(())
}
