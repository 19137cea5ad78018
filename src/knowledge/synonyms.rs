//! The synonyms the search uses ("Kita" for "Kindertagesstätte", "BuT" for "Bildung und
//! Teilhabe"), kept by the Geschäftsstelle and the administrators. A pair works both ways; the
//! database stores the search words of each side (`kc_search_words`, migration 0013), and
//! `db::expand` reads them with every search.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use crate::error::{AppError, AppResult};
use crate::policy::{self, Action};
use crate::state::AppState;
use crate::web::Notice;
use crate::web::edit::{Change, Record};
use crate::web::form::{FieldErrors, OnConstraint, required_text};
use crate::web::{Ctx, Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/wissen/synonyme", get(page).post(add))
        .route("/wissen/synonyme/{id}/entfernen", post(remove))
}

pub struct Synonym {
    pub id: i64,
    pub term: String,
    pub synonym: String,
}

impl Synonym {
    fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({ "Begriff": self.term, "Synonym": self.synonym })
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SynonymForm {
    term: String,
    synonym: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "knowledge/synonyms.html")]
struct SynonymsPage {
    layout: Layout,
    synonyms: Vec<Synonym>,
    form: SynonymForm,
    errors: FieldErrors,
    notice: Option<&'static str>,
}

async fn list(ctx: &Ctx) -> sqlx::Result<Vec<Synonym>> {
    sqlx::query_as!(
        Synonym,
        "SELECT id, term, synonym FROM knowledge_synonyms ORDER BY lower(term), lower(synonym), id"
    )
    .fetch_all(&ctx.state.pool)
    .await
}

async fn page(ctx: Ctx, notice: Notice) -> AppResult<Response> {
    policy::authorize(&ctx.user.actor(), Action::ManageSynonyms)?;
    Ok(SynonymsPage {
        synonyms: list(&ctx).await?,
        layout: ctx.layout,
        form: SynonymForm::default(),
        errors: FieldErrors::default(),
        notice: match notice.code() {
            "hinzugefuegt" => {
                Some("Das Synonym ist gespeichert; die Suche verwendet es ab sofort.")
            }
            "entfernt" => Some("Das Synonym ist entfernt."),
            _ => None,
        },
    }
    .into_response())
}

/// The page again with the user's input and the messages.
async fn rejected(ctx: &Ctx, form: SynonymForm, errors: FieldErrors) -> AppResult<Response> {
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        SynonymsPage {
            synonyms: list(ctx).await?,
            layout: ctx.layout.clone(),
            form,
            errors,
            notice: None,
        },
    )
        .into_response())
}

async fn add(ctx: Ctx, Form(form): Form<SynonymForm>) -> AppResult<Response> {
    policy::authorize(&ctx.user.actor(), Action::ManageSynonyms)?;
    let mut errors = FieldErrors::default();
    let term = required_text(&mut errors, "term", "einen Begriff", &form.term, 80);
    let synonym = required_text(&mut errors, "synonym", "ein Synonym", &form.synonym, 80);
    if !errors.is_empty() {
        return rejected(&ctx, form, errors).await;
    }
    let mut change = Change::begin(&ctx).await?;
    let inserted = sqlx::query_as!(
        Synonym,
        "INSERT INTO knowledge_synonyms (term, synonym, created_by) VALUES ($1, $2, $3)
         RETURNING id, term, synonym",
        term,
        synonym,
        ctx.user.user_id
    )
    .fetch_one(change.conn())
    .await
    .on_constraint(
        &[
            ("knowledge_synonyms_pair_key", "synonym"),
            ("knowledge_synonyms_words", "synonym"),
        ],
        "Dieses Paar gibt es schon, oder beide Seiten bestehen aus denselben Suchwörtern. Bitte zwei verschiedene Begriffe mit mindestens einem Wort aus Buchstaben oder Ziffern angeben (Wörter wie „und“ oder „für“ zählen nicht).",
    )?;
    let inserted = match inserted {
        Ok(inserted) => inserted,
        Err(errors) => {
            drop(change);
            return rejected(&ctx, form, errors).await;
        }
    };
    change
        .created(
            Record::new("knowledge_synonym", inserted.id),
            inserted.audit_values(),
        )
        .await?;
    Ok(see_other("/wissen/synonyme?hinweis=hinzugefuegt"))
}

async fn remove(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    policy::authorize(&ctx.user.actor(), Action::ManageSynonyms)?;
    let mut change = Change::begin(&ctx).await?;
    let removed = sqlx::query_as!(
        Synonym,
        "DELETE FROM knowledge_synonyms WHERE id = $1 RETURNING id, term, synonym",
        id
    )
    .fetch_optional(change.conn())
    .await?
    .ok_or(AppError::NotFound)?;
    change
        .deleted(
            Record::new("knowledge_synonym", removed.id),
            removed.audit_values(),
        )
        .await?;
    Ok(see_other("/wissen/synonyme?hinweis=entfernt"))
}
