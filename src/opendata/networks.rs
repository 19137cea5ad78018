//! The public network profiles as JSON and CSV: the list of `/oeffentlich` (name or place,
//! Land, Kreis, page) with what each profile shows – description, partners by name and
//! kind, running measures. Never the contact details of a network or a partner: the public
//! profile shows none. Three statements: the list and its count at once, then the profiles'
//! partners and measures.

use std::collections::HashMap;

use axum::http::HeaderMap;
use axum::response::Response;
use axum_extra::extract::Query;
use serde_json::{Value, json};

use super::db::{self, ProfileDetails};
use super::{PageSize, Paged, base_url, license_cell, published, term, terms};
use crate::error::AppResult;
use crate::national::public::{self, Found, Paging, Search};
use crate::policy::{self, Action};
use crate::vocab::{self, HANDLUNGSFELDER, LEBENSPHASEN, PARTNER_ARTEN};
use crate::web::csv::{Cell, Sheet, csv_response};
use crate::web::{PublicCtx, encode_query};

/// A page of public profiles with what the answer needs around it.
struct Profiles {
    page: i64,
    size: i64,
    total: i64,
    profiles: Vec<(Found, ProfileDetails)>,
    base: String,
}

/// The page of public profiles the search finds with their details, each asked of the
/// policy as a visitor without login would be, and how many it finds in all.
async fn found(
    ctx: &PublicCtx,
    headers: &HeaderMap,
    search: &Search,
    paging: &Paging,
    size: &PageSize,
) -> AppResult<Profiles> {
    let pool = &ctx.state.pool;
    let page = paging
        .seite
        .trim()
        .parse::<i64>()
        .unwrap_or(1)
        .clamp(1, 10_000);
    let size = size.get(public::PAGE_SIZE);
    let (total, listed) = public::find(pool, search, size, (page - 1) * size).await?;
    let ids: Vec<i64> = listed.iter().map(|n| n.id).collect();
    let mut details: HashMap<i64, ProfileDetails> = db::profile_details(pool, &ids)
        .await?
        .into_iter()
        .filter(|d| {
            policy::allows_visitor(Action::ReadPublicProfile {
                is_public: d.is_public,
            })
        })
        .map(|d| (d.id, d))
        .collect();
    let profiles = listed
        .into_iter()
        .filter_map(|n| details.remove(&n.id).map(|d| (n, d)))
        .collect();
    Ok(Profiles {
        page,
        size,
        total,
        profiles,
        base: base_url(&ctx.state.config, headers),
    })
}

fn profile_url(base: &str, id: i64) -> String {
    format!("{base}/oeffentlich/netzwerke/{id}")
}

pub async fn json(
    ctx: PublicCtx,
    headers: HeaderMap,
    Query(search): Query<Search>,
    Query(paging): Query<Paging>,
    Query(size): Query<PageSize>,
) -> AppResult<Response> {
    let found = found(&ctx, &headers, &search, &paging, &size).await?;
    let records = found
        .profiles
        .iter()
        .map(|(n, d)| profile_json(n, d, &found.base))
        .collect();
    Ok(Paged {
        config: &ctx.state.config,
        base: &found.base,
        path: "/api/v1/netzwerke",
        query: encode_query(
            &[
                ("q", &search.q),
                ("land", &search.land),
                ("kreis", &search.kreis),
            ]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect::<Vec<_>>(),
        ),
        page: found.page,
        size: found.size,
        total: found.total,
    }
    .respond("netzwerke", records))
}

fn profile_json(n: &Found, d: &ProfileDetails, base: &str) -> Value {
    json!({
        "adresse": profile_url(base, n.id),
        "kennung": n.id,
        "name": n.name,
        "beschreibung": n.description,
        "gemeinde": n.kommune,
        "gemeindeschluessel": n.ags,
        "land": { "code": n.land_code, "name": n.land },
        "laufende_massnahmen": n.running_measures,
        "partner": d.partners.iter().map(|p| json!({
            "name": p.name,
            "art": term(PARTNER_ARTEN, &p.kind),
        })).collect::<Vec<_>>(),
        "massnahmen": d.measures.iter().map(|m| json!({
            "titel": m.title,
            "beschreibung": m.description,
            "handlungsfelder": terms(HANDLUNGSFELDER, &m.handlungsfelder),
            "lebensphasen": terms(LEBENSPHASEN, &m.lebensphasen),
            "sozialraum": m.sozialraum.as_deref().unwrap_or("Gesamte Kommune"),
        })).collect::<Vec<_>>(),
    })
}

/// The same page as a spreadsheet: one row a network, partners and measures by name.
pub async fn csv(
    ctx: PublicCtx,
    headers: HeaderMap,
    Query(search): Query<Search>,
    Query(paging): Query<Paging>,
    Query(size): Query<PageSize>,
) -> AppResult<Response> {
    let Profiles {
        page,
        profiles,
        base,
        ..
    } = found(&ctx, &headers, &search, &paging, &size).await?;
    let config = &ctx.state.config;
    let mut sheet = Sheet::new([
        "Name",
        "Gemeinde",
        "Gemeindeschlüssel",
        "Land",
        "Beschreibung",
        "Laufende Maßnahmen",
        "Maßnahmen",
        "Partner",
        "Adresse",
        "Lizenz",
    ])?;
    for (n, d) in &profiles {
        let partners: Vec<String> = d
            .partners
            .iter()
            .map(|p| format!("{} ({})", p.name, vocab::label(PARTNER_ARTEN, &p.kind)))
            .collect();
        let measures: Vec<&str> = d.measures.iter().map(|m| m.title.as_str()).collect();
        sheet.row(&[
            Cell::Text(n.name.clone()),
            Cell::Text(n.kommune.clone()),
            Cell::Text(n.ags.clone()),
            Cell::Text(n.land.clone()),
            Cell::Text(n.description.clone()),
            Cell::Number(n.running_measures.to_string()),
            Cell::Text(measures.join("; ")),
            Cell::Text(partners.join("; ")),
            Cell::Text(profile_url(&base, n.id)),
            license_cell(&config.content_license),
        ])?;
    }
    Ok(published(
        csv_response(&format!("netzwerke-seite-{page}.csv"), sheet.finish()?)?,
        &config.content_license,
    ))
}
