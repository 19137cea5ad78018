//! The forms of the funding pages as typed, and their validation with German messages.

use serde::Deserialize;

use super::BERICHTSRHYTHMEN;
use super::db::reports::{Report, ReportFields};
use super::db::{
    ChecklistItem, EvidenceFields, Funding, FundingFields, Phase, PhaseFields, Program,
    ProgramFields,
};
use super::schedule::phase_end;
use crate::states::FundingStatus;
use crate::web::form::{
    FieldErrors, one_of, one_state, optional_count, optional_date, optional_decimal, optional_text,
    parse_decimal, required_text,
};

fn text(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize) -> String {
    optional_text(errors, field, value, max).unwrap_or_default()
}

fn one_line(errors: &mut FieldErrors, field: &'static str, value: &str) {
    if value.contains(['\n', '\r']) {
        errors.add(field, "Bitte nur eine Zeile eingeben.");
    }
}

/// A whole number in `range`, required.
fn number_in(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    range: std::ops::RangeInclusive<i32>,
    what: &str,
) -> i32 {
    match parse_decimal(value) {
        Some(v) if v.fract() == 0.0 && range.contains(&(v as i32)) => v as i32,
        _ => {
            errors.add(
                field,
                format!(
                    "Bitte {what} als ganze Zahl von {} bis {} angeben.",
                    range.start(),
                    range.end()
                ),
            );
            0
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProgramForm {
    /// Only admins name the Land; officers create programs of their own Land.
    pub land_code: String,
    pub name: String,
    pub description: String,
    pub legal_basis: String,
    pub own_share_percent: String,
    pub integrated_planning_required: Option<String>,
    pub report_due_days: String,
    pub version: String,
}

impl ProgramForm {
    pub fn new_program() -> Self {
        Self {
            own_share_percent: "0".into(),
            report_due_days: "90".into(),
            ..Default::default()
        }
    }

    pub fn from_program(p: &Program) -> Self {
        Self {
            land_code: p.land_code.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            legal_basis: p.legal_basis.clone(),
            own_share_percent: crate::format::decimal(p.own_share_percent, 1)
                .trim_end_matches(",0")
                .to_owned(),
            integrated_planning_required: p.integrated_planning_required.then(|| "ja".into()),
            report_due_days: p.report_due_days.to_string(),
            version: p.version.to_string(),
        }
    }

    pub fn validate(&self) -> Result<ProgramFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            "name",
            "einen Namen für das Programm",
            &self.name,
            200,
        );
        one_line(&mut errors, "name", &name);
        let share = optional_decimal(&mut errors, "own_share_percent", &self.own_share_percent)
            .unwrap_or(0.0);
        if !(0.0..=100.0).contains(&share) {
            errors.add(
                "own_share_percent",
                "Bitte einen Eigenanteil zwischen 0 und 100 % angeben.",
            );
        }
        let fields = ProgramFields {
            name,
            description: text(&mut errors, "description", &self.description, 5000),
            legal_basis: text(&mut errors, "legal_basis", &self.legal_basis, 300),
            own_share_percent: share,
            integrated_planning_required: self.integrated_planning_required.is_some(),
            report_due_days: number_in(
                &mut errors,
                "report_due_days",
                &self.report_due_days,
                0..=365,
                "die Berichtsfrist in Tagen",
            ),
        };
        errors.into_result(fields)
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PhaseForm {
    pub position: String,
    pub name: String,
    pub duration_months: String,
    pub repeatable: Option<String>,
    pub report_interval: String,
    pub final_report: Option<String>,
    pub deliverables: String,
    pub version: String,
}

impl PhaseForm {
    pub fn new_phase(position: usize) -> Self {
        Self {
            position: position.to_string(),
            duration_months: "24".into(),
            report_interval: "12".into(),
            final_report: Some("ja".into()),
            ..Default::default()
        }
    }

    pub fn from_phase(p: &Phase) -> Self {
        Self {
            position: p.position.to_string(),
            name: p.name.clone(),
            duration_months: p.duration_months.to_string(),
            repeatable: p.repeatable.then(|| "ja".into()),
            report_interval: p
                .report_interval_months
                .map_or_else(|| "keine".into(), |m| m.to_string()),
            final_report: p.final_report.then(|| "ja".into()),
            deliverables: p.deliverables.join("\n"),
            version: p.version.to_string(),
        }
    }

    pub fn validate(&self) -> Result<PhaseFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            "name",
            "einen Namen für die Phase",
            &self.name,
            120,
        );
        one_line(&mut errors, "name", &name);
        let interval = one_of(
            &mut errors,
            "report_interval",
            "einen Berichtsrhythmus",
            BERICHTSRHYTHMEN,
            &self.report_interval,
        );
        let mut deliverables: Vec<String> = Vec::new();
        for line in self
            .deliverables
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            if line.chars().count() > 200 {
                errors.add(
                    "deliverables",
                    "Ein Nachweis darf höchstens 200 Zeichen lang sein.",
                );
                break;
            }
            if !deliverables.iter().any(|d| d == line) {
                deliverables.push(line.to_owned());
            }
        }
        if deliverables.len() > 50 {
            errors.add("deliverables", "Bitte höchstens 50 Nachweise angeben.");
        }
        let fields = PhaseFields {
            position: number_in(
                &mut errors,
                "position",
                &self.position,
                1..=99,
                "die Reihenfolge",
            ),
            name,
            duration_months: number_in(
                &mut errors,
                "duration_months",
                &self.duration_months,
                1..=120,
                "die Dauer in Monaten",
            ),
            repeatable: self.repeatable.is_some(),
            report_interval_months: interval.parse().ok(),
            final_report: self.final_report.is_some(),
            deliverables,
        };
        errors.into_result(fields)
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct FundingForm {
    /// Only when recording a new funding; the phase of a funding never changes.
    pub phase_id: String,
    pub start_date: String,
    pub end_date: String,
    pub granted_amount_euro: String,
    pub own_share_euro: String,
    pub status: String,
    pub file_reference: String,
    pub note: String,
    pub version: String,
    /// The funding a new one follows on from (next phase), to show what it still lacks.
    pub anschluss: String,
}

impl FundingForm {
    pub fn from_funding(f: &Funding) -> Self {
        let amount = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        Self {
            phase_id: f.phase_id.to_string(),
            start_date: f.start_date.to_string(),
            end_date: f.end_date.to_string(),
            granted_amount_euro: amount(f.granted_amount_euro),
            own_share_euro: amount(f.own_share_euro),
            status: f.status.code().to_owned(),
            file_reference: f.file_reference.clone(),
            note: f.note.clone(),
            version: f.version.to_string(),
            anschluss: String::new(),
        }
    }

    /// `duration_months` fills an empty end date; `own_share_percent` is the program's
    /// minimum share of the total (granted + own share).
    pub fn validate(
        &self,
        duration_months: i32,
        own_share_percent: f64,
    ) -> Result<FundingFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let start = optional_date(&mut errors, "start_date", &self.start_date);
        if self.start_date.trim().is_empty() {
            errors.add("start_date", "Bitte den Beginn der Förderung angeben.");
        }
        let end = optional_date(&mut errors, "end_date", &self.end_date);
        let granted = optional_count(
            &mut errors,
            "granted_amount_euro",
            &self.granted_amount_euro,
        );
        let own = optional_count(&mut errors, "own_share_euro", &self.own_share_euro);
        let status: FundingStatus = one_state(&mut errors, "status", "einen Status", &self.status);
        let file_reference = text(&mut errors, "file_reference", &self.file_reference, 100);
        one_line(&mut errors, "file_reference", &file_reference);
        let note = text(&mut errors, "note", &self.note, 2000);
        let start_date = start.unwrap_or(time::Date::MIN);
        let end_date = end.unwrap_or_else(|| phase_end(start_date, duration_months.max(1)));
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            errors.add("end_date", "Das Ende darf nicht vor dem Beginn liegen.");
        }
        if status.owes_reports() && granted.is_none() {
            errors.add(
                "granted_amount_euro",
                "Bitte den bewilligten Betrag angeben – ohne ihn kann die Förderung nicht bewilligt sein.",
            );
        }
        if let (Some(granted), Some(own)) = (granted, own) {
            let total = (granted + own) as f64;
            if own_share_percent > 0.0
                && total > 0.0
                && (own as f64) * 100.0 < own_share_percent * total - 1e-6
            {
                let needed = (own_share_percent * granted as f64
                    / (100.0 - own_share_percent).max(1e-9))
                .ceil();
                errors.add(
                    "own_share_euro",
                    format!(
                        "Das Programm verlangt einen Eigenanteil von mindestens {} % der Gesamtkosten; bei diesem Förderbetrag sind das mindestens {} €.",
                        crate::format::decimal(own_share_percent, 0),
                        crate::format::integer(needed as i64)
                    ),
                );
            }
        }
        errors.into_result(FundingFields {
            start_date,
            end_date,
            granted_amount_euro: granted,
            own_share_euro: own,
            status,
            file_reference,
            note,
        })
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EvidenceForm {
    pub evidence_text: String,
    pub evidence_link: String,
    pub evidence_date: String,
    pub version: String,
}

impl EvidenceForm {
    pub fn from_item(item: &ChecklistItem) -> Self {
        Self {
            evidence_text: item.evidence_text.clone().unwrap_or_default(),
            evidence_link: item.evidence_link.clone().unwrap_or_default(),
            evidence_date: item
                .evidence_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            version: item.version.to_string(),
        }
    }

    pub fn validate(&self) -> Result<EvidenceFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let fields = EvidenceFields {
            text: required_text(
                &mut errors,
                "evidence_text",
                "kurz den Beleg für den Nachweis",
                &self.evidence_text,
                2000,
            ),
            link: text(&mut errors, "evidence_link", &self.evidence_link, 500),
            date: optional_date(&mut errors, "evidence_date", &self.evidence_date),
        };
        let web_address = fields.link.starts_with("https://") || fields.link.starts_with("http://");
        if (!fields.link.is_empty() && !web_address) || fields.link.chars().any(char::is_whitespace)
        {
            errors.add(
                "evidence_link",
                "Bitte eine vollständige Internetadresse angeben, z. B. https://www.stadt.de/ratsbeschluss.",
            );
        }
        errors.into_result(fields)
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub what_worked: String,
    pub what_did_not: String,
    pub participation: String,
    pub plans: String,
    pub version: String,
    /// "speichern" (draft) or "einreichen".
    pub aktion: String,
}

impl ReportForm {
    pub fn from_report(r: &Report) -> Self {
        Self {
            what_worked: r.what_worked.clone(),
            what_did_not: r.what_did_not.clone(),
            participation: r.participation.clone(),
            plans: r.plans.clone(),
            version: r.version.to_string(),
            aktion: String::new(),
        }
    }

    pub fn submits(&self) -> bool {
        self.aktion == "einreichen"
    }

    /// A draft may be incomplete; a report handed in answers every question.
    pub fn validate(&self) -> Result<ReportFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let submit = self.submits();
        let field = |errors: &mut FieldErrors, id: &'static str, value: &str, what: &str| {
            if submit {
                required_text(errors, id, what, value, 10_000)
            } else {
                text(errors, id, value, 10_000)
            }
        };
        let fields = ReportFields {
            what_worked: field(
                &mut errors,
                "what_worked",
                &self.what_worked,
                "eine Antwort auf „Was ist gut gelungen?“",
            ),
            what_did_not: field(
                &mut errors,
                "what_did_not",
                &self.what_did_not,
                "eine Antwort auf „Was ist nicht gelungen?“",
            ),
            participation: field(
                &mut errors,
                "participation",
                &self.participation,
                "eine Antwort zur Beteiligung von Kindern, Jugendlichen und Familien",
            ),
            plans: field(
                &mut errors,
                "plans",
                &self.plans,
                "die Planung für den nächsten Zeitraum",
            ),
        };
        errors.into_result(fields)
    }
}

