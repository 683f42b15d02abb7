//! No secret in any error: a secret the vendor quotes back to a call that did not carry it (the
//! CXone access-key secret, echoed by a later API call) is scrubbed before it reaches the reply
//! the window receives.

use switchboard_core::ErrorReply;
use switchboard_core::connection::{ConnectionSettings, Vendor};
use switchboard_core::secrets::Sensitive;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::vendor_support::{SECRET_VALUES, body, cxone};
use super::{core, practice_profile};

#[tokio::test]
async fn a_secret_cxone_quotes_to_a_later_call_never_reaches_the_ipc_reply() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body("cxone", "token-ok", &server)))
        .mount(&server)
        .await;
    Mock::given(path("/.well-known/cxone-configuration"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(
            "cxone",
            "discovery-ok",
            &server,
        )))
        .mount(&server)
        .await;
    let (key_secret, client_secret) = (SECRET_VALUES[1], SECRET_VALUES[2]);
    // A vendor bug that quotes the sign-in it thinks it got (its forms: see scrub.rs's tests).
    let quoted = format!(
        "bad request: accessKeySecret={key_secret}; client {}",
        serde_json::to_string(client_secret).unwrap()
    );
    Mock::given(method("GET"))
        .and(path_regex("/teams$"))
        .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "error": "invalid_request", "message": quoted
        })))
        .mount(&server)
        .await;

    let core = core();
    let p = practice_profile(&core);
    core.save_connection(p.id, ConnectionSettings::Cxone(cxone(&server)))
        .unwrap();
    for (field, value) in [
        ("access-key-secret", key_secret),
        ("client-secret", client_secret),
    ] {
        core.set_connection_secret(p.id, Vendor::Cxone, field, Some(&Sensitive::new(value)))
            .unwrap();
    }

    let error = core.cxone_teams(p.id).await.unwrap_err();
    let reply = serde_json::to_string(&ErrorReply::from(&error)).unwrap();
    assert!(
        reply.contains("<redacted>"),
        "the vendor's words are kept: {reply}"
    );
    for secret in [key_secret, client_secret] {
        assert!(
            !reply.contains(secret),
            "a secret reached the window: {reply}"
        );
    }
    let journal = serde_json::to_string(&core.journal(50).unwrap()).unwrap();
    assert!(!journal.contains(key_secret) && !journal.contains(client_secret));
}
