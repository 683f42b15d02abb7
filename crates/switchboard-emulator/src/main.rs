//! `switchboard-emulator`: runs the vendor emulator on loopback, prints ONE JSON line with every
//! base URL and the demo credentials, and serves until Ctrl-C. Faults set here can be changed
//! later through `{control_base}/faults`.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use clap::Parser;
use switchboard_emulator::{
    Emulator, EmulatorConfig, FaultPlan, RateLimit, RetryAfter, ServerErrors, TenantSize, Trigger,
    Vendor,
};

#[derive(Debug, Parser)]
#[command(
    version,
    about = "Loopback emulator of the Zoom, NICE CXone, Salesforce and Genesys Cloud APIs"
)]
struct Args {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Loopback address to listen on (127.0.0.1 or ::1).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    host: IpAddr,
    /// Seed of the demo tenant and its credentials.
    #[arg(long)]
    seed: Option<u64>,
    /// Number of Zoom users (CXone agents and Salesforce users scale with it).
    #[arg(long, default_value_t = 300)]
    zoom_users: usize,
    /// Genesys region domain of the demo org.
    #[arg(long, default_value = "mypurecloud.com")]
    genesys_region: String,
    /// A whole fault plan as JSON (applied first; the flags below add to it).
    #[arg(long, value_name = "JSON")]
    faults_json: Option<String>,
    /// VENDOR=MS: latency before each answer. VENDOR is zoom, cxone, salesforce, genesys or all.
    #[arg(long, value_name = "VENDOR=MS")]
    latency_ms: Vec<String>,
    /// VENDOR=LIMIT/SECONDS[:FORM]: rate limit; FORM of Retry-After is seconds, http-date,
    /// iso-date or absent.
    #[arg(long, value_name = "VENDOR=LIMIT/SECONDS[:FORM]")]
    rate_limit: Vec<String>,
    /// VENDOR=STATUS[:TRIGGER]: injected server errors; TRIGGER is always (default), every-N or next-N.
    #[arg(long, value_name = "VENDOR=STATUS[:TRIGGER]")]
    server_errors: Vec<String>,
    /// VENDOR[=TRIGGER]: dropped connections; TRIGGER as for --server-errors.
    #[arg(long, value_name = "VENDOR[=TRIGGER]")]
    drop_connections: Vec<String>,
    /// VENDOR=SECONDS: lifetime of the tokens issued.
    #[arg(long, value_name = "VENDOR=SECONDS")]
    token_ttl: Vec<String>,
    /// VENDOR: the token endpoint refuses the demo credentials (expired or wrong secret).
    #[arg(long, value_name = "VENDOR")]
    reject_credentials: Vec<String>,
}

fn vendors(name: &str) -> Result<Vec<Vendor>, String> {
    if name == "all" {
        Ok(Vendor::ALL.to_vec())
    } else {
        Ok(vec![name.parse()?])
    }
}

fn split(spec: &str) -> Result<(Vec<Vendor>, &str), String> {
    let (vendor, value) = spec
        .split_once('=')
        .ok_or_else(|| format!("`{spec}`: expected VENDOR=VALUE"))?;
    Ok((vendors(vendor)?, value))
}

fn number<T: std::str::FromStr>(raw: &str, what: &str) -> Result<T, String> {
    raw.parse()
        .map_err(|_| format!("`{raw}` is not a valid {what}"))
}

fn trigger(raw: &str) -> Result<Trigger, String> {
    match raw {
        "" | "always" => Ok(Trigger::Always),
        _ => {
            if let Some(n) = raw.strip_prefix("every-") {
                Ok(Trigger::EveryNth(number(n, "count")?))
            } else if let Some(n) = raw.strip_prefix("next-") {
                Ok(Trigger::Next(number(n, "count")?))
            } else {
                Err(format!("`{raw}`: trigger is always, every-N or next-N"))
            }
        }
    }
}

fn plan(args: &Args) -> Result<FaultPlan, String> {
    let mut plan = match &args.faults_json {
        Some(json) => serde_json::from_str(json).map_err(|e| format!("--faults-json: {e}"))?,
        None => FaultPlan::default(),
    };
    for spec in &args.latency_ms {
        let (targets, value) = split(spec)?;
        let ms = number(value, "latency in milliseconds")?;
        targets
            .iter()
            .for_each(|v| plan.vendor_mut(*v).latency_ms = ms);
    }
    for spec in &args.rate_limit {
        let (targets, value) = split(spec)?;
        let (window, form) = value.split_once(':').unwrap_or((value, "seconds"));
        let (limit, secs) = window
            .split_once('/')
            .ok_or_else(|| format!("`{spec}`: expected LIMIT/SECONDS"))?;
        let limit = RateLimit {
            limit: number(limit, "request count")?,
            window_secs: number(secs, "window in seconds")?,
            retry_after: form.parse::<RetryAfter>()?,
        };
        targets
            .iter()
            .for_each(|v| plan.vendor_mut(*v).rate_limit = Some(limit.clone()));
    }
    for spec in &args.server_errors {
        let (targets, value) = split(spec)?;
        let (status, when) = value.split_once(':').unwrap_or((value, "always"));
        let errors = ServerErrors {
            status: number(status, "HTTP status")?,
            trigger: trigger(when)?,
        };
        targets
            .iter()
            .for_each(|v| plan.vendor_mut(*v).server_errors = Some(errors.clone()));
    }
    for spec in &args.drop_connections {
        let (vendor, when) = spec.split_once('=').unwrap_or((spec, "always"));
        let when = trigger(when)?;
        vendors(vendor)?
            .iter()
            .for_each(|v| plan.vendor_mut(*v).drop_connections = Some(when));
    }
    for spec in &args.token_ttl {
        let (targets, value) = split(spec)?;
        let secs = number(value, "lifetime in seconds")?;
        targets
            .iter()
            .for_each(|v| plan.vendor_mut(*v).token_ttl_secs = Some(secs));
    }
    for name in &args.reject_credentials {
        vendors(name)?
            .iter()
            .for_each(|v| plan.vendor_mut(*v).reject_credentials = true);
    }
    Ok(plan)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> ExitCode {
    let args = Args::parse();
    let faults = match plan(&args) {
        Ok(plan) => plan,
        Err(message) => {
            eprintln!("switchboard-emulator: {message}");
            return ExitCode::from(2);
        }
    };
    let defaults = EmulatorConfig::default();
    let config = EmulatorConfig {
        bind: SocketAddr::new(args.host, args.port),
        seed: args.seed.unwrap_or(defaults.seed),
        size: TenantSize {
            zoom_users: args.zoom_users,
        },
        faults,
        genesys_region: args.genesys_region.clone(),
        ..defaults
    };
    let emulator = match Emulator::start(config).await {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("switchboard-emulator: {error}");
            return ExitCode::FAILURE;
        }
    };
    let line = emulator.announcement();
    // One line, flushed at once: the caller reads it before sending its first request.
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{line}")
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    drop(stdout);
    let _ = tokio::signal::ctrl_c().await;
    emulator.shutdown().await;
    ExitCode::SUCCESS
}
