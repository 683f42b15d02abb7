//! Presence Sync rules, offline: lint (loops included), simulator, diagram and rule files.

use serde_json::json;
use switchboard_core::presence::{
    Catalog, DiagramLabels, Finding, Outcome, PresenceRule, RuleFileError, SalesforceStatus,
    Severity, Start, StateRow, StatusKind, SubscriberRow, SubscriberTarget, System, Table, Target,
    diagram_svg, export, import, lint, simulate,
};

/// A rule from `(acd, salesforce)` States rows and `(salesforce, Some(acd) | None)` Subscriber
/// rows, `None` being Previous state; named, with one team.
fn rule(states: &[(&str, &str)], subscriber: &[(&str, Option<&str>)]) -> PresenceRule {
    PresenceRule {
        name: "Support".into(),
        states: states
            .iter()
            .map(|(acd, salesforce)| StateRow {
                acd: (*acd).into(),
                salesforce: (*salesforce).into(),
            })
            .collect(),
        subscriber_states: subscriber
            .iter()
            .map(|(salesforce, acd)| SubscriberRow {
                salesforce: (*salesforce).into(),
                acd: match acd {
                    Some(state) => SubscriberTarget::State((*state).into()),
                    None => SubscriberTarget::PreviousState,
                },
            })
            .collect(),
        teams: vec![Target {
            id: 4021,
            name: "Support FR".into(),
        }],
        users: vec![],
    }
}

/// Available ↔ Available_for_Chat, Lunch ↔ Lunch_Break: every change settles at once.
fn clean_rule() -> PresenceRule {
    rule(
        &[
            ("Available", "Available_for_Chat"),
            ("Lunch", "Lunch_Break"),
        ],
        &[
            ("Available_for_Chat", Some("Available")),
            ("Lunch_Break", Some("Lunch")),
        ],
    )
}

fn status(developer_name: &str, kind: StatusKind) -> SalesforceStatus {
    SalesforceStatus {
        developer_name: developer_name.into(),
        label: developer_name.replace('_', " "),
        kind,
    }
}

fn catalog(acd: &[&str], statuses: &[&str]) -> Catalog {
    Catalog {
        acd_states: acd.iter().map(|s| (*s).into()).collect(),
        salesforce_statuses: statuses
            .iter()
            .map(|s| status(s, StatusKind::Online))
            .collect(),
    }
}

fn clean_catalog() -> Catalog {
    catalog(&["Lunch"], &["Available_for_Chat", "Lunch_Break"])
}

fn codes(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code).collect()
}

/// The changes the rule does not let stand: loops, states never kept, overrides.
fn loops(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| {
            matches!(
                f.code,
                "presence.loop" | "presence.never_kept" | "presence.override"
            )
        })
        .collect()
}

