//! Directory Sync, offline: phone numbers per region, translation pattern sets, attribute map.

use switchboard_core::directory::attributes::{all_acd, all_zoom, compatible, zoom_options_for};
use switchboard_core::directory::phone::{self, E164};
use switchboard_core::directory::{
    AcdAttribute, AttributeMap, AttributePair, Format, Pattern, PatternSet, PhoneError, Region,
    RuleProblem, TranslationRules, TranslationStatus, ZoomAttribute,
};

fn region(code: &str) -> Region {
    code.parse().unwrap()
}

fn e164(input: &str, code: &str) -> Result<String, &'static str> {
    phone::parse(input, region(code))
        .map(|n| n.to_string())
        .map_err(|e| e.code())
}

#[test]
fn french_numbers_in_every_usual_spelling_become_e164() {
    for (input, expected) in [
        ("01 42 76 49 78", "+33142764978"),
        ("01.42.76.49.78", "+33142764978"),
        ("+33 1 42 76 49 78", "+33142764978"),
        ("+33 (0)1 42 76 49 78", "+33142764978"),
        ("0033142764978", "+33142764978"),
        ("06 12 34 56 78", "+33612345678"),
        ("\u{a0}01\u{a0}42\u{202f}76 49 78 ", "+33142764978"),
    ] {
        assert_eq!(e164(input, "FR"), Ok(expected.to_owned()), "{input}");
    }
}

#[test]
fn japanese_numbers_use_japans_own_international_prefix() {
    for (input, expected) in [
        ("03-1234-5678", "+81312345678"),
        ("090-1234-5678", "+819012345678"),
        ("+81 3 1234 5678", "+81312345678"),
        ("010 81 3 1234 5678", "+81312345678"),
        ("０３－１２３４－５６７８", "+81312345678"),
        ("010 33 1 42 76 49 78", "+33142764978"),
    ] {
        assert_eq!(e164(input, "JP"), Ok(expected.to_owned()), "{input}");
    }
}

#[test]
fn us_numbers_use_011_as_international_prefix() {
    for (input, expected) in [
        ("(415) 555-2671", "+14155552671"),
        ("415-555-2671", "+14155552671"),
        ("+1 415 555 2671", "+14155552671"),
        ("011 33 1 42 76 49 78", "+33142764978"),
    ] {
        assert_eq!(e164(input, "US"), Ok(expected.to_owned()), "{input}");
    }
}

#[test]
fn an_international_number_keeps_every_digit_whatever_the_region() {
    // Upstream, parsing "+33142764978" with region US drops a digit (rust-phonenumber #100).
    for code in ["US", "FR", "JP", "DE"] {
        assert_eq!(
            e164("+33142764978", code),
            Ok("+33142764978".to_owned()),
            "{code}"
        );
    }
}

#[test]
fn bad_numbers_are_refused_with_a_code() {
    for (input, code, expected) in [
        ("", "FR", PhoneError::Empty),
        (" - . ", "FR", PhoneError::Empty),
        ("01 42", "FR", PhoneError::Invalid),
        ("01 42 76 49 7", "FR", PhoneError::Invalid),
        ("01 42 AB 49 78", "FR", PhoneError::Unparseable),
        ("call me", "US", PhoneError::Unparseable),
        ("01 42 +76 49 78", "FR", PhoneError::Unparseable),
        ("+99 123 456 789", "FR", PhoneError::Invalid),
        ("415 555 2671", "FR", PhoneError::Invalid),
    ] {
        assert_eq!(
            phone::parse(input, region(code)),
            Err(expected),
            "{input} in {code}"
        );
    }
    assert_eq!(PhoneError::Invalid.code(), "phone.invalid");
}

#[test]
fn regions_are_iso_codes_known_to_the_metadata() {
    assert_eq!(region("fr").to_string(), "FR");
    assert_eq!(serde_json::to_string(&region("JP")).unwrap(), "\"JP\"");
    assert_eq!(
        serde_json::from_str::<Region>("\"US\"").unwrap(),
        region("US")
    );
    for bad in ["", "XX", "FRA", "France", "001"] {
        let refused = bad.parse::<Region>().unwrap_err();
        assert_eq!(refused.code(), "region.unknown", "{bad}");
    }
    assert!(serde_json::from_str::<Region>("\"ZZ\"").is_err());
}

#[test]
fn e164_values_read_back_only_when_international_and_valid() {
    let number: E164 = serde_json::from_str("\"+33142764978\"").unwrap();
    assert_eq!(number.as_str(), "+33142764978");
    assert_eq!(serde_json::to_string(&number).unwrap(), "\"+33142764978\"");
    assert!("0142764978".parse::<E164>().is_err());
    assert!("+331427".parse::<E164>().is_err());
}

fn rules(json: &str) -> TranslationRules {
    serde_json::from_str(json).unwrap()
}

