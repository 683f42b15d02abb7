//! Zoom Contact Center ↔ Salesforce through the facade, against the emulator: both call-center
//! definitions parsed back and compared with the seed's values, the deploy (success, unchanged,
//! a component failure), the prerequisites and the package, the agents' three-place table of a
//! demo org in every mixed state, the apply that fixes every ✗ (a refused row kept), re-applied
//! without change, resumed after a crash halfway, and the removal.

use std::io::Read;

use switchboard_core::storage::apply_runs::Unfinished;
use switchboard_core::switchboard::zcc::{AgentTarget, call_center_definition};
use switchboard_core::zcc::agents::{Direction, Outcome, Place, Unmatched};
use switchboard_core::{Error, ErrorCode};

use super::practice;

const FLOW: &str = "zoom-contact-center-salesforce";

/// The seed's values (`003`, 「次のデータを含む XML ファイル」): sections in order, items in
/// order as `(name, label, value)`; the SSO one with the vanity host put in.
fn seed_values(sso_host: Option<&str>) -> Parsed {
    let (internal_label, internal, display, adapter) = match sso_host {
        None => (
            "Zoom Contact Center",
            "zoomcontactcenter",
            "Zoom Contact Center",
            "https://zoom.us/cci/multi/callbar-cti".to_owned(),
        ),
        Some(host) => (
            "ZCCSSO",
            "zccsso",
            "ZCC SSO",
            format!("https://{host}/cci/multi/callbar-cti"),
        ),
    };
    let items = |list: &[(&str, &str, &str)]| {
        list.iter()
            .map(|(n, l, v)| ((*n).to_owned(), (*l).to_owned(), (*v).to_owned()))
            .collect::<Vec<_>>()
    };
    vec![
        (
            "reqGeneralInfo".to_owned(),
            "General Info".to_owned(),
            items(&[
                ("reqInternalName", internal_label, internal),
                ("reqDisplayName", "Display Name", display),
                ("reqDescription", "Description", ""),
                ("reqAdapterUrl", "CTI Adapter URL", &adapter),
                ("reqUseApi", "Use CTI API", "true"),
                ("reqSoftphoneHeight", "Softphone Height", "680"),
                ("reqSoftphoneWidth", "Softphone Width", "700"),
                (
                    "reqSalesforceCompatibilityMode",
                    "Salesforce Compatibility Mode",
                    "Classic_and_Lightning",
                ),
            ]),
        ),
        (
            "reqDialingOptions".to_owned(),
            "Dialing Options".to_owned(),
            items(&[
                ("reqOutsidePrefix", "Outside Prefix", "9"),
                ("reqLongDistPrefix", "Long Distance Prefix", "1"),
                ("reqInternationalPrefix", "International Prefix", "01"),
            ]),
        ),
    ]
}

type Parsed = Vec<(String, String, Vec<(String, String, String)>)>;

/// The element children of `node`, each checked to be a `tag`.
fn elements<'a, 'i>(node: roxmltree::Node<'a, 'i>, tag: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(|n| n.is_element())
        .inspect(|n| assert_eq!(n.tag_name().name(), tag))
        .collect()
}

/// The import XML read back by an independent parser, sortOrder checked contiguous from 0.
fn parse_import(xml: &str) -> Parsed {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "callCenter");
    elements(root, "section")
        .into_iter()
        .enumerate()
        .map(|(i, section)| {
            assert_eq!(section.attribute("sortOrder"), Some(i.to_string().as_str()));
            let items = elements(section, "item")
                .into_iter()
                .enumerate()
                .map(|(j, item)| {
                    assert_eq!(item.attribute("sortOrder"), Some(j.to_string().as_str()));
                    (
                        item.attribute("name").unwrap().to_owned(),
                        item.attribute("label").unwrap().to_owned(),
                        item.text().unwrap_or_default().to_owned(),
                    )
                })
                .collect();
            (
                section.attribute("name").unwrap().to_owned(),
                section.attribute("label").unwrap().to_owned(),
                items,
            )
        })
        .collect()
}

#[test]
fn both_call_center_definitions_parse_back_to_the_seeds_values() {
    let standard = call_center_definition(None).unwrap().import_xml();
    assert_eq!(parse_import(&standard), seed_values(None));
    let sso = call_center_definition(Some("https://Acme-Corp.zoom.us/"))
        .unwrap()
        .import_xml();
    assert_eq!(parse_import(&sso), seed_values(Some("acme-corp.zoom.us")));
    // The seed's placeholder is refused as a host, never replaced as text.
    let refused = call_center_definition(Some("yourVanityUrl")).unwrap_err();
    assert_eq!(refused.field(), Some("ssoHost"));
}

