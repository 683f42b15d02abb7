//! `presence lint` on rule files in a temporary folder, running the real binary: the exit status
//! tells a clean rule (0) from findings (1) and an unreadable file (2).

use std::path::Path;
use std::process::{Command, Output};

use switchboard_core::presence::{
    Catalog, PresenceRule, SalesforceStatus, StateRow, StatusKind, SubscriberRow, SubscriberTarget,
    Target, export,
};

fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard-cli"))
        .current_dir(dir)
        .args(args)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .expect("switchboard-cli runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Available ↔ Available_for_Chat and Lunch ↔ Lunch_Break, for one team; `lunch_break_to`
/// is where the Lunch_Break status sends the agent.
fn rule(lunch_break_to: &str) -> PresenceRule {
    let state = |acd: &str, salesforce: &str| StateRow {
        acd: acd.into(),
        salesforce: salesforce.into(),
    };
    let subscriber = |salesforce: &str, acd: &str| SubscriberRow {
        salesforce: salesforce.into(),
        acd: SubscriberTarget::State(acd.into()),
    };
    PresenceRule {
        name: "Support".into(),
        states: vec![
            state("Available", "Available_for_Chat"),
            state("Lunch", "Lunch_Break"),
        ],
        subscriber_states: vec![
            subscriber("Available_for_Chat", "Available"),
            subscriber("Lunch_Break", lunch_break_to),
        ],
        teams: vec![Target {
            id: 12,
            name: "Support FR".into(),
        }],
        users: vec![],
    }
}

fn catalog() -> Catalog {
    let status = |name: &str, kind| SalesforceStatus {
        developer_name: name.into(),
        label: name.replace('_', " "),
        kind,
    };
    Catalog {
        acd_states: vec!["Lunch".into()],
        salesforce_statuses: vec![
            status("Available_for_Chat", StatusKind::Online),
            status("Lunch_Break", StatusKind::Busy),
        ],
    }
}

fn write_rule(dir: &Path, name: &str, rule: &PresenceRule) {
    let file = export(rule, Some(&catalog()), "2025-03-14T09:30:00Z");
    std::fs::write(dir.join(name), file).unwrap();
}

#[test]
fn lint_of_a_clean_rule_file_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    write_rule(dir.path(), "clean.json", &rule("Lunch"));
    let output = cli(dir.path(), &["presence", "lint", "clean.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("0 error(s), 0 warning(s)"));
}

#[test]
fn lint_of_a_rule_that_moves_the_agent_on_names_the_row_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    // Lunch shows Lunch_Break, which sends the agent to Available instead.
    write_rule(dir.path(), "loop.json", &rule("Available"));
    let output = cli(dir.path(), &["presence", "lint", "loop.json"]);
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    assert!(out.contains("1 error(s), 0 warning(s)"), "{out}");
    assert!(
        out.contains(
            "row 2 of States: the agent can never keep this state: the rule always moves them on \
             (presence.never_kept): Lunch → Lunch_Break → Available → Available_for_Chat"
        ),
        "{out}"
    );
}

#[test]
fn lint_json_prints_the_findings_array() {
    let dir = tempfile::tempdir().unwrap();
    write_rule(dir.path(), "loop.json", &rule("Available"));
    let output = cli(dir.path(), &["presence", "lint", "loop.json", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = json.as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["code"], "presence.never_kept");
    assert_eq!(findings[0]["params"]["end"], "Available");
    assert_eq!(findings[0]["table"], "states");
    assert_eq!(findings[0]["row"], 1);
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["params"]["chain"][2]["state"], "Available");

    write_rule(dir.path(), "clean.json", &rule("Lunch"));
    let output = cli(dir.path(), &["--json", "presence", "lint", "clean.json"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn warnings_alone_fail_the_lint_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut nameless = rule("Lunch");
    nameless.name.clear();
    write_rule(dir.path(), "nameless.json", &nameless);
    let output = cli(dir.path(), &["presence", "lint", "nameless.json"]);
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    assert!(
        out.contains("rule: the rule has no name (presence.rule_name_missing)"),
        "{out}"
    );
}

#[test]
fn files_that_cannot_be_read_exit_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = cli(dir.path(), &["presence", "lint", "absent.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("absent.json"));

    std::fs::write(dir.path().join("broken.json"), "{\n  \"format\": ").unwrap();
    let output = cli(dir.path(), &["presence", "lint", "broken.json"]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(err.contains("(rule_file.not_json) at line 2"), "{err}");

    std::fs::write(dir.path().join("other.json"), r#"{"sets": []}"#).unwrap();
    let output = cli(dir.path(), &["--json", "presence", "lint", "other.json"]);
    assert_eq!(output.status.code(), Some(2));
    let error: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["code"], "rule_file.wrong_format");
    assert_eq!(error["file"], "other.json");
}

#[test]
fn keys_a_rule_file_does_not_have_are_named_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let mut value: serde_json::Value =
        serde_json::from_str(&export(&rule("Lunch"), Some(&catalog()), "now")).unwrap();
    value["rule"]["nmae"] = "Typo".into();
    std::fs::write(dir.path().join("typo.json"), value.to_string()).unwrap();
    let output = cli(dir.path(), &["presence", "lint", "typo.json"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "an unknown key is not an error"
    );
    let err = text(&output.stderr);
    assert!(err.contains("typo.json: ignored key rule.nmae"), "{err}");
}
