//! CXone address books: entries typed in a form or imported from a CSV file, checked row by
//! row, then applied to CXone idempotently and resumably.

pub mod apply;
pub mod csv;
pub mod entry;
pub mod plan;

pub use self::csv::{AcceptedRow, Column, Import, ImportError, RejectedRow, read_csv};
pub use entry::{Entry, EntryDraft, EntryProblem, check_entry};
