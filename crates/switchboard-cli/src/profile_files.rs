//! `profile export|import` (profile files, never a secret) and `journal` (a profile's audit
//! journal, as text, JSON or CSV).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use switchboard_core::storage::journal::Query;
use switchboard_core::switchboard::profile_files::{ImportChoice, SecretPlace, SecretToEnter};
use switchboard_core::{Locale, Switchboard};

use crate::files;

#[derive(Args)]
pub struct JournalArgs {
    #[arg(long)]
    profile: String,
    /// Only this vendor's entries (zoom, cxone, salesforce, genesys)
    #[arg(long)]
    vendor: Option<String>,
    /// Only entries with this outcome (e.g. ok, failed)
    #[arg(long)]
    outcome: Option<String>,
    /// Only entries whose action or detail contains these words
    #[arg(long)]
    search: Option<String>,
    /// Print CSV (UTF-8 with BOM, formula cells neutralised) instead of text
    #[arg(long)]
    csv: bool,
    /// Language of the CSV headings: en, fr or ja
    #[arg(long, default_value = "en", value_parser = crate::parse_locale)]
    lang: Locale,
}

/// Writes the profile file to `output`, or standard output when it is absent or `-`.
pub fn export(
    core: &Switchboard,
    name: &str,
    output: Option<&PathBuf>,
) -> switchboard_core::Result<()> {
    let profile = core.profile_by_name(name)?;
    let text = core.profile_file_text(profile.id)?;
    match output.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            std::fs::write(path, &text)?;
            core.journal_profile_export(profile.id, path)?;
            eprintln!(
                "switchboard-cli: {} exported to {} (no secrets)",
                profile.name,
                path.display()
            );
        }
        None => println!("{text}"),
    }
    Ok(())
}

pub fn import(
    core: &Switchboard,
    file: &Path,
    as_name: Option<&str>,
    replace: bool,
    json: bool,
) -> switchboard_core::Result<()> {
    let text = files::read_text(file)?;
    let choice = ImportChoice {
        as_name: as_name.map(str::to_owned),
        replace,
    };
    let imported = core.import_profile(&text, &choice)?;
    for key in &imported.unknown_keys {
        eprintln!(
            "switchboard-cli: {}: ignored key {key} (not read by this build)",
            file.display()
        );
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&imported).expect("results serialise")
        );
        return Ok(());
    }
    match &imported.replaced {
        Some(old) => println!("Imported {} (replacing {old})", imported.profile.name),
        None => println!("Imported {}", imported.profile.name),
    }
    if !imported.skipped_connections.is_empty() {
        let vendors: Vec<&str> = imported
            .skipped_connections
            .iter()
            .map(|v| v.as_str())
            .collect();
        println!("Practice connections not imported: {}", vendors.join(", "));
    }
    if !imported.secrets.is_empty() {
        println!("Enter these secrets again (they never leave the keychain):");
        for secret in &imported.secrets {
            println!("  {}", describe(secret));
        }
    }
    Ok(())
}

fn describe(secret: &SecretToEnter) -> String {
    match secret.place {
        SecretPlace::Connection => format!(
            "{} connection: {}",
            secret.vendor.map_or("", |v| v.as_str()),
            secret.field
        ),
        SecretPlace::Flow => format!(
            "flow {}: {}",
            secret.flow_id.as_deref().unwrap_or(""),
            secret.field
        ),
        SecretPlace::DataAction => format!(
            "data action {}: {}",
            secret.integration.as_deref().unwrap_or(""),
            secret.field
        ),
    }
}

pub fn journal(core: &Switchboard, args: &JournalArgs, json: bool) -> switchboard_core::Result<()> {
    let profile = core.profile_by_name(&args.profile)?;
    let query = Query {
        vendor: args.vendor.clone(),
        outcome: args.outcome.clone(),
        search: args.search.clone(),
        offset: 0,
        limit: 0,
    };
    if args.csv {
        let text = core.journal_csv(profile.id, &query, args.lang)?;
        std::io::stdout().write_all(text.as_bytes())?;
        return Ok(());
    }
    let mut entries = Vec::new();
    let mut offset = 0;
    loop {
        let page = core.profile_journal(
            profile.id,
            &Query {
                offset,
                limit: 500,
                ..query.clone()
            },
        )?;
        let got = page.entries.len() as u32;
        entries.extend(page.entries);
        offset += got;
        if got == 0 || offset >= page.total {
            break;
        }
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&entries).expect("results serialise")
        );
        return Ok(());
    }
    if entries.is_empty() {
        println!("No journal entries match.");
    }
    for e in &entries {
        println!(
            "{}  {:<10} {:<32} {:<8} {}",
            e.at,
            e.vendor.as_deref().unwrap_or("-"),
            e.action,
            e.outcome,
            e.detail.as_deref().unwrap_or("")
        );
    }
    Ok(())
}
