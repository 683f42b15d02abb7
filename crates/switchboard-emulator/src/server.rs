//! Starting and stopping an emulator: binds a loopback port, seeds the tenant, mounts each
//! vendor's hosts under its path prefix behind that vendor's fault gate, and serves until shut
//! down.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::middleware;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::{DemoCredentials, EmulatorConfig, Endpoints};
use crate::faults::{FaultHandle, Vendor};
use crate::gate::{ConnectionTap, TapListener, fault_gate};
use crate::seed::{Rng, directory};
use crate::{control, cxone, genesys, google, salesforce, zoom};

/// Everything the handlers share: what clients were told, the faults, and each vendor's state.
#[derive(Debug)]
pub(crate) struct Emu {
    pub endpoints: Endpoints,
    pub credentials: DemoCredentials,
    pub faults: FaultHandle,
    pub zoom: zoom::Zoom,
    pub cxone: cxone::Cxone,
    pub salesforce: salesforce::Salesforce,
    pub genesys: genesys::Genesys,
}

#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
    #[error("the emulator listens on loopback only, not on {0}")]
    NotLoopback(SocketAddr),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: io::Error },
}

/// Entry point: `Emulator::start(EmulatorConfig::default()).await`.
#[derive(Debug)]
pub struct Emulator;

impl Emulator {
    /// Binds, seeds the demo tenant and starts serving on the current tokio runtime.
    pub async fn start(config: EmulatorConfig) -> Result<RunningEmulator, EmulatorError> {
        if !config.bind.ip().is_loopback() {
            return Err(EmulatorError::NotLoopback(config.bind));
        }
        let listener = tokio::net::TcpListener::bind(config.bind)
            .await
            .map_err(|source| EmulatorError::Bind {
                addr: config.bind,
                source,
            })?;
        let addr = listener
            .local_addr()
            .map_err(|source| EmulatorError::Bind {
                addr: config.bind,
                source,
            })?;
        let emu = Arc::new(seeded(&config, &format!("http://{addr}")));
        let app = routes(emu.clone()).into_make_service_with_connect_info::<ConnectionTap>();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(TapListener(listener), app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
        });
        tracing::info!(%addr, "vendor emulator listening");
        Ok(RunningEmulator {
            emu,
            addr,
            stop: Some(stop),
            task: Some(task),
        })
    }
}

fn seeded(config: &EmulatorConfig, base: &str) -> Emu {
    let rng = Rng::new(config.seed);
    let people = directory(&rng, config.size.zoom_users);
    let endpoints = Endpoints::under(base, &config.genesys_region);
    let credentials = DemoCredentials::from_seed(config.seed, &config.genesys_region);
    Emu {
        zoom: zoom::Zoom::seeded(&rng, &people),
        cxone: cxone::Cxone::seeded(&rng, &people),
        salesforce: salesforce::Salesforce::seeded(&rng, &people),
        genesys: genesys::Genesys::seeded(&rng, config),
        endpoints,
        credentials,
        faults: FaultHandle::new(config.faults.clone()),
    }
}

fn routes(emu: Arc<Emu>) -> Router {
    let gated = |router: Router<Arc<Emu>>, vendor: Vendor| {
        router.layer(middleware::from_fn_with_state(
            (emu.clone(), vendor),
            fault_gate,
        ))
    };
    Router::new()
        .nest("/zoom-oauth", gated(zoom::oauth_routes(), Vendor::Zoom))
        .nest("/zoom-api/v2", gated(zoom::api_routes(), Vendor::Zoom))
        .nest("/cxone-auth", gated(cxone::auth_routes(), Vendor::Cxone))
        .nest("/cxone-api", gated(cxone::api_routes(), Vendor::Cxone))
        .nest(
            "/salesforce-login",
            gated(salesforce::login_routes(), Vendor::Salesforce),
        )
        .nest(
            "/salesforce-instance",
            gated(salesforce::instance_routes(), Vendor::Salesforce),
        )
        .nest(
            "/genesys/{domain}/login",
            gated(genesys::login_routes(), Vendor::Genesys),
        )
        .nest(
            "/genesys/{domain}/api",
            gated(genesys::api_routes(), Vendor::Genesys),
        )
        // Google's token endpoint is not a vendor connection: no fault gate, its own faults.
        .nest("/google-oauth2", google::routes())
        .nest("/_emulator", control::routes())
        .with_state(emu)
}

/// A serving emulator. Dropping it stops the server too; `shutdown` also waits for it.
#[derive(Debug)]
pub struct RunningEmulator {
    emu: Arc<Emu>,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<io::Result<()>>>,
}

impl RunningEmulator {
    /// The one JSON line that announces this emulator: `{"endpoints": …, "credentials": …}`.
    /// The binary prints it; the app and the CLI hand it to the core's practice tenant.
    pub fn announcement(&self) -> String {
        serde_json::json!({ "endpoints": self.endpoints(), "credentials": self.credentials() })
            .to_string()
    }

    /// Base URLs for every vendor host; serialisable for the app and for the binary's JSON line.
    pub fn endpoints(&self) -> &Endpoints {
        &self.emu.endpoints
    }

    /// The demo tenant's credentials.
    pub fn credentials(&self) -> &DemoCredentials {
        &self.emu.credentials
    }

    /// Changes faults while the emulator runs.
    pub fn faults(&self) -> FaultHandle {
        self.emu.faults.clone()
    }

    /// Creates an Omni-Channel presence status in the demo org, as an admin would in Salesforce
    /// Setup (which the emulator has no page for); `false` when that Developer Name is taken.
    pub fn add_presence_status(&self, developer_name: &str, label: &str) -> bool {
        self.emu
            .salesforce
            .add_presence_status(developer_name, label)
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, lets answers in flight finish (at most 5 seconds), and returns.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take() {
            // Keep-alive connections from clients that never close would hold the graceful
            // shutdown forever: give up on them after a while.
            if tokio::time::timeout(Duration::from_secs(5), &mut task)
                .await
                .is_err()
            {
                task.abort();
            }
        }
    }
}

impl Drop for RunningEmulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
