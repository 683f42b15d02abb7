//! Genesys data actions against the emulated org: each plan checked offline, previewed against
//! the org (types, limits, names), applied to active integrations, re-applied without change,
//! and resumed after a crash between any two recorded steps with one integration and one
//! credential each.

use std::collections::BTreeMap;
use std::sync::Arc;

use switchboard_core::connection::{ConnectionSettings, Vendor};
use switchboard_core::data_actions::apply::{ItemOutcome, Progress, ResolvedSecrets, Wait, apply};
use switchboard_core::data_actions::kinds::Kind;
use switchboard_core::data_actions::plan::{
    DataActionsPlan, PlannedIntegration, SecretSource, Step, check, preview,
};
use switchboard_core::practice::PracticeTenant;
use switchboard_core::secrets::Sensitive;
use switchboard_core::vendors::genesys::session::{ConfigWrite, GenesysSession};
use switchboard_core::vendors::genesys::types::ReportedState;
use switchboard_emulator::{Emulator, RunningEmulator};
use tokio::sync::Notify;

use super::directory_support::http;

pub(super) async fn session(emulator: &RunningEmulator) -> GenesysSession {
    let tenant = PracticeTenant::from_announcement(&emulator.announcement()).unwrap();
    let Some((ConnectionSettings::Genesys(settings), secrets)) = tenant.connection(Vendor::Genesys)
    else {
        panic!("no Genesys connection announced");
    };
    GenesysSession::open(&settings, &secrets, http())
        .await
        .expect("session opens")
}

pub(super) fn web_services(name: &str) -> PlannedIntegration {
    PlannedIntegration {
        name: name.into(),
        kind: Kind::WebServices,
        credential_type: "basicAuth".into(),
        fields: BTreeMap::from([("userName".into(), "svc-genesys".into())]),
        secrets: BTreeMap::from([("password".into(), SecretSource::Keychain)]),
        notes: String::new(),
    }
}

fn lambda(name: &str) -> PlannedIntegration {
    PlannedIntegration {
        name: name.into(),
        kind: Kind::AwsLambda,
        credential_type: "amazonWebServicesARN".into(),
        fields: BTreeMap::from([(
            "ARN".into(),
            "arn:aws:iam::123456789012:role/genesys-data-actions".into(),
        )]),
        secrets: BTreeMap::new(),
        notes: String::new(),
    }
}

pub(super) fn secrets_for(plan: &DataActionsPlan) -> ResolvedSecrets {
    plan.integrations
        .iter()
        .filter(|i| i.secrets.contains_key("password"))
        .map(|i| {
            let values =
                BTreeMap::from([("password".to_owned(), Sensitive::new("s3cret-Basic-pw"))]);
            (i.name.clone(), values)
        })
        .collect()
}

pub(super) const QUICK: Wait = Wait {
    interval: std::time::Duration::from_millis(50),
    attempts: 100,
};

/// Records each state; signals a crash right after record `crash_after`.
#[derive(Default)]
pub(super) struct Journal {
    records: Vec<Vec<ItemOutcome>>,
    crash_after: Option<usize>,
    crash: Arc<Notify>,
}

impl Progress for Journal {
    fn record(&mut self, outcomes: &[ItemOutcome]) -> switchboard_core::Result<()> {
        self.records.push(outcomes.to_vec());
        if self.crash_after == Some(self.records.len()) {
            self.crash.notify_one();
        }
        Ok(())
    }
}

#[test]
fn each_kind_checks_its_fields_before_anything_is_sent() {
    let mut zendesk = PlannedIntegration {
        name: "Support desk".into(),
        kind: Kind::Zendesk,
        credential_type: "zendeskApiToken".into(),
        fields: BTreeMap::from([
            ("userEmail".into(), "agent@acme.example".into()),
            (
                "baseUrl".into(),
                "https://acme.zendesk.com.evil.example".into(),
            ),
        ]),
        secrets: BTreeMap::from([("apiToken".into(), SecretSource::Env { var: "ZD".into() })]),
        notes: String::new(),
    };
    let mut bad_lambda = lambda("Lambda");
    bad_lambda
        .fields
        .insert("ARN".into(), "arn:aws:iam::1234:user/bob".into());
    let mut salesforce = PlannedIntegration {
        name: "CRM".into(),
        kind: Kind::Salesforce,
        credential_type: "salesforce".into(),
        fields: BTreeMap::from([
            ("username".into(), "integration@acme.example".into()),
            ("loginUrl".into(), "https://intranet.acme.example".into()),
        ]),
        secrets: BTreeMap::from([("password".into(), SecretSource::Keychain)]),
        notes: String::new(),
    };
    let plan = DataActionsPlan {
        integrations: vec![
            zendesk.clone(),
            bad_lambda,
            salesforce.clone(),
            web_services("Lambda"),
        ],
    };
    let problems: Vec<(usize, String, &str)> = check(&plan)
        .iter()
        .map(|p| (p.index, p.field.clone(), p.error.code))
        .collect();
    assert_eq!(
        problems,
        [
            (0, "baseUrl".into(), "zendesk_url"),
            (1, "ARN".into(), "aws_role_arn"),
            (2, "securityToken".into(), "required"),
            (2, "loginUrl".into(), "salesforce_host"),
            (3, "name".into(), "duplicate"),
        ]
    );
    zendesk
        .fields
        .insert("baseUrl".into(), "https://acme.zendesk.com".into());
    salesforce
        .fields
        .insert("loginUrl".into(), "https://acme.my.salesforce.com".into());
    salesforce
        .secrets
        .insert("securityToken".into(), SecretSource::Keychain);
    let mut basic_without_password = web_services("Billing");
    basic_without_password.secrets.clear();
    let fixed = DataActionsPlan {
        integrations: vec![zendesk, salesforce, basic_without_password],
    };
    assert!(check(&fixed).is_empty(), "{:?}", check(&fixed));
}

