//! Address book entries and the CSV import preview, on inline files as Excel and others save them.

use switchboard_core::address_book::csv::Encoding;
use switchboard_core::address_book::{
    EntryDraft, EntryProblem, Import, ImportError, check_entry, read_csv,
};
use switchboard_core::directory::Region;
use switchboard_core::switchboard::address_book::preview_csv;

fn region(code: &str) -> Region {
    code.parse().unwrap()
}

fn read(bytes: &[u8], code: &str) -> Import {
    read_csv(bytes, region(code)).unwrap()
}

/// (line, codes) of every rejected row.
fn rejections(import: &Import) -> Vec<(u64, Vec<&'static str>)> {
    import
        .rejected
        .iter()
        .map(|r| (r.line, r.problems.iter().map(|p| p.code).collect()))
        .collect()
}

#[test]
fn comma_separated_file_without_bom_is_read() {
    let import = read(
        b"First name,Last name,Phone,Email\n\
          Alice,Martin,01 42 76 49 78,alice@example.com\n\
          Bob,Durand,,bob@example.com\n",
        "FR",
    );
    assert_eq!((import.separator, import.had_bom), (',', false));
    assert!(import.rejected.is_empty(), "{:?}", import.rejected);
    let alice = &import.accepted[0];
    assert_eq!(alice.line, 2);
    assert_eq!(alice.entry.phone.as_deref(), Some("+33142764978"));
    assert_eq!(alice.entry.email.as_deref(), Some("alice@example.com"));
    let bob = &import.accepted[1];
    assert_eq!((bob.line, bob.entry.phone.clone()), (3, None));
}

#[test]
fn semicolon_separated_french_file_with_bom_is_read_and_keeps_accents() {
    let import = read(
        "\u{feff}Prénom;Nom;Téléphone;Portable\r\n\
         Émilie;Lefèvre;01 42 76 49 78;06 12 34 56 78\r\n\
         E\u{301}lodie;Gagné;;\r\n"
            .as_bytes(),
        "FR",
    );
    assert_eq!((import.separator, import.had_bom), (';', true));
    assert!(import.rejected.is_empty(), "{:?}", import.rejected);
    let lines: Vec<_> = import.accepted.iter().map(|a| a.line).collect();
    assert_eq!(lines, vec![2, 3], "CRLF line ends count once");
    let fields: Vec<_> = import.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        vec![
            Some("firstName"),
            Some("lastName"),
            Some("phone"),
            Some("mobile")
        ]
    );
    let emilie = &import.accepted[0].entry;
    assert_eq!(
        (emilie.first_name.as_str(), emilie.last_name.as_str()),
        ("Émilie", "Lefèvre")
    );
    assert_eq!(emilie.mobile.as_deref(), Some("+33612345678"));
    // a decomposed accent (as macOS writes it) is kept exactly, not normalised
    assert_eq!(import.accepted[1].entry.first_name, "E\u{301}lodie");
}

#[test]
fn japanese_file_with_japanese_headers_is_read() {
    let import = read(
        "姓,名,電話番号,メールアドレス,部署\n山田,太郎,03-1234-5678,taro@example.jp,営業\n"
            .as_bytes(),
        "JP",
    );
    let entry = &import.accepted[0].entry;
    assert_eq!(
        (entry.last_name.as_str(), entry.first_name.as_str()),
        ("山田", "太郎")
    );
    assert_eq!(entry.phone.as_deref(), Some("+81312345678"));
    // an unknown column is listed, unmapped
    assert_eq!(import.columns[4].header, "部署");
    assert_eq!(import.columns[4].field, None);
}

#[test]
fn headers_match_ignoring_case_accents_spaces_and_dashes() {
    let import = read(
        b"FIRST NAME;last_name;E-Mail;Telephone Professionnel;Societe\nAnn;Lee;a@b.co;;Acme\n",
        "US",
    );
    let fields: Vec<_> = import.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        vec![
            Some("firstName"),
            Some("lastName"),
            Some("email"),
            Some("phone"),
            Some("company")
        ]
    );
}

