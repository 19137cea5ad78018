use askama::Template;
use askama_web::WebTemplate;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use super::db::{self, Partner, PartnerFields, PartnerOrder};
use super::forms::PartnerForm;
use crate::audit::HistoryLine;
use crate::error::AppResult;
use crate::networks::{Need, NetworkContext};
use crate::state::AppState;
use crate::vocab::{NETZWERK_ROLLEN, PARTNER_ARTEN, RESSORTS, Term};
use crate::web::Ctx;
use crate::web::confirm::{ConfirmDeletePage, DeleteForm};
use crate::web::edit::{self, Change, Edit};
use crate::web::filters;
use crate::web::form::OnConstraint;
use crate::web::form::{FieldErrors, version};
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerke/{id}/partner", get(list))
        .route("/netzwerke/{id}/partner/neu", get(new_form).post(create))
        .route(
            "/netzwerke/{id}/partner/{pid}/bearbeiten",
            get(edit_form).post(update),
        )
        .route(
            "/netzwerke/{id}/partner/{pid}/loeschen",
            get(confirm_delete).post(delete),
        )
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    sortierung: String,
    hinweis: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "partners/list.html")]
struct ListPage {
    layout: Layout,
    network: NetworkContext,
    partners: Vec<Partner>,
    order: PartnerOrder,
    notice: Option<&'static str>,
}

impl ListPage {
    /// The column headers that sort the list: (order code, label).
    fn columns(&self) -> [(PartnerOrder, &'static str); 4] {
        [
            (PartnerOrder::Name, "Name"),
            (PartnerOrder::Kind, "Art"),
            (PartnerOrder::Ressort, "Ressort"),
            (PartnerOrder::Role, "Rolle im Netzwerk"),
        ]
    }
}

async fn list(
    ctx: Ctx,
    Path(id): Path<i64>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let query = query.map(|q| q.0).unwrap_or_default();
    let order = PartnerOrder::parse(&query.sortierung);
    let notice = match query.hinweis.as_str() {
        "angelegt" => Some("Der Partner wurde angelegt."),
        "gespeichert" => Some("Die Änderungen wurden gespeichert."),
        "geloescht" => Some("Der Partner wurde gelöscht."),
        _ => None,
    };
    Ok(ListPage {
        layout: ctx.layout,
        partners: db::list(&ctx.state.pool, id, order).await?,
        network,
        order,
        notice,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "partners/form.html")]
struct FormPage {
    layout: Layout,
    network: NetworkContext,
    /// `None` while creating.
    partner_id: Option<i64>,
    form: PartnerForm,
    errors: FieldErrors,
    kinds: &'static [Term],
    ressorts: &'static [Term],
    roles: &'static [Term],
    conflict: Option<Partner>,
    history: Vec<HistoryLine>,
}

impl FormPage {
    fn new(
        layout: Layout,
        network: NetworkContext,
        partner_id: Option<i64>,
        form: PartnerForm,
    ) -> Self {
        Self {
            layout,
            network,
            partner_id,
            form,
            errors: FieldErrors::default(),
            kinds: PARTNER_ARTEN,
            ressorts: RESSORTS,
            roles: NETZWERK_ROLLEN,
            conflict: None,
            history: Vec::new(),
        }
    }

    fn action(&self) -> String {
        match self.partner_id {
            Some(pid) => format!("{}/partner/{pid}/bearbeiten", self.network.href()),
            None => format!("{}/partner/neu", self.network.href()),
        }
    }
}

crate::web::edit::edit_page!(FormPage, Partner);

const DUPLICATE: &str = "Einen Partner mit diesem Namen gibt es in diesem Netzwerk schon.";

async fn new_form(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let form = PartnerForm {
        network_role: "partner".into(),
        ..Default::default()
    };
    Ok(FormPage::new(ctx.layout, network, None, form).into_response())
}

/// The form's fields if they are valid and no other partner of the network has the name.
async fn checked(
    ctx: &Ctx,
    network_id: i64,
    partner_id: Option<i64>,
    form: &PartnerForm,
) -> AppResult<Result<PartnerFields, FieldErrors>> {
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => return Ok(Err(errors)),
    };
    if db::name_taken(&ctx.state.pool, network_id, &fields.name, partner_id).await? {
        let mut errors = FieldErrors::default();
        errors.add("name", DUPLICATE);
        return Ok(Err(errors));
    }
    Ok(Ok(fields))
}

async fn create(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PartnerForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let errors = match checked(&ctx, id, None, &form).await? {
        Ok(fields) => {
            let mut change = Change::begin(&ctx).await?;
            match db::insert(change.tx(), id, &fields)
                .await
                .on_constraint(db::NAME_TAKEN, DUPLICATE)?
            {
                Ok(pid) => {
                    change.inserted::<Partner>((id, pid)).await?;
                    return Ok(see_other(&format!(
                        "{}/partner?hinweis=angelegt",
                        network.href()
                    )));
                }
                Err(errors) => errors,
            }
        }
        Err(errors) => errors,
    };
    let mut page = FormPage::new(ctx.layout, network, None, form);
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn edit_form(ctx: Ctx, Path((id, pid)): Path<(i64, i64)>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Partner>::load(&ctx, (id, pid)).await?;
    let form = PartnerForm::from_partner(&edit.before);
    edit.show(FormPage::new(ctx.layout.clone(), network, Some(pid), form))
        .await
}

async fn update(
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(form): Form<PartnerForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Partner>::load(&ctx, (id, pid)).await?;
    let page = |form| FormPage::new(ctx.layout.clone(), network.clone(), Some(pid), form);
    let fields = match checked(&ctx, id, Some(pid), &form).await? {
        Ok(fields) => fields,
        Err(errors) => return edit.rejected(page(form), errors).await,
    };
    let mut change = Change::begin(&ctx).await?;
    let written = db::update(change.tx(), id, pid, version(&form.version), &fields)
        .await
        .on_constraint(db::NAME_TAKEN, DUPLICATE)?;
    let done = format!("{}/partner?hinweis=gespeichert", network.href());
    edit.saved(change, written, page(form), &done).await
}

async fn confirm_delete(ctx: Ctx, Path((id, pid)): Path<(i64, i64)>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let stored = edit::stored::<Partner>(&ctx, (id, pid)).await?;
    let consequences = match stored.measures {
        0 => vec!["Der Partner ist für keine Maßnahme verantwortlich.".to_owned()],
        1 => vec![
            "Der Partner ist für 1 Maßnahme verantwortlich. Sie bleibt bestehen, hat danach \
             aber keinen verantwortlichen Partner mehr."
                .to_owned(),
        ],
        n => vec![format!(
            "Der Partner ist für {n} Maßnahmen verantwortlich. Sie bleiben bestehen, haben \
             danach aber keinen verantwortlichen Partner mehr."
        )],
    };
    Ok(ConfirmDeletePage {
        layout: ctx.layout,
        what: format!("den Partner „{}“", stored.name),
        consequences,
        action: format!("{}/partner/{pid}/loeschen", network.href()),
        cancel: format!("{}/partner/{pid}/bearbeiten", network.href()),
        version: stored.version,
    }
    .into_response())
}

async fn delete(
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    edit::delete::<Partner>(&ctx, (id, pid), version(&form.version)).await?;
    Ok(see_other(&format!(
        "{}/partner?hinweis=geloescht",
        network.href()
    )))
}
