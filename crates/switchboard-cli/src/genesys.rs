//! `switchboard-cli genesys …`: Genesys Cloud data actions as code. A plan file is the JSON the
//! app keeps (documented in README.md: integrations with their kind, name, credential type and
//! non-secret fields; each secret `{"from": "env", "var": "NAME"}` or `{"from": "keychain"}`,
//! never a value). Exit status: `plan` 0 when nothing is to do, 2 when the apply would change
//! something, 1 when the plan cannot be applied; `apply` 0 when every integration is active,
//! 1 otherwise; `list` and `export` 0.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use switchboard_core::data_actions::plan::{self as data_plan, DataActionsPlan, Step};
use switchboard_core::locale::Locale;
use switchboard_core::storage::apply_runs::Unfinished;
use switchboard_core::{Error, Switchboard};

use crate::explain::with_code;
use crate::files;
use crate::with_vendors;

const FLOW: &str = "genesys-data-actions";

#[derive(Subcommand)]
pub enum GenesysCommand {
    /// Check a plan file and show what applying it would do (exit 0: nothing to do, 2: changes,
    /// 1: it cannot be applied)
    Plan {
        file: PathBuf,
        #[arg(long)]
        profile: String,
    },
    /// Apply a plan file: it becomes the profile's plan, then each integration is created or
    /// completed and activated (exit 1 unless every one ends active)
    Apply {
        file: PathBuf,
        #[arg(long)]
        profile: String,
        /// An earlier apply stopped with another plan: finish that one first
        #[arg(long, conflicts_with = "discard_earlier")]
        resume_earlier: bool,
        /// An earlier apply stopped with another plan: keep it on record and apply this file
        #[arg(long)]
        discard_earlier: bool,
    },
    /// The org's data-action integrations and their state
    List {
        #[arg(long)]
        profile: String,
    },
    /// The org's data-action integrations as a plan file (secrets named as environment
    /// variables, never their values)
    Export {
        #[arg(long)]
        profile: String,
        /// Write here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

fn read_plan(path: &Path) -> switchboard_core::Result<DataActionsPlan> {
    let text = files::read_text(path)?;
    serde_json::from_str(&text).map_err(|e| {
        Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: not a data-actions plan: {e}", path.display()),
        ))
    })
}

/// Prints the plan's offline problems; true when there are none.
fn report_problems(plan: &DataActionsPlan, path: &Path) -> bool {
    let problems = data_plan::check(plan);
    for problem in &problems {
        let name = plan
            .integrations
            .get(problem.index)
            .map_or("?", |i| i.name.as_str());
        eprintln!(
            "switchboard-cli: {}: integration {} ({name}): {}: {}",
            path.display(),
            problem.index + 1,
            problem.field,
            with_code(problem.error.code)
        );
    }
    problems.is_empty()
}

fn env(var: &str) -> Option<String> {
    std::env::var(var).ok().filter(|v| !v.is_empty())
}

pub fn run(
    core: &Switchboard,
    command: &GenesysCommand,
    json: bool,
) -> switchboard_core::Result<ExitCode> {
    match command {
        GenesysCommand::Plan { file, profile } => {
            let profile = core.profile_by_name(profile)?;
            let plan = read_plan(file)?;
            if !report_problems(&plan, file) {
                return Ok(ExitCode::FAILURE);
            }
            let preview = with_vendors(|| core.preview_plan(profile.id, &plan))?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&preview).expect("serialises")
                );
            } else {
                // The OAuth client's permissions come first: they block every item alike.
                for finding in &preview.preflight {
                    let label = if finding.blocking {
                        "cannot apply"
                    } else {
                        "not checked"
                    };
                    let code = finding.failure.code.as_str();
                    let detail = finding.failure.params.get("permissions");
                    match detail.and_then(|p| p.as_str()) {
                        Some(permissions) => {
                            println!("{label}: {} ({permissions})", with_code(code));
                        }
                        None => println!("{label}: {}", with_code(code)),
                    }
                }
                for item in &preview.items {
                    let step = match item.step {
                        Step::Create => "create",
                        Step::Complete => "complete",
                        Step::UpToDate => "up to date",
                    };
                    println!("{}: {step}", item.name);
                    for problem in &item.problems {
                        println!("  cannot apply: {}", with_code(problem.code.as_str()));
                    }
                }
            }
            Ok(if !preview.ready {
                ExitCode::FAILURE
            } else if preview.items.iter().all(|i| i.step == Step::UpToDate) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
        GenesysCommand::Apply {
            file,
            profile,
            resume_earlier,
            discard_earlier,
        } => {
            let profile = core.profile_by_name(profile)?;
            let plan = read_plan(file)?;
            if !report_problems(&plan, file) {
                return Ok(ExitCode::FAILURE);
            }
            let unfinished = match (resume_earlier, discard_earlier) {
                (true, _) => Some(Unfinished::Resume),
                (_, true) => Some(Unfinished::Discard),
                _ => None,
            };
            core.save_data_actions_plan(profile.id, FLOW, &plan)?;
            let applied = with_vendors(|| {
                core.apply_data_actions(profile.id, FLOW, Locale::En, unfinished, &env)
            })?;
            if json {
                let out = serde_json::json!({
                    "runId": applied.run_id,
                    "outcomes": applied.outcomes,
                    "failure": applied.failure,
                });
                println!(
                    "{}",
                    serde_json::to_string_pretty(&out).expect("serialises")
                );
            } else {
                for outcome in &applied.outcomes {
                    let done: Vec<&str> = [
                        (outcome.created, "created"),
                        (outcome.credential_created, "credential created"),
                        (outcome.configured, "configured"),
                        (outcome.enabled, "enabled"),
                    ]
                    .iter()
                    .filter_map(|(did, what)| did.then_some(*what))
                    .collect();
                    let state = outcome.state.map_or("not reached", |s| s.as_str());
                    let done = if done.is_empty() {
                        "nothing to do".into()
                    } else {
                        done.join(", ")
                    };
                    println!("{}: {done}; {state}", outcome.name);
                }
                if let Some(failure) = &applied.failure {
                    eprintln!(
                        "switchboard-cli: the apply stopped: {}; run the same command again to resume",
                        with_code(failure.code.as_str())
                    );
                }
            }
            Ok(if applied.failure.is_none() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        GenesysCommand::List { profile } => {
            let profile = core.profile_by_name(profile)?;
            let listed = with_vendors(|| core.data_action_integrations(profile.id))?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&listed).expect("serialises")
                );
            } else {
                for i in &listed {
                    let state = i.reported.as_str();
                    let credential = if i.credential_set {
                        "credential set"
                    } else {
                        "no credential"
                    };
                    println!(
                        "{}\t{}\t{}\t{credential}\t{}",
                        i.name, i.type_id, state, i.id
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        GenesysCommand::Export { profile, output } => {
            let profile = core.profile_by_name(profile)?;
            let plan = with_vendors(|| core.export_data_actions(profile.id))?;
            let text = serde_json::to_string_pretty(&plan).expect("serialises") + "\n";
            match output {
                Some(path) => std::fs::write(path, text)?,
                None => print!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
