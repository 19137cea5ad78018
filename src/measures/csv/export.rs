//! Measures to the CSV file, one row each.

use super::headers;
use crate::format;
use crate::measures::db::Measure;
use crate::vocab::{
    self, FINANZIERUNG, HANDLUNGSFELDER, LEBENSPHASEN, Term, ZIELGRUPPEN, ZUGAENGE,
};
use crate::web::csv::{Cell, Sheet};

/// One measure as CSV cells, in the order of [`headers`].
fn cells(m: &Measure) -> Vec<Cell> {
    let f = &m.fields;
    let date = |d: Option<time::Date>| d.map(format::date).unwrap_or_default();
    let labels = |terms: &[Term], codes: &[String]| vocab::labels(terms, codes);
    vec![
        f.title.clone(),
        f.description.clone(),
        labels(HANDLUNGSFELDER, &f.handlungsfelder),
        labels(LEBENSPHASEN, &f.lebensphasen),
        labels(ZIELGRUPPEN, &f.zielgruppen),
        m.sozialraum_label().to_owned(),
        labels(ZUGAENGE, &f.zugaenge),
        if f.niedrigschwellig { "ja" } else { "nein" }.to_owned(),
        m.partner_name.clone().unwrap_or_default(),
        labels(FINANZIERUNG, &f.finanzierung),
        date(f.start_date),
        date(f.end_date),
        m.status_label().to_owned(),
        f.reach_per_year.map(|r| r.to_string()).unwrap_or_default(),
        f.annual_cost_euro
            .map(|c| c.to_string())
            .unwrap_or_default(),
        f.participation.clone(),
        f.impact_input.clone(),
        f.impact_output.clone(),
        f.impact_outcome.clone(),
        m.goals
            .iter()
            .map(|g| g.title.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    ]
    .into_iter()
    // All as text: the dates and numbers here are never negative, so the guard leaves them be.
    .map(Cell::Text)
    .collect()
}

/// The CSV file: header row, one row per measure.
pub fn export(measures: &[Measure]) -> csv::Result<Vec<u8>> {
    let mut sheet = Sheet::new(headers())?;
    for measure in measures {
        sheet.row(&cells(measure))?;
    }
    sheet.finish()
}

/// A file name such as `massnahmen-praeventionskette-hamm-2026-03-01.csv`.
pub fn file_name(network_name: &str, today: time::Date) -> String {
    let mut slug = String::new();
    for c in network_name.to_lowercase().chars() {
        let replacement = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        if replacement == "-" && (slug.is_empty() || slug.ends_with('-')) {
            continue;
        }
        slug.push_str(replacement);
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("massnahmen-{today}.csv")
    } else {
        format!("massnahmen-{slug}-{today}.csv")
    }
}
