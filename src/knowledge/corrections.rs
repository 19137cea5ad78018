//! Corrected seed texts of entries the Geschäftsstelle has edited: they are not written over
//! its text (see `seed`), but wait in its review tasks until it takes them or keeps its own.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;
use sqlx::PgPool;

use super::db::{self, Entry, SeededState};
use super::seed::{self, SeedEntry, Standing};
use crate::audit::{self, Event};
use crate::error::{AppError, AppResult};
use crate::policy::{self, Action};
use crate::state::AppState;
use crate::web::edit::Change;
use crate::web::form::version;
use crate::web::{Ctx, Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/wissen/eintrag/{slug}/korrektur",
        get(correction_page).post(decide),
    )
}

/// The seeded entries whose corrected seed text awaits the Geschäftsstelle's decision.
pub async fn pending(pool: &PgPool) -> AppResult<Vec<SeededState>> {
    let seeds = seed::entries()?;
    Ok(db::seeded(pool)
        .await?
        .into_iter()
        .filter(|state| {
            seeds.iter().any(|s| {
                s.slug == state.slug
                    && seed::standing(
                        state.version,
                        state.seed_version,
                        state.seed_digest.as_deref(),
                        s,
                    ) == Standing::Review
            })
        })
        .collect())
}

/// The entry and its corrected seed text, if a correction awaits a decision; "not found"
/// otherwise, so that a decided correction's address leads nowhere.
async fn awaiting(ctx: &Ctx, slug: &str) -> AppResult<(Entry, SeedEntry)> {
    policy::authorize(&ctx.user.actor(), Action::ReviewKnowledge)?;
    let entry = db::find(&ctx.state.pool, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let seed = seed::find(slug)?.ok_or(AppError::NotFound)?;
    let stand = seed::standing(
        entry.version,
        entry.seed_version,
        entry.seed_digest.as_deref(),
        &seed,
    );
    if stand == Standing::Review {
        Ok((entry, seed))
    } else {
        Err(AppError::NotFound)
    }
}

/// One field that the correction changes.
struct Difference {
    label: String,
    now: String,
    proposed: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "knowledge/correction.html")]
struct CorrectionPage {
    layout: Layout,
    entry: Entry,
    differences: Vec<Difference>,
}

async fn correction_page(ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let (entry, seed) = awaiting(&ctx, &slug).await?;
    let proposed = audit::pairs(seed.applied_to(&entry).audit_values());
    let differences = audit::pairs(entry.audit_values())
        .into_iter()
        .zip(proposed)
        .filter(|((_, now), (_, proposed))| now != proposed)
        .map(|((label, now), (_, proposed))| Difference {
            label,
            now,
            proposed,
        })
        .collect();
    Ok(CorrectionPage {
        layout: ctx.layout,
        entry,
        differences,
    }
    .into_response())
}

#[derive(Deserialize)]
struct DecisionForm {
    #[serde(default)]
    aktion: String,
    #[serde(default)]
    version: String,
}

/// Takes the corrected text (the entry then counts as unedited again, so later corrections
/// reach it by themselves) or keeps the Geschäftsstelle's own.
async fn decide(
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let (entry, seed) = awaiting(&ctx, &slug).await?;
    let stale = || {
        AppError::Conflict(
            "Der Eintrag wurde inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie die Korrektur erneut.".into(),
        )
    };
    let at = version(&form.version);
    let mut change = Change::begin(&ctx).await?;
    let event = match form.aktion.as_str() {
        "uebernehmen" => {
            db::apply_seed(
                change.conn(),
                entry.id,
                at,
                &seed.fields(),
                seed.workshop,
                &seed.digest(),
            )
            .await?
            .ok_or_else(stale)?;
            let after = db::find(change.conn(), &slug)
                .await?
                .ok_or(AppError::NotFound)?;
            Event::new("korrektur_uebernommen", "knowledge", entry.id)
                .old(entry.audit_values())
                .new_values(after.audit_values())
        }
        "behalten" => {
            if !db::keep_against_seed(change.conn(), entry.id, at, &seed.digest()).await? {
                return Err(stale());
            }
            Event::new("korrektur_verworfen", "knowledge", entry.id)
        }
        _ => {
            return Err(AppError::BadRequest(
                "Bitte wählen Sie, ob die Korrektur übernommen wird.".into(),
            ));
        }
    };
    change.finish(event).await?;
    Ok(see_other(&format!("/wissen/eintrag/{slug}")))
}
