//! The NAP progress report (`/bund/nap-bericht`, and `.csv` for German spreadsheets): per Land
//! and nationwide, the networks and the Kreise they cover, running measures by Handlungsfeld
//! and Lebensphase, running fundings by program phase, and the yearly medians of the catalog
//! indicators. Aggregated in SQL, four statements whatever the number of networks, once per
//! change of the data (`computed`); counts of cases are suppressed below the threshold
//! (`suppression`).

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sqlx::PgPool;

use crate::error::AppResult;
use crate::format;
use crate::indicators::{number_with_unit, unit_symbol};
use crate::policy::{self, Action};
use crate::state::AppState;
use crate::states::{FundingStatus, MeasureStatus};
use crate::suppression::{self, Line, Shown};
use crate::vocab::{HANDLUNGSFELDER, LEBENSPHASEN, Term};
use crate::web::csv::{Cell, Sheet, csv_response, number};
use crate::web::filters;
use crate::web::{Ctx, Layout};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/bund/nap-bericht", get(page))
        .route("/bund/nap-bericht.csv", get(csv))
}

/// Program phases are counted by their place in each Land's program (Aufbau, Weiterentwicklung,
/// Verstetigung …); from the fourth on together.
const PHASES: [&str; 4] = ["1. Phase", "2. Phase", "3. Phase", "4. und weitere Phasen"];

/// One Land's coverage.
pub struct Coverage {
    pub code: String,
    pub name: String,
    pub kreise: i64,
    pub covered: i64,
    pub networks: i64,
}

impl Coverage {
    fn share_number(&self) -> String {
        if self.kreise == 0 {
            String::new()
        } else {
            number(100.0 * self.covered as f64 / self.kreise as f64, 1)
        }
    }

    pub fn share(&self) -> String {
        if self.kreise == 0 {
            "–".into()
        } else {
            format!(
                "{}\u{a0}%",
                format::decimal(100.0 * self.covered as f64 / self.kreise as f64, 1)
            )
        }
    }
}

/// A table of counts: a row per Land and the nationwide row, suppressed.
pub struct CountTable {
    pub columns: Vec<&'static str>,
    /// (Land name or "Bundesweit", a count per column)
    pub rows: Vec<(String, Vec<Shown>)>,
}

/// One catalog indicator's median in one year and area.
pub struct Median {
    pub indicator: String,
    pub year: i32,
    pub area: String,
    pub networks: i64,
    /// `None`: fewer networks than the threshold.
    pub median: Option<String>,
    value: Option<f64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "nap/report.html")]
struct ReportPage {
    layout: Layout,
    report: Arc<Report>,
    threshold: i64,
    explanation: String,
    today: time::Date,
}

