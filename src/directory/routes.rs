use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use serde_json::json;

use super::{DESTATIS_ATTRIBUTION, check_new_gemeinde_ags, kind_label};
use crate::audit::Event;
use crate::error::{AppError, AppResult};
use crate::format;
use crate::policy::{Action, authorize};
use crate::state::AppState;
use crate::web::edit::Change;
use crate::web::form::{FieldErrors, required_text};
use crate::web::{Ctx, PublicCtx};
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/verzeichnis", get(laender))
        .route("/verzeichnis/{land}", get(land))
        .route(
            "/verzeichnis/gemeinden/neu",
            get(new_gemeinde_form).post(create_gemeinde),
        )
}

struct LandRow {
    code: String,
    name: String,
    kreise: i64,
    gemeinden: i64,
    population: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/laender.html")]
struct LaenderPage {
    layout: Layout,
    laender: Vec<LandRow>,
    attribution: &'static str,
    can_add: bool,
}

async fn laender(ctx: PublicCtx) -> AppResult<Response> {
    let rows = sqlx::query!(
        r#"SELECT l.code::text AS "code!", l.name,
                  count(k.ags) FILTER (WHERE k.kind <> 'gemeinde') AS "kreise!",
                  count(k.ags) FILTER (WHERE k.kind = 'gemeinde') AS "gemeinden!",
                  coalesce(sum(k.population) FILTER (WHERE k.kind <> 'gemeinde'), 0)::bigint AS "population!"
           FROM laender l LEFT JOIN kommunen k ON k.land_code = l.code
           GROUP BY l.code ORDER BY l.code"#
    )
    .fetch_all(&ctx.state.pool)
    .await?;
    Ok(LaenderPage {
        can_add: can_manage(ctx.user.as_ref()),
        layout: ctx.layout,
        laender: rows
            .into_iter()
            .map(|r| LandRow {
                code: r.code,
                name: r.name,
                kreise: r.kreise,
                gemeinden: r.gemeinden,
                population: format::integer(r.population),
            })
            .collect(),
        attribution: DESTATIS_ATTRIBUTION,
    }
    .into_response())
}

fn can_manage(user: Option<&crate::identity::SessionUser>) -> bool {
    user.is_some_and(|u| crate::policy::allows(&u.actor(), Action::ManageDirectory))
}

struct KommuneRow {
    ags: String,
    name: String,
    kind: &'static str,
    kreis_name: Option<String>,
    population: String,
    area: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/land.html")]
struct LandPage {
    layout: Layout,
    code: String,
    name: String,
    kommunen: Vec<KommuneRow>,
    attribution: &'static str,
}

async fn land(ctx: PublicCtx, Path(code): Path<String>) -> AppResult<Response> {
    let name = sqlx::query_scalar!("SELECT name FROM laender WHERE code = $1", code)
        .fetch_optional(&ctx.state.pool)
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = sqlx::query!(
        r#"SELECT k.ags, k.name, k.kind, kreis.name AS "kreis_name?", k.population, k.area_km2
           FROM kommunen k LEFT JOIN kommunen kreis ON kreis.ags = k.kreis_ags
           WHERE k.land_code = $1
           ORDER BY k.ags"#,
        code
    )
    .fetch_all(&ctx.state.pool)
    .await?;
    Ok(LandPage {
        layout: ctx.layout,
        code,
        name,
        kommunen: rows
            .into_iter()
            .map(|r| KommuneRow {
                ags: r.ags,
                name: r.name,
                kind: kind_label(&r.kind),
                kreis_name: r.kreis_name,
                population: r
                    .population
                    .map(|p| format::integer(p.into()))
                    .unwrap_or_default(),
                area: r
                    .area_km2
                    .map(|a| format::decimal(a, 2))
                    .unwrap_or_default(),
            })
            .collect(),
        attribution: DESTATIS_ATTRIBUTION,
    }
    .into_response())
}

#[derive(Default, Deserialize)]
struct GemeindeForm {
    #[serde(default)]
    ags: String,
    #[serde(default)]
    name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/gemeinde_form.html")]
struct GemeindeFormPage {
    layout: Layout,
    form: GemeindeForm,
    errors: FieldErrors,
}

async fn new_gemeinde_form(ctx: Ctx) -> AppResult<Response> {
    authorize(&ctx.user.actor(), Action::ManageDirectory)?;
    Ok(GemeindeFormPage {
        layout: ctx.layout,
        form: GemeindeForm::default(),
        errors: FieldErrors::default(),
    }
    .into_response())
}

async fn create_gemeinde(ctx: Ctx, Form(form): Form<GemeindeForm>) -> AppResult<Response> {
    authorize(&ctx.user.actor(), Action::ManageDirectory)?;
    let mut errors = FieldErrors::default();
    let ags = form.ags.trim().to_owned();
    if let Err(message) = check_new_gemeinde_ags(&ctx.state.pool, &ags).await? {
        errors.add("ags", message);
    }
    let name = required_text(
        &mut errors,
        "name",
        "den Namen der Gemeinde",
        &form.name,
        200,
    );
    if !errors.is_empty() {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            GemeindeFormPage {
                layout: ctx.layout.clone(),
                form,
                errors,
            },
        )
            .into_response());
    }
    let mut change = Change::begin(&ctx).await?;
    let inserted = sqlx::query!(
        "INSERT INTO kommunen (ags, kind, name, kreis_ags, land_code)
         VALUES ($1, 'gemeinde', $2, left($1, 5), left($1, 2))
         ON CONFLICT (ags) DO NOTHING",
        ags,
        name
    )
    .execute(change.conn())
    .await?;
    if inserted.rows_affected() == 0 {
        // Someone added the same AGS between the check and now.
        errors.add(
            "ags",
            "Eine Kommune mit diesem Gemeindeschlüssel gibt es bereits.",
        );
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            GemeindeFormPage {
                layout: ctx.layout.clone(),
                form,
                errors,
            },
        )
            .into_response());
    }
    change
        .finish(
            Event::new("gemeinde_angelegt", "kommune", &ags)
                .new_values(json!({ "Gemeindeschlüssel": ags, "Name": name })),
        )
        .await?;
    Ok(see_other(&format!("/verzeichnis/{}", &ags[..2])))
}
