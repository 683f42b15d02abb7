//! Zoom Contact Center ↔ Salesforce (seed 003), one method per user action: the prerequisites
//! checked live, the package verified, a call center generated and deployed (nothing sent when
//! the org already holds it), and the agents' three places read as one table, then fixed (or
//! undone, for removal) by one claimed, journalled apply that resumes after a crash.

use serde::Serialize;
use ts_rs::TS;

use super::Switchboard;
use std::time::SystemTime;

use crate::connection::{Code, ConnectionSettings, Diagnosis, Failure};
use crate::error::{Error, FailureReply, Result};
use crate::failure::Params;
use crate::storage::apply_runs::{self, Unfinished};
use crate::storage::journal;
use crate::vendor::Vendor;
use crate::vendors::http::Http;
use crate::vendors::salesforce::session::SalesforceSession;
use crate::vendors::salesforce::zcc::{CallCenter, InstalledPackage, ZCC_PACKAGE_NAME};
use crate::vendors::zoom::session::{ZoomApp, ZoomDirectory};
use crate::zcc::agents::{ActionOutcome, AgentPlan, Direction, Outcome};
use crate::zcc::apply::{self, Progress, read};

pub use crate::zcc::apply::{AgentTarget, AgentsView};
use crate::zcc::call_center::{CallCenterDefinition, VanityHost, Variant};

/// The `apply_runs` kinds of the agents' apply and of its removal.
pub const AGENTS_RUN: &str = "zcc-agents";
pub const REMOVAL_RUN: &str = "zcc-agents-removal";

/// One prerequisite and how it went.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Prerequisite {
    /// `salesforce_api`, `omni_channel`, `admin_rights`, `zoom_contact_center_users`.
    pub id: String,
    pub passed: bool,
    /// Not run because an earlier check it needs failed.
    pub skipped: bool,
    pub failure: Option<FailureReply>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Prerequisites {
    pub ok: bool,
    pub checks: Vec<Prerequisite>,
}

/// A call center deployed, or found already identical.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallCenterDeployed {
    /// False when the org already held this definition: nothing was deployed.
    pub changed: bool,
    pub deploy_id: Option<String>,
    /// As the `CallCenter` query reads it after the deploy.
    pub call_center: CallCenter,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgentsApplied {
    pub run_id: i64,
    pub outcomes: Vec<ActionOutcome>,
    /// Why the run stopped before the end (it resumes from where it stopped).
    pub failure: Option<FailureReply>,
    /// The three places read again after the apply.
    pub after: AgentsView,
}

/// The SSO host given, the SSO definition; else the standard one.
pub fn call_center_definition(sso_host: Option<&str>) -> Result<CallCenterDefinition> {
    let variant = match sso_host {
        None => Variant::Standard,
        Some(host) => Variant::Sso {
            host: VanityHost::parse(host).map_err(|e| Error::invalid("ssoHost", e))?,
        },
    };
    Ok(variant.definition())
}

fn pass(id: &str) -> Prerequisite {
    Prerequisite {
        id: id.to_owned(),
        passed: true,
        skipped: false,
        failure: None,
    }
}

fn fail(id: &str, failure: Failure) -> Prerequisite {
    Prerequisite {
        id: id.to_owned(),
        passed: false,
        skipped: false,
        failure: Some(failure.into()),
    }
}

fn skip(id: &str) -> Prerequisite {
    Prerequisite {
        id: id.to_owned(),
        passed: false,
        skipped: true,
        failure: None,
    }
}

fn vendor_failure(error: Error) -> Result<Failure> {
    match error {
        Error::Vendor(failure) => Ok(failure),
        other => Err(other),
    }
}

impl Switchboard {
    /// The Salesforce connection's settings and a session on them (`apply` waits out limits).
    async fn zcc_salesforce(
        &self,
        profile_id: i64,
        apply: bool,
    ) -> Result<(String, SalesforceSession)> {
        let (settings, secrets) = self
            .connection_inputs(profile_id, Vendor::Salesforce)
            .await?;
        let ConnectionSettings::Salesforce(settings) = settings else {
            return Err(Error::ConnectionMissing(Vendor::Salesforce));
        };
        let http = if apply {
            Http::for_apply(settings.endpoints.practice)?
        } else {
            Http::for_connection(settings.endpoints.practice)?
        };
        let session =
            SalesforceSession::open(&settings, &secrets, http.redacting(secrets.values())).await?;
        Ok((settings.username.clone(), session))
    }

