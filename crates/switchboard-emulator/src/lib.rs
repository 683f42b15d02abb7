//! Switchboard's vendor emulator: a stateful, loopback-only stand-in for the Zoom, NICE CXone,
//! Salesforce and Genesys Cloud APIs the app talks to, with a seeded demo tenant and faults that
//! can be changed while it runs. Every test above unit level points its clients here, and the app
//! offers it as a "practice tenant".
//!
//! ```no_run
//! # async fn demo() -> Result<(), switchboard_emulator::EmulatorError> {
//! use switchboard_emulator::{Emulator, EmulatorConfig, Vendor};
//! let emulator = Emulator::start(EmulatorConfig::default()).await?;
//! let zoom_api = &emulator.endpoints().zoom.api_base; // http://127.0.0.1:PORT/zoom-api/v2
//! emulator.faults().expire_tokens(Vendor::Zoom); // tokens issued so far now get 401
//! emulator.shutdown().await;
//! # Ok(()) }
//! ```

mod clock;
mod config;
mod control;
mod cxone;
mod faults;
mod gate;
mod genesys;
mod google;
mod http;
mod on_demand;
mod panel;
mod salesforce;
mod seed;
mod server;
mod tokens;
mod zoom;

pub use config::GoogleEndpoints;
pub use config::{
    CxoneCredentials, CxoneEndpoints, DemoCredentials, EmulatorConfig, Endpoints, GENESYS_REGIONS,
    GENESYS_STATE_DELAY_MS, GENESYS_TOKEN_RATE_PER_MINUTE, GenesysCredentials, GenesysEndpoints,
    GenesysRegion, SalesforceCredentials, SalesforceEndpoints, TenantSize, ZoomCredentials,
    ZoomEndpoints,
};
pub use faults::{
    FaultHandle, FaultPlan, RateLimit, RetryAfter, ServerErrors, Trigger, Vendor, VendorFaults,
};
pub use google::{GoogleServiceAccount, PRACTICE_KEY_PEM};
pub use on_demand::OnDemand;
pub use panel::{PanelFaults, PanelRateLimit};
pub use server::{Emulator, EmulatorError, RunningEmulator};
