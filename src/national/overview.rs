//! The national overview `/bund/uebersicht` (Bund and admins; also the body of the Bund's start
//! page): the 16 Länder side by side — networks, Kreise with a network, funded networks by
//! phase, reports overdue and waiting for review, running measures by Handlungsfeld — and the
//! map of all Kreise. Computed once per change of the data (`computed`), in five statements
//! run at once, however many networks: everything is counted per Land or per Kreis in SQL;
//! only the report schedules (which exist nowhere as rows) are derived in Rust, from one lean
//! row per funding that owes reports.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sqlx::PgPool;
use time::Date;

use crate::computed::Revision;
use crate::error::AppResult;
use crate::format;
use crate::funding::schedule::{Rhythm, SlotState, schedule};
use crate::knowledge::db::Adopted;
use crate::map::measures::{Shading, practice_code};
use crate::map::{Area, Drawn, Map, Section};
use crate::networks::db::{CountedNetworks, figures_per_kreis};
use crate::policy::{Action, authorize};
use crate::state::AppState;
use crate::states::{FundingStatus, MeasureStatus, ReportStatus};
use crate::vocab::{HANDLUNGSFELDER, Term};
use crate::web::filters;
use crate::web::{Ctx, Layout, with_query};

/// The query string of the overview (and of the Bund's start page).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MapChoice {
    pub karte: String,
}

/// Funded networks in one phase (by the phase's name, as programs name them).
pub struct PhaseCount {
    pub phase: String,
    pub networks: i64,
}

/// One Land's line of the overview.
pub struct LandRow {
    pub code: String,
    pub name: String,
    pub networks: i64,
    /// Kreise and kreisfreie Städte of the Land, and how many of them have a network.
    pub kreise: i64,
    pub kreise_with_network: i64,
    pub funded: i64,
    pub funded_by_phase: Vec<PhaseCount>,
    pub overdue: i64,
    pub waiting: i64,
    pub running_measures: i64,
    /// Running measures per Handlungsfeld, in the order of [`HANDLUNGSFELDER`].
    pub by_field: Vec<i64>,
}

impl LandRow {
    fn empty(code: String, name: String, kreise: i64) -> Self {
        Self {
            code,
            name,
            networks: 0,
            kreise,
            kreise_with_network: 0,
            funded: 0,
            funded_by_phase: Vec::new(),
            overdue: 0,
            waiting: 0,
            running_measures: 0,
            by_field: vec![0; HANDLUNGSFELDER.len()],
        }
    }

    /// "12,5 %" of the Land's Kreise with a network.
    pub fn share_text(&self) -> String {
        share(self.kreise_with_network, self.kreise)
    }

    pub fn href(&self) -> String {
        format!("/land/uebersicht?land={}", self.code)
    }
}

fn share(part: i64, whole: i64) -> String {
    if whole == 0 {
        return "–".to_owned();
    }
    format!(
        "{} %",
        format::decimal(part as f64 * 100.0 / whole as f64, 1)
    )
}

/// The whole overview: a line per Land, the totals, and the per-Kreis figures for the map.
pub struct Overview {
    pub laender: Vec<LandRow>,
    pub total: LandRow,
    pub figures: Vec<crate::networks::db::KreisFigures>,
}

struct ScheduleRow {
    land: String,
    start_date: Date,
    end_date: Date,
    report_interval_months: Option<i32>,
    final_report: bool,
    report_due_days: i32,
    seqs: Vec<i32>,
    statuses: Vec<ReportStatus>,
}

impl Overview {
    /// As of the last change of any Land's data: one statement when that was computed
    /// already, and the five of [`Overview::load`] once after each change.
    pub async fn current(state: &AppState, revision: Revision) -> sqlx::Result<Arc<Self>> {
        state
            .computed
            .get_or_compute("bundesuebersicht", "", revision, || {
                Self::load(&state.pool, revision.day)
            })
            .await
    }