/// The brief's example document, which is also the CLI's `--rules` format.
const EXAMPLE_RULES: &str = r#"{"sets": [
  {"name": "France", "region": "FR", "patterns": [
     {"match": "0XXXXXXXXX", "strip": 0, "prefix": "", "format": "e164"},
     {"match": "+33*", "format": "e164"}]},
  {"name": "Japan", "region": "JP", "patterns": [{"match": "0*", "format": "e164"}]},
  {"name": "Short extensions", "region": "US", "patterns": [
     {"match": "XXXX", "prefix": "+1415555", "format": "keep"}]}
]}"#;

#[test]
fn example_rules_translate_french_japanese_and_short_numbers() {
    let rules = rules(EXAMPLE_RULES);
    assert!(rules.problems().is_empty(), "{:?}", rules.problems());
    for (input, after, status, set, pattern) in [
        (
            "01 42 76 49 78",
            "+33142764978",
            TranslationStatus::Translated,
            0,
            0,
        ),
        (
            "+33 1 42 76 49 78",
            "+33142764978",
            TranslationStatus::Translated,
            0,
            1,
        ),
        (
            "+33142764978",
            "+33142764978",
            TranslationStatus::Unchanged,
            0,
            1,
        ),
        // eleven digits starting with 0: not French, so the Japanese set takes it
        (
            "090-1234-5678",
            "+819012345678",
            TranslationStatus::Translated,
            1,
            0,
        ),
        ("2671", "+14155552671", TranslationStatus::Translated, 2, 0),
    ] {
        let t = rules.translate(input);
        assert_eq!(t.before, input.trim());
        assert_eq!(t.after.as_deref(), Some(after), "{input}");
        assert_eq!(t.status, status, "{input}");
        assert_eq!((t.set, t.pattern), (Some(set), Some(pattern)), "{input}");
        assert_eq!(t.reason, None);
    }
}

#[test]
fn a_national_number_no_pattern_matches_is_reported_as_no_match() {
    let t = rules(EXAMPLE_RULES).translate("415 555 26");
    assert_eq!(t.status, TranslationStatus::NoMatch);
    assert_eq!((t.after, t.set, t.pattern), (None, None, None));
}

#[test]
fn a_number_already_international_is_recognised_whatever_the_sets_regions() {
    let rules = rules(EXAMPLE_RULES);
    for (input, after, status) in [
        (
            "+1 415 555 2671",
            "+14155552671",
            TranslationStatus::Translated,
        ),
        (
            "0044 20 7946 0958",
            "+442079460958",
            TranslationStatus::Translated,
        ),
        (
            "+4420794609 58",
            "+442079460958",
            TranslationStatus::Translated,
        ),
        ("+14155552671", "+14155552671", TranslationStatus::Unchanged),
    ] {
        let t = rules.translate(input);
        assert_eq!(
            (t.after.as_deref(), t.status),
            (Some(after), status),
            "{input}"
        );
        assert_eq!((t.set, t.pattern), (None, None), "no pattern was needed");
    }
    // International in form, but no real number of its country: never "translated".
    let short = rules.translate("+44 20 79");
    assert_eq!(short.status, TranslationStatus::Invalid);
    assert_eq!(short.reason, Some("phone.invalid"));
}

#[test]
fn a_kept_international_result_must_be_valid_for_its_country() {
    let rules = rules(
        r#"{"sets": [{"name": "Desk", "region": "FR", "patterns": [
            {"match": "9XX", "strip": 1, "prefix": "+3314", "format": "keep"}]}]}"#,
    );
    let t = rules.translate("912");
    assert_eq!(
        t.status,
        TranslationStatus::Invalid,
        "+331412 is no French number"
    );
    assert_eq!(t.after, None);
}

#[test]
fn a_match_that_is_not_a_valid_number_is_invalid_with_the_phone_code() {
    // 0X…: ten digits, matched by France, but no French number starts 070
    let t = rules(EXAMPLE_RULES).translate("07 00 00 00 00");
    assert_eq!(t.status, TranslationStatus::Invalid);
    assert_eq!(t.reason, Some("phone.invalid"));
    assert_eq!((t.set, t.pattern), (Some(0), Some(0)));
    assert_eq!(t.after, None);
}

#[test]
fn empty_and_unreadable_numbers_are_told_apart() {
    let rules = rules(EXAMPLE_RULES);
    assert_eq!(rules.translate("  ").status, TranslationStatus::Empty);
    let letters = rules.translate("ext. 12");
    assert_eq!(letters.status, TranslationStatus::Invalid);
    assert_eq!(letters.reason, Some("phone.unparseable"));
}

