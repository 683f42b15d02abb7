//! `switchboard-cli zcc`: the call center's import XML offline (both definitions, the vanity host
//! refused when it is not a host), and the agents' table, apply and re-apply against one running
//! practice emulator.

mod support;

use std::path::Path;
use std::process::{Command, Output};

fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_call_center_xml_is_printed_for_both_definitions() {
    let dir = tempfile::tempdir().unwrap();
    let standard = cli(dir.path(), &["zcc", "call-center"]);
    assert!(standard.status.success(), "{standard:?}");
    let xml = String::from_utf8(standard.stdout).unwrap();
    assert!(xml.starts_with("<callCenter>\n<section sortOrder=\"0\" name=\"reqGeneralInfo\""));
    assert!(xml.contains(
        "<item sortOrder=\"3\" name=\"reqAdapterUrl\" label=\"CTI Adapter URL\">https://zoom.us/cci/multi/callbar-cti</item>"
    ));
    let sso = cli(dir.path(), &["zcc", "call-center", "--sso", "acme.zoom.us"]);
    let xml = String::from_utf8(sso.stdout).unwrap();
    assert!(
        xml.contains(">zccsso</item>")
            && xml.contains("https://acme.zoom.us/cci/multi/callbar-cti")
    );
    let refused = cli(
        dir.path(),
        &["zcc", "call-center", "--sso", "yourVanityUrl"],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty());
    // Nothing needed the database.
    assert!(!dir.path().join("switchboard.sqlite3").exists());
}

#[test]
fn the_agents_table_is_fixed_by_one_apply_and_a_second_changes_nothing() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        return; // the practice connection's secrets live in the keychain: scripts/test has one
    }
    let dir = tempfile::tempdir().unwrap();
    support::practice_profile(dir.path());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let emulator = runtime
        .block_on(switchboard_emulator::Emulator::start(Default::default()))
        .unwrap();
    let announcement = dir.path().join("emulator.json");
    std::fs::write(&announcement, format!("{}\n", emulator.announcement())).unwrap();
    let attached = cli(
        dir.path(),
        &["practice", "attach", announcement.to_str().unwrap()],
    );
    assert!(attached.status.success(), "{attached:?}");
    let profile = ["--profile", "Practice tenant"];

    let table = cli(dir.path(), &[&["zcc", "agents"], &profile[..]].concat());
    let out = String::from_utf8_lossy(&table.stdout);
    assert_eq!(table.status.code(), Some(2), "{out} {table:?}");
    assert!(out.contains("✗ (Demo Call Center Adapter)"), "{out}");
    assert!(out.contains("no Salesforce user with this e-mail"), "{out}");

    let applied = cli(
        dir.path(),
        &[&["--json", "zcc", "agents", "apply"], &profile[..]].concat(),
    );
    // One agent's call center is refused by the org: exit 1, the rest done.
    assert_eq!(applied.status.code(), Some(1), "{applied:?}");
    let run: serde_json::Value = serde_json::from_slice(&applied.stdout).unwrap();
    let refused: Vec<&serde_json::Value> = run["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["outcome"] == "refused")
        .collect();
    assert_eq!(refused.len(), 1, "{run}");
    assert_eq!(run["failure"], serde_json::Value::Null);

    let json = cli(
        dir.path(),
        &[&["--json", "zcc", "agents"], &profile[..]].concat(),
    );
    let view: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let actions = view["plan"]["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "only the refused write is left: {view}");
    assert_eq!(actions[0]["kind"], "setCallCenter");
    let again = cli(
        dir.path(),
        &[&["--json", "zcc", "agents", "apply"], &profile[..]].concat(),
    );
    let run: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    let outcomes = run["outcomes"].as_array().unwrap();
    assert!(
        outcomes.len() == 1 && outcomes[0]["outcome"] == "refused",
        "the org refuses the same write again and nothing else is written: {run}"
    );
}
