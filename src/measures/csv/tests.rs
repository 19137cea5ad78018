//! Export and import together: an export reads back unchanged, and what spreadsheets make of
//! a file still reads.

use super::{MAX_ROWS, decode, export, file_name, parse};
use crate::measures::db::{Choice, GoalChoice, Measure, MeasureFields, NetworkOptions};
use crate::states::MeasureStatus;

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
    let decoded = decode(&latin).unwrap();
    assert_eq!(decoded, text);
    let import = parse(&decoded, &options());
    let fields = import.valid_fields().expect("valid");
    assert_eq!(fields[0].title, "Bücherei");
    assert_eq!(fields[0].sozialraum_id, Some(7));
    assert_eq!(fields[0].status, MeasureStatus::Planned);
    assert_eq!(decode(b"\xef\xbb\xbfTitel").unwrap(), "Titel");
    assert_eq!(decode(b"\x80 \x84x\x93").unwrap(), "€ „x“");
    assert_eq!(decode(b"\xff\xfeT\x00i\x00").unwrap(), "Ti");
    assert!(
        decode(b"T\x00i\x00").is_err(),
        "UTF-16 without byte order mark"
    );
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
