//! The Land overview: every network of the Land's municipalities with its funding, next due
//! report, report status and red flags; sortable and filterable; the Land-wide
//! Bestandsaufnahme and the networks per Kreis; CSV export. A fixed number of queries, however
//! many networks: everything per network is computed here from whole-Land result sets.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use time::Date;

use super::db::{self, Funding, ProgramSummary, Within};
use super::schedule::SlotState;
use crate::computed::Revision;
use crate::directory::{self, LandRecord};
use crate::error::{AppError, AppResult};
use crate::format;
use crate::identity::SessionUser;
use crate::inventory::Matrix;
use crate::map::measures::Shading;
use crate::map::{Area, Drawn, Map, Section};
use crate::networks::db::{CountedNetworks, KreisFigures, figures_per_kreis};
use crate::policy::{Action, Scope, authorize};
use crate::state::AppState;
use crate::states::FundingStatus;
use crate::vocab::Term;
use crate::web::Ctx;
use crate::web::Layout;
use crate::web::csv::{Cell, Sheet, csv_response};
use crate::web::filters;
use crate::web::paging::Paging;
use crate::web::{see_other, with_query};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/land/uebersicht", get(page))
        .route("/land/uebersicht.csv", get(csv_export))
}

/// The query string; unknown or malformed values are ignored, never errors.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Filters {
    /// Only for the Bund and admins, who choose the Land.
    pub land: String,
    pub programm: String,
    pub kreis: String,
    pub markierung: String,
    pub sortierung: String,
    /// The figure that shades the map.
    pub karte: String,
}

pub const MARKIERUNGEN: &[Term] = &[
    Term {
        code: "warnung",
        label: "Mit Warnhinweis",
    },
    Term {
        code: "ueberfaellig",
        label: "Bericht überfällig",
    },
    Term {
        code: "zurueckgegeben",
        label: "Bericht zurückgegeben",
    },
    Term {
        code: "nachweise",
        label: "Nachweise fehlen",
    },
    Term {
        code: "ohne_foerderung",
        label: "Ohne Förderung",
    },
];

pub const SORTIERUNGEN: &[Term] = &[
    Term {
        code: "netzwerk",
        label: "Netzwerk",
    },
    Term {
        code: "kommune",
        label: "Kommune",
    },
    Term {
        code: "kreis",
        label: "Kreis",
    },
    Term {
        code: "programm",
        label: "Programm und Phase",
    },
    Term {
        code: "faellig",
        label: "Nächste Fälligkeit",
    },
    Term {
        code: "stand",
        label: "Berichtsstand",
    },
];

/// One network as the overview lists it.
#[derive(Clone, Debug)]
pub struct Row {
    pub network_id: i64,
    pub network_name: String,
    pub kommune_name: String,
    pub kreis_ags: String,
    pub kreis_name: String,
    /// The latest funding that was not refused.
    pub funding: Option<Funding>,
    pub next_due: Option<Date>,
    /// The most pressing state among the network's reports.
    pub report_state: Option<SlotState>,
    pub overdue: bool,
    pub returned: bool,
    pub missing_deliverables: i64,
}

impl Row {
    pub fn program_text(&self) -> String {
        self.funding
            .as_ref()
            .map(|f| format!("{} – {}", f.program_name, f.phase_label()))
            .unwrap_or_default()
    }

    pub fn funding_status(&self) -> &str {
        self.funding.as_ref().map_or("", |f| f.status.label())
    }

    pub fn next_due_text(&self) -> String {
        self.next_due.map(format::date).unwrap_or_default()
    }

    pub fn state_text(&self) -> &'static str {
        self.report_state.map_or("", SlotState::label)
    }

    pub fn has_warning(&self) -> bool {
        self.overdue || self.returned || self.missing_deliverables > 0
    }
}

/// How pressing a state is, for "the" report status of a network (lower: more pressing).
fn urgency(state: SlotState) -> u8 {
    match state {
        SlotState::Overdue => 0,
        SlotState::Returned => 1,
        SlotState::Due => 2,
        SlotState::Draft => 3,
        SlotState::InReview => 4,
        SlotState::Submitted => 5,
        SlotState::Upcoming => 6,
        SlotState::Accepted => 7,
    }
}

struct NetworkRow {
    id: i64,
    name: String,
    kommune_name: String,
    kreis_ags: String,
    kreis_name: Option<String>,
}

