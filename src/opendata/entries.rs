//! The published knowledge entries as JSON and CSV: the search of `/wissen` (words, facets,
//! order, page) with the fields of the entry pages. The search's statements and one for the
//! fields of the page's entries.

use axum::http::HeaderMap;
use axum::response::Response;
use axum_extra::extract::Query;
use serde_json::{Value, json};
use time::format_description::well_known::Rfc3339;

use super::db::{self, PublicEntry};
use super::{PageSize, Paged, base_url, facet_pairs, license_cell, published, term, terms};
use crate::error::AppResult;
use crate::knowledge::db as knowledge_db;
use crate::knowledge::search::Params;
use crate::knowledge::vocab::{ARTEN, EBENEN, QUELLENARTEN, THEMEN, source_caveat, source_title};
use crate::policy::{self, Action, EntryRef};
use crate::vocab::{self, HANDLUNGSFELDER, LEBENSPHASEN};
use crate::web::PublicCtx;
use crate::web::csv::{Cell, Sheet, csv_response};
use crate::web::encode_query;

/// A page of the entries the search finds, with what the answer needs around it.
struct Found {
    request: knowledge_db::SearchRequest,
    /// The search's parameters as a query string, without page and page size.
    filters: String,
    size: i64,
    total: i64,
    entries: Vec<PublicEntry>,
    base: String,
}

/// The page of published entries the search finds, each asked of the policy as a visitor
/// without login would be, and how many it finds in all.
async fn found(
    ctx: &PublicCtx,
    headers: &HeaderMap,
    params: &Params,
    size: &PageSize,
) -> AppResult<Found> {
    let query = params.query();
    let mut request = params.request(&query);
    let size = size.get(knowledge_db::PAGE_SIZE);
    request.page_size = Some(size);
    let result = knowledge_db::search(&ctx.state.pool, &ctx.state.search_pool, &request).await?;
    let slugs: Vec<String> = result.hits.into_iter().map(|hit| hit.slug).collect();
    let mut entries = db::entries(&ctx.state.pool, &slugs).await?;
    entries.retain(visible);
    let mut pairs = vec![("q", query)];
    pairs.extend(facet_pairs(&request));
    if params.sortierung == "datum" {
        pairs.push(("sortierung", "datum".to_owned()));
    }
    pairs.retain(|(_, value)| !value.is_empty());
    Ok(Found {
        filters: encode_query(&pairs),
        request,
        size,
        total: result.total,
        entries,
        base: base_url(&ctx.state.config, headers),
    })
}

/// What open data publishes of the knowledge platform: what a visitor may read.
pub(super) fn visible(entry: &PublicEntry) -> bool {
    policy::allows_visitor(Action::ReadKnowledge(EntryRef {
        status: entry.status,
        author_user_id: None,
        author_kommune_ags: None,
        author_land_code: None,
    }))
}

pub async fn json(
    ctx: PublicCtx,
    headers: HeaderMap,
    Query(params): Query<Params>,
    Query(size): Query<PageSize>,
) -> AppResult<Response> {
    let found = found(&ctx, &headers, &params, &size).await?;
    let records = found
        .entries
        .iter()
        .map(|e| entry_json(e, &found.base))
        .collect();
    Ok(Paged {
        config: &ctx.state.config,
        base: &found.base,
        path: "/api/v1/wissen",
        query: found.filters,
        page: found.request.page + 1,
        size: found.size,
        total: found.total,
    }
    .respond("eintraege", records))
}

pub fn entry_url(base: &str, slug: &str) -> String {
    format!("{base}/wissen/eintrag/{slug}")
}

fn timestamp(at: time::OffsetDateTime) -> Value {
    at.format(&Rfc3339).map_or(Value::Null, Value::String)
}

