//! CSV downloads as German spreadsheets open them: semicolon-separated, UTF-8 with byte order
//! mark (without it Excel reads Windows-1252), CRLF line ends, decimal comma; user text guarded
//! against formula injection. Every CSV export of the portal is written here.

use std::borrow::Cow;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::error::{AppError, AppResult};

/// Spreadsheets run a cell starting with one of these as a formula (a tab or carriage return
/// in front of one is skipped by some of them).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV file being written in memory; `finish` returns its bytes.
pub struct Sheet {
    writer: csv::Writer<Vec<u8>>,
}

impl Sheet {
    pub fn new<I>(header: I) -> csv::Result<Self>
    where
        I: IntoIterator,
        I::Item: AsRef<[u8]>,
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer("\u{feff}".as_bytes().to_vec());
        writer.write_record(header)?;
        Ok(Self { writer })
    }

    /// Writes a row; text cells are guarded, number cells written as they are.
    pub fn row(&mut self, cells: &[Cell]) -> csv::Result<()> {
        let written: Vec<Cow<str>> = cells
            .iter()
            .map(|c| match c {
                Cell::Text(text) => guard(text),
                Cell::Number(number) => Cow::Borrowed(number.as_str()),
            })
            .collect();
        self.writer
            .write_record(written.iter().map(|c| c.as_bytes()))
    }

    pub fn finish(self) -> csv::Result<Vec<u8>> {
        self.writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
}

pub enum Cell {
    /// Text, from users or ours: guarded, so that a spreadsheet never runs it.
    Text(String),
    /// A number or date we formatted ourselves; a leading minus must stay a minus.
    Number(String),
}

/// `text` with an apostrophe in front if a spreadsheet would run it as a formula; the
/// apostrophe makes the cell plain text and is not shown.
pub fn guard(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The cell as it was before [`guard`], for files that come back to be imported.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

/// A number with decimal comma and no thousands separators (spreadsheets read that back as a
/// number); up to `places` decimals, trailing zeros dropped.
pub fn number(value: f64, places: usize) -> String {
    let fixed = format!("{value:.places$}");
    let trimmed = if fixed.contains('.') {
        fixed.trim_end_matches('0').trim_end_matches('.')
    } else {
        &fixed
    };
    let text = trimmed.replace('.', ",");
    if text == "-0" { "0".into() } else { text }
}

/// The bytes of a sheet as a download saved under `file_name`.
pub fn csv_response(file_name: &str, body: Vec<u8>) -> AppResult<Response> {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded() {
        for formula in [
            "=SUMME(A1:A9)",
            "+49 2381",
            "-2+3",
            "@SUM(1)",
            "\t=1",
            "\r=1",
            "=2+2 Phase",
        ] {
            assert_eq!(guard(formula), format!("'{formula}"));
            assert_eq!(unguard(&guard(formula)), formula);
        }
        for text in [
            "Familienbüro",
            "",
            "2+2",
            "a=b",
            " =1",
            "'=1 schon geschützt",
        ] {
            assert_eq!(guard(text), text);
        }
        assert_eq!(
            unguard("'Apostroph"),
            "'Apostroph",
            "only our own apostrophes go"
        );
    }

    #[test]
    fn sheets_for_german_spreadsheets() {
        let mut sheet = Sheet::new(&["A", "B"]).unwrap();
        sheet
            .row(&[
                Cell::Text("=SUMME(A1:A9)".into()),
                Cell::Text("a; b".into()),
            ])
            .unwrap();
        sheet
            .row(&[Cell::Number("-3,5".into()), Cell::Text("ok".into())])
            .unwrap();
        let text = String::from_utf8(sheet.finish().unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}A;B\r\n'=SUMME(A1:A9);\"a; b\"\r\n-3,5;ok\r\n"
        );
    }

    #[test]
    fn numbers_for_spreadsheets() {
        assert_eq!(number(93.5, 2), "93,5");
        assert_eq!(number(1234.0, 2), "1234");
        assert_eq!(number(-0.001, 2), "0");
        assert_eq!(number(-12.25, 2), "-12,25");
        assert_eq!(number(0.1 + 0.2, 2), "0,3");
    }

    #[test]
    fn responses_are_named_csv_files() {
        let response = csv_response("ziele-netzwerk-7.csv", b"A\r\n".to_vec()).unwrap();
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/csv; charset=utf-8"
        );
        assert_eq!(
            response.headers()[header::CONTENT_DISPOSITION],
            "attachment; filename=\"ziele-netzwerk-7.csv\""
        );
    }
}