#[test]
fn the_deploy_zip_holds_the_package_and_the_metadata_call_center() {
    let definition = call_center_definition(Some("acme.zoom.us")).unwrap();
    let zip = definition.deploy_zip();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let package = read("package.xml");
    let package = roxmltree::Document::parse(&package).unwrap();
    let members: Vec<&str> = package
        .descendants()
        .filter(|n| n.has_tag_name("members"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(members, ["zccsso"]);
    let metadata = read("callCenters/zccsso.callCenter");
    let doc = roxmltree::Document::parse(&metadata).unwrap();
    let text = |tag: &str| {
        doc.root_element()
            .children()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .map(str::to_owned)
    };
    assert_eq!(text("displayName").as_deref(), Some("ZCC SSO"));
    assert_eq!(
        text("adapterUrl").as_deref(),
        Some("https://acme.zoom.us/cci/multi/callbar-cti")
    );
    let sections: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("sections"))
        .filter_map(|s| s.children().find(|n| n.has_tag_name("name"))?.text())
        .collect();
    assert_eq!(sections, ["reqGeneralInfo", "reqDialingOptions"]);
}

#[tokio::test]
async fn a_call_center_deploys_once_and_an_identical_one_changes_nothing() {
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    let deployed = core
        .zcc_deploy_call_center(profile, Some("acme.zoom.us"))
        .await
        .unwrap();
    assert!(deployed.changed);
    assert_eq!(deployed.call_center.internal_name, "zccsso");
    assert_eq!(deployed.call_center.name, "ZCC SSO");
    let again = core
        .zcc_deploy_call_center(profile, Some("acme.zoom.us"))
        .await
        .unwrap();
    assert!(!again.changed);
    assert_eq!(again.deploy_id, None);
    assert_eq!(again.call_center.id, deployed.call_center.id);
    // Another vanity host is a change to the same call center.
    let moved = core
        .zcc_deploy_call_center(profile, Some("acme2.zoom.us"))
        .await
        .unwrap();
    assert!(moved.changed);
    assert_eq!(moved.call_center.id, deployed.call_center.id);
}

#[tokio::test]
async fn a_refused_component_names_the_call_center_and_salesforces_problem() {
    let p = practice().await;
    p.emulator
        .faults()
        .update(|f| f.salesforce_deploy_failure = Some("Entity is locked".to_owned()));
    let error = p
        .core
        .zcc_deploy_call_center(p.profile, Some("acme.zoom.us"))
        .await
        .unwrap_err();
    let Error::Vendor(failure) = error else {
        panic!("{error}")
    };
    assert_eq!(failure.code.as_str(), "salesforce.deploy_failed");
    assert_eq!(failure.params["component"], "zccsso");
    assert_eq!(failure.params["problem"], "Entity is locked");
}

#[tokio::test]
async fn prerequisites_and_the_package_are_checked_live() {
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    let checks = core.zcc_prerequisites(profile).await.unwrap();
    assert!(checks.ok, "{checks:?}");
    let package = core.zcc_package(profile).await.unwrap();
    assert_eq!(package.name, "Zoom Contact Center");
    assert!(package.version.contains("2.14"), "{package:?}");
    p.emulator
        .faults()
        .update(|f| f.salesforce_omni_channel_disabled = true);
    let checks = core.zcc_prerequisites(profile).await.unwrap();
    let omni = checks
        .checks
        .iter()
        .find(|c| c.id == "omni_channel")
        .unwrap();
    assert_eq!(
        omni.failure.as_ref().map(|f| f.code.as_str()),
        Some("salesforce.omni_channel_unavailable")
    );
    assert!(!checks.ok);
}

#[tokio::test]
async fn the_agent_table_shows_every_mixed_state_and_who_is_unmatched_and_why() {
    let p = practice().await;
    let view = p
        .core
        .zcc_agents(p.profile, &AgentTarget::default(), Direction::Enable)
        .await
        .unwrap();
    let rows = &view.table.rows;
    assert!(rows.iter().any(|r| r.complete()));
    assert!(rows.iter().any(|r| r.permission_set == Place::Missing));
    assert!(rows.iter().any(|r| r.call_center == Place::Missing));
    assert!(rows.iter().any(|r| matches!(&r.call_center, Place::Elsewhere { what } if what == "Demo Call Center Adapter")));
    assert!(rows.iter().any(|r| r.client_integration == Place::Missing));
    assert!(rows.iter().any(|r| matches!(&r.client_integration, Place::Elsewhere { what } if what.contains("Salesforce Sandbox"))));
    let reasons: Vec<Unmatched> = view.table.unmatched.iter().map(|u| u.reason).collect();
    assert!(reasons.contains(&Unmatched::NotInZoomContactCenter));
    assert!(reasons.contains(&Unmatched::NotInSalesforce));
    // The plan fixes exactly the ✗ marks.
    let crosses: usize = rows
        .iter()
        .map(|r| {
            [&r.permission_set, &r.call_center, &r.client_integration]
                .iter()
                .filter(|p| !p.is_set())
                .count()
        })
        .sum();
    assert_eq!(view.plan.actions.len(), crosses);
    assert!(view.problems.is_empty());
}

#[tokio::test]
async fn the_apply_fixes_every_cross_keeps_a_refused_row_and_reapplying_changes_nothing() {
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    let target = AgentTarget::default();
    let applied = core
        .zcc_agents_apply(profile, &target, Direction::Enable, None)
        .await
        .unwrap();
    assert_eq!(applied.failure, None);
    let refused: Vec<_> = applied
        .outcomes
        .iter()
        .filter(|o| matches!(o.outcome, Outcome::Refused { .. }))
        .collect();
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0].place, "callCenter");
    let Outcome::Refused { error_code, .. } = &refused[0].outcome else {
        unreachable!()
    };
    assert_eq!(error_code, "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY");
    let incomplete: Vec<_> = applied
        .after
        .table
        .rows
        .iter()
        .filter(|r| !r.complete())
        .collect();
    assert_eq!(incomplete.len(), 1);
    assert_eq!(incomplete[0].email, refused[0].email);
    assert!(incomplete[0].permission_set.is_set() && incomplete[0].client_integration.is_set());

    let again = core
        .zcc_agents_apply(profile, &target, Direction::Enable, None)
        .await
        .unwrap();
    assert!(
        again
            .outcomes
            .iter()
            .all(|o| matches!(o.outcome, Outcome::Refused { .. })),
        "{:?}",
        again.outcomes
    );
    assert_eq!(again.after.table, applied.after.table);
}

