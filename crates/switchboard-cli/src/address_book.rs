//! `switchboard-cli address-book …`: CXone Standard address books from a CSV file.
//!
//! `check` previews an import offline, exactly as the app's import screen reads the file.
//! `apply --profile NAME FILE` writes the entries to CXone (`address_book_apply.rs`); it needs
//! the database and runs after the core is opened, see `main.rs`.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use switchboard_core::address_book::{Import, ImportError, read_csv};
use switchboard_core::directory::Region;

use crate::explain::with_code;
use crate::files::{self, parse_region};

#[derive(Subcommand)]
pub enum AddressBookCommand {
    /// Preview a CSV import: rows accepted, and each refused row with its line and reasons
    /// (exit status 1 when a row is refused or the file cannot be read)
    Check {
        /// The CSV file: UTF-8 (with or without BOM), separated by `,`, `;` or tabs, with a
        /// header row naming at least the first and last name columns (English, French or
        /// Japanese headers)
        file: PathBuf,
        /// Country whose national numbers the file holds, as an ISO code (FR, JP, US …);
        /// numbers written with `+` are read whatever it is
        #[arg(long, value_parser = parse_region)]
        region: Region,
    },
    /// Write the file's accepted rows to the profile's CXone address book, as the app's
    /// "Apply" does: idempotent, and an interrupted apply is finished first (exit status 1
    /// when a row is refused or the apply stops; run it again to resume)
    Apply {
        /// The profile whose CXone connection and address-book draft to use
        #[arg(long)]
        profile: String,
        /// The address book's name (default: the one entered in the app)
        #[arg(long)]
        book: Option<String>,
        /// Country whose national numbers the file holds (FR, JP, US …)
        #[arg(long, value_parser = parse_region)]
        region: Region,
        /// An earlier apply stopped with another plan: finish that one first
        #[arg(long, conflicts_with = "discard_earlier")]
        resume_earlier: bool,
        /// An earlier apply stopped with another plan: keep it on record as discarded and
        /// apply this file
        #[arg(long)]
        discard_earlier: bool,
        file: PathBuf,
    },
}

/// The commands that need no database; `None` for those that run on the opened core.
pub fn run_offline(
    command: &AddressBookCommand,
    json: bool,
) -> Option<switchboard_core::Result<bool>> {
    match command {
        AddressBookCommand::Check { file, region } => Some(check(file, *region, json)),
        AddressBookCommand::Apply { .. } => None,
    }
}

fn check(path: &Path, region: Region, json: bool) -> switchboard_core::Result<bool> {
    let bytes = files::read(path)?;
    let import = match read_csv(&bytes, region) {
        Ok(import) => import,
        Err(error) => {
            file_error(path, &error, json);
            return Ok(false);
        }
    };
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&import).expect("the preview serialises")
        );
    } else {
        print_preview(path, &import);
    }
    Ok(import.rejected.is_empty())
}

fn file_error(path: &Path, error: &ImportError, json: bool) {
    if json {
        let mut value = serde_json::to_value(error).expect("import errors serialise");
        value["file"] = path.display().to_string().into();
        eprintln!("{value}");
        return;
    }
    let (line, detail) = match error {
        ImportError::NotUtf8 { line } | ImportError::Malformed { line } => {
            (format!(" line {line}:"), String::new())
        }
        ImportError::MissingColumns { missing } => {
            (String::new(), format!(": {}", missing.join(", ")))
        }
        ImportError::DuplicateColumn { field } => (String::new(), format!(": {field}")),
        ImportError::TooLarge { max_mb } => (String::new(), format!(": over {max_mb} MB")),
        ImportError::TooManyRows { max } => (String::new(), format!(": over {max} rows")),
        ImportError::Empty => (String::new(), String::new()),
    };
    eprintln!(
        "switchboard-cli: {}:{line} {}{detail}",
        path.display(),
        with_code(error.code())
    );
}

fn print_preview(path: &Path, import: &Import) {
    let separator = match import.separator {
        '\t' => "tab".to_owned(),
        c => format!("'{c}'"),
    };
    // The same names as the window's preview (`utf-8`, `shift_jis` …).
    let encoding = serde_json::to_value(import.encoding).expect("encodings serialise");
    let bom = if import.had_bom { " with BOM" } else { "" };
    println!(
        "{}: {} accepted, {} rejected (separator {separator}, read as {}{bom})",
        path.display(),
        import.accepted.len(),
        import.rejected.len(),
        encoding.as_str().unwrap_or_default(),
    );
    let columns: Vec<String> = import
        .columns
        .iter()
        .map(|c| match c.field {
            Some(field) => format!("{} -> {field}", c.header),
            None => format!("{} (ignored)", c.header),
        })
        .collect();
    println!("  columns: {}", columns.join(", "));
    for row in &import.rejected {
        let reasons: Vec<String> = row
            .problems
            .iter()
            .map(|p| match p.field {
                Some(field) => format!("{field}: {}", with_code(p.code)),
                None => with_code(p.code),
            })
            .collect();
        let first = row
            .duplicate_of
            .map(|line| format!(" (line {line})"))
            .unwrap_or_default();
        println!("  line {}: {}{first}", row.line, reasons.join("; "));
    }
}
