//! The list of a network's measures: its filters, its sort orders and one page of it.

use sqlx::PgPool;
use time::Date;

use crate::states::MeasureStatus;

/// The Sozialraum filter of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlaceFilter {
    #[default]
    Any,
    WholeCommune,
    Sozialraum(i64),
    /// Measures that reach this Sozialraum: its own and those for the whole municipality
    /// (as the Bestandsaufnahme counts them).
    Reaching(i64),
}

/// The partner filter of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PartnerFilter {
    #[default]
    Any,
    Without,
    Partner(i64),
}

/// The list's filters, all combined with AND; several values of one facet with OR.
#[derive(Clone, Debug, Default)]
pub struct MeasureFilter {
    pub text: String,
    pub status: Vec<String>,
    pub handlungsfelder: Vec<String>,
    pub lebensphasen: Vec<String>,
    pub zielgruppen: Vec<String>,
    pub zugaenge: Vec<String>,
    pub finanzierung: Vec<String>,
    pub place: PlaceFilter,
    pub partner: PartnerFilter,
    pub niedrigschwellig: bool,
}

impl MeasureFilter {
    fn pattern(&self) -> Option<String> {
        crate::db::like_pattern(&self.text)
    }

    fn place_params(&self) -> (&'static str, Option<i64>) {
        match self.place {
            PlaceFilter::Any => ("alle", None),
            PlaceFilter::WholeCommune => ("gesamt", None),
            PlaceFilter::Sozialraum(id) => ("sozialraum", Some(id)),
            PlaceFilter::Reaching(id) => ("erreichbar", Some(id)),
        }
    }

    fn partner_params(&self) -> (&'static str, Option<i64>) {
        match self.partner {
            PartnerFilter::Any => ("alle", None),
            PartnerFilter::Without => ("ohne", None),
            PartnerFilter::Partner(id) => ("partner", Some(id)),
        }
    }
}

/// What the list can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Title,
    Status,
    Start,
    Reach,
    Cost,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        Self::Title,
        Self::Status,
        Self::Start,
        Self::Reach,
        Self::Cost,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Title => "titel",
            Self::Status => "status",
            Self::Start => "beginn",
            Self::Reach => "reichweite",
            Self::Cost => "kosten",
        }
    }
}

/// A sort key and direction, written `titel` or `-titel` (descending) in the address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// Unknown values fall back to the title, ascending.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (descending, code) = match text.strip_prefix('-') {
            Some(code) => (true, code),
            None => (false, text),
        };
        SortKey::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .map(|key| Self { key, descending })
    }

    pub fn code(self) -> String {
        if self.descending {
            format!("-{}", self.key.code())
        } else {
            self.key.code().to_owned()
        }
    }
}

/// One line of the list.
#[derive(Clone)]
pub struct MeasureRow {
    pub id: i64,
    pub title: String,
    pub status: MeasureStatus,
    pub handlungsfelder: Vec<String>,
    pub sozialraum_name: Option<String>,
    pub partner_name: Option<String>,
    pub niedrigschwellig: bool,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub reach_per_year: Option<i32>,
    pub annual_cost_euro: Option<i64>,
}

pub const PAGE_SIZE: i64 = 50;

