//! Flow 3, Genesys Cloud data actions: the plan kept with the profile (its secrets in the
//! keychain, one entry per integration and field), the org's types read live, the preview, the
//! claimed and journalled apply, and managing what exists (list, rotate a credential, rename,
//! enable or disable, delete with its credential, download the mTLS certificates).

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::{Switchboard, find_flow, load, save_status};
use crate::connection::{ConnectionSettings, Failure, Vendor};
use crate::data_actions::apply::{self, ItemOutcome, Progress, ResolvedSecrets, Wait};
use crate::data_actions::kinds::{self, Kind};
use crate::data_actions::plan::{self, DataActionsPlan, PlanPreview, PlanProblem, SecretSource};
use crate::data_actions::target_check::Services;
use crate::error::{Error, FailureReply, Result};
use crate::flow::FlowView;
use crate::locale::Locale;
use crate::secrets::{SecretKey, Sensitive};
use crate::storage::apply_runs::{self, Unfinished};
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::storage::{journal, profiles, secret_refs};
use crate::vendors::genesys::session::{GenesysSession, NewCredential};
use crate::vendors::genesys::types::{Integration, ReportedState};
use crate::vendors::http::Http;

/// The flow step whose editor holds the plan.
pub const STEP: &str = "data-actions";
pub(crate) const RUN_KIND: &str = "genesys-data-actions";
pub(super) const SECRET_SCOPE: &str = "data-actions";

/// One kind as this org offers it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KindOffer {
    pub kind: Kind,
    /// The org's type; `None` when the org has none (the kind is shown unavailable).
    pub type_id: Option<String>,
    pub type_name: Option<String>,
    /// The type's own limit, else the one the procedure states.
    pub max_instances: u32,
    pub existing: usize,
    pub credential_types: Vec<String>,
}

/// What the editor needs from the org: each kind's availability, and the organization id (the
/// External ID of an AWS role's trust policy, copied, never typed).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DataActionsOrg {
    pub organization_id: Option<String>,
    pub kinds: Vec<KindOffer>,
}

/// The saved plan, its offline problems, and which secrets are saved (never their values).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DataActionsPlanView {
    pub plan: DataActionsPlan,
    pub problems: Vec<PlanProblem>,
    /// `<integration name>/<field>` of every secret saved in the keychain.
    pub secrets_set: Vec<String>,
}

/// An apply's outcome, as the window shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DataActionsApplied {
    pub run_id: i64,
    pub outcomes: Vec<ItemOutcome>,
    pub failure: Option<FailureReply>,
    pub flow: FlowView,
}

/// One of the org's data-action integrations.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManagedIntegration {
    pub id: String,
    pub name: String,
    pub kind: Option<Kind>,
    pub type_id: String,
    pub enabled: bool,
    pub reported: ReportedState,
    pub detail: Option<String>,
    /// Whether a credential `Integration-<id>` exists.
    pub credential_set: bool,
}

/// Where each secret of a plan comes from at apply time: the keychain, or (command line) an
/// environment variable read through `env`.
pub type Env<'a> = &'a (dyn Fn(&str) -> Option<String> + Sync);

pub(super) fn secret_key(profile_id: i64, integration: &str, field: &str) -> SecretKey {
    SecretKey::new(
        profile_id,
        SECRET_SCOPE,
        format!("{}/{field}", integration.trim()),
    )
}

fn plan_ref(profile_id: i64, flow_id: &str) -> DocRef<'_> {
    DocRef {
        profile_id,
        flow_id,
        step_id: STEP,
        kind: DocKind::Editor,
    }
}

