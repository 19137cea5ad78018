use std::sync::Arc;

use sqlx::{PgExecutor, PgPool, Postgres, Transaction};
use time::Date;

use crate::computed::{Computed, Revision};

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
#[derive(Clone)]
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

/// The rows of a network list (see [`Visible`]) with their narrowing: every shape is a
/// statement of its own, because PostgreSQL soon runs a prepared statement with a generic
/// plan, and one with optional filters (`$1 IS NULL OR …`) would then look up the networks of
/// every Kommune of the country for one Kommune's (measured at 5,000 networks: 2.3 ms instead
/// of 0.1). `$1` is the running state; the narrowing's parameters follow, `$2` first.
macro_rules! network_page {
    ($narrowing:literal, $order:literal $(, $parameter:expr)*) => {
        sqlx::query_as!(
            NetworkSummary,
            "WITH page AS (
                 SELECT n.id, n.name, n.kommune_ags, n.is_public, k.name AS kommune_name, k.land_code
                 FROM networks n
                 JOIN kommunen k ON k.ags = n.kommune_ags
                 WHERE " + $narrowing + ")
             SELECT page.id, page.name, page.kommune_ags, page.kommune_name, l.name AS land_name,
                    (SELECT count(*) FROM partners p WHERE p.network_id = page.id) AS \"partners!\",
                    (SELECT count(*) FROM measures m WHERE m.network_id = page.id AND m.status = $1) AS \"active_measures!\",
                    (SELECT count(*) FROM goals g WHERE g.network_id = page.id) AS \"goals!\",
                    page.is_public
             FROM page JOIN laender l ON l.code = page.land_code
             ORDER BY " + $order,
            MeasureStatus::Running as MeasureStatus
            $(, $parameter)*
        )
    };
}

/// The networks a list shows: those `user` may read, narrowed by `filter`. Without words, a
/// municipality's, a Land's and the country's networks are kept in list order per revision of
/// their Land or of the country, so a page reads no rows (sorting and counting a Land's 700
/// networks and the sizes of a page's 50 for each page was most of the list's time at 5,000
/// networks; a municipality's page was planned anew for each request, for its `LIMIT`); those
/// found by words are counted and read by the statements of the page.
pub enum Visible {
    InOrder(Arc<Vec<NetworkSummary>>),
    Found {
        ags: Option<String>,
        land: Option<String>,
        pattern: String,
    },
}

impl Visible {
    /// One statement without words (the revision; the list once per revision), none with.
    pub async fn of(
        pool: &PgPool,
        computed: &Computed,
        user: &SessionUser,
        filter: &NetworkFilter,
    ) -> sqlx::Result<Self> {
        let (ags, land) = visible_scope(user, filter);
        if let Some(pattern) = filter.pattern() {
            return Ok(Self::Found { ags, land, pattern });
        }
        // A municipality's networks are counted in the revision of its Land.
        let counted_in = match &ags {
            Some(_) => user.land_code.as_deref(),
            None => land.as_deref(),
        };
        let revision = crate::db::revision(pool, counted_in).await?;
        Self::listed(pool, computed, ags, land, revision).await
    }

    /// The networks `user` may read without narrowing, at `land_revision` of the user's Land,
    /// which the caller read beside other things: no statement while they are kept. The
    /// country's (for those who read every Land) are read at the country's revision.
    pub async fn in_order(
        pool: &PgPool,
        computed: &Computed,
        user: &SessionUser,
        land_revision: Revision,
    ) -> sqlx::Result<Self> {
        let unnarrowed = NetworkFilter::default();
        match visible_scope(user, &unnarrowed) {
            (None, None) => Self::of(pool, computed, user, &unnarrowed).await,
            (ags, land) => Self::listed(pool, computed, ags, land, land_revision).await,
        }
    }

    async fn listed(
        pool: &PgPool,
        computed: &Computed,
        ags: Option<String>,
        land: Option<String>,
        revision: Revision,
    ) -> sqlx::Result<Self> {
        let listed = match ags {
            Some(ags) => of_municipality(pool, computed, ags, revision).await?,
            None => in_list_order(pool, computed, land, revision).await?,
        };
        Ok(Self::InOrder(listed))
    }

