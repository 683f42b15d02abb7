//! `profile export|import` and `journal` through the real binary: a profile travels to a new
//! data folder without its secrets, a taken name becomes a copy, a newer file is refused, and
//! the journal prints as JSON and as CSV with formula cells neutralised.

mod support;

use support::{cli, stdout};

#[test]
fn a_profile_exported_from_one_folder_imports_into_another_and_again_as_a_copy() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    let file = one.path().join("acme.json");
    stdout(&cli(one.path(), &["profile", "create", "Acme"]));
    stdout(&cli(
        one.path(),
        &["profile", "export", "Acme", "-o", file.to_str().unwrap()],
    ));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("\"format\": \"switchboard-profile\""),
        "{text}"
    );

    let first = stdout(&cli(
        two.path(),
        &["profile", "import", file.to_str().unwrap()],
    ));
    assert!(first.contains("Imported Acme"), "{first}");
    let copy: serde_json::Value = serde_json::from_str(&stdout(&cli(
        two.path(),
        &["--json", "profile", "import", file.to_str().unwrap()],
    )))
    .unwrap();
    assert_eq!(copy["profile"]["name"], "Acme (2)");

    let taken = cli(
        two.path(),
        &["profile", "import", file.to_str().unwrap(), "--as", "Acme"],
    );
    assert!(
        !taken.status.success(),
        "a chosen name that is taken is refused"
    );
    let replaced = stdout(&cli(
        two.path(),
        &[
            "profile",
            "import",
            file.to_str().unwrap(),
            "--as",
            "Acme",
            "--replace",
        ],
    ));
    assert!(replaced.contains("replacing Acme"), "{replaced}");
}

#[test]
fn a_newer_profile_file_is_refused_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("newer.json");
    std::fs::write(
        &file,
        r#"{"format": "switchboard-profile", "version": 9, "exportedAt": "x", "profile": {"name": "Z"}}"#,
    )
    .unwrap();
    let refused = cli(
        dir.path(),
        &["--json", "profile", "import", file.to_str().unwrap()],
    );
    assert!(!refused.status.success());
    let reply: serde_json::Value =
        serde_json::from_slice(&refused.stderr).expect("a JSON error on stderr");
    assert_eq!(reply["code"], "profile_file_newer");
}

#[test]
fn the_journal_prints_as_json_and_as_neutralised_csv() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&cli(dir.path(), &["profile", "create", "=1+1"]));
    let entries: serde_json::Value = serde_json::from_str(&stdout(&cli(
        dir.path(),
        &["journal", "--profile", "=1+1", "--json"],
    )))
    .unwrap();
    assert_eq!(entries[0]["action"], "profile.create");
    let none = stdout(&cli(
        dir.path(),
        &["journal", "--profile", "=1+1", "--vendor", "zoom"],
    ));
    assert!(none.contains("No journal entries match"), "{none}");
    let csv = stdout(&cli(
        dir.path(),
        &["journal", "--profile", "=1+1", "--csv", "--lang", "fr"],
    ));
    assert!(csv.starts_with("\u{feff}Heure (UTC)"), "{csv}");
    assert!(csv.contains(",'=1+1"), "{csv}");
}
