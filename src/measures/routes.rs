use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum_extra::extract::{Form, Query, QueryRejection};
use serde::Deserialize;

use super::db::practice::{self, Practice};
use super::db::{self, Measure, NetworkOptions};
use super::forms::MeasureForm;
use crate::audit::{self, HistoryLine};
use crate::error::{AppError, AppResult};
use crate::format;
use crate::networks::{Need, NetworkContext};
use crate::state::AppState;
use crate::states::MeasureStatus;
use crate::vocab::{
    FINANZIERUNG, HANDLUNGSFELDER, LEBENSPHASEN, Term, ZIEL_EBENEN, ZIELGRUPPEN, ZUGAENGE,
};
use crate::web::Ctx;
use crate::web::Notice;
use crate::web::confirm::{ConfirmDeletePage, DeleteForm};
use crate::web::csv::csv_response;
use crate::web::edit::{self, Change, Edit};
use crate::web::filters;
use crate::web::form::OnConstraint;
use crate::web::form::{FieldErrors, version};
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerke/{id}/massnahmen", get(super::list::list))
        .route("/netzwerke/{id}/massnahmen.csv", get(export))
        .route("/netzwerke/{id}/massnahmen/neu", get(new_form).post(create))
        .route(
            "/netzwerke/{id}/massnahmen/import",
            get(super::import::form)
                .post(super::import::preview)
                .layer(DefaultBodyLimit::max(super::import::MAX_BODY_BYTES)),
        )
        .route(
            "/netzwerke/{id}/massnahmen/import/bestaetigen",
            axum::routing::post(super::import::confirm),
        )
        .route("/netzwerke/{id}/massnahmen/{mid}", get(detail))
        .route("/wissen/eintrag/{slug}/uebernehmen", get(choose_network))
        .route(
            "/netzwerke/{id}/massnahmen/{mid}/bearbeiten",
            get(edit_form).post(update),
        )
        .route(
            "/netzwerke/{id}/massnahmen/{mid}/loeschen",
            get(confirm_delete).post(delete),
        )
}

#[derive(Template, WebTemplate)]
#[template(path = "measures/detail.html")]
struct DetailPage {
    layout: Layout,
    network: NetworkContext,
    measure: Measure,
    history: Vec<HistoryLine>,
    notice: Option<&'static str>,
    /// The good-practice entry it was taken over from: (slug, title).
    practice: Option<(String, String)>,
}

impl DetailPage {
    /// Multi-line text, line by line (shown with line breaks).
    fn lines<'a>(&self, text: &'a str) -> Vec<&'a str> {
        text.lines().collect()
    }

    fn period(&self) -> String {
        let f = &self.measure.fields;
        match (f.start_date, f.end_date) {
            (None, None) => "keine Angabe".into(),
            (Some(start), None) => format!("seit {}", format::date(start)),
            (None, Some(end)) => format!("bis {}", format::date(end)),
            (Some(start), Some(end)) => {
                format!("{} bis {}", format::date(start), format::date(end))
            }
        }
    }
}

