//! The step catalogue: every flow is present with its seed's steps, structurally sound, fully
//! translated, and every deep link is an https vendor page.

use switchboard_core::catalogue::{self, placeholders};
use switchboard_core::links;

/// Each seed procedure and the flow that mirrors it.
const SEEDS: &[(&str, &str)] = &[
    ("000_f1d75d1f4f5057a6", "zoom-directory-sync"),
    ("001_2da757d4adbf38ea", "zoom-directory-sync"),
    ("002_3e3ea3dfe9aafdb5", "genesys-data-actions"),
    ("003_8cc1c0b9b4b7c479", "zoom-contact-center-salesforce"),
    ("004_6f1526cce97ee686", "cxone-salesforce-presence"),
];

/// Texts that are the same word in every language (product and vendor names, codes).
const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
    "Zoom",
    "Salesforce",
    "NICE CXone",
    "CXone",
    "Genesys Cloud",
    "AWS Lambda",
    "Google",
    "Microsoft Dynamics 365",
    "Zendesk",
    "Hyperforce",
    "OAuth",
    "Client ID",
    "Account ID",
    "Role ARN",
    "E-mail",
    "URL",
    "XML",
    "SSO",
    "Lightning",
    "Omni-Channel",
    "Production",
];

#[test]
fn the_catalogue_has_the_five_flows_in_order() {
    let ids: Vec<&str> = catalogue::flows().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "zoom-directory-sync",
            "cxone-salesforce-presence",
            "genesys-data-actions",
            "zoom-contact-center-salesforce",
            "review-report"
        ]
    );
}

#[test]
fn every_seed_is_mirrored_by_its_flow() {
    for (seed, flow_id) in SEEDS {
        let flow = catalogue::flow(flow_id).expect(flow_id);
        assert!(
            flow.seeds.iter().any(|s| s == seed),
            "{flow_id} must name seed {seed}"
        );
        assert!(
            flow.steps.len() >= 5,
            "{flow_id} has only {} steps",
            flow.steps.len()
        );
    }
}

#[test]
fn every_flow_is_structurally_sound() {
    let problems: Vec<String> = catalogue::flows()
        .iter()
        .flat_map(catalogue::structural_problems)
        .collect();
    assert!(
        problems.is_empty(),
        "catalogue problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_text_exists_in_english_french_and_japanese() {
    let mut problems = Vec::new();
    for flow in catalogue::flows() {
        for (at, text) in catalogue::texts(flow) {
            if text.en.trim().is_empty() || text.fr.trim().is_empty() || text.ja.trim().is_empty() {
                problems.push(format!("{at}: a language is empty"));
                continue;
            }
            let proper_name = SAME_IN_EVERY_LANGUAGE.contains(&text.en.as_str());
            if !proper_name && (text.fr == text.en || text.ja == text.en) {
                problems.push(format!("{at}: left in English: {}", text.en));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "untranslated catalogue texts:\n{}",
        problems.join("\n")
    );
}

#[test]
fn japanese_texts_are_written_in_japanese() {
    for flow in catalogue::flows() {
        for (at, text) in catalogue::texts(flow) {
            let kana_or_kanji = text
                .ja
                .chars()
                .any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
            let proper_name = SAME_IN_EVERY_LANGUAGE.contains(&text.en.as_str());
            assert!(
                kana_or_kanji || proper_name,
                "{at}: no Japanese in {:?}",
                text.ja
            );
        }
    }
}

#[test]
fn every_deep_link_is_an_https_vendor_page() {
    for flow in catalogue::flows() {
        for step in &flow.steps {
            for link in &step.links {
                // Placeholders are filled with a value of the shape their field accepts.
                let mut url = link.url.clone();
                for name in placeholders(&link.url) {
                    let sample = match name {
                        n if n.contains("region") => "mypurecloud.com",
                        n if n.starts_with("sf-") => "acme.my.salesforce.com",
                        _ => "acme.zoom.us",
                    };
                    url = url.replace(&format!("{{{{{name}}}}}"), sample);
                }
                assert!(
                    links::check(&url).is_ok(),
                    "{}/{}: link {} is not an allowed vendor page",
                    flow.id,
                    step.id,
                    link.url
                );
            }
        }
    }
}

/// The steps of each flow, in the order of its seed procedure. Changing a flow's steps is a
/// deliberate act: this list changes with it.
#[test]
fn every_flow_has_its_seeds_steps_in_order() {
    let expected: &[(&str, &[&str])] = &[
        (
            "zoom-directory-sync",
            &[
                "choose-purpose",
                "zoom-app-create",
                "zoom-event-subscription",
                "zoom-app-scopes",
                "zoom-presence-app",
                "cxone-address-book",
                "cxone-map-account",
                "zoom-validate-endpoint",
                "cxone-directory-sync",
            ],
        ),
        (
            "cxone-salesforce-presence",
            &[
                "sf-prerequisites",
                "sf-presence-statuses",
                "sf-profile-status-access",
                "sf-connected-app",
                "sf-consumer-credentials",
                "sf-oauth-settings",
                "sf-option-ip-range",
                "sf-option-security-token",
                "sf-login-check",
                "cxone-map-account",
                "cxone-presence-rule",
            ],
        ),
        (
            "genesys-data-actions",
            &[
                "genesys-org",
                "aws-role",
                "gc-oauth-client",
                "google-service-account",
                "dynamics-entra",
                "salesforce-prepare",
                "zendesk-token",
                "data-actions",
            ],
        ),
        (
            "zoom-contact-center-salesforce",
            &[
                "zcc-sf-prerequisites",
                "sf-install-package",
                "sf-activate-zcc-product",
                "sf-authorize-zoom-marketplace",
                "sf-import-call-center",
                "sf-softphone-utility-item",
                "sf-assign-permission-sets",
                "sf-add-call-center-users",
                "zoom-add-salesforce-oauth",
                "zoom-enable-client-integration",
                "zcc-remove-agents",
                "zoom-edit-remove-connection",
                "sf-zoom-settings-country-codes",
                "sf-omni-channel-status-sync",
                "sf-related-objects",
                "sf-screen-pop-layout",
                "sso-call-center",
                "zoom-remove-marketplace-app",
                "zcc-data-usage",
            ],
        ),
        ("review-report", &["review-setup", "handover"]),
    ];
    for (flow_id, steps) in expected {
        let flow = catalogue::flow(flow_id).expect(flow_id);
        let ids: Vec<&str> = flow.steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(&ids, steps, "{flow_id} steps changed");
    }
}
