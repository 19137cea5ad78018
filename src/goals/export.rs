//! CSV exports as German spreadsheets expect them: semicolon-separated, UTF-8 with BOM,
//! German column names, dates TT.MM.JJJJ, decimal comma.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::GoalNode;
use crate::format;

/// A writer for one CSV file; `finish` returns the bytes with the BOM in front.
pub(crate) struct Sheet {
    writer: csv::Writer<Vec<u8>>,
}

impl Sheet {
    pub(crate) fn new(header: &[&str]) -> csv::Result<Self> {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer("\u{feff}".as_bytes().to_vec());
        writer.write_record(header)?;
        Ok(Self { writer })
    }

    /// Writes a row; text cells (not numbers) are defused against formula injection.
    pub(crate) fn row(&mut self, cells: &[Cell]) -> csv::Result<()> {
        self.writer.write_record(cells.iter().map(|c| match c {
            Cell::Text(text) => defuse(text),
            Cell::Number(number) => number.clone(),
        }))
    }

    pub(crate) fn finish(self) -> csv::Result<Vec<u8>> {
        self.writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
}

pub(crate) enum Cell {
    /// User text: a leading `=`, `+`, `-`, `@` gets an apostrophe, so spreadsheets do not
    /// run it as a formula.
    Text(String),
    /// A number or date we formatted ourselves.
    Number(String),
}

fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A number with decimal comma and no thousands separators (spreadsheets read that back as a
/// number); up to `places` decimals, trailing zeros dropped.
pub(crate) fn number(value: f64, places: usize) -> String {
    let fixed = format!("{value:.places$}");
    let trimmed = if fixed.contains('.') {
        fixed.trim_end_matches('0').trim_end_matches('.')
    } else {
        &fixed
    };
    let text = trimmed.replace('.', ",");
    if text == "-0" { "0".into() } else { text }
}

pub(crate) fn csv_response(filename: &str, body: Vec<u8>) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// One row per goal, depth first: a Kernziel, then its Mittelziele each followed by their
/// Handlungsziele.
pub(crate) fn goals_csv(tree: &[GoalNode]) -> csv::Result<Vec<u8>> {
    let mut sheet = Sheet::new(&[
        "Ebene",
        "Titel",
        "Oberziel",
        "Handlungsfeld",
        "Status",
        "Zieldatum",
        "Fortschritt (%)",
        "Meilensteine",
    ])?;
    let titles: std::collections::HashMap<i64, &str> = tree
        .iter()
        .flat_map(GoalNode::flatten)
        .map(|g| (g.id, g.title.as_str()))
        .collect();
    for goal in tree.iter().flat_map(GoalNode::flatten) {
        let milestones = goal
            .milestones
            .iter()
            .map(|m| match m.done_on {
                Some(done) => format!(
                    "{} (fällig {}, erledigt {})",
                    m.title,
                    format::date(m.due_on),
                    format::date(done)
                ),
                None => format!("{} (fällig {})", m.title, format::date(m.due_on)),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let parent = goal
            .parent_id
            .and_then(|p| titles.get(&p).copied())
            .unwrap_or_default();
        sheet.row(&[
            Cell::Text(goal.level_label().into()),
            Cell::Text(goal.title.clone()),
            Cell::Text(parent.into()),
            Cell::Text(goal.handlungsfeld_label().into()),
            Cell::Text(goal.status_label().into()),
            Cell::Number(goal.target_date_text()),
            Cell::Number(goal.progress.to_string()),
            Cell::Text(milestones),
        ])?;
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_spreadsheets() {
        assert_eq!(number(93.5, 2), "93,5");
        assert_eq!(number(1234.0, 2), "1234");
        assert_eq!(number(-0.001, 2), "0");
        assert_eq!(number(-12.25, 2), "-12,25");
        assert_eq!(number(0.1 + 0.2, 2), "0,3");
    }

    #[test]
    fn formulas_are_defused_and_semicolons_quoted() {
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
}
