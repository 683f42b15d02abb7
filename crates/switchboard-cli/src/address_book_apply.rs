//! `switchboard-cli address-book apply --profile NAME FILE`: the app's address-book apply from
//! a terminal. The file's accepted rows join the profile's draft (as the app's import does),
//! then the same journalled, idempotent apply runs: an interrupted run is finished first, and
//! entries already in CXone are never added twice.

use std::path::Path;

use switchboard_core::Switchboard;
use switchboard_core::address_book::read_csv;
use switchboard_core::directory::Region;
use switchboard_core::locale::Locale;
use switchboard_core::storage::apply_runs::Unfinished;

use crate::explain::with_code;
use crate::files;

const FLOW: &str = "zoom-directory-sync";
const STEP: &str = "cxone-address-book";
const BOOK_FIELD: &str = "cxone-address-book-name";

pub struct ApplyArgs<'a> {
    pub profile: &'a str,
    pub file: &'a Path,
    pub region: Region,
    pub book: Option<&'a str>,
    /// What to do with an earlier run that stopped with another plan (`--resume-earlier`,
    /// `--discard-earlier`); without it such a run stops the command with its details.
    pub unfinished: Option<Unfinished>,
    pub json: bool,
}

/// `Ok(false)` when rows were refused or the apply stopped (run it again to resume).
pub fn apply(core: &Switchboard, args: &ApplyArgs<'_>) -> switchboard_core::Result<bool> {
    let profile = core.profile_by_name(args.profile)?;
    let bytes = files::read(args.file)?;
    let import = read_csv(&bytes, args.region)
        .map_err(|e| switchboard_core::Error::validation("file", e.code()))?;
    for row in &import.rejected {
        let reasons: Vec<String> = row.problems.iter().map(|p| with_code(p.code)).collect();
        eprintln!(
            "switchboard-cli: {}: line {} not applied: {}",
            args.file.display(),
            row.line,
            reasons.join("; ")
        );
    }
    let mut draft = core.address_book_draft(profile.id, FLOW, Locale::En)?;
    draft.region = args.region.to_string();
    draft.add_entries(import.accepted.iter().map(|row| row.entry.clone()));
    core.save_address_book_draft(profile.id, FLOW, &draft)?;
    if let Some(book) = args.book {
        core.set_field(profile.id, FLOW, STEP, BOOK_FIELD, book, Locale::En)?;
    }
    let applying = || core.apply_address_book(profile.id, FLOW, Locale::En, args.unfinished);
    let applied = match crate::with_vendors(applying) {
        Err(switchboard_core::Error::ApplyPlanChanged { run }) => {
            if let Some(earlier) = core.address_book_run(profile.id)? {
                eprintln!(
                    "switchboard-cli: an earlier apply (run {run}) stopped at {} of {} entries on {} with another plan; \
                     add --resume-earlier to finish it or --discard-earlier to apply this file instead",
                    earlier.added + earlier.present,
                    earlier.total,
                    earlier.updated_at
                );
            }
            return Err(switchboard_core::Error::ApplyPlanChanged { run });
        }
        other => other?,
    };
    let run = &applied.run;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(run).expect("the run serialises")
        );
    } else {
        let book = run.book_id.map(|id| format!(" #{id}")).unwrap_or_default();
        println!(
            "address book{book}: {} added, {} already present, {} assignments, {} of {} entries ({})",
            run.added,
            run.present,
            run.assigned,
            run.added + run.present,
            run.total,
            run.state
        );
        if let Some(failure) = &run.failure {
            eprintln!(
                "switchboard-cli: the apply stopped: {}; run the same command again to resume",
                with_code(&failure.code)
            );
        }
    }
    Ok(run.state == "done" && import.rejected.is_empty())
}
