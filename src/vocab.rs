//! The domain's fixed vocabularies: stored as codes, shown as German labels. The same lists
//! serve forms, filters, CSV columns and the knowledge platform's facets.

/// One term: the code stored in the database and the label people read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub code: &'static str,
    pub label: &'static str,
}

const fn t(code: &'static str, label: &'static str) -> Term {
    Term { code, label }
}

/// The fields of action of the EU Child Guarantee, plus leisure and parents' employment.
pub const HANDLUNGSFELDER: &[Term] = &[
    t(
        "fruehkindliche_bildung",
        "Frühkindliche Bildung und Betreuung",
    ),
    t("schulische_bildung", "Schulische Bildung"),
    t("gesundheit", "Gesundheit"),
    t("ernaehrung", "Gesunde Ernährung"),
    t("wohnen", "Wohnen"),
    t("freizeit_kultur_sport", "Freizeit, Kultur und Sport"),
    t("erwerbsintegration", "Erwerbsintegration der Eltern"),
];

pub const LEBENSPHASEN: &[Term] = &[
    t("schwangerschaft_geburt", "Schwangerschaft und Geburt"),
    t("null_bis_drei", "0 bis 3 Jahre"),
    t("drei_bis_sechs", "3 bis 6 Jahre"),
    t("sechs_bis_zehn", "6 bis 10 Jahre"),
    t("zehn_bis_sechzehn", "10 bis 16 Jahre"),
    t(
        "sechzehn_bis_achtzehn",
        "16 bis 18 Jahre (Übergang Schule–Beruf)",
    ),
];

pub const ZIELGRUPPEN: &[Term] = &[
    t("alle_familien", "Alle Familien"),
    t("alleinerziehende", "Alleinerziehende"),
    t("migrationsgeschichte", "Familien mit Migrationsgeschichte"),
    t("behinderung", "Familien mit Behinderung"),
    t("mehrkindfamilien", "Mehrkindfamilien"),
    t("leistungsbezug", "Leistungsbezug (SGB II/XII, BuT)"),
];

pub const ZUGAENGE: &[Term] = &[
    t("komm_struktur", "Komm-Struktur"),
    t("aufsuchend", "Aufsuchend"),
    t("lotsendienst", "Lotsendienst"),
    t("digital", "Digital"),
];

pub const FINANZIERUNG: &[Term] = &[
    t("kommunal", "Kommunal"),
    t("land", "Land"),
    t("bund", "Bund"),
    t("esf_plus", "ESF Plus"),
    t("stiftung", "Stiftung"),
    t("krankenkasse", "Krankenkasse"),
    t("sonstige", "Sonstige"),
];

pub const PARTNER_ARTEN: &[Term] = &[
    t("jugendamt", "Jugendamt"),
    t("jobcenter", "Jobcenter"),
    t("agentur_fuer_arbeit", "Agentur für Arbeit"),
    t("schule", "Schule"),
    t("kita", "Kita"),
    t("gesundheitsamt", "Gesundheitsamt"),
    t("freier_traeger", "Freier Träger"),
    t("verein", "Verein"),
    t("krankenkasse", "Krankenkasse"),
    t("familienzentrum", "Familienzentrum"),
    t("sonstige", "Sonstige"),
];

pub const RESSORTS: &[Term] = &[
    t("bildung", "Bildung"),
    t("gesundheit", "Gesundheit"),
    t("jugend", "Jugend"),
    t("soziales", "Soziales"),
    t("sport", "Sport"),
    t("wohnen", "Wohnen"),
    t("ernaehrung", "Ernährung"),
    t("stadtplanung", "Stadtplanung"),
    t("finanzen", "Finanzen"),
    t("arbeit", "Arbeit"),
];

pub const NETZWERK_ROLLEN: &[Term] = &[
    t("steuerung", "Mitglied der Steuerungsgruppe"),
    t("partner", "Netzwerkpartner"),
];

pub const VERANKERUNGEN: &[Term] = &[
    t("jugendhilfeplanung", "Jugendhilfeplanung"),
    t("sozialplanung", "Sozialplanung"),
    t("bildungsbuero", "Bildungsbüro"),
    t("gesundheit", "Gesundheitsplanung"),
    t("sonstige", "Andere Stelle"),
];

pub const ZIEL_EBENEN: &[Term] = &[
    t("kernziel", "Kernziel"),
    t("mittelziel", "Mittelziel"),
    t("handlungsziel", "Handlungsziel"),
];

pub const EINHEITEN: &[Term] = &[
    t("anzahl", "Anzahl"),
    t("prozent", "Prozent"),
    t("euro", "Euro"),
    t("quote_promille", "Promille"),
    t("tage", "Tage"),
    t("sonstige", "Andere Einheit"),
];

/// The label of `code` in `terms`, or the code itself for an unknown one.
pub fn label<'a>(terms: &[Term], code: &'a str) -> &'a str {
    terms
        .iter()
        .find(|term| term.code == code)
        .map_or(code, |term| term.label)
}

/// Labels of several codes in the list's order, joined for display ("Gesundheit, Wohnen");
/// unknown codes come last, as they are.
pub fn labels(terms: &[Term], codes: &[String]) -> String {
    let known = terms
        .iter()
        .filter(|term| codes.iter().any(|c| c == term.code))
        .map(|term| term.label);
    let unknown = codes
        .iter()
        .filter(|code| !is_known(terms, code))
        .map(String::as_str);
    known.chain(unknown).collect::<Vec<_>>().join(", ")
}

/// Whether `code` is among `chosen` (templates check boxes with it: `chosen|contains(code)`).
pub fn contains(chosen: &[String], code: &str) -> bool {
    chosen.iter().any(|c| c == code)
}

pub fn is_known(terms: &[Term], code: &str) -> bool {
    terms.iter().any(|term| term.code == code)
}

/// Finds a term by its label or its code (CSV import accepts both).
pub fn find(terms: &[Term], text: &str) -> Option<Term> {
    let text = text.trim();
    terms
        .iter()
        .find(|term| term.code == text || term.label.eq_ignore_ascii_case(text))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_lookup() {
        assert_eq!(label(HANDLUNGSFELDER, "wohnen"), "Wohnen");
        assert_eq!(label(HANDLUNGSFELDER, "unbekannt"), "unbekannt");
        assert_eq!(
            labels(
                ZUGAENGE,
                &["digital".into(), "aufsuchend".into(), "x".into()]
            ),
            "Aufsuchend, Digital, x"
        );
        assert_eq!(find(ZUGAENGE, " digital ").unwrap().code, "digital");
        assert_eq!(find(ZUGAENGE, "Digital").unwrap().code, "digital");
        assert!(find(ZUGAENGE, "online").is_none());
    }

    #[test]
    fn codes_are_unique_in_every_list() {
        for list in [
            HANDLUNGSFELDER,
            LEBENSPHASEN,
            ZIELGRUPPEN,
            ZUGAENGE,
            FINANZIERUNG,
            PARTNER_ARTEN,
            RESSORTS,
            NETZWERK_ROLLEN,
            VERANKERUNGEN,
            ZIEL_EBENEN,
            EINHEITEN,
        ] {
            let mut codes: Vec<_> = list.iter().map(|t| t.code).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), list.len());
        }
    }
}