#[tokio::test]
async fn a_plan_is_applied_to_active_integrations_and_reapplying_changes_nothing() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    let session = session(&emulator).await;
    let plan = DataActionsPlan {
        integrations: vec![web_services("Billing API"), lambda("Order lookup")],
    };
    let shown = preview(&session, &plan).await.unwrap();
    assert!(shown.ready, "{shown:?}");
    assert!(shown.items.iter().all(|i| i.step == Step::Create));

    let mut journal = Journal::default();
    let outcomes = apply(&session, &plan, &secrets_for(&plan), &mut journal, QUICK)
        .await
        .unwrap();
    for outcome in &outcomes {
        assert!(
            outcome.created && outcome.credential_created && outcome.configured && outcome.enabled,
            "{outcome:?}"
        );
        assert_eq!(outcome.state, Some(ReportedState::Active));
    }
    let ours: Vec<_> = session
        .integrations()
        .await
        .unwrap()
        .into_iter()
        .filter(|i| i.name == "Billing API" || i.name == "Order lookup")
        .collect();
    assert_eq!(ours.len(), 2);
    assert!(
        ours.iter()
            .all(|i| i.enabled && i.reported == ReportedState::Active)
    );

    let again = apply(
        &session,
        &plan,
        &secrets_for(&plan),
        &mut Journal::default(),
        QUICK,
    )
    .await
    .unwrap();
    for outcome in &again {
        assert!(
            !outcome.created
                && !outcome.credential_created
                && !outcome.configured
                && !outcome.enabled,
            "{outcome:?}"
        );
    }
    let shown = preview(&session, &plan).await.unwrap();
    assert!(
        shown.items.iter().all(|i| i.step == Step::UpToDate),
        "{shown:?}"
    );
}

#[tokio::test]
async fn the_per_type_limit_is_refused_before_any_call_that_creates() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    let session = session(&emulator).await;
    let plan = DataActionsPlan {
        integrations: (1..=11).map(|n| lambda(&format!("Lambda {n}"))).collect(),
    };
    let shown = preview(&session, &plan).await.unwrap();
    assert!(!shown.ready);
    let limited: Vec<&str> = shown
        .items
        .iter()
        .filter(|i| !i.problems.is_empty())
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(
        limited,
        ["Lambda 11"],
        "the eleventh passes AWS Lambda's 10"
    );
    let problem = &shown.items[10].problems[0];
    assert_eq!(problem.code.as_str(), "genesys.instance_limit");
    assert_eq!(problem.params["max"], 10);
}

#[tokio::test]
async fn a_stale_configuration_version_is_refused_for_the_caller_to_reread() {
    let emulator = Emulator::start(Default::default()).await.unwrap();
    let session = session(&emulator).await;
    let integration = session
        .create_integration("custom-rest-actions", "Versioned")
        .await
        .unwrap();
    let read = session.config(&integration.id).await.unwrap();
    let mut first = read.clone();
    first.notes = "first writer".into();
    assert!(matches!(
        session.put_config(&integration.id, &first).await.unwrap(),
        ConfigWrite::Written(_)
    ));
    let mut second = read;
    second.notes = "second writer, stale".into();
    assert_eq!(
        session.put_config(&integration.id, &second).await.unwrap(),
        ConfigWrite::Stale
    );
}

#[tokio::test]
async fn a_crash_after_any_recorded_step_resumes_to_one_integration_and_one_credential() {
    let plan = DataActionsPlan {
        integrations: vec![web_services("Billing API")],
    };
    // A clean run's records: crash right after each of them.
    let records = {
        let emulator = Emulator::start(Default::default()).await.unwrap();
        let session = session(&emulator).await;
        let mut journal = Journal::default();
        apply(&session, &plan, &secrets_for(&plan), &mut journal, QUICK)
            .await
            .unwrap();
        journal.records.len()
    };
    assert!(records >= 4, "a record after each step: {records}");
    for crash_after in 1..records {
        let emulator = Emulator::start(Default::default()).await.unwrap();
        let session = session(&emulator).await;
        let mut journal = Journal {
            crash_after: Some(crash_after),
            ..Journal::default()
        };
        let crash = journal.crash.clone();
        let secrets = secrets_for(&plan);
        tokio::select! {
            biased;
            () = crash.notified() => {}
            done = apply(&session, &plan, &secrets, &mut journal, QUICK) => { done.unwrap(); }
        }
        let resumed = apply(
            &session,
            &plan,
            &secrets_for(&plan),
            &mut Journal::default(),
            QUICK,
        )
        .await
        .unwrap();
        assert_eq!(
            resumed[0].state,
            Some(ReportedState::Active),
            "crash after {crash_after}"
        );
        let named: Vec<_> = session
            .integrations()
            .await
            .unwrap()
            .into_iter()
            .filter(|i| i.name == "Billing API")
            .collect();
        assert_eq!(
            named.len(),
            1,
            "one integration after a crash after record {crash_after}"
        );
        let credential = format!("Integration-{}", named[0].id);
        let credentials = session.credentials().await.unwrap();
        assert_eq!(
            credentials.iter().filter(|c| c.name == credential).count(),
            1,
            "one credential after a crash after record {crash_after}"
        );
        assert_eq!(credentials.len(), 1, "no orphan credential");
    }
}
