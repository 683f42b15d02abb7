//! The shared HTTP layer against a mock server: Retry-After in every form, retries only for
//! GET, one token refresh, redirects refused, and a clear code when it gives up. Every wait goes
//! through a manual clock, so no test sleeps.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use switchboard_core::connection::{Code, Failure};
use switchboard_core::secrets::Sensitive;
use switchboard_core::vendors::http::{Http, HttpConfig, HttpError, Request, RetryPolicy};
use url::Url;
use wiremock::matchers::{bearer_token, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::vendor_support::{clock, epoch, http};

fn url(server: &MockServer, p: &str) -> Url {
    Url::parse(&format!("{}{p}", server.uri())).unwrap()
}

/// `first` answered once, then 200 for ever after.
async fn once_then_ok(server: &MockServer, verb: &str, first: ResponseTemplate) {
    Mock::given(method(verb))
        .and(path("/thing"))
        .respond_with(first)
        .up_to_n_times(1)
        .mount(server)
        .await;
    Mock::given(method(verb))
        .and(path("/thing"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(server)
        .await;
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test]
async fn retry_after_in_seconds_is_waited_exactly_then_the_get_is_retried() {
    let server = MockServer::start().await;
    once_then_ok(
        &server,
        "GET",
        ResponseTemplate::new(429).insert_header("Retry-After", "2"),
    )
    .await;
    let clock = clock();
    let reply = http(&clock)
        .send(&Request::get(url(&server, "/thing")))
        .await
        .unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(requests(&server).await, 2);
    assert_eq!(clock.waits(), vec![Duration::from_secs(2)]);
}

#[tokio::test]
async fn retry_after_as_an_http_date_waits_until_that_date() {
    let server = MockServer::start().await;
    let date = httpdate::fmt_http_date(epoch() + Duration::from_secs(3));
    once_then_ok(
        &server,
        "GET",
        ResponseTemplate::new(429).insert_header("Retry-After", date.as_str()),
    )
    .await;
    let clock = clock();
    http(&clock)
        .send(&Request::get(url(&server, "/thing")))
        .await
        .unwrap();
    assert_eq!(requests(&server).await, 2);
    assert_eq!(clock.waits(), vec![Duration::from_secs(3)]);
}

#[tokio::test]
async fn retry_after_as_zooms_iso_timestamp_waits_until_that_moment() {
    let server = MockServer::start().await;
    once_then_ok(
        &server,
        "GET",
        ResponseTemplate::new(429).insert_header("Retry-After", "2020-05-31T00:00:04Z"),
    )
    .await;
    let clock = clock();
    http(&clock)
        .send(&Request::get(url(&server, "/thing")))
        .await
        .unwrap();
    assert_eq!(clock.waits(), vec![Duration::from_secs(4)]);
}

#[tokio::test]
async fn a_429_without_retry_after_uses_the_default_backoff() {
    let server = MockServer::start().await;
    once_then_ok(&server, "GET", ResponseTemplate::new(429)).await;
    let clock = clock();
    http(&clock)
        .send(&Request::get(url(&server, "/thing")))
        .await
        .unwrap();
    assert_eq!(requests(&server).await, 2);
    assert_eq!(clock.waits(), vec![RetryPolicy::default().backoff]);
}

#[tokio::test]
async fn a_wait_longer_than_the_cap_gives_up_at_once_with_the_time_to_come_back() {
    let server = MockServer::start().await;
    once_then_ok(
        &server,
        "GET",
        ResponseTemplate::new(429).insert_header("Retry-After", "2020-06-01T00:00:00Z"),
    )
    .await;
    let clock = clock();
    let error = http(&clock)
        .send(&Request::get(url(&server, "/thing")))
        .await
        .unwrap_err();
    assert_eq!(
        requests(&server).await,
        1,
        "a daily limit is not waited for"
    );
    assert!(clock.waits().is_empty());
    let failure = Failure::from(error);
    assert_eq!(failure.code, Code::RateLimited);
    assert_eq!(failure.params["retryAt"], "2020-06-01T00:00:00Z");
    assert_eq!(failure.params["retryAfterSeconds"], 86_400);
}

#[tokio::test]
async fn a_get_failing_with_5xx_is_retried_a_bounded_number_of_times_then_gives_up() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let clock = clock();
    let error = http(&clock)
        .send(&Request::get(url(&server, "/thing")))
        .await
        .unwrap_err();
    let policy = RetryPolicy::default();
    assert_eq!(requests(&server).await, policy.attempts as usize);
    assert_eq!(
        clock.waits(),
        vec![policy.backoff, policy.backoff * 2],
        "exponential backoff between tries"
    );
    let failure = Failure::from(error);
    assert_eq!(failure.code, Code::VendorServerError);
    assert_eq!(failure.params["status"], 503);
    assert_eq!(failure.params["attempts"], policy.attempts);
}

#[tokio::test]
async fn a_get_still_throttled_after_every_try_gives_up_as_rate_limited() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .mount(&server)
        .await;
    let clock = clock();
    let error = http(&clock)
        .send(&Request::get(url(&server, "/thing")))
        .await
        .unwrap_err();
    assert_eq!(requests(&server).await, 3);
    assert_eq!(clock.waits(), vec![Duration::from_secs(1); 2]);
    assert_eq!(Failure::from(error).code, Code::RateLimited);
}

#[tokio::test]
async fn posts_are_never_retried_on_5xx() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(502))
        .mount(&server)
        .await;
    let clock = clock();
    let error = http(&clock)
        .send(&Request::post_form(url(&server, "/thing")).field("grant_type", "x"))
        .await
        .unwrap_err();
    assert_eq!(requests(&server).await, 1);
    assert!(clock.waits().is_empty());
    assert!(matches!(error, HttpError::ServerError { attempts: 1, .. }));
}

