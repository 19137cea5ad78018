use serde::Deserialize;

use super::db::{Indicator, IndicatorFields};
use crate::vocab::{EINHEITEN, Term};
use crate::web::form::{
    FieldErrors, one_of, optional_date, optional_text, parse_date, parse_decimal,
};

pub const RICHTUNGEN: &[Term] = &[
    Term {
        code: "hoeher",
        label: "Höher ist besser",
    },
    Term {
        code: "niedriger",
        label: "Niedriger ist besser",
    },
];

/// Values beyond this are typing mistakes, not measurements.
const LIMIT: f64 = 1e12;

/// A German number ("93,5", "1.234,5"); `None` and a message at the field otherwise.
fn decimal(
    errors: &mut FieldErrors,
    field: &'static str,
    text: &str,
    required: bool,
) -> Option<f64> {
    if text.trim().is_empty() {
        if required {
            errors.add(field, "Bitte einen Wert angeben, z. B. 93,5.");
        }
        return None;
    }
    match parse_decimal(text) {
        Some(value) if value.abs() < LIMIT => Some(value),
        Some(_) => {
            errors.add(field, "Bitte einen Wert unter einer Billion angeben.");
            None
        }
        None => {
            errors.add(
                field,
                "Bitte eine Zahl angeben, mit Komma vor den Nachkommastellen, z. B. 93,5.",
            );
            None
        }
    }
}

/// A number for the form: German, with decimal comma.
fn typed(value: Option<f64>) -> String {
    value.map(super::chart::number).unwrap_or_default()
}

/// The indicator form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct IndicatorForm {
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub unit_label: String,
    pub direction: String,
    pub data_source: String,
    pub baseline_value: String,
    pub baseline_date: String,
    pub target_value: String,
    pub target_date: String,
    pub goal_id: String,
    pub version: String,
}

impl IndicatorForm {
    pub fn new_indicator() -> Self {
        Self {
            direction: "hoeher".into(),
            ..Self::default()
        }
    }

    pub fn from_indicator(indicator: &Indicator) -> Self {
        let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            name: indicator.name.clone(),
            definition: indicator.definition.clone(),
            unit: indicator.unit.clone(),
            unit_label: indicator.unit_label.clone(),
            direction: if indicator.higher_is_better {
                "hoeher"
            } else {
                "niedriger"
            }
            .into(),
            data_source: indicator.data_source.clone(),
            baseline_value: typed(indicator.baseline_value),
            baseline_date: date(indicator.baseline_date),
            target_value: typed(indicator.target_value),
            target_date: date(indicator.target_date),
            goal_id: indicator.goal_id.map(|g| g.to_string()).unwrap_or_default(),
            version: indicator.version.to_string(),
        }
    }

    /// `goal_ids` are the network's goals; any other id is refused at the field.
    pub fn validate(&self, goal_ids: &[i64]) -> Result<IndicatorFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = match optional_text(&mut errors, "name", &self.name, 200) {
            None => {
                errors.add("name", "Bitte einen Namen für die Kennzahl angeben.");
                String::new()
            }
            Some(name) if errors.get("name").is_none() && name.contains(['\n', '\r', '\t']) => {
                errors.add("name", "Bitte den Namen in einer Zeile eingeben.");
                name
            }
            Some(name) => name,
        };
        let unit = one_of(&mut errors, "unit", "eine Einheit", EINHEITEN, &self.unit);
        let unit_label =
            optional_text(&mut errors, "unit_label", &self.unit_label, 50).unwrap_or_default();
        let unit_label = if unit == "sonstige" {
            if unit_label.is_empty() && errors.get("unit_label").is_none() {
                errors.add(
                    "unit_label",
                    "Bitte die Einheit angeben, z. B. „Kinder“ oder „Plätze“.",
                );
            }
            unit_label
        } else {
            String::new()
        };
        let direction = one_of(
            &mut errors,
            "direction",
            "„Höher ist besser“ oder „Niedriger ist besser“",
            RICHTUNGEN,
            &self.direction,
        );
        let goal_id = match self.goal_id.trim() {
            "" => None,
            text => match text.parse::<i64>().ok().filter(|id| goal_ids.contains(id)) {
                Some(id) => Some(id),
                None => {
                    errors.add("goal_id", "Bitte ein Ziel aus der Liste auswählen.");
                    None
                }
            },
        };
        let fields = IndicatorFields {
            goal_id,
            name,
            definition: optional_text(&mut errors, "definition", &self.definition, 5000)
                .unwrap_or_default(),
            unit,
            unit_label,
            higher_is_better: direction == "hoeher",
            data_source: optional_text(&mut errors, "data_source", &self.data_source, 300)
                .unwrap_or_default(),
            baseline_value: decimal(&mut errors, "baseline_value", &self.baseline_value, false),
            baseline_date: optional_date(&mut errors, "baseline_date", &self.baseline_date),
            target_value: decimal(&mut errors, "target_value", &self.target_value, false),
            target_date: optional_date(&mut errors, "target_date", &self.target_date),
        };
        if fields.baseline_date.is_some()
            && fields.baseline_value.is_none()
            && errors.get("baseline_value").is_none()
        {
            errors.add(
                "baseline_value",
                "Bitte zum Datum auch den Ausgangswert angeben.",
            );
        }
        if fields.target_date.is_some()
            && fields.target_value.is_none()
            && errors.get("target_value").is_none()
        {
            errors.add("target_value", "Bitte zum Datum auch den Zielwert angeben.");
        }
        errors.into_result(fields)
    }
}

