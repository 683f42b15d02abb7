//! `switchboard-cli`: Switchboard's profiles and flow progress from a terminal, on the same
//! database and keychain as the desktop app, for support engineers who script onboarding.
//!
//! It only parses arguments and prints; every operation is a call into `switchboard-core`.

mod print;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use switchboard_core::paths::{AppPaths, BuildKind};
use switchboard_core::secrets::KeychainStore;
use switchboard_core::{ErrorReply, Locale, Switchboard};

#[derive(Parser)]
#[command(
    name = "switchboard-cli",
    version,
    about = "Switchboard profiles and flow progress"
)]
struct Cli {
    /// Data folder (default: the desktop app's own for this build)
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print machine-readable JSON
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Customer profiles
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Flow progress
    #[command(subcommand)]
    Flow(FlowCommand),
}

#[derive(Subcommand)]
enum ProfileCommand {
    /// List every profile with its progress per flow
    List,
    /// Create a profile
    Create { name: String },
    /// Show one profile
    Show { name: String },
    /// Delete a profile, its progress and its keychain entries
    Delete {
        name: String,
        /// Confirm the deletion (required: there is no undo)
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum FlowCommand {
    /// Progress of every flow of a profile, or the steps of one flow
    Status {
        #[arg(long)]
        profile: String,
        /// One flow's id, to list its steps
        #[arg(long)]
        flow: Option<String>,
        /// Language of titles: en, fr or ja
        #[arg(long, default_value = "en", value_parser = parse_locale)]
        lang: Locale,
    },
}

fn parse_locale(value: &str) -> Result<Locale, String> {
    Locale::from_tag(value).ok_or_else(|| format!("{value}: use en, fr or ja"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let reply = ErrorReply::from(error);
            if cli.json {
                eprintln!(
                    "{}",
                    serde_json::to_string(&reply).expect("error serialises")
                );
            } else {
                eprintln!("switchboard-cli: {}", reply.message);
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> switchboard_core::Result<()> {
    let kind = BuildKind::of_current_build(cfg!(debug_assertions));
    let paths = match &cli.data_dir {
        Some(dir) => AppPaths::under(dir.clone()),
        None => AppPaths::for_user(kind)
            .ok_or_else(|| switchboard_core::Error::not_found("a per-user data folder"))?,
    };
    let core = Switchboard::open(&paths, Box::new(KeychainStore::new(kind.identifier())))?;
    let out = print::Out { json: cli.json };
    match &cli.command {
        Command::Profile(ProfileCommand::List) => out.profiles(&core.list_profiles()?),
        Command::Profile(ProfileCommand::Create { name }) => {
            out.profile(&core.create_profile(name)?)
        }
        Command::Profile(ProfileCommand::Show { name }) => {
            out.profile(&core.profile_by_name(name)?)
        }
        Command::Profile(ProfileCommand::Delete { name, yes }) => {
            if !yes {
                eprintln!(
                    "switchboard-cli: deleting {name} cannot be undone; add --yes to confirm"
                );
                return Err(switchboard_core::Error::validation("yes", "required"));
            }
            let profile = core.profile_by_name(name)?;
            core.delete_profile(profile.id)?;
            out.deleted(&profile);
        }
        Command::Flow(FlowCommand::Status {
            profile,
            flow,
            lang,
        }) => {
            let profile = core.profile_by_name(profile)?;
            match flow {
                Some(flow) => out.steps(&core.flow_view(profile.id, flow, *lang)?),
                None => out.flows(&profile, &core.list_flows(profile.id, *lang)?),
            }
        }
    }
    Ok(())
}
