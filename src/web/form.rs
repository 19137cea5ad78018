//! Server-side form validation results, rendered at each field and in a summary at the top.

use crate::error::violated_constraint;
use crate::states::StoredState;

#[derive(Debug, Default)]
pub struct FieldErrors {
    errors: Vec<FieldError>,
}

#[derive(Debug)]
pub struct FieldError {
    /// The `id` of the input, so the summary can link to it.
    pub field: &'static str,
    pub message: String,
}

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.errors.push(FieldError {
            field,
            message: message.into(),
        });
    }

    /// The first message for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.errors.iter()
    }

    /// The lines of the error summary, each with the field it links to. A message that two
    /// fields share ("Bitte ein gültiges Datum …") names its field, so the lines differ.
    pub fn summary(&self) -> Vec<(&'static str, String)> {
        self.errors
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let shared = self
                    .errors
                    .iter()
                    .filter(|other| other.message == e.message)
                    .count()
                    > 1;
                let text = if shared {
                    let name = FIELD_NAMES
                        .iter()
                        .find(|(id, _)| *id == e.field)
                        .map_or_else(|| format!("{}. Angabe", i + 1), |(_, n)| (*n).to_owned());
                    format!("{name}: {}", e.message)
                } else {
                    e.message.clone()
                };
                (e.field, text)
            })
            .collect()
    }

    /// `Ok(value)` when nothing was added, so validators can end with `errors.into_result(x)`.
    pub fn into_result<T>(self, value: T) -> Result<T, Self> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// The German names of fields whose messages are generic (dates, numbers, lengths), for the
/// summary when two fields of a form have the same message.
const FIELD_NAMES: &[(&str, &str)] = &[
    ("baseline_date", "Datum des Ausgangswerts"),
    ("baseline_value", "Ausgangswert"),
    ("target_date", "Zieldatum"),
    ("target_value", "Zielwert"),
    ("value", "Wert"),
    ("period_date", "Stichtag"),
    ("due_on", "Fällig am"),
    ("done_on", "Erledigt am"),
    ("start_date", "Beginn"),
    ("end_date", "Ende"),
    ("evidence_date", "Datum des Nachweises"),
    ("founded_on", "Gegründet am"),
    ("mandate_date", "Datum des Beschlusses"),
    ("own_share_percent", "Eigenanteil"),
    ("reach_per_year", "Erreichte Personen pro Jahr"),
    ("title", "Titel"),
    ("description", "Beschreibung"),
    ("summary", "Zusammenfassung"),
    ("body", "Text"),
    ("note", "Anmerkung"),
    ("reason", "Begründung"),
    ("comment", "Kommentar"),
];

impl IntoIterator for FieldErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