/// `integration-kinds`: the kinds the saved plan holds, for the steps that prepare each kind.
pub(super) fn derived_values(
    db: &rusqlite::Connection,
    profile_id: i64,
    flow: &crate::catalogue::Flow,
) -> Result<std::collections::HashMap<String, String>> {
    let mut values = std::collections::HashMap::new();
    if flow.step(STEP).is_none() {
        return Ok(values);
    }
    let plan: Option<DataActionsPlan> = step_documents::load(db, plan_ref(profile_id, &flow.id))?;
    let mut kinds: Vec<String> = plan
        .into_iter()
        .flat_map(|p| p.integrations)
        .filter_map(|i| {
            serde_json::to_value(i.kind)
                .ok()?
                .as_str()
                .map(str::to_owned)
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    values.insert("integration-kinds".to_owned(), kinds.join(","));
    Ok(values)
}

impl Switchboard {
    /// A Genesys session through the profile's Genesys connection.
    pub(crate) async fn genesys_session(&self, profile_id: i64) -> Result<GenesysSession> {
        self.genesys_session_with(profile_id, Http::for_connection)
            .await
    }

    /// A session whose client waits out Genesys' per-minute limit (the apply, a rotation).
    async fn patient_genesys_session(&self, profile_id: i64) -> Result<GenesysSession> {
        self.genesys_session_with(profile_id, Http::for_apply).await
    }

    async fn genesys_session_with(
        &self,
        profile_id: i64,
        client: fn(bool) -> std::result::Result<Http, Failure>,
    ) -> Result<GenesysSession> {
        let (settings, secrets) = self.connection_inputs(profile_id, Vendor::Genesys).await?;
        let ConnectionSettings::Genesys(settings) = settings else {
            return Err(Error::ConnectionMissing(Vendor::Genesys));
        };
        let http = client(settings.endpoints.practice)?.redacting(secrets.values());
        Ok(GenesysSession::open(&settings, &secrets, http).await?)
    }

    /// Each kind as the org offers it, read live, and the organization id.
    pub async fn data_actions_org(&self, profile_id: i64) -> Result<DataActionsOrg> {
        let session = self.genesys_session(profile_id).await?;
        let types = session.integration_types().await?;
        let existing = session.integrations().await?;
        let kinds = Kind::ALL
            .iter()
            .map(|&kind| {
                let found = kind.find_type(&types);
                KindOffer {
                    kind,
                    type_id: found.map(|t| t.id.clone()),
                    type_name: found.map(|t| t.name.clone()),
                    max_instances: found
                        .and_then(|t| t.max_instances)
                        .unwrap_or_else(|| kind.stated_limit()),
                    existing: found
                        .map_or(0, |t| existing.iter().filter(|i| i.type_id == t.id).count()),
                    credential_types: kind
                        .credential_types()
                        .iter()
                        .map(|t| (*t).to_owned())
                        .collect(),
                }
            })
            .collect();
        // Reading the org needs one more permission; the editor still works without it.
        let organization_id = session.organization_id().await.ok();
        Ok(DataActionsOrg {
            organization_id,
            kinds,
        })
    }

    pub fn data_actions_plan(&self, profile_id: i64, flow_id: &str) -> Result<DataActionsPlanView> {
        find_flow(flow_id)?;
        let db = self.db();
        profiles::get(&db, profile_id)?;
        let plan: DataActionsPlan =
            step_documents::load(&db, plan_ref(profile_id, flow_id))?.unwrap_or_default();
        let mut secrets_set: Vec<String> = secret_refs::fields_set(&db, profile_id, SECRET_SCOPE)?
            .into_iter()
            .collect();
        secrets_set.sort();
        Ok(DataActionsPlanView {
            problems: plan::check(&plan),
            plan,
            secrets_set,
        })
    }

    /// Saves the plan as typed (problems are shown, not refused: the admin fixes them in place).
    pub fn save_data_actions_plan(
        &self,
        profile_id: i64,
        flow_id: &str,
        plan: &DataActionsPlan,
    ) -> Result<DataActionsPlanView> {
        let flow = find_flow(flow_id)?;
        if let Some((path, error)) =
            crate::validate::first_too_long(plan, crate::validate::MAX_DOCUMENT_TEXT)
        {
            return Err(Error::invalid(path, error));
        }
        let before: DataActionsPlan = {
            let db = self.db();
            profiles::get(&db, profile_id)?;
            step_documents::load(&db, plan_ref(profile_id, flow_id))?.unwrap_or_default()
        };
        // The keychain is never called while the database lock is held.
        self.carry_plan_secrets(profile_id, &before, plan)?;
        {
            let db = self.db();
            step_documents::save(&db, plan_ref(profile_id, flow_id), plan)?;
            let mut state = load(&db, profile_id, flow)?;
            if state.status(STEP) == StepStatus::NotStarted
                && let Some(step) = flow.step(STEP)
            {
                save_status(&db, profile_id, &mut state, step, StepStatus::InProgress)?;
            }
        }
        self.data_actions_plan(profile_id, flow_id)
    }

    /// Saves (`Some`) or clears (`None`) the secret `field` of the planned integration `name`.
    pub fn set_data_action_secret(
        &self,
        profile_id: i64,
        flow_id: &str,
        name: &str,
        field: &str,
        value: Option<&Sensitive>,
    ) -> Result<DataActionsPlanView> {
        let view = self.data_actions_plan(profile_id, flow_id)?;
        let item = view
            .plan
            .integrations
            .iter()
            .find(|i| i.name.trim() == name.trim())
            .ok_or_else(|| Error::not_found(format!("planned integration {name}")))?;
        let spec = kinds::fields(&item.credential_type)
            .iter()
            .find(|f| f.name == field && f.secret);
        if spec.is_none() && !kinds::takes_any_fields(&item.credential_type) {
            return Err(Error::not_found(format!("secret field {field}")));
        }
        let key = secret_key(profile_id, name, field);
        let action = self.store_secret(&key, crate::validate::Rule::Secret, value)?;
        journal::record(
            &self.db(),
            Some(profile_id),
            Some("genesys"),
            action,
            "ok",
            Some(&key.label()),
        )?;
        self.data_actions_plan(profile_id, flow_id)
    }

    /// Reads a Google service-account key file into the planned integration `name`: checks it is
    /// a service-account key, fills the client e-mail, client id and private key id, and saves the
    /// private key in the keychain. The file itself is not kept.
    pub fn import_google_key(
        &self,
        profile_id: i64,
        flow_id: &str,
        name: &str,
        key_json: &str,
    ) -> Result<DataActionsPlanView> {
        let key: serde_json::Value = serde_json::from_str(key_json)
            .map_err(|_| Error::validation("keyFile", "json_object"))?;
        if key.get("type").and_then(serde_json::Value::as_str) != Some("service_account") {
            return Err(Error::validation("keyFile", "google_service_account"));
        }
        let text = |field: &str| {
            key.get(field)
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
                .filter(|v| !v.trim().is_empty())
                .ok_or_else(|| Error::validation("keyFile", "google_service_account"))
        };
        let (email, client_id, key_id, private_key) = (
            text("client_email")?,
            text("client_id")?,
            text("private_key_id")?,
            text("private_key")?,
        );
        let mut plan = self.data_actions_plan(profile_id, flow_id)?.plan;
        let item = plan
            .integrations
            .iter_mut()
            .find(|i| i.name.trim() == name.trim() && i.kind == Kind::Google)
            .ok_or_else(|| Error::not_found(format!("planned Google integration {name}")))?;
        item.fields.insert("clientEmail".into(), email);
        item.fields.insert("clientId".into(), client_id);
        item.fields.insert("privateKeyId".into(), key_id);
        item.secrets
            .insert("privateKey".into(), SecretSource::Keychain);
        self.save_data_actions_plan(profile_id, flow_id, &plan)?;
        self.set_data_action_secret(
            profile_id,
            flow_id,
            name,
            "privateKey",
            Some(&Sensitive::new(private_key)),
        )
    }

    /// What applying the saved plan would do, read live; refused while the plan has problems.
    pub async fn preview_data_actions(
        &self,
        profile_id: i64,
        flow_id: &str,
    ) -> Result<PlanPreview> {
        let plan = self.data_actions_plan(profile_id, flow_id)?.plan;
        self.preview_plan(profile_id, &plan).await
    }

    /// What applying `plan` (e.g. a file the command line reads) would do; nothing is saved.
    pub async fn preview_plan(
        &self,
        profile_id: i64,
        plan: &DataActionsPlan,
    ) -> Result<PlanPreview> {
        refuse_problems(plan)?;
        let session = self.genesys_session(profile_id).await?;
        Ok(plan::preview(&session, plan).await?)
    }

    /// Every secret of the plan, from the keychain or the environment; names the first missing.
    fn plan_secrets(
        &self,
        profile_id: i64,
        plan: &DataActionsPlan,
        env: Env<'_>,
    ) -> Result<ResolvedSecrets> {
        let mut resolved = ResolvedSecrets::new();
        for item in &plan.integrations {
            let mut values = BTreeMap::new();
            for (field, source) in &item.secrets {
                let value = match source {
                    SecretSource::Keychain => {
                        self.saved_secret(&secret_key(profile_id, &item.name, field))?
                    }
                    SecretSource::Env { var } => env(var).map(Sensitive::new),
                };
                // The plan names a source for this secret: without its value, nothing is
                // created (an optional secret the admin does not want is not in the plan).
                let value = value.ok_or_else(|| {
                    Error::invalid(
                        format!("{}/{field}", item.name),
                        crate::validate::FieldError::new("required"),
                    )
                })?;
                values.insert(field.clone(), value);
            }
            resolved.insert(item.name.clone(), values);
        }
        Ok(resolved)
    }

    /// Applies the plan: one claimed, journalled run (see `storage::apply_runs`), resumed only if
    /// its plan is the plan shown. Each integration ends active, or the run stops with why.
    pub async fn apply_data_actions(
        &self,
        profile_id: i64,
        flow_id: &str,
        locale: Locale,
        unfinished: Option<Unfinished>,
        env: Env<'_>,
    ) -> Result<DataActionsApplied> {
        let flow = find_flow(flow_id)?;
        let view = self.data_actions_plan(profile_id, flow_id)?;
        refuse_problems(&view.plan)?;
        let secrets = self.plan_secrets(profile_id, &view.plan, env)?;
        let run_id =
            apply_runs::claim_plan(&mut self.db(), profile_id, RUN_KIND, &view.plan, unfinished)?;
        let outcome = match self.patient_genesys_session(profile_id).await {
            Ok(session) => {
                let mut progress = RunProgress { core: self, run_id };
                let work = apply::apply(
                    &session,
                    &view.plan,
                    &secrets,
                    &mut progress,
                    Wait::default(),
                );
                self.holding_claim(run_id, work).await
            }
            Err(Error::Vendor(failure)) => Err(failure),
            Err(other) => {
                apply_runs::release(&self.db(), run_id)?;
                return Err(other);
            }
        };
        let (outcomes, failure) = match outcome {
            Ok(outcomes) => (outcomes, None),
            Err(failure) => (apply_runs::progress_of(&self.db(), run_id)?, Some(failure)),
        };
        let db = self.db();
        apply_runs::finish(&db, run_id, failure.as_ref().map(|f| f.code.as_str()))?;
        let mut state = load(&db, profile_id, flow)?;
        if let Some(step) = flow.step(STEP) {
            let status = if failure.is_none() {
                StepStatus::Done
            } else {
                StepStatus::NeedsAttention
            };
            save_status(&db, profile_id, &mut state, step, status)?;
        }
        journal::record(
            &db,
            Some(profile_id),
            Some("genesys"),
            "data_actions.apply",
            if failure.is_none() { "done" } else { "failed" },
            Some(&format!("run {run_id}: {} integrations", outcomes.len())),
        )?;
        Ok(DataActionsApplied {
            run_id,
            outcomes,
            failure: failure.map(FailureReply::from),
            flow: state.view(profile_id, locale),
        })
    }

    /// The org's data-action integrations as a plan file: names, kinds, credential types and
    /// non-secret fields; each secret named as an environment variable to set, never its value.
    /// Integrations without a credential are left out (a plan could not re-create them). Planning
    /// the export against the same org finds nothing to do.
    pub async fn export_data_actions(&self, profile_id: i64) -> Result<DataActionsPlan> {
        let session = self.genesys_session(profile_id).await?;
        let credentials = session.credentials().await?;
        let mut integrations = Vec::new();
        for managed in self.data_action_integrations(profile_id).await? {
            let Some(kind) = managed.kind else { continue };
            let name = format!("Integration-{}", managed.id);
            // Without a credential there is nothing a plan could re-create it from: the caller
            // names it (the command line warns) instead of exporting an entry that cannot apply.
            let Some(credential) = credentials.iter().find(|c| c.name == name) else {
                continue;
            };
            let (credential_type, mut fields) = session.credential(&credential.id).await?;
            let mut secrets = BTreeMap::new();
            for spec in kinds::fields(&credential_type).iter().filter(|f| f.secret) {
                fields.remove(spec.name);
                let var = env_name(&managed.name, spec.name);
                secrets.insert(spec.name.to_owned(), SecretSource::Env { var });
            }
            integrations.push(plan::PlannedIntegration {
                name: managed.name,
                kind,
                credential_type,
                fields,
                secrets,
                notes: String::new(),
            });
        }
        Ok(DataActionsPlan { integrations })
    }

    /// The org's data-action integrations (of the seven kinds), with their state.
    pub async fn data_action_integrations(
        &self,
        profile_id: i64,
    ) -> Result<Vec<ManagedIntegration>> {
        let session = self.genesys_session(profile_id).await?;
        let types = session.integration_types().await?;
        let credentials = session.credentials().await?;
        let kinds: Vec<(Kind, String)> = Kind::ALL
            .iter()
            .filter_map(|&k| Some((k, k.find_type(&types)?.id.clone())))
            .collect();
        Ok(session
            .integrations()
            .await?
            .into_iter()
            .filter_map(|i: Integration| {
                let kind = kinds
                    .iter()
                    .find(|(_, id)| *id == i.type_id)
                    .map(|(k, _)| *k)?;
                let credential = format!("Integration-{}", i.id);
                Some(ManagedIntegration {
                    credential_set: credentials.iter().any(|c| c.name == credential),
                    id: i.id,
                    name: i.name,
                    kind: Some(kind),
                    type_id: i.type_id,
                    enabled: i.enabled,
                    reported: i.reported,
                    detail: i.detail,
                })
            })
            .collect())
    }

    /// Puts the plan's current secrets into the integration's existing credential (same id, same
    /// integration): a rotated password without a new integration.
    pub async fn rotate_data_action_credential(
        &self,
        profile_id: i64,
        flow_id: &str,
        integration_id: &str,
        env: Env<'_>,
    ) -> Result<()> {
        let view = self.data_actions_plan(profile_id, flow_id)?;
        let session = self.genesys_session(profile_id).await?;
        let integration = session
            .integration(integration_id)
            .await?
            .ok_or_else(|| Error::not_found(format!("integration {integration_id}")))?;
        let item = view
            .plan
            .integrations
            .iter()
            .find(|i| i.name.trim().eq_ignore_ascii_case(integration.name.trim()))
            .ok_or_else(|| Error::not_found(format!("planned integration {}", integration.name)))?;
        let single = DataActionsPlan {
            integrations: vec![item.clone()],
        };
        let mut secrets = self.plan_secrets(profile_id, &single, env)?;
        let name = format!("Integration-{}", integration.id);
        let credential = session
            .credentials()
            .await?
            .into_iter()
            .find(|c| c.name == name)
            .ok_or_else(|| Error::not_found(format!("credential {name}")))?;
        let new = NewCredential {
            name,
            type_name: item.credential_type.clone(),
            fields: item.fields.clone(),
            secrets: secrets.remove(&item.name).unwrap_or_default(),
        };
        session.update_credential(&credential.id, &new).await?;
        journal::record(
            &self.db(),
            Some(profile_id),
            Some("genesys"),
            "data_actions.rotate",
            "ok",
            Some(&integration.name),
        )?;
        Ok(())
    }

    pub async fn set_data_action_enabled(
        &self,
        profile_id: i64,
        integration_id: &str,
        enabled: bool,
    ) -> Result<ManagedIntegration> {
        let session = self.genesys_session(profile_id).await?;
        session.set_enabled(integration_id, enabled).await?;
        let action = if enabled {
            "data_actions.enable"
        } else {
            "data_actions.disable"
        };
        journal::record(
            &self.db(),
            Some(profile_id),
            Some("genesys"),
            action,
            "ok",
            Some(integration_id),
        )?;
        self.managed(profile_id, integration_id).await
    }

    /// Renames the integration (its configuration's name), with the version read just before.
    pub async fn rename_data_action(
        &self,
        profile_id: i64,
        integration_id: &str,
        name: &str,
    ) -> Result<ManagedIntegration> {
        let name = name.trim();
        if let Some(error) = crate::validate::check(crate::validate::Rule::Text, name, true, &[]) {
            return Err(Error::invalid("name", error));
        }
        let session = self.genesys_session(profile_id).await?;
        let taken = session
            .integrations()
            .await?
            .into_iter()
            .any(|i| i.id != integration_id && i.name.trim().eq_ignore_ascii_case(name));
        if taken {
            return Err(Error::invalid(
                "name",
                crate::validate::FieldError::new("duplicate"),
            ));
        }
        session
            .edit_config(integration_id, name, |config| {
                config.name = name.to_owned();
                true
            })
            .await?;
        journal::record(
            &self.db(),
            Some(profile_id),
            Some("genesys"),
            "data_actions.rename",
            "ok",
            Some(name),
        )?;
        self.managed(profile_id, integration_id).await
    }

    /// Deletes the integration and its credential `Integration-<id>`.
    pub async fn delete_data_action(&self, profile_id: i64, integration_id: &str) -> Result<()> {
        let session = self.genesys_session(profile_id).await?;
        let name = format!("Integration-{integration_id}");
        session.delete_integration(integration_id).await?;
        for credential in session
            .credentials()
            .await?
            .into_iter()
            .filter(|c| c.name == name)
        {
            session.delete_credential(&credential.id).await?;
        }
        journal::record(
            &self.db(),
            Some(profile_id),
            Some("genesys"),
            "data_actions.delete",
            "ok",
            Some(integration_id),
        )?;
        Ok(())
    }

    async fn managed(&self, profile_id: i64, integration_id: &str) -> Result<ManagedIntegration> {
        self.data_action_integrations(profile_id)
            .await?
            .into_iter()
            .find(|i| i.id == integration_id)
            .ok_or_else(|| Error::not_found(format!("integration {integration_id}")))
    }
}

/// `BILLING_API_PASSWORD` for the field `password` of "Billing API". A name with no ASCII
/// letter or digit (「請求 API」) gets a stable `DATA_ACTION_<hash>` prefix instead.
fn env_name(integration: &str, field: &str) -> String {
    let mut prefix = String::new();
    for c in integration.chars() {
        if c.is_ascii_alphanumeric() {
            prefix.push(c.to_ascii_uppercase());
        } else if !prefix.is_empty() && !prefix.ends_with('_') {
            prefix.push('_');
        }
    }
    let mut prefix = prefix.trim_end_matches('_').to_owned();
    if prefix.is_empty() {
        // FNV-1a: stable across runs and builds, unlike the standard hasher.
        let hash = integration.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        prefix = format!("DATA_ACTION_{:08X}", hash >> 32);
    }
    let mut suffix = String::new();
    for (i, c) in field.chars().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            suffix.push('_');
        }
        suffix.push(c.to_ascii_uppercase());
    }
    format!("{prefix}_{suffix}")
}

