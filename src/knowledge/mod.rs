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
