//! A synthetic corpus for measuring search speed: `count` published entries recombined from
//! the seeded ones (titles, summaries and bodies of different entries mixed, with their
//! facets), so that vocabulary, text lengths and facet spread are realistic. Its entries get no
//! related entries (computing them for every entry over the whole corpus is what the portal
//! avoids; `related_version` marks them done), but their HTML, as every entry has.

use sqlx::PgPool;

use crate::states::EntryStatus;

pub async fn generate(pool: &PgPool, count: i32) -> sqlx::Result<u64> {
    let result = sqlx::query!(
        r#"WITH seeds AS (
               SELECT row_number() OVER (ORDER BY id) - 1 AS n, title, summary, body, kind, level,
                      handlungsfelder, themes, lebensphasen, land_code, place
               FROM knowledge_entries WHERE seeded
           ),
           total AS (SELECT count(*) AS c FROM seeds)
           INSERT INTO knowledge_entries (slug, title, kind, level, summary, body, source_document,
                  source_section, place, land_code, year, handlungsfelder, themes, lebensphasen, status,
                  published_at, related_version)
           SELECT 'synthetisch-' || g, a.title || ' (Variante ' || g || ')', a.kind, b.level, b.summary,
                  a.body || E'\n\n' || c.body, 'Synthetischer Korpus', 'Abschnitt ' || (g % 9 + 1),
                  b.place, b.land_code, 2012 + g % 14, a.handlungsfelder, b.themes, c.lebensphasen,
                  $2, now() - make_interval(days => g % 900), 1
           FROM generate_series(1, $1) g, total
           JOIN seeds a ON true JOIN seeds b ON true JOIN seeds c ON true
           WHERE a.n = g % total.c AND b.n = (g * 7 + 3) % total.c AND c.n = (g * 13 + 5) % total.c
           ON CONFLICT ON CONSTRAINT knowledge_entries_slug_key DO NOTHING"#,
        count,
        EntryStatus::Published as EntryStatus,
    )
    .execute(pool)
    .await?;
    super::db::complete(pool).await?;
    // As autovacuum would leave it, so that measurements start from a settled table:
    // statistics for the planner, the visibility map set.
    sqlx::query!("VACUUM ANALYZE knowledge_entries, knowledge_words")
        .execute(pool)
        .await?;
    Ok(result.rows_affected())
}
