//! What the open-data interface reads beyond the lists of `/wissen` and `/oeffentlich`: the
//! published fields of entries, the feed's latest changes, the public parts of network
//! profiles and the catalogue's dates. Each one statement, whatever the size of the corpus.

use serde::Deserialize;
use sqlx::PgPool;
use sqlx::types::Json;
use time::OffsetDateTime;

use crate::knowledge::db::{Citation, SearchRequest};
use crate::states::{EntryStatus, MeasureStatus};

/// A knowledge entry as open data publishes it: what its public page shows.
#[derive(Debug)]
pub struct PublicEntry {
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub level: String,
    pub summary: String,
    pub body: String,
    pub body_html: Option<String>,
    pub source_document: String,
    pub source_section: String,
    pub workshop: Option<i16>,
    pub place: String,
    pub kommune_ags: Option<String>,
    pub land_code: Option<String>,
    pub land_name: Option<String>,
    pub year: Option<i16>,
    pub handlungsfelder: Vec<String>,
    pub themes: Vec<String>,
    pub lebensphasen: Vec<String>,
    pub citations: Json<Vec<Citation>>,
    pub contacts: Vec<String>,
    pub status: EntryStatus,
    pub published_at: Option<OffsetDateTime>,
    pub updated_at: OffsetDateTime,
}

/// The entries of `slugs` in that order (a page the search found). Published ones only; the
/// caller asks the policy about each as well.
pub async fn entries(pool: &PgPool, slugs: &[String]) -> sqlx::Result<Vec<PublicEntry>> {
    sqlx::query_as!(
        PublicEntry,
        r#"SELECT e.slug, e.title, e.kind, e.level, e.summary, e.body, e.body_html, e.source_document,
                  e.source_section, e.workshop, e.place, e.kommune_ags, e.land_code::text AS land_code,
                  l.name AS "land_name?", e.year, e.handlungsfelder, e.themes, e.lebensphasen,
                  e.citations AS "citations: Json<Vec<Citation>>", e.contacts,
                  e.status AS "status: EntryStatus", e.published_at, e.updated_at
           FROM unnest($1::text[]) WITH ORDINALITY page(slug, position)
           JOIN knowledge_entries e ON e.slug = page.slug
           LEFT JOIN laender l ON l.code = e.land_code
           WHERE e.status = $2
           ORDER BY page.position"#,
        slugs,
        EntryStatus::Published as EntryStatus,
    )
    .fetch_all(pool)
    .await
}

/// The `limit` published entries changed last that match the facets of `request` (its words
/// are not looked at), newest change first: the Atom feed.
pub async fn latest_changes(
    pool: &PgPool,
    request: &SearchRequest,
    limit: i64,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!(
        r#"SELECT e.slug AS "slug!"
           FROM kc_knowledge_hits(NULL, $1, $2, $3, $4, $5, $6, $7) e
           ORDER BY e.updated_at DESC, e.id DESC
           LIMIT $8"#,
        &request.kinds,
        &request.levels,
        &request.felder,
        &request.themen,
        &request.phasen,
        &request.laender,
        &request.years,
        limit,
    )
    .fetch_all(pool)
    .await
}

#[derive(Debug, Deserialize)]
pub struct PublicPartner {
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Deserialize)]
pub struct PublicMeasure {
    pub title: String,
    pub description: String,
    pub handlungsfelder: Vec<String>,
    pub lebensphasen: Vec<String>,
    pub sozialraum: Option<String>,
}

/// What a public profile shows of a network besides the list's fields: its partners (name and
/// kind, no contact) and its running measures.
#[derive(Debug)]
pub struct ProfileDetails {
    pub id: i64,
    pub is_public: bool,
    pub partners: Json<Vec<PublicPartner>>,
    pub measures: Json<Vec<PublicMeasure>>,
}

/// The details of the networks `ids` (a page of the public list).
pub async fn profile_details(pool: &PgPool, ids: &[i64]) -> sqlx::Result<Vec<ProfileDetails>> {
    sqlx::query_as!(
        ProfileDetails,
        r#"SELECT n.id, n.is_public,
                  (SELECT coalesce(json_agg(json_build_object('name', p.name, 'kind', p.kind)
                                            ORDER BY p.name), '[]')
                   FROM partners p WHERE p.network_id = n.id) AS "partners!: Json<Vec<PublicPartner>>",
                  (SELECT coalesce(json_agg(json_build_object(
                              'title', m.title, 'description', m.description,
                              'handlungsfelder', m.handlungsfelder, 'lebensphasen', m.lebensphasen,
                              'sozialraum', s.name) ORDER BY m.title), '[]')
                   FROM measures m
                   LEFT JOIN sozialraeume s ON s.network_id = m.network_id AND s.id = m.sozialraum_id
                   WHERE m.network_id = n.id AND m.status = $2) AS "measures!: Json<Vec<PublicMeasure>>"
           FROM networks n WHERE n.id = ANY($1)"#,
        ids,
        MeasureStatus::Running as MeasureStatus,
    )
    .fetch_all(pool)
    .await
}

/// When the published entries and the public profiles last changed (the catalogue's
/// `dct:modified`); `None` while there are none.
pub struct Modified {
    pub entries: Option<OffsetDateTime>,
    pub networks: Option<OffsetDateTime>,
}

pub async fn modified(pool: &PgPool) -> sqlx::Result<Modified> {
    sqlx::query_as!(
        Modified,
        r#"SELECT (SELECT max(updated_at) FROM knowledge_entries WHERE status = $1) AS entries,
                  (SELECT max(updated_at) FROM networks WHERE is_public) AS networks"#,
        EntryStatus::Published as EntryStatus,
    )
    .fetch_one(pool)
    .await
}