    /// How many networks there are: one statement for those found by words.
    pub async fn total(&self, pool: &PgPool) -> sqlx::Result<i64> {
        match self {
            Self::InOrder(listed) => Ok(i64::try_from(listed.len()).unwrap_or(i64::MAX)),
            // The place matches as the networks of the municipalities whose name matches, so
            // that both halves of the OR are index scans (trigram indexes, migration 0023).
            Self::Found { ags, land, pattern } => {
                sqlx::query_scalar!(
                    r#"SELECT count(*) AS "count!" FROM networks n
                       WHERE ($1::text IS NULL OR n.kommune_ags = $1)
                         AND ($2::text IS NULL OR left(n.kommune_ags, 2) = $2)
                         AND (n.name ILIKE $3
                              OR n.kommune_ags = ANY (ARRAY(SELECT ags FROM kommunen WHERE name ILIKE $3)))"#,
                    ags.as_deref(),
                    land.as_deref(),
                    pattern,
                )
                .fetch_one(pool)
                .await
            }
        }
    }

    /// `limit` networks from the `offset`th on, by municipality and name: one statement for
    /// those found by words. Their sizes are counted after the limit (counted in the same
    /// query level, they would be counted for every skipped row).
    pub async fn page(
        &self,
        pool: &PgPool,
        limit: i64,
        offset: i64,
    ) -> sqlx::Result<Vec<NetworkSummary>> {
        match self {
            Self::InOrder(listed) => {
                let from = usize::try_from(offset)
                    .unwrap_or(usize::MAX)
                    .min(listed.len());
                let to = from
                    .saturating_add(usize::try_from(limit).unwrap_or_default())
                    .min(listed.len());
                Ok(listed[from..to].to_vec())
            }
            Self::Found { ags, land, pattern } => {
                network_page!(
                    "($2::text IS NULL OR n.kommune_ags = $2)
                     AND ($3::text IS NULL OR k.land_code = $3)
                     AND (n.name ILIKE $4
                          OR n.kommune_ags = ANY (ARRAY(SELECT ags FROM kommunen WHERE name ILIKE $4)))
                     ORDER BY k.name, n.kommune_ags, n.name, n.id
                     LIMIT $5 OFFSET $6",
                    "page.kommune_name, page.kommune_ags, page.name, page.id",
                    ags.as_deref(),
                    land.as_deref(),
                    pattern,
                    limit,
                    offset
                )
                .fetch_all(pool)
                .await
            }
        }
    }
}

/// A Land's networks (for `None`, the country's) by municipality and name, kept per `revision`
/// of the Land or the country: their names, municipalities and sizes are all counted in those
/// revisions (migrations 0018 and 0025).
async fn in_list_order(
    pool: &PgPool,
    computed: &Computed,
    land_code: Option<String>,
    revision: Revision,
) -> sqlx::Result<Arc<Vec<NetworkSummary>>> {
    let scope = land_code.clone().unwrap_or_default();
    computed
        .get_or_compute("network list", &scope, revision, || async {
            network_page!(
                "$2::text IS NULL OR k.land_code = $2",
                "page.kommune_name, page.kommune_ags, page.name, page.id",
                land_code
            )
            .fetch_all(pool)
            .await
        })
        .await
}

/// A municipality's networks by name, kept per `revision` of its Land as a Land's are; a node
/// keeps the lists of the municipalities asked for most recently.
async fn of_municipality(
    pool: &PgPool,
    computed: &Computed,
    ags: String,
    revision: Revision,
) -> sqlx::Result<Arc<Vec<NetworkSummary>>> {
    const KEPT: usize = 2000;
    computed
        .get_or_compute_kept(
            "network list of a municipality",
            &ags,
            revision,
            KEPT,
            || network_page!("n.kommune_ags = $2", "page.name, page.id", &ags).fetch_all(pool),
        )
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