/// One page (of [`PAGE_SIZE`]) of the measures passing `filter`, sorted, and how many pass
/// it; a page beyond the last gives the last. One query.
pub async fn page(
    pool: &PgPool,
    network_id: i64,
    filter: &MeasureFilter,
    sort: Sort,
    page: i64,
) -> sqlx::Result<(Vec<MeasureRow>, i64)> {
    let (place, place_id) = filter.place_params();
    let (partner, partner_id) = filter.partner_params();
    let rows = sqlx::query!(
        r#"WITH passing AS (
             SELECT m.id FROM measures m
             WHERE m.network_id = $1
             AND ($2::text IS NULL OR m.title ILIKE $2 OR m.description ILIKE $2)
             AND (cardinality($3::text[]) = 0 OR m.status = ANY($3))
             AND (cardinality($4::text[]) = 0 OR m.handlungsfelder && $4)
             AND (cardinality($5::text[]) = 0 OR m.lebensphasen && $5)
             AND (cardinality($6::text[]) = 0 OR m.zielgruppen && $6)
             AND (cardinality($7::text[]) = 0 OR m.zugaenge && $7)
             AND (cardinality($8::text[]) = 0 OR m.finanzierung && $8)
             AND ($9 = 'alle' OR ($9 = 'gesamt' AND m.sozialraum_id IS NULL)
                  OR ($9 = 'erreichbar' AND m.sozialraum_id IS NULL) OR m.sozialraum_id = $10)
             AND ($11 = 'alle' OR ($11 = 'ohne' AND m.partner_id IS NULL)
                  OR m.partner_id = $12)
             AND (NOT $13 OR m.niedrigschwellig)
           ),
           total AS (SELECT count(*) AS count FROM passing)
           SELECT m.id, m.title, m.status AS "status: MeasureStatus", m.handlungsfelder, s.name AS "sozialraum_name?",
                  p.name AS "partner_name?", m.niedrigschwellig, m.start_date, m.end_date,
                  m.reach_per_year, m.annual_cost_euro, total.count AS "total!"
           FROM passing JOIN measures m ON m.network_id = $1 AND m.id = passing.id
           CROSS JOIN total
           LEFT JOIN sozialraeume s ON s.network_id = m.network_id AND s.id = m.sozialraum_id
           LEFT JOIN partners p ON p.network_id = m.network_id AND p.id = m.partner_id
           ORDER BY
             CASE WHEN $14 = 'titel' AND NOT $15 THEN m.title END COLLATE "de-x-icu" ASC,
             CASE WHEN $14 = 'titel' AND $15 THEN m.title END COLLATE "de-x-icu" DESC,
             CASE WHEN $14 = 'status' AND NOT $15
                  THEN array_position($18::text[], m.status) END ASC,
             CASE WHEN $14 = 'status' AND $15
                  THEN array_position($18::text[], m.status) END DESC,
             CASE WHEN $14 = 'beginn' AND NOT $15 THEN m.start_date END ASC NULLS LAST,
             CASE WHEN $14 = 'beginn' AND $15 THEN m.start_date END DESC NULLS LAST,
             CASE WHEN $14 = 'reichweite' AND NOT $15 THEN m.reach_per_year END ASC NULLS LAST,
             CASE WHEN $14 = 'reichweite' AND $15 THEN m.reach_per_year END DESC NULLS LAST,
             CASE WHEN $14 = 'kosten' AND NOT $15 THEN m.annual_cost_euro END ASC NULLS LAST,
             CASE WHEN $14 = 'kosten' AND $15 THEN m.annual_cost_euro END DESC NULLS LAST,
             m.title COLLATE "de-x-icu", m.id
           LIMIT $16
           OFFSET (least($17, greatest(((SELECT count FROM total) + $16 - 1) / $16, 1)) - 1) * $16"#,
        network_id,
        filter.pattern(),
        &filter.status,
        &filter.handlungsfelder,
        &filter.lebensphasen,
        &filter.zielgruppen,
        &filter.zugaenge,
        &filter.finanzierung,
        place,
        place_id,
        partner,
        partner_id,
        filter.niedrigschwellig,
        sort.key.code(),
        sort.descending,
        PAGE_SIZE,
        page.max(1),
        // Sorted by status means in the order of the life cycle, not alphabetically.
        MeasureStatus::ALL as &[MeasureStatus],
    )
    .fetch_all(pool)
    .await?;
    // No row: nothing passes the filter (any other page request is moved onto the last page).
    let total = rows.first().map_or(0, |row| row.total);
    let rows = rows
        .into_iter()
        .map(|row| MeasureRow {
            id: row.id,
            title: row.title,
            status: row.status,
            handlungsfelder: row.handlungsfelder,
            sozialraum_name: row.sozialraum_name,
            partner_name: row.partner_name,
            niedrigschwellig: row.niedrigschwellig,
            start_date: row.start_date,
            end_date: row.end_date,
            reach_per_year: row.reach_per_year,
            annual_cost_euro: row.annual_cost_euro,
        })
        .collect();
    Ok((rows, total))
}
