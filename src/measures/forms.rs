use serde::Deserialize;

use super::db::{Measure, MeasureFields, NetworkOptions};
use crate::states::MeasureStatus;
use crate::vocab::{FINANZIERUNG, HANDLUNGSFELDER, LEBENSPHASEN, Term, ZIELGRUPPEN, ZUGAENGE};
use crate::web::form::{
    FieldErrors, codes, one_state, optional_count, optional_date, optional_text, required_text,
};

/// The measure form as typed (also what a CSV row is mapped onto). Several values of one
/// field arrive as repeated keys (checkboxes).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MeasureForm {
    pub title: String,
    pub description: String,
    pub handlungsfelder: Vec<String>,
    pub lebensphasen: Vec<String>,
    pub zielgruppen: Vec<String>,
    pub zugaenge: Vec<String>,
    pub finanzierung: Vec<String>,
    /// Empty: the whole municipality.
    pub sozialraum_id: String,
    pub niedrigschwellig: Option<String>,
    /// Empty: no responsible partner.
    pub partner_id: String,
    pub start_date: String,
    pub end_date: String,
    pub status: String,
    pub reach_per_year: String,
    pub annual_cost_euro: String,
    pub participation: String,
    pub impact_input: String,
    pub impact_output: String,
    pub impact_outcome: String,
    pub goal_ids: Vec<String>,
    pub version: String,
    /// The good-practice entry (slug) a new measure is taken over from, if any.
    pub wissen: String,
}

/// Every field of the form with its German label, in the order of the form (the CSV columns
/// and the error messages of the import use these labels).
pub const FIELDS: &[(&str, &str)] = &[
    ("title", "Titel"),
    ("description", "Beschreibung"),
    ("handlungsfelder", "Handlungsfelder"),
    ("lebensphasen", "Lebensphasen"),
    ("zielgruppen", "Zielgruppen"),
    ("sozialraum_id", "Sozialraum"),
    ("zugaenge", "Zugänge"),
    ("niedrigschwellig", "Niedrigschwellig"),
    ("partner_id", "Verantwortlicher Partner"),
    ("finanzierung", "Finanzierung"),
    ("start_date", "Beginn"),
    ("end_date", "Ende"),
    ("status", "Status"),
    ("reach_per_year", "Reichweite pro Jahr"),
    ("annual_cost_euro", "Jährliche Kosten (Euro)"),
    ("participation", "Beteiligung von Kindern und Familien"),
    ("impact_input", "Wirkungslogik: Input"),
    ("impact_output", "Wirkungslogik: Output"),
    ("impact_outcome", "Wirkungslogik: Outcome"),
    ("goal_ids", "Ziele"),
];

pub fn field_label(field: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("Eingabe", |(_, label)| label)
}

impl MeasureForm {
    pub fn from_measure(measure: &Measure) -> Self {
        let f = &measure.fields;
        let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let id = |id: Option<i64>| id.map(|i| i.to_string()).unwrap_or_default();
        Self {
            title: f.title.clone(),
            description: f.description.clone(),
            handlungsfelder: f.handlungsfelder.clone(),
            lebensphasen: f.lebensphasen.clone(),
            zielgruppen: f.zielgruppen.clone(),
            zugaenge: f.zugaenge.clone(),
            finanzierung: f.finanzierung.clone(),
            sozialraum_id: id(f.sozialraum_id),
            niedrigschwellig: f.niedrigschwellig.then(|| "ja".to_owned()),
            partner_id: id(f.partner_id),
            start_date: date(f.start_date),
            end_date: date(f.end_date),
            status: f.status.code().to_owned(),
            reach_per_year: f.reach_per_year.map(|r| r.to_string()).unwrap_or_default(),
            annual_cost_euro: f
                .annual_cost_euro
                .map(|c| c.to_string())
                .unwrap_or_default(),
            participation: f.participation.clone(),
            impact_input: f.impact_input.clone(),
            impact_output: f.impact_output.clone(),
            impact_outcome: f.impact_outcome.clone(),
            goal_ids: f.goal_ids.iter().map(i64::to_string).collect(),
            version: measure.version.to_string(),
            wissen: String::new(),
        }
    }