/// Every network of the Land with its funding and report state. Three queries.
async fn rows(pool: &sqlx::PgPool, land_code: &str, today: Date) -> sqlx::Result<Vec<Row>> {
    let networks = sqlx::query_as!(
        NetworkRow,
        r#"SELECT n.id, n.name, k.name AS kommune_name, left(k.ags, 5) AS "kreis_ags!",
                  kr.name AS "kreis_name?"
           FROM networks n
           JOIN kommunen k ON k.ags = n.kommune_ags
           LEFT JOIN kommunen kr ON kr.ags = left(k.ags, 5)
           WHERE k.land_code = $1
           ORDER BY n.name COLLATE "de-x-icu", n.id"#,
        land_code
    )
    .fetch_all(pool)
    .await?;
    let within = Within::Land(land_code.to_owned());
    let fundings = db::fundings(pool, &within).await?;
    let reports = db::report_briefs(pool, &within).await?;
    let scheduled = db::scheduled(&fundings, &reports, today);
    let mut fundings_of: HashMap<i64, Vec<&Funding>> = HashMap::new();
    for f in &fundings {
        fundings_of.entry(f.network_id).or_default().push(f);
    }
    let mut slots_of: HashMap<i64, Vec<&db::ScheduledReport>> = HashMap::new();
    for s in &scheduled {
        slots_of.entry(s.funding.network_id).or_default().push(s);
    }
    Ok(networks
        .into_iter()
        .map(|n| {
            // Fundings come ordered by start: the last one not refused is the current one.
            let funding = fundings_of
                .get(&n.id)
                .and_then(|fs| fs.iter().rev().find(|f| f.status != FundingStatus::Refused))
                .map(|f| (*f).clone());
            let slots = slots_of.get(&n.id).map(Vec::as_slice).unwrap_or_default();
            let next_due = slots
                .iter()
                .filter(|s| {
                    !matches!(
                        s.state,
                        SlotState::Submitted | SlotState::InReview | SlotState::Accepted
                    )
                })
                .map(|s| s.slot.due_on)
                .min();
            let report_state = slots.iter().map(|s| s.state).min_by_key(|s| urgency(*s));
            let missing_deliverables = funding
                .as_ref()
                .filter(|f| f.status.owes_reports())
                .map_or(0, Funding::missing_deliverables);
            Row {
                network_id: n.id,
                network_name: n.name,
                kommune_name: n.kommune_name,
                kreis_name: n.kreis_name.unwrap_or_else(|| n.kreis_ags.clone()),
                kreis_ags: n.kreis_ags,
                funding,
                next_due,
                report_state,
                overdue: slots.iter().any(|s| s.state == SlotState::Overdue),
                returned: slots.iter().any(|s| s.state == SlotState::Returned),
                missing_deliverables,
            }
        })
        .collect())
}

/// The rows the filters ask for, in the order they ask for.
pub fn filter_and_sort<'a>(all: &'a [Row], filters: &Filters) -> Vec<&'a Row> {
    let program = filters.programm.parse::<i64>().ok();
    let mut rows: Vec<&Row> = all
        .iter()
        .filter(|r| program.is_none_or(|p| r.funding.as_ref().is_some_and(|f| f.program_id == p)))
        .filter(|r| filters.kreis.is_empty() || r.kreis_ags == filters.kreis)
        .filter(|r| match filters.markierung.as_str() {
            "warnung" => r.has_warning(),
            "ueberfaellig" => r.overdue,
            "zurueckgegeben" => r.returned,
            "nachweise" => r.missing_deliverables > 0,
            "ohne_foerderung" => r.funding.is_none(),
            _ => true,
        })
        .collect();
    // Stable sorts: within equal keys the networks stay alphabetical.
    match filters.sortierung.as_str() {
        "kommune" => rows.sort_by(|a, b| a.kommune_name.cmp(&b.kommune_name)),
        "kreis" => rows.sort_by(|a, b| a.kreis_name.cmp(&b.kreis_name)),
        "programm" => rows.sort_by_key(|r| (r.funding.is_none(), r.program_text())),
        "faellig" => rows.sort_by_key(|r| (r.next_due.is_none(), r.next_due)),
        "stand" => rows.sort_by_key(|r| r.report_state.map_or(u8::MAX, urgency)),
        _ => {}
    }
    rows
}

/// Networks per Kreis: (Kreis, networks, of which funded).
pub struct KreisCount {
    pub name: String,
    pub networks: usize,
    pub funded: usize,
}

fn per_kreis(rows: &[Row]) -> Vec<KreisCount> {
    let mut counts: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for r in rows {
        let entry = counts
            .entry((r.kreis_name.clone(), r.kreis_ags.clone()))
            .or_default();
        entry.0 += 1;
        if r.funding.is_some() {
            entry.1 += 1;
        }
    }
    counts
        .into_iter()
        .map(|((name, _), (networks, funded))| KreisCount {
            name,
            networks,
            funded,
        })
        .collect()
}