#[tokio::test]
async fn a_crash_halfway_resumes_where_it_stopped_without_doing_anything_twice() {
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    let target = AgentTarget::default();
    let before = core
        .zcc_agents(profile, &target, Direction::Enable)
        .await
        .unwrap();
    p.emulator
        .faults()
        .update(|f| f.salesforce.fail_writes_after = Some(3));
    let crashed = core
        .zcc_agents_apply(profile, &target, Direction::Enable, None)
        .await
        .unwrap();
    assert!(crashed.failure.is_some());
    assert!(crashed.outcomes.len() < before.plan.actions.len());
    // The plan shown now differs (some writes are done): the admin chooses to resume.
    let refused = core
        .zcc_agents_apply(profile, &target, Direction::Enable, None)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::ApplyPlanChanged);
    let resumed = core
        .zcc_agents_apply(
            profile,
            &target,
            Direction::Enable,
            Some(Unfinished::Resume),
        )
        .await
        .unwrap();
    assert_eq!(resumed.run_id, crashed.run_id);
    assert_eq!(resumed.failure, None);
    assert_eq!(resumed.outcomes.len(), before.plan.actions.len());
    // The write that crashed was stored: resumed, it is found already done, never doubled.
    assert!(
        resumed
            .outcomes
            .iter()
            .any(|o| o.outcome == Outcome::AlreadyDone),
        "{:?}",
        resumed.outcomes
    );
    let incomplete = resumed
        .after
        .table
        .rows
        .iter()
        .filter(|r| !r.complete())
        .count();
    assert_eq!(incomplete, 1, "only the row the org refuses");
}

#[tokio::test]
async fn removal_undoes_the_api_parts_in_reverse_and_its_step_is_done() {
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    let target = AgentTarget::default();
    let removed = core
        .zcc_agents_apply(profile, &target, Direction::Remove, None)
        .await
        .unwrap();
    assert_eq!(removed.failure, None);
    let places: Vec<&str> = removed.outcomes.iter().map(|o| o.place.as_str()).collect();
    let first_set = places.iter().position(|p| *p == "permissionSet").unwrap();
    assert!(places[..first_set].iter().all(|p| *p != "permissionSet"));
    assert!(places[first_set..].iter().all(|p| *p == "permissionSet"));
    for row in &removed.after.table.rows {
        assert!(
            !row.permission_set.is_set()
                && !row.call_center.is_set()
                && !row.client_integration.is_set()
        );
    }
    assert!(removed.after.plan.actions.is_empty());
    let flow = core
        .flow_view(profile, FLOW, switchboard_core::Locale::En)
        .unwrap();
    let step = flow
        .steps
        .iter()
        .find(|s| s.id == "zcc-remove-agents")
        .unwrap();
    assert_eq!(
        step.status,
        switchboard_core::storage::progress::StepStatus::Done,
        "nothing left to undo: the removal step is Done"
    );
}