/// A credential tested with its own service: `supported` is false for kinds the app cannot
/// reach itself.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialCheck {
    pub supported: bool,
    pub ok: bool,
    pub failure: Option<FailureReply>,
}

/// A downloaded data-action certificate: where it was saved and when it expires.
#[derive(Debug, Clone, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedCertificate {
    /// `Current` or `Upcoming`.
    pub status: String,
    pub signing_authority: String,
    pub not_after: Option<String>,
    pub path: String,
    /// Expires within [`EXPIRY_WARNING_DAYS`] of when it was read (recomputed at each read).
    #[serde(default)]
    pub expires_soon: bool,
}

/// Genesys publishes the next certificate ahead of a rotation; two months leave the admin time
/// to have the target service trust it. The report highlights reminders by the same rule.
pub const EXPIRY_WARNING_DAYS: u64 = crate::report::SOON_DAYS.unsigned_abs();

/// Whether `not_after` (RFC 3339) falls within [`EXPIRY_WARNING_DAYS`] of `now` (or is past).
pub fn expires_soon(not_after: Option<&str>, now: std::time::SystemTime) -> bool {
    let Some(end) = not_after.and_then(crate::time::parse_utc) else {
        return false;
    };
    let warning = std::time::Duration::from_secs(EXPIRY_WARNING_DAYS * 86_400);
    end <= now + warning
}