#[test]
fn quoted_fields_keep_separators_quotes_and_newlines_and_lines_count_from_the_record_start() {
    let import = read(
        b"first name,last name,company,phone\n\
          Jean,Dupont,\"Dupont, Martin et Fils\",\n\
          Anne,Moreau,\"Le \"\"Grand\"\" Caf\xc3\xa9\",\n\
          Paul,Petit,\"Siege\nAnnexe\",\n\
          Zoe,Roux,Acme,not a phone\n",
        "FR",
    );
    let companies: Vec<_> = import
        .accepted
        .iter()
        .map(|a| (a.line, a.entry.company.clone().unwrap()))
        .collect();
    assert_eq!(
        companies,
        vec![
            (2, "Dupont, Martin et Fils".to_owned()),
            (3, "Le \"Grand\" Café".to_owned()),
            (4, "Siege\nAnnexe".to_owned()),
        ]
    );
    assert_eq!(rejections(&import), vec![(6, vec!["phone.unparseable"])]);
}

#[test]
fn bad_rows_are_rejected_with_their_line_and_good_rows_still_accepted() {
    let import = read(
        b"firstName,lastName,phone,email\n\
          Alice,Martin,01 42 76 49 78,alice@example.com\n\
          ,Durand,01 42,bob@\n\
          \n\
          Chloe,Bernard,,\n\
          Denis,Leroy,01\n\
          Eve,Moreau,06 12 34 56 78,\n",
        "FR",
    );
    let lines: Vec<_> = import.accepted.iter().map(|a| a.line).collect();
    assert_eq!(lines, vec![2, 5, 7]);
    assert_eq!(
        rejections(&import),
        vec![
            (
                3,
                vec![
                    "entry.first_name_missing",
                    "entry.email_invalid",
                    "phone.invalid"
                ]
            ),
            (6, vec!["row.cell_count"]),
        ]
    );
    let fields: Vec<_> = import.rejected[0]
        .problems
        .iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(
        fields,
        vec![Some("firstName"), Some("email"), Some("phone")]
    );
    assert_eq!(import.rejected[1].raw, vec!["Denis", "Leroy", "01"]);
}

#[test]
fn a_row_repeating_an_earlier_entry_is_rejected_as_duplicate() {
    let import = read(
        b"Prenom;Nom;Telephone\nAlice;Martin;01 42 76 49 78\n alice ;MARTIN;+33 1 42 76 49 78\n\
          Alice;Martin;06 12 34 56 78\n",
        "FR",
    );
    assert_eq!(import.accepted.len(), 2);
    assert_eq!(rejections(&import), vec![(3, vec!["row.duplicate"])]);
    assert_eq!(import.rejected[0].duplicate_of, Some(2));
}

#[test]
fn blank_lines_are_skipped_and_still_counted_in_line_numbers() {
    let import = read(
        b"\r\nfirstName;lastName\r\n\r\n\r\nAnn;Lee\r\n ; \r\nBob;\r\n\n",
        "FR",
    );
    assert_eq!(import.accepted[0].line, 5);
    assert_eq!(
        rejections(&import),
        vec![(7, vec!["entry.last_name_missing"])]
    );
}

#[test]
fn tab_separated_files_are_read_too() {
    let import = read(
        b"Given name\tSurname\tMobile\nAnn\tLee\t(415) 555-2671\n",
        "US",
    );
    assert_eq!(import.separator, '\t');
    assert_eq!(
        import.accepted[0].entry.mobile.as_deref(),
        Some("+14155552671")
    );
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/csv/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(path).unwrap()
}

fn names(import: &Import) -> Vec<(String, String)> {
    import
        .accepted
        .iter()
        .map(|r| (r.entry.first_name.clone(), r.entry.last_name.clone()))
        .collect()
}

