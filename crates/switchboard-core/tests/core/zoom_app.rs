//! A Zoom S2S app's scopes and its users against the emulator: all scopes, a revoked one, a
//! wrong secret, the Presence Sync app, and phone users read page by page.

use std::collections::HashSet;

use switchboard_core::connection::Code;
use switchboard_core::secrets::Sensitive;
use switchboard_core::vendors::zoom::session::{ZoomDirectory, check_scopes};

use super::directory_support::{
    directory_app, emulator, faults, http, presence_app, zoom_endpoints,
};

#[tokio::test]
async fn both_apps_have_every_scope_the_flow_needs() {
    let emu = emulator(300).await;
    for app in [directory_app(&emu), presence_app(&emu)] {
        let check = check_scopes(&zoom_endpoints(&emu), &app, &http())
            .await
            .unwrap();
        assert!(check.missing.is_empty(), "{check:?}");
        assert!(check.granted.iter().any(|s| s == "phone:read:admin"));
    }
}

#[tokio::test]
async fn a_revoked_scope_is_named_by_the_check_and_by_the_read() {
    let emu = emulator(300).await;
    faults(&emu, |p| {
        p.zoom_revoked_scopes = vec!["phone:read:admin".into()]
    });
    let endpoints = zoom_endpoints(&emu);
    let app = directory_app(&emu);
    let check = check_scopes(&endpoints, &app, &http()).await.unwrap();
    assert_eq!(check.missing, vec!["phone:read:admin"]);
    let directory = ZoomDirectory::open(&endpoints, &app, http()).await.unwrap();
    let failure = directory.each_phone_user(|_| {}).await.unwrap_err();
    assert_eq!(failure.code, Code::ZoomMissingScopes);
    assert_eq!(
        failure.params["missing"],
        serde_json::json!(["phone:read:list_users:admin"])
    );
}

#[tokio::test]
async fn a_wrong_secret_gets_the_zoom_tests_code() {
    let emu = emulator(300).await;
    let mut app = directory_app(&emu);
    app.client_secret = Sensitive::new("not-the-secret");
    let failure = check_scopes(&zoom_endpoints(&emu), &app, &http())
        .await
        .unwrap_err();
    assert_eq!(failure.code, Code::ZoomInvalidClient);
}

#[tokio::test]
async fn phone_users_are_visited_across_pages_one_at_a_time() {
    let emu = emulator(1_000).await;
    let directory = ZoomDirectory::open(&zoom_endpoints(&emu), &directory_app(&emu), http())
        .await
        .unwrap();
    assert!(directory.user_count().await.unwrap() > 800);
    let mut ids = HashSet::new();
    let mut national = 0;
    let pages = directory
        .each_phone_user(|user| {
            national += usize::from(user.numbers.iter().any(|n| !n.starts_with('+')));
            assert!(ids.insert(user.id), "each user once");
        })
        .await
        .unwrap();
    assert!(ids.len() > 500, "{} phone users", ids.len());
    assert_eq!(pages as usize, ids.len().div_ceil(100), "pages of 100");
    assert!(
        national > 0,
        "national-format numbers are passed through as written"
    );
}
