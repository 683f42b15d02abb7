//! `switchboard-cli report`: a profile's hand-over report as HTML, Markdown or JSON, on standard
//! output or in a file.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use switchboard_core::report::ReportFormat;
use switchboard_core::{Locale, Switchboard};

#[derive(Args)]
pub struct ReportArgs {
    /// The profile's name
    #[arg(long)]
    pub profile: String,
    /// html, md or json
    #[arg(long, default_value = "html", value_parser = parse_format)]
    pub format: ReportFormat,
    /// Language of the report: en, fr or ja
    #[arg(long, default_value = "en", value_parser = super::parse_locale)]
    pub lang: Locale,
    /// Write the report to FILE (a folder: a file named after the customer and the date in
    /// it) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn parse_format(value: &str) -> Result<ReportFormat, String> {
    ReportFormat::parse(value).ok_or_else(|| format!("{value}: use html, md or json"))
}

pub fn run(core: &Switchboard, args: &ReportArgs) -> switchboard_core::Result<()> {
    let profile = core.profile_by_name(&args.profile)?;
    match &args.output {
        Some(path) => {
            let written = core.export_report(profile.id, args.format, args.lang, path)?;
            eprintln!("switchboard-cli: report written to {}", written.display());
        }
        None => {
            let (_, text) = core.report(profile.id, args.format, args.lang)?;
            std::io::stdout().write_all(text.as_bytes())?;
        }
    }
    Ok(())
}
