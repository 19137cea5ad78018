//! SQL of the catalog and of the comparisons across networks. Every query of a page is one
//! statement whatever the number of networks.

use sqlx::{PgExecutor, Postgres, Transaction};
use time::Date;

use crate::indicators::{number_with_unit, unit_symbol};
use crate::states::{CatalogStatus, Direction, SpatialLevel};
use crate::suppression;
use crate::vocab::{EINHEITEN, label};

#[derive(Clone, Debug)]
pub struct CatalogIndicator {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub unit_label: String,
    pub direction: Direction,
    pub data_source: String,
    pub spatial_level: SpatialLevel,
    pub reporting_date: String,
    pub status: CatalogStatus,
    pub version: i32,
    /// Networks that adopted it.
    pub adopted: i64,
}

crate::web::edit::versioned!(CatalogIndicator, "catalog_indicator", find_by_id: find);

impl CatalogIndicator {
    pub fn unit_text(&self) -> String {
        if self.unit == "sonstige" {
            self.unit_label.clone()
        } else {
            label(EINHEITEN, &self.unit).to_owned()
        }
    }

    /// A value with its unit, German: "93,5 %".
    pub fn value_text(&self, value: f64) -> String {
        number_with_unit(value, &unit_symbol(&self.unit, &self.unit_label))
    }

    /// Whether values count people or cases (and small ones are suppressed).
    pub fn counts_people(&self) -> bool {
        self.unit == "anzahl"
    }

    /// A value as an aggregate or public view may show it: `None` for a count of people or
    /// cases below the threshold (shown as "< 3").
    pub fn shown(&self, value: f64, threshold: i64) -> Option<String> {
        if self.counts_people() {
            let count = value.round() as i64;
            if suppression::single(count, threshold).is_suppressed() {
                return None;
            }
        }
        Some(self.value_text(value))
    }

    pub fn is_active(&self) -> bool {
        self.status == CatalogStatus::Active
    }

    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "Schlüssel": self.key,
            "Name": self.name,
            "Definition": self.definition,
            "Einheit": self.unit_text(),
            "Richtung": self.direction.label(),
            "Datenquelle": self.data_source,
            "Räumliche Ebene": self.spatial_level.label(),
            "Stichtag": self.reporting_date,
            "Status": self.status.label(),
        })
    }
}

/// What the catalog form writes.
#[derive(Clone, Debug)]
pub struct CatalogFields {
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub unit_label: String,
    pub direction: Direction,
    pub data_source: String,
    pub spatial_level: SpatialLevel,
    pub reporting_date: String,
}

/// The whole catalog with the number of adopting networks, active first, by name. One query.
pub async fn all(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<CatalogIndicator>> {
    select(db, None, None).await
}

pub async fn find(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<Option<CatalogIndicator>> {
    Ok(select(db, Some(id), None).await?.pop())
}

pub async fn find_by_key(
    db: impl PgExecutor<'_>,
    key: &str,
) -> sqlx::Result<Option<CatalogIndicator>> {
    Ok(select(db, None, Some(key)).await?.pop())
}

/// Every indicator, or the one with `id` or `key`.
async fn select(
    db: impl PgExecutor<'_>,
    id: Option<i64>,
    key: Option<&str>,
) -> sqlx::Result<Vec<CatalogIndicator>> {
    sqlx::query_as!(
        CatalogIndicator,
        r#"SELECT c.id, c.key, c.name, c.definition, c.unit, c.unit_label,
                  c.direction AS "direction: Direction", c.data_source,
                  c.spatial_level AS "spatial_level: SpatialLevel", c.reporting_date,
                  c.status AS "status: CatalogStatus", c.version,
                  (SELECT count(*) FROM indicators i WHERE i.catalog_id = c.id) AS "adopted!"
           FROM catalog_indicators c
           WHERE ($1::bigint IS NULL OR c.id = $1) AND ($2::text IS NULL OR c.key = $2)
           ORDER BY c.status, c.name COLLATE "de-x-icu""#,
        id,
        key
    )
    .fetch_all(db)
    .await
}

/// The unique key, at the form's key field.
pub const KEY_TAKEN: &[(&str, &str)] = &[("catalog_indicators_key_key", "key")];

pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    key: &str,
    fields: &CatalogFields,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "INSERT INTO catalog_indicators (key, name, definition, unit, unit_label, direction,
                                         data_source, spatial_level, reporting_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING id",
        key,
        fields.name,
        fields.definition,
        fields.unit,
        fields.unit_label,
        fields.direction as Direction,
        fields.data_source,
        fields.spatial_level as SpatialLevel,
        fields.reporting_date,
    )
    .fetch_one(&mut **tx)
    .await
}

