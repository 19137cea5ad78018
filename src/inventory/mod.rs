//! Bestandsaufnahme: which active measures cover which Handlungsfeld in which Lebensphase,
//! where the gaps are, and which measures of different partners may duplicate each other.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use crate::error::AppResult;
use crate::networks::{Need, NetworkContext};
use crate::state::AppState;
use crate::states::MeasureStatus;
use crate::vocab::{self, HANDLUNGSFELDER, LEBENSPHASEN, Term, ZIELGRUPPEN};
use crate::web::Ctx;
use crate::web::Layout;
use crate::web::with_query;

/// The target group of measures meant for every family: they count for each target group.
const ALL_FAMILIES: &str = "alle_familien";

pub fn routes() -> Router<AppState> {
    Router::new().route("/netzwerke/{id}/bestandsaufnahme", get(page))
}

/// The filters, as the query string brings them; anything unknown is ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Filters {
    pub sozialraum: String,
    pub zielgruppe: String,
}

/// A Sozialraum of the network, for the filter.
#[derive(Clone)]
pub struct SozialraumOption {
    pub id: i64,
    pub name: String,
}

/// Running measures of one Handlungsfeld in one Lebensphase, and in how many networks.
pub struct Count {
    pub field: String,
    pub phase: String,
    pub measures: i64,
    pub networks: i64,
}

/// The coverage matrix as every page shows it (Bestandsaufnahme, report, Landesübersicht):
/// a row per Handlungsfeld, a cell per Lebensphase.
pub struct Matrix {
    /// Each Lebensphase with its short column header.
    pub phases: Vec<(Term, &'static str)>,
    pub rows: Vec<MatrixRow>,
    /// Cells without a running measure.
    pub gaps: usize,
    /// No running measure at all: gaps would say nothing.
    pub empty: bool,
}

pub struct MatrixRow {
    pub field: Term,
    pub cells: Vec<Cell>,
}

pub struct Cell {
    pub phase: Term,
    /// The Lebensphase's column header, repeated in the list view on phones.
    pub short: &'static str,
    pub measures: i64,
    pub networks: i64,
    /// Where the cell's measures are listed, if the page links them.
    pub href: Option<String>,
}

impl Matrix {
    /// Every Handlungsfeld × Lebensphase from the non-empty `counts`; `href` gives a cell's link.
    pub fn build(counts: &[Count], href: impl Fn(&Term, &Term) -> Option<String>) -> Self {
        let rows: Vec<MatrixRow> = HANDLUNGSFELDER
            .iter()
            .map(|field| MatrixRow {
                field: *field,
                cells: LEBENSPHASEN
                    .iter()
                    .map(|phase| {
                        let found = counts
                            .iter()
                            .find(|c| c.field == field.code && c.phase == phase.code);
                        Cell {
                            phase: *phase,
                            short: short_label(phase),
                            measures: found.map_or(0, |c| c.measures),
                            networks: found.map_or(0, |c| c.networks),
                            href: href(field, phase),
                        }
                    })
                    .collect(),
            })
            .collect();
        let gaps = rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.measures == 0)
            .count();
        Self {
            phases: LEBENSPHASEN.iter().map(|p| (*p, short_label(p))).collect(),
            empty: counts.is_empty(),
            rows,
            gaps,
        }
    }
}

/// A Lebensphase's name where six of them share a page width; the full label stays for screen
/// readers and as a tooltip.
fn short_label(phase: &Term) -> &'static str {
    match phase.code {
        "schwangerschaft_geburt" => "Schwanger\u{ad}schaft, Geburt",
        "null_bis_drei" => "0–3 Jahre",
        "drei_bis_sechs" => "3–6 Jahre",
        "sechs_bis_zehn" => "6–10 Jahre",
        "zehn_bis_sechzehn" => "10–16 Jahre",
        "sechzehn_bis_achtzehn" => "16–18 Jahre",
        _ => phase.label,
    }
}

/// Two active measures of different partners that share a Handlungsfeld, a Lebensphase, a
/// target group and the Sozialraum.
#[derive(Clone)]
pub struct Overlap {
    pub first_id: i64,
    pub first_title: String,
    pub first_partner: String,
    pub second_id: i64,
    pub second_title: String,
    pub second_partner: String,
    pub sozialraum: String,
    pub shared: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "inventory/page.html")]
struct InventoryPage {
    layout: Layout,
    network: NetworkContext,
    filters: Filters,
    sozialraeume: Vec<SozialraumOption>,
    zielgruppen: &'static [Term],
    matrix: Matrix,
    overlaps: Vec<Overlap>,
}

