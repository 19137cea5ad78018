//! Measures as CSV, the way German spreadsheets read and write it: semicolon separated, UTF-8
//! with byte order mark, German headers, dates TT.MM.JJJJ, labels instead of codes, Sozialräume,
//! partners and goals by name. Export and import use the same columns, so an export can be
//! imported again without losing anything, and the import checks every row with the same
//! validation as the form.

use std::collections::HashMap;

use super::db::{Measure, MeasureFields, NetworkOptions};
use super::forms::{FIELDS, MeasureForm, field_label};
use crate::format;
use crate::states::MeasureStatus;
use crate::vocab::{
    self, FINANZIERUNG, HANDLUNGSFELDER, LEBENSPHASEN, Term, ZIELGRUPPEN, ZUGAENGE,
};
use crate::web::csv::{Cell, Sheet, unguard};

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

/// The header row.
pub fn headers() -> impl Iterator<Item = &'static str> {
    FIELDS.iter().map(|(_, label)| *label)
}

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

/// The text of an uploaded file: UTF-8 (with or without byte order mark), UTF-16 with byte
/// order mark, or else Windows-1252, which older Excel versions write.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return String::from_utf8_lossy(rest).into_owned();
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
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::db::{Choice, GoalChoice};

    fn options() -> NetworkOptions {
        NetworkOptions {
            sozialraeume: vec![Choice {
                id: 7,
                name: "Hamm-Mitte".into(),
            }],
            partners: vec![Choice {
                id: 3,
                name: "Jobcenter Hamm".into(),
            }],
            goals: vec![
                GoalChoice {
                    id: 11,
                    level: "kernziel".into(),
                    title: "Gutes Aufwachsen, gute Bildung".into(),
                },
                GoalChoice {
                    id: 12,
                    level: "mittelziel".into(),
                    title: "Frühe Hilfen".into(),
                },
            ],
        }
    }

    fn measure() -> Measure {
        let fields = MeasureFields {
            title: "=Lotsendienst; „Willkommen“".into(),
            description: "Zeile 1\nZeile 2 mit \"Zitat\"".into(),
            handlungsfelder: vec!["gesundheit".into(), "freizeit_kultur_sport".into()],
            lebensphasen: vec!["schwangerschaft_geburt".into(), "null_bis_drei".into()],
            zielgruppen: vec!["alle_familien".into()],
            zugaenge: vec!["aufsuchend".into(), "lotsendienst".into()],
            finanzierung: vec!["kommunal".into(), "esf_plus".into()],
            sozialraum_id: Some(7),
            niedrigschwellig: true,
            partner_id: Some(3),
            start_date: Some(time::macros::date!(2024 - 02 - 01)),
            end_date: Some(time::macros::date!(2026 - 12 - 31)),
            status: MeasureStatus::Running,
            reach_per_year: Some(1200),
            annual_cost_euro: Some(125_000),
            participation: "Elternbeirat".into(),
            impact_input: "2 Fachkräfte".into(),
            impact_output: "300 Hausbesuche".into(),
            impact_outcome: "Familien kennen die Angebote".into(),
            goal_ids: vec![11, 12],
        };
        Measure::from_fields(1, 1, fields, &options())
    }

    #[test]
    fn export_is_german_csv_and_reads_back_unchanged() {
        let bytes = export(&[measure()]).unwrap();
        assert!(bytes.starts_with(b"\xef\xbb\xbf"));
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("\r\n"));
        let header = text.lines().next().unwrap();
        assert!(header.starts_with("\u{feff}Titel;Beschreibung;Handlungsfelder;"));
        assert!(text.contains(";01.02.2024;31.12.2026;Laufend;1200;125000;"));
        assert!(text.contains("Gesundheit, Freizeit, Kultur und Sport"));
        assert!(text.contains("\"'=Lotsendienst; „Willkommen“\""), "{text}");

        let import = parse(&text, &options());
        assert_eq!(import.error_count(), 0, "{import:?}");
        let fields = import.valid_fields().unwrap();
        assert_eq!(fields, vec![measure().fields]);
    }

    #[test]
    fn files_from_spreadsheets() {
        // Windows-1252 (older Excel), codes instead of labels, optional columns left out.
        let text = "Titel;Handlungsfelder;Lebensphasen;Zielgruppen;Status;Sozialraum\r\n\
                    Bücherei;schulische_bildung;6 bis 10 Jahre;Alleinerziehende;geplant;hamm-mitte\r\n";
        let latin: Vec<u8> = text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
        let decoded = decode(&latin);
        assert_eq!(decoded, text);
        let import = parse(&decoded, &options());
        let fields = import.valid_fields().expect("valid");
        assert_eq!(fields[0].title, "Bücherei");
        assert_eq!(fields[0].sozialraum_id, Some(7));
        assert_eq!(fields[0].status, MeasureStatus::Planned);
        assert_eq!(decode(b"\xef\xbb\xbfTitel"), "Titel");
        assert_eq!(decode(b"\x80 \x84x\x93"), "€ „x“");
    }

    #[test]
    fn problems_of_the_file() {
        let o = options();
        assert!(parse("", &o).problems[0].contains("leer"));
        assert!(parse("\u{feff}\r\n", &o).problems[0].contains("leer"));
        let comma = parse("Titel,Status\nA,Laufend\n", &o);
        assert!(comma.problems[0].contains("nicht mit Semikolon getrennt, sondern mit Komma"));
        let header_only = parse(
            "Titel;Handlungsfelder;Lebensphasen;Zielgruppen;Status\r\n",
            &o,
        );
        assert!(header_only.problems[0].contains("keine Maßnahmen"));
        let unknown = parse("Titel;Farbe\nA;rot\n", &o);
        assert!(
            unknown
                .problems
                .iter()
                .any(|p| p.contains("Unbekannte Spalte „Farbe“"))
        );
        assert!(
            unknown
                .problems
                .iter()
                .any(|p| p.contains("„Status“ fehlt"))
        );
        let mut many = String::from("Titel;Handlungsfelder;Lebensphasen;Zielgruppen;Status\n");
        for i in 0..=MAX_ROWS {
            many.push_str(&format!(
                "M{i};Wohnen;0 bis 3 Jahre;Alle Familien;Laufend\n"
            ));
        }
        assert!(parse(&many, &o).problems[0].contains("mehr als 5.000"));
    }

    #[test]
    fn errors_per_row_and_column() {
        let text = "Titel;Handlungsfelder;Lebensphasen;Zielgruppen;Status;Beginn;Ende;Verantwortlicher Partner;Ziele\n\
                    Gut;Wohnen;0 bis 3 Jahre;Alle Familien;Laufend;;;Jobcenter Hamm;Frühe Hilfen, Gutes Aufwachsen, gute Bildung\n\
                    ;Mond;0 bis 3 Jahre;Alle Familien;läuft;02.02.2025;01.01.2025;Unbekannt GmbH;Weltfrieden\n\
                    Kurz;Wohnen\n";
        let import = parse(text, &options());
        assert!(import.problems.is_empty());
        assert_eq!(import.rows.len(), 3);
        assert!(import.rows[0].errors.is_empty());
        assert_eq!(import.rows[0].fields.as_ref().unwrap().goal_ids, [11, 12]);
        let row = &import.rows[1];
        assert_eq!(row.number, 3);
        let columns: Vec<&str> = row.errors.iter().map(|e| e.column.as_str()).collect();
        for column in [
            "Titel",
            "Handlungsfelder",
            "Status",
            "Ende",
            "Verantwortlicher Partner",
            "Ziele",
        ] {
            assert!(columns.contains(&column), "{column}: {columns:?}");
        }
        assert!(import.rows[2].errors[0].message.contains("2 Spalten"));
        assert!(import.valid_fields().is_none());
    }

    #[test]
    fn names_for_files() {
        let today = time::macros::date!(2026 - 03 - 01);
        assert_eq!(
            file_name("Präventionskette Hamm – Kein Kind zurücklassen!", today),
            "massnahmen-praeventionskette-hamm-kein-kind-zuruecklassen-2026-03-01.csv"
        );
        assert_eq!(file_name("„“", today), "massnahmen-2026-03-01.csv");
    }
}
