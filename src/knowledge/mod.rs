//! The knowledge platform (Wissensplattform): good practice, workshop results and
//! recommendations from the NAP Kinderchancen, searchable in German by anyone; drafted by
//! municipalities and Länder, curated and published by the federal Geschäftsstelle.

mod corrections;
pub mod db;
pub mod facets;
mod forms;
mod help;
mod markdown;
mod routes;
pub mod search;
pub mod seed;
mod synonyms;
pub mod synthetic;
pub mod vocab;

/// The Atom feed of new and changed entries: served by `opendata`, linked from `/wissen`.
pub const FEED: &str = "/wissen/feed.atom";

pub fn routes() -> axum::Router<crate::state::AppState> {
    routes::routes()
        .merge(corrections::routes())
        .merge(synonyms::routes())
        .merge(help::routes())
}

/// The public networks with the most running measures in `felder` × `phasen` (at most
/// `limit`), kept per `revision` of the country's data (which the caller read): PostgreSQL
/// plans that statement anew on every execution (its generic plan cannot know how many fields
/// and phases come), and every entry page and help page asks for it.
pub async fn networks_covering(
    state: &crate::state::AppState,
    felder: &[String],
    phasen: &[String],
    limit: i64,
    revision: crate::computed::Revision,
) -> crate::error::AppResult<Vec<db::NetworkLink>> {
    /// Combinations of fields and phases kept (entries share most of them).
    const KEPT: usize = 500;
    let scope = format!("{}|{}|{limit}", felder.join(","), phasen.join(","));
    let networks = state
        .computed
        .get_or_compute_kept("networks_covering", &scope, revision, KEPT, || async {
            db::networks_covering(&state.pool, felder, phasen, limit).await
        })
        .await?;
    Ok(networks.as_ref().clone())
}
