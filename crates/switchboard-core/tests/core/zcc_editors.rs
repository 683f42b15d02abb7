//! Flow 4's editors through the facade: country codes added one at a time in any typed form,
//! and the Omni-Channel status map with both sides read live from the emulator (Zoom Contact
//! Center's agent statuses, Salesforce's presence statuses), including an org without
//! Omni-Channel.

use switchboard_core::zcc::status_map::{Row, StatusMap};
use switchboard_core::{Error, ErrorCode, Locale};

use super::practice;

const FLOW: &str = "zoom-contact-center-salesforce";
const CODES_STEP: &str = "sf-zoom-settings-country-codes";
const CODES: &str = "zcc-country-codes";

fn codes_of(view: &switchboard_core::flow::FlowView) -> Vec<String> {
    let step = view.steps.iter().find(|s| s.id == CODES_STEP).unwrap();
    let field = step.fields.iter().find(|f| f.id == CODES).unwrap();
    field
        .country_codes
        .as_ref()
        .expect("a country-codes field lists its entries")
        .iter()
        .map(|e| {
            let regions = e.country.as_ref().map(|c| c.regions[0].clone());
            format!("{} {}", e.text, regions.unwrap_or_default())
        })
        .collect()
}

fn refused(error: &Error) -> &'static str {
    assert_eq!(error.code(), ErrorCode::Validation, "{error}");
    assert_eq!(error.field(), Some(CODES));
    error.detail().unwrap().code
}

#[test]
fn country_codes_start_at_salesforces_plus_one_and_grow_one_real_code_at_a_time() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let view = core.open_flow(p, FLOW, Locale::Ja).unwrap();
    assert_eq!(codes_of(&view), vec!["+1 US"]);

    let add = |entry: &str| core.add_country_code(p, FLOW, CODES_STEP, CODES, entry, Locale::Ja);
    add("＋３３").unwrap();
    let view = add("JP").unwrap();
    assert_eq!(codes_of(&view), vec!["+1 US", "+33 FR", "+81 JP"]);

    assert_eq!(refused(&add("0033").unwrap_err()), "country_code_duplicate");
    assert_eq!(refused(&add("+999").unwrap_err()), "country_code_unknown");
    assert_eq!(
        refused(&add("+800").unwrap_err()),
        "country_code_non_geographic"
    );
    assert_eq!(refused(&add("France").unwrap_err()), "country_code_shape");

    // What was refused never reached the saved list.
    let view = core.flow_view(p, FLOW, Locale::Ja).unwrap();
    assert_eq!(codes_of(&view), vec!["+1 US", "+33 FR", "+81 JP"]);
}

#[test]
fn the_country_codes_section_is_optional_as_in_the_seed() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let view = core.open_flow(p, FLOW, Locale::En).unwrap();
    let step = view.steps.iter().find(|s| s.id == CODES_STEP).unwrap();
    let field = step.fields.iter().find(|f| f.id == CODES).unwrap();
    assert!(!field.required);
    assert!(field.value.is_none() && field.error.is_none());
}

#[tokio::test]
async fn both_status_lists_are_read_live_and_the_seeds_example_row_takes_the_orgs_status() {
    let p = practice().await;
    let before = p.core.zcc_status_map(p.profile, FLOW).unwrap();
    assert!(before.lists.is_none());
    assert_eq!(before.map.rows[0].zoom, "Occupied");
    assert_eq!(
        before.map.rows[0].salesforce, "",
        "chosen once the org is read"
    );

    let view = p.core.refresh_zcc_statuses(p.profile, FLOW).await.unwrap();
    let lists = view.lists.as_ref().unwrap();
    let zoom: Vec<&str> = lists.zoom.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        zoom,
        [
            "Offline",
            "Ready",
            "Not Ready",
            "Occupied",
            "Lunch",
            "Training"
        ],
        "agent statuses only, not the Not Ready reasons"
    );
    assert!(
        lists
            .zoom
            .iter()
            .find(|s| s.name == "Lunch")
            .unwrap()
            .custom
    );
    assert!(lists.omni_channel);
    assert_eq!(view.map.rows[0].salesforce, "On_Call");
    assert_eq!(view.checklist[0].salesforce_label, "On Call");
    let unmapped: Vec<_> = view
        .findings
        .iter()
        .map(|f| (f.code, f.params["status"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(unmapped.len(), 5);
    assert!(
        unmapped
            .iter()
            .all(|(code, _)| *code == "status_map.zoom_unmapped")
    );
    assert!(view.lists_at.is_some());
}

#[tokio::test]
async fn a_saved_map_is_linted_against_the_lists_and_kept_with_the_profile() {
    let p = practice().await;
    p.core.refresh_zcc_statuses(p.profile, FLOW).await.unwrap();
    let row = |zoom: &str, salesforce: &str| Row {
        zoom: zoom.into(),
        salesforce: salesforce.into(),
    };
    let map = StatusMap {
        rows: vec![
            row("Occupied", "On_Call"),
            row("Ready", "Available"),
            row("Coffee", "Busy"),
            row("Lunch", "Hiru_yasumi"),
        ],
    };
    let view = p.core.save_zcc_status_map(p.profile, FLOW, &map).unwrap();
    let errors: Vec<_> = view
        .findings
        .iter()
        .filter(|f| f.row.is_some())
        .map(|f| (f.code, f.row))
        .collect();
    assert_eq!(errors, vec![("status_map.zoom_unknown", Some(2))]);
    assert_eq!(view.checklist[3].salesforce_label, "昼休み");
    let again = p.core.zcc_status_map(p.profile, FLOW).unwrap();
    assert_eq!(again.map, map);
}

#[tokio::test]
async fn an_org_without_omni_channel_is_named_not_failed() {
    let p = practice().await;
    p.emulator
        .faults()
        .update(|plan| plan.salesforce_omni_channel_disabled = true);
    let view = p.core.refresh_zcc_statuses(p.profile, FLOW).await.unwrap();
    assert!(!view.lists.as_ref().unwrap().omni_channel);
    assert_eq!(view.findings[0].code, "status_map.omni_channel_off");
}
