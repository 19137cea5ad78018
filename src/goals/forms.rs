use serde::Deserialize;

use super::db::{Goal, GoalFields, Milestone, MilestoneFields};
use crate::states::GoalStatus;
use crate::vocab::{HANDLUNGSFELDER, is_known};
use crate::web::form::{FieldErrors, one_state, optional_date, optional_text, parse_date};

/// A single-line title: required, at most 200 characters, no line breaks.
pub(crate) fn title(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    value: &str,
) -> String {
    let text = match optional_text(errors, field, value, 200) {
        Some(text) => text,
        None => {
            errors.add(field, format!("Bitte {what} angeben."));
            return String::new();
        }
    };
    if errors.get(field).is_none() && text.contains(['\n', '\r', '\t']) {
        errors.add(field, "Bitte den Titel in einer Zeile eingeben.");
    }
    text
}

/// The goal form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoalForm {
    /// The parent goal's id (creating only); empty for a Kernziel.
    pub oberziel: String,
    pub title: String,
    pub description: String,
    pub handlungsfeld: String,
    pub target_date: String,
    pub status: String,
    pub version: String,
}

impl GoalForm {
    pub fn new_goal(parent: Option<i64>) -> Self {
        Self {
            oberziel: parent.map(|p| p.to_string()).unwrap_or_default(),
            status: GoalStatus::Open.code().into(),
            ..Self::default()
        }
    }

    pub fn from_goal(goal: &Goal) -> Self {
        Self {
            oberziel: goal.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            title: goal.title.clone(),
            description: goal.description.clone(),
            handlungsfeld: goal.handlungsfeld.clone().unwrap_or_default(),
            target_date: goal.target_date.map(|d| d.to_string()).unwrap_or_default(),
            status: goal.status.code().to_owned(),
            version: goal.version.to_string(),
        }
    }

    pub fn validate(&self) -> Result<GoalFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let handlungsfeld = match self.handlungsfeld.trim() {
            "" => None,
            code if is_known(HANDLUNGSFELDER, code) => Some(code.to_owned()),
            _ => {
                errors.add(
                    "handlungsfeld",
                    "Bitte ein Handlungsfeld aus der Liste auswählen.",
                );
                None
            }
        };
        let fields = GoalFields {
            title: title(
                &mut errors,
                "title",
                "einen Titel für das Ziel",
                &self.title,
            ),
            description: optional_text(&mut errors, "description", &self.description, 5000)
                .unwrap_or_default(),
            handlungsfeld,
            target_date: optional_date(&mut errors, "target_date", &self.target_date),
            status: one_state(&mut errors, "status", "einen Status", &self.status),
        };
        errors.into_result(fields)
    }
}

/// The milestone form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MilestoneForm {
    pub title: String,
    pub due_on: String,
    pub done_on: String,
    pub version: String,
}

impl MilestoneForm {
    pub fn from_milestone(milestone: &Milestone) -> Self {
        Self {
            title: milestone.title.clone(),
            due_on: milestone.due_on.to_string(),
            done_on: milestone.done_on.map(|d| d.to_string()).unwrap_or_default(),
            version: milestone.version.to_string(),
        }
    }

    pub fn validate(&self) -> Result<MilestoneFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = title(
            &mut errors,
            "title",
            "einen Titel für den Meilenstein",
            &self.title,
        );
        let due_on = if self.due_on.trim().is_empty() {
            errors.add(
                "due_on",
                "Bitte angeben, bis wann der Meilenstein erreicht sein soll.",
            );
            None
        } else {
            let date = parse_date(&self.due_on);
            if date.is_none() {
                errors.add(
                    "due_on",
                    "Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben, z. B. 24.03.2025.",
                );
            }
            date
        };
        let done_on = optional_date(&mut errors, "done_on", &self.done_on);
        match due_on {
            Some(due_on) if errors.is_empty() => Ok(MilestoneFields {
                title,
                due_on,
                done_on,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_goal() {
        let form = GoalForm {
            title: " Alle Kinder gehen in die Kita ".into(),
            handlungsfeld: "fruehkindliche_bildung".into(),
            target_date: "31.12.2027".into(),
            status: GoalStatus::InProgress.code().into(),
            ..Default::default()
        };
        let fields = form.validate().unwrap();
        assert_eq!(fields.title, "Alle Kinder gehen in die Kita");
        assert_eq!(
            fields.handlungsfeld.as_deref(),
            Some("fruehkindliche_bildung")
        );
        assert_eq!(fields.target_date.unwrap().to_string(), "2027-12-31");
    }

    #[test]
    fn every_problem_at_its_field() {
        let form = GoalForm {
            title: "x".repeat(10_000),
            handlungsfeld: "mond".into(),
            target_date: "morgen".into(),
            status: "fertig".into(),
            description: "a\u{7}b".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        for field in [
            "title",
            "handlungsfeld",
            "target_date",
            "status",
            "description",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let errors = GoalForm {
            title: "zwei\nZeilen".into(),
            status: GoalStatus::Open.code().into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            errors.get("title"),
            Some("Bitte den Titel in einer Zeile eingeben.")
        );
    }

    #[test]
    fn milestones_need_a_title_and_a_due_date() {
        let errors = MilestoneForm::default().validate().unwrap_err();
        assert!(errors.get("title").is_some() && errors.get("due_on").is_some());
        let fields = MilestoneForm {
            title: "Konzept beschlossen".into(),
            due_on: "30.06.2025".into(),
            done_on: "2025-06-15".into(),
            version: String::new(),
        }
        .validate()
        .unwrap();
        assert_eq!(fields.done_on.unwrap().to_string(), "2025-06-15");
    }
}
