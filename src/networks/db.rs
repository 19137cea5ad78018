use sqlx::{PgExecutor, PgPool, Postgres, Transaction};
use time::Date;

use crate::identity::SessionUser;
use crate::policy::{Readable, readable};
use crate::states::MeasureStatus;

/// A network as its form and overview show it.
#[derive(Clone, Debug)]
pub struct Network {
    pub id: i64,
    pub kommune_ags: String,
    pub kommune_name: String,
    pub land_code: String,
    pub name: String,
    pub description: String,
    pub coordination_office: String,
    pub anchoring: String,
    pub anchoring_note: String,
    pub mandate_date: Option<Date>,
    pub mandate_reference: String,
    pub steering_body: String,
    pub founded_on: Option<Date>,
    pub contact_organisation: String,
    pub contact_address: String,
    pub contact_email: String,
    pub is_public: bool,
    pub version: i32,
    pub sozialraeume: Vec<String>,
}

crate::web::edit::versioned!(Network, "network", find_by_id: find, updated: "netzwerk_geaendert");

impl Network {
    pub fn audit_values(&self) -> serde_json::Value {
        use crate::vocab::{VERANKERUNGEN, label};
        let date = |d: Option<Date>| d.map(crate::format::date).unwrap_or_default();
        serde_json::json!({
            "Name": self.name,
            "Beschreibung": self.description,
            "Koordinierungsstelle": self.coordination_office,
            "Verankerung": label(VERANKERUNGEN, &self.anchoring),
            "Verankerung (Erläuterung)": self.anchoring_note,
            "Ratsbeschluss vom": date(self.mandate_date),
            "Ratsbeschluss (Drucksache)": self.mandate_reference,
            "Steuerungsgruppe": self.steering_body,
            "Gegründet am": date(self.founded_on),
            "Kontakt: Organisation": self.contact_organisation,
            "Kontakt: Anschrift": self.contact_address,
            "Kontakt: Funktionspostfach": self.contact_email,
            "Sozialräume": self.sozialraeume,
            "Öffentlich sichtbar": self.is_public,
        })
    }
}

/// The fields a network form writes.
#[derive(Clone, Debug)]
pub struct NetworkFields {
    pub name: String,
    pub description: String,
    pub coordination_office: String,
    pub anchoring: String,
    pub anchoring_note: String,
    pub mandate_date: Option<Date>,
    pub mandate_reference: String,
    pub steering_body: String,
    pub founded_on: Option<Date>,
    pub contact_organisation: String,
    pub contact_address: String,
    pub contact_email: String,
    pub is_public: bool,
    pub sozialraeume: Vec<String>,
}

pub async fn find(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<Option<Network>> {
    let row = sqlx::query!(
        r#"SELECT n.id, n.kommune_ags, k.name AS kommune_name, k.land_code::text AS "land_code!",
                  n.name, n.description,
                  n.coordination_office, n.anchoring, n.anchoring_note, n.mandate_date,
                  n.mandate_reference, n.steering_body, n.founded_on, n.contact_organisation,
                  n.contact_address, n.contact_email, n.is_public, n.version,
                  coalesce(array(SELECT s.name FROM sozialraeume s WHERE s.network_id = n.id
                                 ORDER BY s.name), '{}') AS "sozialraeume!"
           FROM networks n JOIN kommunen k ON k.ags = n.kommune_ags
           WHERE n.id = $1"#,
        id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| Network {
        id: r.id,
        kommune_ags: r.kommune_ags,
        kommune_name: r.kommune_name,
        land_code: r.land_code,
        name: r.name,
        description: r.description,
        coordination_office: r.coordination_office,
        anchoring: r.anchoring,
        anchoring_note: r.anchoring_note,
        mandate_date: r.mandate_date,
        mandate_reference: r.mandate_reference,
        steering_body: r.steering_body,
        founded_on: r.founded_on,
        contact_organisation: r.contact_organisation,
        contact_address: r.contact_address,
        contact_email: r.contact_email,
        is_public: r.is_public,
        version: r.version,
        sozialraeume: r.sozialraeume,
    }))
}

pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    kommune_ags: &str,
    fields: &NetworkFields,
) -> sqlx::Result<i64> {
    let id = sqlx::query_scalar!(
        "INSERT INTO networks (kommune_ags, name, description, coordination_office, anchoring,
                               anchoring_note, mandate_date, mandate_reference, steering_body,
                               founded_on, contact_organisation, contact_address, contact_email,
                               is_public)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING id",
        kommune_ags,
        fields.name,
        fields.description,
        fields.coordination_office,
        fields.anchoring,
        fields.anchoring_note,
        fields.mandate_date,
        fields.mandate_reference,
        fields.steering_body,
        fields.founded_on,
        fields.contact_organisation,
        fields.contact_address,
        fields.contact_email,
        fields.is_public,
    )
    .fetch_one(&mut **tx)
    .await?;
    replace_sozialraeume(tx, id, &fields.sozialraeume).await?;
    Ok(id)
}

