//! The `switchboard-emulator` binary prints one parseable JSON line and serves what it prints.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value;

#[tokio::test]
async fn binary_prints_one_json_line_with_endpoints_and_credentials() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_switchboard-emulator"))
        .args([
            "--zoom-users",
            "40",
            "--rate-limit",
            "genesys=100/60:http-date",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("one line");
    let printed: Value = serde_json::from_str(&line).expect("the line is JSON");
    let token_base = printed["endpoints"]["zoom"]["token_base"]
        .as_str()
        .expect("zoom token base")
        .to_owned();
    assert!(token_base.starts_with("http://127.0.0.1:"));
    assert!(
        printed["endpoints"]["genesys"]["regions"]
            .as_array()
            .is_some_and(|r| r.len() == 18)
    );
    let zoom = &printed["credentials"]["zoom"];
    let response = reqwest::Client::new()
        .post(format!("{token_base}/oauth/token"))
        .basic_auth(
            zoom["client_id"].as_str().unwrap_or(""),
            zoom["client_secret"].as_str(),
        )
        .form(&[
            ("grant_type", "account_credentials"),
            ("account_id", zoom["account_id"].as_str().unwrap_or("")),
        ])
        .send()
        .await;
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(response.expect("request").status().as_u16(), 200);
}

#[test]
fn binary_rejects_a_malformed_fault_flag() {
    let output = Command::new(env!("CARGO_BIN_EXE_switchboard-emulator"))
        .args(["--rate-limit", "zoom=lots"])
        .output()
        .expect("binary runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("LIMIT/SECONDS"));
}
