//! The agents' apply, on top of the vendors: the three places read from Salesforce and Zoom as
//! one table with its plan ([`read`]), and the plan's writes made one by one ([`apply`]), each
//! outcome recorded before the next write so a crash resumes after the last one recorded. A
//! write whose answer was lost is found already done when resumed (a duplicate assignment, an
//! assignment gone); the others set a value and are simply made again.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::connection::{Code, Failure};
use crate::error::{Error, FailureReply, Result};
use crate::vendors::salesforce::session::SalesforceSession;
use crate::vendors::zoom::session::ZoomDirectory;
use crate::zcc::agents::{
    self, Action, ActionOutcome, AgentPlan, AgentTable, Direction, OrgFacts, Outcome, Role,
    SALESFORCE_INTEGRATION, email_key,
};

/// Which agents, and where they go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgentTarget {
    /// The call center's Internal Name (`zoomcontactcenter`, or `zccsso` with SSO).
    pub call_center: String,
    /// The Zoom Contact Center connection name (seed: "Salesforce").
    pub connection_name: String,
    pub role: Role,
    /// The agents chosen, by e-mail; `None` is every matched user.
    pub only: Option<Vec<String>>,
}

impl Default for AgentTarget {
    fn default() -> Self {
        AgentTarget {
            call_center: "zoomcontactcenter".to_owned(),
            connection_name: "Salesforce".to_owned(),
            role: Role::Agent,
            only: None,
        }
    }
}

/// The agents' table and the plan that would fix (or undo) it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgentsView {
    pub table: AgentTable,
    pub plan: AgentPlan,
    /// What keeps the plan from covering everything (the call center not deployed yet).
    pub problems: Vec<FailureReply>,
}

/// Saves the outcomes so far (the database in the app, a list in the fault matrix).
pub trait Progress {
    fn record(&mut self, outcomes: &[ActionOutcome]) -> Result<()>;
}

/// Makes the writes of `plan` not in `done` yet, in order, recording after each; the outcomes
/// of the whole plan so far. A vendor failure stops the run (Error::Vendor), to resume.
pub async fn apply(
    session: &SalesforceSession,
    zoom: &ZoomDirectory,
    plan: &AgentPlan,
    mut outcomes: Vec<ActionOutcome>,
    progress: &mut (dyn Progress + Send),
) -> Result<Vec<ActionOutcome>> {
    for (index, action) in plan.actions.iter().enumerate() {
        if outcomes.iter().any(|o| o.index == index) {
            continue;
        }
        let outcome = write(session, zoom, action).await?;
        outcomes.push(ActionOutcome {
            index,
            email: action.email().to_owned(),
            place: action.place().to_owned(),
            outcome,
        });
        progress.record(&outcomes)?;
    }
    outcomes.sort_by_key(|o| o.index);
    Ok(outcomes)
}

/// One write of the plan.
async fn write(
    session: &SalesforceSession,
    zoom: &ZoomDirectory,
    action: &Action,
) -> Result<Outcome> {
    Ok(match action {
        Action::AssignPermissionSet {
            user_id,
            permission_set_id,
            ..
        } => session.assign(user_id, permission_set_id).await?,
        Action::RemovePermissionSet { assignment_id, .. } => {
            session.unassign(assignment_id).await?
        }
        Action::SetCallCenter {
            user_id,
            call_center_id,
            ..
        } => {
            session
                .set_call_center(user_id, call_center_id.as_deref())
                .await?
        }
        Action::SetClientIntegration {
            zoom_user_id,
            client_integration,
            connection_name,
            ..
        } => {
            zoom.set_client_integration(
                zoom_user_id,
                client_integration,
                connection_name.as_deref(),
            )
            .await?
        }
    })
}

/// Reads the three places and plans `direction`.
pub async fn read(
    session: &SalesforceSession,
    zoom: &ZoomDirectory,
    target: &AgentTarget,
    direction: Direction,
) -> Result<AgentsView> {
    let sets = session.package_sets().await?;
    if sets.admin.is_none() && sets.agent.is_none() {
        return Err(Error::Vendor(Failure::new(
            Code::SalesforceZccPermissionSetsMissing,
        )));
    }
    let centers = session.call_centers().await?;
    let ids: Vec<&str> = [&sets.admin, &sets.agent]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let assignments = session.assignments(&ids).await?;
    let users = session.users().await?;
    let mut zoom_users = zoom.contact_center_users().await?;
    // The connection name is only in each user's own record: read where it decides the mark.
    for user in zoom_users
        .iter_mut()
        .filter(|u| u.client_integration == SALESFORCE_INTEGRATION)
    {
        user.client_integration_name = Some(zoom.client_integration_name(&user.id).await?);
    }
    let facts = OrgFacts {
        admin_set_id: sets.admin,
        agent_set_id: sets.agent,
        call_center_id: centers
            .iter()
            .find(|c| c.internal_name == target.call_center)
            .map(|c| c.id.clone()),
        call_center: target.call_center.clone(),
        other_call_centers: centers
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        connection_name: target.connection_name.clone(),
    };
    let mut table = agents::table(&users, &zoom_users, &assignments, &facts);
    // Every matched user stays in the table, so the admin can choose among them; the plan
    // covers the chosen ones only.
    if let Some(only) = &target.only {
        let chosen: Vec<String> = only.iter().map(|e| email_key(e)).collect();
        for row in &mut table.rows {
            row.chosen = chosen.contains(&email_key(&row.email));
        }
    }
    let chosen: Vec<_> = table.rows.iter().filter(|r| r.chosen).cloned().collect();
    let plan = agents::plan(&chosen, &facts, target.role, direction);
    let mut problems = Vec::new();
    if facts.call_center_id.is_none() && direction == Direction::Enable {
        problems.push(FailureReply::from(
            Failure::new(Code::SalesforceCallCenterMissing)
                .with("internalName", target.call_center.clone()),
        ));
    }
    Ok(AgentsView {
        table,
        plan,
        problems,
    })
}