/// The Land whose overview `user` may see, as chosen by `filters` for nationwide users;
/// `None` when they chose none ("Alle Länder": that is the national overview).
fn land_for(user: &SessionUser, filters: &Filters) -> AppResult<Option<&'static LandRecord>> {
    authorize(&user.actor(), Action::OpenLandOverview)?;
    let code = match user.actor().scope {
        Scope::Land { land_code } => land_code,
        Scope::Kommune { .. } => return Err(AppError::Forbidden),
        Scope::Nationwide => filters.land.clone(),
    };
    let Some(land) = directory::laender().iter().find(|l| l.code == code) else {
        return match user.actor().scope {
            Scope::Nationwide => Ok(None),
            _ => Err(AppError::NotFound),
        };
    };
    authorize(&user.actor(), Action::ViewLandOverview(&land.code))?;
    Ok(Some(land))
}

/// Where "Alle Länder" leads: the national overview, with the map as it was chosen.
fn all_laender(filters: &Filters) -> Response {
    see_other(&with_query(
        "/bund/uebersicht",
        &[("karte", filters.karte.as_str())]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect::<Vec<_>>(),
    ))
}

/// Everything the overview computes from the whole Land, whichever filters are chosen.
struct LandFigures {
    rows: Vec<Row>,
    per_kreis: Vec<KreisCount>,
    /// The Kreise with a network, by name, for the filter.
    kreise: Vec<(String, String)>,
    programs: Vec<ProgramSummary>,
    matrix: Matrix,
    figures: Vec<KreisFigures>,
}

impl LandFigures {
    /// As of `revision` of the Land's data: no statement when that was computed already,
    /// the Land's statements once after each change.
    async fn current(
        state: &AppState,
        land_code: &str,
        revision: Revision,
    ) -> sqlx::Result<Arc<Self>> {
        state
            .computed
            .get_or_compute("landesuebersicht", land_code, revision, || {
                Self::load(&state.pool, land_code, revision.day)
            })
            .await
    }

    async fn load(pool: &sqlx::PgPool, land_code: &str, today: Date) -> sqlx::Result<Self> {
        let (rows, counts, programs, figures) = tokio::try_join!(
            rows(pool, land_code, today),
            crate::inventory::matrix_of_land(pool, land_code),
            db::programs(pool, Some(land_code)),
            figures_per_kreis(
                pool,
                CountedNetworks {
                    land_code: Some(land_code),
                    public_only: false,
                },
            ),
        )?;
        let mut kreise: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r.kreis_ags.clone(), r.kreis_name.clone()))
            .collect();
        kreise.sort_by(|a, b| a.1.cmp(&b.1));
        kreise.dedup();
        Ok(Self {
            per_kreis: per_kreis(&rows),
            kreise,
            programs,
            matrix: Matrix::build(&counts, |_, _| None),
            figures,
            rows,
        })
    }
}

/// The network table shows 50 rows a page: a Land has hundreds of networks.
const PAGE_SIZE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageChoice {
    seite: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/land_overview.html")]
struct OverviewPage<'a> {
    layout: Layout,
    land_code: &'a str,
    land_name: &'a str,
    /// Länder to choose from (Bund and admins only).
    laender: &'a [LandRecord],
    filters: Filters,
    programs: &'a [ProgramSummary],
    kreise: &'a [(String, String)],
    markierungen: &'static [Term],
    sortierungen: &'static [Term],
    /// The page's rows of those the filters chose.
    rows: &'a [&'a Row],
    /// How many rows the filters chose, and how many the Land has.
    chosen: usize,
    total: usize,
    paging: Paging,
    per_kreis: &'a [KreisCount],
    matrix: &'a Matrix,
    csv_href: String,
    map: Section,
}

impl OverviewPage<'_> {
    fn sort_href(&self, code: &str) -> String {
        let sorted = Filters {
            land: self.land_code.to_owned(),
            sortierung: code.to_owned(),
            ..self.filters.clone()
        };
        with_query("/land/uebersicht", &sorted)
    }

    fn is_sorted_by(&self, code: &str) -> bool {
        self.filters.sortierung == code
            || (code == "netzwerk" && self.filters.sortierung.is_empty())
    }
}

