//! `switchboard-cli`: Switchboard's profiles and flow progress from a terminal, on the same
//! database and keychain as the desktop app, for support engineers who script onboarding.
//!
//! It only parses arguments and prints; every operation is a call into `switchboard-core`.

mod address_book;
mod address_book_apply;
mod directory;
mod explain;
mod files;
mod genesys;
mod presence;
mod print;
mod profile_files;
mod report;
mod zcc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use std::sync::Arc;
use switchboard_core::connection::{Diagnosis, Vendor};
use switchboard_core::paths::{AppPaths, BuildKind};

use switchboard_core::practice::{Attached, Starter};
use switchboard_core::secrets::KeychainStore;
use switchboard_core::secrets::timed::{KEYCHAIN_TIMEOUT, Timed};
use switchboard_core::{Error, ErrorReply, Locale, Switchboard};
use switchboard_emulator::OnDemand;

#[derive(Parser)]
#[command(
    name = "switchboard-cli",
    version,
    about = "Switchboard profiles, flow progress and offline checks"
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
    /// Vendor connections
    #[command(subcommand)]
    Connection(ConnectionCommand),
    /// CXone address books from CSV files
    #[command(subcommand)]
    AddressBook(address_book::AddressBookCommand),
    /// CXone Directory Sync for Zoom: phone number translation rules
    #[command(subcommand)]
    Directory(directory::DirectoryCommand),
    /// CXone ↔ Salesforce Presence Sync rules
    #[command(subcommand)]
    Presence(presence::PresenceCommand),
    /// Genesys Cloud data actions as code: plan, apply, list, export
    #[command(subcommand)]
    Genesys(genesys::GenesysCommand),
    /// Zoom Contact Center ↔ Salesforce: the call center's XML, the agents' three places
    #[command(subcommand)]
    Zcc(zcc::ZccCommand),
    /// The practice tenant's emulator
    #[command(subcommand)]
    Practice(PracticeCommand),
    /// A profile's audit journal: what the app did, against which vendor, when, with what outcome
    Journal(profile_files::JournalArgs),
    /// A profile's hand-over report: connections tested, open steps, objects created,
    /// reminders (never a secret)
    Report(report::ReportArgs),
}

