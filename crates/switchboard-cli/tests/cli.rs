//! Runs the real `switchboard-cli` binary against a temporary data folder.

mod support;

use std::process::Command;

use support::{cli, stdout};

#[test]
fn profiles_are_created_listed_shown_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&cli(dir.path(), &["profile", "create", "Acme Corp"]));
    stdout(&cli(dir.path(), &["profile", "create", "株式会社サンプル"]));
    let list = stdout(&cli(dir.path(), &["profile", "list"]));
    assert!(
        list.contains("Acme Corp") && list.contains("株式会社サンプル"),
        "{list}"
    );

    let json: serde_json::Value = serde_json::from_str(&stdout(&cli(
        dir.path(),
        &["--json", "profile", "show", "acme corp"],
    )))
    .unwrap();
    assert_eq!(json["name"], "Acme Corp", "names are matched ignoring case");
    assert_eq!(json["progress"].as_array().unwrap().len(), 5);

    let refused = cli(dir.path(), &["profile", "delete", "Acme Corp"]);
    assert!(!refused.status.success(), "deleting needs --yes");
    stdout(&cli(
        dir.path(),
        &["profile", "delete", "Acme Corp", "--yes"],
    ));
    let names: serde_json::Value =
        serde_json::from_str(&stdout(&cli(dir.path(), &["--json", "profile", "list"]))).unwrap();
    assert_eq!(names.as_array().unwrap().len(), 1);
}

#[test]
fn flow_status_lists_every_flow_and_one_flows_steps() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&cli(dir.path(), &["profile", "create", "Acme"]));
    let json: serde_json::Value = serde_json::from_str(&stdout(&cli(
        dir.path(),
        &["--json", "flow", "status", "--profile", "Acme"],
    )))
    .unwrap();
    let flows = json["flows"].as_array().unwrap();
    assert_eq!(flows.len(), 5);
    assert!(
        flows
            .iter()
            .all(|f| f["done"] == 0 && f["status"] == "not_started")
    );

    let steps = stdout(&cli(
        dir.path(),
        &[
            "flow",
            "status",
            "--profile",
            "Acme",
            "--flow",
            "genesys-data-actions",
            "--lang",
            "fr",
        ],
    ));
    // A new plan shows the org step and the editor; each kind's preparation joins once planned.
    assert!(
        steps.contains("Connecter Switchboard à votre organisation Genesys Cloud"),
        "{steps}"
    );
    assert!(
        steps.contains("Intégrations d'actions de données"),
        "{steps}"
    );
    assert!(steps.contains("not started"));
}

#[test]
fn errors_are_reported_as_codes_with_json() {
    let dir = tempfile::tempdir().unwrap();
    let output = cli(dir.path(), &["--json", "profile", "show", "Nobody"]);
    assert_eq!(output.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["code"], "not_found");
}

#[test]
fn the_cli_and_the_core_share_one_database() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&cli(dir.path(), &["profile", "create", "From the CLI"]));
    let paths = switchboard_core::paths::AppPaths::under(dir.path().to_path_buf());
    let core = switchboard_core::Switchboard::open(
        &paths,
        Box::new(switchboard_core::secrets::MemoryStore::new()),
    )
    .unwrap();
    assert_eq!(core.list_profiles().unwrap()[0].name, "From the CLI");
    core.create_profile("From the app").unwrap();
    drop(core);
    assert!(stdout(&cli(dir.path(), &["profile", "list"])).contains("From the app"));
}

#[test]
fn connection_test_runs_the_apps_test_against_the_practice_tenant() {
    let dir = tempfile::tempdir().unwrap();
    support::practice_profile(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_switchboard-cli"))
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "--json",
            "connection",
            "test",
            "--profile",
            "Practice tenant",
        ])
        .args(["--vendor", "genesys"])
        .output()
        .unwrap();
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        // No keychain: the CLI refuses to go on without one, with the code the UI translates.
        let error: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap();
        assert_eq!(error["code"], "keychain_unavailable");
        return;
    }
    let diagnosis: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)));
    assert_eq!(diagnosis["vendor"], "genesys");
    assert_eq!(
        diagnosis["ok"], true,
        "the practice tenant passes: {diagnosis}"
    );
    assert_eq!(output.status.code(), Some(0));
}
