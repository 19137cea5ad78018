use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use axum_extra::extract::{Query, QueryRejection};

use super::db::{self, Network, NetworkFilter, NetworkSummary};
use super::forms::NetworkForm;
use super::{Need, NetworkContext};
use crate::audit::{Event, HistoryLine};
use crate::directory::{self, LandRecord};
use crate::error::violated_constraint;
use crate::error::{AppError, AppResult};
use crate::identity::SessionUser;
use crate::policy::{Action, Scope, Territory, allows, authorize};
use crate::state::AppState;
use crate::vocab::{Term, VERANKERUNGEN};
use crate::web::Ctx;
use crate::web::confirm::{ConfirmDeletePage, DeleteForm};
use crate::web::edit::{Change, Edit};
use crate::web::filters;
use crate::web::form::{FieldErrors, plain, version};
use crate::web::paging::Paging;
use crate::web::{Layout, see_other, with_query};
use serde::{Deserialize, Serialize};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerke", get(list))
        .route("/netzwerke/neu", get(new_form).post(create))
        .route("/netzwerke/{id}/bearbeiten", get(edit_form).post(update))
        .route("/netzwerke/{id}/loeschen", get(confirm_delete).post(delete))
}

#[derive(Template, WebTemplate)]
#[template(path = "networks/list.html")]
struct ListPage {
    layout: Layout,
    networks: Vec<NetworkSummary>,
    paging: Paging,
    query: ListQuery,
    /// The Länder to choose from, for those who see more than one.
    laender: Option<&'static [LandRecord]>,
    can_create: bool,
}

/// The list's filters as typed; an unknown Land means all Länder.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
struct ListQuery {
    #[serde(skip_serializing_if = "String::is_empty")]
    q: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    land: String,
    #[serde(skip_serializing)]
    seite: String,
}

/// Networks come 50 to a page: a Land has hundreds, the country thousands.
const PAGE_SIZE: i64 = 50;

