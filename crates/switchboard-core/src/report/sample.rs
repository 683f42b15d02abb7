//! A review with every section filled, for the renderers' tests.

use super::*;

pub fn review() -> Review {
    Review {
        profile_id: 1,
        profile_name: "Acme France".into(),
        practice: false,
        generated_at: "2026-12-03T14:05:09Z".into(),
        connections: vec![
            ConnectionReview {
                vendor: Vendor::Cxone,
                tested_at: Some("2026-12-03T13:00:00Z".into()),
                ok: Some(true),
                failures: Vec::new(),
            },
            ConnectionReview {
                vendor: Vendor::Zoom,
                tested_at: Some("2026-12-02T09:30:00Z".into()),
                ok: Some(false),
                failures: vec![CheckFailure {
                    check: "scopes".into(),
                    code: Code::ZoomMissingScopes,
                }],
            },
        ],
        flows: vec![FlowReview {
            id: "zoom-directory-sync".into(),
            title: "Zoom directory sync".into(),
            status: StepStatus::InProgress,
            done: 3,
            total: 5,
            not_needed: false,
            open: vec![OpenStep {
                step_id: "cxone-assign".into(),
                title: "Assign the address book".into(),
                status: StepStatus::NotStarted,
                why: vec![Why::PendingOn {
                    step_id: "cxone-address-book".into(),
                    title: "Create the address book".into(),
                }],
            }],
        }],
        objects: vec![ObjectReview {
            vendor: Vendor::Cxone,
            kind: ObjectKind::AddressBook,
            action: ObjectAction::Created,
            name: "Sales".into(),
            vendor_id: Some("4711".into()),
            entries: Some(12),
            assigned: Some(2),
            flow_id: "zoom-directory-sync".into(),
            step_id: "cxone-address-book".into(),
            at: "2026-12-03T13:10:00Z".into(),
        }],
        reminders: vec![Reminder {
            kind: ReminderKind::CertificateExpiry,
            vendor: Some(Vendor::Genesys),
            subject: "Current — Genesys".into(),
            date: Some("2026-12-20T23:59:59Z".into()),
            soon: true,
        }],
        handover: Handover {
            recipient: Some("it@acme.example".into()),
            date: Some("2026-12-03".into()),
        },
    }
}