/// An action's test, as the window shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionTestView {
    pub action_id: String,
    pub action_name: String,
    pub success: bool,
    pub failed_step: Option<String>,
}

/// Where the certificates last downloaded are remembered (for the hand-over report).
pub(crate) fn certificates_ref(profile_id: i64, flow_id: &str) -> DocRef<'_> {
    DocRef {
        profile_id,
        flow_id,
        step_id: "data-actions-certificates",
        kind: DocKind::Draft,
    }
}

impl Switchboard {
    /// Saves the data-action client certificates (Current, and Upcoming during a rotation) as
    /// PEM files in `folder`, and remembers their expiry dates.
    pub async fn save_data_action_certificates(
        &self,
        profile_id: i64,
        flow_id: &str,
        folder: &std::path::Path,
    ) -> Result<Vec<SavedCertificate>> {
        find_flow(flow_id)?;
        let session = self.genesys_session(profile_id).await?;
        let mut saved = Vec::new();
        for certificate in session.certificates().await? {
            let date = certificate
                .not_after
                .as_deref()
                .and_then(|d| d.get(..10))
                .unwrap_or("");
            let status = certificate.status.to_ascii_lowercase();
            let stem = format!("genesys-data-actions-{status}-certificate-{date}");
            let path = super::files::write_new(
                folder,
                stem.trim_end_matches('-'),
                "pem",
                &certificate.pem,
            )?;
            self.remember_written(&path);
            saved.push(SavedCertificate {
                expires_soon: expires_soon(
                    certificate.not_after.as_deref(),
                    std::time::SystemTime::now(),
                ),
                status: certificate.status,
                signing_authority: certificate.signing_authority,
                not_after: certificate.not_after,
                path: path.display().to_string(),
            });
        }
        let db = self.db();
        step_documents::save(&db, certificates_ref(profile_id, flow_id), &saved)?;
        journal::record(
            &db,
            Some(profile_id),
            Some("genesys"),
            "data_actions.certificates",
            "ok",
            Some(&format!("{} saved", saved.len())),
        )?;
        Ok(saved)
    }

