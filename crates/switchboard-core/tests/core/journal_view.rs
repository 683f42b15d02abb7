//! The journal viewer: a profile's entries filtered by vendor, outcome and words, paged, and
//! the CSV export with formula cells neutralised.

use switchboard_core::locale::Locale;
use switchboard_core::storage::journal::Query;

use super::core;

#[test]
fn the_journal_filters_by_vendor_outcome_and_words_and_pages() {
    let core = core();
    let p = core.create_profile("Acme").unwrap().id;
    let other = core.create_profile("Globex").unwrap().id;
    for name in ["First", "Second", "Third"] {
        core.rename_profile(p, name).unwrap();
    }
    core.rename_profile(other, "Globex 100%").unwrap();

    let all = core
        .profile_journal(
            p,
            &Query {
                limit: 50,
                ..Query::default()
            },
        )
        .unwrap();
    assert_eq!(all.total, 4, "create and three renames, none of Globex's");
    assert_eq!(
        all.entries[0].detail.as_deref(),
        Some("Third"),
        "most recent first"
    );

    let renames = Query {
        search: Some("RENAME".into()),
        limit: 2,
        ..Query::default()
    };
    let page = core.profile_journal(p, &renames).unwrap();
    assert_eq!((page.total, page.entries.len()), (3, 2));
    let next = core
        .profile_journal(
            p,
            &Query {
                offset: 2,
                ..renames.clone()
            },
        )
        .unwrap();
    assert_eq!(next.entries[0].detail.as_deref(), Some("First"));

    let by_detail = Query {
        search: Some("Seco".into()),
        ..Query::default()
    };
    assert_eq!(core.profile_journal(p, &by_detail).unwrap().total, 1);
    let wildcard = Query {
        search: Some("%".into()),
        ..Query::default()
    };
    assert_eq!(
        core.profile_journal(p, &wildcard).unwrap().total,
        0,
        "% is a character"
    );
    assert_eq!(core.profile_journal(other, &wildcard).unwrap().total, 1);

    let failed = Query {
        outcome: Some("failed".into()),
        ..Query::default()
    };
    assert_eq!(core.profile_journal(p, &failed).unwrap().total, 0);
    let zoom = Query {
        vendor: Some("zoom".into()),
        ..Query::default()
    };
    assert_eq!(core.profile_journal(p, &zoom).unwrap().total, 0);
    assert_eq!(all.outcomes, ["ok"]);
}

#[test]
fn a_formula_typed_as_a_profile_name_is_text_in_the_csv() {
    let core = core();
    let p = core
        .create_profile("=HYPERLINK(\"http://evil\",\"x\")")
        .unwrap()
        .id;
    core.rename_profile(p, "@SUM(1+1)").unwrap();
    core.rename_profile(p, "-2+3").unwrap();
    core.rename_profile(p, "+cmd").unwrap();
    let csv = core.journal_csv(p, &Query::default(), Locale::Ja).unwrap();
    assert!(csv.starts_with("\u{feff}日時 (UTC),"));
    let body = csv.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let details: Vec<String> = reader.records().map(|r| r.unwrap()[4].to_owned()).collect();
    assert_eq!(
        details,
        [
            "'+cmd",
            "'-2+3",
            "'@SUM(1+1)",
            "'=HYPERLINK(\"http://evil\",\"x\")"
        ]
    );
}

#[test]
fn the_csv_is_saved_as_a_new_file_the_app_may_reveal() {
    let core = core();
    let p = core.create_profile("Équipe Tōkyō").unwrap().id;
    let folder = tempfile::tempdir().unwrap();
    let saved = core
        .export_journal(p, &Query::default(), Locale::Fr, folder.path())
        .unwrap();
    assert!(
        saved.path.contains("journal-equipe-tokyo-"),
        "{}",
        saved.path
    );
    let second = core
        .export_journal(p, &Query::default(), Locale::Fr, folder.path())
        .unwrap();
    assert_ne!(saved.path, second.path, "never replaced");
    let text = std::fs::read_to_string(&saved.path).unwrap();
    assert!(text.contains("Équipe Tōkyō"));
}