async fn page(
    ctx: Ctx,
    Path(id): Path<i64>,
    axum_extra::extract::Query(filters): axum_extra::extract::Query<Filters>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let (pool, computed) = (&ctx.state.pool, &ctx.state.computed);
    let sozialraeume = network
        .kept(computed, "inventory_sozialraeume", None, || async move {
            Ok(sqlx::query_as!(
                SozialraumOption,
                "SELECT id, name FROM sozialraeume WHERE network_id = $1 ORDER BY name",
                id
            )
            .fetch_all(pool)
            .await?)
        })
        .await?;
    // Unknown filter values (hand-edited URLs) are dropped, not errors.
    let sozialraum = filters
        .sozialraum
        .parse::<i64>()
        .ok()
        .filter(|s| sozialraeume.iter().any(|o| o.id == *s));
    let zielgruppe =
        vocab::is_known(ZIELGRUPPEN, &filters.zielgruppe).then(|| filters.zielgruppe.clone());
    let filters = Filters {
        sozialraum: sozialraum.map(|s| s.to_string()).unwrap_or_default(),
        zielgruppe: zielgruppe.clone().unwrap_or_default(),
    };
    let zielgruppe = zielgruppe.as_deref();
    let kept = network
        .kept_for(
            computed,
            "inventory",
            &format!("{sozialraum:?}/{zielgruppe:?}"),
            || async move {
                Ok((
                    matrix(pool, id, sozialraum, zielgruppe).await?,
                    overlaps(pool, id, sozialraum, zielgruppe).await?,
                ))
            },
        )
        .await?;
    let (counts, overlaps) = &*kept;
    let list = format!("{}/massnahmen", network.href());
    let matrix = Matrix::build(counts, |field, phase| {
        Some(cell_href(&list, field, phase, &filters))
    });
    Ok(InventoryPage {
        layout: ctx.layout,
        overlaps: overlaps.clone(),
        network,
        filters,
        sozialraeume: sozialraeume.to_vec(),
        zielgruppen: ZIELGRUPPEN,
        matrix,
    }
    .into_response())
}

/// The running measures of a network per Handlungsfeld and Lebensphase (only non-empty
/// cells). With a Sozialraum, measures for the whole municipality count there too; with a
/// target group, measures for all families count for it too.
pub async fn matrix(
    pool: &PgPool,
    network_id: i64,
    sozialraum: Option<i64>,
    zielgruppe: Option<&str>,
) -> sqlx::Result<Vec<Count>> {
    sqlx::query_as!(
        Count,
        r#"SELECT field AS "field!", phase AS "phase!", count(*) AS "measures!",
                  count(DISTINCT m.network_id) AS "networks!"
           FROM measures m, unnest(m.handlungsfelder) field, unnest(m.lebensphasen) phase
           WHERE m.network_id = $1 AND m.status = $4
             AND ($2::bigint IS NULL OR m.sozialraum_id = $2 OR m.sozialraum_id IS NULL)
             AND ($3::text IS NULL OR m.zielgruppen && ARRAY[$3, $5])
           GROUP BY field, phase"#,
        network_id,
        sozialraum,
        zielgruppe,
        MeasureStatus::Running as MeasureStatus,
        ALL_FAMILIES,
    )
    .fetch_all(pool)
    .await
}

/// [`matrix`] for a whole Land: running measures of all networks of its municipalities per
/// Handlungsfeld and Lebensphase (only non-empty cells), and how many networks cover each.
/// One query over `measure_coverage` (running measures per network and cell, kept by triggers
/// on measures): a few rows per network instead of every measure of the Land (NRW with 700
/// networks: 28,000 measures, 77 ms).
pub async fn matrix_of_land(pool: &PgPool, land_code: &str) -> sqlx::Result<Vec<Count>> {
    sqlx::query_as!(
        Count,
        r#"SELECT c.feld AS "field!", c.phase AS "phase!", sum(c.measures)::bigint AS "measures!",
                  count(*) AS "networks!"
           FROM measure_coverage c
           JOIN networks n ON n.id = c.network_id
           WHERE left(n.kommune_ags, 2) = $1
           GROUP BY c.feld, c.phase"#,
        land_code,
    )
    .fetch_all(pool)
    .await
}

/// The measure list's address for a cell: its running measures, within the page's filters.
#[derive(Serialize)]
struct CellLink<'a> {
    status: &'static str,
    handlungsfeld: &'static str,
    lebensphase: &'static str,
    sozialraum: Option<&'a str>,
    /// The Sozialraum's measures together with those for the whole municipality, as the
    /// matrix counts them.
    auch_gesamt: Option<&'static str>,
    /// With a target group also the measures for all families, as the matrix counts them.
    zielgruppe: Vec<&'a str>,
}