#[tokio::test]
async fn every_matched_user_stays_in_the_table_and_only_the_chosen_ones_are_planned() {
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    let all = core
        .zcc_agents(profile, &AgentTarget::default(), Direction::Enable)
        .await
        .unwrap();
    let pick = all
        .table
        .rows
        .iter()
        .find(|r| !r.complete())
        .expect("the demo org has an agent to fix")
        .email
        .clone();
    let target = AgentTarget {
        only: Some(vec![pick.to_uppercase()]),
        ..AgentTarget::default()
    };
    let chosen = core
        .zcc_agents(profile, &target, Direction::Enable)
        .await
        .unwrap();
    assert_eq!(
        chosen.table.rows.len(),
        all.table.rows.len(),
        "nobody hidden"
    );
    let ticked: Vec<&str> = chosen
        .table
        .rows
        .iter()
        .filter(|r| r.chosen)
        .map(|r| r.email.as_str())
        .collect();
    assert_eq!(
        ticked,
        [pick.as_str()],
        "matched by e-mail, whatever the case"
    );
    assert!(!chosen.plan.actions.is_empty());
    assert!(
        chosen.plan.actions.iter().all(|a| a.email() == pick),
        "{:?}",
        chosen.plan.actions
    );
}

#[tokio::test]
async fn the_prerequisites_and_package_steps_become_done_only_through_their_live_checks() {
    use switchboard_core::Locale;
    use switchboard_core::storage::progress::StepStatus;
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    for step in ["zcc-sf-prerequisites", "sf-install-package"] {
        let refused = core
            .set_step_status(profile, FLOW, step, StepStatus::Done, Locale::En)
            .unwrap_err();
        assert_eq!(refused.code(), ErrorCode::LiveCheckRequired);
        let view = core
            .verify_step(profile, FLOW, step, Locale::En)
            .await
            .unwrap();
        let shown = view.steps.iter().find(|s| s.id == step).unwrap();
        assert_eq!(
            shown.status,
            StepStatus::Done,
            "{step}: {:?}",
            shown.last_check
        );
    }
    let view = core.flow_view(profile, FLOW, Locale::En).unwrap();
    let package = view
        .steps
        .iter()
        .find(|s| s.id == "sf-install-package")
        .unwrap();
    let check = package.last_check.as_ref().unwrap();
    assert_eq!(check.checks[0].params["name"], "Zoom Contact Center");
}

#[test]
fn the_my_domain_host_and_environment_come_from_the_salesforce_connection() {
    use switchboard_core::Locale;
    use switchboard_core::connection::{
        ConnectionSettings, Endpoints, SalesforceEnvironment, SalesforceSettings,
    };
    let core = super::core();
    let profile = core.create_profile("Acme").unwrap().id;
    core.save_connection(
        profile,
        ConnectionSettings::Salesforce(SalesforceSettings {
            environment: SalesforceEnvironment::Sandbox,
            my_domain_host: Some("acme--uat.sandbox.my.salesforce.com".into()),
            username: "admin@acme.example".into(),
            consumer_key: "3MVG9acme".into(),
            endpoints: Endpoints::default(),
        }),
    )
    .unwrap();
    let view = core
        .flow_view(profile, "zoom-contact-center-salesforce", Locale::Ja)
        .unwrap();
    let field = |step: &str, id: &str| {
        let step = view.steps.iter().find(|s| s.id == step).unwrap();
        step.fields.iter().find(|f| f.id == id).unwrap().clone()
    };
    let host = field("zcc-sf-prerequisites", "sf-my-domain");
    assert_eq!(
        host.value.as_deref(),
        Some("acme--uat.sandbox.my.salesforce.com")
    );
    assert_eq!(host.from_connection.as_deref(), Some("salesforce"));
    let environment = field("zoom-add-salesforce-oauth", "zcc-sf-environment");
    assert_eq!(environment.value.as_deref(), Some("sandbox"));
    // The Setup links are built from the connection's host, nothing typed.
    let package = view
        .steps
        .iter()
        .find(|s| s.id == "sf-install-package")
        .unwrap();
    assert!(
        package.links.iter().any(|l| l.url.as_deref()
            == Some(
                "https://acme--uat.sandbox.my.salesforce.com/lightning/setup/ImportedPackage/home"
            )),
        "{:?}",
        package.links
    );
}