/// The form for a new value on the detail page.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ValueForm {
    pub period_date: String,
    pub value: String,
    pub note: String,
}

/// A checked value.
#[derive(Debug)]
pub struct ValueFields {
    pub period_date: time::Date,
    pub value: f64,
    pub note: String,
}

impl ValueForm {
    pub fn validate(&self) -> Result<ValueFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let period_date = if self.period_date.trim().is_empty() {
            errors.add("period_date", "Bitte den Stichtag des Werts angeben.");
            None
        } else {
            let date = parse_date(&self.period_date);
            if date.is_none() {
                errors.add(
                    "period_date",
                    "Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben, z. B. 31.12.2024.",
                );
            }
            date
        };
        let value = decimal(&mut errors, "value", &self.value, true);
        let note = optional_text(&mut errors, "note", &self.note, 500).unwrap_or_default();
        match (period_date, value) {
            (Some(period_date), Some(value)) if errors.is_empty() => Ok(ValueFields {
                period_date,
                value,
                note,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_indicator() {
        let form = IndicatorForm {
            name: "Betreuungsquote U3".into(),
            unit: "prozent".into(),
            unit_label: "wird verworfen".into(),
            direction: "hoeher".into(),
            baseline_value: "31,2".into(),
            baseline_date: "01.03.2020".into(),
            target_value: "45".into(),
            goal_id: "7".into(),
            ..Default::default()
        };
        let fields = form.validate(&[7]).unwrap();
        assert_eq!(fields.baseline_value, Some(31.2));
        assert_eq!(fields.target_value, Some(45.0));
        assert_eq!(fields.unit_label, "");
        assert_eq!(fields.goal_id, Some(7));
        assert!(fields.higher_is_better);
    }

    #[test]
    fn every_problem_at_its_field() {
        let form = IndicatorForm {
            unit: "sonstige".into(),
            direction: "egal".into(),
            baseline_value: "viel".into(),
            target_date: "31.12.2027".into(),
            goal_id: "8".into(),
            ..Default::default()
        };
        let errors = form.validate(&[7]).unwrap_err();
        for field in [
            "name",
            "unit_label",
            "direction",
            "baseline_value",
            "target_value",
            "goal_id",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn values_in_german() {
        let fields = ValueForm {
            period_date: "31.12.2024".into(),
            value: "93,5".into(),
            note: "vorläufig".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(fields.value, 93.5);
        let errors = ValueForm {
            period_date: "2024".into(),
            value: "1e99".into(),
            note: String::new(),
        }
        .validate()
        .unwrap_err();
        assert!(errors.get("period_date").is_some() && errors.get("value").is_some());
        let errors = ValueForm {
            period_date: "31.12.2024".into(),
            value: "9.999.999.999.999".into(),
            note: String::new(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            errors.get("value"),
            Some("Bitte einen Wert unter einer Billion angeben.")
        );
    }
}
