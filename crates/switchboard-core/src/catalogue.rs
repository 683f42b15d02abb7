//! The step catalogue: every flow, its steps in the seed's order, and their text in English,
//! French and Japanese.
//!
//! The catalogue is data (`catalogue/*.json`, documented in `catalogue/README.md`) embedded at
//! build time and parsed once. This module only describes and checks it; progress, values and
//! what a step looks like to a given profile are in [`crate::flow`].

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use serde::Deserialize;
use ts_rs::TS;

use crate::locale::Locale;
use crate::validate::Rule;
use crate::vendor::Vendor;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub fr: String,
    pub ja: String,
}

impl Text {
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::Fr => &self.fr,
            Locale::Ja => &self.ja,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub id: String,
    pub order: u32,
    pub seeds: Vec<String>,
    pub title: Text,
    pub summary: Text,
    /// The choice fields (held by steps) that the flow asks before its step list: the steps and
    /// copies that depend on them stay hidden, and uncounted, until the admin has chosen.
    #[serde(default)]
    pub choices: Vec<String>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Manual,
    Verified,
    Automated,
    Editor,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    pub title: Text,
    pub instructions: Vec<Text>,
    #[serde(default)]
    pub warnings: Vec<Text>,
    /// One level per warning, in the same order: which ones stop the admin (a trap) and which
    /// are only worth knowing (a note). Kept beside `warnings` so the texts stay as they are.
    #[serde(default)]
    pub warning_levels: Vec<WarningLevel>,
    /// A step for later (edit, deactivate, remove): listed apart and never counted in progress.
    #[serde(default)]
    pub when_needed: bool,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub copies: Vec<Copy>,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub pending_on: Vec<String>,
    pub when: Option<When>,
    /// What the app does live in this step, beyond the checklist.
    pub live: Option<LiveKind>,
}

impl Step {
    /// The kind the admin is shown: a step is badged Verified, Automated or Editor only when the
    /// app does that part ([`Step::live`] names how); until then it is a manual step, whatever
    /// the catalogue plans for it.
    pub fn shown_kind(&self) -> StepKind {
        if self.live.is_some() {
            self.kind
        } else {
            StepKind::Manual
        }
    }
}

/// How much a warning matters: a trap stops the setup (or undoes it) when ignored; a note is
/// worth knowing. The window shows traps first and folds all but the first warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WarningLevel {
    Trap,
    Note,
}

/// The value the core derives from a data-actions plan (its kinds) that steps may depend on.
pub const DERIVED_KINDS: &str = "integration-kinds";

/// The live part of a step. Each goes with one step kind (checked by [`structural_problems`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum LiveKind {
    /// Verified: the Directory Sync (or only) Zoom app's token carries every required scope.
    ZoomScopes,
    /// Verified: the same for the second, Presence Sync, Zoom app.
    ZoomPsScopes,
    /// Automated: the address book is created, filled and assigned through the CXone API.
    CxoneAddressBook,
    /// Editor: the Directory Sync settings, previewed on the real Zoom users.
    DirectorySync,
    /// Verified: every Salesforce presence status the admin planned exists in the org.
    SfStatuses,
    /// Editor: the presence rule, checked against the live CXone states and Salesforce statuses.
    PresenceRule,
    /// Verified: the Salesforce connection logs in with the username-password flow (the
    /// connection's Test, whose diagnosis names the precise reason when it cannot).
    SfLogin,
    /// Manual: before anything is asked, the same log-in tried with the profile's Salesforce
    /// connection, so a blocked flow, a stale token or a wrong org type shows up front.
    SfPreflight,
    /// Verified: the Genesys Cloud connection signs in and reads the org's integration types
    /// (the connection's Test).
    GenesysConnection,
    /// Automated: the data-action integrations are planned, created, configured, activated and
    /// managed through the Platform API.
    GenesysDataActions,
    /// Editor: the Omni-Channel status map, checked against Zoom Contact Center's agent
    /// statuses and Salesforce's presence statuses read live.
    ZccStatusMap,
    /// Verified: the Zoom Contact Center prerequisites, each checked live (Salesforce API access,
    /// Omni-Channel, admin rights; Zoom Contact Center users).
    ZccPrerequisites,
    /// Verified: the Tooling API lists the Zoom Contact Center package (name and version).
    ZccPackage,
    /// Automated: the call center deployed through the Metadata API (or its import XML saved),
    /// verified by a `CallCenter` query.
    ZccCallCenter,
    /// Automated: the agents' three places (permission set, call center, Zoom client
    /// integration) read as one table and fixed by a claimed, journalled apply.
    ZccAgents,
    /// Automated (when needed): the same table's plan in reverse — each chosen agent's client
    /// integration, call center, then permission sets undone by a claimed, journalled apply.
    ZccAgentsRemove,
    /// Automated: the review of the profile, built from what the app recorded.
    Review,
    /// Automated: the hand-over report written as HTML or Markdown where the admin picks.
    ReportExport,
}