    /// The Zoom connection's app, for Contact Center users and statuses (`apply`: waits out
    /// rate-limit windows, for a bulk apply).
    pub(super) async fn zcc_zoom(&self, profile_id: i64, apply: bool) -> Result<ZoomDirectory> {
        let (settings, secrets) = self.connection_inputs(profile_id, Vendor::Zoom).await?;
        let ConnectionSettings::Zoom(settings) = settings else {
            return Err(Error::ConnectionMissing(Vendor::Zoom));
        };
        let client_secret = secrets
            .get("client-secret")
            .cloned()
            .ok_or(Error::ConnectionMissing(Vendor::Zoom))?;
        let app = ZoomApp {
            account_id: settings.account_id.clone(),
            client_id: settings.client_id.clone(),
            client_secret: client_secret.clone(),
        };
        let practice = settings.endpoints.practice;
        let http = if apply {
            Http::for_apply(practice)?
        } else {
            Http::for_connection(practice)?
        };
        Ok(
            ZoomDirectory::open(&settings.endpoints, &app, http.redacting([&client_secret]))
                .await?,
        )
    }

    /// The prerequisites, each checked live: API access (a session and a query), Omni-Channel
    /// (a `ServicePresenceStatus` query), the connected user's admin rights, and Zoom Contact
    /// Center users in the Zoom account. Each failure carries its diagnosis code.
    pub async fn zcc_prerequisites(&self, profile_id: i64) -> Result<Prerequisites> {
        let mut checks = Vec::new();
        match self.zcc_salesforce(profile_id, false).await {
            Err(error) => {
                checks.push(fail("salesforce_api", vendor_failure(error)?));
                checks.extend(["omni_channel", "admin_rights"].map(skip));
            }
            Ok((username, session)) => match session.admin_rights(&username).await {
                Err(failure) => {
                    checks.push(fail("salesforce_api", failure));
                    checks.extend(["omni_channel", "admin_rights"].map(skip));
                }
                Ok(rights) => {
                    checks.push(pass("salesforce_api"));
                    checks.push(match session.presence_statuses().await {
                        Ok(_) => pass("omni_channel"),
                        Err(failure) => fail("omni_channel", failure),
                    });
                    checks.push(if rights.admin {
                        pass("admin_rights")
                    } else {
                        let failure =
                            Failure::new(Code::SalesforceNotAdmin).with("profile", rights.profile);
                        fail("admin_rights", failure)
                    });
                }
            },
        }
        let zoom = async {
            let zoom = self.zcc_zoom(profile_id, false).await?;
            Ok::<_, Error>(zoom.contact_center_users().await?)
        };
        checks.push(match zoom.await {
            Ok(users) if users.is_empty() => fail(
                "zoom_contact_center_users",
                Failure::new(Code::ZoomContactCenterUsersMissing),
            ),
            Ok(_) => pass("zoom_contact_center_users"),
            Err(error) => fail("zoom_contact_center_users", vendor_failure(error)?),
        });
        let ok = checks.iter().all(|c| c.passed);
        let failed: Vec<&str> = checks
            .iter()
            .filter(|c| !c.passed)
            .map(|c| c.id.as_str())
            .collect();
        journal::record(
            &self.db(),
            Some(profile_id),
            Some("salesforce"),
            "zcc.prerequisites",
            if ok { "ok" } else { "failed" },
            (!ok).then(|| failed.join(",")).as_deref(),
        )?;
        Ok(Prerequisites { ok, checks })
    }

