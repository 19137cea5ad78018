//! An uploaded CSV file read back into measures: its encoding, its columns, and every row
//! checked with the form's validation against the network's Sozialräume, partners and goals.

use std::collections::HashMap;

use super::headers;
use crate::format;
use crate::measures::db::{MeasureFields, NetworkOptions};
use crate::measures::forms::{FIELDS, MeasureForm, field_label};
use crate::states::MeasureStatus;
use crate::vocab::{
    self, FINANZIERUNG, HANDLUNGSFELDER, LEBENSPHASEN, Term, ZIELGRUPPEN, ZUGAENGE,
};
use crate::web::csv::unguard;

/// The largest file the import takes.
pub const MAX_BYTES: usize = 1024 * 1024;
/// The most measures one import takes.
pub const MAX_ROWS: usize = 5000;
/// How the whole municipality is named in the Sozialraum column.
pub const WHOLE_COMMUNE: &str = "Gesamte Kommune";

/// Columns that must be present; the others may be left out.
const REQUIRED: &[&str] = &[
    "title",
    "handlungsfelder",
    "lebensphasen",
    "zielgruppen",
    "status",
];

/// The text of an uploaded file: UTF-8 (with or without byte order mark), UTF-16 with byte
/// order mark, or else Windows-1252, which older Excel versions write. Without a byte order
/// mark, UTF-16 would pass for Windows-1252 with a NUL between letters ("T i t e l");
/// NUL is in no text, so a file with one is refused with the message to show.
pub fn decode(bytes: &[u8]) -> Result<String, &'static str> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    let utf16 = |rest: &[u8], little: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| {
                if little {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return Ok(utf16(rest, true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return Ok(utf16(rest, false));
    }
    if bytes.contains(&0) {
        return Err(
            "Die Datei lässt sich nicht als Text lesen: Sie ist vermutlich als UTF-16 ohne \
             Byte-Order-Mark gespeichert oder keine CSV-Datei (z. B. eine Excel-Arbeitsmappe). \
             Bitte speichern Sie sie in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ und \
             laden Sie sie erneut hoch.",
        );
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    })
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// A problem in one row, at one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub column: String,
    pub message: String,
}

/// One data row of the file, checked.
#[derive(Clone, Debug)]
pub struct ImportRow {
    /// The row number as a spreadsheet shows it (the header is row 1).
    pub number: usize,
    pub title: String,
    pub fields: Option<MeasureFields>,
    pub errors: Vec<RowError>,
}

/// The checked file: problems with the file as a whole, and every row.
#[derive(Clone, Debug, Default)]
pub struct Import {
    pub problems: Vec<String>,
    pub rows: Vec<ImportRow>,
}

impl Import {
    fn problem(message: impl Into<String>) -> Self {
        Self {
            problems: vec![message.into()],
            rows: Vec::new(),
        }
    }

    pub fn error_count(&self) -> usize {
        self.problems.len() + self.rows.iter().map(|r| r.errors.len()).sum::<usize>()
    }

    /// Every row's fields, if the whole file is free of errors.
    pub fn valid_fields(&self) -> Option<Vec<MeasureFields>> {
        if self.error_count() > 0 || self.rows.is_empty() {
            return None;
        }
        self.rows.iter().map(|r| r.fields.clone()).collect()
    }
}

