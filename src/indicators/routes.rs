use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::db::{self, Indicator, Measurement, NotAdded};
use super::forms::{IndicatorForm, RICHTUNGEN, ValueForm};
use super::{IndicatorSummary, detail_chart, small_multiples};
use crate::audit::HistoryLine;
use crate::error::{AppError, AppResult};
use crate::format;
use crate::networks::{Need, NetworkContext};
use crate::state::AppState;
use crate::vocab::{EINHEITEN, Term};
use crate::web::Ctx;
use crate::web::Notice;
use crate::web::confirm::{ConfirmDeletePage, DeleteForm};
use crate::web::csv::{Cell, Sheet, csv_response, number};
use crate::web::edit::{self, Change, Deletable, Edit, Record};
use crate::web::filters;
use crate::web::form::{FieldErrors, version};
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerke/{id}/kennzahlen", get(list))
        .route("/netzwerke/{id}/kennzahlen.csv", get(csv))
        .route("/netzwerke/{id}/kennzahlen/neu", get(new_form).post(create))
        .route("/netzwerke/{id}/kennzahlen/aus-katalog", post(adopt))
        .route("/netzwerke/{id}/kennzahlen/{kid}", get(detail))
        .route("/netzwerke/{id}/kennzahlen/{kid}/werte", post(add_value))
        .route(
            "/netzwerke/{id}/kennzahlen/{kid}/bearbeiten",
            get(edit_form).post(update),
        )
        .route(
            "/netzwerke/{id}/kennzahlen/{kid}/loeschen",
            get(confirm_delete).post(delete),
        )
        .route(
            "/netzwerke/{id}/kennzahlen/{kid}/werte/{vid}/loeschen",
            get(confirm_delete_value).post(delete_value),
        )
}

fn detail_href(network_id: i64, indicator_id: i64) -> String {
    format!("/netzwerke/{network_id}/kennzahlen/{indicator_id}")
}

// ---------------------------------------------------------------------------------------------
// List and export

#[derive(Template, WebTemplate)]
#[template(path = "indicators/list.html")]
struct ListPage {
    layout: Layout,
    network: NetworkContext,
    notice: Option<&'static str>,
    indicators: Vec<IndicatorSummary>,
    /// Catalog indicators the network may still adopt: (key, name).
    catalog: Vec<(String, String)>,
}

async fn list(ctx: Ctx, Path(id): Path<i64>, notice: Notice) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let catalog = if network.can_edit {
        db::catalog_options(&ctx.state.pool, id).await?
    } else {
        Vec::new()
    };
    Ok(ListPage {
        layout: ctx.layout,
        notice: message(&notice),
        indicators: small_multiples(&ctx.state.pool, id).await?,
        network,
        catalog,
    }
    .into_response())
}

#[derive(serde::Deserialize)]
struct AdoptForm {
    #[serde(default)]
    katalog: String,
}

/// Adopts a catalog indicator for the network and opens it.
async fn adopt(ctx: Ctx, Path(id): Path<i64>, Form(form): Form<AdoptForm>) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let mut change = Change::begin(&ctx).await?;
    let Some(indicator_id) = db::adopt(change.tx(), id, form.katalog.trim()).await? else {
        return Err(AppError::BadRequest(
            "Diese Kennzahl gibt es im Katalog nicht (mehr), oder Ihr Netzwerk hat sie schon übernommen. Bitte wählen Sie auf der Seite „Kennzahlen“ erneut."
                .into(),
        ));
    };
    change.inserted::<Indicator>((id, indicator_id)).await?;
    Ok(see_other(&detail_href(id, indicator_id)))
}

async fn csv(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let indicators = db::all(&ctx.state.pool, id).await?;
    let values = db::all_values(&ctx.state.pool, id).await?;
    csv_response(
        &format!("kennzahlen-netzwerk-{id}.csv"),
        indicators_csv(&indicators, &values)?,
    )
}

