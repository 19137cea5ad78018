//! Importing measures from CSV in two steps: upload and preview (every row checked, nothing
//! written), then confirm, which checks the same data again and writes all rows in one
//! transaction or none.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Multipart;
use axum::extract::{FromRequest, Path, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;

use super::csv::{self as measures_csv, Import, MAX_BYTES, MAX_ROWS, WHOLE_COMMUNE};
use super::db::{self, Measure, NetworkOptions};
use super::forms::FIELDS;
use crate::audit::{self, Event};
use crate::error::{AppError, AppResult};
use crate::format;
use crate::networks::{Need, NetworkContext};
use crate::state::AppState;
use crate::states::MeasureStatus;
use crate::vocab::{FINANZIERUNG, HANDLUNGSFELDER, LEBENSPHASEN, Term, ZIELGRUPPEN, ZUGAENGE};
use crate::web::Ctx;
use crate::web::filters;
use crate::web::form::FieldErrors;
use crate::web::form::OnConstraint;
use crate::web::{Layout, see_other};

/// One column as the upload page explains it.
pub struct ColumnHelp {
    pub label: &'static str,
    pub required: bool,
    pub content: String,
}

fn column_help(options: &NetworkOptions) -> Vec<ColumnHelp> {
    let terms = |terms: &[Term]| {
        terms
            .iter()
            .map(|t| format!("„{}“", t.label))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let names = |names: Vec<&str>, none: &str| {
        if names.is_empty() {
            none.to_owned()
        } else {
            names
                .iter()
                .map(|n| format!("„{n}“"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    FIELDS
        .iter()
        .map(|(field, label)| {
            let (required, content) = match *field {
                "title" => (true, "Text, höchstens 200 Zeichen.".to_owned()),
                "handlungsfelder" => (
                    true,
                    format!(
                        "Eines oder mehrere, durch Komma getrennt: {}.",
                        terms(HANDLUNGSFELDER)
                    ),
                ),
                "lebensphasen" => (
                    true,
                    format!(
                        "Eine oder mehrere, durch Komma getrennt: {}.",
                        terms(LEBENSPHASEN)
                    ),
                ),
                "zielgruppen" => (
                    true,
                    format!(
                        "Eine oder mehrere, durch Komma getrennt: {}.",
                        terms(ZIELGRUPPEN)
                    ),
                ),
                "sozialraum_id" => (
                    false,
                    format!(
                        "„{WHOLE_COMMUNE}“ (oder leer) oder ein Sozialraum des Netzwerks: {}.",
                        names(
                            options
                                .sozialraeume
                                .iter()
                                .map(|c| c.name.as_str())
                                .collect(),
                            "noch keine erfasst"
                        )
                    ),
                ),
                "zugaenge" => (
                    false,
                    format!("Keiner, einer oder mehrere: {}.", terms(ZUGAENGE)),
                ),
                "niedrigschwellig" => (false, "„ja“ oder „nein“ (leer: nein).".to_owned()),
                "partner_id" => (
                    false,
                    format!(
                        "Name eines Partners des Netzwerks (leer: keiner): {}.",
                        names(
                            options.partners.iter().map(|c| c.name.as_str()).collect(),
                            "noch keine erfasst"
                        )
                    ),
                ),
                "finanzierung" => (
                    false,
                    format!("Keine, eine oder mehrere: {}.", terms(FINANZIERUNG)),
                ),
                "start_date" | "end_date" => (
                    false,
                    "Datum im Format TT.MM.JJJJ, z. B. 01.08.2025.".to_owned(),
                ),
                "status" => (true, format!("Einer von: {}.", terms(MeasureStatus::TERMS))),
                "reach_per_year" => (false, "Ganze Zahl ab 0, z. B. 250.".to_owned()),
                "annual_cost_euro" => (
                    false,
                    "Ganze Euro ab 0, z. B. 12500 oder 12.500.".to_owned(),
                ),
                "goal_ids" => (
                    false,
                    "Titel von Zielen des Netzwerks, durch Komma getrennt.".to_owned(),
                ),
                _ => (false, "Text.".to_owned()),
            };
            ColumnHelp {
                label,
                required,
                content,
            }
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "measures/import.html")]
struct UploadPage {
    layout: Layout,
    network: NetworkContext,
    columns: Vec<ColumnHelp>,
    errors: FieldErrors,
    pasted: String,
    max_rows: String,
}

impl UploadPage {
    fn new(layout: Layout, network: NetworkContext, options: &NetworkOptions) -> Self {
        Self {
            layout,
            network,
            columns: column_help(options),
            errors: FieldErrors::default(),
            pasted: String::new(),
            max_rows: format::integer(MAX_ROWS as i64),
        }
    }
}

pub async fn form(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let options = db::options(&ctx.state.pool, id).await?;
    Ok(UploadPage::new(ctx.layout, network, &options).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "measures/import_preview.html")]
struct PreviewPage {
    layout: Layout,
    network: NetworkContext,
    import: Import,
    options: NetworkOptions,
    /// The checked text, for the confirmation (only when there are no errors).
    data: Option<String>,
}

/// How many rows and errors the preview lists in full.
const SHOWN_ROWS: usize = 100;
const SHOWN_ERRORS: usize = 200;

impl PreviewPage {
    fn shown_rows(&self) -> &[measures_csv::ImportRow] {
        &self.import.rows[..self.import.rows.len().min(SHOWN_ROWS)]
    }

    fn hidden_rows(&self) -> usize {
        self.import.rows.len().saturating_sub(SHOWN_ROWS)
    }

    /// (row, column, message) of every row error, up to [`SHOWN_ERRORS`].
    fn row_errors(&self) -> Vec<(usize, &str, &str)> {
        self.import
            .rows
            .iter()
            .flat_map(|r| {
                r.errors
                    .iter()
                    .map(move |e| (r.number, e.column.as_str(), e.message.as_str()))
            })
            .take(SHOWN_ERRORS)
            .collect()
    }

    fn hidden_errors(&self) -> usize {
        let all: usize = self.import.rows.iter().map(|r| r.errors.len()).sum();
        all.saturating_sub(SHOWN_ERRORS)
    }

    fn rows_with_errors(&self) -> usize {
        self.import
            .rows
            .iter()
            .filter(|r| !r.errors.is_empty())
            .count()
    }

    fn status(&self, row: &measures_csv::ImportRow) -> String {
        row.fields
            .as_ref()
            .map(|f| f.status.label().to_owned())
            .unwrap_or_default()
    }

    fn place(&self, row: &measures_csv::ImportRow) -> String {
        row.fields
            .as_ref()
            .map(|f| {
                f.sozialraum_id
                    .and_then(|id| self.options.sozialraum(id))
                    .map_or(WHOLE_COMMUNE.to_owned(), |c| c.name.clone())
            })
            .unwrap_or_default()
    }

    fn partner(&self, row: &measures_csv::ImportRow) -> String {
        row.fields
            .as_ref()
            .and_then(|f| f.partner_id)
            .and_then(|id| self.options.partner(id))
            .map(|c| c.name.clone())
            .unwrap_or_default()
    }
}

/// The paste field of the upload form, or the confirmation.
#[derive(Default, Deserialize)]
#[serde(default)]
struct PastedForm {
    csv_inhalt: String,
}

/// What the upload form sent: the file (or the pasted text).
enum Upload {
    Data(Vec<u8>),
    Rejected(FieldErrors, String),
}

async fn read_upload(state: &AppState, request: Request) -> AppResult<Upload> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let (file, pasted) = if content_type
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        // Reads at most the body limit (`DefaultBodyLimit`), like every extractor.
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| unreadable())?;
        let mut file = Vec::new();
        let mut pasted = String::new();
        while let Some(field) = multipart.next_field().await.map_err(|_| unreadable())? {
            let name = field.name().unwrap_or_default().to_owned();
            let data = field.bytes().await.map_err(|_| unreadable())?;
            match name.as_str() {
                "datei" => file = data.to_vec(),
                "csv_inhalt" => pasted = String::from_utf8_lossy(&data).into_owned(),
                _ => {}
            }
        }
        (file, pasted)
    } else {
        let axum::Form(form) = axum::Form::<PastedForm>::from_request(request, state)
            .await
            .map_err(|_| unreadable())?;
        (Vec::new(), form.csv_inhalt)
    };
    let mut errors = FieldErrors::default();
    let data = if !file.is_empty() {
        file
    } else {
        pasted.clone().into_bytes()
    };
    if data.iter().all(u8::is_ascii_whitespace) {
        errors.add(
            "datei",
            "Bitte eine CSV-Datei auswählen oder ihren Inhalt in das Textfeld einfügen.",
        );
    } else if data.len() > MAX_BYTES {
        errors.add(
            "datei",
            format!(
                "Die Datei ist größer als {} MB. Bitte teilen Sie sie auf mehrere Dateien auf.",
                MAX_BYTES / (1024 * 1024)
            ),
        );
    }
    if errors.is_empty() {
        Ok(Upload::Data(data))
    } else {
        // A pasted text too large to show again is not kept.
        let keep = if pasted.len() <= MAX_BYTES {
            pasted
        } else {
            String::new()
        };
        Ok(Upload::Rejected(errors, keep))
    }
}

fn unreadable() -> AppError {
    AppError::BadRequest(
        "Die hochgeladenen Daten konnten nicht gelesen werden. Bitte wählen Sie die Datei erneut \
         aus."
            .into(),
    )
}

pub async fn preview(ctx: Ctx, Path(id): Path<i64>, request: Request) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let upload = read_upload(&ctx.state, request).await?;
    let options = db::options(&ctx.state.pool, id).await?;
    let data = match upload {
        Upload::Data(data) => data,
        Upload::Rejected(errors, pasted) => {
            let mut page = UploadPage::new(ctx.layout.clone(), network, &options);
            page.errors = errors;
            page.pasted = pasted;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let text = measures_csv::decode(&data);
    show_preview(ctx.layout, network, options, &text)
}

fn show_preview(
    layout: Layout,
    network: NetworkContext,
    options: NetworkOptions,
    text: &str,
) -> AppResult<Response> {
    let import = measures_csv::parse(text, &options);
    let valid = import.valid_fields().is_some();
    let page = PreviewPage {
        layout,
        network,
        import,
        options,
        data: valid.then(|| STANDARD.encode(text)),
    };
    let status = if valid {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, page).into_response())
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    daten: String,
}

pub async fn confirm(
    ctx: Ctx,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<ConfirmForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let text = STANDARD
        .decode(form.daten.trim())
        .ok()
        .filter(|bytes| bytes.len() <= 3 * MAX_BYTES)
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| {
            AppError::BadRequest(
                "Die Importdaten sind unvollständig oder beschädigt. Bitte laden Sie die Datei \
                 erneut hoch."
                    .into(),
            )
        })?;
    let options = db::options(&ctx.state.pool, id).await?;
    // Checked again: the data came back from the browser, and the network may have changed.
    let import = measures_csv::parse(&text, &options);
    let Some(all) = import.valid_fields() else {
        return show_preview(ctx.layout.clone(), network, options, &text);
    };
    let mut tx = ctx.state.pool.begin().await?;
    for fields in all.iter() {
        // Something named in the file was removed a moment ago: the preview checks every row
        // again and says which, so the field message is not needed.
        let inserted = db::insert(&mut tx, id, fields)
            .await
            .on_constraint(db::CHOSEN_REFERENCES, "")?;
        let Ok(mid) = inserted else {
            drop(tx);
            let options = db::options(&ctx.state.pool, id).await?;
            return show_preview(ctx.layout.clone(), network, options, &text);
        };
        let created = Measure::from_fields(mid, 1, fields.clone(), &options);
        audit::record(
            &mut *tx,
            &ctx.meta,
            (&ctx.user).into(),
            Event::new("angelegt", "measure", mid).new_values(created.audit_values()),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(see_other(&format!(
        "{}/massnahmen?hinweis=importiert&anzahl={}",
        network.href(),
        all.len()
    )))
}
