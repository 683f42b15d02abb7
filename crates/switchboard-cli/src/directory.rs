//! `switchboard-cli directory …`: CXone Directory Sync for Zoom, prepared offline. `translate`
//! tries phone number translation rules on numbers before the admin enters them in CXone.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use switchboard_core::directory::{
    Region, RuleProblem, Translation, TranslationRules, TranslationStatus,
};

use crate::explain::with_code;
use crate::files::{self, parse_region};

#[derive(Subcommand)]
pub enum DirectoryCommand {
    /// Translate phone numbers with pattern sets, as the Directory Sync will (exit status 1 when
    /// a number cannot be translated or the rules have problems)
    Translate {
        /// The rules as JSON, e.g. {"sets": [{"name": "France", "region": "FR", "patterns":
        /// [{"match": "0XXXXXXXXX", "format": "e164"}]}]}; a pattern also takes "strip" (leading
        /// characters to remove) and "prefix"; "format" is "e164" or "keep". Print a starting
        /// point with `directory example-rules --region FR`
        #[arg(long, value_name = "FILE")]
        rules: PathBuf,
        /// Numbers as Zoom holds them (quote those with spaces)
        #[arg(required = true)]
        numbers: Vec<String>,
    },
    /// Print the app's starting rules for a country, in the --rules format
    ExampleRules {
        /// ISO country code (FR, JP, US …)
        #[arg(long, value_parser = parse_region)]
        region: Region,
    },
}

pub fn run(command: &DirectoryCommand, json: bool) -> switchboard_core::Result<bool> {
    match command {
        DirectoryCommand::Translate { rules, numbers } => translate(rules, numbers, json),
        DirectoryCommand::ExampleRules { region } => {
            let rules = TranslationRules::example(*region);
            println!(
                "{}",
                serde_json::to_string_pretty(&rules).expect("rules serialise")
            );
            Ok(true)
        }
    }
}

fn translate(path: &Path, numbers: &[String], json: bool) -> switchboard_core::Result<bool> {
    let bytes = files::read(path)?;
    let rules: TranslationRules = match serde_json::from_slice(&bytes) {
        Ok(rules) => rules,
        Err(e) => {
            if json {
                let error = serde_json::json!({
                    "code": "rules.unreadable",
                    "file": path.display().to_string(),
                    "message": e.to_string(),
                });
                eprintln!("{error}");
            } else {
                eprintln!(
                    "switchboard-cli: {}: not a rules document: {e}",
                    path.display()
                );
            }
            return Ok(false);
        }
    };
    let problems = rules.problems();
    let translations: Vec<Translation> = numbers.iter().map(|n| rules.translate(n)).collect();
    if json {
        // stdout holds the translations alone; problems go beside the exit status, on stderr
        if !problems.is_empty() {
            eprintln!("{}", serde_json::json!({ "problems": problems }));
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&translations).expect("translations serialise")
        );
    } else {
        print_problems(&rules, &problems);
        for t in &translations {
            print_translation(&rules, t);
        }
    }
    let all_translated = translations.iter().all(|t| {
        matches!(
            t.status,
            TranslationStatus::Translated | TranslationStatus::Unchanged
        )
    });
    Ok(problems.is_empty() && all_translated)
}

fn print_problems(rules: &TranslationRules, problems: &[RuleProblem]) {
    for p in problems {
        let name = rules.sets.get(p.set).map_or("", |s| s.name.as_str());
        let at = match p.pattern {
            Some(pattern) => format!("set {} \"{name}\", pattern {}", p.set + 1, pattern + 1),
            None => format!("set {} \"{name}\"", p.set + 1),
        };
        eprintln!("rules problem: {at}: {}", with_code(p.code));
    }
}

fn print_translation(rules: &TranslationRules, t: &Translation) {
    let source = match (t.set, t.pattern) {
        (Some(set), Some(pattern)) => format!(
            " by \"{}\" pattern {} ({})",
            rules.sets[set].name,
            pattern + 1,
            rules.sets[set].patterns[pattern].matches
        ),
        _ => String::new(),
    };
    let reason = t.reason.map(with_code).unwrap_or_default();
    match t.status {
        TranslationStatus::Translated => {
            println!(
                "{} → {}{source}",
                t.before,
                t.after.as_deref().unwrap_or("")
            )
        }
        TranslationStatus::Unchanged => println!("{} → unchanged{source}", t.before),
        TranslationStatus::NoMatch => println!("{} → not translated: no pattern matched", t.before),
        TranslationStatus::Invalid => {
            println!("{} → not translated: {reason}{source}", t.before)
        }
        TranslationStatus::Empty => println!("\"{}\" → not translated: no number", t.before),
    }
}
