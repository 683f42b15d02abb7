//! An emulator started on first use and kept while its owner lives: the app's practice tenant,
//! and the CLI's when no running emulator was attached. Hosts hand its announcement line to the
//! core (which points the practice profile at it) and keep the fault panel here.

use tokio::sync::Mutex;

use crate::{Emulator, EmulatorConfig, EmulatorError, PanelFaults, RunningEmulator};

#[derive(Default)]
pub struct OnDemand {
    running: Mutex<Option<RunningEmulator>>,
}

impl OnDemand {
    /// The running emulator's announcement line, starting it on a random loopback port first.
    pub async fn announcement(&self) -> Result<String, EmulatorError> {
        let mut running = self.running.lock().await;
        if running.is_none() {
            let started = Emulator::start(EmulatorConfig::default()).await?;
            tracing::info!(address = %started.local_addr(), "practice emulator started");
            *running = Some(started);
        }
        Ok(running.as_ref().expect("started above").announcement())
    }

    /// The faults turned on now (none before the emulator started).
    pub async fn faults(&self) -> PanelFaults {
        match self.running.lock().await.as_ref() {
            Some(running) => PanelFaults::from_plan(&running.faults().plan()),
            None => PanelFaults::default(),
        }
    }

    /// Turns faults on or off, starting the emulator if need be; returns what is now on.
    pub async fn set_faults(&self, faults: PanelFaults) -> Result<PanelFaults, EmulatorError> {
        self.announcement().await?;
        let running = self.running.lock().await;
        let running = running.as_ref().expect("started by announcement()");
        running.faults().set_plan(faults.to_plan());
        Ok(PanelFaults::from_plan(&running.faults().plan()))
    }
}