/// For writes that the database may refuse for a reason a form can explain (a name taken a
/// moment ago, a chosen record deleted while the form was open), like realworld-axum-sqlx's
/// `on_constraint`.
pub trait OnConstraint<T> {
    /// A violation of one of the constraints in `fields` (constraint name, form field) becomes
    /// `message` at that field, for showing the form again; every other error stays an error.
    fn on_constraint(
        self,
        fields: &[(&str, &'static str)],
        message: &str,
    ) -> sqlx::Result<Result<T, FieldErrors>>;
}

impl<T> OnConstraint<T> for sqlx::Result<T> {
    fn on_constraint(
        self,
        fields: &[(&str, &'static str)],
        message: &str,
    ) -> sqlx::Result<Result<T, FieldErrors>> {
        let error = match self {
            Ok(value) => return Ok(Ok(value)),
            Err(error) => error,
        };
        let violated = violated_constraint(&error);
        match fields.iter().find(|(name, _)| Some(*name) == violated) {
            Some((_, field)) => {
                let mut errors = FieldErrors::default();
                errors.add(field, message);
                Ok(Err(errors))
            }
            None => Err(error),
        }
    }
}

/// Trims a text input and checks its length; an empty optional input becomes `None`.
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max_chars: usize,
) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if value.chars().count() > max_chars {
        errors.add(
            field,
            format!("Bitte höchstens {max_chars} Zeichen eingeben."),
        );
    } else if has_control(value) {
        errors.add(field, NO_CONTROL);
    }
    Some(value.to_owned())
}

const NO_CONTROL: &str = "Bitte keine Steuerzeichen eingeben.";

/// Control characters other than line breaks and tabs: no form field has a use for them, and
/// PostgreSQL refuses NUL in text, so they are stopped at the field rather than by the
/// database.
fn has_control(value: &str) -> bool {
    value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
}

/// A value that is looked up as typed (an e-mail address, a Gemeindeschlüssel, one line of a
/// list), trimmed. With a control character it is an error at `field` and `None`, so that it
/// goes no further; the form keeps what was typed.
pub fn plain<'a>(errors: &mut FieldErrors, field: &'static str, value: &'a str) -> Option<&'a str> {
    let value = value.trim();
    if has_control(value) {
        errors.add(field, NO_CONTROL);
        return None;
    }
    Some(value)
}

/// Like [`optional_text`], but the field must be filled in.
pub fn required_text(
    errors: &mut FieldErrors,
    field: &'static str,
    label: &str,
    value: &str,
    max_chars: usize,
) -> String {
    match optional_text(errors, field, value, max_chars) {
        Some(text) => text,
        None => {
            errors.add(field, format!("Bitte {label} angeben."));
            String::new()
        }
    }
}

/// A date as typed: `TT.MM.JJJJ` or the ISO form `<input type="date">` sends.
pub fn parse_date(text: &str) -> Option<time::Date> {
    let text = text.trim();
    let (day, month, year) = if let Some((y, rest)) = text.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (d, m, y)
    } else {
        let mut parts = text.split('.');
        let d = parts.next()?;
        let m = parts.next()?;
        let y = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        (d, m, y)
    };
    if year.len() != 4 {
        return None;
    }
    let month = time::Month::try_from(month.parse::<u8>().ok()?).ok()?;
    time::Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

pub fn optional_date(
    errors: &mut FieldErrors,
    field: &'static str,
    text: &str,
) -> Option<time::Date> {
    if text.trim().is_empty() {
        return None;
    }
    let date = parse_date(text);
    if date.is_none() {
        errors.add(
            field,
            "Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben, z. B. 24.03.2025.",
        );
    }
    date
}

/// A number as Germans write it: decimal comma, optional dots between thousands
/// ("1.234,5"); a plain decimal point is accepted too ("93.5").
pub fn parse_decimal(text: &str) -> Option<f64> {
    let text: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if text.is_empty() {
        return None;
    }
    let normalized = if text.contains(',') {
        text.replace('.', "").replace(',', ".")
    } else if is_thousands_grouped(&text) {
        text.replace('.', "")
    } else {
        text
    };
    let bytes_ok = normalized
        .bytes()
        .enumerate()
        .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && b == b'-'));
    if !bytes_ok {
        return None;
    }
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// "1.234" and "12.345.678" are thousands in German, not decimals.
fn is_thousands_grouped(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut groups = digits.split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

pub fn optional_decimal(errors: &mut FieldErrors, field: &'static str, text: &str) -> Option<f64> {
    if text.trim().is_empty() {
        return None;
    }
    let value = parse_decimal(text);
    if value.is_none() {
        errors.add(field, "Bitte eine Zahl angeben, z. B. 93,5.");
    }
    value
}

/// A whole number that must not be negative (counts, euros).
pub fn optional_count(errors: &mut FieldErrors, field: &'static str, text: &str) -> Option<i64> {
    if text.trim().is_empty() {
        return None;
    }
    match parse_decimal(text) {
        Some(value) if value >= 0.0 && value.fract() == 0.0 && value < 1e15 => Some(value as i64),
        _ => {
            errors.add(field, "Bitte eine ganze Zahl ab 0 angeben, z. B. 1.200.");
            None
        }
    }
}

/// Keeps the codes that belong to `terms`; an unknown code is an error (forged form).
pub fn codes(
    errors: &mut FieldErrors,
    field: &'static str,
    terms: &[crate::vocab::Term],
    chosen: &[String],
) -> Vec<String> {
    let mut result = Vec::new();
    for code in chosen {
        if !crate::vocab::is_known(terms, code) {
            errors.add(field, "Bitte nur Werte aus der Liste auswählen.");
            return Vec::new();
        }
        if !result.contains(code) {
            result.push(code.clone());
        }
    }
    result
}

/// One code of `terms`, required.
pub fn one_of(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    terms: &[crate::vocab::Term],
    chosen: &str,
) -> String {
    if crate::vocab::is_known(terms, chosen) {
        chosen.to_owned()
    } else {
        errors.add(field, format!("Bitte {what} auswählen."));
        String::new()
    }
}

/// The state chosen in a select box or radio group. When nothing valid was chosen, the field
/// gets its error and the first state stands in; the form comes back anyway.
pub fn one_state<S: StoredState>(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    chosen: &str,
) -> S {
    S::parse(chosen).unwrap_or_else(|| {
        errors.add(field, format!("Bitte {what} auswählen."));
        S::ALL[0]
    })
}

/// The version a form was loaded with; a missing or garbled one never matches.
pub fn version(text: &str) -> i32 {
    text.trim().parse().unwrap_or(-1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_fields_whose_messages_are_the_same() {
        let mut errors = FieldErrors::default();
        let date = "Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben, z. B. 24.03.2025.";
        errors.add("due_on", date);
        errors.add("done_on", date);
        errors.add("title", "Bitte einen Titel angeben.");
        errors.add("x_unknown", "Gleich.");
        errors.add("y_unknown", "Gleich.");
        let lines: Vec<String> = errors.summary().into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            lines,
            [
                format!("Fällig am: {date}"),
                format!("Erledigt am: {date}"),
                "Bitte einen Titel angeben.".to_owned(),
                "4. Angabe: Gleich.".to_owned(),
                "5. Angabe: Gleich.".to_owned(),
            ]
        );
    }

    #[test]
    fn german_dates() {
        let d = |y, m, day| {
            time::Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), day).unwrap()
        };
        assert_eq!(parse_date("24.03.2025"), Some(d(2025, 3, 24)));
        assert_eq!(parse_date(" 1.1.2024 "), Some(d(2024, 1, 1)));
        assert_eq!(parse_date("2025-03-24"), Some(d(2025, 3, 24)));
        assert_eq!(parse_date("31.02.2025"), None);
        assert_eq!(parse_date("24.03.25"), None);
        assert_eq!(parse_date("morgen"), None);
        assert_eq!(parse_date("1.2.3.4"), None);
    }

    #[test]
    fn german_numbers() {
        assert_eq!(parse_decimal("93,5"), Some(93.5));
        assert_eq!(parse_decimal("93.5"), Some(93.5));
        assert_eq!(parse_decimal("1.234,5"), Some(1234.5));
        assert_eq!(parse_decimal("1.234"), Some(1234.0));
        assert_eq!(parse_decimal("12.345.678"), Some(12345678.0));
        assert_eq!(parse_decimal("-0,25"), Some(-0.25));
        assert_eq!(parse_decimal("1 200"), Some(1200.0));
        assert_eq!(parse_decimal("1e5"), None);
        assert_eq!(parse_decimal("NaN"), None);
        assert_eq!(parse_decimal("12a"), None);
        assert_eq!(parse_decimal(""), None);
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        let mut errors = FieldErrors::default();
        assert_eq!(optional_count(&mut errors, "n", "1.200"), Some(1200));
        assert_eq!(optional_count(&mut errors, "n", ""), None);
        assert!(errors.is_empty());
        assert_eq!(optional_count(&mut errors, "n", "-3"), None);
        assert_eq!(optional_count(&mut errors, "n", "2,5"), None);
        assert_eq!(errors.iter().count(), 2);
    }
}