/// Accept, return (with reason), begin review, or comment: the Land's and the thread's forms.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepForm {
    pub version: String,
    pub reason: String,
    pub comment: String,
    /// Accepting: "ja" when the reviewer ticked the confirmation.
    pub confirmed: String,
    /// Accepting: an optional note for the thread.
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phase_with_its_deliverables() {
        let form = PhaseForm {
            position: "1".into(),
            name: "Aufbau".into(),
            duration_months: "24".into(),
            report_interval: "12".into(),
            final_report: Some("ja".into()),
            deliverables: "Netzwerkkoordination benannt\n\nBestandsaufnahme\nBestandsaufnahme\n"
                .into(),
            ..Default::default()
        };
        let fields = form.validate().unwrap();
        assert_eq!(
            fields.deliverables,
            ["Netzwerkkoordination benannt", "Bestandsaufnahme"]
        );
        assert_eq!(fields.report_interval_months, Some(12));
        let none = PhaseForm {
            report_interval: "keine".into(),
            ..form
        };
        assert_eq!(none.validate().unwrap().report_interval_months, None);
        let bad = PhaseForm {
            duration_months: "0".into(),
            report_interval: "7".into(),
            ..Default::default()
        };
        let errors = bad.validate().unwrap_err();
        for field in ["name", "duration_months", "report_interval", "position"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn funding_period_amounts_and_own_share() {
        let form = FundingForm {
            start_date: "01.01.2024".into(),
            granted_amount_euro: "180.000".into(),
            own_share_euro: "20.000".into(),
            status: FundingStatus::Granted.code().into(),
            ..Default::default()
        };
        let fields = form.validate(24, 10.0).unwrap();
        assert_eq!(
            fields.end_date.to_string(),
            "2025-12-31",
            "from the duration"
        );
        assert_eq!(fields.granted_amount_euro, Some(180_000));
        // 10 % of 200.000 is 20.000: enough. 19.999 is not.
        let short = FundingForm {
            own_share_euro: "19.999".into(),
            ..form.clone()
        };
        let errors = short.validate(24, 10.0).unwrap_err();
        assert!(errors.get("own_share_euro").unwrap().contains("20.000 €"));
        let bad = FundingForm {
            start_date: "".into(),
            end_date: "31.02.2024".into(),
            granted_amount_euro: "-5".into(),
            status: "genehmigt".into(),
            ..Default::default()
        };
        let errors = bad.validate(24, 0.0).unwrap_err();
        for field in ["start_date", "end_date", "granted_amount_euro", "status"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let granted_without_amount = FundingForm {
            granted_amount_euro: "".into(),
            ..form
        };
        assert!(
            granted_without_amount
                .validate(24, 0.0)
                .unwrap_err()
                .get("granted_amount_euro")
                .is_some()
        );
    }

    #[test]
    fn a_draft_may_be_empty_a_submission_not() {
        let draft = ReportForm {
            aktion: "speichern".into(),
            what_worked: "Familienbüro eröffnet".into(),
            ..Default::default()
        };
        assert!(draft.validate().is_ok());
        let submitted = ReportForm {
            aktion: "einreichen".into(),
            ..draft
        };
        let errors = submitted.validate().unwrap_err();
        assert!(errors.get("what_worked").is_none());
        for field in ["what_did_not", "participation", "plans"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn evidence_links_are_web_addresses() {
        let form = EvidenceForm {
            evidence_text: "Ratsbeschluss vom 12.03.2024".into(),
            evidence_link: "javascript:alert(1)".into(),
            ..Default::default()
        };
        assert!(form.validate().unwrap_err().get("evidence_link").is_some());
        let form = EvidenceForm {
            evidence_link: "https://www.hamm.de/rat".into(),
            ..form
        };
        assert!(form.validate().is_ok());
    }
}
