use serde::Deserialize;

use super::db::{CatalogFields, CatalogIndicator};
use crate::states::{Direction, SpatialLevel};
use crate::vocab::EINHEITEN;
use crate::web::form::{FieldErrors, one_of, one_state, optional_text, plain, required_text};

/// The catalog form as typed; the key only while creating (it is part of every link).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CatalogForm {
    pub key: String,
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub unit_label: String,
    pub direction: String,
    pub data_source: String,
    pub spatial_level: String,
    pub reporting_date: String,
    pub version: String,
}

impl CatalogForm {
    pub fn from_indicator(indicator: &CatalogIndicator) -> Self {
        Self {
            key: indicator.key.clone(),
            name: indicator.name.clone(),
            definition: indicator.definition.clone(),
            unit: indicator.unit.clone(),
            unit_label: indicator.unit_label.clone(),
            direction: indicator.direction.code().to_owned(),
            data_source: indicator.data_source.clone(),
            spatial_level: indicator.spatial_level.code().to_owned(),
            reporting_date: indicator.reporting_date.clone(),
            version: indicator.version.to_string(),
        }
    }

    /// The key of a new indicator: lower-case letters, digits and single hyphens.
    pub fn validate_key(&self, errors: &mut FieldErrors) -> String {
        let key = plain(errors, "key", &self.key).unwrap_or_default();
        let well_formed = !key.is_empty()
            && key.len() <= 80
            && key.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if !well_formed {
            errors.add(
                "key",
                "Bitte einen Schlüssel aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen angeben, höchstens 80 Zeichen, z. B. „betreuungsquote-unter-3“.",
            );
        }
        key.to_owned()
    }

    pub fn validate(&self, errors: &mut FieldErrors) -> CatalogFields {
        let name = required_text(errors, "name", "einen Namen", &self.name, 200);
        if name.contains(['\n', '\r']) {
            errors.add("name", "Der Name muss in eine Zeile passen.");
        }
        let unit = one_of(errors, "unit", "eine Einheit", EINHEITEN, &self.unit);
        let unit_label =
            optional_text(errors, "unit_label", &self.unit_label, 40).unwrap_or_default();
        if unit == "sonstige" && unit_label.is_empty() {
            errors.add(
                "unit_label",
                "Bitte die eigene Einheit angeben, z. B. „Plätze“.",
            );
        }
        CatalogFields {
            name,
            definition: required_text(
                errors,
                "definition",
                "die Definition",
                &self.definition,
                2000,
            ),
            unit,
            unit_label,
            direction: one_state::<Direction>(errors, "direction", "die Richtung", &self.direction),
            data_source: required_text(
                errors,
                "data_source",
                "die Datenquelle",
                &self.data_source,
                500,
            ),
            spatial_level: one_state::<SpatialLevel>(
                errors,
                "spatial_level",
                "die räumliche Ebene",
                &self.spatial_level,
            ),
            reporting_date: required_text(
                errors,
                "reporting_date",
                "den Stichtag",
                &self.reporting_date,
                200,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> CatalogForm {
        CatalogForm {
            key: "teilnahme-u7".into(),
            name: "Teilnahme an der U7".into(),
            definition: "Anteil der Kinder mit dokumentierter U7.".into(),
            unit: "prozent".into(),
            direction: "hoeher_besser".into(),
            data_source: "Schuleingangsuntersuchung".into(),
            spatial_level: "kreis".into(),
            reporting_date: "Einschulungsjahr".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_indicator() {
        let mut errors = FieldErrors::default();
        let key = valid().validate_key(&mut errors);
        let fields = valid().validate(&mut errors);
        assert!(errors.is_empty());
        assert_eq!(key, "teilnahme-u7");
        assert_eq!(fields.direction, Direction::HigherIsBetter);
        assert_eq!(fields.spatial_level, SpatialLevel::Kreis);
    }

    #[test]
    fn every_problem_at_its_field() {
        let form = CatalogForm {
            key: "Teilnahme U7".into(),
            unit: "sonstige".into(),
            direction: "egal".into(),
            ..Default::default()
        };
        let mut errors = FieldErrors::default();
        form.validate_key(&mut errors);
        form.validate(&mut errors);
        for field in [
            "key",
            "name",
            "definition",
            "unit_label",
            "direction",
            "data_source",
            "spatial_level",
            "reporting_date",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        for bad in ["a--b", "-a", "ä", ""] {
            let mut errors = FieldErrors::default();
            CatalogForm {
                key: bad.into(),
                ..valid()
            }
            .validate_key(&mut errors);
            assert!(errors.get("key").is_some(), "{bad}");
        }
    }
}
