//! Public discovery `/oeffentlich`: the networks with a public profile, searchable by name or
//! place and by Land (and Kreis, from the map), twenty to a page, and the map of Germany shaded
//! by public networks only. Nothing of a network without a public profile shows here, not even
//! in a count. Two statements at once, however many networks: the list and the revision of the
//! data, for which the map with its figures and choices is computed once and kept
//! (`map::Drawn::kept`); the figures also count the list, unless it is searched by words (a
//! third statement).

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::computed::Revision;
use crate::directory::{self, LandRecord};
use crate::error::AppResult;
use crate::map::measures::Shading;
use crate::map::{Area, Drawn, KREISE, Map, Section, display_name};
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
    let state = &ctx.state;
    let page = paging.seite.parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let kreis = KREISE.iter().find(|k| k.ags == search.kreis);
    let narrowed = Narrowed::new(&search);
    // Without words the count comes from the map's figures, kept per revision.
    let counted = async {
        match narrowed.pattern {
            Some(_) => count(&state.pool, &narrowed).await.map(Some),
            None => Ok(None),
        }
    };
    let (found, revision, counted) = tokio::try_join!(
        list(&state.pool, &narrowed, PAGE_SIZE, (page - 1) * PAGE_SIZE),
        crate::db::revision(&state.pool, None),
        counted
    )?;
    let total = match counted {
        Some(total) => total,
        None => narrowed.count_in(&public_figures(state, revision).await?),
    };
    let public = CountedNetworks {
        land_code: None,
        public_only: true,
    };
    let shading = Shading::current(state, revision, &search.karte, public).await?;
    let drawn = Drawn::kept(
        state,
        "karte-oeffentlich",
        "",
        revision,
        &shading,
        || async {
            let figures = public_figures(state, revision).await?;
            let values = shading.values(figures.as_slice());
            let mut scale = shading.scale();
            scale.title = format!("{} (öffentliche Profile)", scale.title);
            let href = |ags: &str| format!("/oeffentlich?kreis={ags}#treffer-titel");
            let map = Map {
                area: Area::Germany,
                values: &values,
                scale: &scale,
                href: &href,
            };
            Drawn::new(
                "Karte der Kreise: Netzwerke mit öffentlichem Profil".to_owned(),
                &map,
                &shading,
            )
        },
    )
    .await?;
    let hidden = [("q", &search.q), ("land", &search.land)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.clone()))
        .collect();
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
        map: Section {
            drawn,
            action: "/oeffentlich",
            hidden,
        },
    }
    .into_response())
}

/// What a search narrows the public networks to: name or place (an ILIKE pattern), Land, Kreis.
struct Narrowed<'a> {
    pattern: Option<String>,
    land: Option<&'a str>,
    kreis_ags: Option<&'static str>,
}

impl<'a> Narrowed<'a> {
    fn new(search: &'a Search) -> Self {
        Self {
            pattern: crate::db::like_pattern(&search.q),
            land: (search.land.len() == 2).then_some(search.land.as_str()),
            kreis_ags: KREISE.iter().find(|k| k.ags == search.kreis).map(|k| k.ags),
        }
    }

    /// How many networks a search without words finds, from the public networks per Kreis
    /// (a Kreis's AGS begins with its Land's code).
    fn count_in(&self, figures: &[KreisFigures]) -> i64 {
        figures
            .iter()
            .filter(|f| self.kreis_ags.is_none_or(|ags| f.kreis_ags == ags))
            .filter(|f| self.land.is_none_or(|land| f.kreis_ags.starts_with(land)))
            .map(|f| f.networks)
            .sum()
    }
}

