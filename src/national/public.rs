//! Public discovery `/oeffentlich`: the networks with a public profile, searchable by name or
//! place and by Land (and Kreis, from the map), twenty to a page, and the map of Germany shaded
//! by public networks only. Nothing of a network without a public profile shows here, not even
//! in a count. Three statements, however many networks (the map's figures are computed once
//! per change of the data), and one more for the map's choices, kept the same way.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::computed::Revision;
use crate::directory::{self, LandRecord};
use crate::error::AppResult;
use crate::map::measures::Shading;
use crate::map::{Area, KREISE, Map, Section, display_name};
use crate::networks::db::{CountedNetworks, KreisFigures, figures_per_kreis};
use crate::state::AppState;
use crate::states::MeasureStatus;
use crate::web::filters;
use crate::web::{Layout, PublicCtx, encode_query};

pub const PAGE_SIZE: i64 = 20;

/// The query string; anything malformed is ignored.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Search {
    pub q: String,
    pub land: String,
    pub kreis: String,
    pub karte: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Paging {
    pub seite: String,
}

pub struct Found {
    pub id: i64,
    pub name: String,
    pub kommune: String,
    pub ags: String,
    pub land: String,
    pub land_code: String,
    pub description: String,
    pub running_measures: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "national/public.html")]
struct PublicPage {
    layout: Layout,
    search: Search,
    laender: &'static [LandRecord],
    /// The Kreis the list is narrowed to, by name.
    kreis_name: Option<String>,
    found: Vec<Found>,
    total: i64,
    page: i64,
    pages: i64,
    /// The query string of the search, for the paging links.
    current: String,
    map: Section,
}

/// The public networks per Kreis for the map, as of `revision` of the country's data.
async fn public_figures(
    state: &AppState,
    revision: Revision,
) -> sqlx::Result<Arc<Vec<KreisFigures>>> {
    state
        .computed
        .get_or_compute("oeffentliche-karte", "", revision, || {
            figures_per_kreis(
                &state.pool,
                CountedNetworks {
                    land_code: None,
                    public_only: true,
                },
            )
        })
        .await
}

pub async fn page(
    ctx: PublicCtx,
    axum_extra::extract::Query(search): axum_extra::extract::Query<Search>,
    axum_extra::extract::Query(paging): axum_extra::extract::Query<Paging>,
) -> AppResult<Response> {
    let pool = &ctx.state.pool;
    let page = paging.seite.parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let kreis = KREISE.iter().find(|k| k.ags == search.kreis);
    let listed = find(pool, &search, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    let public = CountedNetworks {
        land_code: None,
        public_only: true,
    };
    let revision = crate::db::revision(pool, None).await?;
    let shading = Shading::current(&ctx.state, revision, &search.karte, public);
    let ((total, found), figures, shading) =
        tokio::try_join!(listed, public_figures(&ctx.state, revision), shading)?;

    let values = shading.values(figures.as_slice());
    let mut scale = shading.scale();
    scale.title = format!("{} (öffentliche Profile)", scale.title);
    let href = |ags: &str| format!("/oeffentlich?kreis={ags}#treffer-titel");
    let drawn = Map {
        area: Area::Germany,
        values: &values,
        scale: &scale,
        href: &href,
    };
    let kept: Vec<(&'static str, String)> = [("q", &search.q), ("land", &search.land)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.clone()))
        .collect();
    let map = Section::new(
        "Karte der Kreise: Netzwerke mit öffentlichem Profil".to_owned(),
        &drawn,
        &shading,
        "/oeffentlich",
        kept,
    );
    Ok(PublicPage {
        layout: ctx.layout,
        laender: directory::laender(),
        kreis_name: kreis.map(display_name),
        found,
        total,
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        current: encode_query(&search),
        search,
        map,
    }
    .into_response())
}

/// The networks with a public profile that `search` finds (name or place, Land, Kreis), `limit`
/// of them from `offset` in the order of `/oeffentlich`, and how many it finds in all: two
/// statements at once. The list of `/oeffentlich` and of the open-data interface.
pub async fn find(
    pool: &sqlx::PgPool,
    search: &Search,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(i64, Vec<Found>)> {
    let pattern = crate::db::like_pattern(&search.q);
    let land = (search.land.len() == 2).then_some(search.land.as_str());
    let kreis_ags = KREISE.iter().find(|k| k.ags == search.kreis).map(|k| k.ags);
    let total = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!"
           FROM networks n JOIN kommunen k ON k.ags = n.kommune_ags
           WHERE n.is_public
             AND ($1::text IS NULL OR n.name ILIKE $1 OR k.name ILIKE $1)
             AND ($2::text IS NULL OR k.land_code = $2)
             AND ($3::text IS NULL OR left(n.kommune_ags, 5) = $3)"#,
        pattern,
        land,
        kreis_ags,
    )
    .fetch_one(pool);
    let found = sqlx::query_as!(
        Found,
        r#"SELECT n.id, n.name, k.name AS kommune, k.ags, l.name AS land, l.code::text AS "land_code!", n.description,
                  (SELECT count(*) FROM measures m WHERE m.network_id = n.id AND m.status = $4) AS "running_measures!"
           FROM networks n
           JOIN kommunen k ON k.ags = n.kommune_ags
           JOIN laender l ON l.code = k.land_code
           WHERE n.is_public
             AND ($1::text IS NULL OR n.name ILIKE $1 OR k.name ILIKE $1)
             AND ($2::text IS NULL OR k.land_code = $2)
             AND ($3::text IS NULL OR left(n.kommune_ags, 5) = $3)
           ORDER BY n.name COLLATE "de-x-icu", n.id
           LIMIT $5 OFFSET $6"#,
        pattern,
        land,
        kreis_ags,
        MeasureStatus::Running as MeasureStatus,
        limit,
        offset,
    )
    .fetch_all(pool);
    tokio::try_join!(total, found)
}