/// A malformed query string (say, a `q` given twice) shows the unfiltered list.
async fn list(ctx: Ctx, query: Result<Query<ListQuery>, QueryRejection>) -> AppResult<Response> {
    let query = query.map(|q| q.0).unwrap_or_default();
    let nationwide = ctx.user.actor().scope == Scope::Nationwide;
    let land_code = directory::laender()
        .iter()
        .find(|l| nationwide && l.code == query.land)
        .map(|l| l.code.clone());
    let filter = NetworkFilter {
        text: query.q.clone(),
        land_code,
    };
    let visible = db::Visible::of(&ctx.state.pool, &ctx.state.computed, &ctx.user, &filter).await?;
    let paging = Paging::new(
        &query.seite,
        visible.total(&ctx.state.pool).await?,
        PAGE_SIZE,
        with_query("/netzwerke", &query),
    );
    Ok(ListPage {
        networks: visible
            .page(&ctx.state.pool, paging.limit(), paging.offset())
            .await?,
        paging,
        query,
        laender: nationwide.then(directory::laender),
        can_create: allows(&ctx.user.actor(), Action::CreateNetwork),
        layout: ctx.layout,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "networks/form.html")]
struct FormPage {
    layout: Layout,
    /// `None` while creating.
    network: Option<NetworkContext>,
    form: NetworkForm,
    errors: FieldErrors,
    anchorings: &'static [Term],
    /// Admins create networks for any municipality and name it.
    ask_for_kommune: bool,
    conflict: Option<Network>,
    history: Vec<HistoryLine>,
}

crate::web::edit::edit_page!(FormPage, Network);

impl FormPage {
    fn new(
        layout: Layout,
        user: &SessionUser,
        network: Option<NetworkContext>,
        form: NetworkForm,
    ) -> Self {
        Self {
            layout,
            ask_for_kommune: network.is_none() && user.actor().scope == Scope::Nationwide,
            network,
            form,
            errors: FieldErrors::default(),
            anchorings: VERANKERUNGEN,
            conflict: None,
            history: Vec::new(),
        }
    }
}

/// The municipality a new network belongs to: one's own, or (admin) the one named in the form.
async fn territory_for_new(
    state: &AppState,
    user: &SessionUser,
    form: &NetworkForm,
) -> AppResult<Result<(String, String), FieldErrors>> {
    let ags = match user.actor().scope {
        Scope::Kommune { ags, .. } => ags,
        Scope::Land { .. } => return Err(AppError::Forbidden),
        Scope::Nationwide => {
            let mut errors = FieldErrors::default();
            match plain(&mut errors, "kommune_ags", &form.kommune_ags) {
                Some(ags) => ags.to_owned(),
                None => return Ok(Err(errors)),
            }
        }
    };
    let land = sqlx::query_scalar!(
        r#"SELECT land_code::text AS "land!" FROM kommunen WHERE ags = $1"#,
        ags
    )
    .fetch_optional(&state.pool)
    .await?;
    let Some(land) = land else {
        let mut errors = FieldErrors::default();
        errors.add(
            "kommune_ags",
            "Zu diesem Gemeindeschlüssel gibt es keine Kommune im Verzeichnis.",
        );
        return Ok(Err(errors));
    };
    authorize(
        &user.actor(),
        Action::EditMunicipality(Territory {
            ags: &ags,
            land_code: &land,
        }),
    )?;
    Ok(Ok((ags, land)))
}

async fn new_form(ctx: Ctx) -> AppResult<Response> {
    authorize(&ctx.user.actor(), Action::CreateNetwork)?;
    Ok(FormPage::new(ctx.layout, &ctx.user, None, NetworkForm::default()).into_response())
}

async fn create(ctx: Ctx, Form(form): Form<NetworkForm>) -> AppResult<Response> {
    authorize(&ctx.user.actor(), Action::CreateNetwork)?;
    let territory = territory_for_new(&ctx.state, &ctx.user, &form).await?;
    let (fields, (ags, _)) = match (form.validate(), territory) {
        (Ok(fields), Ok(territory)) => (fields, territory),
        (fields, territory) => {
            let mut page = FormPage::new(ctx.layout, &ctx.user, None, form);
            page.errors = merge(fields.err(), territory.err());
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut change = Change::begin(&ctx).await?;
    let id = db::insert(change.tx(), &ags, &fields).await?;
    let created = db::find(change.conn(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    change
        .finish(Event::new("netzwerk_angelegt", "network", id).new_values(created.audit_values()))
        .await?;
    Ok(see_other(&format!("/netzwerke/{id}?hinweis=angelegt")))
}

fn merge(a: Option<FieldErrors>, b: Option<FieldErrors>) -> FieldErrors {
    let mut merged = a.unwrap_or_default();
    for error in b.into_iter().flat_map(|e| e.into_iter()) {
        merged.add(error.field, error.message);
    }
    merged
}

async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Network>::load(&ctx, id).await?;
    let form = NetworkForm::from_network(&edit.before);
    edit.show(FormPage::new(
        ctx.layout.clone(),
        &ctx.user,
        Some(network),
        form,
    ))
    .await
}

async fn update(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<NetworkForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Network>::load(&ctx, id).await?;
    let page = |form| FormPage::new(ctx.layout.clone(), &ctx.user, Some(network), form);
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => return edit.rejected(page(form), errors).await,
    };
    let mut change = Change::begin(&ctx).await?;
    let written = db::update(change.tx(), id, version(&form.version), &fields).await?;
    let page = page(form);
    let done = format!("/netzwerke/{id}?hinweis=gespeichert");
    edit.saved(change, Ok(written), page, &done).await
}

async fn confirm_delete(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let stored = db::find(&ctx.state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let counts = sqlx::query!(
        r#"SELECT (SELECT count(*) FROM partners WHERE network_id = $1) AS "partners!",
                  (SELECT count(*) FROM measures WHERE network_id = $1) AS "measures!",
                  (SELECT count(*) FROM goals WHERE network_id = $1) AS "goals!",
                  (SELECT count(*) FROM indicators WHERE network_id = $1) AS "indicators!""#,
        id
    )
    .fetch_one(&ctx.state.pool)
    .await?;
    Ok(ConfirmDeletePage {
        layout: ctx.layout,
        what: format!("das Netzwerk „{}“", network.name),
        consequences: vec![
            format!("{} Partner, {} Maßnahmen, {} Ziele mit ihren Meilensteinen und {} Kennzahlen mit allen Messwerten werden mitgelöscht.", counts.partners, counts.measures, counts.goals, counts.indicators),
            "Das lässt sich nicht rückgängig machen. Exportieren Sie die Daten vorher als CSV, wenn Sie sie aufbewahren möchten.".into(),
        ],
        action: format!("/netzwerke/{id}/loeschen"),
        cancel: format!("/netzwerke/{id}"),
        version: stored.version,
    }.into_response())
}

async fn delete(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let before = db::find(&ctx.state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut change = Change::begin(&ctx).await?;
    let deleted = match db::delete(change.conn(), id, version(&form.version)).await {
        // Fundings and their reports are the Land's records and outlive nothing by accident.
        Err(e) if violated_constraint(&e) == Some("fundings_network_id_fkey") => {
            return Err(AppError::BadRequest(
                "Das Netzwerk wird aus einem Landesprogramm gefördert. Förderungen und Berichte bleiben erhalten; deshalb kann das Netzwerk nicht gelöscht werden.".into(),
            ));
        }
        other => other?,
    };
    if !deleted {
        return Err(AppError::stale_delete("Das Netzwerk"));
    }
    change
        .finish(Event::new("netzwerk_geloescht", "network", id).old(before.audit_values()))
        .await?;
    Ok(see_other("/netzwerke"))
}
