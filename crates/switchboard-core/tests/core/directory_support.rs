//! What the Directory Sync tests share: an emulator, the CXone settings and secrets and the
//! Zoom apps it announces, and an HTTP layer on the real clock (the emulator's rate-limit
//! windows are real time, so a manual clock would retry into the same window).

use std::sync::Arc;
use std::time::Duration;

use switchboard_core::connection::{
    ConnectionSecrets, ConnectionSettings, CxoneSettings, Endpoints, Vendor,
};
use switchboard_core::practice::PracticeTenant;
use switchboard_core::secrets::Sensitive;
use switchboard_core::vendors::clock::SystemClock;
use switchboard_core::vendors::cxone::session::CxoneSession;
use switchboard_core::vendors::http::{Http, HttpConfig, RetryPolicy};
use switchboard_core::vendors::zoom::session::ZoomApp;
use switchboard_emulator::{Emulator, EmulatorConfig, FaultPlan, RunningEmulator, TenantSize};

pub async fn emulator(zoom_users: usize) -> RunningEmulator {
    let config = EmulatorConfig {
        size: TenantSize { zoom_users },
        ..EmulatorConfig::default()
    };
    Emulator::start(config).await.expect("emulator starts")
}

pub fn faults(emulator: &RunningEmulator, change: impl FnOnce(&mut FaultPlan)) {
    emulator.faults().update(change);
}

/// Quick retries, real waits (only rate-limit tests wait, for `Retry-After`).
pub fn http() -> Http {
    let config = HttpConfig {
        timeout: Duration::from_secs(10),
        connect_timeout: Duration::from_secs(2),
        https_only: false,
        retry: RetryPolicy {
            attempts: 4,
            backoff: Duration::from_millis(20),
            max_wait: Duration::from_secs(5),
        },
    };
    Http::new(config, Arc::new(SystemClock)).expect("http client")
}

fn tenant(emulator: &RunningEmulator) -> PracticeTenant {
    PracticeTenant::from_announcement(&emulator.announcement()).expect("announcement")
}

pub fn cxone(emulator: &RunningEmulator) -> (CxoneSettings, ConnectionSecrets) {
    let tenant = tenant(emulator);
    let settings = tenant.settings.iter().find_map(|s| match s {
        ConnectionSettings::Cxone(s) => Some(s.clone()),
        _ => None,
    });
    let mut secrets = ConnectionSecrets::default();
    for (vendor, field, value) in tenant.secrets {
        if vendor == Vendor::Cxone {
            secrets.insert(field, value);
        }
    }
    (settings.expect("cxone settings"), secrets)
}

pub async fn session(emulator: &RunningEmulator) -> CxoneSession {
    let (settings, secrets) = cxone(emulator);
    CxoneSession::open(&settings, &secrets, http())
        .await
        .expect("session opens")
}

/// The Zoom connection's endpoints, as the practice profile has them.
pub fn zoom_endpoints(emulator: &RunningEmulator) -> Endpoints {
    let tenant = tenant(emulator);
    let endpoints = tenant.settings.iter().find_map(|s| match s {
        ConnectionSettings::Zoom(s) => Some(s.endpoints.clone()),
        _ => None,
    });
    endpoints.expect("zoom settings")
}

pub fn directory_app(emulator: &RunningEmulator) -> ZoomApp {
    let c = &emulator.credentials().zoom;
    ZoomApp {
        account_id: c.account_id.clone(),
        client_id: c.client_id.clone(),
        client_secret: Sensitive::new(c.client_secret.clone()),
    }
}

pub fn presence_app(emulator: &RunningEmulator) -> ZoomApp {
    let c = &emulator.credentials().zoom_presence;
    ZoomApp {
        account_id: c.account_id.clone(),
        client_id: c.client_id.clone(),
        client_secret: Sensitive::new(c.client_secret.clone()),
    }
}
