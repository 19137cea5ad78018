use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use axum_extra::extract::{Query, QueryRejection};
use serde::Deserialize;

use super::chart::{self, Dot, Row, STYLES, Series};
use super::db::{self, CatalogIndicator, CompareOrder, Named};
use super::forms::CatalogForm;
use crate::audit::{Event, HistoryLine};
use crate::error::{AppError, AppResult};
use crate::format;
use crate::policy::{self, Action, Comparison, Territory};
use crate::state::AppState;
use crate::states::{CatalogStatus, Direction, SpatialLevel};
use crate::vocab::{EINHEITEN, Term};
use crate::web::Notice;
use crate::web::edit::{Change, Edit, Record};
use crate::web::filters;
use crate::web::form::{FieldErrors, OnConstraint, version};
use crate::web::paging::{Paging, Requested};
use crate::web::{Ctx, Layout, PublicCtx, see_other, with_query};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/katalog", get(list))
        .route("/katalog/neu", get(new_form).post(create))
        .route("/katalog/{key}", get(compare))
        .route("/katalog/{key}/bearbeiten", get(edit_form).post(update))
        .route("/katalog/{key}/status", post(change_status))
}

fn href(key: &str) -> String {
    format!("/katalog/{key}")
}

async fn indicator_by_key(state: &AppState, key: &str) -> AppResult<CatalogIndicator> {
    db::find_by_key(&state.pool, key)
        .await?
        .ok_or(AppError::NotFound)
}

/// The indicator `key`, for its maintainers only.
async fn managed(ctx: &Ctx, key: &str) -> AppResult<CatalogIndicator> {
    policy::authorize(&ctx.user.actor(), Action::ManageCatalog)?;
    indicator_by_key(&ctx.state, key).await
}

// ---------------------------------------------------------------------------------------------
// The catalog

#[derive(Template, WebTemplate)]
#[template(path = "catalog/list.html")]
struct ListPage {
    layout: Layout,
    indicators: Vec<CatalogIndicator>,
    can_manage: bool,
    /// A coordinator adopts indicators on the indicator page of the network.
    is_coordinator: bool,
    notice: Option<&'static str>,
}

async fn list(ctx: PublicCtx, notice: Notice) -> AppResult<Response> {
    let actor = ctx.user.as_ref().map(|u| u.actor());
    let can_manage = actor
        .as_ref()
        .is_some_and(|a| policy::allows(a, Action::ManageCatalog));
    let mut indicators = db::all(&ctx.state.pool).await?;
    // Retired indicators stay for their maintainers; everybody else sees what is offered.
    indicators.retain(|i| can_manage || i.is_active());
    let notice = match notice.code() {
        "angelegt" => Some("Die Kennzahl wurde in den Katalog aufgenommen."),
        _ => None,
    };
    Ok(ListPage {
        layout: ctx.layout,
        indicators,
        can_manage,
        is_coordinator: actor
            .as_ref()
            .is_some_and(|a| policy::allows(a, Action::AdoptPractice)),
        notice,
    }
    .into_response())
}

// ---------------------------------------------------------------------------------------------
// Creating, editing, retiring

#[derive(Template, WebTemplate)]
#[template(path = "catalog/form.html")]
struct FormPage {
    layout: Layout,
    /// `None` while creating.
    indicator: Option<CatalogIndicator>,
    form: CatalogForm,
    errors: FieldErrors,
    units: &'static [Term],
    directions: &'static [Term],
    levels: &'static [Term],
    conflict: Option<CatalogIndicator>,
    history: Vec<HistoryLine>,
}

crate::web::edit::edit_page!(FormPage, CatalogIndicator);

impl FormPage {
    fn new(layout: Layout, indicator: Option<CatalogIndicator>, form: CatalogForm) -> Self {
        Self {
            layout,
            indicator,
            form,
            errors: FieldErrors::default(),
            units: EINHEITEN,
            directions: Direction::TERMS,
            levels: SpatialLevel::TERMS,
            conflict: None,
            history: Vec::new(),
        }
    }