    /// Five statements, at once.
    async fn load(pool: &PgPool, today: Date) -> sqlx::Result<Self> {
        let owing: Vec<FundingStatus> = FundingStatus::ALL
            .iter()
            .copied()
            .filter(|s| s.owes_reports())
            .collect();
        let current = [FundingStatus::Granted, FundingStatus::Running];
        let laender = sqlx::query!(
            r#"SELECT l.code::text AS "code!", l.name, count(k.ags) AS "kreise!"
               FROM laender l
               LEFT JOIN kommunen k ON k.land_code = l.code AND k.kind <> 'gemeinde'
               GROUP BY l.code ORDER BY l.code"#
        )
        .fetch_all(pool);
        let figures = figures_per_kreis(
            pool,
            CountedNetworks {
                land_code: None,
                public_only: false,
            },
        );
        // Per Land and phase, and (phase NULL) per Land: a network funded in two phases at
        // once counts once in the Land's total.
        let funded = sqlx::query!(
            r#"SELECT left(n.kommune_ags, 2) AS "land!", ph.name AS "phase?",
                      count(DISTINCT f.network_id) AS "networks!"
               FROM fundings f
               JOIN networks n ON n.id = f.network_id
               JOIN funding_phases ph ON ph.id = f.phase_id
               WHERE f.status = ANY($1)
               GROUP BY GROUPING SETS ((left(n.kommune_ags, 2), ph.name), (left(n.kommune_ags, 2)))
               ORDER BY 1, min(ph.position), 2"#,
            &current as &[FundingStatus],
        )
        .fetch_all(pool);
        let fields = sqlx::query!(
            r#"SELECT left(n.kommune_ags, 2) AS "land!", field AS "field!", count(*) AS "measures!"
               FROM measures m
               JOIN networks n ON n.id = m.network_id
               CROSS JOIN LATERAL unnest(m.handlungsfelder) AS field
               WHERE m.status = $1
               GROUP BY 1, 2"#,
            MeasureStatus::Running as MeasureStatus,
        )
        .fetch_all(pool);
        let schedules = sqlx::query_as!(
            ScheduleRow,
            r#"SELECT left(n.kommune_ags, 2) AS "land!", f.start_date, f.end_date,
                      ph.report_interval_months, ph.final_report, p.report_due_days,
                      coalesce(array_agg(r.seq ORDER BY r.seq) FILTER (WHERE r.id IS NOT NULL), '{}') AS "seqs!",
                      coalesce(array_agg(r.status ORDER BY r.seq) FILTER (WHERE r.id IS NOT NULL), '{}') AS "statuses!: Vec<ReportStatus>"
               FROM fundings f
               JOIN networks n ON n.id = f.network_id
               JOIN funding_phases ph ON ph.id = f.phase_id
               JOIN funding_programs p ON p.id = f.program_id
               LEFT JOIN reports r ON r.funding_id = f.id
               WHERE f.status = ANY($1)
               GROUP BY f.id, n.kommune_ags, ph.id, p.id"#,
            &owing as &[FundingStatus],
        )
        .fetch_all(pool);
        let (laender, figures, funded, fields, schedules) =
            tokio::try_join!(laender, figures, funded, fields, schedules)?;

        let mut rows: Vec<LandRow> = laender
            .into_iter()
            .map(|l| LandRow::empty(l.code, l.name, l.kreise))
            .collect();
        let index: HashMap<String, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code.clone(), i))
            .collect();
        let row_of = |land: &str| index.get(land).copied();
        for f in &figures {
            if let Some(i) = row_of(&f.kreis_ags[..2]) {
                rows[i].networks += f.networks;
                rows[i].kreise_with_network += 1;
                rows[i].running_measures += f.running_measures;
            }
        }
        for f in funded {
            if let Some(i) = row_of(&f.land) {
                match f.phase {
                    Some(phase) => rows[i].funded_by_phase.push(PhaseCount {
                        phase,
                        networks: f.networks,
                    }),
                    None => rows[i].funded = f.networks,
                }
            }
        }
        for f in fields {
            let field = HANDLUNGSFELDER.iter().position(|t| t.code == f.field);
            if let (Some(i), Some(field)) = (row_of(&f.land), field) {
                rows[i].by_field[field] += f.measures;
            }
        }
        for s in schedules {
            let Some(i) = row_of(&s.land) else { continue };
            let rhythm = Rhythm {
                interval_months: s.report_interval_months,
                final_report: s.final_report,
                due_days: s.report_due_days,
            };
            let status_of = |seq: i32| {
                s.seqs
                    .iter()
                    .position(|&q| q == seq)
                    .map(|at| s.statuses[at])
            };
            rows[i].overdue += schedule(s.start_date, s.end_date, rhythm)
                .iter()
                .filter(|slot| {
                    SlotState::of(slot, status_of(slot.seq), today) == SlotState::Overdue
                })
                .count() as i64;
            rows[i].waiting += s.statuses.iter().filter(|r| r.awaits_review()).count() as i64;
        }
        let total = totals(&rows);
        Ok(Self {
            laender: rows,
            total,
            figures,
        })
    }
}