async fn page(
    ctx: Ctx,
    axum_extra::extract::Query(filters): axum_extra::extract::Query<Filters>,
    axum_extra::extract::Query(choice): axum_extra::extract::Query<PageChoice>,
) -> AppResult<Response> {
    let Some(land) = land_for(&ctx.user, &filters)? else {
        return Ok(all_laender(&filters));
    };
    let counted = CountedNetworks {
        land_code: Some(&land.code),
        public_only: false,
    };
    let revision = crate::db::revision(&ctx.state.pool, Some(&land.code)).await?;
    let (computed, shading) = tokio::try_join!(
        LandFigures::current(&ctx.state, &land.code, revision),
        Shading::current(&ctx.state, revision, &filters.karte, counted)
    )?;
    let chosen = filter_and_sort(&computed.rows, &filters);
    let with_land = Filters {
        land: land.code.clone(),
        ..filters.clone()
    };
    let paging = Paging::new(
        &choice.seite,
        chosen.len() as i64,
        PAGE_SIZE,
        format!(
            "{}#netzwerke-land-titel",
            with_query("/land/uebersicht", &with_land)
        ),
    );
    let shown = &chosen[paging.offset() as usize..]
        [..(paging.limit() as usize).min(chosen.len() - paging.offset() as usize)];
    let map = land_map(&ctx.state, revision, &computed, land, &filters, &shading).await?;
    let nationwide = matches!(ctx.user.actor().scope, Scope::Nationwide);
    Ok(OverviewPage {
        map,
        layout: ctx.layout,
        land_code: &land.code,
        land_name: &land.name,
        laender: if nationwide {
            directory::laender()
        } else {
            &[]
        },
        csv_href: with_query("/land/uebersicht.csv", &with_land),
        filters,
        programs: &computed.programs,
        kreise: &computed.kreise,
        markierungen: MARKIERUNGEN,
        sortierungen: SORTIERUNGEN,
        rows: shown,
        chosen: chosen.len(),
        total: computed.rows.len(),
        paging,
        per_kreis: &computed.per_kreis,
        matrix: &computed.matrix,
    }
    .into_response())
}

async fn csv_export(
    ctx: Ctx,
    axum_extra::extract::Query(filters): axum_extra::extract::Query<Filters>,
) -> AppResult<Response> {
    let Some(land) = land_for(&ctx.user, &filters)? else {
        return Ok(all_laender(&filters));
    };
    let revision = crate::db::revision(&ctx.state.pool, Some(&land.code)).await?;
    let computed = LandFigures::current(&ctx.state, &land.code, revision).await?;
    let rows = filter_and_sort(&computed.rows, &filters);
    let name = format!(
        "landesuebersicht-{}-{}.csv",
        land.code,
        crate::clock::today()
    );
    csv_response(&name, csv_bytes(&rows)?)
}

/// The Land's Kreise shaded by the chosen figure; a Kreis leads to this overview filtered to it.
async fn land_map(
    state: &AppState,
    revision: Revision,
    computed: &LandFigures,
    land: &LandRecord,
    filters: &Filters,
    shading: &Shading,
) -> AppResult<Section> {
    let drawn = Drawn::kept(
        state,
        "karte-land",
        &land.code,
        revision,
        shading,
        || async {
            let values = shading.values(&computed.figures);
            let scale = shading.scale();
            let href = |ags: &str| {
                let narrowed = Filters {
                    land: land.code.clone(),
                    kreis: ags.to_owned(),
                    karte: shading.measure.code(),
                    ..Filters::default()
                };
                format!(
                    "{}#netzwerke-land-titel",
                    with_query("/land/uebersicht", &narrowed)
                )
            };
            let map = Map {
                area: Area::Land(&land.code),
                values: &values,
                scale: &scale,
                href: &href,
            };
            Drawn::new(
                format!("Karte der Kreise in {}: {}", land.name, scale.title),
                &map,
                shading,
            )
        },
    )
    .await?;
    let hidden = [
        ("land", &filters.land),
        ("programm", &filters.programm),
        ("kreis", &filters.kreis),
        ("markierung", &filters.markierung),
        ("sortierung", &filters.sortierung),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (k, v.clone()))
    .collect();
    Ok(Section {
        drawn,
        action: "/land/uebersicht",
        hidden,
    })
}

fn csv_bytes(rows: &[&Row]) -> csv::Result<Vec<u8>> {
    let mut sheet = Sheet::new(&[
        "Netzwerk",
        "Kommune",
        "Kreis",
        "Programm",
        "Phase",
        "Förderstatus",
        "Bewilligt (Euro)",
        "Nächste Fälligkeit",
        "Berichtsstand",
        "Bericht überfällig",
        "Bericht zurückgegeben",
        "Fehlende Nachweise",
    ])?;
    let yes_no = |b: bool| Cell::Text(if b { "ja" } else { "nein" }.to_owned());
    for r in rows {
        let f = r.funding.as_ref();
        sheet.row(&[
            Cell::Text(r.network_name.clone()),
            Cell::Text(r.kommune_name.clone()),
            Cell::Text(r.kreis_name.clone()),
            Cell::Text(f.map(|f| f.program_name.clone()).unwrap_or_default()),
            Cell::Text(f.map(Funding::phase_label).unwrap_or_default()),
            Cell::Text(r.funding_status().to_owned()),
            Cell::Number(
                f.and_then(|f| f.granted_amount_euro)
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            ),
            Cell::Number(r.next_due_text()),
            Cell::Text(r.state_text().to_owned()),
            yes_no(r.overdue),
            yes_no(r.returned),
            Cell::Number(r.missing_deliverables.to_string()),
        ])?;
    }
    sheet.finish()
}