/// Writes the fields if `version` is still current; `false` (nothing written) otherwise.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    fields: &NetworkFields,
) -> sqlx::Result<bool> {
    let updated = sqlx::query!(
        "UPDATE networks SET name = $3, description = $4, coordination_office = $5, anchoring = $6,
                anchoring_note = $7, mandate_date = $8, mandate_reference = $9, steering_body = $10,
                founded_on = $11, contact_organisation = $12, contact_address = $13,
                contact_email = $14, is_public = $15, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2",
        id,
        version,
        fields.name,
        fields.description,
        fields.coordination_office,
        fields.anchoring,
        fields.anchoring_note,
        fields.mandate_date,
        fields.mandate_reference,
        fields.steering_body,
        fields.founded_on,
        fields.contact_organisation,
        fields.contact_address,
        fields.contact_email,
        fields.is_public,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if updated {
        replace_sozialraeume(tx, id, &fields.sozialraeume).await?;
    }
    Ok(updated)
}

/// Keeps Sozialräume whose name stays (measures keep pointing at them), adds new ones and
/// removes the rest (their measures then count for the whole municipality).
async fn replace_sozialraeume(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    names: &[String],
) -> sqlx::Result<()> {
    sqlx::query!(
        "DELETE FROM sozialraeume WHERE network_id = $1 AND NOT (name = ANY($2))",
        network_id,
        names
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO sozialraeume (network_id, name) SELECT $1, UNNEST($2::text[])
         ON CONFLICT ON CONSTRAINT sozialraeume_name_key DO NOTHING",
        network_id,
        names
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete(db: impl PgExecutor<'_>, id: i64, version: i32) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "DELETE FROM networks WHERE id = $1 AND version = $2",
        id,
        version
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// A network in a list, with its size.
pub struct NetworkSummary {
    pub id: i64,
    pub name: String,
    pub kommune_ags: String,
    pub kommune_name: String,
    pub land_name: String,
    pub partners: i64,
    pub active_measures: i64,
    pub goals: i64,
    pub is_public: bool,
}

/// What the network list is narrowed to: words in the network's or municipality's name, and
/// (for those who see more than one Land) a Land.
#[derive(Clone, Debug, Default)]
pub struct NetworkFilter {
    pub text: String,
    pub land_code: Option<String>,
}

impl NetworkFilter {
    fn pattern(&self) -> Option<String> {
        crate::db::like_pattern(&self.text)
    }
}

/// The page query of [`page_visible_to`] with its narrowing: every shape is a statement of its
/// own, because PostgreSQL soon runs a prepared statement with a generic plan, and one with
/// optional filters (`$1 IS NULL OR …`) would then sort every network of the country for the
/// unfiltered list (measured at 5,000 networks: 2.9 ms instead of 0.5), and would look up the
/// networks of every Kommune of the country for one Kommune's (2.3 ms). `$1`–`$3` are the
/// limit, the offset and the running state; the narrowing's parameters follow.
macro_rules! network_page {
    ($narrowing:literal, $limit:expr, $offset:expr $(, $parameter:expr)*) => {
        sqlx::query_as!(
            NetworkSummary,
            "WITH page AS (
                 SELECT n.id, n.name, n.kommune_ags, n.is_public, k.name AS kommune_name, k.land_code
                 FROM networks n
                 JOIN kommunen k ON k.ags = n.kommune_ags
                 WHERE " + $narrowing + "
                 ORDER BY k.name, n.kommune_ags, n.name, n.id
                 LIMIT $1 OFFSET $2)
             SELECT page.id, page.name, page.kommune_ags, page.kommune_name, l.name AS land_name,
                    (SELECT count(*) FROM partners p WHERE p.network_id = page.id) AS \"partners!\",
                    (SELECT count(*) FROM measures m WHERE m.network_id = page.id AND m.status = $3) AS \"active_measures!\",
                    (SELECT count(*) FROM goals g WHERE g.network_id = page.id) AS \"goals!\",
                    page.is_public
             FROM page JOIN laender l ON l.code = page.land_code
             ORDER BY page.kommune_name, page.kommune_ags, page.name, page.id",
            $limit,
            $offset,
            MeasureStatus::Running as MeasureStatus
            $(, $parameter)*
        )
    };
}

/// One page of the networks `user` may read, narrowed by `filter`, by municipality and name.
/// The page is read in index order and its rows' sizes are counted after the limit (counted
/// in the same query level, they would be counted for every skipped row), so the first page
/// costs the same in a Land of 10 networks and in a country of 5,000. `limit` rows from the
/// `offset`th on.
pub async fn page_visible_to(
    pool: &PgPool,
    user: &SessionUser,
    filter: &NetworkFilter,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<NetworkSummary>> {
    match (visible_scope(user, filter), filter.pattern()) {
        ((None, None), None) => network_page!("true", limit, offset).fetch_all(pool).await,
        ((Some(ags), None), None) => {
            network_page!("n.kommune_ags = $4", limit, offset, ags)
                .fetch_all(pool)
                .await
        }
        ((None, Some(land)), None) => {
            network_page!("k.land_code = $4", limit, offset, land)
                .fetch_all(pool)
                .await
        }
        ((ags, land), pattern) => {
            network_page!(
                "($4::text IS NULL OR n.kommune_ags = $4)
                 AND ($5::text IS NULL OR k.land_code = $5)
                 AND ($6::text IS NULL OR n.name ILIKE $6
                      OR n.kommune_ags = ANY (ARRAY(SELECT ags FROM kommunen WHERE name ILIKE $6)))",
                limit,
                offset,
                ags,
                land,
                pattern
            )
            .fetch_all(pool)
            .await
        }
    }
}

/// How many networks `user` may read, narrowed by `filter`: without words an index-only
/// count, not the list; the whole country's, a Kommune's and a Land's in statements of their
/// own (see `network_page`).
pub async fn count_visible_to(
    pool: &PgPool,
    user: &SessionUser,
    filter: &NetworkFilter,
) -> sqlx::Result<i64> {
    let ((ags, land), pattern) = match (visible_scope(user, filter), filter.pattern()) {
        ((None, None), None) => {
            return sqlx::query_scalar!(r#"SELECT count(*) AS "count!" FROM networks"#)
                .fetch_one(pool)
                .await;
        }
        ((Some(ags), None), None) => {
            return sqlx::query_scalar!(
                r#"SELECT count(*) AS "count!" FROM networks WHERE kommune_ags = $1"#,
                ags
            )
            .fetch_one(pool)
            .await;
        }
        ((None, Some(land)), None) => {
            return sqlx::query_scalar!(
                r#"SELECT count(*) AS "count!" FROM networks n
                   JOIN kommunen k ON k.ags = n.kommune_ags WHERE k.land_code = $1"#,
                land
            )
            .fetch_one(pool)
            .await;
        }
        narrowed => narrowed,
    };
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM networks n
           WHERE ($1::text IS NULL OR n.kommune_ags = $1)
             AND ($2::text IS NULL OR left(n.kommune_ags, 2) = $2)
             AND ($3::text IS NULL OR n.name ILIKE $3
                  OR n.kommune_ags = ANY (ARRAY(SELECT ags FROM kommunen WHERE name ILIKE $3)))"#,
        ags,
        land,
        pattern,
    )
    .fetch_one(pool)
    .await
}

/// The municipality or Land whose networks `user` may read; for those who may read all, the
/// Land they chose, if any.
fn visible_scope(user: &SessionUser, filter: &NetworkFilter) -> (Option<String>, Option<String>) {
    match readable(&user.actor()) {
        Readable::Municipality { ags } => (Some(ags), None),
        Readable::Land { land_code } => (None, Some(land_code)),
        Readable::Everything => (None, filter.land_code.clone()),
    }
}

/// Networks and their running measures in one Kreis or kreisfreie Stadt (five-digit AGS; a
/// Gemeinde's networks count for its Kreis).
pub struct KreisFigures {
    pub kreis_ags: String,
    pub networks: i64,
    pub running_measures: i64,
}

/// Which networks a per-Kreis count includes.
#[derive(Clone, Copy, Debug)]
pub struct CountedNetworks<'a> {
    /// Only this Land's (code), or every Land's.
    pub land_code: Option<&'a str>,
    /// Only networks with a public profile.
    pub public_only: bool,
}

/// Networks and running measures per Kreis, for maps and the national overview: one
/// statement, at most 401 rows, however many networks.
pub async fn figures_per_kreis(
    pool: &PgPool,
    counted: CountedNetworks<'_>,
) -> sqlx::Result<Vec<KreisFigures>> {
    sqlx::query_as!(
        KreisFigures,
        r#"SELECT left(n.kommune_ags, 5) AS "kreis_ags!", count(*) AS "networks!",
                  coalesce(sum(m.running), 0)::bigint AS "running_measures!"
           FROM networks n
           LEFT JOIN (SELECT network_id, count(*) AS running FROM measures
                      WHERE status = $3 GROUP BY network_id) m ON m.network_id = n.id
           WHERE ($1::text IS NULL OR left(n.kommune_ags, 2) = $1)
             AND (NOT $2 OR n.is_public)
           GROUP BY 1
           ORDER BY 1"#,
        counted.land_code,
        counted.public_only,
        MeasureStatus::Running as MeasureStatus,
    )
    .fetch_all(pool)
    .await
}