#[test]
fn a_japanese_excel_file_in_shift_jis_is_read_as_shift_jis() {
    let bytes = fixture("excel-ja-shift_jis.csv");
    let expected = vec![
        ("太郎".to_owned(), "山田".to_owned()),
        ("花子".to_owned(), "佐藤".to_owned()),
    ];
    let import = read(&bytes, "JP");
    assert_eq!(import.encoding, Encoding::ShiftJis);
    assert!(import.rejected.is_empty(), "{:?}", import.rejected);
    assert_eq!(names(&import), expected);
    assert_eq!(
        import.accepted[0].entry.phone.as_deref(),
        Some("+81312345678")
    );
    // Its kana say Japanese in any region.
    let import = read(&bytes, "US");
    assert_eq!(import.encoding, Encoding::ShiftJis);
    assert_eq!(names(&import), expected);
}

#[test]
fn a_french_excel_file_in_windows_1252_with_semicolons_is_read_with_its_accents() {
    let bytes = fixture("excel-fr-windows-1252.csv");
    for region in ["FR", "US"] {
        let import = read(&bytes, region);
        assert_eq!(import.encoding, Encoding::Windows1252, "in {region}");
        assert_eq!(import.separator, ';');
        assert!(import.rejected.is_empty(), "{:?}", import.rejected);
        assert_eq!(
            names(&import),
            vec![
                ("Hélène".to_owned(), "Dupré".to_owned()),
                ("François".to_owned(), "Lefèvre".to_owned()),
            ]
        );
        assert_eq!(
            import.accepted[1].entry.company.as_deref(),
            Some("Café Noël")
        );
    }
}

#[test]
fn an_excel_unicode_text_file_in_utf16_with_tabs_is_read() {
    let import = read(&fixture("excel-unicode-text-utf16le.txt"), "SE");
    assert_eq!(import.encoding, Encoding::Utf16);
    assert!(import.had_bom);
    assert_eq!(import.separator, '\t');
    assert_eq!(
        names(&import),
        vec![("Zoë".to_owned(), "Åström".to_owned())]
    );
    let json = serde_json::to_value(&import).unwrap();
    assert_eq!(json["encoding"], "utf-16");
}

#[test]
fn a_utf8_file_is_read_as_utf8_and_bytes_that_break_their_mark_are_refused_naming_the_line() {
    assert_eq!(
        read("Prénom,Nom\nAna,Lo\n".as_bytes(), "FR").encoding,
        Encoding::Utf8
    );
    // A UTF-8 mark, then Windows-1252 bytes on the second line.
    assert_eq!(
        read_csv(
            b"\xEF\xBB\xBFNom,Pr\xC3\xA9nom\nDupr\xE9,Ana\n",
            region("FR")
        ),
        Err(ImportError::NotUtf8 { line: 2 })
    );
    // UTF-16 without its mark has NUL bytes: no encoding can be trusted.
    let utf16: Vec<u8> = "firstName,lastName\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        read_csv(&utf16, region("JP")),
        Err(ImportError::NotUtf8 { line: 1 })
    );
    let json = serde_json::to_value(ImportError::NotUtf8 { line: 2 }).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"code": "import.not_utf8", "line": 2})
    );
}

#[test]
fn columns_the_importer_does_not_know_are_named_in_the_preview() {
    let import = read(&fixture("excel-unicode-text-utf16le.txt"), "SE");
    assert_eq!(import.ignored_columns, vec!["Fax".to_owned()]);
    let import = read(b"First name,Last name,Notes,,Phone\nAna,Lo,x,,\n", "FR");
    assert_eq!(import.ignored_columns, vec!["Notes".to_owned()]);
    assert_eq!(
        read(b"First name,Last name\nAna,Lo\n", "FR").ignored_columns,
        Vec::<String>::new()
    );
}

#[test]
fn a_file_without_both_name_columns_is_refused() {
    assert_eq!(
        read_csv(b"Name,Phone\nAlice Martin,0142764978\n", region("FR")),
        Err(ImportError::MissingColumns {
            missing: vec!["firstName", "lastName"]
        })
    );
    assert_eq!(
        read_csv("Prénom;Téléphone\n".as_bytes(), region("FR")),
        Err(ImportError::MissingColumns {
            missing: vec!["lastName"]
        })
    );
    assert_eq!(
        read_csv(b"first name,last name,phone,tel\n", region("FR")),
        Err(ImportError::DuplicateColumn { field: "phone" })
    );
    assert_eq!(
        read_csv(b"\xEF\xBB\xBF\r\n \n", region("FR")),
        Err(ImportError::Empty)
    );
}

