//! `switchboard-cli address-book apply` against the practice tenant: the file's good rows reach
//! CXone through the app's journalled apply, the bad row is named and sets the exit status.

mod support;

use std::process::Command;

#[test]
fn apply_writes_the_good_rows_and_names_the_refused_one() {
    let dir = tempfile::tempdir().unwrap();
    support::practice_profile(dir.path());
    let file = dir.path().join("contacts.csv");
    std::fs::write(
        &file,
        "Prénom;Nom;Téléphone\nÉmilie;Lefèvre;01 42 76 49 78\nPaul;;01 42 76 49 79\n太郎;山田;+81 3 1234 5678\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_switchboard-cli"))
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "--json",
            "address-book",
            "apply",
            "--profile",
            "Practice tenant",
        ])
        .args(["--book", "Zoom directory", "--region", "FR"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        assert!(stderr.contains("keychain_unavailable"), "{stderr}");
        return;
    }
    let run: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("no run on stdout: {stderr}"));
    assert_eq!(run["state"], "done", "{run}");
    assert_eq!(run["added"], 2, "the two good rows reach CXone: {run}");
    assert!(
        stderr.contains("line 3"),
        "the refused row is named: {stderr}"
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "a refused row sets the exit status"
    );
}