/// Reads and checks CSV text against the network's Sozialräume, partners and goals.
pub fn parse(text: &str, options: &NetworkOptions) -> Import {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Import::problem(
            "Die Datei ist leer. Bitte eine CSV-Datei mit Kopfzeile und mindestens einer Maßnahme \
             hochladen.",
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(_)) | None => {
            return Import::problem("Die Kopfzeile der Datei konnte nicht gelesen werden.");
        }
    };
    let columns = match columns(&header) {
        Ok(columns) => columns,
        Err(problems) => {
            return Import {
                problems,
                rows: Vec::new(),
            };
        }
    };
    let lookup = Lookup::new(options);
    let mut import = Import::default();
    for (index, record) in records.enumerate() {
        let number = index + 2;
        if import.rows.len() >= MAX_ROWS {
            return Import::problem(format!(
                "Die Datei enthält mehr als {} Maßnahmen. Bitte teilen Sie sie auf mehrere \
                 Dateien auf.",
                format::integer(MAX_ROWS as i64)
            ));
        }
        let record = match record {
            Ok(record) => record,
            Err(_) => {
                import.problems.push(format!(
                    "Zeile {number} konnte nicht gelesen werden. Bitte prüfen Sie die \
                     Anführungszeichen."
                ));
                break;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        import.rows.push(check_row(
            number,
            &record,
            &columns,
            header.len(),
            &lookup,
            options,
        ));
    }
    if import.rows.is_empty() && import.problems.is_empty() {
        import
            .problems
            .push("Die Datei enthält nur die Kopfzeile, aber keine Maßnahmen.".to_owned());
    }
    import
}

/// For each form field, the index of its column (if present).
type Columns = Vec<(&'static str, Option<usize>)>;

fn columns(header: &csv::StringRecord) -> Result<Columns, Vec<String>> {
    let names: Vec<&str> = header.iter().map(|h| unguard(h.trim())).collect();
    if names.len() == 1 {
        let only = names[0];
        let found = [
            (',', "Komma"),
            ('\t', "Tabulator"),
            ('|', "senkrechter Strich"),
        ]
        .into_iter()
        .find(|(c, _)| only.contains(*c));
        return Err(vec![match found {
            Some((_, name)) => format!(
                "Die Datei ist nicht mit Semikolon getrennt, sondern mit {name}. Bitte speichern \
                 Sie sie als „CSV (Trennzeichen-getrennt)“ mit Semikolon als Trennzeichen oder \
                 nutzen Sie den Export als Vorlage."
            ),
            None => "Die Kopfzeile hat nur eine Spalte. Die Spalten müssen mit Semikolon \
                     getrennt sein; nutzen Sie am besten den Export als Vorlage."
                .to_owned(),
        }]);
    }
    let mut problems = Vec::new();
    let mut columns: Columns = FIELDS.iter().map(|(f, _)| (*f, None)).collect();
    for (index, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        let field = FIELDS
            .iter()
            .position(|(_, label)| label.to_lowercase() == name.to_lowercase());
        match field {
            Some(position) if columns[position].1.is_some() => {
                problems.push(format!("Die Spalte „{name}“ kommt zweimal vor."));
            }
            Some(position) => columns[position].1 = Some(index),
            None => problems.push(format!(
                "Unbekannte Spalte „{}“. Möglich sind: {}.",
                name.chars().take(60).collect::<String>(),
                headers().collect::<Vec<_>>().join(", ")
            )),
        }
    }
    for (field, index) in &columns {
        if index.is_none() && REQUIRED.contains(field) {
            problems.push(format!("Die Spalte „{}“ fehlt.", field_label(field)));
        }
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

/// Names of the network's Sozialräume, partners and goals, for finding them by name.
struct Lookup {
    sozialraeume: HashMap<String, i64>,
    partners: HashMap<String, i64>,
    goals: HashMap<String, Vec<i64>>,
}

impl Lookup {
    fn new(options: &NetworkOptions) -> Self {
        let key = |name: &str| name.trim().to_lowercase();
        let mut goals: HashMap<String, Vec<i64>> = HashMap::new();
        for goal in &options.goals {
            goals.entry(key(&goal.title)).or_default().push(goal.id);
        }
        Self {
            sozialraeume: options
                .sozialraeume
                .iter()
                .map(|c| (key(&c.name), c.id))
                .collect(),
            partners: options
                .partners
                .iter()
                .map(|c| (key(&c.name), c.id))
                .collect(),
            goals,
        }
    }
}

/// Splits "A, B, C" into known values, where a value may itself contain commas
/// ("Freizeit, Kultur und Sport"): the longest run of pieces that `find` knows wins.
fn split_known<T>(cell: &str, find: impl Fn(&str) -> Option<T>) -> Result<Vec<T>, String> {
    const LONGEST: usize = 12;
    let pieces: Vec<&str> = cell.split(',').collect();
    let mut values = Vec::new();
    let mut i = 0;
    'pieces: while i < pieces.len() {
        if pieces[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let last = pieces.len().min(i + LONGEST);
        for j in (i + 1..=last).rev() {
            if let Some(value) = find(pieces[i..j].join(",").trim()) {
                values.push(value);
                i = j;
                continue 'pieces;
            }
        }
        return Err(pieces[i].trim().chars().take(80).collect());
    }
    Ok(values)
}

fn terms_cell(errors: &mut Vec<RowError>, field: &str, cell: &str, terms: &[Term]) -> Vec<String> {
    match split_known(cell, |text| vocab::find(terms, text)) {
        Ok(found) => found.into_iter().map(|t| t.code.to_owned()).collect(),
        Err(unknown) => {
            errors.push(RowError {
                column: field_label(field).to_owned(),
                message: format!(
                    "Unbekannter Wert „{unknown}“. Möglich sind: {}.",
                    terms.iter().map(|t| t.label).collect::<Vec<_>>().join("; ")
                ),
            });
            Vec::new()
        }
    }
}

fn check_row(
    number: usize,
    record: &csv::StringRecord,
    columns: &Columns,
    header_len: usize,
    lookup: &Lookup,
    options: &NetworkOptions,
) -> ImportRow {
    let cell = |field: &str| -> &str {
        columns
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, index)| *index)
            .and_then(|index| record.get(index))
            .map_or("", |c| unguard(c.trim()))
    };
    let title: String = cell("title").chars().take(200).collect();
    if record.len() != header_len {
        return ImportRow {
            number,
            title,
            fields: None,
            errors: vec![RowError {
                column: "ganze Zeile".into(),
                message: format!(
                    "Die Zeile hat {} Spalten, die Kopfzeile {header_len}. Enthält ein Feld ein \
                     Semikolon, muss es in Anführungszeichen stehen.",
                    record.len()
                ),
            }],
        };
    }
    let mut errors = Vec::new();
    let e = &mut errors;
    let mut form = MeasureForm {
        title: cell("title").to_owned(),
        description: cell("description").to_owned(),
        handlungsfelder: terms_cell(
            e,
            "handlungsfelder",
            cell("handlungsfelder"),
            HANDLUNGSFELDER,
        ),
        lebensphasen: terms_cell(e, "lebensphasen", cell("lebensphasen"), LEBENSPHASEN),
        zielgruppen: terms_cell(e, "zielgruppen", cell("zielgruppen"), ZIELGRUPPEN),
        zugaenge: terms_cell(e, "zugaenge", cell("zugaenge"), ZUGAENGE),
        finanzierung: terms_cell(e, "finanzierung", cell("finanzierung"), FINANZIERUNG),
        start_date: cell("start_date").to_owned(),
        end_date: cell("end_date").to_owned(),
        reach_per_year: cell("reach_per_year").to_owned(),
        annual_cost_euro: cell("annual_cost_euro").to_owned(),
        participation: cell("participation").to_owned(),
        impact_input: cell("impact_input").to_owned(),
        impact_output: cell("impact_output").to_owned(),
        impact_outcome: cell("impact_outcome").to_owned(),
        ..Default::default()
    };
    let mut add = |field: &str, message: String| {
        errors.push(RowError {
            column: field_label(field).to_owned(),
            message,
        })
    };
    let status = cell("status");
    match vocab::find(MeasureStatus::TERMS, status) {
        Some(term) => form.status = term.code.to_owned(),
        None if status.is_empty() => {}
        None => add(
            "status",
            format!(
                "Unbekannter Status „{}“. Möglich sind: {}.",
                status.chars().take(80).collect::<String>(),
                MeasureStatus::TERMS
                    .iter()
                    .map(|t| t.label)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    }
    let sozialraum = cell("sozialraum_id");
    if !sozialraum.is_empty() && !sozialraum.eq_ignore_ascii_case(WHOLE_COMMUNE) {
        match lookup.sozialraeume.get(&sozialraum.to_lowercase()) {
            Some(id) => form.sozialraum_id = id.to_string(),
            None => add(
                "sozialraum_id",
                format!(
                    "Den Sozialraum „{}“ gibt es in diesem Netzwerk nicht. Bitte „{WHOLE_COMMUNE}“ \
                     oder einen Sozialraum aus dem Netzwerk angeben.",
                    sozialraum.chars().take(120).collect::<String>()
                ),
            ),
        }
    }
    let partner = cell("partner_id");
    if !partner.is_empty() {
        match lookup.partners.get(&partner.to_lowercase()) {
            Some(id) => form.partner_id = id.to_string(),
            None => add(
                "partner_id",
                format!(
                    "Den Partner „{}“ gibt es in diesem Netzwerk nicht. Bitte legen Sie ihn \
                     zuerst unter „Partner“ an.",
                    partner.chars().take(200).collect::<String>()
                ),
            ),
        }
    }
    match cell("niedrigschwellig").to_lowercase().as_str() {
        "ja" | "j" | "x" | "1" | "wahr" | "true" => form.niedrigschwellig = Some("ja".into()),
        "" | "nein" | "n" | "0" | "falsch" | "false" => {}
        _ => add(
            "niedrigschwellig",
            "Bitte „ja“ oder „nein“ angeben.".to_owned(),
        ),
    }
    let goals = split_known(cell("goal_ids"), |title| {
        lookup
            .goals
            .get(&title.to_lowercase())
            .map(|ids| (title.to_owned(), ids))
    });
    match goals {
        Ok(goals) => {
            for (title, ids) in goals {
                if ids.len() > 1 {
                    add(
                        "goal_ids",
                        format!(
                            "Mehrere Ziele heißen „{title}“. Bitte geben Sie den Zielen \
                             unterschiedliche Titel."
                        ),
                    );
                } else {
                    form.goal_ids.push(ids[0].to_string());
                }
            }
        }
        Err(unknown) => add(
            "goal_ids",
            format!("Das Ziel „{unknown}“ gibt es in diesem Netzwerk nicht."),
        ),
    }
    let result = form.validate(options);
    let fields = match result {
        Ok(fields) => Some(fields),
        Err(field_errors) => {
            for error in field_errors {
                let column = field_label(error.field);
                // One message per column: a value the CSV step could not read already says why.
                if !errors.iter().any(|e| e.column == column) {
                    errors.push(RowError {
                        column: column.to_owned(),
                        message: error.message,
                    });
                }
            }
            None
        }
    };
    ImportRow {
        number,
        title,
        fields: if errors.is_empty() { fields } else { None },
        errors,
    }
}