    /// Where a credential check of `kind` may send a credential: the vendors' own services, or
    /// for the practice profile its emulator's Google token endpoint and Salesforce login (a
    /// practice credential never goes to Google or Salesforce).
    async fn credential_services(&self, practice: bool, kind: Kind) -> Result<Services> {
        if !practice || !matches!(kind, Kind::Google | Kind::Salesforce) {
            return Ok(Services::vendors());
        }
        let tenant = self.running_tenant().await?;
        let salesforce_login = tenant.settings.iter().find_map(|s| match s {
            ConnectionSettings::Salesforce(s) => s.endpoints.token_base.as_deref(),
            _ => None,
        });
        let missing = |what: &str| Error::not_found(format!("the practice tenant's {what}"));
        Ok(Services {
            entra_login: Services::vendors().entra_login,
            google_token: match kind {
                Kind::Google => tenant
                    .google_token
                    .ok_or_else(|| missing("Google token endpoint"))?,
                _ => Services::vendors().google_token,
            },
            salesforce_login: match kind {
                Kind::Salesforce => Some(
                    salesforce_login
                        .and_then(|base| url::Url::parse(base).ok())
                        .ok_or_else(|| missing("Salesforce login"))?,
                ),
                _ => None,
            },
        })
    }

    /// Tests the planned integration `name`'s credential with its own service (Zendesk, the
    /// Entra sign-in for Dynamics 365, the Google service account) before Genesys gets it.
    pub async fn check_data_action_credential(
        &self,
        profile_id: i64,
        flow_id: &str,
        name: &str,
    ) -> Result<CredentialCheck> {
        let plan = self.data_actions_plan(profile_id, flow_id)?.plan;
        let item = plan
            .integrations
            .iter()
            .find(|i| i.name.trim() == name.trim())
            .ok_or_else(|| Error::not_found(format!("planned integration {name}")))?;
        let single = DataActionsPlan {
            integrations: vec![item.clone()],
        };
        let no_env = |_: &str| None;
        let mut secrets = self.plan_secrets(profile_id, &single, &no_env)?;
        let secrets = secrets.remove(&item.name).unwrap_or_default();
        let practice = profiles::get(&self.db(), profile_id)?.practice;
        // Google's and Salesforce's checks have practice stand-ins (the emulator must be running).
        let services = self.credential_services(practice, item.kind).await?;
        let http = Http::for_connection(practice)?.redacting(secrets.values());
        let checked =
            crate::data_actions::target_check::check(&http, item, &secrets, &services).await;
        let outcome = match &checked {
            None => "unsupported",
            Some(Ok(())) => "ok",
            Some(Err(_)) => "failed",
        };
        journal::record(
            &self.db(),
            Some(profile_id),
            None,
            "data_actions.credential_check",
            outcome,
            Some(&item.name),
        )?;
        Ok(match checked {
            None => CredentialCheck {
                supported: false,
                ok: false,
                failure: None,
            },
            Some(Ok(())) => CredentialCheck {
                supported: true,
                ok: true,
                failure: None,
            },
            Some(Err(f)) => CredentialCheck {
                supported: true,
                ok: false,
                failure: Some(FailureReply::from(f)),
            },
        })
    }