#[tokio::test]
async fn a_deploy_makes_the_call_center_step_done_and_every_agent_set_in_a_place_makes_its_step_done()
 {
    use switchboard_core::Locale;
    use switchboard_core::storage::progress::StepStatus;
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    let status = |step: &str| {
        let view = core.flow_view(profile, FLOW, Locale::En).unwrap();
        view.steps.iter().find(|s| s.id == step).unwrap().status
    };
    assert_ne!(status("sf-import-call-center"), StepStatus::Done);
    core.zcc_deploy_call_center(profile, None).await.unwrap();
    assert_eq!(status("sf-import-call-center"), StepStatus::Done);

    // Reading the table of a demo org with ✗ everywhere settles nothing.
    core.zcc_agents(profile, &AgentTarget::default(), Direction::Enable)
        .await
        .unwrap();
    for step in [
        "sf-assign-permission-sets",
        "sf-add-call-center-users",
        "zoom-enable-client-integration",
    ] {
        assert_ne!(status(step), StepStatus::Done, "{step}");
    }
    // After the apply, every agent is ✓ but for the call center the org refuses one agent.
    core.zcc_agents_apply(profile, &AgentTarget::default(), Direction::Enable, None)
        .await
        .unwrap();
    assert_eq!(status("sf-assign-permission-sets"), StepStatus::Done);
    assert_eq!(status("zoom-enable-client-integration"), StepStatus::Done);
    assert_ne!(status("sf-add-call-center-users"), StepStatus::Done);

    // The refused agent left out (as the window saves the ticks): every chosen agent is ✓.
    let after = core
        .zcc_agents(profile, &AgentTarget::default(), Direction::Enable)
        .await
        .unwrap();
    let others: Vec<String> = after
        .table
        .rows
        .iter()
        .filter(|r| r.complete())
        .map(|r| r.email.clone())
        .collect();
    core.set_field(
        profile,
        FLOW,
        "sf-assign-permission-sets",
        "zcc-agent-emails",
        &others.join(", "),
        Locale::En,
    )
    .unwrap();
    let chosen = AgentTarget {
        only: core.zcc_choices(profile).unwrap().agent_emails.into(),
        ..AgentTarget::default()
    };
    let view = core
        .zcc_agents(profile, &chosen, Direction::Enable)
        .await
        .unwrap();
    assert!(view.plan.actions.is_empty(), "{:?}", view.plan.actions);
    assert_eq!(status("sf-add-call-center-users"), StepStatus::Done);
}

#[tokio::test]
async fn the_flows_sso_choice_host_and_agents_are_what_the_window_uses() {
    use switchboard_core::Locale;
    let p = practice().await;
    let (core, profile) = (&p.core, p.profile);
    let set = |step: &str, field: &str, value: &str| {
        core.set_field(profile, FLOW, step, field, value, Locale::En)
            .unwrap();
    };
    set("sso-call-center", "zoom-vanity-host", "acme.zoom.us");
    set("zcc-sf-prerequisites", "zcc-use-sso", "no");
    let choices = core.zcc_choices(profile).unwrap();
    assert!(!choices.sso);
    assert_eq!(choices.sso_host, None, "no SSO: the host is not used");
    set("zcc-sf-prerequisites", "zcc-use-sso", "yes");
    set(
        "sf-assign-permission-sets",
        "zcc-agent-emails",
        "aiko@example.com; bruno@example.com,\nchloe@example.com",
    );
    let choices = core.zcc_choices(profile).unwrap();
    assert!(choices.sso);
    assert_eq!(choices.sso_host.as_deref(), Some("acme.zoom.us"));
    assert_eq!(
        choices.agent_emails,
        ["aiko@example.com", "bruno@example.com", "chloe@example.com"]
    );
}

#[tokio::test]
async fn the_import_xml_is_saved_as_a_new_file_that_parses_back() {
    let p = practice().await;
    let folder = tempfile::tempdir().unwrap();
    let first = p
        .core
        .export_zcc_call_center(p.profile, None, folder.path())
        .unwrap();
    let second = p
        .core
        .export_zcc_call_center(p.profile, None, folder.path())
        .unwrap();
    assert!(first.path.ends_with("call-center-zoomcontactcenter.xml"));
    assert_ne!(first.path, second.path, "an earlier file is never replaced");
    let xml = std::fs::read_to_string(&first.path).unwrap();
    assert_eq!(parse_import(&xml), seed_values(None));
    let refused = p
        .core
        .export_zcc_call_center(p.profile, Some("https://acme.zoom.us/x"), folder.path())
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Validation);
}
