//! The app's version and identifier come from one place each: the version from the workspace's
//! Cargo.toml (tauri.conf.json has none, so the bundler and the About box read Cargo's), the
//! identifier from `switchboard_core::paths`. These tests fail when another copy drifts from it.

use serde_json::Value;
use switchboard_core::paths::{DEVELOPMENT_IDENTIFIER, RELEASE_IDENTIFIER};

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

fn tauri_conf() -> Value {
    json(include_str!("../tauri.conf.json"))
}

#[test]
fn installers_carry_the_release_identifier_the_core_uses_for_data_and_keychain() {
    assert_eq!(tauri_conf()["identifier"], RELEASE_IDENTIFIER);
}

#[test]
fn a_development_build_is_the_release_identifier_with_a_dev_suffix() {
    assert_eq!(DEVELOPMENT_IDENTIFIER, format!("{RELEASE_IDENTIFIER}.dev"));
}

#[test]
fn the_version_has_one_source_the_workspace_cargo_toml() {
    let conf = tauri_conf();
    // With no version of its own, Tauri takes the crate's, which is the workspace's.
    assert_eq!(
        conf.get("version"),
        None,
        "tauri.conf.json must not repeat the version"
    );
    let ui = json(include_str!("../../ui/package.json"));
    assert_eq!(
        ui["version"],
        env!("CARGO_PKG_VERSION"),
        "ui/package.json disagrees with Cargo.toml"
    );
    let lock = json(include_str!("../../ui/package-lock.json"));
    assert_eq!(
        lock["version"],
        env!("CARGO_PKG_VERSION"),
        "ui/package-lock.json is stale"
    );
}

#[test]
fn every_bundle_names_the_same_product_and_a_licence() {
    let conf = tauri_conf();
    assert_eq!(conf["productName"], "Switchboard");
    assert_eq!(conf["bundle"]["license"], env!("CARGO_PKG_LICENSE"));
    assert_eq!(conf["app"]["windows"][0]["title"], conf["productName"]);
}
