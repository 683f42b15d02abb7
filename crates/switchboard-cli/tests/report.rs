//! `switchboard-cli report` on the real binary: the hand-over report of a profile the app
//! recorded, to standard output in each format and language, and to a file named after the
//! customer.

mod support;

use std::path::Path;

use switchboard_core::Locale;
use switchboard_core::paths::AppPaths;
use switchboard_core::secrets::MemoryStore;

use support::{cli, stdout};

/// A profile as the app leaves it: the hand-over recipient noted in the last flow.
fn recorded_profile(data: &Path) {
    let core = switchboard_core::Switchboard::open(
        &AppPaths::under(data.to_path_buf()),
        Box::new(MemoryStore::new()),
    )
    .unwrap();
    let profile = core.create_profile("Acme <EU>").unwrap().id;
    core.set_field(
        profile,
        "review-report",
        "handover",
        "handover-recipient",
        "it@acme.example",
        Locale::En,
    )
    .unwrap();
}

#[test]
fn the_report_prints_in_each_format_and_language() {
    let dir = tempfile::tempdir().unwrap();
    recorded_profile(dir.path());

    let md = stdout(&cli(
        dir.path(),
        &[
            "report",
            "--profile",
            "acme <eu>",
            "--format",
            "md",
            "--lang",
            "fr",
        ],
    ));
    assert!(
        md.starts_with("# Rapport de transfert — Acme &lt;EU&gt;"),
        "{md}"
    );
    assert!(md.contains("\n## Connexions\n") && md.contains("it@acme.example"));

    let html = stdout(&cli(
        dir.path(),
        &["report", "--profile", "Acme <EU>", "--lang", "ja"],
    ));
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"),
        "html by default"
    );
    assert!(html.contains("<h2>接続</h2>"));

    let json: serde_json::Value = serde_json::from_str(&stdout(&cli(
        dir.path(),
        &["report", "--profile", "Acme <EU>", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(json["profileName"], "Acme <EU>");
    assert_eq!(json["handover"]["recipient"], "it@acme.example");
    assert_eq!(json["flows"].as_array().unwrap().len(), 5);

    let refused = cli(
        dir.path(),
        &["report", "--profile", "Acme <EU>", "--format", "pdf"],
    );
    assert!(!refused.status.success(), "an unknown format is refused");
    let missing = cli(dir.path(), &["--json", "report", "--profile", "Nobody"]);
    let error: serde_json::Value = serde_json::from_slice(&missing.stderr).unwrap();
    assert_eq!(error["code"], "not_found");
}

#[test]
fn the_report_is_written_to_a_file_or_into_a_folder_under_the_customers_name() {
    let dir = tempfile::tempdir().unwrap();
    recorded_profile(dir.path());
    let out = tempfile::tempdir().unwrap();

    let file = out.path().join("handover.md");
    let file_arg = file.to_str().unwrap();
    let printed = stdout(&cli(
        dir.path(),
        &[
            "report",
            "--profile",
            "Acme <EU>",
            "--format",
            "md",
            "-o",
            file_arg,
        ],
    ));
    assert!(printed.is_empty(), "nothing on standard output: {printed}");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("# Hand-over report")
    );

    let folder = out.path().to_str().unwrap();
    stdout(&cli(
        dir.path(),
        &["report", "--profile", "Acme <EU>", "--output", folder],
    ));
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html"))
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("Switchboard report - Acme _EU_ - 20"),
        "{}",
        names[0]
    );
}