/// One row per value; an indicator without values gets one row with empty value cells, so
/// that it is not missing from the export.
fn indicators_csv(indicators: &[Indicator], values: &[Measurement]) -> csv::Result<Vec<u8>> {
    let mut sheet = Sheet::new(&[
        "Kennzahl",
        "Einheit",
        "Stichtag",
        "Wert",
        "Bemerkung",
        "Erfasst von",
        "Ausgangswert",
        "Ausgangswert vom",
        "Zielwert",
        "Zielwert bis",
    ])?;
    let number_cell = |v: Option<f64>| Cell::Number(v.map(|v| number(v, 6)).unwrap_or_default());
    let date_cell = |d: Option<time::Date>| Cell::Number(d.map(format::date).unwrap_or_default());
    for indicator in indicators {
        let own: Vec<&Measurement> = values
            .iter()
            .filter(|v| v.indicator_id == indicator.id)
            .collect();
        let rows: Vec<Option<&Measurement>> = if own.is_empty() {
            vec![None]
        } else {
            own.into_iter().map(Some).collect()
        };
        for value in rows {
            sheet.row(&[
                Cell::Text(indicator.name.clone()),
                Cell::Text(indicator.unit_text()),
                date_cell(value.map(|v| v.period_date)),
                number_cell(value.map(|v| v.value)),
                Cell::Text(value.map(|v| v.note.clone()).unwrap_or_default()),
                Cell::Text(
                    value
                        .map(|v| v.entered_by_text().to_owned())
                        .unwrap_or_default(),
                ),
                number_cell(indicator.baseline_value),
                date_cell(indicator.baseline_date),
                number_cell(indicator.target_value),
                date_cell(indicator.target_date),
            ])?;
        }
    }
    sheet.finish()
}

// ---------------------------------------------------------------------------------------------
// Detail page with chart, values and the form for a new value

#[derive(Template, WebTemplate)]
#[template(path = "indicators/detail.html")]
struct DetailPage {
    layout: Layout,
    network: NetworkContext,
    indicator: Indicator,
    values: Vec<Measurement>,
    /// The SVG, escaped inside.
    chart: String,
    description: String,
    form: ValueForm,
    errors: FieldErrors,
    notice: Option<&'static str>,
}

/// The indicator with its values and their chart, as the detail page shows them.
#[derive(Clone)]
struct Shown {
    indicator: Indicator,
    values: Vec<Measurement>,
    chart: String,
    description: String,
}

impl Shown {
    fn of(indicator: Indicator, values: Vec<Measurement>) -> Self {
        let (chart, description) = detail_chart(&indicator, &values);
        Self {
            indicator,
            values,
            chart,
            description,
        }
    }
}

/// The message for what was just done (`?hinweis=`).
fn message(notice: &Notice) -> Option<&'static str> {
    match notice.code() {
        "angelegt" => Some("Die Kennzahl wurde angelegt."),
        "gespeichert" => Some("Die Änderungen wurden gespeichert."),
        "geloescht" => Some("Die Kennzahl wurde gelöscht."),
        "wert-erfasst" => Some("Der Messwert wurde erfasst."),
        "wert-geloescht" => Some("Der Messwert wurde gelöscht."),
        _ => None,
    }
}

impl DetailPage {
    async fn load(
        state: &AppState,
        layout: Layout,
        network: NetworkContext,
        indicator: Indicator,
        form: ValueForm,
    ) -> AppResult<Self> {
        let values = db::values_of(&state.pool, network.id, indicator.id).await?;
        Ok(Self::new(
            layout,
            network,
            Shown::of(indicator, values),
            form,
        ))
    }

    fn new(layout: Layout, network: NetworkContext, shown: Shown, form: ValueForm) -> Self {
        Self {
            layout,
            network,
            indicator: shown.indicator,
            values: shown.values,
            chart: shown.chart,
            description: shown.description,
            form,
            errors: FieldErrors::default(),
            notice: None,
        }
    }

    fn value_text(&self, value: &f64) -> String {
        self.indicator.value_text(*value)
    }
}

