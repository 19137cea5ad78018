use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum_extra::extract::{Form, Query, QueryRejection};
use serde::{Deserialize, Serialize};

use super::db::{
    self, Measure, MeasureFilter, MeasureRow, NetworkOptions, PAGE_SIZE, PartnerFilter,
    PlaceFilter, Sort, SortKey,
};
use super::forms::MeasureForm;
use crate::audit::{self, HistoryLine};
use crate::error::{AppError, AppResult};
use crate::format;
use crate::networks::{Need, NetworkContext};
use crate::state::AppState;
use crate::states::MeasureStatus;
use crate::vocab::{
    self, FINANZIERUNG, HANDLUNGSFELDER, LEBENSPHASEN, Term, ZIEL_EBENEN, ZIELGRUPPEN, ZUGAENGE,
};
use crate::web::Ctx;
use crate::web::confirm::{ConfirmDeletePage, DeleteForm};
use crate::web::csv::csv_response;
use crate::web::edit::{Change, Record};
use crate::web::filters;
use crate::web::form::OnConstraint;
use crate::web::form::{FieldErrors, version};
use crate::web::with_query;
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerke/{id}/massnahmen", get(list))
        .route("/netzwerke/{id}/massnahmen.csv", get(export))
        .route("/netzwerke/{id}/massnahmen/neu", get(new_form).post(create))
        .route(
            "/netzwerke/{id}/massnahmen/import",
            get(super::import::form).post(super::import::preview),
        )
        .route(
            "/netzwerke/{id}/massnahmen/import/bestaetigen",
            axum::routing::post(super::import::confirm),
        )
        .route("/netzwerke/{id}/massnahmen/{mid}", get(detail))
        .route(
            "/netzwerke/{id}/massnahmen/{mid}/bearbeiten",
            get(edit_form).post(update),
        )
        .route(
            "/netzwerke/{id}/massnahmen/{mid}/loeschen",
            get(confirm_delete).post(delete),
        )
}

/// The list's address parameters as sent (anything unknown is ignored) and as the list's own
/// links write them (empty ones left out).
#[derive(Default, Deserialize, Serialize)]
#[serde(default)]
struct ListQuery {
    #[serde(skip_serializing_if = "String::is_empty")]
    q: String,
    status: Vec<String>,
    handlungsfeld: Vec<String>,
    lebensphase: Vec<String>,
    zielgruppe: Vec<String>,
    zugang: Vec<String>,
    finanzierung: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    sozialraum: String,
    /// With a Sozialraum: also the measures for the whole municipality.
    #[serde(skip_serializing_if = "String::is_empty")]
    auch_gesamt: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    partner: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    niedrigschwellig: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    sortierung: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    seite: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    hinweis: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    anzahl: String,
}

/// A checkbox group of the filter form: address key, legend, terms, chosen codes.
pub struct Facet {
    pub key: &'static str,
    pub legend: &'static str,
    pub terms: &'static [Term],
    pub chosen: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "measures/list.html")]
struct ListPage {
    layout: Layout,
    network: NetworkContext,
    options: NetworkOptions,
    filter: MeasureFilter,
    facets: Vec<Facet>,
    sort: Sort,
    rows: Vec<MeasureRow>,
    total: i64,
    /// All measures of the network are shown (no filter set).
    unfiltered: bool,
    page: i64,
    pages: i64,
    notice: Option<String>,
    /// Something in the address could not be used.
    ignored: bool,
    no_errors: FieldErrors,
}

const SORT_LABELS: [(SortKey, &str); 5] = [
    (SortKey::Title, "Titel"),
    (SortKey::Status, "Status"),
    (SortKey::Start, "Beginn"),
    (SortKey::Reach, "Reichweite pro Jahr"),
    (SortKey::Cost, "Kosten pro Jahr"),
];

