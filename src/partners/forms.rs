use serde::Deserialize;

use super::db::{Partner, PartnerFields};
use crate::vocab::{NETZWERK_ROLLEN, PARTNER_ARTEN, RESSORTS};
use crate::web::form::{FieldErrors, one_of, optional_text, required_text};

/// The partner form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PartnerForm {
    pub name: String,
    pub kind: String,
    pub ressort: String,
    pub network_role: String,
    pub contact: String,
    pub version: String,
}

impl PartnerForm {
    pub fn from_partner(partner: &Partner) -> Self {
        Self {
            name: partner.name.clone(),
            kind: partner.kind.clone(),
            ressort: partner.ressort.clone(),
            network_role: partner.network_role.clone(),
            contact: partner.contact.clone(),
            version: partner.version.to_string(),
        }
    }

    pub fn validate(&self) -> Result<PartnerFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            "name",
            "den Namen der Organisation",
            &self.name,
            200,
        );
        if name.contains(['\n', '\r']) {
            errors.add("name", "Der Name muss in eine Zeile passen.");
        }
        let fields = PartnerFields {
            name,
            kind: one_of(
                &mut errors,
                "kind",
                "die Art der Organisation",
                PARTNER_ARTEN,
                &self.kind,
            ),
            ressort: one_of(
                &mut errors,
                "ressort",
                "ein Ressort",
                RESSORTS,
                &self.ressort,
            ),
            network_role: one_of(
                &mut errors,
                "network_role",
                "die Rolle im Netzwerk",
                NETZWERK_ROLLEN,
                &self.network_role,
            ),
            contact: optional_text(&mut errors, "contact", &self.contact, 300).unwrap_or_default(),
        };
        if fields.contact.contains('@') && !is_plausible_mailbox(&fields.contact) {
            errors.add(
                "contact",
                "Bitte eine gültige E-Mail-Adresse angeben, z. B. fruehe-hilfen@stadt.de.",
            );
        }
        errors.into_result(fields)
    }
}

/// A contact with an "@" must be one e-mail address (a function mailbox).
fn is_plausible_mailbox(email: &str) -> bool {
    matches!(email.split_once('@'), Some((local, domain))
        if !local.is_empty() && domain.contains('.') && !domain.contains('@')
            && !domain.starts_with('.') && !domain.ends_with('.')
            && !email.chars().any(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_partner() {
        let form = PartnerForm {
            name: " Jugendamt Hamm ".into(),
            kind: "jugendamt".into(),
            ressort: "jugend".into(),
            network_role: "steuerung".into(),
            contact: "jugendamt@hamm.de".into(),
            ..Default::default()
        };
        let fields = form.validate().unwrap();
        assert_eq!(fields.name, "Jugendamt Hamm");
        assert_eq!(fields.contact, "jugendamt@hamm.de");
    }

    #[test]
    fn every_problem_at_its_field() {
        let form = PartnerForm {
            kind: "amt".into(),
            contact: "kein postfach@".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        for field in ["name", "kind", "ressort", "network_role", "contact"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        // A unit without e-mail is fine as a contact.
        let form = PartnerForm {
            name: "Kita Sonnenschein".into(),
            kind: "kita".into(),
            ressort: "bildung".into(),
            network_role: "partner".into(),
            contact: "Leitung über die Zentrale, Tel. 02381 17-0".into(),
            ..Default::default()
        };
        assert!(form.validate().is_ok());
    }
}