#[tokio::test]
async fn posts_are_never_retried_on_429_but_report_when_to_come_back() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "7"))
        .mount(&server)
        .await;
    let clock = clock();
    let error = http(&clock)
        .send(&Request::post_form(url(&server, "/thing")))
        .await
        .unwrap_err();
    assert_eq!(requests(&server).await, 1);
    assert!(clock.waits().is_empty());
    let failure = Failure::from(error);
    assert_eq!(failure.code, Code::RateLimited);
    assert_eq!(failure.params["retryAfterSeconds"], 7);
}

#[tokio::test]
async fn an_unreachable_host_is_retried_for_get_only_then_named() {
    // Bind then drop a listener: nothing answers on that port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dead = Url::parse(&format!("http://127.0.0.1:{port}/thing")).unwrap();

    let clock = clock();
    let error = http(&clock)
        .send(&Request::get(dead.clone()))
        .await
        .unwrap_err();
    assert_eq!(clock.waits().len(), 2, "three tries, two waits");
    let failure = Failure::from(error);
    assert_eq!(failure.code, Code::NetworkUnreachable);
    assert_eq!(failure.params["host"], "127.0.0.1");

    let clock = super::vendor_support::clock();
    let error = http(&clock)
        .send(&Request::post_form(dead))
        .await
        .unwrap_err();
    assert!(clock.waits().is_empty(), "a POST is tried once");
    assert_eq!(Failure::from(error).code, Code::NetworkUnreachable);
}

#[tokio::test]
async fn a_slow_vendor_times_out_with_a_clear_code() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let config = HttpConfig {
        timeout: Duration::from_millis(150),
        connect_timeout: Duration::from_secs(1),
        https_only: false,
        retry: RetryPolicy {
            attempts: 2,
            ..RetryPolicy::default()
        },
    };
    let clock = clock();
    let http = Http::new(config, clock.clone()).unwrap();
    let error = http
        .send(&Request::get(url(&server, "/thing")))
        .await
        .unwrap_err();
    assert_eq!(Failure::from(error).code, Code::NetworkTimeout);
    assert_eq!(
        clock.waits().len(),
        1,
        "a timed-out GET is retried within the bound"
    );
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let server = MockServer::start().await;
    Mock::given(path("/thing"))
        .respond_with(
            ResponseTemplate::new(302)
                .insert_header("Location", format!("{}/elsewhere", server.uri())),
        )
        .mount(&server)
        .await;
    let clock = clock();
    let error = http(&clock)
        .send(&Request::post_form(url(&server, "/thing")).field("password", "x"))
        .await
        .unwrap_err();
    assert_eq!(
        requests(&server).await,
        1,
        "the credentials went nowhere else"
    );
    let failure = Failure::from(error);
    assert_eq!(failure.code, Code::NetworkUnexpectedRedirect);
    assert_eq!(failure.params["status"], 302);
}