impl ListPage {
    fn href(&self, sort: Sort, page: i64) -> String {
        let f = &self.filter;
        let yes = |set: bool| if set { "ja" } else { "" }.to_owned();
        let query = ListQuery {
            q: f.text.clone(),
            status: f.status.clone(),
            handlungsfeld: f.handlungsfelder.clone(),
            lebensphase: f.lebensphasen.clone(),
            zielgruppe: f.zielgruppen.clone(),
            zugang: f.zugaenge.clone(),
            finanzierung: f.finanzierung.clone(),
            sozialraum: self.place_value(),
            auch_gesamt: yes(matches!(f.place, PlaceFilter::Reaching(_))),
            partner: self.partner_value(),
            niedrigschwellig: yes(f.niedrigschwellig),
            sortierung: if sort == Sort::default() {
                String::new()
            } else {
                sort.code()
            },
            seite: if page > 1 {
                page.to_string()
            } else {
                String::new()
            },
            ..ListQuery::default()
        };
        with_query(&format!("{}/massnahmen", self.network.href()), &query)
    }

    fn page_href(&self, page: i64) -> String {
        self.href(self.sort, page)
    }

    /// Sorting by `key`: ascending first, a second click reverses.
    fn sort_href(&self, key: &SortKey) -> String {
        let descending = self.sort.key == *key && !self.sort.descending;
        self.href(
            Sort {
                key: *key,
                descending,
            },
            1,
        )
    }

    fn aria_sort(&self, key: &SortKey) -> &'static str {
        match (self.sort.key == *key, self.sort.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }

    fn sort_options(&self) -> Vec<(String, String)> {
        SORT_LABELS
            .iter()
            .flat_map(|(key, label)| {
                let (up, down) = match key {
                    SortKey::Title => ("A–Z", "Z–A"),
                    SortKey::Status => ("geplant zuerst", "beendet zuerst"),
                    SortKey::Start => ("früheste zuerst", "späteste zuerst"),
                    SortKey::Reach | SortKey::Cost => ("aufsteigend", "absteigend"),
                };
                [
                    (
                        Sort {
                            key: *key,
                            descending: false,
                        }
                        .code(),
                        format!("{label} ({up})"),
                    ),
                    (
                        Sort {
                            key: *key,
                            descending: true,
                        }
                        .code(),
                        format!("{label} ({down})"),
                    ),
                ]
            })
            .collect()
    }

    fn caption(&self) -> String {
        let total = format::integer(self.total);
        let mut caption = match (self.unfiltered, self.total) {
            (true, 1) => "1 Maßnahme".to_owned(),
            (true, _) => format!("{total} Maßnahmen"),
            (false, 1) => "1 Maßnahme passt zu den Filtern".to_owned(),
            (false, _) => format!("{total} Maßnahmen passen zu den Filtern"),
        };
        if self.pages > 1 {
            caption.push_str(&format!(
                ", Nr. {} bis {}",
                format::integer(self.first_shown()),
                format::integer(self.last_shown())
            ));
        }
        caption
    }

    fn first_shown(&self) -> i64 {
        (self.page - 1) * PAGE_SIZE + 1
    }

    fn last_shown(&self) -> i64 {
        (self.page - 1) * PAGE_SIZE + self.rows.len() as i64
    }

    fn filters_open(&self) -> bool {
        self.facets.iter().any(|f| !f.chosen.is_empty())
    }

    fn place_value(&self) -> String {
        match self.filter.place {
            PlaceFilter::Any => String::new(),
            PlaceFilter::WholeCommune => "gesamt".into(),
            PlaceFilter::Sozialraum(id) | PlaceFilter::Reaching(id) => id.to_string(),
        }
    }

    fn partner_value(&self) -> String {
        match self.filter.partner {
            PartnerFilter::Any => String::new(),
            PartnerFilter::Without => "ohne".into(),
            PartnerFilter::Partner(id) => id.to_string(),
        }
    }
}

/// Keeps the known codes of `terms`; `ignored` notes unknown ones.
fn known_codes(terms: &[Term], chosen: Vec<String>, ignored: &mut bool) -> Vec<String> {
    let mut codes = Vec::new();
    for code in chosen {
        if !vocab::is_known(terms, &code) {
            *ignored = true;
        } else if !codes.contains(&code) {
            codes.push(code);
        }
    }
    // In the order of the vocabulary.
    terms
        .iter()
        .filter(|t| codes.iter().any(|c| c == t.code))
        .map(|t| t.code.to_owned())
        .collect()
}