impl LiveKind {
    pub fn step_kind(self) -> StepKind {
        match self {
            LiveKind::ZoomScopes
            | LiveKind::ZoomPsScopes
            | LiveKind::SfStatuses
            | LiveKind::SfLogin
            | LiveKind::GenesysConnection
            | LiveKind::ZccPrerequisites
            | LiveKind::ZccPackage => StepKind::Verified,
            LiveKind::CxoneAddressBook
            | LiveKind::GenesysDataActions
            | LiveKind::ZccCallCenter
            | LiveKind::ZccAgents
            | LiveKind::ZccAgentsRemove
            | LiveKind::Review
            | LiveKind::ReportExport => StepKind::Automated,
            LiveKind::SfPreflight => StepKind::Manual,
            LiveKind::DirectorySync | LiveKind::PresenceRule | LiveKind::ZccStatusMap => {
                StepKind::Editor
            }
        }
    }
}

/// A live list a text field's value can be picked from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum FieldSource {
    CxoneAgents,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: Text,
    /// https URL, possibly with `{{field-id}}` placeholders.
    pub url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CopyFormat {
    #[default]
    Text,
    Xml,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Copy {
    pub id: String,
    pub label: Text,
    /// Fixed text or a template over the flow's fields (`{{field-id}}`); never localized.
    pub value: String,
    pub target: Option<Text>,
    #[serde(default)]
    pub format: CopyFormat,
    pub when: Option<When>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Secret,
    Multiline,
    Choice,
    /// A list of country calling codes, edited one code at a time (rule `country_codes`).
    CountryCodes,
    /// The agents to enable, ticked in the agents table of the step (rule `email_list`): never
    /// typed, so an e-mail is never entered twice.
    Agents,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
    pub kind: FieldKind,
    pub rule: Rule,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    pub source: Option<FieldSource>,
    /// A setting of the profile's connection that already holds this value, as
    /// `<vendor>.<setting>` (e.g. `salesforce.myDomainHost`): shown and used until the admin
    /// types another, so no value is entered twice.
    pub from_connection: Option<String>,
}

impl Field {
    /// The connection and the setting (or secret) that `from_connection` names.
    pub fn connection_source(&self) -> Option<(Vendor, &str)> {
        let (vendor, key) = self.from_connection.as_deref()?.split_once('.')?;
        let vendor = Vendor::ALL.into_iter().find(|v| v.as_str() == vendor)?;
        Some((vendor, key))
    }

    pub fn option_values(&self) -> Vec<&str> {
        self.options.iter().map(|o| o.value.as_str()).collect()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub value: String,
    pub label: Text,
}

/// Shown only when the choice field `field` holds one of `any`. Nothing chosen yet hides it: a
/// flow asks its [`Flow::choices`] first, then shows only what applies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    pub field: String,
    pub any: Vec<String>,
}

impl When {
    pub fn holds(&self, values: &HashMap<String, String>) -> bool {
        match values.get(&self.field).map(String::as_str) {
            // A kind's preparation shows once the plan holds that kind, and a step behind a
            // choice once the admin has chosen: neither is listed (nor counted) before.
            None | Some("") => false,
            // A derived list (the kinds a plan holds) is comma-separated: any of them will do.
            Some(value) => value
                .split(',')
                .any(|item| self.any.iter().any(|v| v == item.trim())),
        }
    }
}

impl Flow {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn fields(&self) -> impl Iterator<Item = (&Step, &Field)> {
        self.steps
            .iter()
            .flat_map(|s| s.fields.iter().map(move |f| (s, f)))
    }

    pub fn field(&self, id: &str) -> Option<(&Step, &Field)> {
        self.fields().find(|(_, f)| f.id == id)
    }
}

const SOURCES: &[(&str, &str)] = &[
    (
        "zoom-directory-sync",
        include_str!("../catalogue/zoom-directory-sync.json"),
    ),
    (
        "cxone-salesforce-presence",
        include_str!("../catalogue/cxone-salesforce-presence.json"),
    ),
    (
        "genesys-data-actions",
        include_str!("../catalogue/genesys-data-actions.json"),
    ),
    (
        "zoom-contact-center-salesforce",
        include_str!("../catalogue/zoom-contact-center-salesforce.json"),
    ),
    (
        "review-report",
        include_str!("../catalogue/review-report.json"),
    ),
];

static FLOWS: LazyLock<Vec<Flow>> = LazyLock::new(|| {
    let mut flows: Vec<Flow> = SOURCES
        .iter()
        .map(|(name, json)| {
            // The catalogue ships inside the binary and is checked by the tests below, so a
            // parse failure here is a build defect, not a user-facing condition.
            serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("catalogue/{name}.json is invalid: {e}"))
        })
        .collect();
    flows.sort_by_key(|f| f.order);
    flows
});

