//! Measures taken over from a published good-practice entry of the knowledge platform.

use sqlx::{PgExecutor, Postgres, Transaction};

use crate::states::EntryStatus;

/// A published good-practice entry, as far as a measure form is prefilled from it.
#[derive(Clone, Debug)]
pub struct Practice {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub handlungsfelder: Vec<String>,
}

/// The published good-practice entry `slug`, if there is one.
pub async fn find(db: impl PgExecutor<'_>, slug: &str) -> sqlx::Result<Option<Practice>> {
    sqlx::query_as!(
        Practice,
        "SELECT slug, title, summary, handlungsfelder FROM knowledge_entries
         WHERE slug = $1 AND status = $2 AND kind = 'good_practice'",
        slug,
        EntryStatus::Published as EntryStatus,
    )
    .fetch_optional(db)
    .await
}

/// Links measure `id` of the network to the published good-practice entry `slug`; `false` if
/// there is no such entry (any more).
pub async fn link(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    id: i64,
    slug: &str,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE measures m SET knowledge_entry_id = e.id
         FROM knowledge_entries e
         WHERE m.network_id = $1 AND m.id = $2
           AND e.slug = $3 AND e.status = $4 AND e.kind = 'good_practice'",
        network_id,
        id,
        slug,
        EntryStatus::Published as EntryStatus,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

/// The entry measure `id` was taken over from: (slug, title), if it is still published.
pub async fn of_measure(
    db: impl PgExecutor<'_>,
    network_id: i64,
    id: i64,
) -> sqlx::Result<Option<(String, String)>> {
    let row = sqlx::query!(
        "SELECT e.slug, e.title FROM measures m
         JOIN knowledge_entries e ON e.id = m.knowledge_entry_id
         WHERE m.network_id = $1 AND m.id = $2 AND e.status = $3",
        network_id,
        id,
        EntryStatus::Published as EntryStatus,
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.slug, r.title)))
}

/// The networks of municipality `ags`: (id, name), by name.
pub async fn networks_of(db: impl PgExecutor<'_>, ags: &str) -> sqlx::Result<Vec<(i64, String)>> {
    let rows = sqlx::query!(
        r#"SELECT id, name FROM networks WHERE kommune_ags = $1 ORDER BY name COLLATE "de-x-icu", id"#,
        ags
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}