fn parse_filter(
    query: ListQuery,
    options: &NetworkOptions,
    ignored: &mut bool,
) -> (MeasureFilter, Sort, i64) {
    let mut text = query.q.trim().to_owned();
    if text.chars().count() > 200 || text.chars().any(char::is_control) {
        *ignored = true;
        text = text.chars().filter(|c| !c.is_control()).take(200).collect();
    }
    let place = match query.sozialraum.trim() {
        "" => PlaceFilter::Any,
        "gesamt" => PlaceFilter::WholeCommune,
        raw => match raw
            .parse()
            .ok()
            .filter(|id| options.sozialraum(*id).is_some())
        {
            Some(id) if query.auch_gesamt == "ja" => PlaceFilter::Reaching(id),
            Some(id) => PlaceFilter::Sozialraum(id),
            None => {
                *ignored = true;
                PlaceFilter::Any
            }
        },
    };
    let partner = match query.partner.trim() {
        "" => PartnerFilter::Any,
        "ohne" => PartnerFilter::Without,
        raw => match raw.parse().ok().filter(|id| options.partner(*id).is_some()) {
            Some(id) => PartnerFilter::Partner(id),
            None => {
                *ignored = true;
                PartnerFilter::Any
            }
        },
    };
    let sort = match query.sortierung.trim() {
        "" => Sort::default(),
        raw => Sort::parse(raw).unwrap_or_else(|| {
            *ignored = true;
            Sort::default()
        }),
    };
    let page = match query.seite.trim() {
        "" => 1,
        raw => raw
            .parse::<i64>()
            .ok()
            .filter(|p| *p >= 1)
            .unwrap_or_else(|| {
                *ignored = true;
                1
            }),
    };
    let filter = MeasureFilter {
        text,
        status: known_codes(MeasureStatus::TERMS, query.status, ignored),
        handlungsfelder: known_codes(HANDLUNGSFELDER, query.handlungsfeld, ignored),
        lebensphasen: known_codes(LEBENSPHASEN, query.lebensphase, ignored),
        zielgruppen: known_codes(ZIELGRUPPEN, query.zielgruppe, ignored),
        zugaenge: known_codes(ZUGAENGE, query.zugang, ignored),
        finanzierung: known_codes(FINANZIERUNG, query.finanzierung, ignored),
        place,
        partner,
        niedrigschwellig: !query.niedrigschwellig.trim().is_empty(),
    };
    (filter, sort, page)
}

fn facets(filter: &MeasureFilter) -> Vec<Facet> {
    let facet = |key, legend, terms, chosen: &Vec<String>| Facet {
        key,
        legend,
        terms,
        chosen: chosen.clone(),
    };
    vec![
        facet("status", "Status", MeasureStatus::TERMS, &filter.status),
        facet(
            "handlungsfeld",
            "Handlungsfeld",
            HANDLUNGSFELDER,
            &filter.handlungsfelder,
        ),
        facet(
            "lebensphase",
            "Lebensphase",
            LEBENSPHASEN,
            &filter.lebensphasen,
        ),
        facet("zielgruppe", "Zielgruppe", ZIELGRUPPEN, &filter.zielgruppen),
        facet("zugang", "Zugang", ZUGAENGE, &filter.zugaenge),
        facet(
            "finanzierung",
            "Finanzierung",
            FINANZIERUNG,
            &filter.finanzierung,
        ),
    ]
}