/// Every flow, in catalogue order.
pub fn flows() -> &'static [Flow] {
    &FLOWS
}

pub fn flow(id: &str) -> Option<&'static Flow> {
    FLOWS.iter().find(|f| f.id == id)
}

/// The `{{field-id}}` placeholders of a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start + 2..].find("}}") else {
            break;
        };
        found.push(rest[start + 2..start + 2 + end].trim());
        rest = &rest[start + 2 + end + 2..];
    }
    found
}

/// Problems with the catalogue's structure: ids, references, kinds. Empty when sound.
pub fn structural_problems(flow: &Flow) -> Vec<String> {
    let mut problems = Vec::new();
    let mut step_ids = BTreeSet::new();
    let mut field_ids = BTreeSet::new();
    for step in &flow.steps {
        if !step_ids.insert(step.id.as_str()) {
            problems.push(format!("{}: step id {} repeated", flow.id, step.id));
        }
        if step.instructions.is_empty() {
            problems.push(format!("{}/{}: no instructions", flow.id, step.id));
        }
        if step.warning_levels.len() != step.warnings.len() {
            problems.push(format!(
                "{}/{}: {} warnings but {} warning_levels",
                flow.id,
                step.id,
                step.warnings.len(),
                step.warning_levels.len()
            ));
        }
        if let Some(live) = step.live
            && live.step_kind() != step.kind
        {
            problems.push(format!(
                "{}/{}: live {live:?} on a {:?} step",
                flow.id, step.id, step.kind
            ));
        }
        for field in &step.fields {
            if !field_ids.insert(field.id.as_str()) {
                problems.push(format!("{}: field id {} repeated", flow.id, field.id));
            }
            if field.from_connection.is_some() && field.connection_source().is_none() {
                problems.push(format!(
                    "{}: {} from_connection names no connection",
                    flow.id, field.id
                ));
            }
            if (field.kind == FieldKind::Choice) == field.options.is_empty() {
                problems.push(format!(
                    "{}: {} options must go with kind choice",
                    flow.id, field.id
                ));
            }
            if (field.kind == FieldKind::CountryCodes) != (field.rule == Rule::CountryCodes) {
                problems.push(format!(
                    "{}: {} the country_codes kind goes with the country_codes rule",
                    flow.id, field.id
                ));
            }
            // The agents kind is edited by the agents table alone: without it, nothing could set it.
            if field.kind == FieldKind::Agents
                && (field.rule != Rule::EmailList || step.live != Some(LiveKind::ZccAgents))
            {
                problems.push(format!(
                    "{}: {} the agents kind goes with the email_list rule on a zcc-agents step",
                    flow.id, field.id
                ));
            }
            // A secret may also be a key file (JSON); a non-secret field never takes the secret rule.
            let secret_rule = matches!(field.rule, Rule::Secret | Rule::JsonObject);
            if (field.kind == FieldKind::Secret && !secret_rule)
                || (field.kind != FieldKind::Secret && field.rule == Rule::Secret)
            {
                problems.push(format!(
                    "{}: {} secret kind and rule disagree",
                    flow.id, field.id
                ));
            }
        }
    }
    for step in &flow.steps {
        for pending in &step.pending_on {
            let earlier_or_any = flow.step(pending).is_some();
            if !earlier_or_any || pending == &step.id {
                problems.push(format!(
                    "{}/{}: pending on unknown {pending}",
                    flow.id, step.id
                ));
            }
        }
        let whens = step
            .when
            .iter()
            .chain(step.copies.iter().filter_map(|c| c.when.as_ref()));
        for when in whens {
            match flow.field(&when.field) {
                Some((_, f)) if f.kind == FieldKind::Choice => {
                    if !flow.choices.contains(&f.id) {
                        problems.push(format!(
                            "{}: {} gates steps but is not in the flow's choices",
                            flow.id, f.id
                        ));
                    }
                    for v in &when.any {
                        if !f.options.iter().any(|o| &o.value == v) {
                            problems.push(format!("{}: when {}={v} unknown", flow.id, f.id));
                        }
                    }
                }
                // The kinds of a data-actions plan: a value the core derives, not a field.
                None if when.field == DERIVED_KINDS => {
                    for v in &when.any {
                        if serde_json::from_value::<crate::data_actions::kinds::Kind>(
                            serde_json::Value::String(v.clone()),
                        )
                        .is_err()
                        {
                            problems.push(format!("{}: when {}={v} unknown", flow.id, when.field));
                        }
                    }
                }
                _ => problems.push(format!("{}: when on non-choice {}", flow.id, when.field)),
            }
        }
        // Copies may be built from secrets (copied from the keychain on an explicit click);
        // links never are.
        let links = step.links.iter().map(|l| (l.url.as_str(), false));
        for (template, secrets_allowed) in
            links.chain(step.copies.iter().map(|c| (c.value.as_str(), true)))
        {
            for name in placeholders(template) {
                match flow.field(name) {
                    None => {
                        problems.push(format!("{}/{}: {{{{{name}}}}} unknown", flow.id, step.id))
                    }
                    Some((_, f)) if f.kind == FieldKind::Secret && !secrets_allowed => problems
                        .push(format!(
                            "{}/{}: link built from secret {name}",
                            flow.id, step.id
                        )),
                    Some(_) => {}
                }
            }
        }
    }
    for choice in &flow.choices {
        if !matches!(flow.field(choice), Some((_, f)) if f.kind == FieldKind::Choice) {
            problems.push(format!("{}: choice {choice} is no choice field", flow.id));
        }
    }
    problems
}