    /// The prerequisites as a verified step's check (`zcc-prerequisites`): a skipped check is
    /// left out, so the check fails on the one it depends on.
    pub(crate) async fn zcc_prerequisites_check(&self, profile_id: i64) -> Result<Diagnosis> {
        let (_, secrets) = self
            .connection_inputs(profile_id, Vendor::Salesforce)
            .await?;
        let checked = self.zcc_prerequisites(profile_id).await?;
        let mut diagnosis = Diagnosis::new(Vendor::Salesforce);
        for check in checked.checks.into_iter().filter(|c| !c.skipped) {
            match check.failure {
                None => diagnosis.pass(&check.id, Params::new()),
                Some(failure) => diagnosis.fail(
                    &check.id,
                    Failure {
                        code: failure.code,
                        params: failure.params,
                    },
                ),
            }
        }
        Ok(diagnosis.finish(SystemTime::now(), &secrets))
    }

    /// The package as a verified step's check (`zcc-package`): its name and version.
    pub(crate) async fn zcc_package_check(&self, profile_id: i64) -> Result<Diagnosis> {
        let (_, secrets) = self
            .connection_inputs(profile_id, Vendor::Salesforce)
            .await?;
        let mut diagnosis = Diagnosis::new(Vendor::Salesforce);
        match self.zcc_package(profile_id).await {
            Ok(package) => diagnosis.pass(
                "package",
                Params::from([
                    ("name".to_owned(), package.name.into()),
                    ("version".to_owned(), package.version.into()),
                ]),
            ),
            Err(error) => diagnosis.fail("package", vendor_failure(error)?),
        }
        Ok(diagnosis.finish(SystemTime::now(), &secrets))
    }

    /// The Zoom Contact Center package as the Tooling API lists it; `salesforce.zcc_package_missing`
    /// when it is not installed.
    pub async fn zcc_package(&self, profile_id: i64) -> Result<InstalledPackage> {
        let (_, session) = self.zcc_salesforce(profile_id, false).await?;
        let packages = session.installed_packages().await?;
        packages
            .into_iter()
            .find(|p| p.name == ZCC_PACKAGE_NAME)
            .ok_or_else(|| Error::Vendor(Failure::new(Code::SalesforceZccPackageMissing)))
    }

    /// Deploys the call center (the SSO one when `sso_host` is given) through the Metadata
    /// API, unless the org already holds it identical; verified by a `CallCenter` query.
    pub async fn zcc_deploy_call_center(
        &self,
        profile_id: i64,
        sso_host: Option<&str>,
    ) -> Result<CallCenterDeployed> {
        let definition = call_center_definition(sso_host)?;
        let internal = definition.internal_name().to_owned();
        let (_, session) = self.zcc_salesforce(profile_id, false).await?;
        let find =
            |centers: Vec<CallCenter>| centers.into_iter().find(|c| c.internal_name == internal);
        let same = |c: &CallCenter| {
            c.name == definition.display_name()
                && c.adapter_url.as_deref() == Some(definition.adapter_url())
        };
        if let Some(existing) = find(session.call_centers().await?).filter(|c| same(c)) {
            journal::record(
                &self.db(),
                Some(profile_id),
                Some("salesforce"),
                "zcc.call_center.deploy",
                "unchanged",
                Some(&internal),
            )?;
            self.zcc_call_center_done(profile_id, sso_host.is_some())?;
            return Ok(CallCenterDeployed {
                changed: false,
                deploy_id: None,
                call_center: existing,
            });
        }
        let deployed = session.deploy(definition.deploy_zip(), &internal).await;
        let outcome = match &deployed {
            Ok(_) => "done",
            Err(_) => "failed",
        };
        journal::record(
            &self.db(),
            Some(profile_id),
            Some("salesforce"),
            "zcc.call_center.deploy",
            outcome,
            Some(&internal),
        )?;
        let deploy_id = deployed?;
        let call_center = find(session.call_centers().await?)
            .filter(|c| same(c))
            .ok_or_else(|| {
                Error::Vendor(
                    Failure::new(Code::SalesforceCallCenterMissing)
                        .with("internalName", internal.clone()),
                )
            })?;
        self.zcc_call_center_done(profile_id, sso_host.is_some())?;
        Ok(CallCenterDeployed {
            changed: true,
            deploy_id: Some(deploy_id),
            call_center,
        })
    }

