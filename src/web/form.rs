//! Server-side form validation results, rendered at each field and in a summary at the top.

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

    /// `Ok(value)` when nothing was added, so validators can end with `errors.into_result(x)`.
    pub fn into_result<T>(self, value: T) -> Result<T, Self> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self)
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
    } else if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.add(field, "Bitte keine Steuerzeichen eingeben.");
    }
    Some(value.to_owned())
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