/// Every localized text of a flow with a path naming where it is, for the language checks.
pub fn texts(flow: &Flow) -> Vec<(String, &Text)> {
    let mut out = vec![(format!("{}.title", flow.id), &flow.title)];
    out.push((format!("{}.summary", flow.id), &flow.summary));
    for step in &flow.steps {
        let at = format!("{}/{}", flow.id, step.id);
        out.push((format!("{at}.title"), &step.title));
        for (i, t) in step.instructions.iter().enumerate() {
            out.push((format!("{at}.instructions[{i}]"), t));
        }
        for (i, t) in step.warnings.iter().enumerate() {
            out.push((format!("{at}.warnings[{i}]"), t));
        }
        for l in &step.links {
            out.push((format!("{at}.link {}", l.url), &l.label));
        }
        for c in &step.copies {
            out.push((format!("{at}.copy {}", c.id), &c.label));
            if let Some(t) = &c.target {
                out.push((format!("{at}.copy {}.target", c.id), t));
            }
        }
        for f in &step.fields {
            out.push((format!("{at}.field {}", f.id), &f.label));
            if let Some(h) = &f.help {
                out.push((format!("{at}.field {}.help", f.id), h));
            }
            for o in &f.options {
                out.push((format!("{at}.field {}.option {}", f.id, o.value), &o.label));
            }
        }
    }
    out
}