async fn list(
    ctx: Ctx,
    Path(id): Path<i64>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let options = db::options(&ctx.state.pool, id).await?;
    let mut ignored = query.is_err();
    let query = query.map(|q| q.0).unwrap_or_default();
    let notice = match query.hinweis.as_str() {
        "angelegt" => Some("Die Maßnahme wurde angelegt.".to_owned()),
        "geloescht" => Some("Die Maßnahme wurde gelöscht.".to_owned()),
        "importiert" => Some(match query.anzahl.parse::<i64>() {
            Ok(1) => "1 Maßnahme wurde importiert.".to_owned(),
            Ok(n) if n > 1 => format!("{} Maßnahmen wurden importiert.", format::integer(n)),
            _ => "Die Maßnahmen wurden importiert.".to_owned(),
        }),
        _ => None,
    };
    let (filter, sort, page) = parse_filter(query, &options, &mut ignored);
    let (rows, total) = db::page(&ctx.state.pool, id, &filter, sort, page).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let unfiltered = filter.text.is_empty()
        && facets(&filter).iter().all(|f| f.chosen.is_empty())
        && filter.place == PlaceFilter::Any
        && filter.partner == PartnerFilter::Any
        && !filter.niedrigschwellig;
    Ok(ListPage {
        layout: ctx.layout,
        network,
        options,
        facets: facets(&filter),
        filter,
        sort,
        rows,
        total,
        unfiltered,
        page,
        pages,
        notice,
        ignored,
        no_errors: FieldErrors::default(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "measures/detail.html")]
struct DetailPage {
    layout: Layout,
    network: NetworkContext,
    measure: Measure,
    history: Vec<HistoryLine>,
    notice: Option<&'static str>,
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

#[derive(Default, Deserialize)]
#[serde(default)]
struct DetailQuery {
    hinweis: String,
}

async fn detail(
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    query: Result<Query<DetailQuery>, QueryRejection>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let measure = db::find(&ctx.state.pool, id, mid)
        .await?
        .ok_or(AppError::NotFound)?;
    let notice = match query.map(|q| q.0).unwrap_or_default().hinweis.as_str() {
        "gespeichert" => Some("Die Änderungen wurden gespeichert."),
        "angelegt" => Some("Die Maßnahme wurde angelegt."),
        _ => None,
    };
    Ok(DetailPage {
        layout: ctx.layout,
        history: audit::history(&ctx.state.pool, "measure", &mid.to_string()).await?,
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
}

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

async fn new_form(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let options = db::options(&ctx.state.pool, id).await?;
    let form = MeasureForm {
        status: MeasureStatus::Planned.code().into(),
        ..Default::default()
    };
    Ok(FormPage::new(ctx.layout, network, None, form, options).into_response())
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
                    let created = Measure::from_fields(mid, 1, fields, &options);
                    change
                        .created(Record::new("measure", mid), created.audit_values())
                        .await?;
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
    let stored = db::find(&ctx.state.pool, id, mid)
        .await?
        .ok_or(AppError::NotFound)?;
    let options = db::options(&ctx.state.pool, id).await?;
    let mut page = FormPage::new(
        ctx.layout,
        network,
        Some(mid),
        MeasureForm::from_measure(&stored),
        options,
    );
    page.history = audit::history(&ctx.state.pool, "measure", &mid.to_string()).await?;
    Ok(page.into_response())
}

async fn update(
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    Form(form): Form<MeasureForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let before = db::find(&ctx.state.pool, id, mid)
        .await?
        .ok_or(AppError::NotFound)?;
    let options = db::options(&ctx.state.pool, id).await?;
    let errors = match form.validate(&options) {
        Ok(fields) => {
            let mut change = Change::begin(&ctx).await?;
            match db::update(change.tx(), id, mid, version(&form.version), &fields)
                .await
                .on_constraint(db::CHOSEN_REFERENCES, VANISHED)?
            {
                Ok(true) => {
                    let after = Measure::from_fields(mid, before.version + 1, fields, &options);
                    change
                        .updated(
                            Record::new("measure", mid),
                            before.audit_values(),
                            after.audit_values(),
                        )
                        .await?;
                    return Ok(see_other(&format!(
                        "{}/massnahmen/{mid}?hinweis=gespeichert",
                        network.href()
                    )));
                }
                Ok(false) => {
                    drop(change);
                    // Saving again after reviewing the other person's values is a deliberate
                    // overwrite.
                    let mut form = form;
                    form.version = before.version.to_string();
                    let mut page =
                        FormPage::new(ctx.layout.clone(), network, Some(mid), form, options);
                    page.history =
                        audit::history(&ctx.state.pool, "measure", &mid.to_string()).await?;
                    page.conflict = Some(before);
                    return Ok((StatusCode::CONFLICT, page).into_response());
                }
                Err(errors) => errors,
            }
        }
        Err(errors) => errors,
    };
    let mut page = FormPage::new(ctx.layout.clone(), network, Some(mid), form, options);
    page.errors = errors;
    page.history = audit::history(&ctx.state.pool, "measure", &mid.to_string()).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn confirm_delete(ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let stored = db::find(&ctx.state.pool, id, mid)
        .await?
        .ok_or(AppError::NotFound)?;
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
    let before = db::find(&ctx.state.pool, id, mid)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut change = Change::begin(&ctx).await?;
    if !db::delete(change.conn(), id, mid, version(&form.version)).await? {
        return Err(AppError::stale_delete("Die Maßnahme"));
    }
    change
        .deleted(Record::new("measure", mid), before.audit_values())
        .await?;
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
