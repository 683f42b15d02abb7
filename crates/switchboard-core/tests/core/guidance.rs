//! How a flow leads the admin: steps kept for later are listed apart and never counted, a flow
//! can be marked not needed, "Continue" names the step to go on with, warnings come traps first,
//! a flow whose counted steps are Done is finished, and no warning speaks of another language's
//! page.

use rusqlite::Connection;
use switchboard_core::catalogue::{self, WarningLevel};
use switchboard_core::paths::AppPaths;
use switchboard_core::secrets::MemoryStore;
use switchboard_core::storage::progress::{self, StepStatus};
use switchboard_core::{Locale, Switchboard};

const ZCC: &str = "zoom-contact-center-salesforce";
const ZOOM: &str = "zoom-directory-sync";

#[test]
fn steps_for_later_are_listed_apart_and_never_counted() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let view = core.flow_view(p, ZCC, Locale::En).unwrap();
    let later: Vec<&str> = view
        .steps
        .iter()
        .filter(|s| s.when_needed)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        later,
        [
            "zcc-remove-agents",
            "zoom-edit-remove-connection",
            "zoom-remove-marketplace-app"
        ]
    );
    let counted = view.steps.iter().filter(|s| !s.when_needed).count();
    assert_eq!(view.total, counted);
    assert!(
        !view.steps.iter().any(|s| s.id == "sso-call-center"),
        "SSO is behind its choice"
    );
}

#[test]
fn a_flow_marked_not_needed_leaves_the_profile_progress_and_continue_until_marked_again() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let first = core.next_actions(Locale::En).unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(
        (first[0].flow_id.as_str(), first[0].step_id.as_str()),
        (ZOOM, "choose-purpose")
    );

    let view = core.set_flow_not_needed(p, ZOOM, true, Locale::En).unwrap();
    assert!(view.not_needed);
    let progress = core.profile(p).unwrap().progress;
    assert!(
        progress
            .iter()
            .find(|f| f.flow_id == ZOOM)
            .unwrap()
            .not_needed
    );
    let next = core.next_actions(Locale::Fr).unwrap();
    assert_ne!(next[0].flow_id, ZOOM, "a flow not needed is passed over");
    assert!(!next[0].step_title.is_empty() && !next[0].flow_title.is_empty());

    let again = core
        .set_flow_not_needed(p, ZOOM, false, Locale::En)
        .unwrap();
    assert!(!again.not_needed);
    assert_eq!(core.next_actions(Locale::En).unwrap()[0].flow_id, ZOOM);
}

#[test]
fn continue_goes_on_with_the_flow_already_started() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    core.set_step_status(
        p,
        "genesys-data-actions",
        "genesys-org",
        StepStatus::InProgress,
        Locale::En,
    )
    .unwrap();
    let next = core.next_actions(Locale::Ja).unwrap();
    assert_eq!(next[0].flow_id, "genesys-data-actions");
    assert_eq!(next[0].step_id, "genesys-org");
}

/// Writes Done on every step of the flow that applies, straight into the database file: the
/// steps' own rules for Done (values, live checks) are tested with each step.
fn mark_all_done(core: &Switchboard, paths: &AppPaths, profile: i64, flow_id: &str) {
    let view = core.flow_view(profile, flow_id, Locale::En).unwrap();
    let conn = Connection::open(paths.database()).unwrap();
    let mut records = progress::load_flow(&conn, profile, flow_id).unwrap();
    for step in view.steps.iter().filter(|s| !s.when_needed) {
        let record = records.entry(step.id.clone()).or_default();
        record.status = StepStatus::Done;
        progress::save_step(&conn, profile, flow_id, &step.id, record).unwrap();
    }
}

#[test]
fn a_flow_is_finished_once_every_counted_step_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path().to_path_buf());
    let core = Switchboard::open(&paths, Box::new(MemoryStore::new())).unwrap();
    let p = core.create_profile("Acme").unwrap().id;
    core.set_field(
        p,
        ZOOM,
        "choose-purpose",
        "sync-purpose",
        "presence",
        Locale::En,
    )
    .unwrap();
    let view = core.flow_view(p, ZOOM, Locale::En).unwrap();
    assert!(!view.finished);
    assert_eq!(view.done, 0);
    mark_all_done(&core, &paths, p, ZOOM);
    let view = core.flow_view(p, ZOOM, Locale::En).unwrap();
    assert!(view.finished, "{} of {}", view.done, view.total);
    assert!(
        core.next_actions(Locale::En)
            .unwrap()
            .iter()
            .all(|n| n.flow_id != ZOOM),
        "a finished flow has nothing to continue"
    );
}

#[test]
fn a_step_shows_its_traps_before_its_notes() {
    let core = super::core();
    let p = core.create_profile("Acme").unwrap().id;
    let view = core.flow_view(p, ZOOM, Locale::En).unwrap();
    for step in &view.steps {
        let levels: Vec<WarningLevel> = step.warnings.iter().map(|w| w.level).collect();
        let mut sorted = levels.clone();
        sorted.sort();
        assert_eq!(levels, sorted, "{}", step.id);
    }
    let scopes = view
        .steps
        .iter()
        .find(|s| s.id == "cxone-map-account")
        .unwrap();
    assert_eq!(scopes.warnings[0].level, WarningLevel::Trap);
    assert!(scopes.warnings[0].text.contains("Never deactivate"));
}

#[test]
fn every_warning_says_whether_it_is_a_trap_or_a_note() {
    for flow in catalogue::flows() {
        for step in &flow.steps {
            assert_eq!(
                step.warning_levels.len(),
                step.warnings.len(),
                "{}/{}",
                flow.id,
                step.id
            );
        }
    }
}

#[test]
fn no_warning_speaks_of_another_language_s_page() {
    // What each language's reader must not be told about: the other languages' pages.
    let foreign: [(Locale, &[&str]); 3] = [
        (
            Locale::En,
            &[
                "fr-FR",
                "ja-JP",
                "French page",
                "Japanese page",
                "French NICE",
            ],
        ),
        (
            Locale::Fr,
            &["en-US", "ja-JP", "page anglaise", "page japonaise"],
        ),
        (
            Locale::Ja,
            &["fr-FR", "en-US", "フランス語", "英語のページ"],
        ),
    ];
    for flow in catalogue::flows() {
        for step in &flow.steps {
            for warning in &step.warnings {
                for (locale, words) in &foreign {
                    let text = warning.get(*locale);
                    for word in *words {
                        assert!(
                            !text.contains(word),
                            "{}/{} ({locale:?}) speaks of {word}: {text}",
                            flow.id,
                            step.id
                        );
                    }
                }
            }
        }
    }
}