async fn detail(
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    notice: Notice,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let pool = &ctx.state.pool;
    // The change history is written in the transaction of the change, which moves the
    // network's revision: kept with the measure.
    let kept = network
        .kept(&ctx.state.computed, "measure", Some(mid), || async move {
            let measure = db::find(pool, id, mid).await?.ok_or(AppError::NotFound)?;
            let history = audit::history(pool, "measure", &mid.to_string()).await?;
            let practice = practice::of_measure(pool, id, mid).await?;
            Ok((measure, history, practice))
        })
        .await?;
    let (measure, history, practice) = (*kept).clone();
    let notice = match notice.code() {
        "gespeichert" => Some("Die Änderungen wurden gespeichert."),
        "angelegt" => Some("Die Maßnahme wurde angelegt."),
        _ => None,
    };
    Ok(DetailPage {
        layout: ctx.layout,
        history,
        practice,
        network,
        measure,
        notice,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "measures/form.html")]
struct FormPage {
    layout: Layout,
    network: NetworkContext,
    /// `None` while creating.
    measure_id: Option<i64>,
    form: MeasureForm,
    errors: FieldErrors,
    options: NetworkOptions,
    conflict: Option<Measure>,
    history: Vec<HistoryLine>,
    handlungsfelder: &'static [Term],
    lebensphasen: &'static [Term],
    zielgruppen: &'static [Term],
    zugaenge: &'static [Term],
    finanzierung: &'static [Term],
    statuses: &'static [Term],
    /// The good-practice entry a new measure is prefilled from.
    practice: Option<Practice>,
}

crate::web::edit::edit_page!(FormPage, Measure);

impl FormPage {
    fn new(
        layout: Layout,
        network: NetworkContext,
        measure_id: Option<i64>,
        form: MeasureForm,
        options: NetworkOptions,
    ) -> Self {
        Self {
            layout,
            network,
            measure_id,
            form,
            errors: FieldErrors::default(),
            options,
            conflict: None,
            history: Vec::new(),
            handlungsfelder: HANDLUNGSFELDER,
            lebensphasen: LEBENSPHASEN,
            zielgruppen: ZIELGRUPPEN,
            zugaenge: ZUGAENGE,
            finanzierung: FINANZIERUNG,
            statuses: MeasureStatus::TERMS,
            practice: None,
        }
    }

    fn action(&self) -> String {
        match self.measure_id {
            Some(mid) => format!("{}/massnahmen/{mid}/bearbeiten", self.network.href()),
            None => format!("{}/massnahmen/neu", self.network.href()),
        }
    }

    fn cancel(&self) -> String {
        match self.measure_id {
            Some(mid) => format!("{}/massnahmen/{mid}", self.network.href()),
            None => format!("{}/massnahmen", self.network.href()),
        }
    }

    fn goal_checked(&self, id: &i64) -> bool {
        let id = id.to_string();
        self.form.goal_ids.iter().any(|g| g.trim() == id)
    }
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct NewQuery {
    wissen: String,
}

/// The form for a new measure; with `?wissen=` prefilled from that good-practice entry, as a
/// planned measure the user checks and completes before saving.
async fn new_form(
    ctx: Ctx,
    Path(id): Path<i64>,
    query: Result<Query<NewQuery>, QueryRejection>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let options = db::options(&ctx.state.pool, id).await?;
    let slug = query.map(|q| q.0).unwrap_or_default().wissen;
    let practice = if slug.is_empty() {
        None
    } else {
        Some(
            practice::find(&ctx.state.pool, &slug)
                .await?
                .ok_or(AppError::NotFound)?,
        )
    };
    let form = match &practice {
        Some(p) => MeasureForm {
            title: p.title.chars().take(200).collect(),
            description: format!(
                "{}\n\nÜbernommen aus dem Praxisbeispiel „{}“ der Wissensplattform.",
                p.summary, p.title
            )
            .trim_start()
            .to_owned(),
            handlungsfelder: p.handlungsfelder.clone(),
            status: MeasureStatus::Planned.code().into(),
            wissen: p.slug.clone(),
            ..Default::default()
        },
        None => MeasureForm {
            status: MeasureStatus::Planned.code().into(),
            ..Default::default()
        },
    };
    let mut page = FormPage::new(ctx.layout, network, None, form, options);
    page.practice = practice;
    Ok(page.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "measures/choose_network.html")]
struct ChooseNetworkPage {
    layout: Layout,
    practice: Practice,
    networks: Vec<(i64, String)>,
}

/// "In mein Netzwerk übernehmen": straight to the prefilled form of the coordinator's network,
/// or a choice when the municipality has several.
async fn choose_network(ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let actor = ctx.user.actor();
    crate::policy::authorize(&actor, crate::policy::Action::AdoptPractice)?;
    let practice = practice::find(&ctx.state.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let ags = ctx.user.kommune_ags.clone().unwrap_or_default();
    let networks = practice::networks_of(&ctx.state.pool, &ags).await?;
    if let [(id, _)] = networks.as_slice() {
        return Ok(see_other(&crate::web::with_query(
            &format!("/netzwerke/{id}/massnahmen/neu"),
            &[("wissen", &practice.slug)],
        )));
    }
    Ok(ChooseNetworkPage {
        layout: ctx.layout,
        practice,
        networks,
    }
    .into_response())
}

async fn create(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<MeasureForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let options = db::options(&ctx.state.pool, id).await?;
    let errors = match form.validate(&options) {
        Ok(fields) => {
            let mut change = Change::begin(&ctx).await?;
            match db::insert(change.tx(), id, &fields)
                .await
                .on_constraint(db::CHOSEN_REFERENCES, VANISHED)?
            {
                Ok(mid) => {
                    let slug = form.wissen.trim();
                    // Unpublished meanwhile: the measure stays, without the link.
                    if !slug.is_empty() {
                        practice::link(change.tx(), id, mid, slug).await?;
                    }
                    change.inserted::<Measure>((id, mid)).await?;
                    return Ok(see_other(&format!(
                        "{}/massnahmen/{mid}?hinweis=angelegt",
                        network.href()
                    )));
                }
                Err(errors) => errors,
            }
        }
        Err(errors) => errors,
    };
    let mut page = FormPage::new(ctx.layout, network, None, form, options);
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// A Sozialraum, partner or goal removed by someone else while the form was open: a message
/// at the field instead of an error page.
const VANISHED: &str = "Die Auswahl gibt es inzwischen nicht mehr. Bitte wählen Sie erneut.";

async fn edit_form(ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Measure>::load(&ctx, (id, mid)).await?;
    let options = db::options(&ctx.state.pool, id).await?;
    let form = MeasureForm::from_measure(&edit.before);
    edit.show(FormPage::new(
        ctx.layout.clone(),
        network,
        Some(mid),
        form,
        options,
    ))
    .await
}

async fn update(
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    Form(form): Form<MeasureForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Measure>::load(&ctx, (id, mid)).await?;
    let options = db::options(&ctx.state.pool, id).await?;
    let valid = form.validate(&options);
    let done = format!("{}/massnahmen/{mid}?hinweis=gespeichert", network.href());
    let page = |form| FormPage::new(ctx.layout.clone(), network, Some(mid), form, options);
    let fields = match valid {
        Ok(fields) => fields,
        Err(errors) => return edit.rejected(page(form), errors).await,
    };
    let mut change = Change::begin(&ctx).await?;
    let written = db::update(change.tx(), id, mid, version(&form.version), &fields)
        .await
        .on_constraint(db::CHOSEN_REFERENCES, VANISHED)?;
    let page = page(form);
    edit.saved(change, written, page, &done).await
}

async fn confirm_delete(ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let stored = edit::stored::<Measure>(&ctx, (id, mid)).await?;
    let mut consequences = match stored.goals.len() {
        0 => Vec::new(),
        1 => vec!["Die Verknüpfung mit 1 Ziel wird entfernt; das Ziel bleibt bestehen.".into()],
        n => vec![format!(
            "Die Verknüpfungen mit {n} Zielen werden entfernt; die Ziele bleiben bestehen."
        )],
    };
    consequences.push(
        "Das lässt sich nicht rückgängig machen. Der Verlauf bleibt im Änderungsprotokoll.".into(),
    );
    Ok(ConfirmDeletePage {
        layout: ctx.layout,
        what: format!("die Maßnahme „{}“", stored.fields.title),
        consequences,
        action: format!("{}/massnahmen/{mid}/loeschen", network.href()),
        cancel: format!("{}/massnahmen/{mid}", network.href()),
        version: stored.version,
    }
    .into_response())
}

async fn delete(
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    axum::Form(form): axum::Form<DeleteForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    edit::delete::<Measure>(&ctx, (id, mid), version(&form.version)).await?;
    Ok(see_other(&format!(
        "{}/massnahmen?hinweis=geloescht",
        network.href()
    )))
}

async fn export(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let measures = db::all(&ctx.state.pool, id).await?;
    let name = super::csv::file_name(&network.name, time::OffsetDateTime::now_utc().date());
    csv_response(&name, super::csv::export(&measures)?)
}
