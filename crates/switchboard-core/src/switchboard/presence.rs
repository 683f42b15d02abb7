//! The presence rule editor step: the rule kept with the profile, the live lists it is checked
//! against (CXone's agent states, Salesforce's presence statuses, read on request and kept with
//! the time they were read), its findings and diagram, the simulator and rule files.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::presence::{
    self, Catalog, DiagramLabels, Finding, PresenceRule, RuleFileError, Simulation, Start, Target,
};
use crate::storage::progress::StepStatus;
use crate::storage::step_documents::{self, DocKind, DocRef};
use crate::storage::{journal, profiles};
use crate::time::format_utc;
use crate::validate::{self, FieldError};
use ts_rs::TS;

use super::{Switchboard, find_flow, load, save_status};

pub(super) const STEP: &str = "cxone-presence-rule";

/// The rule as the editor shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresenceRuleView {
    pub rule: PresenceRule,
    pub catalog: Option<Catalog>,
    /// When the lists were last read live (RFC 3339, UTC).
    pub catalog_at: Option<String>,
    pub findings: Vec<Finding>,
    /// SVG markup, every text escaped by the core.
    pub diagram: String,
    /// After an import: teams and users of the file that this tenant has under no such name
    /// (kept with the file's ids until the admin picks them again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmatched_targets: Vec<String>,
    /// After an import: the file's keys this format does not have (`rule.states.0.colour`),
    /// ignored; the admin is told, since a hand edit there did nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored_keys: Vec<String>,
}

/// The live lists as last read, kept as the step's draft beside the rule (its editor document).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Lists {
    pub catalog: Catalog,
    pub at: String,
}

fn view(rule: PresenceRule, lists: Option<Lists>, labels: &DiagramLabels) -> PresenceRuleView {
    let (catalog, catalog_at) = match lists {
        Some(lists) => (Some(lists.catalog), Some(lists.at)),
        None => (None, None),
    };
    let findings = presence::lint(&rule, catalog.as_ref());
    let diagram = presence::diagram_svg(&rule, &findings, labels);
    PresenceRuleView {
        rule,
        catalog,
        catalog_at,
        findings,
        diagram,
        unmatched_targets: Vec::new(),
        ignored_keys: Vec::new(),
    }
}

/// Gives each imported target this tenant's id for the same name (trimmed, any case);
/// returns the names no live entry has.
fn rematch(targets: &mut [Target], live: &[Target]) -> Vec<String> {
    let key = |name: &str| name.trim().to_lowercase();
    let mut unmatched = Vec::new();
    for target in targets.iter_mut() {
        match live.iter().find(|l| key(&l.name) == key(&target.name)) {
            Some(found) => target.id = found.id,
            None => unmatched.push(target.name.clone()),
        }
    }
    unmatched
}

impl Switchboard {
    /// The saved rule (an empty one at first) and the lists last read.
    pub fn presence_rule(
        &self,
        profile_id: i64,
        flow_id: &str,
        labels: &DiagramLabels,
    ) -> Result<PresenceRuleView> {
        let (rule, lists) = self.presence_documents(profile_id, flow_id)?;
        Ok(view(rule, lists, labels))
    }

    /// Saves the rule as it is, findings and all: the admin fixes it at their pace.
    pub fn save_presence_rule(
        &self,
        profile_id: i64,
        flow_id: &str,
        rule: &PresenceRule,
        labels: &DiagramLabels,
    ) -> Result<PresenceRuleView> {
        let (_, lists) = self.presence_documents(profile_id, flow_id)?;
        self.store_rule(profile_id, flow_id, rule)?;
        Ok(view(rule.clone(), lists, labels))
    }

    /// Reads the lists live: "Available" and every active CXone unavailable code (a retired
    /// code is no state an agent can be in), and every Salesforce presence status.
    pub async fn refresh_presence_lists(
        &self,
        profile_id: i64,
        flow_id: &str,
        labels: &DiagramLabels,
    ) -> Result<PresenceRuleView> {
        self.presence_documents(profile_id, flow_id)?;
        let cxone = self.cxone_session(profile_id).await?;
        let codes = cxone.unavailable_codes().await?;
        let salesforce = self.salesforce_session(profile_id).await?;
        let statuses = salesforce.presence_statuses().await?;
        let mut acd_states = vec![presence::AVAILABLE.to_owned()];
        for code in codes.into_iter().filter(|c| c.active) {
            let name = code.name.trim();
            if !name.is_empty() && !acd_states.iter().any(|s| s == name) {
                acd_states.push(name.to_owned());
            }
        }
        let lists = Lists {
            catalog: Catalog {
                acd_states,
                salesforce_statuses: statuses,
            },
            at: format_utc(salesforce.now()),
        };
        let db = self.db();
        step_documents::save(&db, lists_ref(profile_id, flow_id), &lists)?;
        let rule = step_documents::load(&db, rule_ref(profile_id, flow_id))?.unwrap_or_default();
        Ok(view(rule, Some(lists), labels))
    }

