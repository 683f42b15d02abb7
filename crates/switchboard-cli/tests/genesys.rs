//! `switchboard-cli genesys`: data actions as code against one running practice emulator. A plan
//! file's secrets come from the environment; `plan` exits 2 while there is something to do and 0
//! once applied; `export` then `plan` finds nothing to do.

mod support;

use std::path::Path;
use std::process::{Command, Output};

fn cli(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard-cli"))
        .arg("--data-dir")
        .arg(dir)
        .envs(env.iter().copied())
        .args(args)
        .output()
        .unwrap()
}

const PLAN: &str = r#"{
  "integrations": [
    {
      "name": "Billing API",
      "kind": "web-services",
      "credentialType": "basicAuth",
      "fields": { "userName": "svc-genesys" },
      "secrets": { "password": { "from": "env", "var": "BILLING_API_PASSWORD" } }
    },
    {
      "name": "Order lookup",
      "kind": "aws-lambda",
      "credentialType": "amazonWebServicesARN",
      "fields": { "ARN": "arn:aws:iam::123456789012:role/genesys-data-actions" }
    }
  ]
}"#;

#[test]
fn a_plan_file_is_planned_applied_exported_and_found_up_to_date() {
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
        &[],
        &["practice", "attach", announcement.to_str().unwrap()],
    );
    assert!(attached.status.success(), "{attached:?}");

    let file = dir.path().join("data-actions.json");
    std::fs::write(&file, PLAN).unwrap();
    let file = file.to_str().unwrap();
    let profile = ["--profile", "Practice tenant"];

    let planned = cli(
        dir.path(),
        &[],
        &[&["genesys", "plan", file], &profile[..]].concat(),
    );
    let out = String::from_utf8_lossy(&planned.stdout);
    assert_eq!(
        planned.status.code(),
        Some(2),
        "changes to make: {out} {planned:?}"
    );
    assert!(out.contains("Billing API: create"), "{out}");

    let missing = cli(
        dir.path(),
        &[],
        &[&["genesys", "apply", file], &profile[..]].concat(),
    );
    assert_eq!(
        missing.status.code(),
        Some(1),
        "no password in the environment"
    );
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("Billing API/password"),
        "{missing:?}"
    );

    let secret = [("BILLING_API_PASSWORD", "from-the-environment-pw")];
    let applied = cli(
        dir.path(),
        &secret,
        &[&["--json", "genesys", "apply", file], &profile[..]].concat(),
    );
    let stderr = String::from_utf8_lossy(&applied.stderr);
    assert!(applied.status.success(), "{stderr}");
    let run: serde_json::Value = serde_json::from_slice(&applied.stdout).unwrap();
    assert!(
        run["outcomes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["state"] == "ACTIVE"),
        "{run}"
    );
    assert!(!String::from_utf8_lossy(&applied.stdout).contains("from-the-environment-pw"));

    let again = cli(
        dir.path(),
        &[],
        &[&["genesys", "plan", file], &profile[..]].concat(),
    );
    assert_eq!(
        again.status.code(),
        Some(0),
        "nothing left to do: {again:?}"
    );

    let exported = dir.path().join("exported.json");
    let export = cli(
        dir.path(),
        &[],
        &[
            &["genesys", "export", "-o", exported.to_str().unwrap()],
            &profile[..],
        ]
        .concat(),
    );
    assert!(export.status.success(), "{export:?}");
    let text = std::fs::read_to_string(&exported).unwrap();
    assert!(
        text.contains("BILLING_API_PASSWORD") && !text.contains("from-the-environment-pw"),
        "{text}"
    );
    let round = cli(
        dir.path(),
        &[],
        &[
            &["genesys", "plan", exported.to_str().unwrap()],
            &profile[..],
        ]
        .concat(),
    );
    assert_eq!(
        round.status.code(),
        Some(0),
        "export then plan: nothing to do: {round:?}"
    );

    let listed = cli(
        dir.path(),
        &[],
        &[&["--json", "genesys", "list"], &profile[..]].concat(),
    );
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["name"] == "Order lookup"),
        "{listed}"
    );
}