    fn action(&self) -> String {
        match &self.indicator {
            Some(i) => format!("{}/bearbeiten", href(&i.key)),
            None => "/katalog/neu".into(),
        }
    }
}

const KEY_TAKEN: &str = "Diesen Schlüssel hat schon eine Kennzahl des Katalogs.";

async fn new_form(ctx: Ctx) -> AppResult<Response> {
    policy::authorize(&ctx.user.actor(), Action::ManageCatalog)?;
    let form = CatalogForm {
        unit: "prozent".into(),
        direction: Direction::HigherIsBetter.code().into(),
        spatial_level: SpatialLevel::Kreis.code().into(),
        ..Default::default()
    };
    Ok(FormPage::new(ctx.layout, None, form).into_response())
}

async fn create(ctx: Ctx, Form(form): Form<CatalogForm>) -> AppResult<Response> {
    policy::authorize(&ctx.user.actor(), Action::ManageCatalog)?;
    let mut errors = FieldErrors::default();
    let key = form.validate_key(&mut errors);
    let fields = form.validate(&mut errors);
    if errors.is_empty() {
        let mut change = Change::begin(&ctx).await?;
        match db::insert(change.tx(), &key, &fields)
            .await
            .on_constraint(db::KEY_TAKEN, KEY_TAKEN)?
        {
            Ok(id) => {
                change.inserted::<CatalogIndicator>(id).await?;
                return Ok(see_other("/katalog?hinweis=angelegt"));
            }
            Err(taken) => errors = taken,
        }
    }
    let mut page = FormPage::new(ctx.layout, None, form);
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn edit_form(ctx: Ctx, Path(key): Path<String>) -> AppResult<Response> {
    let before = managed(&ctx, &key).await?;
    let edit = Edit::of(&ctx, before.id, before.clone());
    let form = CatalogForm::from_indicator(&before);
    edit.show(FormPage::new(ctx.layout.clone(), Some(before), form))
        .await
}

async fn update(
    ctx: Ctx,
    Path(key): Path<String>,
    Form(form): Form<CatalogForm>,
) -> AppResult<Response> {
    let before = managed(&ctx, &key).await?;
    let id = before.id;
    let edit = Edit::of(&ctx, id, before.clone());
    let mut errors = FieldErrors::default();
    let fields = form.validate(&mut errors);
    let page = FormPage::new(ctx.layout.clone(), Some(before), form.clone());
    if !errors.is_empty() {
        return edit.rejected(page, errors).await;
    }
    let mut change = Change::begin(&ctx).await?;
    let written = db::update(change.tx(), id, version(&form.version), &fields).await?;
    edit.saved(change, Ok(written), page, &href(&key)).await
}

#[derive(Deserialize)]
struct StatusForm {
    aktion: String,
    version: String,
}

async fn change_status(
    ctx: Ctx,
    Path(key): Path<String>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    let before = managed(&ctx, &key).await?;
    let (status, action) = match form.aktion.as_str() {
        "ausmustern" => (CatalogStatus::Retired, "ausgemustert"),
        "reaktivieren" => (CatalogStatus::Active, "wieder_aufgenommen"),
        _ => return Err(AppError::BadRequest("Unbekannte Aktion.".into())),
    };
    let mut change = Change::begin(&ctx).await?;
    if !db::set_status(change.tx(), before.id, version(&form.version), status).await? {
        return Err(AppError::stale_delete("Die Kennzahl"));
    }
    let after = db::find(change.conn(), before.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = Record::new("catalog_indicator", before.id);
    change
        .finish(
            Event::new(action, record.entity, record.id)
                .old(before.audit_values())
                .new_values(after.audit_values()),
        )
        .await?;
    Ok(see_other(&href(&key)))
}

// ---------------------------------------------------------------------------------------------
// Comparison

/// Rows of the comparison table per page.
const PAGE_SIZE: i64 = 50;
/// Networks in one time-series chart.
const MAX_SERIES: usize = 5;
/// Keys kept with their indicator (or none: an unknown key), the most recently asked.
const KEPT_KEYS: usize = 100;
/// Pages of comparison tables kept, the most recently asked (50 rows each).
const KEPT_PAGES: usize = 1_000;

#[derive(Default, Deserialize)]
#[serde(default)]
struct CompareQuery {
    sortierung: String,
    richtung: String,
    seite: String,
    netzwerk: Vec<String>,
}

/// One row of the comparison table.
struct TableRow {
    network_id: i64,
    network: String,
    kommune: String,
    land: String,
    date: String,
    value: String,
    is_public: bool,
    own: bool,
    chosen: bool,
}

/// The distribution of one Land (or nationwide), as the table under the chart shows it.
struct StatRow {
    label: String,
    networks: i64,
    /// `None`: fewer networks than the threshold, not shown.
    values: Option<(String, String, String)>,
    own: bool,
}

struct LegendEntry {
    name: String,
    shape: &'static str,
    dashed: bool,
    values: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "catalog/compare.html")]
struct ComparePage {
    layout: Layout,
    indicator: CatalogIndicator,
    can_manage: bool,
    signed_in: bool,
    rows: Vec<TableRow>,
    total: i64,
    paging: Paging,
    order: CompareOrder,
    descending: bool,
    distribution_svg: String,
    distribution_text: String,
    stats: Vec<StatRow>,
    series_svg: Option<String>,
    legend: Vec<LegendEntry>,
    series_note: Option<String>,
    threshold: i64,
    /// Query of the current order and choice, for the page links.
    chosen: Vec<i64>,
}

impl ComparePage {
    fn columns(&self) -> [CompareOrder; 5] {
        CompareOrder::ALL
    }

    /// The link that sorts by `order`: ascending first, the other way round when it is the
    /// current order already.
    fn sort_href(&self, order: &CompareOrder) -> String {
        let descending = *order == self.order && !self.descending;
        compare_href(&self.indicator.key, *order, descending, &self.chosen)
    }

    fn aria_sort(&self, order: &CompareOrder) -> &'static str {
        match (*order == self.order, self.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

/// The first page of the comparison of indicator `key` in `order`, with the `chosen` networks'
/// time series.
fn compare_href(key: &str, order: CompareOrder, descending: bool, chosen: &[i64]) -> String {
    let mut pairs: Vec<(&str, String)> = vec![
        ("sortierung", order.code().to_owned()),
        ("richtung", if descending { "ab" } else { "auf" }.to_owned()),
    ];
    for id in chosen {
        pairs.push(("netzwerk", id.to_string()));
    }
    with_query(&href(key), &pairs)
}

async fn compare(
    ctx: PublicCtx,
    Path(key): Path<String>,
    query: Result<Query<CompareQuery>, QueryRejection>,
) -> AppResult<Response> {
    let query = query.map(|q| q.0).unwrap_or_default();
    let actor = ctx.user.as_ref().map(|u| u.actor());
    let view = policy::comparison(actor.as_ref());
    let can_manage = actor
        .as_ref()
        .is_some_and(|a| policy::allows(a, Action::ManageCatalog));
    let threshold = ctx.state.config.small_count_threshold;
    let pool = &ctx.state.pool;
    let computed = &ctx.state.computed;
    // Everything but a chosen network's series is kept per revision of the country's data
    // (the indicator with its adoptions, the page of the table, the distribution): the same
    // for everybody with the same view, and read again once something changed.
    let revision = crate::db::revision(pool, None).await?;
    let indicator = computed
        .get_or_compute_kept("catalog_indicator", &key, revision, KEPT_KEYS, || {
            db::find_by_key(pool, &key)
        })
        .await?
        .as_ref()
        .clone()
        .ok_or(AppError::NotFound)?;
    let order = CompareOrder::parse(&query.sortierung);
    let descending = query.richtung == "ab";
    let page = Requested::new(&query.seite, PAGE_SIZE);
    let mut chosen: Vec<i64> = query
        .netzwerk
        .iter()
        .filter_map(|id| id.trim().parse().ok())
        .collect();
    chosen.dedup();
    let too_many = chosen.len() > MAX_SERIES;
    chosen.truncate(MAX_SERIES);
    let (land, ags, public_only) = view.filter();
    let named = Named {
        land,
        ags,
        public_only,
    };
    let own_ags = match &view {
        Comparison::Own { ags, .. } if chosen.is_empty() => Some(ags.as_str()),
        _ => None,
    };
    let table = format!(
        "{}|{named:?}|{order:?}|{descending}|{}|{}",
        indicator.id,
        page.limit(),
        page.offset()
    );
    let id = indicator.id.to_string();
    let (latest, distribution, series) = tokio::try_join!(
        computed.get_or_compute_kept("catalog_latest", &table, revision, KEPT_PAGES, || {
            db::latest_page(
                pool,
                indicator.id,
                &named,
                order,
                descending,
                page.limit(),
                page.offset(),
            )
        },),
        computed.get_or_compute("catalog_distribution", &id, revision, || db::distribution(
            pool,
            indicator.id
        ),),
        async {
            if chosen.is_empty() && own_ags.is_none() {
                Ok(Vec::new())
            } else {
                db::series(pool, indicator.id, &chosen, own_ags).await
            }
        },
    )?;
    let is_own = |ags: &str| matches!(&view, Comparison::Own { ags: own, .. } if own == ags);
    let total = latest.first().map_or(0, |r| r.total);
    let rows: Vec<TableRow> = latest
        .iter()
        .filter(|r| {
            view.names(
                Territory {
                    ags: &r.ags,
                    land_code: &r.land_code,
                },
                r.is_public,
            )
        })
        .map(|r| TableRow {
            network_id: r.network_id,
            network: r.network.clone(),
            kommune: r.kommune.clone(),
            land: r.land.clone(),
            date: format::date(r.period_date),
            value: indicator
                .shown(r.value, threshold)
                .unwrap_or_else(|| format!("< {threshold}")),
            is_public: r.is_public,
            own: is_own(&r.ags),
            chosen: chosen.contains(&r.network_id),
        })
        .collect();

    // The distribution chart: a row per Land with networks, the named networks of this page
    // (and a coordinator's own) as dots.
    let format_value = |v: f64| indicator.value_text(v);
    let enough = |networks: i64| networks >= threshold;
    let national = distribution.iter().find(|d| d.land_code.is_none());
    let mut chart_rows: Vec<Row> = distribution
        .iter()
        .filter(|d| d.land_code.is_some())
        .map(|d| Row {
            label: d.land.clone().unwrap_or_default(),
            stats: enough(d.networks).then_some((d.q1, d.median, d.q3)),
            dots: latest
                .iter()
                .filter(|r| Some(&r.land_code) == d.land_code.as_ref())
                .filter(|r| {
                    view.names(
                        Territory {
                            ags: &r.ags,
                            land_code: &r.land_code,
                        },
                        r.is_public,
                    )
                })
                .filter_map(|r| {
                    indicator.shown(r.value, threshold).map(|text| Dot {
                        value: r.value,
                        label: format!("{}: {text}", r.network),
                        own: is_own(&r.ags),
                    })
                })
                .collect(),
        })
        .collect();
    // A coordinator sees the own networks against the own Land even when they are not on
    // this page of the table (their latest value is the last of their series).
    if let Some(home) = view.home_land() {
        let mut own_latest: Vec<&db::SeriesValue> = Vec::new();
        for value in series.iter().filter(|v| is_own(&v.ags)) {
            match own_latest.last_mut() {
                Some(last) if last.network_id == value.network_id => *last = value,
                _ => own_latest.push(value),
            }
        }
        let home_name = distribution
            .iter()
            .find(|d| d.land_code.as_deref() == Some(home))
            .and_then(|d| d.land.clone());
        if let Some(row) = chart_rows
            .iter_mut()
            .find(|r| Some(&r.label) == home_name.as_ref())
        {
            for value in own_latest {
                if latest.iter().any(|r| r.network_id == value.network_id) {
                    continue;
                }
                if let Some(text) = indicator.shown(value.value, threshold) {
                    row.dots.push(Dot {
                        value: value.value,
                        label: format!("{}: {text}", value.network),
                        own: true,
                    });
                }
            }
        }
    }
    let national_median = national.filter(|d| enough(d.networks)).map(|d| d.median);
    let distribution_text = match national {
        Some(d) if enough(d.networks) => format!(
            "Letzte Werte von {} Netzwerken: bundesweiter Median {}, die mittlere Hälfte liegt zwischen {} und {}. {}.",
            d.networks,
            format_value(d.median),
            format_value(d.q1),
            format_value(d.q3),
            indicator.direction.label()
        ),
        Some(d) => format!(
            "Bisher {} – zu wenige für eine Verteilung (ab {threshold} Netzwerken).",
            format::count(d.networks, "Netzwerk mit Werten", "Netzwerke mit Werten")
        ),
        None => "Noch kein Netzwerk hat Werte zu dieser Kennzahl erfasst.".into(),
    };
    let distribution_svg = chart::distribution(&chart::DistributionChart {
        id: "verteilung",
        title: &format!("Letzte Werte je Land: {}", indicator.name),
        description: &distribution_text,
        rows: &chart_rows,
        national_median,
        format_value: &format_value,
    });
    let home_land_name = view.home_land().and_then(|home| {
        distribution
            .iter()
            .find(|d| d.land_code.as_deref() == Some(home))
            .and_then(|d| d.land.clone())
    });
    let stats: Vec<StatRow> = distribution
        .iter()
        .map(|d| StatRow {
            label: d.land.clone().unwrap_or_else(|| "Bundesweit".into()),
            networks: d.networks,
            values: enough(d.networks).then(|| {
                (
                    format_value(d.q1),
                    format_value(d.median),
                    format_value(d.q3),
                )
            }),
            own: d.land.is_some() && d.land == home_land_name,
        })
        .collect();

    // Time series of the chosen networks the viewer may see by name.
    let mut grouped: Vec<(i64, Series)> = Vec::new();
    for value in series.iter().filter(|v| {
        view.names(
            Territory {
                ags: &v.ags,
                land_code: &v.land_code,
            },
            v.is_public,
        )
    }) {
        if indicator.shown(value.value, threshold).is_none() {
            continue;
        }
        match grouped.last_mut() {
            Some((id, s)) if *id == value.network_id => {
                s.points.push((value.period_date, value.value))
            }
            _ => grouped.push((
                value.network_id,
                Series {
                    name: value.network.clone(),
                    points: vec![(value.period_date, value.value)],
                },
            )),
        }
    }
    grouped.truncate(MAX_SERIES);
    let series: Vec<Series> = grouped.into_iter().map(|(_, s)| s).collect();
    let series_svg = (!series.is_empty()).then(|| {
        chart::series(
            "zeitreihe",
            &format!("Zeitreihe: {}", indicator.name),
            &format!(
                "Werte von {} über die Zeit; die Tabelle darunter enthält dieselben Werte.",
                series
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            &series,
            &format_value,
        )
    });
    let legend = series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendEntry {
            name: s.name.clone(),
            shape: STYLES[i % STYLES.len()].1,
            dashed: !STYLES[i % STYLES.len()].0.is_empty(),
            values: s
                .points
                .iter()
                .map(|(d, v)| (format::date(*d), format_value(*v)))
                .collect(),
        })
        .collect();
    let series_note = too_many.then(|| {
        format!("Es werden höchstens {MAX_SERIES} Netzwerke zugleich gezeigt: die ersten {MAX_SERIES} der Auswahl.")
    });
    Ok(ComparePage {
        layout: ctx.layout,
        can_manage,
        signed_in: ctx.user.is_some(),
        rows,
        total,
        paging: page.paging(
            total,
            compare_href(&indicator.key, order, descending, &chosen),
        ),
        order,
        descending,
        distribution_svg,
        distribution_text,
        stats,
        series_svg,
        legend,
        series_note,
        threshold,
        chosen,
        indicator,
    }
    .into_response())
}