    /// Plays one agent change through the saved rule.
    pub fn simulate_presence(
        &self,
        profile_id: i64,
        flow_id: &str,
        start: Start,
        previous: Option<&str>,
    ) -> Result<Simulation> {
        let (rule, lists) = self.presence_documents(profile_id, flow_id)?;
        // Enough steps to visit every state of both systems twice, so a loop shows as a loop.
        let listed = lists.as_ref().map_or(0, |l| {
            l.catalog.acd_states.len() + l.catalog.salesforce_statuses.len()
        });
        let max_steps = 4 * (rule.states.len() + rule.subscriber_states.len() + listed) + 8;
        Ok(presence::simulate(&rule, start, previous, max_steps))
    }

    /// Replaces the saved rule with the one in a rule file. Its teams and users come from
    /// another tenant: with a CXone connection they are matched to this tenant's by name, and
    /// the names with no match are reported (never dropped).
    pub async fn import_presence_rule(
        &self,
        profile_id: i64,
        flow_id: &str,
        json: &str,
        labels: &DiagramLabels,
    ) -> Result<PresenceRuleView> {
        let (_, lists) = self.presence_documents(profile_id, flow_id)?;
        let file = presence::import(json).map_err(|e| rule_file_error(&e))?;
        let ignored_keys = file.ignored_keys;
        let mut rule = file.rule;
        let mut unmatched = Vec::new();
        if !rule.teams.is_empty() || !rule.users.is_empty() {
            match self.cxone_session(profile_id).await {
                Ok(session) => {
                    let teams: Vec<Target> = session
                        .teams()
                        .await?
                        .into_iter()
                        .map(|t| Target {
                            id: t.id,
                            name: t.name,
                        })
                        .collect();
                    let users: Vec<Target> = session
                        .agents(None)
                        .await?
                        .into_iter()
                        .map(|a| Target {
                            id: a.id,
                            name: format!("{} {}", a.first_name, a.last_name)
                                .trim()
                                .to_owned(),
                        })
                        .collect();
                    unmatched.extend(rematch(&mut rule.teams, &teams));
                    unmatched.extend(rematch(&mut rule.users, &users));
                }
                // Without CXone the names stay as the file has them; the admin re-picks them.
                Err(Error::ConnectionMissing(_)) => {
                    unmatched.extend(rule.teams.iter().chain(&rule.users).map(|t| t.name.clone()));
                }
                Err(other) => return Err(other),
            }
        }
        self.store_rule(profile_id, flow_id, &rule)?;
        journal::record(
            &self.db(),
            Some(profile_id),
            None,
            "presence_rule.import",
            "ok",
            Some(&format!("{flow_id}/{STEP}")),
        )?;
        let mut imported = view(rule, lists, labels);
        imported.unmatched_targets = unmatched;
        imported.ignored_keys = ignored_keys;
        Ok(imported)
    }

    /// The saved rule and lists; also checks the profile and that the flow has the step.
    pub(super) fn presence_documents(
        &self,
        profile_id: i64,
        flow_id: &str,
    ) -> Result<(PresenceRule, Option<Lists>)> {
        let flow = find_flow(flow_id)?;
        flow.step(STEP)
            .ok_or_else(|| Error::not_found(format!("step {STEP}")))?;
        let db = self.db();
        profiles::get(&db, profile_id)?;
        let rule = step_documents::load(&db, rule_ref(profile_id, flow_id))?.unwrap_or_default();
        let lists = step_documents::load(&db, lists_ref(profile_id, flow_id))?;
        Ok((rule, lists))
    }

    /// Saves the rule, typed or imported; its name and every other text within the caps.
    fn store_rule(&self, profile_id: i64, flow_id: &str, rule: &PresenceRule) -> Result<()> {
        if rule.name.chars().count() > validate::MAX_NAME {
            return Err(Error::invalid(
                "name",
                validate::too_long(validate::MAX_NAME),
            ));
        }
        if let Some((field, error)) = validate::first_too_long(rule, validate::MAX_DOCUMENT_TEXT) {
            return Err(Error::invalid(field, error));
        }
        let flow = find_flow(flow_id)?;
        let db = self.db();
        step_documents::save(&db, rule_ref(profile_id, flow_id), rule)?;
        let mut state = load(&db, profile_id, flow)?;
        if state.status(STEP) == StepStatus::NotStarted
            && let Some(step) = flow.step(STEP)
        {
            save_status(&db, profile_id, &mut state, step, StepStatus::InProgress)?;
        }
        Ok(())
    }
}

/// A rule file that cannot be imported, as a validation error on the `file` input.
fn rule_file_error(error: &RuleFileError) -> Error {
    let detail = FieldError::new(error.code());
    let detail = match error {
        RuleFileError::NotJson { line, column } => detail.with("line", line).with("column", column),
        RuleFileError::UnsupportedVersion { version } => detail.with("version", version),
        RuleFileError::Invalid { detail: why } => detail.with("detail", why),
        RuleFileError::TooLarge { max_kb } => detail.with("maxKb", max_kb),
        RuleFileError::WrongFormat => detail,
    };
    Error::invalid("file", detail)
}

fn rule_ref(profile_id: i64, flow_id: &str) -> DocRef<'_> {
    DocRef {
        profile_id,
        flow_id,
        step_id: STEP,
        kind: DocKind::Editor,
    }
}

fn lists_ref(profile_id: i64, flow_id: &str) -> DocRef<'_> {
    DocRef {
        profile_id,
        flow_id,
        step_id: STEP,
        kind: DocKind::Draft,
    }
}