    /// The agents' three places, read live from both vendors, and the plan for `direction`.
    pub async fn zcc_agents(
        &self,
        profile_id: i64,
        target: &AgentTarget,
        direction: Direction,
    ) -> Result<AgentsView> {
        let (_, session) = self.zcc_salesforce(profile_id, false).await?;
        let zoom = self.zcc_zoom(profile_id, false).await?;
        let view = read(&session, &zoom, target, direction).await?;
        if direction == Direction::Enable {
            self.zcc_agents_done(profile_id, &view.table)?;
        }
        Ok(view)
    }

    /// Applies the plan shown for `direction`: one claimed run, resumed only if its plan is the
    /// plan shown or the admin says so (`unfinished`), each write saved as it ends. A write the
    /// vendor refuses for one agent is that row's outcome; the run goes on.
    pub async fn zcc_agents_apply(
        &self,
        profile_id: i64,
        target: &AgentTarget,
        direction: Direction,
        unfinished: Option<Unfinished>,
    ) -> Result<AgentsApplied> {
        let kind = match direction {
            Direction::Enable => AGENTS_RUN,
            Direction::Remove => REMOVAL_RUN,
        };
        let (_, session) = self.zcc_salesforce(profile_id, true).await?;
        let zoom = self.zcc_zoom(profile_id, true).await?;
        let shown = read(&session, &zoom, target, direction).await?;
        let run_id =
            apply_runs::claim_plan(&mut self.db(), profile_id, kind, &shown.plan, unfinished)?;
        let prepared = (|| {
            let db = self.db();
            let plan: AgentPlan = apply_runs::plan_of(&db, run_id)?;
            let done: Vec<ActionOutcome> = apply_runs::progress_of(&db, run_id)?;
            Ok::<_, Error>((plan, done))
        })();
        let (plan, done) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => {
                apply_runs::release(&self.db(), run_id)?;
                return Err(error);
            }
        };
        let mut saved = RunProgress { core: self, run_id };
        let work = apply::apply(&session, &zoom, &plan, done, &mut saved);
        let ended = self.holding_claim(run_id, work).await;
        let (mut outcomes, failure) = match ended {
            Ok(outcomes) => (outcomes, None),
            Err(Error::Vendor(failure)) => {
                (apply_runs::progress_of(&self.db(), run_id)?, Some(failure))
            }
            Err(other) => {
                // Not the vendor: the run stays unfinished, to resume.
                apply_runs::release(&self.db(), run_id)?;
                return Err(other);
            }
        };
        {
            let db = self.db();
            apply_runs::finish(&db, run_id, failure.as_ref().map(|f| f.code.as_str()))?;
            let refused = outcomes
                .iter()
                .filter(|o| matches!(o.outcome, Outcome::Refused { .. }))
                .count();
            journal::record(
                &db,
                Some(profile_id),
                Some("salesforce"),
                &format!("zcc.{kind}.apply"),
                if failure.is_none() { "done" } else { "failed" },
                Some(&format!(
                    "run {run_id}: {} of {} writes, {refused} refused",
                    outcomes.len(),
                    plan.actions.len()
                )),
            )?;
        }
        let after = read(&session, &zoom, target, direction).await?;
        match direction {
            Direction::Enable => self.zcc_agents_done(profile_id, &after.table)?,
            Direction::Remove if failure.is_none() => {
                self.zcc_agents_removed(profile_id, &after)?
            }
            Direction::Remove => {}
        }
        outcomes.sort_by_key(|o| o.index);
        Ok(AgentsApplied {
            run_id,
            outcomes,
            failure: failure.map(FailureReply::from),
            after,
        })
    }
}

/// The run's progress, saved after each write (the lock taken per save, never across a call).
struct RunProgress<'a> {
    core: &'a Switchboard,
    run_id: i64,
}

impl Progress for RunProgress<'_> {
    fn record(&mut self, outcomes: &[ActionOutcome]) -> Result<()> {
        apply_runs::save_progress(&self.core.db(), self.run_id, outcomes)
    }
}