/// The sums of all Länder; phases of the same name add up.
fn totals(rows: &[LandRow]) -> LandRow {
    let mut total = LandRow::empty(
        String::new(),
        "Deutschland".to_owned(),
        rows.iter().map(|r| r.kreise).sum(),
    );
    for r in rows {
        total.networks += r.networks;
        total.kreise_with_network += r.kreise_with_network;
        total.funded += r.funded;
        total.overdue += r.overdue;
        total.waiting += r.waiting;
        total.running_measures += r.running_measures;
        for (sum, n) in total.by_field.iter_mut().zip(&r.by_field) {
            *sum += n;
        }
        for p in &r.funded_by_phase {
            match total
                .funded_by_phase
                .iter_mut()
                .find(|t| t.phase == p.phase)
            {
                Some(t) => t.networks += p.networks,
                None => total.funded_by_phase.push(PhaseCount {
                    phase: p.phase.clone(),
                    networks: p.networks,
                }),
            }
        }
    }
    total
}

/// The overview as pages show it: the tables, the most adopted good practices and the map,
/// shaded by the chosen figure, each Kreis leading to its Land's overview filtered to it. The
/// map's choices and values (`Shading`) add a statement, and the map is drawn, once per change
/// of the data, kept like the overview's figures.
pub struct OverviewBody {
    pub overview: Arc<Overview>,
    pub fields: &'static [Term],
    pub practices: Vec<Adopted>,
    pub map: Section,
}

impl OverviewBody {
    pub async fn load(
        state: &AppState,
        choice: &MapChoice,
        action: &'static str,
    ) -> AppResult<Self> {
        let every = CountedNetworks {
            land_code: None,
            public_only: false,
        };
        let revision = crate::db::revision(&state.pool, None).await?;
        let (overview, shading) = tokio::try_join!(
            Overview::current(state, revision),
            Shading::current(state, revision, &choice.karte, every)
        )?;
        let drawn = Drawn::kept(state, "karte-bund", "", revision, &shading, || async {
            let values = shading.values(&overview.figures);
            let scale = shading.scale();
            let href = |ags: &str| format!("/land/uebersicht?land={}&kreis={ags}", &ags[..2]);
            let map = Map {
                area: Area::Germany,
                values: &values,
                scale: &scale,
                href: &href,
            };
            Drawn::new(format!("Karte der Kreise: {}", scale.title), &map, &shading)
        })
        .await?;
        let map = Section {
            drawn,
            action,
            hidden: Vec::new(),
        };
        Ok(Self {
            overview,
            fields: HANDLUNGSFELDER,
            practices: shading.practices().to_vec(),
            map,
        })
    }

    /// This page's map showing where `practice` was taken over.
    pub fn practice_map_href(&self, practice: &Adopted) -> String {
        let choice = [("karte", practice_code(&practice.slug))];
        format!("{}#karte-titel", with_query(self.map.action, &choice))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "national/overview.html")]
struct OverviewPage {
    layout: Layout,
    body: OverviewBody,
}

pub async fn page(
    ctx: Ctx,
    axum_extra::extract::Query(choice): axum_extra::extract::Query<MapChoice>,
) -> AppResult<Response> {
    authorize(&ctx.user.actor(), Action::ViewNationalOverview)?;
    let body = OverviewBody::load(&ctx.state, &choice, "/bund/uebersicht").await?;
    Ok(OverviewPage {
        layout: ctx.layout,
        body,
    }
    .into_response())
}
