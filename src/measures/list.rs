//! The list of a network's measures: filters (several values of one facet widen, facets
//! narrow), sorting and paging, with every choice kept in the address.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::{Query, QueryRejection};
use serde::{Deserialize, Serialize};

use super::db::{
    self, MeasureFilter, MeasureRow, NetworkOptions, PAGE_SIZE, PartnerFilter, PlaceFilter, Sort,
    SortKey,
};
use crate::error::AppResult;
use crate::format;
use crate::networks::{Need, NetworkContext};
use crate::states::MeasureStatus;
use crate::vocab::{
    self, FINANZIERUNG, HANDLUNGSFELDER, LEBENSPHASEN, Term, ZIELGRUPPEN, ZUGAENGE,
};
use crate::web::Ctx;
use crate::web::Layout;
use crate::web::filters;
use crate::web::form::FieldErrors;
use crate::web::paging::{Paging, Requested};
use crate::web::with_query;

/// The list's address parameters as sent (anything unknown is ignored) and as the list's own
/// links write them (empty ones left out).
#[derive(Default, Deserialize, Serialize)]
#[serde(default)]
pub(super) struct ListQuery {
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
    paging: Paging,
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

/// The first page of the list of `network` narrowed by `filter` and sorted by `sort`.
fn list_href(network: &NetworkContext, filter: &MeasureFilter, sort: Sort) -> String {
    let yes = |set: bool| if set { "ja" } else { "" }.to_owned();
    let query = ListQuery {
        q: filter.text.clone(),
        status: filter.status.clone(),
        handlungsfeld: filter.handlungsfelder.clone(),
        lebensphase: filter.lebensphasen.clone(),
        zielgruppe: filter.zielgruppen.clone(),
        zugang: filter.zugaenge.clone(),
        finanzierung: filter.finanzierung.clone(),
        sozialraum: place_value(filter),
        auch_gesamt: yes(matches!(filter.place, PlaceFilter::Reaching(_))),
        partner: partner_value(filter),
        niedrigschwellig: yes(filter.niedrigschwellig),
        sortierung: if sort == Sort::default() {
            String::new()
        } else {
            sort.code()
        },
        ..ListQuery::default()
    };
    with_query(&format!("{}/massnahmen", network.href()), &query)
}

fn place_value(filter: &MeasureFilter) -> String {
    match filter.place {
        PlaceFilter::Any => String::new(),
        PlaceFilter::WholeCommune => "gesamt".into(),
        PlaceFilter::Sozialraum(id) | PlaceFilter::Reaching(id) => id.to_string(),
    }
}

fn partner_value(filter: &MeasureFilter) -> String {
    match filter.partner {
        PartnerFilter::Any => String::new(),
        PartnerFilter::Without => "ohne".into(),
        PartnerFilter::Partner(id) => id.to_string(),
    }
}

impl ListPage {
    /// Sorting by `key`: ascending first, a second click reverses.
    fn sort_href(&self, key: &SortKey) -> String {
        let descending = self.sort.key == *key && !self.sort.descending;
        list_href(
            &self.network,
            &self.filter,
            Sort {
                key: *key,
                descending,
            },
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
        if self.paging.pages > 1 {
            let (first, last) = self.paging.shown();
            caption.push_str(&format!(
                ", Nr. {} bis {}",
                format::integer(first),
                format::integer(last)
            ));
        }
        caption
    }

    fn filters_open(&self) -> bool {
        self.facets.iter().any(|f| !f.chosen.is_empty())
    }

    fn place_value(&self) -> String {
        place_value(&self.filter)
    }

    fn partner_value(&self) -> String {
        partner_value(&self.filter)
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
) -> (MeasureFilter, Sort, Requested) {
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
    if !query.seite.trim().is_empty() && Requested::number(&query.seite).is_none() {
        *ignored = true;
    }
    let page = Requested::new(&query.seite, PAGE_SIZE);
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

pub async fn list(
    ctx: Ctx,
    Path(id): Path<i64>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let pool = &ctx.state.pool;
    let computed = &ctx.state.computed;
    let options = network
        .kept(computed, "measure_options", None, || async move {
            Ok(db::options(pool, id).await?)
        })
        .await?;
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
    let href = list_href(&network, &filter, sort);
    // The statement moves a page past the end onto the last one, as `paging` does.
    let kept = network
        .kept_for(
            computed,
            "measure_list",
            &format!("{href}#{}", page.page),
            || async { Ok(db::page(pool, id, &filter, sort, page.page).await?) },
        )
        .await?;
    let (rows, total) = (*kept).clone();
    let paging = page.paging(total, href);
    let unfiltered = filter.text.is_empty()
        && facets(&filter).iter().all(|f| f.chosen.is_empty())
        && filter.place == PlaceFilter::Any
        && filter.partner == PartnerFilter::Any
        && !filter.niedrigschwellig;
    Ok(ListPage {
        layout: ctx.layout,
        network,
        options: (*options).clone(),
        facets: facets(&filter),
        filter,
        sort,
        rows,
        total,
        unfiltered,
        paging,
        notice,
        ignored,
        no_errors: FieldErrors::default(),
    }
    .into_response())
}
