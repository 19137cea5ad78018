//! Vocabularies of the knowledge platform; Handlungsfelder are shared with measures
//! (`crate::vocab::HANDLUNGSFELDER`).

use crate::vocab::Term;

const fn t(code: &'static str, label: &'static str) -> Term {
    Term { code, label }
}

pub const ARTEN: &[Term] = &[
    t("good_practice", "Good Practice"),
    t("workshop_ergebnis", "Workshop-Ergebnis"),
    t("handlungsempfehlung", "Handlungsempfehlung"),
    t("forderung", "Forderung"),
    t("studie", "Studie/Evaluation"),
    t("foerderprogramm", "Förderprogramm"),
];

pub const EBENEN: &[Term] = &[
    t("bund", "Bund"),
    t("land", "Land"),
    t("kommune", "Kommune"),
];

pub const THEMEN: &[Term] = &[
    t("politischer_wille", "Politischer Wille"),
    t("jugendhilfeplanung", "Jugendhilfeplanung"),
    t("finanzierung", "Finanzierung und Förderung"),
    t("daten_monitoring", "Daten und Monitoring"),
    t("beteiligung", "Beteiligung"),
    t("jobcenter_arbeitsmarkt", "Jobcenter und Arbeitsmarkt"),
    t("bildung_teilhabe", "Bildung und Teilhabe"),
    t("lotsendienste_zugaenge", "Lotsendienste und Zugänge"),
    t("vernetzung", "Vernetzung und Austausch"),
    t("qualitaetsentwicklung", "Qualitätsentwicklung"),
    t("recht", "Recht"),
];

/// The source documents the seeded entries cite.
pub fn source_title(code: &str) -> &str {
    match code {
        "workshop-doku-2023" => {
            "Dokumentation der Workshops der Konferenz „Armutsprävention vor Ort“, Berlin, 30. November bis 1. Dezember 2023"
        }
        "nap-papier-2025" => {
            "NAP-Ausschuss: Prävention von Kinderarmut auf kommunaler Ebene – eine nationale Aufgabe (24. März 2025)"
        }
        other => other,
    }
}
