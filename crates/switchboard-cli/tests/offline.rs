//! The offline commands (`address-book check`, `directory translate`) on files in a temporary
//! folder, running the real binary. They need no database: no `--data-dir` is given.

use std::path::Path;
use std::process::{Command, Output};

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

fn write(dir: &Path, name: &str, content: &[u8]) {
    std::fs::write(dir.join(name), content).unwrap();
}

const PEOPLE_WITH_TWO_BAD_ROWS: &str = "\u{feff}Prénom;Nom;Téléphone\r\n\
    Émilie;Lefèvre;01 42 76 49 78\r\n\
    ;Durand;01 42 76 49 79\r\n\
    Jean;Martin;06 12 34 56 78\r\n\
    Anne;Moreau;01 42\r\n";

#[test]
fn address_book_check_names_the_lines_of_refused_rows_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "people.csv",
        PEOPLE_WITH_TWO_BAD_ROWS.as_bytes(),
    );
    let output = cli(
        dir.path(),
        &["address-book", "check", "people.csv", "--region", "FR"],
    );
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    assert!(out.contains("2 accepted, 2 rejected"), "{out}");
    assert!(
        out.contains("line 3: firstName: first name missing (entry.first_name_missing)"),
        "{out}"
    );
    assert!(out.contains("line 5: phone:"), "{out}");
    assert!(out.contains("(phone.invalid)"), "{out}");
}

#[test]
fn address_book_check_of_a_clean_file_succeeds_and_prints_entries_as_json() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "people.csv",
        "姓,名,電話番号\n山田,太郎,03-1234-5678\n佐藤,花子,+81 90 1234 5678\n".as_bytes(),
    );
    let args = ["address-book", "check", "people.csv", "--region", "JP"];
    let output = cli(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("2 accepted, 0 rejected"));

    let output = cli(dir.path(), &[&["--json"], &args[..]].concat());
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["accepted"][0]["entry"]["lastName"], "山田");
    assert_eq!(json["accepted"][0]["entry"]["phone"], "+81312345678");
    assert_eq!(json["accepted"][1]["entry"]["phone"], "+819012345678");
    assert_eq!(json["rejected"], serde_json::json!([]));
}

#[test]
fn address_book_check_json_lists_rejected_rows_with_codes() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "people.csv",
        PEOPLE_WITH_TWO_BAD_ROWS.as_bytes(),
    );
    let output = cli(
        dir.path(),
        &[
            "--json",
            "address-book",
            "check",
            "people.csv",
            "--region",
            "FR",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["hadBom"], true);
    assert_eq!(json["rejected"][0]["line"], 3);
    assert_eq!(
        json["rejected"][0]["problems"][0]["code"],
        "entry.first_name_missing"
    );
    assert_eq!(json["rejected"][1]["line"], 5);
}

#[test]
fn address_book_check_reports_an_unreadable_file_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    // Shift-JIS, as Japanese Excel saves: read, and said so
    write(
        dir.path(),
        "sjis.csv",
        b"\x90\xa9,\x96\xbc\n\x8e\x52\x93\x63,\x91\xbe\x98\x59\n",
    );
    let output = cli(
        dir.path(),
        &["address-book", "check", "sjis.csv", "--region", "JP"],
    );
    assert_eq!(output.status.code(), Some(0));
    let out = text(&output.stdout);
    assert!(
        out.contains("1 accepted, 0 rejected (separator ',', read as shift_jis)"),
        "{out}"
    );

    // A UTF-8 byte-order mark, then Windows-1252 bytes on line 2: not readable as what it claims
    write(
        dir.path(),
        "broken.csv",
        b"\xEF\xBB\xBFNom,Pr\xC3\xA9nom\nDupr\xE9,Ana\n",
    );
    let output = cli(
        dir.path(),
        &["address-book", "check", "broken.csv", "--region", "JP"],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    assert!(
        err.contains("broken.csv: line 2:") && err.contains("import.not_utf8"),
        "{err}"
    );

    let output = cli(
        dir.path(),
        &[
            "--json",
            "address-book",
            "check",
            "missing.csv",
            "--region",
            "JP",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("missing.csv"));

    let refused = cli(dir.path(), &["address-book", "check", "sjis.csv"]);
    assert_eq!(refused.status.code(), Some(2), "--region is required");
}

const RULES: &str = r#"{"sets": [
  {"name": "France", "region": "FR", "patterns": [
     {"match": "0XXXXXXXXX", "format": "e164"}, {"match": "+33*", "format": "e164"}]},
  {"name": "Japan", "region": "JP", "patterns": [{"match": "0XXXXXXXXXX", "format": "e164"}]},
  {"name": "US", "region": "US", "patterns": [{"match": "1XXXXXXXXXX", "format": "e164"}]}
]}"#;

#[test]
fn directory_translate_writes_french_japanese_and_us_numbers_in_e164() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.json", RULES.as_bytes());
    let numbers = ["01 42 76 49 78", "090-1234-5678", "1 (415) 555-2671"];
    let output = cli(
        dir.path(),
        &[
            &["directory", "translate", "--rules", "rules.json"],
            &numbers[..],
        ]
        .concat(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    for line in [
        "01 42 76 49 78 → +33142764978",
        "090-1234-5678 → +819012345678",
        "1 (415) 555-2671 → +14155552671",
    ] {
        assert!(out.contains(line), "{out}");
    }

    let output = cli(
        dir.path(),
        &[
            &["--json", "directory", "translate", "--rules", "rules.json"],
            &numbers[..],
        ]
        .concat(),
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let after: Vec<_> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["after"].clone())
        .collect();
    assert_eq!(after, ["+33142764978", "+819012345678", "+14155552671"]);
    assert_eq!(json[1]["set"], 1);
}

#[test]
fn directory_translate_fails_naming_why_a_number_is_not_translated() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.json", RULES.as_bytes());
    let output = cli(
        dir.path(),
        &[
            "directory",
            "translate",
            "--rules",
            "rules.json",
            "12345",
            "00 12 34 56 78",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    assert!(
        out.contains("12345 → not translated: no pattern matched"),
        "{out}"
    );
    assert!(out.contains("00 12 34 56 78 → not translated:") && out.contains("(phone.invalid)"));

    let output = cli(
        dir.path(),
        &[
            "--json",
            "directory",
            "translate",
            "--rules",
            "rules.json",
            "12345",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json[0]["status"], "no_match");
}

#[test]
fn directory_translate_fails_on_rules_with_problems_or_unreadable_rules() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules.json",
        br#"{"sets": [{"name": "FR", "region": "FR", "patterns": [{"match": "0*", "format": "e164"}, {"match": "01*"}]}]}"#,
    );
    let output = cli(
        dir.path(),
        &[
            "directory",
            "translate",
            "--rules",
            "rules.json",
            "01 42 76 49 78",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    assert!(
        err.contains("set 1 \"FR\", pattern 2") && err.contains("rules.unreachable"),
        "{err}"
    );

    write(
        dir.path(),
        "broken.json",
        br#"{"sets": [{"name": "FR", "region": "France"}]}"#,
    );
    let output = cli(
        dir.path(),
        &[
            "directory",
            "translate",
            "--rules",
            "broken.json",
            "0142764978",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("broken.json"));
}
