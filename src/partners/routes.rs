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
use crate::audit::{self, HistoryLine};
use crate::error::{AppError, AppResult};
use crate::networks::{Need, NetworkContext};
use crate::state::AppState;
use crate::vocab::{NETZWERK_ROLLEN, PARTNER_ARTEN, RESSORTS, Term};
use crate::web::Ctx;
use crate::web::confirm::{ConfirmDeletePage, DeleteForm};
use crate::web::edit::{Change, Record};
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

const DUPLICATE: &str = "Einen Partner mit diesem Namen gibt es in diesem Netzwerk schon.";

async fn new_form(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let form = PartnerForm {
        network_role: "partner".into(),
        ..Default::default()
    };
    Ok(FormPage::new(ctx.layout, network, None, form).into_response())
}

fn built(id: i64, version: i32, fields: PartnerFields, measures: i64) -> Partner {
    Partner {
        id,
        name: fields.name,
        kind: fields.kind,
        ressort: fields.ressort,
        network_role: fields.network_role,
        contact: fields.contact,
        version,
        measures,
    }
}

async fn create(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PartnerForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let mut errors = match form.validate() {
        Ok(fields) => {
            if db::name_taken(&ctx.state.pool, id, &fields.name, None).await? {
                let mut errors = FieldErrors::default();
                errors.add("name", DUPLICATE);
                errors
            } else {
                let mut change = Change::begin(&ctx).await?;
                match db::insert(change.tx(), id, &fields)
                    .await
                    .on_constraint(db::NAME_TAKEN, DUPLICATE)?
                {
                    Ok(pid) => {
                        let created = built(pid, 1, fields, 0);
                        change
                            .created(Record::new("partner", pid), created.audit_values())
                            .await?;
                        return Ok(see_other(&format!(
                            "{}/partner?hinweis=angelegt",
                            network.href()
                        )));
                    }
                    Err(errors) => errors,
                }
            }
        }
        Err(errors) => errors,
    };
    let mut page = FormPage::new(ctx.layout, network, None, form);
    std::mem::swap(&mut page.errors, &mut errors);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn edit_form(ctx: Ctx, Path((id, pid)): Path<(i64, i64)>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let stored = db::find(&ctx.state.pool, id, pid)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut page = FormPage::new(
        ctx.layout,
        network,
        Some(pid),
        PartnerForm::from_partner(&stored),
    );
    page.history = audit::history(&ctx.state.pool, "partner", &pid.to_string()).await?;
    Ok(page.into_response())
}

async fn update(
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(form): Form<PartnerForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let before = db::find(&ctx.state.pool, id, pid)
        .await?
        .ok_or(AppError::NotFound)?;
    let rejected = |errors: FieldErrors, form: PartnerForm, history: Vec<HistoryLine>| {
        let mut page = FormPage::new(ctx.layout.clone(), network.clone(), Some(pid), form);
        page.errors = errors;
        page.history = history;
        Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => {
            let history = audit::history(&ctx.state.pool, "partner", &pid.to_string()).await?;
            return rejected(errors, form, history);
        }
    };
    if db::name_taken(&ctx.state.pool, id, &fields.name, Some(pid)).await? {
        let mut errors = FieldErrors::default();
        errors.add("name", DUPLICATE);
        let history = audit::history(&ctx.state.pool, "partner", &pid.to_string()).await?;
        return rejected(errors, form, history);
    }
    let mut change = Change::begin(&ctx).await?;
    let updated = match db::update(change.tx(), id, pid, version(&form.version), &fields)
        .await
        .on_constraint(db::NAME_TAKEN, DUPLICATE)?
    {
        Ok(updated) => updated,
        Err(errors) => {
            drop(change);
            let history = audit::history(&ctx.state.pool, "partner", &pid.to_string()).await?;
            return rejected(errors, form, history);
        }
    };
    if !updated {
        drop(change);
        // Saving again after reviewing the other person's values is a deliberate overwrite.
        let mut form = form;
        form.version = before.version.to_string();
        let mut page = FormPage::new(ctx.layout.clone(), network, Some(pid), form);
        page.history = audit::history(&ctx.state.pool, "partner", &pid.to_string()).await?;
        page.conflict = Some(before);
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    let after = built(pid, before.version + 1, fields, before.measures);
    change
        .updated(
            Record::new("partner", pid),
            before.audit_values(),
            after.audit_values(),
        )
        .await?;
    Ok(see_other(&format!(
        "{}/partner?hinweis=gespeichert",
        network.href()
    )))
}

async fn confirm_delete(ctx: Ctx, Path((id, pid)): Path<(i64, i64)>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let stored = db::find(&ctx.state.pool, id, pid)
        .await?
        .ok_or(AppError::NotFound)?;
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
    let before = db::find(&ctx.state.pool, id, pid)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut change = Change::begin(&ctx).await?;
    if !db::delete(change.conn(), id, pid, version(&form.version)).await? {
        return Err(AppError::stale_delete("Der Partner"));
    }
    change
        .deleted(Record::new("partner", pid), before.audit_values())
        .await?;
    Ok(see_other(&format!(
        "{}/partner?hinweis=geloescht",
        network.href()
    )))
}
