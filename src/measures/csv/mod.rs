//! Measures as CSV, the way German spreadsheets read and write it: semicolon separated, UTF-8
//! with byte order mark, German headers, dates TT.MM.JJJJ, labels instead of codes, Sozialräume,
//! partners and goals by name. Export and import use the same columns, so an export can be
//! imported again without losing anything, and the import checks every row with the same
//! validation as the form.

mod export;
mod parse;

pub use export::{export, file_name};
pub use parse::{Import, ImportRow, MAX_BYTES, MAX_ROWS, WHOLE_COMMUNE, decode, parse};

use super::forms::FIELDS;

/// The header row.
pub fn headers() -> impl Iterator<Item = &'static str> {
    FIELDS.iter().map(|(_, label)| *label)
}

#[cfg(test)]
mod tests;