#[test]
fn strip_and_prefix_rewrite_the_number_before_its_format() {
    let rules = rules(
        r#"{"sets": [{"name": "Paris desk", "region": "FR", "patterns": [
            {"match": "9XXXX", "strip": 1, "prefix": "+3314276", "format": "keep"},
            {"match": "8XXXX", "strip": 1, "prefix": "014276", "format": "e164"},
            {"match": "7*", "strip": 1, "prefix": "12", "format": "keep"}]}]}"#,
    );
    assert_eq!(
        rules.translate("94978").after.as_deref(),
        Some("+33142764978")
    );
    assert_eq!(
        rules.translate("8-4978").after.as_deref(),
        Some("+33142764978")
    );
    // `keep` leaves a bare number alone even when it is no real number
    assert_eq!(rules.translate("7").after.as_deref(), Some("12"));
    assert_eq!(rules.translate("712345").after.as_deref(), Some("1212345"));
}

#[test]
fn a_star_matches_any_number_of_further_digits_only() {
    let rules = rules(
        r#"{"sets": [{"name": "JP", "region": "JP", "patterns": [{"match": "0*", "format": "e164"}]}]}"#,
    );
    assert_eq!(
        rules.translate("03-1234-5678").after.as_deref(),
        Some("+81312345678")
    );
    assert_eq!(
        rules.translate("81 3 1234 5678").status,
        TranslationStatus::NoMatch
    );
    assert_eq!(rules.translate("0").status, TranslationStatus::Invalid);
}

#[test]
fn example_rules_per_region_translate_national_and_international_numbers() {
    for (code, input, expected) in [
        ("FR", "01 42 76 49 78", "+33142764978"),
        ("FR", "+33 6 12 34 56 78", "+33612345678"),
        ("JP", "03-1234-5678", "+81312345678"),
        ("JP", "+81 90 1234 5678", "+819012345678"),
        ("US", "(415) 555-2671", "+14155552671"),
        ("US", "1 415 555 2671", "+14155552671"),
        ("US", "+1 415 555 2671", "+14155552671"),
        ("DE", "030 123456", "+4930123456"),
    ] {
        let rules = TranslationRules::example(region(code));
        assert!(
            rules.problems().is_empty(),
            "{code}: {:?}",
            rules.problems()
        );
        assert_eq!(
            rules.translate(input).after.as_deref(),
            Some(expected),
            "{code} {input}"
        );
    }
}