fn entry_json(e: &PublicEntry, base: &str) -> Value {
    json!({
        "adresse": entry_url(base, &e.slug),
        "kennung": e.slug,
        "titel": e.title,
        "art": term(ARTEN, &e.kind),
        "ebene": term(EBENEN, &e.level),
        "kurzfassung": e.summary,
        "text_markdown": e.body,
        "quelle": {
            "dokument": source_title(&e.source_document),
            "abschnitt": e.source_section,
            "workshop": e.workshop,
            "hinweis": source_caveat(&e.source_document),
        },
        "ort": e.place,
        "gemeindeschluessel": e.kommune_ags,
        "land": e.land_code.as_ref().map(|code| json!({ "code": code, "name": e.land_name })),
        "jahr": e.year,
        "handlungsfelder": terms(HANDLUNGSFELDER, &e.handlungsfelder),
        "themen": terms(THEMEN, &e.themes),
        "lebensphasen": terms(LEBENSPHASEN, &e.lebensphasen),
        "quellen_und_rechtsgrundlagen": e.citations.iter().map(|c| json!({
            "art": term(QUELLENARTEN, &c.kind),
            "titel": c.title,
        })).collect::<Vec<_>>(),
        "kontakte": e.contacts,
        "veroeffentlicht_am": e.published_at.map_or(Value::Null, timestamp),
        "geaendert_am": timestamp(e.updated_at),
    })
}

/// The same page as a spreadsheet: one row an entry, the summary instead of the text (a cell
/// holds at most 32,767 characters in Excel), the licence in every row.
pub async fn csv(
    ctx: PublicCtx,
    headers: HeaderMap,
    Query(params): Query<Params>,
    Query(size): Query<PageSize>,
) -> AppResult<Response> {
    let Found {
        request,
        entries,
        base,
        ..
    } = found(&ctx, &headers, &params, &size).await?;
    let config = &ctx.state.config;
    let mut sheet = Sheet::new([
        "Titel",
        "Art",
        "Ebene",
        "Kurzfassung",
        "Handlungsfelder",
        "Themen",
        "Lebensphasen",
        "Ort",
        "Gemeindeschlüssel",
        "Land",
        "Jahr",
        "Quelle",
        "Hinweis zur Quelle",
        "Quellen und Rechtsgrundlagen",
        "Kontakt",
        "Veröffentlicht am",
        "Geändert am",
        "Adresse",
        "Lizenz",
    ])?;
    for e in &entries {
        let source = match e.source_section.as_str() {
            "" => source_title(&e.source_document).to_owned(),
            section => format!("{}, {section}", source_title(&e.source_document)),
        };
        let citations: Vec<String> = e
            .citations
            .iter()
            .map(|c| format!("{}: {}", vocab::label(QUELLENARTEN, &c.kind), c.title))
            .collect();
        sheet.row(&[
            Cell::Text(e.title.clone()),
            Cell::Text(vocab::label(ARTEN, &e.kind).to_owned()),
            Cell::Text(vocab::label(EBENEN, &e.level).to_owned()),
            Cell::Text(e.summary.clone()),
            Cell::Text(vocab::labels(HANDLUNGSFELDER, &e.handlungsfelder)),
            Cell::Text(vocab::labels(THEMEN, &e.themes)),
            Cell::Text(vocab::labels(LEBENSPHASEN, &e.lebensphasen)),
            Cell::Text(e.place.clone()),
            Cell::Text(e.kommune_ags.clone().unwrap_or_default()),
            Cell::Text(e.land_name.clone().unwrap_or_default()),
            Cell::Number(e.year.map(|y| y.to_string()).unwrap_or_default()),
            Cell::Text(source),
            Cell::Text(
                source_caveat(&e.source_document)
                    .unwrap_or_default()
                    .to_owned(),
            ),
            Cell::Text(citations.join("; ")),
            Cell::Text(e.contacts.join("; ")),
            Cell::Number(
                e.published_at
                    .map(|at| crate::format::date(crate::format::local_date(at)))
                    .unwrap_or_default(),
            ),
            Cell::Number(crate::format::date(crate::format::local_date(e.updated_at))),
            Cell::Text(entry_url(&base, &e.slug)),
            license_cell(&config.content_license),
        ])?;
    }
    let file = format!("wissen-seite-{}.csv", request.page + 1);
    Ok(published(
        csv_response(&file, sheet.finish()?)?,
        &config.content_license,
    ))
}