    /// Checks every field; ids must name a Sozialraum, partner or goal of this network.
    pub fn validate(&self, options: &NetworkOptions) -> Result<MeasureFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let e = &mut errors;
        let title = required_text(e, "title", "einen Titel", &self.title, 200);
        if title.contains(['\n', '\r']) {
            e.add("title", "Der Titel muss in eine Zeile passen.");
        }
        let text = |e: &mut FieldErrors, field, value: &str, max| {
            optional_text(e, field, &value.replace("\r\n", "\n"), max).unwrap_or_default()
        };
        let description = text(e, "description", &self.description, 5000);
        let handlungsfelder = at_least_one(
            e,
            "handlungsfelder",
            "ein Handlungsfeld",
            HANDLUNGSFELDER,
            &self.handlungsfelder,
        );
        let lebensphasen = at_least_one(
            e,
            "lebensphasen",
            "eine Lebensphase",
            LEBENSPHASEN,
            &self.lebensphasen,
        );
        let zielgruppen = at_least_one(
            e,
            "zielgruppen",
            "eine Zielgruppe",
            ZIELGRUPPEN,
            &self.zielgruppen,
        );
        let sozialraum_id = reference(
            e,
            "sozialraum_id",
            &self.sozialraum_id,
            |id| options.sozialraum(id).is_some(),
            "Bitte „Gesamte Kommune“ oder einen Sozialraum dieses Netzwerks auswählen.",
        );
        let zugaenge = ordered(codes(e, "zugaenge", ZUGAENGE, &self.zugaenge), ZUGAENGE);
        let partner_id = reference(
            e,
            "partner_id",
            &self.partner_id,
            |id| options.partner(id).is_some(),
            "Bitte einen Partner dieses Netzwerks auswählen oder das Feld leer lassen.",
        );
        let finanzierung = ordered(
            codes(e, "finanzierung", FINANZIERUNG, &self.finanzierung),
            FINANZIERUNG,
        );
        let start_date = optional_date(e, "start_date", &self.start_date);
        let end_date = optional_date(e, "end_date", &self.end_date);
        if let (Some(start), Some(end)) = (start_date, end_date)
            && end < start
        {
            e.add(
                "end_date",
                "Das Ende darf nicht vor dem Beginn liegen. Bitte ein Datum ab dem Beginn angeben.",
            );
        }
        let status: MeasureStatus = one_state(e, "status", "einen Status", &self.status);
        let reach_per_year =
            optional_count(e, "reach_per_year", &self.reach_per_year).and_then(|reach| {
                match i32::try_from(reach) {
                    Ok(reach) => Some(reach),
                    Err(_) => {
                        e.add(
                            "reach_per_year",
                            "Bitte eine Zahl bis höchstens 2.147.483.647 angeben.",
                        );
                        None
                    }
                }
            });
        let cost = self
            .annual_cost_euro
            .trim()
            .trim_end_matches('€')
            .trim_end_matches("EUR")
            .trim();
        let annual_cost_euro = optional_count(e, "annual_cost_euro", cost);
        let participation = text(e, "participation", &self.participation, 2000);
        let impact_input = text(e, "impact_input", &self.impact_input, 1000);
        let impact_output = text(e, "impact_output", &self.impact_output, 1000);
        let impact_outcome = text(e, "impact_outcome", &self.impact_outcome, 1000);
        let mut goal_ids = Vec::new();
        for raw in &self.goal_ids {
            match raw
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|id| options.goal(*id).is_some())
            {
                Some(id) => goal_ids.push(id),
                None => {
                    e.add("goal_ids", "Bitte nur Ziele dieses Netzwerks auswählen.");
                    goal_ids.clear();
                    break;
                }
            }
        }
        // In the order the goals are listed, without repeats.
        let goal_ids = options
            .goals
            .iter()
            .map(|g| g.id)
            .filter(|id| goal_ids.contains(id))
            .collect();
        let fields = MeasureFields {
            title,
            description,
            handlungsfelder,
            lebensphasen,
            zielgruppen,
            zugaenge,
            finanzierung,
            sozialraum_id,
            niedrigschwellig: self.niedrigschwellig.is_some(),
            partner_id,
            start_date,
            end_date,
            status,
            reach_per_year,
            annual_cost_euro,
            participation,
            impact_input,
            impact_output,
            impact_outcome,
            goal_ids,
        };
        errors.into_result(fields)
    }
}