    /// The certificates last downloaded, with their expiry dates.
    pub fn data_action_certificates(
        &self,
        profile_id: i64,
        flow_id: &str,
    ) -> Result<Vec<SavedCertificate>> {
        let mut saved: Vec<SavedCertificate> =
            step_documents::load(&self.db(), certificates_ref(profile_id, flow_id))?
                .unwrap_or_default();
        let now = std::time::SystemTime::now();
        for certificate in &mut saved {
            certificate.expires_soon = expires_soon(certificate.not_after.as_deref(), now);
        }
        Ok(saved)
    }

    /// Runs the test of the integration's first data action with `input`, the text of a JSON
    /// object as the admin typed it (checked here, so the window and the CLI say the same).
    pub async fn test_data_action(
        &self,
        profile_id: i64,
        integration_id: &str,
        input: &str,
    ) -> Result<ActionTestView> {
        let input: serde_json::Value = match serde_json::from_str(input.trim()) {
            Ok(value @ serde_json::Value::Object(_)) => value,
            _ => return Err(Error::validation("input", "json_object")),
        };
        let session = self.genesys_session(profile_id).await?;
        let listed = session.actions(integration_id).await?.into_iter().next();
        let Some((action_id, action_name)) = listed else {
            // Genesys lists an integration's actions only while it is active: say which it is.
            let integration = session
                .integration(integration_id)
                .await?
                .ok_or_else(|| Error::not_found(format!("integration {integration_id}")))?;
            if integration.reported != ReportedState::Active {
                return Err(Error::Vendor(
                    Failure::new(crate::connection::Code::GenesysNotActive)
                        .with("name", integration.name)
                        .with("state", integration.reported.as_str()),
                ));
            }
            return Err(Error::not_found(format!(
                "data action of integration {integration_id}"
            )));
        };
        let test = session.test_action(&action_id, &input).await?;
        journal::record(
            &self.db(),
            Some(profile_id),
            Some("genesys"),
            "data_actions.test",
            if test.success { "ok" } else { "failed" },
            Some(&action_name),
        )?;
        Ok(ActionTestView {
            action_id,
            action_name,
            success: test.success,
            failed_step: test.failed_step,
        })
    }
}

