//! Logs go to a daily-rotated file in the app log folder (14 kept) and to stderr.
//! Nothing logs secret values: they only ever travel as `Sensitive`, whose Debug is redacted.

use std::path::Path;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

pub type Guard = tracing_appender::non_blocking::WorkerGuard;

pub fn start(log_dir: &Path) -> Result<Guard, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(log_dir)?;
    let file = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .max_log_files(14)
        .filename_prefix("switchboard")
        .filename_suffix("log")
        .build(log_dir)?;
    let (writer, guard) = tracing_appender::non_blocking(file);
    let default = if cfg!(debug_assertions) {
        "debug"
    } else {
        "info"
    };
    // HTTP and webview internals are noisy at debug level; SWITCHBOARD_LOG overrides everything.
    let filter = EnvFilter::try_from_env("SWITCHBOARD_LOG").unwrap_or_else(|_| {
        EnvFilter::new(format!(
            "{default},hyper=info,reqwest=info,tao=warn,wry=warn"
        ))
    });
    tracing_subscriber::registry()
        .with(filter)
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(writer)
                .with_ansi(false),
        )
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .try_init()?;
    Ok(guard)
}