#[derive(Subcommand)]
enum PracticeCommand {
    /// Use a running `switchboard-emulator` for the practice profile from now on: its
    /// announcement line is read from FILE, or from standard input with `-`
    Attach {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Forget the attached emulator (each run then starts its own again)
    Detach,
}

#[derive(Subcommand)]
enum ConnectionCommand {
    /// Run the same live Test as the app and print its diagnosis (exit status 1 when it fails)
    Test {
        #[arg(long)]
        profile: String,
        #[arg(long, value_parser = parse_vendor)]
        vendor: Vendor,
    },
}

fn parse_vendor(value: &str) -> Result<Vendor, String> {
    Vendor::ALL
        .into_iter()
        .find(|v| v.as_str() == value)
        .ok_or_else(|| format!("{value}: use zoom, cxone, salesforce or genesys"))
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
    /// Write a profile file: connections' settings, progress, drafts and rules, never a secret
    Export {
        name: String,
        /// The file to write (standard output when absent or `-`)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import a profile file as a new profile (a copy when the name is taken), then list the
    /// secrets to enter again
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The new profile's name (default: the file's)
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
        /// Replace the profile of that name, and delete its keychain entries (no undo)
        #[arg(long)]
        replace: bool,
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
    // `presence lint` tells findings (exit 1) from a file it cannot read (exit 2).
    if let Command::Presence(command) = &cli.command {
        return presence::run(command, cli.json);
    }
    let outcome = match &cli.command {
        // `genesys plan` tells "nothing to do" (0) from "changes" (2) and "cannot" (1).
        Command::Genesys(command) => {
            open_core(&cli).and_then(|core| genesys::run(&core, command, cli.json))
        }
        // `zcc agents` tells "nothing to do" (0) from "to do" (2); `call-center` is offline.
        Command::Zcc(command) if !zcc::is_offline(command) => {
            open_core(&cli).and_then(|core| zcc::run(&core, command, cli.json))
        }
        _ => run(&cli).map(|ok| {
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }),
    };
    match outcome {
        Ok(code) => code,
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

/// Runs the command; `Ok(false)` when it ran but found a problem (a failed connection test).
fn run(cli: &Cli) -> switchboard_core::Result<bool> {
    if let Some(done) = run_offline(cli) {
        return done;
    }
    let core = open_core(cli)?;
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
            let deleted = core.delete_profile(profile.id)?;
            out.deleted(&profile, &deleted.left_in_keychain);
        }
        Command::Profile(ProfileCommand::Export { name, output }) => {
            profile_files::export(&core, name, output.as_ref())?
        }
        Command::Profile(ProfileCommand::Import {
            file,
            as_name,
            replace,
        }) => profile_files::import(&core, file, as_name.as_deref(), *replace, cli.json)?,
        Command::Journal(args) => profile_files::journal(&core, args, cli.json)?,
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
        Command::Connection(ConnectionCommand::Test { profile, vendor }) => {
            let profile = core.profile_by_name(profile)?;
            let diagnosis = test_connection(&core, profile.id, *vendor)?;
            out.diagnosis(&diagnosis);
            return Ok(diagnosis.ok);
        }
        Command::AddressBook(address_book::AddressBookCommand::Apply {
            profile,
            book,
            region,
            resume_earlier,
            discard_earlier,
            file,
        }) => {
            use switchboard_core::storage::apply_runs::Unfinished;
            let unfinished = match (resume_earlier, discard_earlier) {
                (true, _) => Some(Unfinished::Resume),
                (_, true) => Some(Unfinished::Discard),
                _ => None,
            };
            let args = address_book_apply::ApplyArgs {
                profile,
                file,
                region: *region,
                book: book.as_deref(),
                unfinished,
                json: cli.json,
            };
            return address_book_apply::apply(&core, &args);
        }
        Command::Practice(PracticeCommand::Attach { file }) => {
            let line = files::read_text(file)?;
            let line = line.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            // A newer emulator may announce more than this build reads: attach, but say so.
            for key in core.attach_practice(Some(line))? {
                eprintln!(
                    "switchboard-cli: {}: ignored key {key} (not read by this build)",
                    file.display()
                );
            }
            out.practice_attached(true);
        }
        Command::Practice(PracticeCommand::Detach) => {
            core.attach_practice(None)?;
            out.practice_attached(false);
        }
        Command::Report(args) => report::run(&core, args)?,
        Command::AddressBook(_) | Command::Directory(_) | Command::Presence(_) => {
            unreachable!("offline commands ran before the database was opened")
        }
        Command::Genesys(_) => unreachable!("genesys commands choose their own exit status"),
        Command::Zcc(_) => unreachable!("online zcc commands choose their own exit status"),
    }
    Ok(true)
}

/// The core on the data folder (`--data-dir`, else the app's) and the OS keychain, with the
/// practice tenant.
fn open_core(cli: &Cli) -> switchboard_core::Result<Switchboard> {
    let kind = BuildKind::of_current_build(cfg!(debug_assertions));
    let paths = match &cli.data_dir {
        Some(dir) => AppPaths::under(dir.clone()),
        None => AppPaths::for_user(kind)
            .ok_or_else(|| switchboard_core::Error::not_found("a per-user data folder"))?,
    };
    let keychain = Timed::new(KeychainStore::new(kind.identifier()), KEYCHAIN_TIMEOUT);
    with_practice(Switchboard::open(&paths, Box::new(keychain))?)
}

/// Commands that work on files alone, before (or without) any profile or database.
fn run_offline(cli: &Cli) -> Option<switchboard_core::Result<bool>> {
    match &cli.command {
        Command::AddressBook(command) => address_book::run_offline(command, cli.json),
        Command::Directory(command) => Some(directory::run(command, cli.json)),
        Command::Zcc(command) => zcc::run_offline(command),
        _ => None,
    }
}

/// The app's Test, on a runtime of our own.
fn test_connection(
    core: &Switchboard,
    profile_id: i64,
    vendor: Vendor,
) -> switchboard_core::Result<Diagnosis> {
    with_vendors(|| core.test_connection(profile_id, vendor))
}

/// Hands the core its way to the practice tenant: the emulator `practice attach` named, else
/// one started in this process on first use (and gone when the command ends).
fn with_practice(core: Switchboard) -> switchboard_core::Result<Switchboard> {
    Ok(match core.attached_practice()? {
        Some(line) => core.with_practice(Box::new(Attached::new(line))),
        None => {
            let emulator = Arc::new(OnDemand::default());
            core.with_practice(Box::new(Starter(move || {
                let emulator = emulator.clone();
                async move { emulator.announcement().await.map_err(Error::emulator) }
            })))
        }
    })
}

/// Runs `work` (vendor calls) on a runtime of our own; the core points a practice profile at
/// its emulator itself.
pub(crate) fn with_vendors<T, Fut>(work: impl FnOnce() -> Fut) -> switchboard_core::Result<T>
where
    Fut: std::future::Future<Output = switchboard_core::Result<T>>,
{
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(work())
}
