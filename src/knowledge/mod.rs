//! The knowledge platform (Wissensplattform): good practice, workshop results and
//! recommendations from the NAP Kinderchancen, searchable in German by anyone; drafted by
//! municipalities and Länder, curated and published by the federal Geschäftsstelle.

pub mod db;
pub mod facets;
mod forms;
mod markdown;
mod routes;
pub mod search;
pub mod seed;
pub mod synthetic;
pub mod vocab;

pub use routes::routes;