/// Writes the fields if `version` is still current, and carries definition, unit and
/// direction over to every network's adopted indicator; `false` (nothing written) otherwise.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    fields: &CatalogFields,
) -> sqlx::Result<bool> {
    let written = sqlx::query!(
        "UPDATE catalog_indicators SET name = $3, definition = $4, unit = $5, unit_label = $6,
                direction = $7, data_source = $8, spatial_level = $9, reporting_date = $10,
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2",
        id,
        version,
        fields.name,
        fields.definition,
        fields.unit,
        fields.unit_label,
        fields.direction as Direction,
        fields.data_source,
        fields.spatial_level as SpatialLevel,
        fields.reporting_date,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if written {
        sqlx::query!(
            "UPDATE indicators SET definition = $2, unit = $3, unit_label = $4,
                    higher_is_better = $5, updated_at = now()
             WHERE catalog_id = $1",
            id,
            fields.definition,
            fields.unit,
            fields.unit_label,
            fields.direction.higher_is_better(),
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(written)
}

/// Retires or reactivates the indicator if `version` is still current.
pub async fn set_status(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    status: CatalogStatus,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE catalog_indicators SET status = $3, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2",
        id,
        version,
        status as CatalogStatus,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

// ---------------------------------------------------------------------------------------------
// Comparison

/// The latest value of one network.
#[derive(Clone, Debug)]
pub struct Latest {
    pub network_id: i64,
    pub network: String,
    pub kommune: String,
    pub ags: String,
    pub land_code: String,
    pub land: String,
    pub is_public: bool,
    pub period_date: Date,
    pub value: f64,
    /// All rows of the comparison, not only this page's.
    pub total: i64,
}

/// How the comparison table is ordered (`?sortierung=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareOrder {
    #[default]
    Network,
    Kommune,
    Land,
    Date,
    Value,
}

impl CompareOrder {
    pub const ALL: [CompareOrder; 5] = [
        Self::Network,
        Self::Kommune,
        Self::Land,
        Self::Date,
        Self::Value,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Network => "netzwerk",
            Self::Kommune => "kommune",
            Self::Land => "land",
            Self::Date => "stichtag",
            Self::Value => "wert",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Network => "Netzwerk",
            Self::Kommune => "Kommune",
            Self::Land => "Land",
            Self::Date => "Stichtag",
            Self::Value => "Letzter Wert",
        }
    }

    pub fn parse(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|o| o.code() == code)
            .unwrap_or_default()
    }
}

/// Which networks are named: see `policy::Comparison::filter`.
#[derive(Debug)]
pub struct Named<'a> {
    pub land: Option<&'a str>,
    pub ags: Option<&'a str>,
    pub public_only: bool,
}

/// One page of the latest value of every named network that adopted catalog indicator `id`,
/// ordered as asked, with the number of all such networks in each row. One query.
pub async fn latest_page(
    db: impl PgExecutor<'_>,
    id: i64,
    named: &Named<'_>,
    order: CompareOrder,
    descending: bool,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<Latest>> {
    sqlx::query_as!(
        Latest,
        r#"WITH latest AS (
               SELECT DISTINCT ON (i.network_id) i.network_id, v.period_date, v.value
               FROM indicators i
               JOIN indicator_values v ON v.indicator_id = i.id
               WHERE i.catalog_id = $1
               ORDER BY i.network_id, v.period_date DESC
           )
           SELECT n.id AS network_id, n.name AS network, k.name AS kommune, k.ags,
                  k.land_code::text AS "land_code!", l.name AS land, n.is_public,
                  latest.period_date, latest.value, count(*) OVER () AS "total!"
           FROM latest
           JOIN networks n ON n.id = latest.network_id
           JOIN kommunen k ON k.ags = n.kommune_ags
           JOIN laender l ON l.code = k.land_code
           WHERE n.is_public
              OR (NOT $4 AND ($2::text IS NULL OR k.land_code = $2)
                  AND ($3::text IS NULL OR n.kommune_ags = $3))
           ORDER BY
               CASE WHEN $5 = 'wert' AND NOT $6 THEN latest.value END ASC,
               CASE WHEN $5 = 'wert' AND $6 THEN latest.value END DESC,
               CASE WHEN $5 = 'stichtag' AND NOT $6 THEN latest.period_date END ASC,
               CASE WHEN $5 = 'stichtag' AND $6 THEN latest.period_date END DESC,
               CASE WHEN $5 = 'land' AND NOT $6 THEN l.name END COLLATE "de-x-icu" ASC,
               CASE WHEN $5 = 'land' AND $6 THEN l.name END COLLATE "de-x-icu" DESC,
               CASE WHEN $5 = 'kommune' AND NOT $6 THEN k.name END COLLATE "de-x-icu" ASC,
               CASE WHEN $5 = 'kommune' AND $6 THEN k.name END COLLATE "de-x-icu" DESC,
               CASE WHEN NOT $6 OR $5 <> 'netzwerk' THEN n.name END COLLATE "de-x-icu" ASC,
               CASE WHEN $6 AND $5 = 'netzwerk' THEN n.name END COLLATE "de-x-icu" DESC,
               n.id
           LIMIT $7 OFFSET $8"#,
        id,
        named.land,
        named.ags,
        named.public_only,
        order.code(),
        descending,
        limit,
        offset,
    )
    .fetch_all(db)
    .await
}