/// The networks with a public profile that `search` finds (name or place, Land, Kreis), `limit`
/// of them from `offset` in the order of `/oeffentlich`, and how many it finds in all: two
/// statements at once. The list of the open-data interface.
pub async fn find(
    pool: &sqlx::PgPool,
    search: &Search,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(i64, Vec<Found>)> {
    let narrowed = Narrowed::new(search);
    tokio::try_join!(count(pool, &narrowed), list(pool, &narrowed, limit, offset))
}

/// The count and the list with their narrowing, every shape a statement of its own: a
/// generic plan for optional filters (`$1 IS NULL OR …`) tests the name of every network of the
/// country (9 ms at 5,000 networks), one for words alone answers from the trigram indexes of
/// names (migration 0023) or reads the public networks in the list's order until the page is
/// full. The narrowing's parameters follow the statement's own.
macro_rules! public_count {
    ($narrowing:literal $(, $parameter:expr)*) => {
        sqlx::query_scalar!(
            r#"SELECT count(*) AS "count!"
               FROM networks n JOIN kommunen k ON k.ags = n.kommune_ags
               WHERE n.is_public AND "# + $narrowing
            $(, $parameter)*
        )
    };
}

/// See `public_count`; `$1`–`$3` are the running state, the limit and the offset.
macro_rules! public_list {
    ($narrowing:literal, $running:expr, $limit:expr, $offset:expr $(, $parameter:expr)*) => {
        sqlx::query_as!(
            Found,
            r#"SELECT n.id, n.name, k.name AS kommune, k.ags, l.name AS land, l.code::text AS "land_code!", n.description,
                      (SELECT count(*) FROM measures m WHERE m.network_id = n.id AND m.status = $1) AS "running_measures!"
               FROM networks n
               JOIN kommunen k ON k.ags = n.kommune_ags
               JOIN laender l ON l.code = k.land_code
               WHERE n.is_public AND "# + $narrowing + r#"
               ORDER BY n.name COLLATE "de-x-icu", n.id
               LIMIT $2 OFFSET $3"#,
            $running as MeasureStatus,
            $limit,
            $offset
            $(, $parameter)*
        )
    };
}

/// Name or place: the networks whose name matches, and those of the Kommunen whose name does,
/// so that both are index scans of the networks.
async fn count(pool: &sqlx::PgPool, narrowed: &Narrowed<'_>) -> sqlx::Result<i64> {
    match narrowed {
        Narrowed {
            pattern: Some(pattern),
            land: None,
            kreis_ags: None,
        } => {
            public_count!(
                "(n.name ILIKE $1
                  OR n.kommune_ags = ANY (ARRAY(SELECT ags FROM kommunen WHERE name ILIKE $1)))",
                pattern
            )
            .fetch_one(pool)
            .await
        }
        _ => {
            public_count!(
                "($1::text IS NULL OR n.name ILIKE $1
                  OR n.kommune_ags = ANY (ARRAY(SELECT ags FROM kommunen WHERE name ILIKE $1)))
                 AND ($2::text IS NULL OR k.land_code = $2)
                 AND ($3::text IS NULL OR left(n.kommune_ags, 5) = $3)",
                narrowed.pattern,
                narrowed.land,
                narrowed.kreis_ags
            )
            .fetch_one(pool)
            .await
        }
    }
}

/// One statement. The list of every public network is a statement of its own as well: for
/// the statement with the optional filters the generic plan sorted every public network by
/// name (4.5 ms at 1,000 public networks) where the one without filters reads the first twenty
/// from the index in order (0.1 ms).
async fn list(
    pool: &sqlx::PgPool,
    narrowed: &Narrowed<'_>,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<Found>> {
    let running = MeasureStatus::Running;
    match narrowed {
        Narrowed {
            pattern: None,
            land: None,
            kreis_ags: None,
        } => {
            public_list!("true", running, limit, offset)
                .fetch_all(pool)
                .await
        }
        Narrowed {
            pattern: Some(pattern),
            land: None,
            kreis_ags: None,
        } => {
            public_list!(
                "(n.name ILIKE $4
                  OR n.kommune_ags = ANY (ARRAY(SELECT ags FROM kommunen WHERE name ILIKE $4)))",
                running,
                limit,
                offset,
                pattern
            )
            .fetch_all(pool)
            .await
        }
        _ => {
            public_list!(
                "($4::text IS NULL OR n.name ILIKE $4
                  OR n.kommune_ags = ANY (ARRAY(SELECT ags FROM kommunen WHERE name ILIKE $4)))
                 AND ($5::text IS NULL OR k.land_code = $5)
                 AND ($6::text IS NULL OR left(n.kommune_ags, 5) = $6)",
                running,
                limit,
                offset,
                narrowed.pattern,
                narrowed.land,
                narrowed.kreis_ags
            )
            .fetch_all(pool)
            .await
        }
    }
}
