use serde::Deserialize;
use sqlx::PgPool;

use super::db::{Citation, Entry, EntryFields};
use super::vocab::{ARTEN, EBENEN, QUELLENARTEN, THEMEN};
use crate::vocab::{self, HANDLUNGSFELDER, LEBENSPHASEN};
use crate::web::form::{FieldErrors, codes, one_of, optional_text, plain, required_text};

/// The entry form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EntryForm {
    pub title: String,
    pub kind: String,
    pub level: String,
    pub summary: String,
    pub body: String,
    pub source_document: String,
    pub source_section: String,
    pub place: String,
    pub kommune_ags: String,
    pub land_code: String,
    pub year: String,
    pub handlungsfelder: Vec<String>,
    pub themes: Vec<String>,
    pub lebensphasen: Vec<String>,
    /// The rows of references: kind and title, in step.
    pub quelle_art: Vec<String>,
    pub quelle_titel: Vec<String>,
    pub contacts: String,
    pub version: String,
}

/// A row of the references in the form.
pub struct CitationRow {
    pub number: usize,
    pub kind: String,
    pub title: String,
}

/// Empty rows below the filled ones, for adding references without script.
const SPARE_ROWS: usize = 3;
const MAX_CITATIONS: usize = 20;

impl EntryForm {
    pub fn from_entry(entry: &Entry) -> Self {
        Self {
            title: entry.title.clone(),
            kind: entry.kind.clone(),
            level: entry.level.clone(),
            summary: entry.summary.clone(),
            body: entry.body.clone(),
            source_document: entry.source_document.clone(),
            source_section: entry.source_section.clone(),
            place: entry.place.clone(),
            kommune_ags: entry.kommune_ags.clone().unwrap_or_default(),
            land_code: entry.land_code.clone().unwrap_or_default(),
            year: entry.year.map(|y| y.to_string()).unwrap_or_default(),
            handlungsfelder: entry.handlungsfelder.clone(),
            themes: entry.themes.clone(),
            lebensphasen: entry.lebensphasen.clone(),
            quelle_art: entry.citations.iter().map(|c| c.kind.clone()).collect(),
            quelle_titel: entry.citations.iter().map(|c| c.title.clone()).collect(),
            contacts: entry.contacts.join("\n"),
            version: entry.version.to_string(),
        }
    }

    /// The references as typed (blank rows dropped), and spare rows.
    pub fn citation_rows(&self) -> Vec<CitationRow> {
        let mut rows: Vec<CitationRow> = self
            .quelle_art
            .iter()
            .zip(&self.quelle_titel)
            .filter(|(kind, title)| !kind.trim().is_empty() || !title.trim().is_empty())
            .map(|(kind, title)| CitationRow {
                number: 0,
                kind: kind.clone(),
                title: title.clone(),
            })
            .collect();
        rows.extend((0..SPARE_ROWS).map(|_| CitationRow {
            number: 0,
            kind: String::new(),
            title: String::new(),
        }));
        for (i, row) in rows.iter_mut().enumerate() {
            row.number = i + 1;
        }
        rows
    }

    /// The filled rows as references; what is wrong in a row is said with its number at the
    /// group "quellen".
    fn citations(&self, errors: &mut FieldErrors) -> Vec<Citation> {
        let mut problems = Vec::new();
        let mut citations = Vec::new();
        for row in self.citation_rows() {
            let (kind, title) = (row.kind.trim(), row.title.trim());
            if kind.is_empty() && title.is_empty() {
                continue;
            }
            if !vocab::is_known(QUELLENARTEN, kind) {
                problems.push(format!(
                    "Quelle {}: Bitte die Art der Quelle auswählen.",
                    row.number
                ));
            } else if title.is_empty() {
                problems.push(format!(
                    "Quelle {}: Bitte angeben, wie die Quelle zitiert wird, z. B. „§ 78 SGB VIII“.",
                    row.number
                ));
            } else if title.chars().count() > 300 || title.chars().any(char::is_control) {
                problems.push(format!(
                    "Quelle {}: Bitte höchstens 300 Zeichen ohne Steuerzeichen angeben.",
                    row.number
                ));
            } else {
                citations.push(Citation {
                    kind: kind.to_owned(),
                    title: title.to_owned(),
                });
            }
        }
        if citations.len() > MAX_CITATIONS {
            problems.push(format!("Bitte höchstens {MAX_CITATIONS} Quellen angeben."));
        }
        if !problems.is_empty() {
            errors.add("quellen", problems.join(" "));
        }
        citations
    }

