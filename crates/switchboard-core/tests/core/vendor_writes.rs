//! Writes through the shared HTTP layer: a POST marked `retry_when_refused` goes again after a
//! 429 (the vendor did not process it), never after a 5xx (it may have), and carries its JSON.

use std::time::Duration;

use serde_json::json;
use switchboard_core::vendors::http::{HttpError, Request};
use url::Url;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::vendor_support::{clock, http};

fn url(server: &MockServer) -> Url {
    Url::parse(&format!("{}/entries", server.uri())).unwrap()
}

async fn first_then_202(server: &MockServer, first: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path("/entries"))
        .respond_with(first)
        .up_to_n_times(1)
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/entries"))
        .and(body_json(json!({ "n": 1 })))
        .respond_with(ResponseTemplate::new(202).set_body_string("{}"))
        .mount(server)
        .await;
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test]
async fn a_post_marked_safe_is_sent_again_after_a_429_once_the_wait_is_over() {
    let server = MockServer::start().await;
    first_then_202(
        &server,
        ResponseTemplate::new(429).insert_header("Retry-After", "1"),
    )
    .await;
    let clock = clock();
    let request = Request::post_json(url(&server), json!({ "n": 1 })).retry_when_refused();
    let reply = http(&clock).send(&request).await.unwrap();
    assert_eq!(reply.status, 202);
    assert_eq!(requests(&server).await, 2);
    assert_eq!(clock.waits(), vec![Duration::from_secs(1)]);
}

#[tokio::test]
async fn a_post_marked_safe_is_still_never_sent_again_after_a_5xx() {
    let server = MockServer::start().await;
    first_then_202(&server, ResponseTemplate::new(500)).await;
    let clock = clock();
    let request = Request::post_json(url(&server), json!({ "n": 1 })).retry_when_refused();
    let error = http(&clock).send(&request).await.unwrap_err();
    assert!(matches!(
        error,
        HttpError::ServerError {
            status: 500,
            attempts: 1
        }
    ));
    assert_eq!(requests(&server).await, 1, "the vendor may have stored it");
}

#[tokio::test]
async fn an_unmarked_post_is_not_sent_again_after_a_429() {
    let server = MockServer::start().await;
    first_then_202(
        &server,
        ResponseTemplate::new(429).insert_header("Retry-After", "1"),
    )
    .await;
    let request = Request::post_json(url(&server), json!({ "n": 1 }));
    let error = http(&clock()).send(&request).await.unwrap_err();
    assert!(matches!(error, HttpError::RateLimited { attempts: 1, .. }));
    assert_eq!(requests(&server).await, 1);
}