/// The distribution of the latest values of every network (named or not) that adopted
/// catalog indicator `id`: per Land and, with `land_code` `None`, nationwide.
#[derive(Clone, Debug)]
pub struct Distribution {
    pub land_code: Option<String>,
    pub land: Option<String>,
    pub networks: i64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
}

/// Per Land and nationwide, one query.
pub async fn distribution(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<Vec<Distribution>> {
    sqlx::query_as!(
        Distribution,
        r#"WITH latest AS (
               SELECT DISTINCT ON (i.network_id) k.land_code, v.value
               FROM indicators i
               JOIN indicator_values v ON v.indicator_id = i.id
               JOIN networks n ON n.id = i.network_id
               JOIN kommunen k ON k.ags = n.kommune_ags
               WHERE i.catalog_id = $1
               ORDER BY i.network_id, v.period_date DESC
           )
           SELECT latest.land_code::text AS "land_code?",
                  CASE WHEN grouping(latest.land_code) = 0 THEN min(l.name) END AS "land?",
                  count(*) AS "networks!",
                  percentile_cont(0.25) WITHIN GROUP (ORDER BY latest.value) AS "q1!",
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY latest.value) AS "median!",
                  percentile_cont(0.75) WITHIN GROUP (ORDER BY latest.value) AS "q3!"
           FROM latest
           LEFT JOIN laender l ON l.code = latest.land_code
           GROUP BY GROUPING SETS ((latest.land_code), ())
           HAVING count(*) > 0
           ORDER BY latest.land_code NULLS LAST"#,
        id
    )
    .fetch_all(db)
    .await
}

/// One value of a time series, with its network as the policy needs it.
#[derive(Clone, Debug)]
pub struct SeriesValue {
    pub network_id: i64,
    pub network: String,
    pub ags: String,
    pub land_code: String,
    pub is_public: bool,
    pub period_date: Date,
    pub value: f64,
}

/// Every value of catalog indicator `id` of the given networks and of the networks of
/// municipality `ags`, by network and date. One query.
pub async fn series(
    db: impl PgExecutor<'_>,
    id: i64,
    networks: &[i64],
    ags: Option<&str>,
) -> sqlx::Result<Vec<SeriesValue>> {
    sqlx::query_as!(
        SeriesValue,
        r#"SELECT i.network_id, n.name AS network, n.kommune_ags AS ags,
                  k.land_code::text AS "land_code!", n.is_public, v.period_date, v.value
           FROM indicators i
           JOIN networks n ON n.id = i.network_id
           JOIN kommunen k ON k.ags = n.kommune_ags
           JOIN indicator_values v ON v.indicator_id = i.id
           WHERE i.catalog_id = $1 AND (i.network_id = ANY($2) OR n.kommune_ags = $3)
           ORDER BY n.name COLLATE "de-x-icu", i.network_id, v.period_date"#,
        id,
        networks,
        ags
    )
    .fetch_all(db)
    .await
}

/// The latest values of catalog indicator `key` combined per Kreis: the median of the latest
/// value of each network in the Kreis that adopted it (a single network's latest value where
/// it is the only one). Only networks of Land `land_code` (if given) and, with `public_only`,
/// those with a public profile count. One statement, at most 401 rows.
#[derive(Clone, Debug)]
pub struct KreisMedian {
    pub kreis_ags: String,
    pub median: f64,
}

pub async fn medians_per_kreis(
    db: impl PgExecutor<'_>,
    key: &str,
    land_code: Option<&str>,
    public_only: bool,
) -> sqlx::Result<Vec<KreisMedian>> {
    sqlx::query_as!(
        KreisMedian,
        r#"WITH latest AS (
               SELECT DISTINCT ON (i.network_id) n.kommune_ags, v.value
               FROM catalog_indicators c
               JOIN indicators i ON i.catalog_id = c.id
               JOIN networks n ON n.id = i.network_id
               JOIN indicator_values v ON v.indicator_id = i.id
               WHERE c.key = $1
                 AND ($2::text IS NULL OR left(n.kommune_ags, 2) = $2)
                 AND (NOT $3 OR n.is_public)
               ORDER BY i.network_id, v.period_date DESC
           )
           SELECT left(kommune_ags, 5) AS "kreis_ags!",
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS "median!"
           FROM latest
           GROUP BY 1
           ORDER BY 1"#,
        key,
        land_code,
        public_only,
    )
    .fetch_all(db)
    .await
}