#[test]
fn rules_documents_default_strip_prefix_and_format_and_refuse_unknown_fields() {
    let rules = rules(r#"{"sets": [{"name": "A", "region": "FR", "patterns": [{"match": "1"}]}]}"#);
    let pattern = &rules.sets[0].patterns[0];
    assert_eq!(
        (pattern.strip, pattern.prefix.as_str(), pattern.format),
        (0, "", Format::Keep)
    );
    let typo =
        r#"{"sets": [{"name": "A", "region": "FR", "patterns": [{"match": "1", "prefx": "2"}]}]}"#;
    assert!(serde_json::from_str::<TranslationRules>(typo).is_err());
    let bad_region = r#"{"sets": [{"name": "A", "region": "France", "patterns": []}]}"#;
    assert!(serde_json::from_str::<TranslationRules>(bad_region).is_err());
    let json = serde_json::to_value(TranslationRules::example(region("FR"))).unwrap();
    assert_eq!(json["sets"][0]["patterns"][0]["match"], "0XXXXXXXXX");
    assert_eq!(json["sets"][0]["patterns"][0]["format"], "e164");
}

#[test]
fn translations_serialise_with_snake_case_statuses() {
    let json = serde_json::to_value(rules(EXAMPLE_RULES).translate("01 42 76 49 78")).unwrap();
    assert_eq!(json["status"], "translated");
    assert_eq!(json["after"], "+33142764978");
    let json = serde_json::to_value(rules(EXAMPLE_RULES).translate("212 55")).unwrap();
    assert_eq!(json["status"], "no_match");
}

fn pattern(matches: &str, strip: u32, prefix: &str) -> Pattern {
    Pattern {
        matches: matches.to_owned(),
        strip,
        prefix: prefix.to_owned(),
        format: Format::Keep,
    }
}

fn set(name: &str, patterns: Vec<Pattern>) -> PatternSet {
    PatternSet {
        name: name.to_owned(),
        region: region("FR"),
        patterns,
    }
}

fn problem(set: usize, pattern: Option<usize>, code: &'static str) -> RuleProblem {
    RuleProblem { set, pattern, code }
}

#[test]
fn malformed_patterns_are_named_by_set_and_position() {
    let rules = TranslationRules {
        sets: vec![
            set(
                "A",
                vec![
                    pattern("", 0, ""),
                    pattern("0X X", 0, ""),
                    pattern("0*1", 0, ""),
                    pattern("1X+", 0, ""),
                    pattern("2XX*", 4, ""),
                    pattern("3XX*", 3, "+33 1"),
                ],
            ),
            set(" a ", vec![]),
            set("", vec![]),
        ],
    };
    assert_eq!(
        rules.problems(),
        vec![
            problem(0, Some(0), "rules.empty_match"),
            problem(0, Some(1), "rules.bad_match_character"),
            problem(0, Some(2), "rules.star_not_last"),
            problem(0, Some(3), "rules.bad_match_character"),
            problem(0, Some(4), "rules.strip_too_long"),
            problem(0, Some(5), "rules.bad_prefix"),
            problem(1, None, "rules.duplicate_set_name"),
            problem(2, None, "rules.empty_set_name"),
        ]
    );
}

#[test]
fn patterns_an_earlier_one_always_takes_first_are_unreachable() {
    let rules = TranslationRules {
        sets: vec![
            set(
                "A",
                vec![pattern("0XXXXXXXXX", 0, ""), pattern("01XXXXXXXX", 0, "")],
            ),
            set(
                "B",
                vec![
                    pattern("0XXXXXXXXX", 0, ""),
                    pattern("0*", 0, ""),
                    pattern("06*", 0, ""),
                    pattern("0612345678", 0, ""),
                    pattern("1*", 0, ""),
                    pattern("1XXX", 0, ""),
                    pattern("+33*", 0, ""),
                ],
            ),
        ],
    };
    assert_eq!(
        rules.problems(),
        vec![
            problem(0, Some(1), "rules.unreachable"),
            problem(1, Some(0), "rules.unreachable"),
            problem(1, Some(2), "rules.unreachable"),
            problem(1, Some(3), "rules.unreachable"),
            problem(1, Some(5), "rules.unreachable"),
        ]
    );
}

#[test]
fn attributes_pair_only_with_their_own_kind() {
    assert!(compatible(
        AcdAttribute::BusinessPhone,
        ZoomAttribute::Phone
    ));
    assert!(compatible(
        AcdAttribute::BusinessPhone,
        ZoomAttribute::Mobile
    ));
    assert!(compatible(AcdAttribute::MobilePhone, ZoomAttribute::Phone));
    assert!(!compatible(
        AcdAttribute::BusinessPhone,
        ZoomAttribute::Extension
    ));
    assert!(!compatible(AcdAttribute::Extension, ZoomAttribute::Phone));
    assert!(compatible(
        AcdAttribute::Extension,
        ZoomAttribute::Extension
    ));
    assert!(!compatible(AcdAttribute::FirstName, ZoomAttribute::Email));
    assert!(compatible(
        AcdAttribute::Department,
        ZoomAttribute::JobTitle
    ));
    assert!(!compatible(
        AcdAttribute::Company,
        ZoomAttribute::DisplayName
    ));
    assert_eq!(
        zoom_options_for(AcdAttribute::BusinessPhone),
        vec![ZoomAttribute::Phone, ZoomAttribute::Mobile]
    );
    assert_eq!(
        zoom_options_for(AcdAttribute::Extension),
        vec![ZoomAttribute::Extension]
    );
    // every ACD attribute can be filled by something
    assert!(
        all_acd()
            .iter()
            .all(|&acd| !zoom_options_for(acd).is_empty())
    );
    assert_eq!((all_acd().len(), all_zoom().len()), (10, 10));
}

#[test]
fn attribute_ids_are_kebab_case() {
    assert_eq!(
        serde_json::to_string(&AcdAttribute::BusinessPhone).unwrap(),
        "\"business-phone\""
    );
    let pair: AttributePair =
        serde_json::from_str(r#"{"acd": "job-title", "zoom": "job-title"}"#).unwrap();
    assert_eq!(
        (pair.acd, pair.zoom),
        (AcdAttribute::JobTitle, ZoomAttribute::JobTitle)
    );
}

#[test]
fn the_seed_map_pairs_business_phone_with_phone_and_has_no_problems() {
    let map = AttributeMap::seed_default();
    assert!(map.pairs.contains(&AttributePair {
        acd: AcdAttribute::BusinessPhone,
        zoom: ZoomAttribute::Phone,
    }));
    assert!(map.problems().is_empty());
}

#[test]
fn incompatible_and_doubly_fed_rows_are_named() {
    let mut map = AttributeMap::seed_default();
    map.pairs.push(AttributePair {
        acd: AcdAttribute::Extension,
        zoom: ZoomAttribute::Mobile,
    });
    map.pairs.push(AttributePair {
        acd: AcdAttribute::BusinessPhone,
        zoom: ZoomAttribute::Mobile,
    });
    let problems: Vec<(usize, &str)> = map.problems().iter().map(|p| (p.row, p.code)).collect();
    assert_eq!(
        problems,
        vec![(4, "map.incompatible"), (5, "map.duplicate_acd")]
    );
}