    /// Checks every field; a named municipality or Land must exist.
    pub async fn validate(&self, pool: &PgPool) -> sqlx::Result<Result<EntryFields, FieldErrors>> {
        let mut errors = FieldErrors::default();
        let text = |errors: &mut FieldErrors, field, value: &str, max| {
            optional_text(errors, field, value, max).unwrap_or_default()
        };
        let mut key = |field, value| {
            plain(&mut errors, field, value)
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
        };
        let kommune_ags = key("kommune_ags", &self.kommune_ags);
        let land_code = key("land_code", &self.land_code);
        let known = sqlx::query!(
            r#"SELECT EXISTS (SELECT 1 FROM kommunen WHERE ags = $1) AS "kommune!",
                      EXISTS (SELECT 1 FROM laender WHERE code = $2) AS "land!""#,
            kommune_ags,
            land_code
        )
        .fetch_one(pool)
        .await?;
        if kommune_ags.is_some() && !known.kommune {
            errors.add(
                "kommune_ags",
                "Zu diesem Gemeindeschlüssel gibt es keine Kommune im Verzeichnis.",
            );
        }
        if land_code.is_some() && !known.land {
            errors.add("land_code", "Bitte ein Land aus der Liste auswählen.");
        }
        let year = match self.year.trim() {
            "" => None,
            text => match text.parse::<i16>() {
                Ok(year) if (1990..=2100).contains(&year) => Some(year),
                _ => {
                    errors.add(
                        "year",
                        "Bitte ein Jahr zwischen 1990 und 2100 angeben, z. B. 2025.",
                    );
                    None
                }
            },
        };
        let contacts: Vec<String> = self
            .contacts
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if contacts.len() > 20 || contacts.iter().any(|c| c.chars().count() > 200) {
            errors.add(
                "contacts",
                "Bitte höchstens 20 Kontakte mit je höchstens 200 Zeichen angeben.",
            );
        }
        let fields = EntryFields {
            title: required_text(&mut errors, "title", "einen Titel", &self.title, 200),
            kind: one_of(
                &mut errors,
                "kind",
                "die Art des Eintrags",
                ARTEN,
                &self.kind,
            ),
            level: one_of(&mut errors, "level", "die Ebene", EBENEN, &self.level),
            summary: text(&mut errors, "summary", &self.summary, 600),
            body: text(&mut errors, "body", &self.body, 50_000),
            source_document: text(&mut errors, "source_document", &self.source_document, 300),
            source_section: text(&mut errors, "source_section", &self.source_section, 300),
            place: text(&mut errors, "place", &self.place, 200),
            kommune_ags,
            land_code,
            year,
            handlungsfelder: codes(
                &mut errors,
                "handlungsfelder",
                HANDLUNGSFELDER,
                &self.handlungsfelder,
            ),
            themes: codes(&mut errors, "themes", THEMEN, &self.themes),
            lebensphasen: codes(
                &mut errors,
                "lebensphasen",
                LEBENSPHASEN,
                &self.lebensphasen,
            ),
            citations: self.citations(&mut errors),
            contacts,
        };
        if fields.themes.is_empty() && errors.get("themes").is_none() {
            errors.add("themes", "Bitte mindestens ein Thema auswählen.");
        }
        Ok(errors.into_result(fields))
    }
}