/// Codes in the order of the vocabulary, so that what is stored does not depend on the order
/// of checkboxes or CSV values.
fn ordered(chosen: Vec<String>, terms: &[Term]) -> Vec<String> {
    terms
        .iter()
        .filter(|t| chosen.iter().any(|c| c == t.code))
        .map(|t| t.code.to_owned())
        .collect()
}

fn at_least_one(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    terms: &[Term],
    chosen: &[String],
) -> Vec<String> {
    let before = errors.iter().count();
    let result = ordered(codes(errors, field, terms, chosen), terms);
    if result.is_empty() && errors.iter().count() == before {
        errors.add(field, format!("Bitte mindestens {what} auswählen."));
    }
    result
}

/// An optional id that must pass `known` (belong to this network).
fn reference(
    errors: &mut FieldErrors,
    field: &'static str,
    raw: &str,
    known: impl Fn(i64) -> bool,
    message: &str,
) -> Option<i64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<i64>() {
        Ok(id) if known(id) => Some(id),
        _ => {
            errors.add(field, message);
            None
        }
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
                    title: "Gutes Aufwachsen".into(),
                },
                GoalChoice {
                    id: 12,
                    level: "mittelziel".into(),
                    title: "Frühe Hilfen".into(),
                },
            ],
        }
    }

    fn valid() -> MeasureForm {
        MeasureForm {
            title: " Familienbüro ".into(),
            description: "Erste Zeile\r\nZweite Zeile".into(),
            handlungsfelder: vec!["wohnen".into(), "gesundheit".into(), "wohnen".into()],
            lebensphasen: vec!["null_bis_drei".into()],
            zielgruppen: vec!["alle_familien".into()],
            sozialraum_id: "7".into(),
            partner_id: "3".into(),
            start_date: "01.02.2024".into(),
            end_date: "2025-12-31".into(),
            status: MeasureStatus::Running.code().into(),
            reach_per_year: "1.200".into(),
            annual_cost_euro: "12.500 €".into(),
            goal_ids: vec!["12".into(), "11".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_measure() {
        let fields = valid().validate(&options()).unwrap();
        assert_eq!(fields.title, "Familienbüro");
        assert_eq!(fields.description, "Erste Zeile\nZweite Zeile");
        assert_eq!(fields.handlungsfelder, ["gesundheit", "wohnen"]);
        assert_eq!(fields.sozialraum_id, Some(7));
        assert_eq!(fields.partner_id, Some(3));
        assert_eq!(fields.reach_per_year, Some(1200));
        assert_eq!(fields.annual_cost_euro, Some(12500));
        assert_eq!(fields.goal_ids, [11, 12]);
    }

    #[test]
    fn every_problem_at_its_field() {
        let form = MeasureForm {
            title: "x".repeat(10_000),
            handlungsfelder: vec!["mond".into()],
            sozialraum_id: "99".into(),
            partner_id: "abc".into(),
            start_date: "01.02.2025".into(),
            end_date: "31.01.2025".into(),
            status: "irgendwie".into(),
            reach_per_year: "-5".into(),
            annual_cost_euro: "12,50".into(),
            impact_input: "a\u{0007}b".into(),
            goal_ids: vec!["13".into()],
            ..Default::default()
        };
        let errors = form.validate(&options()).unwrap_err();
        for field in [
            "title",
            "handlungsfelder",
            "lebensphasen",
            "zielgruppen",
            "sozialraum_id",
            "partner_id",
            "end_date",
            "status",
            "reach_per_year",
            "annual_cost_euro",
            "impact_input",
            "goal_ids",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert_eq!(
            errors.get("lebensphasen"),
            Some("Bitte mindestens eine Lebensphase auswählen.")
        );
        assert_eq!(
            errors.get("title"),
            Some("Bitte höchstens 200 Zeichen eingeben.")
        );
    }
}
