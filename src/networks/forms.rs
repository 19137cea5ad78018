use serde::Deserialize;

use super::db::{Network, NetworkFields};
use crate::vocab::VERANKERUNGEN;
use crate::web::form::{FieldErrors, one_of, optional_date, optional_text, plain, required_text};

/// The network form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct NetworkForm {
    pub kommune_ags: String,
    pub name: String,
    pub description: String,
    pub coordination_office: String,
    pub anchoring: String,
    pub anchoring_note: String,
    pub mandate_date: String,
    pub mandate_reference: String,
    pub steering_body: String,
    pub founded_on: String,
    pub contact_organisation: String,
    pub contact_address: String,
    pub contact_email: String,
    pub sozialraeume: String,
    pub is_public: Option<String>,
    pub version: String,
}

impl NetworkForm {
    pub fn from_network(network: &Network) -> Self {
        let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            kommune_ags: network.kommune_ags.clone(),
            name: network.name.clone(),
            description: network.description.clone(),
            coordination_office: network.coordination_office.clone(),
            anchoring: network.anchoring.clone(),
            anchoring_note: network.anchoring_note.clone(),
            mandate_date: date(network.mandate_date),
            mandate_reference: network.mandate_reference.clone(),
            steering_body: network.steering_body.clone(),
            founded_on: date(network.founded_on),
            contact_organisation: network.contact_organisation.clone(),
            contact_address: network.contact_address.clone(),
            contact_email: network.contact_email.clone(),
            sozialraeume: network.sozialraeume.join("\n"),
            is_public: network.is_public.then(|| "ja".to_owned()),
            version: network.version.to_string(),
        }
    }

    pub fn validate(&self) -> Result<NetworkFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let text = |errors: &mut FieldErrors, field, value: &str, max| {
            optional_text(errors, field, value, max).unwrap_or_default()
        };
        let fields = NetworkFields {
            name: required_text(
                &mut errors,
                "name",
                "einen Namen für das Netzwerk",
                &self.name,
                200,
            ),
            description: text(&mut errors, "description", &self.description, 5000),
            coordination_office: text(
                &mut errors,
                "coordination_office",
                &self.coordination_office,
                300,
            ),
            anchoring: one_of(
                &mut errors,
                "anchoring",
                "die Verankerung der Koordination",
                VERANKERUNGEN,
                &self.anchoring,
            ),
            anchoring_note: text(&mut errors, "anchoring_note", &self.anchoring_note, 300),
            mandate_date: optional_date(&mut errors, "mandate_date", &self.mandate_date),
            mandate_reference: text(
                &mut errors,
                "mandate_reference",
                &self.mandate_reference,
                200,
            ),
            steering_body: text(&mut errors, "steering_body", &self.steering_body, 1000),
            founded_on: optional_date(&mut errors, "founded_on", &self.founded_on),
            contact_organisation: text(
                &mut errors,
                "contact_organisation",
                &self.contact_organisation,
                300,
            ),
            contact_address: text(&mut errors, "contact_address", &self.contact_address, 500),
            contact_email: text(&mut errors, "contact_email", &self.contact_email, 254),
            is_public: self.is_public.is_some(),
            sozialraeume: sozialraeume(&mut errors, &self.sozialraeume),
        };
        if !fields.contact_email.is_empty() && !is_plausible_mailbox(&fields.contact_email) {
            errors.add(
                "contact_email",
                "Bitte eine gültige E-Mail-Adresse angeben, z. B. praevention@stadt.de.",
            );
        }
        errors.into_result(fields)
    }
}

fn is_plausible_mailbox(email: &str) -> bool {
    matches!(email.split_once('@'), Some((local, domain))
        if !local.is_empty() && domain.contains('.') && !domain.contains('@')
            && !email.chars().any(char::is_whitespace))
}

/// One Sozialraum per line; blank lines and repeats are dropped.
fn sozialraeume(errors: &mut FieldErrors, text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Some(line) = plain(errors, "sozialraeume", line) else {
            break;
        };
        if line.chars().count() > 120 {
            errors.add(
                "sozialraeume",
                "Ein Sozialraum darf höchstens 120 Zeichen lang sein.",
            );
            break;
        }
        if !names.iter().any(|n| n == line) {
            names.push(line.to_owned());
        }
    }
    if names.len() > 100 {
        errors.add("sozialraeume", "Bitte höchstens 100 Sozialräume angeben.");
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_form() {
        let form = NetworkForm {
            name: " Präventionskette Hamm ".into(),
            anchoring: "jugendhilfeplanung".into(),
            mandate_date: "12.03.2019".into(),
            sozialraeume: "Hamm-Mitte\n\nHamm-Herringen\nHamm-Mitte\n".into(),
            contact_email: "praevention@hamm.de".into(),
            is_public: Some("ja".into()),
            ..Default::default()
        };
        let fields = form.validate().unwrap();
        assert_eq!(fields.name, "Präventionskette Hamm");
        assert_eq!(fields.sozialraeume, ["Hamm-Mitte", "Hamm-Herringen"]);
        assert!(fields.is_public);
        assert_eq!(fields.mandate_date.unwrap().to_string(), "2019-03-12");
    }

    #[test]
    fn every_problem_at_its_field() {
        let form = NetworkForm {
            anchoring: "rathaus".into(),
            mandate_date: "32.13.2019".into(),
            contact_email: "kein postfach".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        for field in ["name", "anchoring", "mandate_date", "contact_email"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
