//! A data-actions plan: the integrations a customer needs, each with its kind, name, credential
//! type and non-secret fields, and where each secret comes from (never the secret). Checked
//! offline field by field, then against the org before anything is created: the type exists,
//! the per-type limit holds, the name is free, the OAuth client has the permissions.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kinds::{self, Kind};
use super::preflight::{self, Finding};
use crate::connection::{Code, Failure};
use crate::error::FailureReply;
use crate::validate::{self, FieldError};
use crate::vendors::genesys::session::GenesysSession;
use crate::vendors::genesys::types::{Integration, IntegrationType, ReportedState};

/// Where a secret field's value comes from when the plan is applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "from", rename_all = "camelCase")]
pub enum SecretSource {
    /// Saved in the keychain with the profile (typed in the app).
    Keychain,
    /// Read from this environment variable (the command line, a CI job).
    Env { var: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedIntegration {
    /// Unique among the org's integrations; how a re-apply finds it again.
    pub name: String,
    pub kind: Kind,
    pub credential_type: String,
    /// The credential's non-secret fields (user names, URLs, the role ARN …).
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// The credential's secret fields: where each comes from.
    #[serde(default)]
    pub secrets: BTreeMap<String, SecretSource>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DataActionsPlan {
    pub integrations: Vec<PlannedIntegration>,
}

/// A field of one planned integration that is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "DataActionPlanProblem")]
#[serde(rename_all = "camelCase")]
pub struct PlanProblem {
    /// Index in the plan's list.
    pub index: usize,
    /// `name`, `credentialType`, or the credential field.
    pub field: String,
    pub error: FieldError,
}

/// Checks every planned integration offline: names present and unique, a credential type the
/// kind takes, each field by its rule, every required secret with a source.
pub fn check(plan: &DataActionsPlan) -> Vec<PlanProblem> {
    let mut problems = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, item) in plan.integrations.iter().enumerate() {
        let mut problem = |field: &str, error: FieldError| {
            problems.push(PlanProblem {
                index,
                field: field.to_owned(),
                error,
            });
        };
        let name = item.name.trim();
        if let Some(error) = validate::check(validate::Rule::Text, name, true, &[]) {
            problem("name", error);
        } else if seen.insert(name.to_lowercase(), index).is_some() {
            problem("name", FieldError::new("duplicate"));
        }
        if !item
            .kind
            .credential_types()
            .contains(&item.credential_type.as_str())
        {
            problem("credentialType", FieldError::new("choice"));
            continue;
        }
        for spec in kinds::fields(&item.credential_type) {
            if spec.secret {
                if spec.required && !item.secrets.contains_key(spec.name) {
                    problem(spec.name, FieldError::new("required"));
                }
                continue;
            }
            let value = item.fields.get(spec.name).map_or("", String::as_str);
            if let Some(error) = validate::check(spec.rule, value, spec.required, &[]) {
                problem(spec.name, error);
            }
        }
        if kinds::takes_any_fields(&item.credential_type)
            && item.fields.is_empty()
            && item.secrets.is_empty()
        {
            problem("fields", FieldError::new("required"));
        }
    }
    problems
}

/// What applying one planned integration would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "DataActionStep")]
#[serde(rename_all = "camelCase")]
pub enum Step {
    /// Create the integration, its credential, its configuration; enable it.
    Create,
    /// It exists: finish what is missing (credential, configuration, enabling).
    Complete,
    /// It exists, configured and enabled: nothing to do.
    UpToDate,
}

/// The permissions applying steps `steps` needs, each once, in a stable order. A plan never
/// deletes, so `integrations:integration:delete` is never asked for.
pub fn permissions_needed(steps: &[Step]) -> Vec<&'static str> {
    let creates = steps.contains(&Step::Create);
    // Completing may create the credential an earlier, stopped run did not get to.
    let completes = steps.contains(&Step::Complete);
    let mut needed = vec![preflight::VIEW];
    if creates || completes {
        needed.extend([preflight::ADD, preflight::EDIT]);
    }
    needed
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(rename = "DataActionItemPreview")]
#[serde(rename_all = "camelCase")]
pub struct ItemPreview {
    pub name: String,
    pub kind: Kind,
    /// The org's type for this kind; `None` when the org has none.
    pub type_id: Option<String>,
    pub step: Step,
    /// Why this item cannot be applied (the diagnosis codes of the connection Test).
    pub problems: Vec<FailureReply>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(rename = "DataActionsPreview")]
#[serde(rename_all = "camelCase")]
pub struct PlanPreview {
    pub items: Vec<ItemPreview>,
    /// What the plan as a whole lacks (the OAuth client's permissions), or could not check.
    pub preflight: Vec<Finding>,
    /// True when every item can be applied and no preflight finding blocks.
    pub ready: bool,
}

/// Reads the org's types and integrations and says, item by item, what an apply would do or
/// why it cannot, then checks the OAuth client holds the permissions those steps need: nothing
/// is created here.
pub async fn preview(
    session: &GenesysSession,
    plan: &DataActionsPlan,
) -> Result<PlanPreview, Failure> {
    let types = session.integration_types().await?;
    let existing = session.integrations().await?;
    let mut preview = preview_against(plan, &types, &existing);
    let steps: Vec<Step> = preview.items.iter().map(|i| i.step).collect();
    if let Some(finding) = preflight::permissions(session, &permissions_needed(&steps)).await {
        preview.ready &= !finding.blocking;
        preview.preflight.push(finding);
    }
    Ok(preview)
}

/// [`preview`] on what was read.
pub fn preview_against(
    plan: &DataActionsPlan,
    types: &[IntegrationType],
    existing: &[Integration],
) -> PlanPreview {
    // How many of each type the org will have once the plan's creations are done.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for integration in existing {
        *counts.entry(integration.type_id.as_str()).or_default() += 1;
    }
    let mut items = Vec::new();
    for item in &plan.integrations {
        let kind_type = item.kind.find_type(types);
        let mut problems: Vec<Failure> = Vec::new();
        let named = existing
            .iter()
            .find(|i| i.name.trim().eq_ignore_ascii_case(item.name.trim()));
        let step = match (kind_type, named) {
            (None, _) => {
                problems.push(
                    Failure::new(Code::GenesysTypeUnavailable).with("kind", item.kind.as_str()),
                );
                Step::Create
            }
            (Some(t), Some(found)) if found.type_id != t.id => {
                problems.push(
                    Failure::new(Code::GenesysNameTaken)
                        .with("name", item.name.clone())
                        .with("type", found.type_id.clone()),
                );
                Step::Create
            }
            (Some(_), Some(found)) if found.enabled && found.reported == ReportedState::Active => {
                Step::UpToDate
            }
            (Some(_), Some(_)) => Step::Complete,
            (Some(t), None) => {
                let count = counts.entry(t.id.as_str()).or_default();
                *count += 1;
                let max = t.max_instances.unwrap_or_else(|| item.kind.stated_limit());
                if *count > max as usize {
                    problems.push(
                        Failure::new(Code::GenesysInstanceLimit)
                            .with("type", t.id.clone())
                            .with("max", max)
                            .with("existing", *count - 1),
                    );
                }
                Step::Create
            }
        };
        items.push(ItemPreview {
            name: item.name.clone(),
            kind: item.kind,
            type_id: kind_type.map(|t| t.id.clone()),
            step,
            problems: problems.into_iter().map(FailureReply::from).collect(),
        });
    }
    let ready = items.iter().all(|i| i.problems.is_empty());
    PlanPreview {
        items,
        preflight: Vec::new(),
        ready,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_steps_do_needs_a_permission() {
        use super::preflight::{ADD, EDIT, VIEW};
        assert_eq!(permissions_needed(&[Step::UpToDate]), vec![VIEW]);
        assert_eq!(
            permissions_needed(&[Step::UpToDate, Step::Create]),
            vec![VIEW, ADD, EDIT]
        );
        assert_eq!(permissions_needed(&[Step::Complete]), vec![VIEW, ADD, EDIT]);
        assert!(!permissions_needed(&[Step::Create]).contains(&"integrations:integration:delete"));
    }
}
