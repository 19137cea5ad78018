//! Importing measures from CSV in two steps: upload and preview (every row checked, nothing
//! written), then confirm, which checks the same data again and writes all rows in one
//! transaction or none, once: the transaction uses up the preview's one-time token.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Multipart;
use axum::extract::{FromRequest, Path, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use uuid::Uuid;

use super::csv::{self as measures_csv, Import, MAX_BYTES, MAX_ROWS, WHOLE_COMMUNE};
use super::db::{self, Measure, NetworkOptions, imports};
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
    /// Only when there are no errors.
    confirmation: Option<Confirmation>,
}

/// What the confirmation form sends back: the checked text and the preview's one-time token.
struct Confirmation {
    data: String,
    token: Uuid,
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

/// What the upload form sent: the file (or the pasted text), or why not, with the status and
/// the pasted text to show again.
enum Upload {
    Text(String),
    Rejected(StatusCode, FieldErrors, String),
}

/// The upload's body limit, well above [`MAX_BYTES`]: a file somewhat too large is read whole
/// (and dropped as it comes), so that the page can say so. Answering before the request is
/// read would end the connection with a reset, which browsers show instead of the answer.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

fn too_large() -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add(
        "datei",
        format!(
            "Die Datei ist größer als {} MB. Bitte teilen Sie sie auf mehrere Dateien auf.",
            MAX_BYTES / (1024 * 1024)
        ),
    );
    errors
}

async fn read_upload(state: &AppState, request: Request) -> AppResult<Upload> {
    match read_fields(state, request).await {
        Ok((file, pasted)) => Ok(check_upload(file, pasted)),
        // Over even [`MAX_BODY_BYTES`] (announced or not) the page says so all the same.
        Err(StatusCode::PAYLOAD_TOO_LARGE) => Ok(Upload::Rejected(
            StatusCode::PAYLOAD_TOO_LARGE,
            too_large(),
            String::new(),
        )),
        Err(_) => Err(unreadable()),
    }
}

/// The file and the pasted text; on failure, the status the failure stands for.
async fn read_fields(state: &AppState, request: Request) -> Result<(Vec<u8>, String), StatusCode> {
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
        // Reads at most [`MAX_BODY_BYTES`] (the route's `DefaultBodyLimit`).
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(|e| e.status())?;
        let mut file = Vec::new();
        let mut pasted = String::new();
        while let Some(mut field) = multipart.next_field().await.map_err(|e| e.status())? {
            let name = field.name().unwrap_or_default().to_owned();
            let mut data = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|e| e.status())? {
                // Past the import's limit only the size matters: the rest is not kept.
                if data.len() <= MAX_BYTES {
                    data.extend_from_slice(&chunk);
                }
            }
            match name.as_str() {
                "datei" => file = data,
                "csv_inhalt" => pasted = String::from_utf8_lossy(&data).into_owned(),
                _ => {}
            }
        }
        (file, pasted)
    } else {
        let axum::Form(form) = axum::Form::<PastedForm>::from_request(request, state)
            .await
            .map_err(|e| e.status())?;
        (Vec::new(), form.csv_inhalt)
    };
    Ok((file, pasted))
}

fn check_upload(file: Vec<u8>, pasted: String) -> Upload {
    let mut errors = FieldErrors::default();
    let data = if !file.is_empty() {
        file
    } else {
        pasted.clone().into_bytes()
    };
    if data.len() > MAX_BYTES {
        return Upload::Rejected(StatusCode::PAYLOAD_TOO_LARGE, too_large(), String::new());
    }
    if data.iter().all(u8::is_ascii_whitespace) {
        errors.add(
            "datei",
            "Bitte eine CSV-Datei auswählen oder ihren Inhalt in das Textfeld einfügen.",
        );
        return Upload::Rejected(StatusCode::UNPROCESSABLE_ENTITY, errors, pasted);
    }
    match measures_csv::decode(&data) {
        Ok(text) => Upload::Text(text),
        Err(message) => {
            errors.add("datei", message);
            Upload::Rejected(StatusCode::UNPROCESSABLE_ENTITY, errors, pasted)
        }
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
    let text = match upload {
        Upload::Text(text) => text,
        Upload::Rejected(status, errors, pasted) => {
            let mut page = UploadPage::new(ctx.layout.clone(), network, &options);
            page.errors = errors;
            page.pasted = pasted;
            return Ok((status, page).into_response());
        }
    };
    show_preview(&ctx, network, options, &text).await
}

/// The preview of `text`; when every row is valid, with the confirmation form and its
/// one-time token.
async fn show_preview(
    ctx: &Ctx,
    network: NetworkContext,
    options: NetworkOptions,
    text: &str,
) -> AppResult<Response> {
    let import = measures_csv::parse(text, &options);
    let valid = import.valid_fields().is_some();
    let confirmation = if valid {
        let token = imports::issue(&ctx.state.pool, network.id, ctx.user.user_id, text).await?;
        Some(Confirmation {
            data: STANDARD.encode(text),
            token,
        })
    } else {
        None
    };
    let page = PreviewPage {
        layout: ctx.layout.clone(),
        network,
        import,
        options,
        confirmation,
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
    vorschau: String,
}

const ALREADY_IMPORTED: &str = "Dieser Import wurde bereits übernommen (oder seine Vorschau ist \
                                älter als einen Tag). Um die Daten noch einmal zu importieren, \
                                laden Sie die Datei bitte erneut hoch.";

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
        return show_preview(&ctx, network, options, &text).await;
    };
    let mut tx = ctx.state.pool.begin().await?;
    let token = Uuid::parse_str(form.vorschau.trim()).unwrap_or_default();
    if !imports::redeem(&mut *tx, token, id, ctx.user.user_id, &text).await? {
        return Err(AppError::Conflict(ALREADY_IMPORTED.into()));
    }
    for fields in all.iter() {
        // Something named in the file was removed a moment ago: the preview checks every row
        // again and says which, so the field message is not needed.
        let inserted = db::insert(&mut tx, id, fields)
            .await
            .on_constraint(db::CHOSEN_REFERENCES, "")?;
        let Ok(mid) = inserted else {
            drop(tx);
            let options = db::options(&ctx.state.pool, id).await?;
            return show_preview(&ctx, network, options, &text).await;
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
