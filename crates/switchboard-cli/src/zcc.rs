//! `switchboard-cli zcc …`: Zoom Contact Center ↔ Salesforce. `call-center` prints the import
//! XML of Setup › Call Centers (the SSO definition with `--sso HOST`), offline; `agents` prints
//! each agent's three places (permission set, call center, Zoom client integration) and who is
//! unmatched, exit 0 when nothing is to do and 2 otherwise; `agents apply` fixes every ✗ (or,
//! with `--remove`, undoes them), exit 0 when every write went through, 1 otherwise.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use switchboard_core::storage::apply_runs::Unfinished;
use switchboard_core::switchboard::zcc::{AgentTarget, AgentsView, call_center_definition};
use switchboard_core::zcc::agents::{Direction, Outcome, Place, Role, Unmatched};
use switchboard_core::{Error, Switchboard};

use crate::explain::with_code;
use crate::with_vendors;

#[derive(Subcommand)]
pub enum ZccCommand {
    /// The call center's import XML on standard output (Setup › Call Centers › Import)
    CallCenter {
        /// The Zoom vanity host for the SSO definition (e.g. acme.zoom.us)
        #[arg(long, value_name = "HOST")]
        sso: Option<String>,
        /// The Metadata API's CallCenter file instead of the import XML
        #[arg(long)]
        metadata: bool,
    },
    /// Each agent's permission set, call center and Zoom client integration (exit 2 while
    /// something is to do); `agents apply` fixes every ✗ through the APIs (or undoes every ✓
    /// with --remove)
    Agents {
        /// `apply`: make the writes the table plans
        #[arg(value_parser = ["apply"])]
        action: Option<String>,
        #[command(flatten)]
        target: TargetArgs,
        /// An earlier apply stopped with another plan: finish that one first
        #[arg(long, conflicts_with = "discard_earlier", requires = "action")]
        resume_earlier: bool,
        /// An earlier apply stopped with another plan: keep it on record and apply this one
        #[arg(long, requires = "action")]
        discard_earlier: bool,
    },
}

#[derive(Args)]
pub struct TargetArgs {
    #[arg(long)]
    profile: String,
    /// The call center's Internal Name
    #[arg(long, default_value = "zoomcontactcenter")]
    call_center: String,
    /// The Zoom Contact Center connection name agents point to
    #[arg(long, default_value = "Salesforce")]
    connection_name: String,
    /// Give new agents "Zoom Contact Center Admin" instead of "… Agent"
    #[arg(long)]
    admin: bool,
    /// Only these agents (by e-mail; repeat the option)
    #[arg(long = "agent", value_name = "EMAIL")]
    agents: Vec<String>,
    /// Plan the removal (client integration, call center, permission sets) instead
    #[arg(long)]
    remove: bool,
}

impl TargetArgs {
    fn target(&self) -> AgentTarget {
        AgentTarget {
            call_center: self.call_center.clone(),
            connection_name: self.connection_name.clone(),
            role: if self.admin { Role::Admin } else { Role::Agent },
            only: (!self.agents.is_empty()).then(|| self.agents.clone()),
        }
    }

    fn direction(&self) -> Direction {
        if self.remove {
            Direction::Remove
        } else {
            Direction::Enable
        }
    }
}

/// `call-center` needs neither a profile nor the database.
pub fn is_offline(command: &ZccCommand) -> bool {
    matches!(command, ZccCommand::CallCenter { .. })
}

/// Runs `call-center`; `None` for the commands that need the database.
pub fn run_offline(command: &ZccCommand) -> Option<switchboard_core::Result<bool>> {
    let ZccCommand::CallCenter { sso, metadata } = command else {
        return None;
    };
    Some(call_center_definition(sso.as_deref()).map(|definition| {
        if *metadata {
            print!("{}", definition.metadata_xml());
        } else {
            print!("{}", definition.import_xml());
        }
        true
    }))
}

fn place(place: &Place) -> String {
    match place {
        Place::Set => "✓".to_owned(),
        Place::Missing => "✗".to_owned(),
        Place::Elsewhere { what } => format!("✗ ({what})"),
    }
}

fn reason(reason: Unmatched) -> &'static str {
    match reason {
        Unmatched::NotInZoomContactCenter => "no Zoom Contact Center user with this e-mail",
        Unmatched::NotInSalesforce => "no Salesforce user with this e-mail",
        Unmatched::InactiveInSalesforce => "the Salesforce user is inactive",
        Unmatched::DuplicateEmail => "several users share this e-mail",
    }
}

fn print_view(view: &AgentsView) {
    println!("e-mail\tpermission set\tcall center\tZoom client integration");
    // The agents named with --agent (every matched user without it).
    for row in view.table.rows.iter().filter(|r| r.chosen) {
        println!(
            "{}\t{}\t{}\t{}",
            row.email,
            place(&row.permission_set),
            place(&row.call_center),
            place(&row.client_integration)
        );
    }
    for user in &view.table.unmatched {
        println!(
            "unmatched ({}): {}: {}",
            user.side,
            user.email,
            reason(user.reason)
        );
    }
    for problem in &view.problems {
        println!("cannot plan: {}", with_code(problem.code.as_str()));
    }
    println!("{} writes to make", view.plan.actions.len());
}

fn print_json(value: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("serialises")
    );
}

pub fn run(
    core: &Switchboard,
    command: &ZccCommand,
    json: bool,
) -> switchboard_core::Result<ExitCode> {
    let ZccCommand::Agents {
        action,
        target,
        resume_earlier,
        discard_earlier,
    } = command
    else {
        return Err(Error::not_found("an online zcc command"));
    };
    match action {
        None => {
            let profile = core.profile_by_name(&target.profile)?;
            let view = {
                let chosen = target.target();
                with_vendors(|| core.zcc_agents(profile.id, &chosen, target.direction()))?
            };
            if json {
                print_json(&view);
            } else {
                print_view(&view);
            }
            Ok(if view.plan.actions.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
        Some(_) => {
            let profile = core.profile_by_name(&target.profile)?;
            let unfinished = match (resume_earlier, discard_earlier) {
                (true, _) => Some(Unfinished::Resume),
                (_, true) => Some(Unfinished::Discard),
                _ => None,
            };
            let chosen = target.target();
            let applied = with_vendors(|| {
                core.zcc_agents_apply(profile.id, &chosen, target.direction(), unfinished)
            })?;
            if json {
                print_json(&applied);
            } else {
                for outcome in &applied.outcomes {
                    let what = match &outcome.outcome {
                        Outcome::Done => "done".to_owned(),
                        Outcome::AlreadyDone => "already so".to_owned(),
                        Outcome::Refused {
                            error_code,
                            message,
                        } => format!("refused ({error_code}: {message}); do it by hand"),
                    };
                    println!("{}: {}: {what}", outcome.email, outcome.place);
                }
                if let Some(failure) = &applied.failure {
                    eprintln!(
                        "switchboard-cli: the apply stopped: {}; run the same command with --resume-earlier to finish it",
                        with_code(failure.code.as_str())
                    );
                }
                print_view(&applied.after);
            }
            let refused = applied
                .outcomes
                .iter()
                .any(|o| matches!(o.outcome, Outcome::Refused { .. }));
            Ok(if applied.failure.is_none() && !refused {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}
