//! `switchboard-cli presence …`: CXone ↔ Salesforce Presence Sync rules, checked offline.
//! `lint` prints the same findings as the app's rule editor for a rule file the app exported.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use serde_json::Value;
use switchboard_core::presence::{Finding, RuleFileError, Severity, Table, import, lint};

use crate::explain::with_code;
use crate::files;

#[derive(Subcommand)]
pub enum PresenceCommand {
    /// Check a presence rule file for flip-flop loops, duplicate or unfinished rows and states
    /// that no longer exist (exit status 1 when anything is found, warnings included; 2 when
    /// the file cannot be read)
    Lint {
        /// A rule file as the app exports it: {"format": "switchboard.presence-rule",
        /// "version": 1, "rule": {...}, "catalog": {...} or null}; without a catalog, nothing
        /// is checked against the live CXone and Salesforce lists
        file: PathBuf,
    },
}

/// Runs the command to its exit status: findings and unreadable files differ (1 and 2).
pub fn run(command: &PresenceCommand, json: bool) -> ExitCode {
    match command {
        PresenceCommand::Lint { file } => lint_file(file, json),
    }
}

fn lint_file(path: &Path, json: bool) -> ExitCode {
    let unreadable = ExitCode::from(2);
    let bytes = match files::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("switchboard-cli: {error}");
            return unreadable;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let file = match import(&text) {
        Ok(file) => file,
        Err(error) => {
            file_error(path, &error, json);
            return unreadable;
        }
    };
    // Keys the format does not have are read past; a hand edit there did nothing, so say so.
    for key in &file.ignored_keys {
        eprintln!(
            "switchboard-cli: {}: ignored key {key} (not part of a rule file)",
            path.display()
        );
    }
    let findings = lint(&file.rule, file.catalog.as_ref());
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&findings).expect("findings serialise")
        );
    } else {
        print_findings(path, &findings);
    }
    if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn file_error(path: &Path, error: &RuleFileError, json: bool) {
    if json {
        let mut value = serde_json::to_value(error).expect("rule file errors serialise");
        value["file"] = path.display().to_string().into();
        eprintln!("{value}");
        return;
    }
    let detail = match error {
        RuleFileError::NotJson { line, column } => format!(" at line {line}, column {column}"),
        RuleFileError::UnsupportedVersion { version } => format!(": version {version}"),
        RuleFileError::Invalid { detail } => format!(": {detail}"),
        RuleFileError::TooLarge { max_kb } => format!(": over {max_kb} KB"),
        RuleFileError::WrongFormat => String::new(),
    };
    eprintln!(
        "switchboard-cli: {}: {}{detail}",
        path.display(),
        with_code(error.code())
    );
}

fn print_findings(path: &Path, findings: &[Finding]) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    println!(
        "{}: {errors} error(s), {} warning(s)",
        path.display(),
        findings.len() - errors
    );
    for finding in findings {
        println!(
            "  {}: {}{}",
            location(finding),
            with_code(finding.code),
            details(finding)
        );
    }
}

/// `row N of States` (rows counted from 1, as the editor shows them), `States`, or `rule`.
fn location(finding: &Finding) -> String {
    let table = match finding.table {
        Table::States => "States",
        Table::SubscriberStates => "Subscriber states",
        Table::Rule => return "rule".to_owned(),
    };
    match finding.row {
        Some(row) => format!("row {} of {table}", row + 1),
        None => table.to_owned(),
    }
}

fn details(finding: &Finding) -> String {
    let text = |key: &str| finding.params.get(key).and_then(Value::as_str);
    if let Some(chain) = finding.params.get("chain").and_then(Value::as_array) {
        let states: Vec<&str> = chain.iter().filter_map(|s| s["state"].as_str()).collect();
        let previous = text("previous")
            .map(|p| format!(" (through Previous state, the agent coming from {p})"))
            .unwrap_or_default();
        return format!(": {}{previous}", states.join(" → "));
    }
    let first = finding
        .params
        .get("firstRow")
        .and_then(Value::as_u64)
        .map(|row| format!(", first mapped on row {}", row + 1))
        .unwrap_or_default();
    match text("state").or_else(|| text("status")) {
        Some(name) => format!(": {name}{first}"),
        None => String::new(),
    }
}