impl ReportPage {
    /// The count tables: (id, heading, note, table).
    fn tables(&self) -> [(&'static str, &'static str, &'static str, &CountTable); 3] {
        [
            (
                "felder",
                "Laufende Maßnahmen nach Handlungsfeld",
                "Eine Maßnahme kann mehreren Handlungsfeldern angehören und zählt dann in jedem.",
                &self.report.fields,
            ),
            (
                "phasen",
                "Laufende Maßnahmen nach Lebensphase",
                "Eine Maßnahme kann mehreren Lebensphasen angehören und zählt dann in jeder.",
                &self.report.phases,
            ),
            (
                "foerderungen",
                "Laufende Förderungen nach Programmphase",
                "Die Phasen sind in jedem Landesprogramm in ihrer Reihenfolge gezählt, z. B. Aufbau, Weiterentwicklung, Verstetigung.",
                &self.report.fundings,
            ),
        ]
    }
}

struct Report {
    coverage: Vec<Coverage>,
    national: Coverage,
    fields: CountTable,
    phases: CountTable,
    fundings: CountTable,
    medians: Vec<Median>,
}

/// Counts per (Land code, column code) into a table with a row per Land and the nationwide
/// row; each column's Länder add up to its nationwide cell. With `row_totals` a last column
/// holds each row's sum (fundings: one phase each), and suppression holds across both.
fn count_table(
    laender: &[Coverage],
    columns: &[(&str, &'static str)],
    counts: &[(String, String, i64)],
    row_totals: bool,
    threshold: i64,
) -> CountTable {
    let width = columns.len() + usize::from(row_totals);
    let rows = laender.len() + 1;
    let mut cells = vec![0i64; rows * width];
    for (land, code, count) in counts {
        let (Some(r), Some(c)) = (
            laender.iter().position(|l| &l.code == land),
            columns.iter().position(|(col, _)| col == code),
        ) else {
            continue;
        };
        cells[r * width + c] += count;
        cells[laender.len() * width + c] += count;
    }
    let shown = if row_totals {
        for r in 0..rows {
            let sum: i64 = (0..columns.len()).map(|c| cells[r * width + c]).sum();
            cells[r * width + columns.len()] = sum;
        }
        suppression::grid(&cells, laender.len(), columns.len(), threshold)
    } else {
        let lines: Vec<Line> = (0..columns.len())
            .map(|c| Line {
                parts: (0..laender.len()).map(|r| r * width + c).collect(),
                total: laender.len() * width + c,
            })
            .collect();
        suppression::table(&cells, &lines, threshold)
    };
    let mut labels: Vec<&'static str> = columns.iter().map(|(_, label)| *label).collect();
    if row_totals {
        labels.push("Insgesamt");
    }
    CountTable {
        columns: labels,
        rows: laender
            .iter()
            .map(|l| l.name.clone())
            .chain(["Bundesweit".to_owned()])
            .enumerate()
            .map(|(r, name)| (name, shown[r * width..(r + 1) * width].to_vec()))
            .collect(),
    }
}

fn terms(terms: &'static [Term]) -> Vec<(&'static str, &'static str)> {
    terms.iter().map(|t| (t.code, t.label)).collect()
}

/// As of the last change of any Land's data: one statement when that was computed already.
async fn current(state: &AppState) -> sqlx::Result<Arc<Report>> {
    let revision = crate::db::revision(&state.pool, None).await?;
    let threshold = state.config.small_count_threshold;
    state
        .computed
        .get_or_compute("nap-bericht", "", revision, || load(&state.pool, threshold))
        .await
}

async fn load(pool: &PgPool, threshold: i64) -> sqlx::Result<Report> {
    let (coverage, measures, fundings, medians) = tokio::try_join!(
        sqlx::query_as!(
            Coverage,
            r#"SELECT l.code::text AS "code!", l.name,
                      kreise.count AS "kreise!",
                      coalesce(nets.covered, 0) AS "covered!",
                      coalesce(nets.networks, 0) AS "networks!"
               FROM laender l
               CROSS JOIN LATERAL (SELECT count(*) FROM kommunen k
                                   WHERE k.land_code = l.code AND k.kind <> 'gemeinde') kreise
               LEFT JOIN (SELECT k.land_code, count(*) AS networks,
                                 count(DISTINCT left(n.kommune_ags, 5)) AS covered
                          FROM networks n JOIN kommunen k ON k.ags = n.kommune_ags
                          GROUP BY k.land_code) nets ON nets.land_code = l.code
               ORDER BY l.code"#
        )
        .fetch_all(pool),
        sqlx::query!(
            r#"SELECT k.land_code::text AS "land!", 'feld' AS "dimension!", f AS "code!",
                      count(*) AS "count!"
               FROM measures m
               JOIN networks n ON n.id = m.network_id
               JOIN kommunen k ON k.ags = n.kommune_ags
               CROSS JOIN unnest(m.handlungsfelder) f
               WHERE m.status = $1
               GROUP BY 1, 3
               UNION ALL
               SELECT k.land_code::text, 'phase', p, count(*)
               FROM measures m
               JOIN networks n ON n.id = m.network_id
               JOIN kommunen k ON k.ags = n.kommune_ags
               CROSS JOIN unnest(m.lebensphasen) p
               WHERE m.status = $1
               GROUP BY 1, 3"#,
            MeasureStatus::Running as MeasureStatus,
        )
        .fetch_all(pool),
        sqlx::query!(
            r#"SELECT p.land_code::text AS "land!", least(ph.position, 4) AS "phase!",
                      count(*) AS "count!"
               FROM fundings f
               JOIN funding_programs p ON p.id = f.program_id
               JOIN funding_phases ph ON ph.id = f.phase_id
               WHERE f.status = $1
               GROUP BY 1, 2"#,
            FundingStatus::Running as FundingStatus,
        )
        .fetch_all(pool),
        sqlx::query!(
            r#"WITH yearly AS (
                   SELECT DISTINCT ON (i.catalog_id, i.network_id, extract(year FROM v.period_date))
                          i.catalog_id, k.land_code,
                          extract(year FROM v.period_date)::int AS year, v.value
                   FROM indicators i
                   JOIN indicator_values v ON v.indicator_id = i.id
                   JOIN networks n ON n.id = i.network_id
                   JOIN kommunen k ON k.ags = n.kommune_ags
                   WHERE i.catalog_id IS NOT NULL
                   ORDER BY i.catalog_id, i.network_id, extract(year FROM v.period_date),
                            v.period_date DESC
               )
               SELECT min(c.name) AS "name!", min(c.unit) AS "unit!",
                      min(c.unit_label) AS "unit_label!", y.year AS "year!",
                      CASE WHEN grouping(y.land_code) = 0 THEN min(l.name) END AS "land?",
                      count(*) AS "networks!",
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY y.value) AS "median!"
               FROM yearly y
               JOIN catalog_indicators c ON c.id = y.catalog_id
               LEFT JOIN laender l ON l.code = y.land_code
               GROUP BY GROUPING SETS ((y.catalog_id, y.year, y.land_code), (y.catalog_id, y.year))
               ORDER BY 1, 4, y.land_code NULLS FIRST"#
        )
        .fetch_all(pool),
    )?;
    let national = Coverage {
        code: String::new(),
        name: "Bundesweit".into(),
        kreise: coverage.iter().map(|c| c.kreise).sum(),
        covered: coverage.iter().map(|c| c.covered).sum(),
        networks: coverage.iter().map(|c| c.networks).sum(),
    };
    let of = |dimension: &str| -> Vec<(String, String, i64)> {
        measures
            .iter()
            .filter(|m| m.dimension == dimension)
            .map(|m| (m.land.clone(), m.code.clone(), m.count))
            .collect()
    };
    let phase_columns: Vec<(String, &'static str)> = PHASES
        .iter()
        .enumerate()
        .map(|(i, label)| ((i + 1).to_string(), *label))
        .collect();
    let phase_columns: Vec<(&str, &'static str)> = phase_columns
        .iter()
        .map(|(code, label)| (code.as_str(), *label))
        .collect();
    let funding_counts: Vec<(String, String, i64)> = fundings
        .iter()
        .map(|f| (f.land.clone(), f.phase.to_string(), f.count))
        .collect();
    Ok(Report {
        fields: count_table(
            &coverage,
            &terms(HANDLUNGSFELDER),
            &of("feld"),
            false,
            threshold,
        ),
        phases: count_table(
            &coverage,
            &terms(LEBENSPHASEN),
            &of("phase"),
            false,
            threshold,
        ),
        fundings: count_table(&coverage, &phase_columns, &funding_counts, true, threshold),
        medians: medians
            .into_iter()
            .map(|m| Median {
                indicator: m.name,
                year: m.year,
                area: m.land.unwrap_or_else(|| "Bundesweit".into()),
                networks: m.networks,
                median: (m.networks >= threshold)
                    .then(|| number_with_unit(m.median, &unit_symbol(&m.unit, &m.unit_label))),
                value: (m.networks >= threshold).then_some(m.median),
            })
            .collect(),
        coverage,
        national,
    })
}

async fn page(ctx: Ctx) -> AppResult<Response> {
    policy::authorize(&ctx.user.actor(), Action::ViewNapReport)?;
    let threshold = ctx.state.config.small_count_threshold;
    Ok(ReportPage {
        layout: ctx.layout,
        report: current(&ctx.state).await?,
        threshold,
        explanation: suppression::explanation(threshold),
        today: crate::clock::today(),
    }
    .into_response())
}

async fn csv(ctx: Ctx) -> AppResult<Response> {
    policy::authorize(&ctx.user.actor(), Action::ViewNapReport)?;
    let report = current(&ctx.state).await?;
    csv_response(
        &format!("nap-fortschritt-{}.csv", crate::clock::today()),
        report_csv(&report)?,
    )
}

/// One row per figure (section, area, characteristic, year, value), so that a spreadsheet can
/// pivot it; suppressed counts as "< 3", as on the page.
fn report_csv(report: &Report) -> csv::Result<Vec<u8>> {
    let mut sheet = Sheet::new(["Abschnitt", "Gebiet", "Merkmal", "Jahr", "Wert"])?;
    let text = |s: &str| Cell::Text(s.to_owned());
    for c in report.coverage.iter().chain([&report.national]) {
        for (what, value) in [
            ("Netzwerke", c.networks.to_string()),
            ("Kreise und kreisfreie Städte", c.kreise.to_string()),
            ("davon mit Netzwerk", c.covered.to_string()),
            ("Anteil mit Netzwerk (Prozent)", c.share_number()),
        ] {
            sheet.row(&[
                text("Netzwerke und Abdeckung"),
                text(&c.name),
                text(what),
                text(""),
                Cell::Number(value),
            ])?;
        }
    }
    for (section, table) in [
        ("Laufende Maßnahmen nach Handlungsfeld", &report.fields),
        ("Laufende Maßnahmen nach Lebensphase", &report.phases),
        ("Laufende Förderungen nach Programmphase", &report.fundings),
    ] {
        for (area, counts) in &table.rows {
            for (column, count) in table.columns.iter().zip(counts) {
                sheet.row(&[
                    text(section),
                    text(area),
                    text(column),
                    text(""),
                    Cell::Number(count.plain()),
                ])?;
            }
        }
    }
    for m in &report.medians {
        sheet.row(&[
            text("Median der Katalog-Kennzahlen"),
            text(&m.area),
            text(&m.indicator),
            Cell::Number(m.year.to_string()),
            match m.value {
                Some(value) => Cell::Number(number(value, 2)),
                None => text("nicht ausgewiesen"),
            },
        ])?;
    }
    sheet.finish()
}
