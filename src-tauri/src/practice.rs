//! The practice tenant's emulator inside the app: started on first use on a random 127.0.0.1
//! port, kept for the app's lifetime, and announced to the core, which (re)points the practice
//! profile's connections at it.

use switchboard_core::practice::PracticeTenant;
use switchboard_core::switchboard::PlannedStatus;
use switchboard_emulator::{Emulator, EmulatorConfig, PanelFaults, RunningEmulator};
use tokio::sync::Mutex;

use crate::ipc_error::{IpcError, IpcResult};

#[derive(Default)]
pub struct Practice {
    emulator: Mutex<Option<RunningEmulator>>,
}

impl Practice {
    /// The running emulator's tenant, starting the emulator if needed.
    pub async fn tenant(&self) -> IpcResult<PracticeTenant> {
        let mut emulator = self.emulator.lock().await;
        if emulator.is_none() {
            let started = Emulator::start(EmulatorConfig::default())
                .await
                .map_err(IpcError::internal)?;
            tracing::info!(address = %started.local_addr(), "practice emulator started");
            *emulator = Some(started);
        }
        let running = emulator.as_ref().expect("started above");
        Ok(PracticeTenant::from_announcement(&running.announcement())?)
    }

    pub async fn faults(&self) -> PanelFaults {
        match self.emulator.lock().await.as_ref() {
            Some(running) => PanelFaults::from_plan(&running.faults().plan()),
            None => PanelFaults::default(),
        }
    }

    pub async fn set_faults(&self, faults: PanelFaults) -> IpcResult<PanelFaults> {
        self.tenant().await?;
        let emulator = self.emulator.lock().await;
        let running = emulator.as_ref().expect("started by tenant()");
        running.faults().set_plan(faults.to_plan());
        Ok(PanelFaults::from_plan(&running.faults().plan()))
    }

    /// Creates presence statuses in the practice org (its Salesforce Setup has no page); one
    /// that exists already is left as it is.
    pub async fn add_presence_statuses(&self, statuses: &[PlannedStatus]) -> IpcResult<()> {
        self.tenant().await?;
        let emulator = self.emulator.lock().await;
        let running = emulator.as_ref().expect("started by tenant()");
        for status in statuses {
            running.add_presence_status(&status.developer_name, &status.label);
        }
        Ok(())
    }
}