#[tokio::test]
async fn every_request_carries_the_switchboard_user_agent() {
    let server = MockServer::start().await;
    let agent = format!("Switchboard/{}", env!("CARGO_PKG_VERSION"));
    Mock::given(header("user-agent", agent.as_str()))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let clock = clock();
    let reply = http(&clock)
        .send(&Request::get(url(&server, "/thing")))
        .await
        .unwrap();
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn an_expired_token_is_refreshed_exactly_once() {
    let server = MockServer::start().await;
    Mock::given(bearer_token("old"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    Mock::given(bearer_token("new"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    let clock = clock();
    let refreshes = AtomicU32::new(0);
    let reply = http(&clock)
        .get_with_token(
            &url(&server, "/thing"),
            &Sensitive::new("old"),
            |r| r.status == 401,
            || async {
                refreshes.fetch_add(1, Ordering::SeqCst);
                Ok(Sensitive::new("new"))
            },
        )
        .await
        .unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(refreshes.load(Ordering::SeqCst), 1);
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn a_token_refused_again_after_its_refresh_gives_up_as_token_rejected() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    let clock = clock();
    let refreshes = Arc::new(AtomicU32::new(0));
    let failure = http(&clock)
        .get_with_token(
            &url(&server, "/thing"),
            &Sensitive::new("old"),
            |r| r.status == 401,
            || async {
                refreshes.fetch_add(1, Ordering::SeqCst);
                Ok(Sensitive::new("new"))
            },
        )
        .await
        .unwrap_err();
    assert_eq!(failure.code, Code::VendorTokenRejected);
    assert_eq!(
        refreshes.load(Ordering::SeqCst),
        1,
        "refreshed once, not in a loop"
    );
    assert_eq!(requests(&server).await, 2);
}

/// A vendor that quotes back what it was sent (a token, a password, a client secret), in any
/// form, never gets it into an answer, a failure or an IPC error.
#[tokio::test]
async fn secrets_a_vendor_echoes_back_are_scrubbed_from_every_answer() {
    let token = "tok-0aB9+/zz";
    let password = "p@ss w/rd\"é";
    let secret = "clientSECRET-42";
    let encoded = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let json_escaped = |s: &str| {
        serde_json::to_string(s)
            .unwrap()
            .trim_matches('"')
            .to_owned()
    };
    let echo = format!(
        "{{\"message\": \"rejected {token}, {} and {}; form said client_secret={}\"}}",
        encoded(token),
        json_escaped(password),
        encoded(secret)
    );
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_string(echo.clone()))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).set_body_string(echo))
        .mount(&server)
        .await;
    let clock = clock();

    let sent = Request::post_form(url(&server, "/token"))
        .basic("ann", &Sensitive::new(password))
        .secret_field("client_secret", &Sensitive::new(secret));
    let reply = http(&clock).send(&sent).await.unwrap();
    for leaked in [password, secret, &encoded(secret), &json_escaped(password)] {
        assert!(!reply.body.contains(leaked), "{leaked} in {}", reply.body);
    }

    let throttled = Request::get(url(&server, "/thing")).bearer(&Sensitive::new(token));
    let failure = Failure::from(http(&clock).send(&throttled).await.unwrap_err());
    let reply = switchboard_core::ErrorReply::from(switchboard_core::Error::Vendor(failure));
    let wire = serde_json::to_string(&reply).unwrap();
    assert!(
        wire.contains("<redacted>"),
        "the vendor's message is kept, scrubbed: {wire}"
    );
    for leaked in [token, &encoded(token)] {
        assert!(!wire.contains(leaked), "{leaked} in {wire}");
    }
}

#[tokio::test]
async fn a_reply_larger_than_the_cap_is_refused_and_a_normal_one_is_read() {
    use switchboard_core::vendors::http::MAX_REPLY_BYTES;
    let server = MockServer::start().await;
    Mock::given(path("/huge"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![b' '; MAX_REPLY_BYTES + 1]))
        .mount(&server)
        .await;
    Mock::given(path("/normal"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"ok\":true}"))
        .mount(&server)
        .await;
    let clock = clock();
    let http = http(&clock);
    let error = http
        .send(&Request::get(url(&server, "/huge")))
        .await
        .unwrap_err();
    let failure = Failure::from(error);
    assert_eq!(failure.code, Code::VendorReplyTooLarge);
    assert_eq!(failure.params["maxMb"], 16);
    let reply = http
        .send(&Request::get(url(&server, "/normal")))
        .await
        .unwrap();
    assert_eq!(reply.body, "{\"ok\":true}");
}

/// A reply without Content-Length (chunked) is counted as it arrives and refused past the cap.
#[tokio::test]
async fn a_chunked_reply_without_a_length_is_cut_off_past_the_cap() {
    use switchboard_core::vendors::http::MAX_REPLY_BYTES;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        if socket.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..=MAX_REPLY_BYTES / chunk.len() {
            let mut frame = format!("{:x}\r\n", chunk.len()).into_bytes();
            frame.extend_from_slice(&chunk);
            frame.extend_from_slice(b"\r\n");
            if socket.write_all(&frame).await.is_err() {
                return; // the client stopped reading: what the cap is for
            }
        }
        let _ = socket.write_all(b"0\r\n\r\n").await;
    });
    let clock = clock();
    let error = http(&clock)
        .send(&Request::get(
            Url::parse(&format!("http://{address}/thing")).unwrap(),
        ))
        .await
        .unwrap_err();
    assert_eq!(Failure::from(error).code, Code::VendorReplyTooLarge);
}
