//! `switchboard-cli practice attach`: a script rehearses a multi-step run against one running
//! emulator, so what the first run created is still there for the second.

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

fn apply(dir: &Path, file: &Path) -> serde_json::Value {
    let output = cli(
        dir,
        &[
            "--json",
            "address-book",
            "apply",
            "--profile",
            "Practice tenant",
            "--book",
            "Zoom directory",
            "--region",
            "FR",
            file.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "apply succeeds: {stderr}");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("a run on stdout: {stderr}"))
}

#[test]
fn an_attached_emulator_keeps_what_one_run_created_for_the_next() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        return; // the practice secrets live in the keychain: scripts/test provides one
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

    let file = dir.path().join("contacts.csv");
    std::fs::write(
        &file,
        "Prénom;Nom;Téléphone\nÉmilie;Lefèvre;01 42 76 49 78\n太郎;山田;+81 3 1234 5678\n",
    )
    .unwrap();
    let first = apply(dir.path(), &file);
    assert_eq!(
        first["added"], 2,
        "the first run creates both entries: {first}"
    );
    let again = apply(dir.path(), &file);
    assert_eq!(
        again["added"], 0,
        "the second run finds them in the same emulator and adds nothing: {again}"
    );
    assert_eq!(again["bookId"], first["bookId"], "the same book is reused");

    let detached = cli(dir.path(), &["practice", "detach"]);
    assert!(detached.status.success(), "{detached:?}");
}

#[test]
fn attaching_something_that_is_not_an_announcement_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-json.txt");
    std::fs::write(&file, "hello\n").unwrap();
    let output = cli(
        dir.path(),
        &["--json", "practice", "attach", file.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"code\""), "an error reply: {stderr}");
}