#[test]
fn a_header_only_file_is_an_empty_preview() {
    let import = read(b"firstName,lastName\n", "FR");
    assert!(import.accepted.is_empty() && import.rejected.is_empty());
}

#[test]
fn the_preview_serialises_entries_with_cxone_field_names() {
    let import = read(
        b"firstName,lastName,phone\nAlice,Martin,0142764978\nBob,,\n",
        "FR",
    );
    let json = serde_json::to_value(&import).unwrap();
    assert_eq!(json["separator"], ",");
    assert_eq!(json["accepted"][0]["entry"]["firstName"], "Alice");
    assert_eq!(json["accepted"][0]["entry"]["phone"], "+33142764978");
    assert!(json["accepted"][0]["entry"].get("mobile").is_none());
    assert_eq!(json["rejected"][0]["line"], 3);
    assert_eq!(json["rejected"][0]["problems"][0]["field"], "lastName");
    assert_eq!(
        json["rejected"][0]["problems"][0]["code"],
        "entry.last_name_missing"
    );
}

#[test]
fn typed_entries_are_trimmed_and_checked_field_by_field() {
    let draft = EntryDraft {
        first_name: "  Émilie ".into(),
        last_name: "Lefèvre".into(),
        company: " ".into(),
        phone: "01 42 76 49 78".into(),
        email: "emilie@example.fr".into(),
        ..Default::default()
    };
    let entry = check_entry(&draft, region("FR")).unwrap();
    assert_eq!(entry.first_name, "Émilie");
    assert_eq!((entry.company, entry.middle_name), (None, None));
    assert_eq!(entry.phone.as_deref(), Some("+33142764978"));

    let long = EntryDraft {
        first_name: "A".repeat(51),
        last_name: "B".repeat(50),
        company: "C".repeat(101),
        mobile: "hello".into(),
        email: format!("{}@example.com", "d".repeat(60)),
        ..Default::default()
    };
    assert_eq!(
        check_entry(&long, region("FR")),
        Err(vec![
            EntryProblem::field("firstName", "entry.too_long"),
            EntryProblem::field("company", "entry.too_long"),
            EntryProblem::field("mobile", "phone.unparseable"),
        ])
    );
    assert_eq!(
        check_entry(&EntryDraft::default(), region("FR")),
        Err(vec![
            EntryProblem::field("firstName", "entry.first_name_missing"),
            EntryProblem::field("lastName", "entry.last_name_missing"),
        ])
    );
}

#[test]
fn entry_keys_ignore_case_and_surrounding_spaces() {
    let a = check_entry(
        &EntryDraft {
            first_name: "Alice".into(),
            last_name: "Martin".into(),
            email: "Alice@Example.com".into(),
            ..Default::default()
        },
        region("FR"),
    )
    .unwrap();
    let mut b = a.clone();
    b.first_name = "ALICE".into();
    b.email = Some("alice@example.com".into());
    assert_eq!(a.key(), b.key());
    b.phone = Some("+33142764978".into());
    assert_ne!(a.key(), b.key());
}

/// The same table the UI's merge before saving is tested against (ui/src/lib/address-book.test.ts).
#[test]
fn entries_are_the_same_person_as_the_shared_table_says() {
    let table: serde_json::Value =
        serde_json::from_str(include_str!("../cases/entry_identity.json")).unwrap();
    for case in table["cases"].as_array().unwrap() {
        let a: switchboard_core::address_book::entry::Entry =
            serde_json::from_value(case[0].clone()).unwrap();
        let b: switchboard_core::address_book::entry::Entry =
            serde_json::from_value(case[1].clone()).unwrap();
        let same = case[2].as_bool().unwrap();
        assert_eq!(a.key() == b.key(), same, "{a:?} and {b:?}");
    }
}