fn chain(finding: &Finding) -> Vec<(String, String)> {
    let steps = finding.params["chain"].as_array().unwrap();
    steps
        .iter()
        .map(|s| {
            (
                s["system"].as_str().unwrap().into(),
                s["state"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn steps(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| ((*a).into(), (*b).into()))
        .collect()
}

#[test]
fn a_clean_rule_has_no_findings_with_or_without_a_catalog() {
    assert_eq!(lint(&clean_rule(), None), vec![]);
    assert_eq!(lint(&clean_rule(), Some(&clean_catalog())), vec![]);
}

#[test]
fn states_and_statuses_left_unmapped_are_warnings_only_with_a_catalog() {
    let live = catalog(
        &["Lunch", "Meeting"],
        &["Available_for_Chat", "Lunch_Break", "Busy"],
    );
    let findings = lint(&clean_rule(), Some(&live));
    assert_eq!(
        codes(&findings),
        ["presence.acd_unmapped", "presence.salesforce_unmapped"]
    );
    assert_eq!(findings[0].table, Table::States);
    assert_eq!(findings[0].row, None);
    assert_eq!(findings[0].params["state"], "Meeting");
    assert_eq!(findings[1].table, Table::SubscriberStates);
    assert_eq!(findings[1].params["status"], "Busy");
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
}

#[test]
fn rows_naming_states_gone_from_the_catalog_are_flagged_and_kept() {
    let mut with_gone = clean_rule();
    with_gone.states.push(StateRow {
        acd: "Training".into(),
        salesforce: "Training_Status".into(),
    });
    with_gone.subscriber_states.push(SubscriberRow {
        salesforce: "Training_Status".into(),
        acd: SubscriberTarget::State("Training".into()),
    });
    let kept = with_gone.clone();
    let findings = lint(&with_gone, Some(&clean_catalog()));
    assert_eq!(
        codes(&findings),
        [
            "presence.acd_state_missing",
            "presence.salesforce_status_missing",
            "presence.salesforce_status_missing",
            "presence.acd_state_missing",
        ]
    );
    assert_eq!(
        (findings[0].table, findings[0].row),
        (Table::States, Some(2))
    );
    assert_eq!(findings[0].params["state"], "Training");
    assert_eq!(
        (findings[2].table, findings[2].row),
        (Table::SubscriberStates, Some(2))
    );
    assert_eq!(findings[2].params["status"], "Training_Status");
    assert!(findings.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(with_gone, kept);
    assert_eq!(
        lint(&with_gone, None),
        vec![],
        "no catalog, nothing to be missing from"
    );
}

#[test]
fn the_later_of_two_rows_for_one_source_is_the_duplicate() {
    let twice = rule(
        &[
            ("Available", "Available_for_Chat"),
            ("Lunch", "Lunch_Break"),
            ("Available", "Lunch_Break"),
        ],
        &[
            ("Available_for_Chat", Some("Available")),
            ("Lunch_Break", Some("Lunch")),
            ("Available_for_Chat", Some("Lunch")),
        ],
    );
    let findings = lint(&twice, None);
    assert_eq!(
        codes(&findings),
        ["presence.duplicate_source", "presence.duplicate_source"]
    );
    assert_eq!(
        (findings[0].table, findings[0].row),
        (Table::States, Some(2))
    );
    assert_eq!(findings[0].params["state"], "Available");
    assert_eq!(findings[0].params["firstRow"], 0);
    assert_eq!(
        (findings[1].table, findings[1].row),
        (Table::SubscriberStates, Some(2))
    );
    assert_eq!(findings[1].params["firstRow"], 0);
}

#[test]
fn rows_added_but_not_filled_are_incomplete() {
    let mut unfinished = clean_rule();
    unfinished.states.push(StateRow {
        acd: "Lunch ".into(),
        salesforce: "".into(),
    });
    unfinished.subscriber_states.push(SubscriberRow {
        salesforce: "Lunch_Break".into(),
        acd: SubscriberTarget::State(" ".into()),
    });
    let findings = lint(&unfinished, None);
    assert_eq!(
        codes(&findings),
        ["presence.row_incomplete", "presence.row_incomplete"]
    );
    assert_eq!(
        (findings[0].table, findings[0].row),
        (Table::States, Some(2))
    );
    assert_eq!(
        (findings[1].table, findings[1].row),
        (Table::SubscriberStates, Some(2))
    );
}

#[test]
fn a_rule_without_name_or_targets_gets_warnings() {
    let mut bare = clean_rule();
    bare.name = "  ".into();
    bare.teams.clear();
    let findings = lint(&bare, None);
    assert_eq!(
        codes(&findings),
        ["presence.rule_name_missing", "presence.no_targets"]
    );
    assert!(
        findings
            .iter()
            .all(|f| f.table == Table::Rule && f.severity == Severity::Warning)
    );
    bare.users.push(Target {
        id: 7,
        name: "Élise".into(),
    });
    assert_eq!(codes(&lint(&bare, None)), ["presence.rule_name_missing"]);
}

#[test]
fn a_subscriber_row_sending_a_published_status_elsewhere_is_a_state_never_kept() {
    // Available shows Available_for_Chat, which brings the agent to Lunch instead.
    let typo = rule(
        &[
            ("Available", "Available_for_Chat"),
            ("Lunch", "Lunch_Break"),
        ],
        &[
            ("Available_for_Chat", Some("Lunch")),
            ("Lunch_Break", Some("Lunch")),
        ],
    );
    let findings = lint(&typo, None);
    let found = loops(&findings);
    assert_eq!(found.len(), 1, "{findings:#?}");
    // It settles, on Lunch: not a loop, a state the agent can never keep.
    assert_eq!(found[0].code, "presence.never_kept");
    assert_eq!(
        (&found[0].params["state"], &found[0].params["end"]),
        (&json!("Available"), &json!("Lunch"))
    );
    assert_eq!((found[0].table, found[0].row), (Table::States, Some(0)));
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(
        chain(found[0]),
        steps(&[
            ("acd", "Available"),
            ("salesforce", "Available_for_Chat"),
            ("acd", "Lunch"),
            ("salesforce", "Lunch_Break"),
        ])
    );
    assert_eq!(
        found[0].params["start"],
        json!({"system": "acd", "state": "Available"})
    );
    assert_eq!(found[0].params["throughPrevious"], false);
}

#[test]
fn previous_state_for_a_published_status_overrides_with_where_the_agent_came_from() {
    let back = rule(
        &[
            ("Available", "Available_for_Chat"),
            ("Lunch", "Lunch_Break"),
        ],
        &[("Available_for_Chat", None), ("Lunch_Break", Some("Lunch"))],
    );
    let findings = lint(&back, None);
    let found = loops(&findings);
    assert_eq!(found.len(), 1, "{findings:#?}");
    // Previous state sends the agent back to Lunch, where it settles: an override.
    assert_eq!(found[0].code, "presence.override");
    assert_eq!(found[0].params["end"], "Lunch");
    assert_eq!((found[0].table, found[0].row), (Table::States, Some(0)));
    assert_eq!(found[0].params["throughPrevious"], true);
    assert_eq!(found[0].params["previous"], "Lunch");
    assert_eq!(
        chain(found[0]),
        steps(&[
            ("acd", "Available"),
            ("salesforce", "Available_for_Chat"),
            ("acd", "Lunch"),
            ("salesforce", "Lunch_Break"),
        ])
    );
}

#[test]
fn two_statuses_bringing_the_agent_to_one_state_leave_one_never_kept_from_the_salesforce_side() {
    // The agent sets Away; CXone goes to Lunch, which shows Lunch_Break instead of Away.
    let mut away = clean_rule();
    away.subscriber_states.push(SubscriberRow {
        salesforce: "Away".into(),
        acd: SubscriberTarget::State("Lunch".into()),
    });
    let findings = lint(&away, None);
    let found = loops(&findings);
    assert_eq!(found.len(), 1, "{findings:#?}");
    assert_eq!(found[0].code, "presence.never_kept");
    assert_eq!(found[0].params["end"], "Lunch_Break");
    assert_eq!(
        (found[0].table, found[0].row),
        (Table::SubscriberStates, Some(2))
    );
    assert_eq!(
        found[0].params["start"],
        json!({"system": "salesforce", "state": "Away"})
    );
    assert_eq!(
        chain(found[0]),
        steps(&[
            ("salesforce", "Away"),
            ("acd", "Lunch"),
            ("salesforce", "Lunch_Break")
        ])
    );
}

#[test]
fn previous_state_overwrites_the_status_that_triggered_it() {
    // Busy is produced by no States row, but returning to (say) Available shows
    // Available_for_Chat: the agent cannot stay Busy.
    let mut busy = clean_rule();
    busy.subscriber_states.push(SubscriberRow {
        salesforce: "Busy".into(),
        acd: SubscriberTarget::PreviousState,
    });
    let findings = lint(&busy, None);
    let found = loops(&findings);
    assert_eq!(found.len(), 1, "{findings:#?}");
    assert_eq!(found[0].code, "presence.override");
    assert_eq!(found[0].params["end"], "Available_for_Chat");
    assert_eq!(
        (found[0].table, found[0].row),
        (Table::SubscriberStates, Some(2))
    );
    assert_eq!(found[0].params["throughPrevious"], true);
    assert_eq!(found[0].params["previous"], "Available");
    assert_eq!(
        chain(found[0]),
        steps(&[
            ("salesforce", "Busy"),
            ("acd", "Available"),
            ("salesforce", "Available_for_Chat")
        ])
    );
}

fn ping_pong() -> PresenceRule {
    rule(
        &[
            ("Available", "Available_for_Chat"),
            ("Lunch", "Lunch_Break"),
        ],
        &[
            ("Available_for_Chat", Some("Lunch")),
            ("Lunch_Break", Some("Available")),
        ],
    )
}

#[test]
fn an_endless_ping_pong_is_reported_once_however_it_is_entered() {
    let findings = lint(&ping_pong(), None);
    let found = loops(&findings);
    assert_eq!(found.len(), 1, "{findings:#?}");
    assert_eq!((found[0].table, found[0].row), (Table::States, Some(0)));
    assert_eq!(found[0].params["outcome"]["kind"], "loops");
    let value = serde_json::to_value(found[0]).unwrap();
    assert_eq!(value["code"], "presence.loop");
    assert_eq!(value["severity"], "error");
    assert_eq!(value["table"], "states");
    assert_eq!(value["row"], 0);
}

#[test]
fn simulating_a_clean_rule_settles_after_one_publish() {
    let start = Start {
        system: System::Acd,
        state: "Lunch".into(),
    };
    let simulation = simulate(&clean_rule(), start, Some("Available"), 20);
    assert_eq!(simulation.outcome, Outcome::Settles);
    assert_eq!(simulation.steps.len(), 2);
    assert_eq!(simulation.steps[1].system, System::Salesforce);
    assert_eq!(simulation.steps[1].state, "Lunch_Break");
    assert_eq!(simulation.steps[1].via_row, Some((Table::States, 1)));
}

#[test]
fn simulating_a_ping_pong_finds_the_step_it_repeats() {
    let start = Start {
        system: System::Acd,
        state: "Available".into(),
    };
    let simulation = simulate(&ping_pong(), start.clone(), None, 50);
    assert_eq!(simulation.outcome, Outcome::Loops { back_to: 2 });
    assert_eq!(simulation.steps.len(), 7);
    assert_eq!(simulation.steps[6].state, "Lunch");
    assert_eq!(
        simulation.steps[6].via_row,
        Some((Table::SubscriberStates, 0))
    );
    let short = simulate(&ping_pong(), start, None, 3);
    assert_eq!((short.outcome, short.steps.len()), (Outcome::TooLong, 3));
}

#[test]
fn simulating_stops_where_no_row_answers() {
    let acd = |state: &str| Start {
        system: System::Acd,
        state: state.into(),
    };
    let only_states = rule(&[("Available", "Available_for_Chat")], &[]);
    let outcome =
        |rule: &PresenceRule, start, previous| simulate(rule, start, previous, 20).outcome;
    assert_eq!(
        outcome(&clean_rule(), acd("Meeting"), None),
        Outcome::Stops {
            reason: "no_state_row"
        }
    );
    assert_eq!(
        outcome(&only_states, acd("Available"), None),
        Outcome::Stops {
            reason: "no_subscriber_row"
        }
    );
    let previous = rule(
        &[("Available", "Available_for_Chat")],
        &[("Available_for_Chat", None)],
    );
    assert_eq!(
        outcome(&previous, acd("Available"), None),
        Outcome::Stops {
            reason: "previous_unknown"
        }
    );
}

#[test]
fn previous_state_returns_along_the_chain_to_the_state_before() {
    let back = rule(
        &[
            ("Available", "Available_for_Chat"),
            ("Lunch", "Lunch_Break"),
        ],
        &[("Available_for_Chat", None), ("Lunch_Break", Some("Lunch"))],
    );
    let start = Start {
        system: System::Acd,
        state: "Available".into(),
    };
    let simulation = simulate(&back, start, Some("Lunch"), 20);
    let step = &simulation.steps[2];
    assert_eq!((step.system, step.state.as_str()), (System::Acd, "Lunch"));
    assert_eq!(step.note, Some("previous_state"));
    assert_eq!(step.via_row, Some((Table::SubscriberStates, 0)));
    assert_eq!(simulation.outcome, Outcome::Settles);
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[test]
fn the_diagram_draws_a_node_per_state_and_an_edge_per_row() {
    let svg = diagram_svg(&clean_rule(), &[], &DiagramLabels::english());
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(count(&svg, "<g class=\"node acd\""), 2);
    assert_eq!(count(&svg, "<g class=\"node salesforce\""), 2);
    assert_eq!(count(&svg, "<g class=\"node previous\""), 1);
    assert_eq!(count(&svg, "<line class=\"edge states\""), 2);
    assert_eq!(count(&svg, "<line class=\"edge subscriber\""), 2);
    assert_eq!(count(&svg, "loop\" data-row"), 0);
    assert!(svg.contains("@media (prefers-color-scheme: dark)"));
    assert!(svg.contains("<rect class=\"background\""));
    for external in ["<script", "@import", "href=", "@font-face"] {
        assert!(!svg.contains(external), "{external}");
    }
    assert_eq!(
        svg,
        diagram_svg(&clean_rule(), &[], &DiagramLabels::english())
    );
    let bigger = diagram_svg(&ping_pong(), &[], &DiagramLabels::english());
    let mut taller = clean_rule();
    taller.states.push(StateRow {
        acd: "Meeting".into(),
        salesforce: "In_Meeting".into(),
    });
    taller.states.push(StateRow {
        acd: "Training".into(),
        salesforce: "In_Training".into(),
    });
    let height = |svg: &str| {
        svg.split("height=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse::<u32>()
            .unwrap()
    };
    assert!(height(&diagram_svg(&taller, &[], &DiagramLabels::english())) > height(&bigger));
}

#[test]
fn loop_edges_carry_the_loop_class_and_missing_states_are_marked() {
    let typo = rule(
        &[
            ("Available", "Available_for_Chat"),
            ("Lunch", "Lunch_Break"),
        ],
        &[
            ("Available_for_Chat", Some("Lunch")),
            ("Lunch_Break", Some("Lunch")),
        ],
    );
    let findings = lint(
        &typo,
        Some(&catalog(&[], &["Available_for_Chat", "Lunch_Break"])),
    );
    let svg = diagram_svg(&typo, &findings, &DiagramLabels::english());
    assert!(svg.contains("<line class=\"edge states loop\" data-row=\"0\""));
    assert!(svg.contains("<line class=\"edge subscriber loop\" data-row=\"0\""));
    assert!(svg.contains("<line class=\"edge subscriber\" data-row=\"1\""));
    assert!(svg.contains("marker-end=\"url(#presence-arrow-loop)\""));
    assert_eq!(
        count(&svg, "<g class=\"node acd missing\" data-state=\"Lunch\""),
        1
    );
    assert!(svg.contains("⚠ Lunch"));
}

#[test]
fn the_diagram_escapes_every_name_and_label() {
    let odd = rule(
        &[("<Lunch & \"Break\">", "休憩_中")],
        &[("休憩_中", Some("<Lunch & \"Break\">"))],
    );
    let mut labels = DiagramLabels::english();
    labels.title = "Règle <présence> & co".into();
    let svg = diagram_svg(&odd, &[], &labels);
    assert!(svg.contains("&lt;Lunch &amp; &quot;Break&quot;&gt;"));
    assert!(svg.contains("Règle &lt;présence&gt; &amp; co"));
    assert!(svg.contains("休憩_中"));
    assert!(!svg.contains("<Lunch"));
    assert!(!svg.contains("<présence>"));
}

#[test]
fn an_exported_rule_file_imports_back_unchanged() {
    let mut rule = clean_rule();
    rule.subscriber_states.push(SubscriberRow {
        salesforce: "Busy".into(),
        acd: SubscriberTarget::PreviousState,
    });
    let live = clean_catalog();
    let text = export(&rule, Some(&live), "2025-03-14T09:30:00Z");
    assert!(text.contains("\"format\": \"switchboard.presence-rule\""));
    assert!(text.contains("\"acd\": \"previous\""));
    assert!(text.contains("\"state\": \"Lunch\""));
    assert!(text.contains("\"subscriberStates\""));
    let file = import(&text).unwrap();
    assert_eq!(file.rule, rule);
    assert_eq!(file.catalog, Some(live));
    assert_eq!(file.exported_at, "2025-03-14T09:30:00Z");
    assert_eq!(file.version, 1);
    let without = import(&export(&rule, None, "now")).unwrap();
    assert_eq!(without.catalog, None);
    assert_eq!(
        file.ignored_keys,
        Vec::<String>::new(),
        "nothing of ours is unknown"
    );
}

#[test]
fn keys_a_rule_file_does_not_have_are_reported_by_path_not_dropped_silently() {
    let mut value: serde_json::Value =
        serde_json::from_str(&export(&clean_rule(), Some(&clean_catalog()), "now")).unwrap();
    value["comment"] = json!("hand-edited");
    value["rule"]["states"][0]["colour"] = json!("green");
    value["rule"]["nmae"] = json!("Typo");
    let file = import(&value.to_string()).unwrap();
    assert_eq!(file.rule, clean_rule(), "the rule itself still imports");
    let mut keys = file.ignored_keys.clone();
    keys.sort();
    assert_eq!(keys, vec!["comment", "rule.nmae", "rule.states.0.colour"]);
}

#[test]
fn files_that_are_not_rule_files_say_why() {
    assert_eq!(
        import("{\n  \"format\": "),
        Err(RuleFileError::NotJson {
            line: 2,
            column: 12
        })
    );
    assert_eq!(
        import(r#"{"name": "Support"}"#),
        Err(RuleFileError::WrongFormat)
    );
    let newer = r#"{"format": "switchboard.presence-rule", "version": 2, "rule": {}}"#;
    let error = import(newer).unwrap_err();
    assert_eq!(
        error,
        RuleFileError::UnsupportedVersion { version: json!(2) }
    );
    let value = serde_json::to_value(&error).unwrap();
    assert_eq!(
        value,
        json!({"code": "rule_file.unsupported_version", "version": 2})
    );
    let broken = r#"{"format": "switchboard.presence-rule", "version": 1, "rule": {"states": 3}}"#;
    let error = import(broken).unwrap_err();
    assert_eq!(error.code(), "rule_file.invalid");
    assert!(matches!(error, RuleFileError::Invalid { detail } if !detail.is_empty()));
}

#[test]
fn a_file_too_large_to_be_a_rule_is_refused_unread() {
    let huge = format!(
        "{{\"format\": \"switchboard.presence-rule\", \"pad\": \"{}\"}}",
        "x".repeat(switchboard_core::presence::file::MAX_FILE_BYTES)
    );
    assert_eq!(import(&huge), Err(RuleFileError::TooLarge { max_kb: 1024 }));
}
