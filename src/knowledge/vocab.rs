//! Vocabularies of the knowledge platform; Handlungsfelder are shared with measures
//! (`crate::vocab::HANDLUNGSFELDER`).

use crate::vocab::Term;

const fn t(code: &'static str, label: &'static str) -> Term {
    Term { code, label }
}

pub const ARTEN: &[Term] = &[
    t("good_practice", "Gute Praxis"),
    t("workshop_ergebnis", "Workshop-Ergebnis"),
    t("handlungsempfehlung", "Handlungsempfehlung"),
    t("beschreibung", "Beschreibendes Papier"),
    t("forderung", "Forderung"),
    t("studie", "Studie/Evaluation"),
    t("foerderprogramm", "Förderprogramm"),
];

/// What each kind means, as `/wissen` explains it: the kind tells readers whose word an entry
/// reports, which matters because the Geschäftsstelle publishes every entry under the Bund's name.
pub fn kind_explanation(code: &str) -> &'static str {
    match code {
        "good_practice" => {
            "Ein Beispiel aus der Praxis einer Kommune oder eines Landes, so wie es die genannte Quelle darstellt."
        }
        "workshop_ergebnis" => {
            "Gibt wieder, was Referierende und Teilnehmende eines Workshops gesagt haben – nicht die Auffassung der Bundesregierung."
        }
        "handlungsempfehlung" => {
            "Eine Empfehlung, die die genannte Quelle ausdrücklich ausspricht."
        }
        "beschreibung" => {
            "Gibt ein Papier wieder, das beschreibt und Hilfestellung gibt, aber kein offizielles Empfehlungspapier ist und nichts festlegt – etwa das Papier des NAP-Ausschusses von 2025."
        }
        "forderung" => {
            "Eine Forderung, die Beteiligte – etwa die Teilnehmenden eines Workshops – erhoben haben; sie gibt deren Position wieder."
        }
        "studie" => "Ergebnisse einer Untersuchung, Befragung oder Evaluation.",
        "foerderprogramm" => "Ein Förderprogramm eines Landes oder des Bundes für Kommunen.",
        _ => "",
    }
}

/// Kinds of references ("Quellen und Rechtsgrundlagen"); the database checks the same codes
/// (`kc_citations_valid`, migration 0013).
pub const QUELLENARTEN: &[Term] = &[
    t("rechtsnorm", "Rechtsnorm"),
    t("eu_rechtsakt", "EU-Rechtsakt"),
    t("drucksache", "Parlamentsdrucksache"),
    t("gutachten", "Gutachten/Expertise"),
    t("bericht", "Bericht"),
    t("sonstige", "Sonstige Quelle"),
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

/// What readers must know about a source document before they take an entry from it as the
/// Bund's word: both documents say so of themselves, so every entry from them repeats it.
pub fn source_caveat(code: &str) -> Option<&'static str> {
    match code {
        "workshop-doku-2023" => Some(
            "Dieser Eintrag beruht auf der Dokumentation der Workshops der Fachkonferenz „Armutsprävention vor Ort“ (2023). Sie gibt ausschließlich Aussagen der Workshop-Teilnehmenden wieder, nicht die Auffassung der Bundesregierung.",
        ),
        "nap-papier-2025" => Some(
            "Dieser Eintrag beruht auf dem Papier des NAP-Ausschusses (2025). Das Papier ist nach eigener Angabe kein offizielles Empfehlungspapier und trifft keine Festlegungen der Bundesressorts, der Länder oder der Kommunen. Es hat einen beschreibenden (deskriptiven) Charakter und gibt Verantwortlichen in Politik, Verwaltung und Fachpraxis Hilfestellung.",
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_kind_is_explained() {
        for kind in super::ARTEN {
            assert!(
                !super::kind_explanation(kind.code).is_empty(),
                "{}",
                kind.code
            );
        }
    }
}