async fn detail(
    ctx: Ctx,
    Path((id, indicator_id)): Path<(i64, i64)>,
    notice: Notice,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let pool = &ctx.state.pool;
    let shown = network
        .kept(
            &ctx.state.computed,
            "indicator",
            Some(indicator_id),
            || async move {
                let indicator = db::find(pool, id, indicator_id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                let values = db::values_of(pool, id, indicator_id).await?;
                Ok(Shown::of(indicator, values))
            },
        )
        .await?;
    let mut page = DetailPage::new(ctx.layout, network, (*shown).clone(), ValueForm::default());
    page.notice = message(&notice);
    Ok(page.into_response())
}

async fn add_value(
    ctx: Ctx,
    Path((id, indicator_id)): Path<(i64, i64)>,
    Form(form): Form<ValueForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let indicator = db::find(&ctx.state.pool, id, indicator_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => {
            let mut page =
                DetailPage::load(&ctx.state, ctx.layout.clone(), network, indicator, form).await?;
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut change = Change::begin(&ctx).await?;
    let value_id = match db::insert_value(
        change.tx(),
        id,
        indicator_id,
        fields.period_date,
        fields.value,
        &fields.note,
        ctx.user.user_id,
    )
    .await?
    {
        Ok(value_id) => value_id,
        Err(NotAdded::NoIndicator) => return Err(AppError::NotFound),
        Err(NotAdded::Duplicate) => {
            drop(change);
            let mut page =
                DetailPage::load(&ctx.state, ctx.layout.clone(), network, indicator, form).await?;
            let existing = page
                .values
                .iter()
                .find(|v| v.period_date == fields.period_date)
                .map(|v| format!(" ({})", page.indicator.value_text(v.value)))
                .unwrap_or_default();
            page.errors.add(
                "period_date",
                format!(
                    "Für den Stichtag {} gibt es schon einen Messwert{existing}. Je Stichtag ist ein Wert möglich: Löschen Sie den vorhandenen Wert zuerst, wenn Sie ihn ersetzen möchten.",
                    format::date(fields.period_date)
                ),
            );
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    change.created(Record::new("indicator_value", value_id), serde_json::json!({ "Kennzahl": indicator.name, "Stichtag": format::date(fields.period_date), "Wert": indicator.value_text(fields.value), "Bemerkung": fields.note, })).await?;
    Ok(see_other(&format!(
        "{}?hinweis=wert-erfasst#messwerte",
        detail_href(id, indicator_id)
    )))
}

// ---------------------------------------------------------------------------------------------
// Creating and editing

#[derive(Template, WebTemplate)]
#[template(path = "indicators/form.html")]
struct FormPage {
    layout: Layout,
    network: NetworkContext,
    /// `None` while creating.
    indicator: Option<Indicator>,
    form: IndicatorForm,
    errors: FieldErrors,
    units: &'static [Term],
    directions: &'static [Term],
    /// The network's goals: (id, label), in tree order.
    goals: Vec<(String, String)>,
    conflict: Option<Indicator>,
    history: Vec<HistoryLine>,
}

crate::web::edit::edit_page!(FormPage, Indicator);

impl FormPage {
    fn new(
        layout: Layout,
        network: NetworkContext,
        indicator: Option<Indicator>,
        form: IndicatorForm,
        goals: Vec<(String, String)>,
    ) -> Self {
        Self {
            layout,
            network,
            indicator,
            form,
            errors: FieldErrors::default(),
            units: EINHEITEN,
            directions: RICHTUNGEN,
            goals,
            conflict: None,
            history: Vec::new(),
        }
    }

    fn action(&self) -> String {
        match &self.indicator {
            Some(i) => format!("{}/bearbeiten", detail_href(self.network.id, i.id)),
            None => format!("{}/kennzahlen/neu", self.network.href()),
        }
    }
}

fn goal_ids(goals: &[(String, String)]) -> Vec<i64> {
    goals.iter().filter_map(|(id, _)| id.parse().ok()).collect()
}

async fn new_form(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let goals = db::goal_options(&ctx.state.pool, id).await?;
    Ok(FormPage::new(
        ctx.layout,
        network,
        None,
        IndicatorForm::new_indicator(),
        goals,
    )
    .into_response())
}

async fn create(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<IndicatorForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let goals = db::goal_options(&ctx.state.pool, id).await?;
    let fields = match form.validate(&goal_ids(&goals)) {
        Ok(fields) => fields,
        Err(errors) => {
            let mut page = FormPage::new(ctx.layout, network, None, form, goals);
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut change = Change::begin(&ctx).await?;
    let indicator_id = db::insert(change.tx(), id, &fields).await?;
    change.inserted::<Indicator>((id, indicator_id)).await?;
    Ok(see_other(&format!(
        "{}?hinweis=angelegt",
        detail_href(id, indicator_id)
    )))
}

async fn edit_form(ctx: Ctx, Path((id, indicator_id)): Path<(i64, i64)>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Indicator>::load(&ctx, (id, indicator_id)).await?;
    let goals = db::goal_options(&ctx.state.pool, id).await?;
    let form = IndicatorForm::from_indicator(&edit.before);
    let indicator = Some(edit.before.clone());
    edit.show(FormPage::new(
        ctx.layout.clone(),
        network,
        indicator,
        form,
        goals,
    ))
    .await
}

async fn update(
    ctx: Ctx,
    Path((id, indicator_id)): Path<(i64, i64)>,
    Form(form): Form<IndicatorForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Indicator>::load(&ctx, (id, indicator_id)).await?;
    let goals = db::goal_options(&ctx.state.pool, id).await?;
    let valid = form.validate(&goal_ids(&goals));
    let indicator = Some(edit.before.clone());
    let page = |form| FormPage::new(ctx.layout.clone(), network, indicator, form, goals);
    let fields = match valid {
        Ok(fields) => fields,
        Err(errors) => return edit.rejected(page(form), errors).await,
    };
    let mut change = Change::begin(&ctx).await?;
    let written = db::update(
        change.tx(),
        id,
        indicator_id,
        version(&form.version),
        &fields,
    )
    .await?;
    let page = page(form);
    let done = format!("{}?hinweis=gespeichert", detail_href(id, indicator_id));
    edit.saved(change, Ok(written), page, &done).await
}

// ---------------------------------------------------------------------------------------------
// Deleting

async fn confirm_delete(
    ctx: Ctx,
    Path((id, indicator_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let indicator = db::find(&ctx.state.pool, id, indicator_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let values = db::values_of(&ctx.state.pool, id, indicator_id)
        .await?
        .len() as i64;
    let mut consequences = vec![format!(
        "{} {} mitgelöscht.",
        crate::format::count(values, "Messwert", "Messwerte"),
        if values == 1 { "wird" } else { "werden" }
    )];
    if let Some(goal) = &indicator.goal_title {
        consequences.push(format!(
            "Das verknüpfte Ziel „{goal}“ bleibt bestehen, nur ohne diese Kennzahl."
        ));
    }
    consequences.push(
        "Das lässt sich nicht rückgängig machen. Exportieren Sie die Kennzahlen vorher als CSV, wenn Sie die Werte aufbewahren möchten.".into(),
    );
    Ok(ConfirmDeletePage {
        layout: ctx.layout,
        what: format!("die Kennzahl „{}“", indicator.name),
        consequences,
        action: format!("{}/loeschen", detail_href(id, indicator_id)),
        cancel: detail_href(id, indicator_id),
        version: indicator.version,
    }
    .into_response())
}

async fn delete(
    ctx: Ctx,
    Path((id, indicator_id)): Path<(i64, i64)>,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let before = edit::stored::<Indicator>(&ctx, (id, indicator_id)).await?;
    let mut change = Change::begin(&ctx).await?;
    // Read in the same transaction: the values that go with the indicator.
    let values = db::values_of(change.conn(), id, indicator_id).await?;
    if !Indicator::delete(change.conn(), (id, indicator_id), version(&form.version)).await? {
        return Err(AppError::stale_delete("Die Kennzahl"));
    }
    let mut old = before.audit_values();
    old["Mitgelöschte Messwerte"] = serde_json::json!(
        values
            .iter()
            .map(|v| format!("{}: {}", v.period_text(), before.value_text(v.value)))
            .collect::<Vec<_>>()
    );
    change
        .deleted(Record::new("indicator", indicator_id), old)
        .await?;
    Ok(see_other(&format!(
        "/netzwerke/{id}/kennzahlen?hinweis=geloescht"
    )))
}

async fn confirm_delete_value(
    ctx: Ctx,
    Path((id, indicator_id, value_id)): Path<(i64, i64, i64)>,
) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let indicator = db::find(&ctx.state.pool, id, indicator_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let value = db::find_value(&ctx.state.pool, id, indicator_id, value_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ConfirmDeletePage {
        layout: ctx.layout,
        what: format!(
            "den Messwert {} vom {} der Kennzahl „{}“",
            indicator.value_text(value.value),
            value.period_text(),
            indicator.name
        ),
        consequences: vec![
            format!(
                "Eingetragen von {} am {}.",
                value.entered_by_text(),
                value.entered_at_text()
            ),
            "Diagramm und Vergleich mit dem Zielwert werden ohne diesen Wert neu berechnet. Das lässt sich nicht rückgängig machen.".into(),
        ],
        action: format!("{}/werte/{value_id}/loeschen", detail_href(id, indicator_id)),
        cancel: format!("{}#messwerte", detail_href(id, indicator_id)),
        // Values are never edited, so there is no version to compare.
        version: 1,
    }.into_response())
}

async fn delete_value(
    ctx: Ctx,
    Path((id, indicator_id, value_id)): Path<(i64, i64, i64)>,
    Form(_): Form<DeleteForm>,
) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let mut change = Change::begin(&ctx).await?;
    let indicator = db::find(change.conn(), id, indicator_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let value = db::find_value(change.conn(), id, indicator_id, value_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !db::delete_value(change.tx(), id, indicator_id, value_id).await? {
        return Err(AppError::NotFound);
    }
    change.deleted(Record::new("indicator_value", value_id), serde_json::json!({ "Kennzahl": indicator.name, "Stichtag": value.period_text(), "Wert": indicator.value_text(value.value), "Bemerkung": value.note, "Erfasst von": value.entered_by_text(), })).await?;
    Ok(see_other(&format!(
        "{}?hinweis=wert-geloescht#messwerte",
        detail_href(id, indicator_id)
    )))
}