fn refuse_problems(plan: &DataActionsPlan) -> Result<()> {
    match plan::check(plan).first() {
        Some(problem) => Err(Error::invalid(
            format!("integrations.{}.{}", problem.index, problem.field),
            problem.error.clone(),
        )),
        None if plan.integrations.is_empty() => Err(Error::validation("integrations", "required")),
        None => Ok(()),
    }
}

/// The run's progress, saved after each step (the lock taken per save, never across a call).
struct RunProgress<'a> {
    core: &'a Switchboard,
    run_id: i64,
}

impl Progress for RunProgress<'_> {
    fn record(&mut self, outcomes: &[ItemOutcome]) -> Result<()> {
        apply_runs::save_progress(&self.core.db(), self.run_id, outcomes)
    }
}

#[cfg(test)]
mod tests {
    use super::{env_name, expires_soon};

    #[test]
    fn a_certificate_is_flagged_sixty_days_before_it_expires_and_after() {
        let now = crate::time::parse_utc("2027-07-17T00:00:00Z").unwrap();
        assert!(
            !expires_soon(Some("2027-09-15T23:59:59Z"), now),
            "60 days and a bit"
        );
        assert!(
            expires_soon(Some("2027-09-15T00:00:00Z"), now),
            "exactly 60 days"
        );
        assert!(
            expires_soon(Some("2027-01-01T00:00:00Z"), now),
            "already expired"
        );
        assert!(!expires_soon(None, now));
        assert!(!expires_soon(Some("not a date"), now));
    }

    #[test]
    fn exported_secrets_are_named_as_environment_variables() {
        assert_eq!(env_name("Billing API", "password"), "BILLING_API_PASSWORD");
        assert_eq!(
            env_name("Lambda – Billing (prod)", "privateKey"),
            "LAMBDA_BILLING_PROD_PRIVATE_KEY"
        );
        let japanese = env_name("請求 API", "apiToken");
        assert!(
            japanese.starts_with("API_") || japanese.starts_with("DATA_ACTION_"),
            "{japanese}"
        );
        assert_eq!(
            env_name("請求", "apiToken"),
            env_name("請求", "apiToken"),
            "stable"
        );
        assert!(env_name("請求", "apiToken").starts_with("DATA_ACTION_"));
    }
}
