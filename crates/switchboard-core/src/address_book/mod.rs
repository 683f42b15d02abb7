//! CXone address books: entries typed in a form or imported from a CSV file, checked row by
//! row, then applied to CXone idempotently and resumably.
