//! The practice tenant end to end in the core: the real vendor clients against the emulator,
//! through a profile made from the emulator's announcement.

use switchboard_core::connection::Vendor;
use switchboard_core::practice::PracticeTenant;
use switchboard_emulator::{Emulator, EmulatorConfig, RunningEmulator};

const VENDORS: [Vendor; 4] = [
    Vendor::Zoom,
    Vendor::Cxone,
    Vendor::Salesforce,
    Vendor::Genesys,
];

fn announcement(emulator: &RunningEmulator) -> String {
    serde_json::json!({ "endpoints": emulator.endpoints(), "credentials": emulator.credentials() })
        .to_string()
}

#[tokio::test]
async fn every_practice_connection_passes_its_test_and_the_profile_is_reused() {
    let emulator = Emulator::start(EmulatorConfig::default())
        .await
        .expect("emulator starts");
    let tenant = PracticeTenant::from_announcement(&announcement(&emulator)).unwrap();
    let core = super::core();
    let profile = core.open_practice_profile(&tenant).unwrap();
    assert!(profile.practice, "the profile is marked as practice");
    for vendor in VENDORS {
        let diagnosis = core.test_connection(profile.id, vendor).await.unwrap();
        assert!(
            diagnosis.ok,
            "{vendor:?} should pass against the emulator: {diagnosis:?}"
        );
    }
    let again = core.open_practice_profile(&tenant).unwrap();
    assert_eq!(
        again.id, profile.id,
        "reopening reuses the one practice profile"
    );
    assert_eq!(core.list_profiles().unwrap().len(), 1);
}

#[tokio::test]
async fn a_rejected_secret_in_the_practice_tenant_gets_a_specific_diagnosis() {
    let emulator = Emulator::start(EmulatorConfig::default())
        .await
        .expect("emulator starts");
    let tenant = PracticeTenant::from_announcement(&announcement(&emulator)).unwrap();
    let core = super::core();
    let profile = core.open_practice_profile(&tenant).unwrap();
    emulator.faults().update(|plan| {
        plan.zoom.reject_credentials = true;
        plan.genesys.reject_credentials = true;
    });
    for vendor in [Vendor::Zoom, Vendor::Genesys] {
        let diagnosis = core.test_connection(profile.id, vendor).await.unwrap();
        assert!(
            !diagnosis.ok,
            "{vendor:?} must fail with the secret rejected"
        );
        let failed = diagnosis
            .checks
            .iter()
            .find(|c| !c.ok)
            .expect("a failed check");
        let code = serde_json::to_value(failed.code).unwrap();
        let code = code.as_str().unwrap();
        assert!(
            code.contains("secret") || code.contains("client"),
            "{vendor:?}: a rejected secret is named as such, got {code}"
        );
    }
}