/// A file far larger than any address book, or with more rows than one import may hold, is
/// refused whole with what to do, before anything is kept.
#[test]
fn oversize_files_and_too_many_rows_are_refused_with_their_limit() {
    let mut big = b"First name;Last name;Phone\n".to_vec();
    big.resize(switchboard_core::address_book::csv::MAX_BYTES + 1, b'x');
    assert_eq!(
        read_csv(&big, region("FR")).unwrap_err(),
        ImportError::TooLarge { max_mb: 10 }
    );

    let max = switchboard_core::address_book::csv::MAX_ROWS;
    let mut many = String::from("First name;Last name;Phone\n");
    for _ in 0..=max {
        many.push_str("x\n");
    }
    assert_eq!(
        read_csv(many.as_bytes(), region("FR")).unwrap_err(),
        ImportError::TooManyRows { max }
    );
    let error = preview_csv(&base64(many.as_bytes()), "FR").unwrap_err();
    let detail = error.detail().expect("a detail for the UI");
    assert_eq!(
        (detail.code, detail.params["max"].as_str()),
        ("import.too_many_rows", "50000")
    );
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn the_window_sends_the_file_as_base64_and_its_size_is_checked_before_decoding() {
    let file = "Prénom;Nom\nAna;Lo\n";
    let import = preview_csv(&base64(file.as_bytes()), "FR").unwrap();
    assert_eq!(import.accepted.len(), 1);
    // Longer than any 10 MB file encodes to, and not even base64: refused for its size.
    let huge = "#".repeat(switchboard_core::address_book::csv::MAX_BYTES / 3 * 4 + 8);
    let detail = preview_csv(&huge, "FR")
        .unwrap_err()
        .detail()
        .cloned()
        .unwrap();
    assert_eq!(
        (detail.code, detail.params["maxMb"].as_str()),
        ("import.too_large", "10")
    );
    let error = preview_csv("not base64!", "FR").unwrap_err();
    assert_eq!(error.code(), switchboard_core::ErrorCode::Internal);
}

#[test]
fn a_typed_cell_starting_like_a_formula_is_refused_naming_its_field() {
    let draft = EntryDraft {
        first_name: "=HYPERLINK(\"http://x.example\",\"Ana\")".into(),
        last_name: " @SUM(A1)".into(),
        middle_name: "-2+3".into(),
        company: "\t+cmd|' /C calc'!A0".into(),
        phone: "=1+2".into(),
        email: "ana@example.com".into(),
        ..EntryDraft::default()
    };
    let problems = check_entry(&draft, region("FR")).unwrap_err();
    assert_eq!(
        problems,
        ["firstName", "lastName", "middleName", "company", "phone"]
            .map(|field| EntryProblem::field(field, "entry.formula"))
            .to_vec()
    );
    // A phone number in international form starts with + and is fine.
    let entry = check_entry(
        &EntryDraft {
            first_name: "Ana".into(),
            last_name: "Lo".into(),
            phone: "+33 1 42 76 49 78".into(),
            mobile: "+33 6 12 34 56 78".into(),
            ..EntryDraft::default()
        },
        region("FR"),
    )
    .unwrap();
    assert_eq!(entry.phone.as_deref(), Some("+33142764978"));
}

#[test]
fn a_csv_row_with_a_formula_cell_is_rejected_and_the_others_kept() {
    let import = read(
        b"First name;Last name;Company;Phone\n\
          Ana;Lo;Acme;+33 1 42 76 49 78\n\
          Bob;Ray;=cmd|' /C calc'!A0;\n\
          \"\r-Eve\";Sol;;\n",
        "FR",
    );
    assert_eq!(import.accepted.len(), 1);
    assert_eq!(
        rejections(&import),
        vec![(3, vec!["entry.formula"]), (4, vec!["entry.formula"])]
    );
    assert_eq!(import.rejected[0].problems[0].field, Some("company"));
    assert_eq!(import.rejected[1].problems[0].field, Some("firstName"));
}