fn cell_href(list: &str, field: &Term, phase: &Term, filters: &Filters) -> String {
    let sozialraum = Some(filters.sozialraum.as_str()).filter(|s| !s.is_empty());
    let zielgruppe = match filters.zielgruppe.as_str() {
        "" => Vec::new(),
        ALL_FAMILIES => vec![ALL_FAMILIES],
        group => vec![group, ALL_FAMILIES],
    };
    with_query(
        list,
        &CellLink {
            status: "laufend",
            handlungsfeld: field.code,
            lebensphase: phase.code,
            sozialraum,
            auch_gesamt: sozialraum.is_some().then_some("ja"),
            zielgruppe,
        },
    )
}

async fn overlaps(
    pool: &PgPool,
    network_id: i64,
    sozialraum: Option<i64>,
    zielgruppe: Option<&str>,
) -> sqlx::Result<Vec<Overlap>> {
    let rows = sqlx::query!(
        r#"SELECT m1.id AS first_id, m1.title AS first_title, p1.name AS first_partner,
                  m2.id AS second_id, m2.title AS second_title, p2.name AS second_partner,
                  s.name AS "sozialraum?",
                  ARRAY(SELECT unnest(m1.handlungsfelder) INTERSECT SELECT unnest(m2.handlungsfelder)) AS "fields!",
                  ARRAY(SELECT unnest(m1.lebensphasen) INTERSECT SELECT unnest(m2.lebensphasen)) AS "phases!",
                  ARRAY(SELECT unnest(m1.zielgruppen) INTERSECT SELECT unnest(m2.zielgruppen)) AS "groups!"
           FROM measures m1
           JOIN measures m2 ON m2.network_id = m1.network_id AND m1.id < m2.id
           JOIN partners p1 ON p1.id = m1.partner_id
           JOIN partners p2 ON p2.id = m2.partner_id
           LEFT JOIN sozialraeume s ON s.id = m1.sozialraum_id
           WHERE m1.network_id = $1
             AND m1.status = $4 AND m2.status = $4
             AND m1.partner_id <> m2.partner_id
             AND m1.sozialraum_id IS NOT DISTINCT FROM m2.sozialraum_id
             AND m1.handlungsfelder && m2.handlungsfelder
             AND m1.lebensphasen && m2.lebensphasen
             AND m1.zielgruppen && m2.zielgruppen
             AND ($2::bigint IS NULL OR m1.sozialraum_id = $2 OR m1.sozialraum_id IS NULL)
             AND ($3::text IS NULL OR (m1.zielgruppen && ARRAY[$3, $5] AND m2.zielgruppen && ARRAY[$3, $5]))
           ORDER BY m1.title, m2.title
           LIMIT 200"#,
        network_id,
        sozialraum,
        zielgruppe,
        MeasureStatus::Running as MeasureStatus,
        ALL_FAMILIES,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Overlap {
            first_id: r.first_id,
            first_title: r.first_title,
            first_partner: r.first_partner,
            second_id: r.second_id,
            second_title: r.second_title,
            second_partner: r.second_partner,
            sozialraum: r.sozialraum.unwrap_or_else(|| "Gesamte Kommune".into()),
            shared: [
                vocab::labels(HANDLUNGSFELDER, &r.fields),
                vocab::labels(LEBENSPHASEN, &r.phases),
                vocab::labels(ZIELGRUPPEN, &r.groups),
            ]
            .join(" · "),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::{Count, Matrix, short_label};
    use crate::vocab::LEBENSPHASEN;

    #[test]
    fn a_matrix_counts_its_gaps_and_knows_when_it_is_empty() {
        let counts = [Count {
            field: "wohnen".into(),
            phase: "null_bis_drei".into(),
            measures: 4,
            networks: 2,
        }];
        let matrix = Matrix::build(&counts, |_, _| None);
        assert_eq!((matrix.gaps, matrix.empty), (41, false));
        let wohnen = matrix
            .rows
            .iter()
            .find(|r| r.field.code == "wohnen")
            .unwrap();
        assert_eq!((wohnen.cells[1].measures, wohnen.cells[1].networks), (4, 2));
        let empty = Matrix::build(&[], |f, p| Some(format!("{}/{}", f.code, p.code)));
        assert_eq!((empty.gaps, empty.empty), (42, true));
        assert_eq!(
            empty.rows[0].cells[0].href.as_deref(),
            Some("fruehkindliche_bildung/schwangerschaft_geburt")
        );
    }

    #[test]
    fn every_lebensphase_has_a_short_header() {
        for phase in LEBENSPHASEN {
            let short = short_label(phase);
            assert_ne!(short, phase.label, "{}", phase.code);
            assert!(short.chars().count() <= 24, "{short}");
        }
    }
}
